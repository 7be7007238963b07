"""Handlers for calendar dates: ISO/numeric dates, clock times, holidays, month-day,
month-year, bare months and years.

Each handler takes the grammar match and the document ``Context`` and returns a
``Hit`` or ``None`` to reject the match (the tagger then tries the later families).
"""

from __future__ import annotations

from datetime import date, timedelta

from .context import Context, Hit, pick_date, resolve_month, resolve_month_day, resolve_weekday
from .dates import easter, fmt_day, fmt_month, fmt_week, nth_weekday, safe_date
from .lexicon import MONTHS, UNITS_SMALL, WEEKDAYS, parse_ordinal, parse_year_words
from .model import DATE, TIME
from .rules_common import PREPS, Match, g, mod_of, month_ok, norm, year_of

# A 4-digit number followed by these is a count or a clock time, not a year.
_NOT_YEAR_AFTER = frozenset({
    "gmt", "utc", "est", "edt", "hrs", "hours", "local", "people", "troops", "soldiers",
    "men", "women", "children", "workers", "employees", "jobs", "residents", "members",
    "points", "feet", "miles", "meters", "metres", "kilometers", "tons", "tonnes",
    "barrels", "shares", "votes", "cases", "deaths", "dead", "units", "cars", "homes",
    "houses", "acres", "rounds", "pounds", "dollars", "euros", "yen", "marks", "francs",
    "calories", "words", "pages", "copies", "students", "refugees", "prisoners",
    "civilians", "police", "officers", "aircraft", "planes", "ships", "tanks", "guns",
    "kg", "km", "mph", "ft", "lb", "lbs", "mm", "cm", "percent", "per", "to", "-to-",
})  # fmt: skip

_NOT_YEAR_BEFORE = frozenset({
    "flight", "route", "highway", "room", "no.", "number", "apollo", "model", "boeing",
    "airbus", "interstate", "page", "pages", "chapter", "section", "article", "resolution",
    "amendment", "bill", "code", "about", "some", "nearly", "almost", "over", "than",
    "around", "approximately", "roughly", "only", "just", "least", "of", "top", "dow",
    "index", "s&p", "nasdaq", "at", "to", "by", "from", "and", "or", "up", "down",
})  # fmt: skip

# ...unless the number is clearly introduced as a date.
_YEAR_OK_BEFORE = frozenset({
    "in", "since", "until", "till", "during", "before", "after", "early", "late", "mid",
    "the", "fiscal", "year", "between", "through", "throughout", "circa", "c.", "its",
    "of", "from", "to", "by", "and", "or", "spring", "summer", "fall", "autumn", "winter",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "a", "his", "her", "their",
})  # fmt: skip


def h_iso(m: Match, ctx: Context) -> Hit | None:
    if g(m, "iso_y"):
        d = safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        if d is None:
            return None
        if g(m, "iso_h"):
            return Hit(TIME, f"{fmt_day(d)}T{m['iso_h']}:{m['iso_mi']}", None, m.start(), m.end())
        return Hit(DATE, fmt_day(d), None, m.start(), m.end())
    if g(m, "iso_wy"):
        y, w = int(m["iso_wy"]), int(m["iso_w"])
        try:
            monday = date.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        if g(m, "iso_wd"):
            return Hit(DATE, fmt_day(monday + timedelta(days=int(m["iso_wd"]) - 1)), None,
                       m.start(), m.end())  # fmt: skip
        return Hit(DATE, f"{y:04d}-W{w:02d}", None, m.start(), m.end())
    return Hit(DATE, f"{m['iso_qy']}-Q{m['iso_q']}", None, m.start(), m.end())


def h_nd(m: Match, ctx: Context) -> Hit | None:
    a, b, ys = int(m["nd_a"]), int(m["nd_b"]), m["nd_y"]
    y = int(ys)
    if len(ys) == 2:
        y += 2000 if 2000 + y <= ctx.dct.year + 20 else 1900
    mon, dom = (b, a) if a > 12 >= b else (a, b)
    d = safe_date(y, mon, dom)
    return Hit(DATE, fmt_day(d), None, m.start(), m.end()) if d else None


def _clock(m: Match) -> tuple[int, int] | None:
    """(hour, minute) of the clock part of a ``tm`` match."""
    word = g(m, "tm_word")
    if word:
        return (24, 0) if word == "midnight" else (12, 0)
    h_s = g(m, "tm_h") or g(m, "tm_h2") or g(m, "tm_h3") or g(m, "tm_h4")
    if h_s is None:
        return None
    h = int(h_s) if h_s.isdigit() else UNITS_SMALL.get(h_s, 99)
    mi = int(g(m, "tm_mi") or g(m, "tm_mi2") or 0)
    ap = (g(m, "tm_ap") or "").replace(".", "")
    part = g(m, "tm_part")
    if ap or part:
        if not 1 <= h <= 12:
            return None
        pm = ap == "pm" or part in ("afternoon", "evening")
        h = (h % 12) + (12 if pm else 0)
    if h > 23:
        return None
    return h, mi


