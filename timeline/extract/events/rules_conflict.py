"""Trigger rules for armed conflict: deployment, invasion, incursion, attack, air defense,
casualties (see docs/taxonomy.md for what each type covers)."""

from __future__ import annotations

from timeline.extract.events.rule import AERIAL, MILITARY, WEAPON, Rule, rx

CONFLICT: tuple[Rule, ...] = (
    # deployment ------------------------------------------------------------------------------
    Rule(
        "deployment_noun",
        "deployment",
        "noun",
        r"(?:re)?deployments?|troop buildup|build-?up of (?:troops|forces)",
        0.5,
    ),
    Rule(
        "deployment_verb",
        "deployment",
        "verb",
        r"(?:re)?deploy(?:s|ed|ing)?",
        0.65,
        veto=rx(r"\bhow to (?:re)?deploy\b|\bwhether to (?:re)?deploy\b"),
    ),
    Rule(
        "deployment_send",
        "deployment",
        "verb",
        r"sen[dt]s?|sending|dispatch(?:es|ed|ing)?|station(?:s|ed|ing)|"
        r"moved (?:troops|forces)|rushed (?:troops|forces)|(?:a)?mass(?:es|ed|ing)",
        0.6,
        need=rx(rf"\b(?:{MILITARY})\b"),
        veto=rx(r"\b(?:sent|sends?|sending) (?:a |the )?(?:letter|message|signal|note|email)"),
        window=45,
    ),
    # invasion / incursion --------------------------------------------------------------------
    Rule("invasion", "invasion", "noun", r"invasions?|full-scale war", 0.6),
    Rule("invasion_verb", "invasion", "verb", r"invad(?:e|es|ed|ing)", 0.65),
    Rule(
        "incursion",
        "incursion",
        "noun",
        r"incursions?|cross-border (?:raids?|offensive|operation|attack)s?|infiltrations?",
        0.65,
    ),
    Rule(
        "incursion_verb",
        "incursion",
        "verb",
        r"crossed (?:the |into )?(?:\w+ )?border|cross(?:es|ing)? (?:the |into )(?:\w+ )?border|"
        r"(?:pushed|stormed|advanced|crossed) into|infiltrated",
        0.6,
        need=rx(rf"\b(?:{MILITARY}|army|gunmen|militants)\b"),
        window=200,
    ),
    # attack ----------------------------------------------------------------------------------
    Rule(
        "attack_noun",
        "attack",
        "noun",
        r"(?:counter-?)?attacks?|air ?strikes?|strikes?|counter-?offensives?|"
        r"shelling|bombs?|bombings?|bombardments?|barrages?|raids?|assaults?|ambush(?:es)?|"
        r"shootings?|explosions?|blasts?|massacres?|assassinations?",
        0.55,
        veto=rx(
            r"\b(?:heart|panic|asthma|verbal|personal|cyber|political) attacks?\b|"
            r"\battacks? on (?:his|her|their) (?:rivals?|critics|record)\b|"
            r"\b(?:general|labor|labour|hunger|national|teachers'?|workers'?|rail|transport)"
            r" strikes?\b|\b(?:went|go|going|are|were|is|be) on strike\b|\bstrike (?:a|the) "
            r"(?:balance|deal|chord|tone|agreement|bargain|pose)\b|\bstrike action\b|"
            r"\bstrikes? (?:by|of) (?:workers|unions?|teachers|doctors|nurses|miners)\b|"
            r"\bpolice raids?\b"
        ),
    ),
    Rule(
        "attack_offensive",
        "attack",
        "noun",
        r"offensives?",
        0.5,
        need=rx(
            r"\b(?:an|the|new|major|spring|summer|winter|military|ground|launched)\s+offensive"
        ),
        window=25,
    ),
    Rule(
        "attack_verb",
        "attack",
        "verb",
        r"attack(?:s|ed|ing)?|struck|strikes|striking|shell(?:s|ed|ing)|bomb(?:s|ed|ing)|"
        r"pound(?:s|ed|ing)|ambushed|raided|stormed|assaulted|opened fire",
        0.6,
        veto=rx(
            r"\bstruck (?:a|an|the) (?:deal|agreement|balance|chord|tone|bargain|note|pose)\b|"
            r"\battacked (?:the |his |her |their )?(?:proposal|plan|policy|bill|decision|"
            r"remarks?|comments?|record|rivals?|critics?|media|press)\b|\bthunderstruck\b|"
            r"\bstormed (?:out|off)\b"
        ),
    ),
    Rule(
        "attack_weapon",
        "attack",
        "verb",
        r"fired|launched|hit|targeted|targeting",
        0.5,
        need=rx(rf"\b(?:{WEAPON})\b"),
        window=40,
    ),
    # air defense -----------------------------------------------------------------------------
    Rule(
        "air_defense",
        "air-defense",
        "verb",
        r"shot down|shoot(?:s|ing)? down|downed|intercept(?:s|ed|ing)?|interceptions?|"
        r"repelled|neutrali[sz]ed|destroyed",
        0.65,
        need=rx(rf"\b(?:{AERIAL})\b"),
        veto=rx(r"\b(?:a|the|of) downed\b"),
        window=45,
    ),
    # casualties ------------------------------------------------------------------------------
    Rule(
        "casualties",
        "casualties",
        "verb",
        r"killed|kill(?:s|ing)|dead|died|dies|deaths?|death toll|wounded|wounding|injured|"
        r"injuring|injuries|casualties|lost (?:their|his|her) lives",
        0.5,
        veto=rx(
            r"\bdead(?:line|lock|ly)\b|\bkill (?:the|a) (?:bill|deal|plan)\b|\bdeath (?:penalty|"
            r"sentence|row|threats?)\b|\bkilled (?:the|a|his|her) (?:bill|deal|plan|proposal)\b"
        ),
    ),
)
