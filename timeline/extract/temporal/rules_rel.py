"""Handlers for deictic and quantified families: relative days/weeks/years, offsets
("two years ago"), durations, sets, weekdays and the ``*_REF`` words."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Hit, resolve_weekday
from .dates import add_months, fmt_day, fmt_month, fmt_week, quarter_of, weekday_on_or_before
from .lexicon import DAY_PARTS, MONTHS, SEASONS, UNIT_CODES, WEEKDAYS, parse_number, unit_stem
from .model import DATE, DURATION, SET, TIME
from .rules_abs import g, last_completed_quarter, mod_of, norm
from .tense import FUTURE

Match = re.Match[str]

_APPROX_MODS: dict[str, str] = {
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "well over": "MORE_THAN", "in excess of": "MORE_THAN",
    "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "not more than": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX",
    "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "the better part of": "APPROX",
}  # fmt: skip

_VAGUE = frozenset({
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

_PART_CODES = dict(DAY_PARTS)


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
        if qty is not None and norm(qty) not in _VAGUE and norm(qty) not in (
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


def h_ag(m: Match, ctx: Context) -> Hit | None:
    qty = norm(m["ag_q"]) or ""
    unit = unit_stem(m["ag_u"])
    direction = norm(m["ag_dir"]) or ""
    apx = norm(g(m, "ag_apx"))
    mod = _APPROX_MODS.get(apx or "")
    n = parse_number(qty)
    plural = m["ag_u"].endswith("s")
    if n is not None and g(m, "ag_half"):
        n += 0.5
    if direction in ("later",) or (direction in ("earlier", "before") and unit not in (
        "year", "month", "quarter", "decade"
    )):  # fmt: skip
        value = duration_value(qty, m["ag_u"], bool(g(m, "ag_half")))
        return Hit(DURATION, value, mod, m.start(), m.end()) if value else None
    sign = 1 if direction in ("from now", "hence") else -1
    if n is None:
        if qty in _VAGUE or (qty == "" and plural):
            return Hit(DATE, "FUTURE_REF" if sign > 0 else "PAST_REF", None, m.start(), m.end())
        return None
    if (n == 1 and plural and qty not in ("1", "one")) or n > 10000:
        return None
    base = ctx.dct
    if direction in ("earlier", "before", "ago", "back") and unit == "year" and n == 1:
        rq = ctx.reporting_quarter(m.start())
        if rq:
            return Hit(DATE, f"{rq[0] - 1:04d}-Q{rq[1]}", None, m.start(), m.end())
    value = _offset_value(base, n * sign, unit)
    return Hit(DATE, value, mod, m.start(), m.end()) if value else None


def _offset_value(base: date, n: float, unit: str) -> str | None:
    """Value of the calendar unit ``n`` units away from ``base``, at that unit's grain."""
    if unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        if abs(years - round(years)) > 1e-9:
            y, mo = add_months(base.year, base.month, round(years * 12))
            return fmt_month(y, mo)
        return f"{base.year + round(years):04d}"
    if unit in ("month", "quarter"):
        months = n * (3 if unit == "quarter" else 1)
        if abs(months - round(months)) > 1e-9:
            return fmt_day(base + timedelta(days=round(months * 30)))
        return fmt_month(*add_months(base.year, base.month, round(months)))
    if unit in ("week", "fortnight"):
        return fmt_week(base + timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit in ("day", "night"):
        return fmt_day(base + timedelta(days=round(n)))
    if unit in ("hour", "minute", "second"):
        return fmt_day(base)
    return None


def h_st(m: Match, ctx: Context) -> Hit | None:
    adv = g(m, "st_adv")
    if adv:
        key = adv.replace("-", "")
        value = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
                 "bimonthly": "P2M", "annually": "P1Y", "yearly": "P1Y",
                 "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "semiannually": "P6M",
                 "biannually": "P6M", "fortnightly": "P2W"}.get(key)  # fmt: skip
        return Hit(SET, value, None, m.start(), m.end()) if value else None
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
    qty = g(m, "st_n")
    if g(m, "st_other"):
        qty = "two"
    value = duration_value(qty, m["st_u"])
    if value is None or "X" in value:
        return None
    return Hit(SET, value, None, m.start(), m.end())


def _current(d: date, unit: str) -> str:
    """Value of the ``unit`` (day/week/month/year) containing ``d``."""
    if unit == "day":
        return fmt_day(d)
    if unit == "week":
        return fmt_week(d)
    if unit == "month":
        return fmt_month(d.year, d.month)
    return f"{d.year:04d}"


def _weekend(d: date) -> str:
    return fmt_week(d) + "-WE"


