"""Handlers for durations ("three years", "the past decade") and sets ("every
week", "daily", "$5 billion a year")."""

from __future__ import annotations

import re

from .context import Context, Hit
from .lexicon import DAY_PARTS, MONTHS, SEASONS, UNIT_CODES, WEEKDAYS, parse_number, unit_stem
from .model import DATE, DURATION, SET
from .rules_common import Match, g, norm

APPROX_MODS: dict[str, str] = {
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "well over": "MORE_THAN", "in excess of": "MORE_THAN",
    "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "not more than": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX",
    "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "the better part of": "APPROX",
}  # fmt: skip

VAGUE = frozenset({
    "several", "few", "a few", "many", "some", "a number of", "dozens of", "hundreds of",
})  # fmt: skip

# Words before a bare plural unit that make it a duration: "for years", "within weeks".
_BARE_PLURAL_OK = frozenset({
    "for", "within", "in", "over", "after", "lasting", "last", "took", "take", "takes",
    "spent", "spend", "spending", "wait", "waited", "waiting", "lasted", "than", "than,",
})  # fmt: skip

_SINGULAR_POS_OK = frozenset({
    "entire", "whole", "full", "remaining", "additional", "extra", "further",
})  # fmt: skip

# Amounts that take the indefinite article as their own first word.
_ARTICLE_AMOUNTS = frozenset({"few", "couple", "couple of", "dozen", "number of"})

_PART_CODES = dict(DAY_PARTS)
_DAY_KINDS = frozenset({"trading", "business", "working"})


def _scale(n: float, code: str, is_time: bool) -> str:
    """TIMEX3 duration value for ``n`` units, splitting fractions into smaller units."""
    if code == "E":
        n, code = n * 10, "Y"
    elif code == "C":
        n, code = n * 100, "Y"
    elif code == "L":
        n, code = n * 1000, "Y"
    whole = int(n)
    frac = n - whole
    if frac < 1e-9:
        return f"PT{whole}{code}" if is_time else f"P{whole}{code}"
    smaller = {"Y": (12, "M", False), "M": (30, "D", False), "W": (7, "D", False),
               "D": (24, "H", True), "Q": (3, "M", False)}  # fmt: skip
    if is_time:
        sub = {"H": (60, "M"), "M": (60, "S")}.get(code)
        if sub is None:
            return f"PT{n:g}{code}"
        rest = round(frac * sub[0])
        return f"PT{whole}{code}{rest}{sub[1]}" if whole else f"PT{rest}{sub[1]}"
    k, sub_code, sub_time = smaller[code]
    rest = round(frac * k)
    head = f"{whole}{code}" if whole else ""
    return f"P{head}T{rest}{sub_code}" if sub_time else f"P{head}{rest}{sub_code}"


def duration_value(qty: str | None, unit_word: str, half: bool = False) -> str | None:
    """``"two", "years"`` -> ``P2Y``; vague amounts give ``PXY``; None if not a duration."""
    stem = unit_stem(unit_word)
    if stem not in UNIT_CODES or stem == "weekend":
        return None
    code, is_time = UNIT_CODES[stem]
    if stem == "fortnight":
        code = "W"
    n = 1.0 if qty is None else parse_number(qty)
    if n is None:
        if qty is not None and norm(qty) not in VAGUE and norm(qty) not in (
            "a couple", "couple of", "a couple of"
        ):  # fmt: skip
            return None
        x = {"E": "E", "C": "C", "L": "L"}.get(code, code)
        return f"PTX{x}" if is_time else f"PX{x}"
    if stem == "fortnight":
        n *= 2
    if stem == "quarter":
        n, code = n * 3, "M"
    if half:
        n += 0.5
    if n <= 0:
        return None
    return _scale(n, code, is_time)


_RATE_WORDS = frozenset({
    "million", "billion", "trillion", "thousand", "percent", "%", "times", "once", "twice",
    "dollars", "cents", "euros", "pounds", "each", "apiece", "barrels", "tons", "hours",
    "miles", "people",
})  # fmt: skip

_COUNTED = re.compile(r"(?:\d[\d,.]*|[a-z]+)\s+[a-z]+s?\s*$")


