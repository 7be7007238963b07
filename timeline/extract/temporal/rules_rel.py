"""Handlers for deictic expressions: offsets ("two years ago"), relative weeks,
months and years, relative days and times of day, anaphora ("the next day"),
weekdays, and the ``*_REF`` words."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Hit, resolve_weekday
from .dates import add_months, fmt_day, fmt_month, fmt_week, weekday_on_or_before
from .lexicon import DAY_PARTS, MONTHS, WEEKDAYS, parse_number, unit_stem
from .model import DATE, DURATION, SET, TIME
from .names import generic_possessive
from .rules_common import Match, g, mod_of, norm
from .rules_dur import APPROX_MODS, VAGUE, duration_value
from .tense import FUTURE, PAST


def h_ag(m: Match, ctx: Context) -> Hit | None:
    qty = norm(m["ag_q"]) or ""
    unit = unit_stem(m["ag_u"])
    direction = norm(m["ag_dir"]) or ""
    apx = norm(g(m, "ag_apx"))
    mod = APPROX_MODS.get(apx or "")
    n = parse_number(qty)
    plural = m["ag_u"].endswith("s")
    if n is not None and g(m, "ag_half"):
        n += 0.5
    if direction in ("later",) or (direction in ("earlier", "before") and unit not in (
        "year", "month", "quarter", "decade"
    )):  # fmt: skip
        value = duration_value(qty, m["ag_u"], bool(g(m, "ag_half")))
        # "three days later", "10 days before the vote": the direction word relates
        # the stretch to another event (a TimeML signal); it is not part of it.
        # ("A day earlier" keeps its adverb, as TimeBank annotates it.)
        end = m.end()
        if direction != "earlier":
            end = m.start("ag_dir")
            while ctx.text[end - 1].isspace():
                end -= 1
        return Hit(DURATION, value, mod, m.start(), end) if value else None
    sign = 1 if direction in ("from now", "hence") else -1
    if n is None:
        if direction in ("before", "earlier", "later"):
            return None  # "several months before X": a duration, left to the du family
        if qty in VAGUE or (qty == "" and plural):
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
        # "since year-end" looks back to last December; "by year-end" to this one.
        back = ctx.prev_word(m.start()) == "since"
        return Hit(DATE, f"{dct.year - back:04d}-12-31", None, m.start(), m.end())
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
    if det and rel in ("past", "last") and unit == "year":
        # "in the past year": TimeBank annotates the year before the DCT (a DATE), as
        # for "last year"; "the past week", "the past decade" and "within the next
        # year" stay stretches of time.
        rel = "last"
    elif (det and rel in ("past", "last", "next", "coming")) or (
        rel == "past" and unit != "weekend"
    ):
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


_THE_NOUN_OF = re.compile(r"(?<![a-z])the[ \t]+([a-z-]+)[ \t]+of[ \t]+$")


def _generic_of(ctx: Context, start: int) -> bool:
    """True for "the people of [tomorrow]": a noun's time of life, not a day ("as
    of tomorrow" and "the morning of tomorrow" are days)."""
    m = _THE_NOUN_OF.search(ctx.lower, max(0, start - 40), start)
    if m is None or ctx.lower.startswith(("'s", "\u2019s"), start + 8):
        return False
    return m.group(1) not in DAY_PARTS and m.group(1) not in ("day", "eve", "night")


_RD_OFFSET = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2, "today": 0, "tonight": 0, "overnight": 0}  # fmt: skip


def h_rd(m: Match, ctx: Context) -> Hit | None:
    dct = ctx.dct
    if g(m, "rd_w"):
        word = norm(m["rd_w"]) or ""
        d = dct + timedelta(days=_RD_OFFSET[word])
        part = g(m, "rd_part")
        if not part and generic_possessive(ctx.lower, m.end()):
            return None  # "today's youth", "tomorrow's leaders"
        if word == "tomorrow" and not part and _generic_of(ctx, m.start()):
            return None  # "the people of tomorrow", "the cars of tomorrow": the future
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


