"""Trigger lexicon: the words that announce an event of each taxonomy type.

One compiled alternation with a named group per rule finds every candidate in
a single pass over the text (the pipeline must stay fast); each rule may then
demand context (``need``: a word that must occur near it, "sent" only counts
with "troops") or refuse it (``veto``: "heart attack", "meet the demand").
Nouns and verbs are kept apart because they behave differently for tense,
status and date attachment ("the June summit" vs "met in June").

The lists are about news of conflict, diplomacy and politics in general; no
entry is keyed to a particular article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Objects that make a movement verb ("sent", "dispatched") a military deployment.
_MILITARY = (
    r"troops?|soldiers|forces|personnel|service ?members|servicemen|marines|sailors|warships|"
    r"ships|vessels|destroyers|carriers?|submarines|jets|fighter|aircraft|bombers|tanks|"
    r"battalions?|brigades?|regiments?|divisions?|units|peacekeepers|advisers|advisors|"
    r"contingent|reinforcements|mercenaries|fighters|military"
)
# Weapons that make "fired", "hit" or "launched" an attack.
_WEAPON = (
    r"missiles?|rockets?|drones?|shells?|bombs?|artillery|mortars?|munitions|projectiles|"
    r"ballistic|cruise|warheads?|grenades?|airstrikes?|strikes?|attacks?|gunfire|bullets"
)
# Things air defences bring down.
_AERIAL = (
    r"drones?|missiles?|rockets?|UAVs?|unmanned|aircraft|jets?|warplanes?|helicopters?|"
    r"projectiles|balloons?|planes?|shaheds?"
)
_POLICY_OBJECT = (
    r"plans?|polic(?:y|ies)|measures|ban|package|aid|strategy|program|programme|initiative|"
    r"reforms?|withdrawal|law|legislation|rules?|budget|tax(?:es)?|cuts|funding|assistance|"
    r"sanctions|tariffs|restrictions|mobili[sz]ation|conscription|curfew|ceasefire|troops"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger family: its type, part of speech, strength and context conditions."""

    name: str
    type: str
    pos: str  # "verb" | "noun"
    pattern: str
    strength: float = 0.6
    #: A word that must appear within ``window`` characters (either side, same sentence).
    need: re.Pattern[str] | None = None
    #: Context that disqualifies the match (checked on ``left + match + right``).
    veto: re.Pattern[str] | None = None
    window: int = 60