def _money_before(ctx: Context, pos: int) -> bool:
    """True when a rate precedes ``pos``: "$5 billion a year", "700 seats a week"."""
    prev = ctx.prev_word(pos)
    counted = _COUNTED.search(ctx.lower, max(0, pos - 40), pos)
    if counted and counted.group(0)[0].isdigit():
        return True
    return bool(prev) and (prev[-1].isdigit() or prev in _RATE_WORDS)


_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "'ll", "he", "she"})

_OF_THE_YEAR = frozenset({"for", "of", "during", "throughout"})
_YEAR_ENDED = frozenset({"ended", "ending", "ends", "through"})


def _number_before(ctx: Context, pos: int) -> bool:
    """True when a number directly precedes ``pos`` ("52 years old", "8-month-old")."""
    prev = ctx.prev_word(pos).rstrip("-")
    if prev in ("a", "an"):
        return False
    return bool(prev) and (prev[0].isdigit() or parse_number(prev) is not None)


def h_du(m: Match, ctx: Context) -> Hit | None:
    unit_word = m["du_u"]
    stem = unit_stem(unit_word)
    plural = unit_word.endswith("s") and stem != unit_word
    qty = norm(g(m, "du_q"))
    if g(m, "du_more") in _DAY_KINDS and not (qty and plural and stem == "day"):
        return None  # "eight trading days", but not "a business day trader"
    det = norm(g(m, "du_det"))
    pos = norm(g(m, "du_pos"))
    suf = g(m, "du_suf")
    apx = norm(g(m, "du_apx"))
    if qty is None and det in ("a", "an"):
        qty, det = det, None  # "within a week": the article is the amount
    elif det in ("a", "an") and qty in _ARTICLE_AMOUNTS:
        qty, det = f"{det} {qty}", None  # "a few days", "a couple of years": one amount
    n = parse_number(qty) if qty else None
    nxt = ctx.next_word(m.end("du_u"))
    if stem == "quarter" and (
        (nxt == "of" and qty not in VAGUE)  # "three quarters of the seats" is a fraction
        or not (pos or (n is not None and n >= 2) or qty in VAGUE)
    ):
        return None
    if stem == "second" and not (plural or (n is not None and qty not in ("a", "an"))):
        return None
    if stem == "night" and n is None:
        return None
    if suf and "old" in suf and (n is not None or _number_before(ctx, m.start())):
        return None  # "a 13-year-old", "52 years old", "a 6-month-old": an age
    if suf and _number_before(ctx, m.start()) and qty is None:
        return None  # the tail of "8-month-old" whose number was rejected
    if qty in ("a", "an") and plural:
        return None
    if qty is None:
        if pos and plural and not det and not apx:
            # "in recent years", "in coming months": a vague past or future, not a
            # measured stretch (TimeBank; "recent weeks/months" stay durations).
            if pos == "coming":
                return Hit(DATE, "FUTURE_REF", None, m.start(), m.end())
            if pos in ("recent", "past") and stem == "year":
                return Hit(DATE, "PAST_REF", None, m.start(), m.end())
        if pos:
            if not plural and pos not in _SINGULAR_POS_OK:
                return None
            if pos in ("first", "final", "initial", "same", "other") and not plural:
                return None
            if pos == "full" and stem == "year" and det == "the":
                # "sales for the full year": the (fiscal) year itself.
                return Hit(DATE, f"{ctx.dct.year:04d}", None, m.start(), m.end())
        elif suf:
            pass  # "decades-long", "year-long", "years-old"
        elif plural:
            prev = ctx.prev_word(m.start())
            if det:
                if det not in ("the",) or prev not in _BARE_PLURAL_OK | {
                    "during",
                    "through",
                    "throughout",
                }:
                    return None
            elif prev not in _BARE_PLURAL_OK or nxt in ("of", "old", "ago", "later", "earlier"):
                return None
            if not ctx.text[m.start("du_u")].islower():
                return None
        elif det == "the" and (g(m, "du_more") == "fiscal" or nxt in _YEAR_ENDED):
            pass  # "the fiscal year", "the year ended Sept. 30"
        elif (
            det == "the"
            and stem == "year"
            and (not g(m, "du_more") and ctx.prev_word(m.start()) in _OF_THE_YEAR)
        ):
            # "a high for the year", "the first nine months of the year": this year.
            if nxt[:1].isdigit() or nxt in ("two", "nineteen"):
                return None  # "the year 2000" is the year family's
            return Hit(DATE, f"{ctx.dct.year:04d}", None, m.start(), m.end())
        else:
            return None
        value = duration_value("several" if plural else None, unit_word)
    else:
        if n is None and not plural and "-" not in ctx.lower[m.end("du_q") : m.start("du_u")]:
            return None  # "several year" (but "a several-year tenure")
        if n is not None and n != 1 and not plural and not suf and not g(m, "du_half"):
            # "two-year" is fine ("a two-year term"), "two year" only before a noun.
            sep = ctx.lower[m.end("du_q") : m.start("du_u")]
            if "-" not in sep and not ctx.next_word(m.end())[:1].isalpha():
                return None
        if qty == "one" and stem == "day" and not det and ctx.prev_word(m.start()) in _MODALS:
            return Hit(DATE, "FUTURE_REF", None, m.start(), m.end())  # "will one day"
        rate = qty in ("a", "an", "one") and not (det or pos or apx or plural)
        if rate and _money_before(ctx, m.start()):
            return None  # a rate: "$5 billion a year", "700 seats a week"
        value = duration_value(qty, unit_word, bool(g(m, "du_half")))
    if value is None:
        return None
    start = m.start()
    hyphenated = bool(g(m, "du_q")) and "-" in ctx.lower[m.end("du_q") : m.start("du_u")]
    if (
        det
        and not pos
        and not apx
        and g(m, "du_q")
        and (det in ("a", "an", "its", "their", "his", "her", "our") or hyphenated)
    ):
        # "a [10-year] bond", "its [two-year] plan": the determiner is not part of it.
        start = m.start("du_q")
    elif apx in ("over", "under") and (det or pos):
        # "over the next several weeks": here "over" is a preposition, not a modifier.
        start = m.start("du_det") if det else m.start("du_pos")
        apx = None
    return Hit(DURATION, value, APPROX_MODS.get(apx or ""), start, m.end())