_PART_REACH = 300  # characters after a named day that "in the morning" still refers to it

# Words before "the second day of X" that make it today: "it's the second day of ...".
_PRESENT_COPULA = frozenset({"is", "it's", "it\u2019s", "marks", "mark", "enters", "enter"})
_CALENDAR_DET = frozenset({"the", "this", "last", "next", "that"})
_CALENDAR_UNIT = frozenset({"week", "month", "year", "decade", "century", "quarter"})


def _ordinal_day(m: Match, ctx: Context) -> Hit | None:
    """ "the second day of the offensive": the day named earlier in the sentence
    ("Monday, the second day of ..."), today after a present copula, else unknown."""
    after = [w.rstrip(".,") for w in ctx.lower[m.end() : m.end() + 40].split()[1:3]]
    if after and (
        after[0] in MONTHS
        or after[0][:1].isdigit()
        or (after[0] in _CALENDAR_DET and len(after) > 1 and after[1] in _CALENDAR_UNIT)
    ):
        return None  # "the first day of March", "the first day of the month"
    d = ctx.day_in_sentence(m.start())
    if d is None and ctx.prev_word(m.start()) in _PRESENT_COPULA:
        d = ctx.dct
    return Hit(DATE, fmt_day(d), None, m.start(), m.end()) if d else None


def h_an(m: Match, ctx: Context) -> Hit | None:
    if g(m, "an_ord"):
        return _ordinal_day(m, ctx)
    part = g(m, "an_part")
    if part:
        # "Prices fell Friday. Dealers bought in the morning": the part of the day
        # the story is about, when a day was named just before.
        if ctx.ref_day is None or m.start() - ctx.ref_day_end > _PART_REACH:
            return None
        if ctx.prev_word(m.start()) != "in":
            return None
        return Hit(TIME, f"{fmt_day(ctx.ref_day)}T{DAY_PARTS[part]}", None, m.start(), m.end())
    unit = g(m, "an_unit") or g(m, "an_unit2") or ""
    rel = g(m, "an_rel") or g(m, "an_rel2") or "same"
    step = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "prior": -1,
            "before": -1, "earlier": -1}.get(rel, 0)  # fmt: skip
    if g(m, "an_unit2") is None and rel in ("next",) and unit in ("week", "month", "year"):
        return None
    base = ctx.anchor_day()
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        if ctx.ref_day is None and g(m, "an_rel") is None and g(m, "an_unit2") is None:
            return None  # "that day" with no day mentioned before: an event's day
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
    if rel in ("the previous", "the following"):
        # Relative to the day the story is about, not to the publication date.
        base = ctx.anchor_day()
        if rel == "the previous":
            d = weekday_on_or_before(base - timedelta(days=1), wd)
        else:
            d = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    else:
        d = resolve_weekday(ctx.dct, wd, rel, None if rel else _weekday_tense(m, ctx))
    value = fmt_day(d) + ("T" + DAY_PARTS[part] if part else "")
    return Hit(DATE, value, mod_of(g(m, "wd_mod")), m.start(), m.end())


_STARTING = frozenset({"starting", "beginning", "effective", "commencing"})


def _weekday_tense(m: Match, ctx: Context) -> str | None:
    """Past/future reading of a bare weekday ("said Monday", "will meet Friday")."""
    prev = ctx.prev_word(m.start())
    if ctx.lower.startswith(("'s", "\u2019s"), m.end()):
        # "Wednesday's ruling": news names events already held, unless an auxiliary
        # right before looks ahead ("will attend Friday's summit", "ahead of ...").
        if prev in ("of", "before") and ctx.prev_word(m.start() - len(prev) - 1) == "ahead":
            return FUTURE
        return ctx.tense(m.start(), m.end(), reach=3) or PAST
    if prev in _STARTING:
        return FUTURE  # "drills starting Thursday": from that day on
    tense = ctx.tense(m.start(), m.end())
    if prev == "from" and tense != PAST:
        return FUTURE  # "from Thursday" in a present or future sentence
    return tense


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