def h_ru(m: Match, ctx: Context) -> Hit | None:
    dct = ctx.dct
    if g(m, "ru_ye"):
        ye = norm(m["ru_ye"]) or ""
        if "date" in ye:
            return None
        if " in the " in ye:  # "earlier in the year", "later in the day"
            return Hit(DATE, _current(dct, ye.rsplit(" ", 1)[1]), None, m.start(), m.end())
        return Hit(DATE, f"{dct.year:04d}", "END", m.start(), m.end())
    det = g(m, "ru_det")
    rel = norm(m["ru_rel"]) or ""
    rel = {"this past": "last", "this coming": "next"}.get(rel, rel)
    unit = m["ru_unit"]
    modw = g(m, "ru_mod")
    mod = mod_of(modw)
    if rel == "the" and not modw and unit != "weekend":
        return None
    if not ctx.text[m.start("ru_unit")].islower():
        return None  # "This Week" (a programme), "Next Year" (a title)
    if unit == "weekend" and rel in ("the", "this", "last", "next", "coming", "past"):
        return Hit(DATE, _weekend_value(ctx, m, rel), mod, m.start(), m.end())
    if (det and rel in ("past", "last", "next", "coming")) or (rel == "past" and unit != "weekend"):
        value = duration_value(None, "fortnight" if unit == "fortnight" else unit)
        return Hit(DURATION, value, None, m.start(), m.end()) if value else None
    if rel == "coming":
        rel = "next"
    if rel in ("the", "current"):
        rel = "this"
    if unit == "weekend":
        return Hit(DATE, _weekend_value(ctx, m, rel), mod, m.start(), m.end())
    if unit == "fortnight":
        return None
    step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)
    if rel in ("following", "previous", "that"):
        base = ctx.anchor_day()
        if unit == "year" and ctx.ref_year:
            base = date(ctx.ref_year, 6, 30)
        elif unit == "month" and ctx.ref_month:
            base = date(ctx.ref_month[0], ctx.ref_month[1], 1)
    else:
        base = dct
    if unit == "week":
        value = fmt_week(base + timedelta(weeks=step))
    elif unit == "month":
        value = fmt_month(*add_months(base.year, base.month, step))
    elif unit == "year":
        value = f"{base.year + step:04d}"
    elif unit == "decade":
        value = f"{base.year // 10 + step:03d}"
    else:
        value = f"{base.year // 100 + step:02d}"
    return Hit(DATE, value, mod, m.start(), m.end())


def _weekend_value(ctx: Context, m: Match, rel: str) -> str:
    dct = ctx.dct
    wd = dct.weekday()
    if rel in ("last", "past"):
        return _weekend(weekday_on_or_before(dct - timedelta(days=1), 5))
    if rel == "next":
        return _weekend(dct + timedelta(days=(5 - wd) % 7 or 7))
    if rel == "coming":
        return _weekend(dct + timedelta(days=(5 - wd) % 7 or 7))
    if wd >= 5:
        return _weekend(dct)
    if rel == "this" or ctx.tense(m.start(), m.end()) == FUTURE:
        return _weekend(dct + timedelta(days=5 - wd))
    return _weekend(weekday_on_or_before(dct, 5))


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
    det = norm(g(m, "du_det"))
    pos = norm(g(m, "du_pos"))
    suf = g(m, "du_suf")
    apx = norm(g(m, "du_apx"))
    if qty is None and det in ("a", "an"):
        qty, det = det, None  # "within a week": the article is the amount
    n = parse_number(qty) if qty else None
    nxt = ctx.next_word(m.end("du_u"))
    if stem == "quarter" and (nxt == "of" or not (pos or (n is not None and n >= 2) or (
        qty in _VAGUE
    ))):  # fmt: skip
        return None
    if stem == "second" and not (plural or (n is not None and qty not in ("a", "an"))):
        return None
    if stem == "night" and n is None:
        return None
    if (
        suf
        and "old" in suf
        and stem == "year"
        and (n is not None or _number_before(ctx, m.start()))
    ):
        return None  # "a 13-year-old", "52 years old": an age
    if suf and _number_before(ctx, m.start()) and qty is None:
        return None  # the tail of "8-month-old" whose number was rejected
    if qty in ("a", "an") and plural:
        return None
    if qty is None:
        if pos:
            if not plural and pos not in _SINGULAR_POS_OK:
                return None
            if pos in ("first", "final", "initial", "same", "other") and not plural:
                return None
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
            and not g(m, "du_more")
            and ctx.prev_word(m.start()) in ("for", "of", "during", "throughout")
        ):
            # "a high for the year", "the first nine months of the year": this year.
            if ctx.next_word(m.end())[:1].isdigit() or ctx.next_word(m.end()) in (
                "two",
                "nineteen",
            ):
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
            value = duration_value(None, unit_word)
            return Hit(SET, value, None, m.start(), m.end()) if value else None
        value = duration_value(qty, unit_word, bool(g(m, "du_half")))
    if value is None:
        return None
    start = m.start()
    if det in ("a", "an") and not pos and not apx and g(m, "du_q"):
        start = m.start("du_q")  # "a [10-year] bond": the article is not part of it
    elif apx in ("over", "under") and (det or pos):
        # "over the next several weeks": here "over" is a preposition, not a modifier.
        start = m.start("du_det") if det else m.start("du_pos")
        apx = None
    return Hit(DURATION, value, _APPROX_MODS.get(apx or ""), start, m.end())


