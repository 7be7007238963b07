"""The TIMEX3 grammar: one regex per rule family, joined into one big alternation.

Patterns run over the lower-cased text.  Each family is a named group (``mdy``,
``dur`` ...) whose sub-groups carry a family prefix (``mdy_mon``); ``rules.py`` has
one handler per family.  Alternation order matters: at a given start the first family
that matches wins, so longer and more specific families come first.

``ANCHOR`` finds the head words every time expression contains (month and weekday
names, unit words, digits, "today", "now" ...).  The tagger only tries the grammar
near anchors, which keeps the engine fast on text with few time expressions.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, ORDINALS, SEASONS, TENS, UNITS_SMALL, WEEKDAYS, alt, trie_alt

END = r"(?![a-z0-9])"
# One gap between words: spaces, or a line break without a blank line.
S = r"(?:[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)"
# A space or a hyphen ("two-year", "mid-1990s").
SH = rf"(?:{S}|[ \t]?-[ \t]?)"
APOS = "['\u2019]"

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
_MONTH = rf"(?:{trie_alt(_FULL_MONTHS)}|(?:{trie_alt(_ABBR_MONTHS)})\.?)"
_WEEKDAY = trie_alt(WEEKDAYS)
_SEASON = trie_alt(SEASONS)
_SMALL = trie_alt(UNITS_SMALL)
_TENS = trie_alt(TENS)
NUMWORD = (
    rf"(?:(?:{_TENS})(?:{SH}(?:{_SMALL}))?|{_SMALL}|a{S}hundred|hundred|a{S}thousand)"
    rf"(?:{S}(?:hundred|thousand))?"
)
_ORD_SMALL = trie_alt(ORDINALS)
ORDWORD = rf"(?:(?:twenty|thirty){SH}(?:{_ORD_SMALL})|{_ORD_SMALL})"
YEARWORDS = (
    rf"(?:(?:nineteen|eighteen|twenty){SH}(?:(?:{_TENS})(?:{SH}(?:{_SMALL}))?|{_SMALL})"
    rf"|two{S}thousand(?:{S}(?:and{S})?(?:{_SMALL}))?)"
)
_YEAR_RAW = r"(?:1[0-9]|20)\d\d"
QTY = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:{S}\d/\d)?|\d/\d|½"
    rf"|{NUMWORD}(?:{S}and{S}(?:a{S})?half)?|a{S}couple{S}of|a{S}couple|couple{S}of|a{S}few"
    rf"|a{S}dozen|a{S}number{S}of|dozens{S}of|hundreds{S}of|several|few|many|some"
    rf"|a|an|one)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries|millennium|millennia)"
)
_MOD = (
    rf"(?:early|late|mid|the{S}end{S}of|the{S}beginning{S}of|the{S}start{S}of"
    rf"|the{S}middle{S}of|the{S}rest{S}of|the{S}balance{S}of|the{S}remainder{S}of"
    rf"|the{S}first{S}half{S}of|the{S}second{S}half{S}of|the{S}last{S}half{S}of"
    rf"|the{S}turn{S}of)"
)
_MODSEP = rf"(?:{S}|{S}?-{S}?)"
_DAYPART = r"(?:morning|afternoon|evening|night)"


def month(p: str) -> str:
    return rf"(?P<{p}mon>{_MONTH}){END}"


def day(p: str) -> str:
    # A day of the month: "7", "7th", "seventh"; never the start of "10,000" or "7.5".
    return (
        rf"(?P<{p}day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|,\d|\.\d|[a-z])"
        rf"|{ORDWORD}{END})"
    )


def year(p: str) -> str:
    return rf"(?:(?P<{p}year>{_YEAR_RAW})(?![\d%]|,\d|\.\d|[a-z])|{APOS}(?P<{p}yy>\d\d){END})"


_ISO = (
    r"(?P<iso>(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)"
    r"(?:t(?P<iso_h>\d\d):(?P<iso_mi>\d\d)(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?)?(?![\d-])"
    r"|(?P<iso_wy>\d{4})-w(?P<iso_w>\d\d)(?:-(?P<iso_wd>[1-7]))?(?![\d-])"
    r"|(?P<iso_qy>\d{4})-q(?P<iso_q>[1-4])(?![\d-]))"
)
_NUMDATE = r"(?P<nd>(?P<nd_a>\d{1,2})/(?P<nd_b>\d{1,2})/(?P<nd_y>\d{4}|\d\d)(?![\d/]))"

_CLOCK = (
    rf"(?:(?P<tm_h>\d{{1,2}})(?:[:.](?P<tm_mi>[0-5]\d))?{S}?(?P<tm_ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
    rf"|(?P<tm_h2>[01]?\d|2[0-3]):(?P<tm_mi2>[0-5]\d)(?![\d:])"
    rf"|(?P<tm_word>noon|midnight|midday)"
    rf"|(?P<tm_h3>\d{{1,2}}|{_SMALL})(?:{S}o{APOS}clock)?{S}in{S}the{S}(?P<tm_part>morning|afternoon|evening)"
    rf"|(?P<tm_h4>\d{{1,2}}|{_SMALL}){S}o{APOS}clock)"
)
_TZ = rf"(?:,?{S}\(?(?P<tm_tz>est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest)\)?{END})?"
_TIME = (
    rf"(?P<tm>{_CLOCK}{_TZ}(?:,?{S}(?:on{S})?(?:(?P<tm_rd>today|tonight|yesterday|tomorrow)"
    rf"|(?P<tm_wd>{_WEEKDAY})(?:,?{S}{month('tm_')}{S}{day('tm_')})?"
    rf"|{month('tm2_')}{S}{day('tm2_')}(?:,?{S}{year('tm2_')})?){END})?)"
)

_HOLIDAY = (
    rf"(?P<ho>(?:(?P<ho_rel>last|next|this{S}past|this{S}coming|this){S})?"
    rf"(?P<ho_name>thanksgiving(?:{S}day)?|christmas(?:{S}(?:day|eve))?"
    rf"|new{S}year{APOS}s(?:{S}(?:day|eve))?|easter(?:{S}(?:sunday|monday|week))?"
    rf"|good{S}friday|independence{S}day|the{S}fourth{S}of{S}july|halloween"
    rf"|valentine{APOS}s{S}day|labor{S}day|memorial{S}day|veterans{APOS}?{S}day"
    rf"|election{S}day|boxing{S}day)(?:,?{S}{year('ho_')})?{END})"
)

_REL_DAYWORD = rf"(?:this{S}coming|this{S}past|this|last|next|coming)"
_MDY = (
    rf"(?P<mdy>(?:(?P<mdy_rel>{_REL_DAYWORD}){S})?(?:(?P<mdy_wd>{_WEEKDAY}),?{S})?"
    rf"(?:{month('mdy_')}{S}?(?:the{S})?{day('mdy_')}(?:(?:,{S}?|{S})(?:of{S})?{year('mdy_')})?"
    rf"|(?:the{S})?{day('mdy2_')}(?:{S}of)?{S}{month('mdy2_')}(?:,?{S}{year('mdy2_')})?))"
)
_MY = (
    rf"(?P<my>(?:(?P<my_mod>{_MOD}){_MODSEP})?{month('my_')}"
    rf"(?:,?{S}(?:of{S})?(?:{year('my_')}|(?P<my_yw>{YEARWORDS}){END})"
    rf"|{S}(?:of{S})?(?P<my_rel>this|last|next|that|the{S}same|the{S}following|the{S}previous)"
    rf"{S}year))"
)
_QUARTER = (
    rf"(?P<q>(?:(?:the|its|their|this|that|a|an){S})?"
    rf"(?:(?P<q_y1>{_YEAR_RAW})(?:{APOS}s)?{S}|(?P<q_r1>this|last|next|the{S}current|the{S}previous)"
    rf"{S}(?:fiscal{S})?year(?:{APOS}s|s{APOS}){S}|(?P<q_adj>fiscal|calendar|flat|strong|weak){S})*"
    rf"(?:(?P<q_ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)"
    rf"(?:{SH}(?:fiscal|calendar){SH}|{SH})"
    rf"(?P<q_unit>quarter|half)|(?P<q_two>first{S}two){S}quarters)"
    rf"(?:{S}(?:of|in|for){S}(?:the{S})?(?:fiscal{S}|calendar{S})?(?:year{S})?"
    rf"(?:(?P<q_y2>{_YEAR_RAW})|(?P<q_r2>this|last|next){S}year)|,?{S}(?P<q_y3>{_YEAR_RAW}))?{END}"
    rf"|(?P<q_qn>q[1-4])(?:{S}(?:of{S})?(?:fy{S}?)?(?P<q_y4>{_YEAR_RAW}|{APOS}\d\d))?{END})"
)
_QREF = (
    rf"(?P<qr>(?:(?P<qr_det>the|this|that|its|their|last{S}year{APOS}s|this{S}year{APOS}s)){S}"
    rf"(?:(?:comparable|corresponding){S}(?=year))?(?:(?P<qr_adj>latest|current|most{S}recent|recent|same|year{SH}earlier|year{SH}ago"
    rf"|comparable|corresponding|just{SH}ended|previous|prior|{_YEAR_RAW}|fiscal){S})?"
    rf"(?:(?P<qr_ord>first|second|third|fourth){SH})?"
    rf"(?P<qr_unit>quarter|period)(?![a-z0-9-])"
    rf"(?P<qr_tail>{S}a{S}year{S}(?:ago|earlier)|{S}(?:of{S})?last{S}year|{S}a{S}year{S}earlier)?"
    rf"(?:(?={S}(?:ended|ending|that{S}ended){S}{month('qr_')}{S}{day('qr_')}))?)"
)
_FISCAL = (
    rf"(?P<fy>(?:(?:the{S})?(?P<fy_rel>current|this|last|next|previous|coming){S})?"
    rf"fiscal(?:{S}year)?{SH}?(?:(?P<fy_y>{_YEAR_RAW})|{APOS}(?P<fy_yy>\d\d)){END}"
    rf"|fy{S}?(?:(?P<fy_y2>{_YEAR_RAW})|{APOS}?(?P<fy_yy2>\d\d)){END}"
    rf"|(?:the{S})?(?P<fy_rel2>current|this|last|next|previous|coming|new){S}fiscal{S}year{END})"
)
_DECADE = (
    rf"(?P<dc>(?:(?:the{S})?(?P<dc_mod>early|late|mid|(?:the{S})?(?:first|second|last|latter)"
    rf"{S}half{S}of){_MODSEP})?(?:the{S})?"
    rf"(?:(?P<dc_c>1[0-9]|20)(?P<dc_d>\d)0{APOS}?s|{APOS}(?P<dc_d2>\d)0{APOS}?s"
    rf"|(?:(?P<dc_c2>nineteen|eighteen){SH})?(?P<dc_w>twenties|thirties|forties|fifties|sixties"
    rf"|seventies|eighties|nineties)){END}"
    rf"|(?P<cn>(?:the{S})?(?:(?P<cn_mod>early|late|mid|turn{S}of{S}the){_MODSEP})?"
    rf"(?:(?P<cn_ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDWORD})|(?P<cn_rel>this|last|next|previous)"
    rf"){SH}century{END}))"
)
_DETS = r"(?:the|these|those|its|their|this|that|his|her|our|a|an)"
_POS = (
    r"(?:first|last|past|next|coming|previous|following|final|latest|remaining|additional"
    r"|further|entire|whole|full|same|initial|ensuing|preceding|recent|subsequent|prior|other)"
)
_APPROX = (
    rf"(?:nearly|almost|more{S}than|less{S}than|fewer{S}than|at{S}least|at{S}most|up{S}to"
    rf"|no{S}more{S}than|no{S}less{S}than|not{S}more{S}than|over|under|well{S}over"
    rf"|in{S}excess{S}of|upwards{S}of|the{S}better{S}part{S}of)"
)
_AGO = (
    rf"(?P<ag>(?:(?P<ag_apx>{_APPROX}|about|around|some|roughly|approximately){S})?"
    rf"(?:(?P<ag_q>{QTY}){SH})?(?:more{S})?(?P<ag_u>{_UNIT})(?P<ag_half>{S}and{S}a{S}half)?"
    rf"(?:{S}or{S}so)?{S}(?P<ag_dir>ago|from{S}now|hence|earlier|before|later|back){END})"
)
_SET = (
    rf"(?P<st>(?P<st_q>every|each|per){S}(?:(?P<st_other>other){S})?(?:(?P<st_n>{QTY}){SH})?"
    rf"(?:(?P<st_u>{_UNIT})|(?P<st_wd>{_WEEKDAY})|{month('st_')}|(?P<st_se>{_SEASON})"
    rf"|(?P<st_dp>{_DAYPART})){END}"
    rf"|(?P<st_f>once|twice|thrice|(?:{NUMWORD}|\d+){S}times){S}(?:a|an|per|each|every){S}"
    rf"(?P<st_u2>{_UNIT}){END}"
    rf"|(?P<st_adv>daily|weekly|bi-?weekly|monthly|bi-?monthly|annually|yearly"
    rf"|hourly|nightly|semi-?annually|bi-?annually|fortnightly){END})"
)
_DUR = (
    rf"(?P<du>(?:(?P<du_apx>{_APPROX}){S})?(?:(?P<du_each>each{S}of{S})?(?P<du_det>{_DETS}){S})?"
    rf"(?:(?P<du_pos>{_POS}){S})?(?:(?P<du_q>{QTY}){SH})?"
    rf"(?:(?P<du_more>more|additional|extra|straight|consecutive|full|long|fiscal|trading"
    rf"|business|working){S})?"
    rf"(?P<du_u>{_UNIT})(?P<du_half>{S}and{S}a{S}half)?(?P<du_suf>-long|-old|{S}old)?"
    rf"(?![a-z0-9]|-[a-z])"
    rf"(?P<du_or>{S}or{S}(?:{QTY}{SH})?{_UNIT}{END}|{S}or{S}so{END})?)"
)
_SEASONS = (
    rf"(?P<se>(?:(?P<se_mod>{_MOD}){_MODSEP})?(?:(?P<se_det>the|this{S}past|this{S}coming|this"
    rf"|last|next|coming|past|that){S})?(?P<se_s>{_SEASON})"
    rf"(?:{S}(?:of{S})?(?:{year('se_')}|(?P<se_yw>{YEARWORDS}))|{S}(?P<se_rel>this|last|next){S}year)?"
    rf"{END})"
)
_MONTHS = (
    rf"(?P<mo>(?:(?P<mo_mod>{_MOD}){_MODSEP})?"
    rf"(?:(?P<mo_rel>last|next|this{S}past|this{S}coming|this|coming|past){S})?{month('mo_')})"
)
_YEARS = (
    rf"(?P<yr>(?:(?P<yr_mod>{_MOD}){_MODSEP}|(?P<yr_pp>pre|post)-)?(?:(?P<yr_the>the{S})?year{S})?"
    rf"(?:(?P<yr_y>{_YEAR_RAW})(?![\d%]|,\d|\.\d|[a-z])|(?P<yr_w>{YEARWORDS}){END}))"
)
_RELDAY = (
    rf"(?P<rd>(?:(?P<rd_mod>early|late|earlier|later|mid){SH})?"
    rf"(?P<rd_w>the{S}day{S}before{S}yesterday|the{S}day{S}after{S}tomorrow|today|tonight"
    rf"|yesterday|tomorrow|overnight)(?:{S}(?P<rd_part>{_DAYPART}))?{END}"
    rf"|(?:(?P<rd_mod2>early|late|earlier|later){S})?(?P<rd_dem>this|last){S}(?P<rd_part2>{_DAYPART}){END}"
    rf"|(?P<rd_mid>mid{SH}?(?:morning|afternoon|day))(?:{S}(?P<rd_w2>today|yesterday|tomorrow))?{END})"
)
_ANAPH = (
    rf"(?P<an>(?:(?P<an_mod>early|late|earlier|later){S})?"
    rf"(?:(?:the{S})?(?P<an_rel>next|following|previous|prior|same)|that(?:{S}same)?|the{S}same)"
    rf"{S}(?P<an_unit>day|morning|afternoon|evening|night|week|month|year){END}"
    rf"(?!{S}(?:of|or|and|to){S})"
    rf"|the{S}(?P<an_ord>{ORDWORD}){S}(?P<an_unit3>day|night)(?={S}(?:of|in){S}){END}"
    rf"|the{S}(?P<an_unit2>day|night|week|month|year){S}(?P<an_rel2>before|after|earlier|later|prior)"
    rf"(?!{S}(?:the|a|an|his|her|their|its|\w+ed|\w+ing){END}){END}"
    rf"|the{S}(?P<an_part>morning|afternoon|evening)(?![a-z0-9]|{S}of{S}))"
)
_WEEKDAYS = (
    rf"(?P<wd>(?:(?P<wd_mod>early|late|earlier|later|mid){S})?"
    rf"(?:(?P<wd_rel>last|next|this{S}coming|this{S}past|this|coming|past"
    rf"|the{S}previous|the{S}following){S})?"
    rf"(?P<wd_d>{_WEEKDAY})(?P<wd_pl>s)?(?:{S}(?P<wd_part>{_DAYPART})(?P<wd_pl2>s)?)?{END})"
)
_RELUNIT = (
    rf"(?P<ru>(?:(?P<ru_mod>{_MOD}|earlier|later){_MODSEP})?"
    rf"(?:(?P<ru_det>the){S})?(?P<ru_rel>last|this{S}past|this{S}coming|this|next|past|coming"
    rf"|current|previous|following|the|that){S}"
    rf"(?P<ru_unit>week|weekend|month|year|decade|century|fortnight)(?![a-z0-9-])"
    rf"(?:{S}or{S}so{END})?"
    rf"|(?:(?P<ru_mod2>early|late|around|the{S}end{S}of|by){S})?(?P<ru_ye>year{SH}end"
    rf"|year{APOS}s{S}end|end{SH}of{SH}year|(?:earlier|later){S}in{S}the{S}(?:year|month|week|day)"
    rf"|year{SH}to{SH}date){END})"
)
_YEAR_AGO = rf"(?P<ya>year{SH}(?:earlier|ago)(?![a-z0-9-]))"
_REF = (
    rf"(?P<rf>(?P<rf_now>(?:right{S}|just{S})?now|currently|presently|nowadays|these{S}days"
    rf"|at{S}present|the{S}present(?:{S}(?:time|day))?|at{S}the{S}moment|current)"
    rf"|(?P<rf_past>(?:more{S}|most{S}|very{S})?recently|lately|the{S}(?:distant{S}|recent{S})?past"
    rf"|then{SH}current)"
    rf"|(?P<rf_fut>the{S}(?:near|distant|foreseeable|immediate|not{S}too{S}distant){S}future"
    rf"|the{S}future|the{S}(?:near|short){S}term|a{S}later{S}date"
    rf"|some{S}point{S}in{S}the{S}future)){END}"
)

FAMILIES: list[tuple[str, str]] = [
    ("iso", _ISO), ("nd", _NUMDATE), ("tm", _TIME), ("ho", _HOLIDAY), ("mdy", _MDY),
    ("my", _MY), ("q", _QUARTER), ("qr", _QREF), ("fy", _FISCAL), ("dc", _DECADE),
    ("ag", _AGO), ("st", _SET), ("ru", _RELUNIT), ("se", _SEASONS), ("du", _DUR),
    ("mo", _MONTHS), ("yr", _YEARS), ("rd", _RELDAY), ("an", _ANAPH), ("wd", _WEEKDAYS),
    ("ya", _YEAR_AGO), ("rf", _REF),
]  # fmt: skip

FAMILY_RES: dict[str, re.Pattern[str]] = {name: re.compile(p) for name, p in FAMILIES}

# Which families can start with which first word.  At a candidate start the tagger
# only tries the families listed for the word found there, which keeps the cost per
# position low.  "#d" stands for a number, "#a" for an apostrophe year ("'90s").
_MODW = {"early", "late", "mid", "the"}
_MONTHW = set(_FULL_MONTHS) | set(_ABBR_MONTHS)
_NUMW = {*UNITS_SMALL, *TENS, "hundred", "thousand", "a", "an", "one", "several", "few",
         "many", "some", "couple", "dozens", "hundreds", "dozen", "#d"}  # fmt: skip
_UNITW = {
    *(u + s for u in ("second", "minute", "hour", "day", "night", "week", "fortnight",
                      "month", "quarter", "year", "decade") for s in ("", "s")),
    "century", "centuries", "millennium", "millennia",
}  # fmt: skip
_APPROXW = {"nearly", "almost", "more", "less", "fewer", "at", "up", "no", "not", "over",
            "under", "well", "in", "upwards", "the"}  # fmt: skip
_DETW = {"the", "these", "those", "its", "their", "this", "that", "his", "her", "our", "a", "an"}
_POSW = {"first", "last", "past", "next", "coming", "previous", "following", "final",
         "latest", "remaining", "additional", "further", "entire", "whole", "full", "same",
         "initial", "ensuing", "preceding", "recent", "subsequent", "prior", "other"}  # fmt: skip
_ORDW = set(ORDINALS) | {"twenty", "thirty"}
FIRST_WORDS: dict[str, set[str]] = {
    "iso": {"#d"},
    "nd": {"#d"},
    "tm": {"#d", *UNITS_SMALL, "noon", "midnight", "midday"},
    "ho": {"last", "next", "this", "the", "thanksgiving", "christmas", "new", "easter",
           "good", "independence", "halloween", "valentine", "labor", "memorial",
           "veterans", "election", "boxing"},
    "mdy": {"this", "last", "next", "coming", "the", "#d", *WEEKDAYS, *_MONTHW, *_ORDW},
    "my": {*_MODW, *_MONTHW},
    "q": {"the", "its", "their", "this", "that", "a", "an", "#d", "last", "next", "fiscal",
          "calendar", "flat", "strong", "weak", "first", "second", "third", "fourth",
          "final", "latter", "q"},
    "qr": {"the", "this", "that", "its", "their", "last"},
    "fy": {"the", "current", "this", "last", "next", "previous", "coming", "new", "fiscal",
           "fy"},
    "dc": {*_MODW, "first", "second", "last", "latter", "#d", "#a", "nineteen", "eighteen",
           "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
           "nineties", "this", "next", "previous", "turn", *_ORDW},
    "ag": {*_APPROXW, "about", "around", "some", "roughly", "approximately", *_NUMW,
           "½", *_UNITW},
    "st": {"every", "each", "per", "once", "twice", "thrice", *_NUMW, "daily", "weekly",
           "biweekly", "bi", "monthly", "bimonthly", "annually", "yearly", "hourly",
           "nightly", "semiannually", "semi", "biannually", "fortnightly"},
    "ru": {*_MODW, "earlier", "later", "around", "by", "last", "this", "next", "past",
           "coming", "current", "previous", "following", "that", "year", "end"},
    "se": {*_MODW, "this", "last", "next", "coming", "past", "that", *SEASONS},
    "du": {*_APPROXW, "each", *_DETW, *_POSW, *_NUMW, "½", "more", "additional", "extra",
           "straight", "consecutive", "full", "long", "fiscal", *_UNITW},
    "mo": {*_MODW, "last", "next", "this", "coming", "past", *_MONTHW},
    "yr": {*_MODW, "year", "#d", "nineteen", "eighteen", "two", "twenty", "pre", "post"},
    "rd": {"early", "late", "earlier", "later", "mid", "the", "today", "tonight",
           "yesterday", "tomorrow", "overnight", "this", "last", "midmorning",
           "midafternoon", "midday"},
    "an": {"early", "late", "earlier", "later", "the", "next", "following", "previous",
           "prior", "same", "that"},
    "wd": {"the", "early", "late", "earlier", "later", "mid", "last", "next", "this", "coming",
           "past", *WEEKDAYS, *(w + "s" for w in WEEKDAYS)},
    "ya": {"year"},
    "rf": {"right", "just", "now", "currently", "presently", "nowadays", "these", "at", "then",
           "the", "current", "more", "most", "very", "recently", "lately", "a", "some"},
}  # fmt: skip
FAMILIES_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _name, _ in FAMILIES:
    for _w in FIRST_WORDS[_name]:
        FAMILIES_BY_FIRST[_w] = (*FAMILIES_BY_FIRST.get(_w, ()), _name)
FIRST_TOKEN = re.compile(r"[a-z]+|\d|['\u2019]\d|½")

# Head words: every expression the grammar accepts contains one of these.
_ANCHOR_WORDS = [
    *_FULL_MONTHS, *_ABBR_MONTHS, *WEEKDAYS, *SEASONS, "today", "tonight", "yesterday",
    "tomorrow", "overnight", "second", "minute", "hour", "day", "night", "week", "weekend",
    "fortnight", "month", "quarter", "year", "decade", "century", "centuries",
    "millennium", "millennia", "half", "period", "now", "current", "currently", "recent",
    "recently", "present", "presently", "past", "future", "near term", "short term", "lately",
    "nowadays", "moment", "noon", "midnight", "midday", "morning", "afternoon", "evening",
    "daily", "weekly", "biweekly", "monthly", "bimonthly", "annually", "yearly", "hourly",
    "nightly", "semiannually", "semi-annually", "biannually", "bi-annually",
    "fortnightly", "fiscal", "fy", "thanksgiving", "christmas", "new year",
    "easter", "halloween", "valentine", "labor day", "memorial day", "veterans",
    "election day", "independence day", "good friday", "boxing day", "fourth of july",
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
    "nineties", "nineteen", "eighteen", "two thousand", "later date", "q1", "q2", "q3",
    "q4", "times", "year-end", "yearend",
]  # fmt: skip
_ANCHOR_PREFIXES = ["mid", "year-", "bi-"]
ANCHOR = re.compile(
    rf"(?<![a-z0-9])(?:(?:{trie_alt(_ANCHOR_WORDS)})(?:s|{APOS}s|s{APOS})?(?![a-z])"
    rf"|{alt(_ANCHOR_PREFIXES)}|\d|{APOS}\d\d)"
)
# Numbers worth trying: years, ordinals, clock times, numeric dates, and numbers
# followed by a unit or a month ("10-year", "22 months", "29 October").
DIGIT_OK = re.compile(
    r"(?:1[0-9]|20)\d\d(?!\d|,\d|\.\d)|\d{1,2}(?:st|nd|rd|th)(?![a-z])|\d{1,2}/\d{1,2}/\d"
    r"|\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m(?![a-z])|\d{1,2}:\d\d"
    r"|\d[\d,.]*(?:\s+\d/\d)?(?:\s*-\s*|\s+)(?:(?:more|additional|consecutive|straight|full"
    r"|long|extra|fiscal|trading|business|working)\s+)?(?:second|minute|hour|day|night|week|fortnight|month|quarter|year"
    r"|decade|centur|millenn|times|o['\u2019]clock|in\s+the\s+(?:morning|afternoon|evening)"
    r"|and\s+a\s+half|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\d/\d|\d{4}-"
)

# Words that may precede an anchor inside the same expression; the tagger walks left
# over these to find where an expression may start.
LEFT_WORDS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "last", "past", "next", "coming", "current", "previous", "following", "same", "early",
    "late", "earlier", "later", "mid", "end", "beginning", "start", "middle", "rest", "of",
    "first", "second", "third", "fourth", "final", "latest", "recent", "remaining",
    "additional", "further", "entire", "whole", "full", "nearly", "almost", "more", "less",
    "fewer", "than", "at", "least", "most", "up", "to", "over", "under", "no", "not", "just",
    "well", "every", "each", "per", "other", "some", "several", "few", "couple", "many",
    "number", "dozens", "hundreds", "fiscal", "calendar", "half", "and", "right", "very",
    "near", "distant", "foreseeable", "immediate", "balance", "remainder", "turn", "once",
    "twice", "thrice", "times", "straight", "consecutive", "flat", "strong", "weak", "year",
    "year's", "years'", "year\u2019s", "corresponding", "comparable", "prior", "initial",
    "ensuing", "preceding", "subsequent", "excess", "in", "upwards", "better", "part",
    "about", "around", "roughly", "approximately", "dozen", "hundred", "thousand",
    "1st", "2nd", "3rd", "4th", "by", "year-earlier", "year-ago", "just-ended", "point",
    "day", "week", "month", "new", "long", "extra", "or", "so", "1/2", "trading", "business",
    "working", "pre", "post", "then",
    *UNITS_SMALL, *TENS, *ORDINALS, *WEEKDAYS, "thanksgiving", "easter", "christmas",
})  # fmt: skip