def h_tm(m: Match, ctx: Context) -> Hit | None:
    clock = _clock(m)
    if clock is None:
        return None
    if g(m, "tm_h2") and not g(m, "tm_tz") and ctx.prev_word(m.start()) not in (
        "at", "by", "until", "till", "from", "around", "about", "after", "before", "since",
    ):  # fmt: skip
        return None  # a bare "3:15" is too often a score, a ratio or a verse
    if g(m, "tm_word") == "noon" and ctx.prev_word(m.start()) == "high":
        return None  # "high noon": the idiom for a showdown, not a clock time
    rd = g(m, "tm_rd")
    d: date | None
    if rd:
        d = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(rd, 0))
    elif g(m, "tm_wd"):
        d = _weekday_date(m, ctx, "tm_wd", "tm_", None)
    elif g(m, "tm2_mon"):
        d = month_day(m, ctx, "tm2_", None)
    else:
        d = ctx.anchor_day()
    if d is None:
        return None
    h, mi = clock
    hhmm = "24:00" if h == 24 else f"{h:02d}:{mi:02d}"
    return Hit(TIME, f"{fmt_day(d)}T{hhmm}", None, m.start(), m.end())


def holiday_date(name: str, y: int) -> date | None:
    n = " ".join(name.replace("\u2019", "'").split())
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
        "independence day": (7, 4), "the fourth of july": (7, 4), "halloween": (10, 31),
        "valentine's day": (2, 14), "veterans day": (11, 11), "veterans' day": (11, 11),
        "boxing day": (12, 26),
    }  # fmt: skip
    if n in fixed:
        return safe_date(y, *fixed[n])
    if n.startswith("thanksgiving"):
        return nth_weekday(y, 11, 3, 4)
    if n.startswith("easter") or n == "good friday":
        shift = {"good friday": -2, "easter monday": 1}.get(n, 0)
        return easter(y) + timedelta(days=shift)
    if n == "labor day":
        return nth_weekday(y, 9, 0, 1)
    if n == "memorial day":
        return nth_weekday(y, 5, 0, -1)
    if n == "election day":
        return nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    return None


def h_ho(m: Match, ctx: Context) -> Hit | None:
    name = norm(m["ho_name"]) or ""
    if not ctx.is_capitalised(m.start("ho_name") + (4 if name.startswith("the ") else 0)):
        return None
    y = year_of(m, "ho_", ctx)
    if y is not None:
        d = holiday_date(name, y)
    else:
        cands = [c for c in (holiday_date(name, ctx.dct.year + k) for k in (-1, 0, 1)) if c]
        rel = norm(g(m, "ho_rel"))
        tense = None if rel else ctx.tense(m.start(), m.end())
        d = pick_date(ctx.dct, cands, rel, tense)
    if d is None:
        return None
    value = fmt_week(d) if name == "easter week" else fmt_day(d)
    return Hit(DATE, value, None, m.start(), m.end())


def _weekday_date(m: Match, ctx: Context, wd_group: str, p: str, rel: str | None) -> date | None:
    wd = WEEKDAYS[m[wd_group]]
    if g(m, p + "mon"):
        mon = MONTHS.get(m[p + "mon"].rstrip("."))
        dom = parse_ordinal(m[p + "day"])
        if mon is None or dom is None:
            return None
        # The year in which that date falls on that weekday, nearest the DCT first.
        for k in (0, -1, 1, -2, 2):
            d = safe_date(ctx.dct.year + k, mon, dom)
            if d and d.weekday() == wd:
                return d
        return resolve_month_day(ctx.dct, mon, dom, rel, ctx.tense(m.start(), m.end()))
    return resolve_weekday(ctx.dct, wd, rel, ctx.tense(m.start(), m.end()))


def month_day(m: Match, ctx: Context, p: str, rel: str | None) -> date | None:
    mon = month_ok(ctx, m, p + "mon")
    dom = parse_ordinal(m[p + "day"])
    if mon is None or dom is None or not 1 <= dom <= 31:
        return None
    y = year_of(m, p, ctx)
    if y is not None:
        return safe_date(y, mon, dom)
    return resolve_month_day(ctx.dct, mon, dom, rel, None if rel else ctx.tense(m.start(), m.end()))