def words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string (easier to read and extend)."""
    return frozenset(text.split())


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


RULES: tuple[Rule, ...] = (
    # agreement -------------------------------------------------------------------------------
    Rule(
        "agreement_noun",
        "agreement",
        "noun",
        r"agreements?|accords?|pacts?|treat(?:y|ies)|cease-?fires?|truces?|armistice|"
        r"memorand(?:um|a) of understanding",
        0.6,
        veto=_rx(r"\bin agreement with\b|\bagreement (?:that|with (?:him|her|them|what))\b"),
    ),
    Rule(
        "agreement_deal",
        "agreement",
        "noun",
        r"deals?",
        0.5,
        need=_rx(
            r"\b(?:a|the|new|landmark|security|nuclear|grain|hostage|minerals?|arms|defen[cs]e|"
            r"prisoner|peace|trade|ceasefire|cease-fire|bilateral|historic|reached|signed|struck)"
            r"\s+deals?\b"
        ),
        veto=_rx(r"\b(?:great|good|big|done) deal\b|\bdeal with\b"),
        window=30,
    ),
    # meeting ---------------------------------------------------------------------------------
    Rule(
        "meeting_noun",
        "meeting",
        "noun",
        r"meetings?|talks|summits?|visits?|briefings?|(?:phone|video) calls?|"
        r"negotiations|consultations",
        0.5,
        veto=_rx(
            r"\b(?:press|news|media) (?:briefing|conference)s?\b|\bpeace talks? (?:about|over)\b|"
            r"\b(?:he|she|it) talks\b|\btalks? (?:about|of) (?:a|the) \w+ing\b|\bsmall talk\b"
        ),
    ),
    Rule(
        "meeting_conference",
        "meeting",
        "noun",
        r"conferences?",
        0.45,
        # a named or diplomatic conference; "press conference" is only where words were said
        need=re.compile(
            r"(?:\b[A-Z][\w.-]*|\b(?:[Pp]eace|[Ss]ecurity|[Dd]onors?|[Cc]limate))\s+conferences?\b"
        ),
        veto=_rx(r"\b(?:press|news|media|video|phone) conferences?\b"),
        window=30,
    ),
    Rule(
        "meeting_verb",
        "meeting",
        "verb",
        r"met|meets?|meeting with|host(?:s|ed|ing)?|visit(?:s|ed|ing)?|held talks|"
        r"hold(?:s|ing)? talks|sat down with",
        0.65,
        veto=_rx(
            r"\bmeets? (?:the |its |their )?(?:demands?|needs|targets?|goals?|requirements|"
            r"criteria|deadlines?|expectations|standards|obligations|conditions|threshold)\b|"
            r"\ba host of\b|\bhost (?:country|nation|city|family|families)\b|"
            r"\bhosting (?:site|service)"
        ),
    ),
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
        veto=_rx(r"\bhow to (?:re)?deploy\b|\bwhether to (?:re)?deploy\b"),
    ),
    Rule(
        "deployment_send",
        "deployment",
        "verb",
        r"sen[dt]s?|sending|dispatch(?:es|ed|ing)?|station(?:s|ed|ing)|"
        r"moved (?:troops|forces)|rushed (?:troops|forces)",
        0.6,
        need=_rx(rf"\b(?:{_MILITARY})\b"),
        veto=_rx(r"\b(?:sent|sends?|sending) (?:a |the )?(?:letter|message|signal|note|email)"),
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
        need=_rx(rf"\b(?:{_MILITARY}|army|gunmen|militants)\b"),
    ),
    # attack ----------------------------------------------------------------------------------
    Rule(
        "attack_noun",
        "attack",
        "noun",
        r"(?:counter-?)?attacks?|air ?strikes?|strikes?|counter-?offensives?|"
        r"shelling|bombings?|bombardments?|barrages?|raids?|assaults?|ambush(?:es)?|"
        r"shootings?|explosions?|blasts?|massacres?|assassinations?",
        0.55,
        veto=_rx(
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
        need=_rx(
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
        veto=_rx(
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
        need=_rx(rf"\b(?:{_WEAPON})\b"),
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
        need=_rx(rf"\b(?:{_AERIAL})\b"),
        veto=_rx(r"\b(?:a|the|of) downed\b"),
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
        veto=_rx(
            r"\bdead(?:line|lock|ly)\b|\bkill (?:the|a) (?:bill|deal|plan)\b|\bdeath (?:penalty|"
            r"sentence|row|threats?)\b|\bkilled (?:the|a|his|her) (?:bill|deal|plan|proposal)\b"
        ),
    ),
    # election --------------------------------------------------------------------------------
    Rule(
        "election",
        "election",
        "noun",
        r"(?:by-|re-?)?elections?|referend(?:um|ums|a)|run-?offs?|ballots?|primaries|"
        r"primary elections?|caucus(?:es)?|(?:went|go|going|head(?:ed|ing)?) to the polls|"
        r"polls (?:opened|closed|open|close)",
        0.6,
        veto=_rx(r"\belection (?:commission|officials?|law|laws|campaign finance)\b"),
    ),
    Rule(
        "election_verb",
        "election",
        "verb",
        r"(?:re-?)?elected|vot(?:e|es|ed|ing)",
        0.5,
        veto=_rx(
            r"\bvote (?:of (?:no )?confidence|count)\b|\b(?:lawmakers|parliament|senate|senators|"
            r"congress|house|council|assembly|committee|legislators|deputies|judges|board|members"
            r"|mps) (?:\w+ )?vot(?:e|ed|es|ing)\b|\bvoted (?:to|against|for) (?:approve|pass|"
            r"reject|block|adopt|impeach|condemn|extend|confirm)\b"
        ),
    ),
    # sanctions -------------------------------------------------------------------------------
    Rule(
        "sanctions",
        "sanctions",
        "noun",
        r"sanctions?|embargo(?:es)?|asset freezes?|export controls|price cap|tariffs?",
        0.6,
        veto=_rx(
            r"\bsanctions? (?:relief|evasion)\b|\b(?:lifted|eased|lift|ease) (?:the )?sanction"
        ),
    ),
    Rule(
        "sanctions_verb",
        "sanctions",
        "verb",
        r"sanction(?:s|ed|ing)|blacklist(?:s|ed|ing)|froze (?:the )?assets|embargoed",
        0.65,
    ),
    # protest ---------------------------------------------------------------------------------
    Rule(
        "protest",
        "protest",
        "noun",
        r"protests?|protesters|protestors|rall(?:y|ies)|demonstrations?|demonstrators|"
        r"(?-i:march(?:es)?)|marchers|sit-ins?|riots?|rioters|walkouts?|strikers|"
        r"(?:general|labor|labour|national|hunger|nationwide) strikes?",
        0.55,
        veto=_rx(r"\brall(?:y|ies) (?:support|behind)\b|\b(?:stocks?|markets?|shares|prices) rall"),
    ),
    Rule(
        "protest_verb",
        "protest",
        "verb",
        r"protest(?:s|ed|ing)|rallied|(?-i:marched)|took to the streets|"
        r"(?:went|go|going) on strike|walked out",
        0.6,
        veto=_rx(r"\b(?:stocks?|markets?|shares|prices|currency|dollar) rallied\b"),
    ),
    # statement of policy ---------------------------------------------------------------------
    Rule(
        "policy_vow",
        "statement-of-policy",
        "verb",
        r"vow(?:s|ed)? to|pledg(?:e|es|ed) to|promis(?:e|es|ed) to|threaten(?:s|ed)? to",
        0.5,
    ),
    Rule(
        "policy_announce",
        "statement-of-policy",
        "verb",
        r"announc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|"
        r"declar(?:e|es|ed|ing)",
        0.5,
        need=_rx(
            rf"\b(?:{_POLICY_OBJECT}|martial law|state of emergency|emergency|independence)\b"
        ),
        window=40,
    ),
    Rule(
        "policy_order",
        "statement-of-policy",
        "noun",
        r"executive orders?|decrees?|signed into law|new law|martial law|state of emergency",
        0.55,
    ),
    # other -----------------------------------------------------------------------------------
    Rule(
        "other",
        "other",
        "verb",
        r"arrest(?:s|ed)?|detain(?:s|ed)|resign(?:s|ed|ation)|coup|impeach(?:ed|ment)|"
        r"annex(?:ed|ation)|test-fir(?:e|ed|es|ing)|(?:missile|nuclear) tests?|"
        r"prisoner (?:swap|exchange)s?|evacuat(?:ed|ion)|sworn in|inaugurat(?:ed|ion)|"
        r"withdr(?:ew|awn|awal) (?:of )?(?:troops|forces)|hostages? (?:release|were released)",
        0.4,
    ),
)

RULE_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}

#: Anchored at a word start: which rule's trigger starts here (the group name says which).
TRIGGER = re.compile(
    "(?:" + "|".join(rf"(?P<{r.name}>{r.pattern})" for r in RULES) + r")(?![\w-])",
    re.IGNORECASE,
)