_RD_OFFSET = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2, "today": 0, "tonight": 0, "overnight": 0}  # fmt: skip


def h_rd(m: Match, ctx: Context) -> Hit | None:
    dct = ctx.dct
    if g(m, "rd_w"):
        word = norm(m["rd_w"]) or ""
        d = dct + timedelta(days=_RD_OFFSET[word])
        part = g(m, "rd_part")
        mod = mod_of(g(m, "rd_mod"))
        if word == "tonight":
            return Hit(TIME, fmt_day(d) + "TNI", None, m.start(), m.end())
        if part:
            return Hit(TIME, fmt_day(d) + "T" + DAY_PARTS[part], mod, m.start(), m.end())
        return Hit(DATE, fmt_day(d), mod, m.start(), m.end())
    if g(m, "rd_dem"):
        part = m["rd_part2"]
        d = dct - timedelta(days=1) if m["rd_dem"] == "last" else dct
        return Hit(TIME, fmt_day(d) + "T" + DAY_PARTS[part], mod_of(g(m, "rd_mod2")),
                   m.start(), m.end())  # fmt: skip
    mid = (m["rd_mid"] or "").replace("-", "").replace(" ", "")
    d = dct + timedelta(days=_RD_OFFSET.get(g(m, "rd_w2") or "today", 0))
    code = {"midmorning": "MO", "midafternoon": "AF", "midday": "MI"}.get(mid)
    if code is None:
        return None
    return Hit(TIME, fmt_day(d) + "T" + code, None, m.start(), m.end())


def h_an(m: Match, ctx: Context) -> Hit | None:
    unit = g(m, "an_unit") or g(m, "an_unit2") or ""
    rel = g(m, "an_rel") or g(m, "an_rel2") or "same"
    step = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "prior": -1,
            "before": -1, "earlier": -1}.get(rel, 0)  # fmt: skip
    if g(m, "an_unit2") is None and rel in ("next",) and unit in ("week", "month", "year"):
        return None
    base = ctx.anchor_day()
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        d = base + timedelta(days=step)
        return Hit(DATE, fmt_day(d), None, m.start(), m.end())
    if unit == "week":
        return Hit(DATE, fmt_week(base + timedelta(weeks=step)), None, m.start(), m.end())
    if unit == "month":
        ry, rm = ctx.ref_month or (base.year, base.month)
        return Hit(DATE, fmt_month(*add_months(ry, rm, step)), None, m.start(), m.end())
    y = (ctx.ref_year or base.year) + step
    return Hit(DATE, f"{y:04d}", None, m.start(), m.end())


def h_wd(m: Match, ctx: Context) -> Hit | None:
    if not ctx.is_capitalised(m.start("wd_d")):
        return None
    wd = WEEKDAYS[m["wd_d"]]
    part = g(m, "wd_part")
    if g(m, "wd_pl") or g(m, "wd_pl2"):
        suffix = "T" + DAY_PARTS[part] if part else ""
        return Hit(SET, f"XXXX-WXX-{wd + 1}{suffix}", None, m.start(), m.end())
    rel = norm(g(m, "wd_rel"))
    d = resolve_weekday(ctx.dct, wd, rel, None if rel else ctx.tense(m.start(), m.end()))
    value = fmt_day(d) + ("T" + DAY_PARTS[part] if part else "")
    return Hit(DATE, value, mod_of(g(m, "wd_mod")), m.start(), m.end())


def h_ya(m: Match, ctx: Context) -> Hit | None:
    rq = ctx.reporting_quarter(m.start())
    if rq:
        return Hit(DATE, f"{rq[0] - 1:04d}-Q{rq[1]}", None, m.start(), m.end())
    return Hit(DATE, f"{ctx.dct.year - 1:04d}", None, m.start(), m.end())


def h_rf(m: Match, ctx: Context) -> Hit | None:
    if g(m, "rf_now"):
        return Hit(DATE, "PRESENT_REF", None, m.start(), m.end())
    if g(m, "rf_past"):
        return Hit(DATE, "PAST_REF", None, m.start(), m.end())
    return Hit(DATE, "FUTURE_REF", None, m.start(), m.end())


__all__ = ["h_ag", "h_an", "h_du", "h_rd", "h_rf", "h_ru", "h_st", "h_wd", "h_ya",
           "last_completed_quarter", "quarter_of"]  # fmt: skip