def h_mdy(m: Match, ctx: Context) -> Hit | None:
    rel = norm(g(m, "mdy_rel"))
    if rel is None and ctx.prev_word(m.start()) in ("ended", "since"):
        rel = "last"  # "the fiscal year ended Jan. 31": the latest one before the DCT
    p = "mdy_" if g(m, "mdy_mon") else "mdy2_"
    if g(m, "mdy_wd") and p == "mdy_" and year_of(m, p, ctx) is None:
        if not ctx.is_capitalised(m.start("mdy_mon")):
            return None
        d = _weekday_date(m, ctx, "mdy_wd", p, rel)
    else:
        d = month_day(m, ctx, p, rel)
    if d is None:
        return None
    return Hit(DATE, fmt_day(d), None, m.start(), m.end())


def h_my(m: Match, ctx: Context) -> Hit | None:
    mon = month_ok(ctx, m, "my_mon")
    if mon is None:
        return None
    y = year_of(m, "my_", ctx)
    if y is None and g(m, "my_yw"):
        y = parse_year_words(m["my_yw"])
    rel = norm(g(m, "my_rel"))
    if y is None and rel:
        base = ctx.dct.year if rel in ("this", "last", "next") else (ctx.ref_year or ctx.dct.year)
        y = base + {"last": -1, "next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    if y is None:
        return None
    return Hit(DATE, fmt_month(y, mon), mod_of(g(m, "my_mod")), m.start(), m.end())


def h_mo(m: Match, ctx: Context) -> Hit | None:
    mon = month_ok(ctx, m, "mo_mon", bare=True)
    if mon is None:
        return None
    rel = norm(g(m, "mo_rel"))
    modw = g(m, "mo_mod")
    if not rel and not modw:
        prev = ctx.prev_word(m.start())
        nxt = ctx.next_word(m.end())
        # "June Carter", "April Ryan": a capitalised word follows and no preposition
        # introduces the month.
        if nxt and m.end() < len(ctx.text) and prev not in PREPS:
            after = ctx.text[m.end() : m.end() + 3].lstrip(" ")
            if after[:1].isupper() and ctx.text[m.end() : m.end() + 1] == " ":
                return None
        if nxt in ("of", "for") and prev not in PREPS:
            return None  # "the March of Dimes", "the annual March for Life"
    tense = None if rel else ctx.tense(m.start(), m.end())
    return Hit(DATE, resolve_month(ctx.dct, mon, rel, tense), mod_of(modw), m.start(), m.end())


def h_yr(m: Match, ctx: Context) -> Hit | None:
    modw = g(m, "yr_mod")
    side = g(m, "yr_pp")
    if side:
        # "post-1959 politics", "pre-1990 levels": the year, with its side as the mod.
        ys_pp = g(m, "yr_y")
        mod = "AFTER" if side == "post" else "BEFORE"
        return Hit(DATE, ys_pp, mod, m.start(), m.end()) if ys_pp else None
    ys = g(m, "yr_y")
    if ys is None:
        y = parse_year_words(m["yr_w"] or "")
        if y is None or not (1000 <= y <= 2099):
            return None
        return Hit(DATE, f"{y:04d}", mod_of(modw), m.start(), m.end())
    y = int(ys)
    explicit = bool(modw or g(m, "yr_the") or m.group(0).startswith("year"))
    if not explicit and not _looks_like_year(ctx, m.start("yr_y"), m.end("yr_y"), y):
        return None
    return Hit(DATE, f"{y:04d}", mod_of(modw), m.start(), m.end())


def _looks_like_year(ctx: Context, start: int, end: int, y: int) -> bool:
    """Decide whether a bare 4-digit number is a year ("in 1990") or a count."""
    if not 1000 <= y <= 2099:
        return False
    prev_c = ctx.prev_char(start)
    if prev_c in "$#£€¥" or (prev_c and prev_c.isdigit()):
        return False
    prev = ctx.prev_word(start)
    nxt = ctx.next_word(end)
    if prev in _YEAR_OK_BEFORE or prev.endswith(("'s", "\u2019s")):
        return nxt not in ("gmt", "utc", "est", "edt", "hrs", "hours", "local", "percent")
    if prev in _NOT_YEAR_BEFORE or nxt in _NOT_YEAR_AFTER:
        return False
    if y < 1800 or y > ctx.dct.year + 30:
        return False
    # A plural noun right after a number reads as a count ("1500 protesters").
    follow = ctx.text[end : end + 1]
    return not (follow == " " and nxt.endswith("s") and not nxt.endswith("'s") and len(nxt) > 3)
