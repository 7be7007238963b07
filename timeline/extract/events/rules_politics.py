"""Trigger rules for diplomacy and politics: agreement, meeting, election, sanctions,
protest, statement of policy, other (see docs/taxonomy.md for what each type covers)."""

from __future__ import annotations

import re

from timeline.extract.events.rule import POLICY_OBJECT, Rule, rx

POLITICS: tuple[Rule, ...] = (
    # agreement -------------------------------------------------------------------------------
    Rule(
        "agreement_noun",
        "agreement",
        "noun",
        r"agreements?|accords?|pacts?|treat(?:y|ies)|cease-?fires?|truces?|armistice|"
        r"memorand(?:um|a) of understanding",
        0.6,
        veto=rx(r"\bin agreement with\b|\bagreement (?:that|with (?:him|her|them|what))\b"),
    ),
    Rule(
        "agreement_agreed",
        "agreement",
        "verb",
        r"agreed(?= (?:on|to|upon|that)\b)|reached (?:an? )?(?:\w+ )?(?:agreement|deal|accord)",
        0.5,
    ),
    Rule(
        "agreement_deal",
        "agreement",
        "noun",
        r"deals?",
        0.5,
        need=rx(
            r"\b(?:a|the|new|landmark|security|nuclear|grain|hostage|minerals?|arms|defen[cs]e|"
            r"prisoner|peace|trade|ceasefire|cease-fire|bilateral|historic|reached|signed|struck)"
            r"\s+deals?\b"
        ),
        veto=rx(r"\b(?:great|good|big|done) deal\b|\bdeal with\b"),
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
        veto=rx(
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
        veto=rx(r"\b(?:press|news|media|video|phone) conferences?\b"),
        window=30,
    ),
    Rule(
        "meeting_verb",
        "meeting",
        "verb",
        r"met|meets?|meeting with|host(?:s|ed|ing)?|visit(?:s|ed|ing)?|held talks|"
        r"hold(?:s|ing)? talks|sat down with",
        0.65,
        veto=rx(
            r"\bmeets? (?:the |its |their )?(?:demands?|needs|targets?|goals?|requirements|"
            r"criteria|deadlines?|expectations|standards|obligations|conditions|threshold)\b|"
            r"\ba host of\b|\bhost (?:country|nation|city|family|families)\b|"
            r"\bhosting (?:site|service)|\b(?:by|the|radio|show|talk|tv|television|program|"
            r"co-)\s*host\b|\b(?:was|were|been|is|are|be) met with\b"
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
        veto=rx(r"\belection (?:commission|officials?|law|laws|campaign finance)\b"),
    ),
    Rule(
        "election_verb",
        "election",
        "verb",
        r"(?:re-?)?elected|voted",
        0.5,
        veto=rx(
            r"\belected (?:officials?|leaders?|representatives?|members?|government|lawmakers|"
            r"politicians?|office|bodies|body)\b|\bdemocratically elected\b|"
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
        veto=rx(
            r"\bsanctions? (?:relief|evasion)\b|\b(?:lifted|eased|lift|ease) (?:the )?sanction"
        ),
    ),
    Rule(
        "sanctions_verb",
        "sanctions",
        "verb",
        r"sanction(?:s|ed|ing)|blacklist(?:s|ed|ing)|froze (?:the )?assets|embargoed|"
        r"(?:suspend|halt|restrict|block)(?:s|ed|ing)? (?:\w+ )?(?:imports|exports)|"
        r"ban(?:s|ned|ning)? (?:\w+ )?(?:imports|exports)|"
        r"(?:import|export) bans?",
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
        veto=rx(r"\brall(?:y|ies) (?:support|behind)\b|\b(?:stocks?|markets?|shares|prices) rall"),
    ),
    Rule(
        "protest_verb",
        "protest",
        "verb",
        r"protest(?:s|ed|ing)|rallied|(?-i:marched)|took to the streets|"
        r"(?:went|go|going) on strike|walked out",
        0.6,
        veto=rx(r"\b(?:stocks?|markets?|shares|prices|currency|dollar) rallied\b"),
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
        need=rx(rf"\b(?:{POLICY_OBJECT}|martial law|state of emergency|emergency|independence)\b"),
        window=40,
    ),
    Rule(
        "policy_withdraw",
        "statement-of-policy",
        "verb",
        r"(?:suspend|halt|freez|froze|cancel|postpon|call(?:ed)? off|br(?:ea|o)k(?:e|s|ing)? off|"
        r"pull(?:ed|s|ing)? out of|withdr[ae]w(?:s|n|ing)? from|quit|exit|leav(?:e|es|ing)|left)"
        r"[a-z]* (?:\w+ ){0,2}(?:talks|negotiations|membership|accession|treaty|agreement|"
        r"accord|deal|participation|cooperation|the alliance)",
        0.55,
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
        r"arrest(?:s|ed)?|detain(?:s|ed)|resign(?:s|ed|ation)|impeach(?:ed|ment)|"
        r"annex(?:ed|ation)|test-fir(?:e|ed|es|ing)|(?:missile|nuclear) tests?|"
        r"prisoner (?:swap|exchange)s?|evacuat(?:ed|ion)|sworn in|inaugurat(?:ed|ion)|"
        r"withdr(?:ew|awn|awal) (?:of )?(?:troops|forces)|hostages? (?:release|were released)",
        0.4,
    ),
    Rule(
        "other_noun",
        "other",
        "noun",
        r"(?:military|live-fire|naval|joint|air|army) (?:drills|exercises)|war games|coup",
        0.4,
    ),
    Rule(
        "other_capture",
        "other",
        "verb",
        r"captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|took control of|tak(?:e|es|ing) control of|"
        r"retook|recaptur(?:e|es|ed|ing)|liberat(?:e|es|ed|ing)",
        0.45,
        # a place must follow: "captured the city of Bakhmut", "seized Avdiivka"
        need=re.compile(
            r"(?:captur|seiz|control of|retook|recaptur|liberat)\w*\s+(?:the\s+)?(?:(?:[Cc]ity|"
            r"[Tt]own|[Vv]illage|[Rr]egion|[Tt]erritory|[Ss]ettlement|[Aa]irport|[Pp]ort)\b|"
            r"(?:eastern |southern |northern |western )?[A-Z])"
        ),
        window=40,
    ),
)