def h_st(m: Match, ctx: Context) -> Hit | None:
    adv = g(m, "st_adv")
    if adv:
        key = adv.replace("-", "")
        value = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
                 "bimonthly": "P2M", "annually": "P1Y", "yearly": "P1Y",
                 "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "semiannually": "P6M",
                 "biannually": "P6M", "fortnightly": "P2W"}.get(key)  # fmt: skip
        if value is None or _money_before(ctx, m.start()):
            return None  # a rate: "sales rose 8% annually", "10,000 units annually"
        return Hit(SET, value, None, m.start(), m.end())
    if g(m, "st_f"):
        value = duration_value(None, m["st_u2"])
        return Hit(SET, value, None, m.start(), m.end()) if value else None
    if g(m, "st_wd"):
        if not ctx.is_capitalised(m.start("st_wd")):
            return None
        return Hit(SET, f"XXXX-WXX-{WEEKDAYS[m['st_wd']] + 1}", None, m.start(), m.end())
    if g(m, "st_mon"):
        mon = MONTHS.get(m["st_mon"].rstrip("."))
        if mon is None or not ctx.is_capitalised(m.start("st_mon")):
            return None
        return Hit(SET, f"XXXX-{mon:02d}", None, m.start(), m.end())
    if g(m, "st_se"):
        return Hit(SET, f"XXXX-{SEASONS[m['st_se']]}", None, m.start(), m.end())
    if g(m, "st_dp"):
        return Hit(SET, f"XXXX-XX-XXT{_PART_CODES[m['st_dp']]}", None, m.start(), m.end())
    if m["st_q"] == "per" and _money_before(ctx, m.start()):
        return None  # a rate: "15 million instructions per second", "$9 per hour"
    qty = g(m, "st_n")
    if g(m, "st_other"):
        qty = "two"
    value = duration_value(qty, m["st_u"])
    if value is None or "X" in value:
        return None
    return Hit(SET, value, None, m.start(), m.end())
