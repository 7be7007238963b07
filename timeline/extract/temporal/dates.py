"""Calendar arithmetic and TIMEX3 value formatting/resolution.

Everything here is pure date maths: no text, no regexes.  ``interval_for_value`` is
part of the package's public API.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

# Season codes and the months they cover (meteorological seasons, northern hemisphere;
# winter runs from December of the named year into February of the next).
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 14),
}

_VALUE_RE = re.compile(
    r"^(?:(?P<ymd>(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d))"
    r"|(?P<ym>(?P<y2>\d{4})-(?P<m2>\d\d))"
    r"|(?P<wk>(?P<y3>\d{4})-W(?P<w>\d\d?)(?P<we>-WE)?)"
    r"|(?P<qt>(?P<y4>\d{4})-(?P<qh>[QH])(?P<q>[1-4]))"
    r"|(?P<se>(?P<y5>\d{4})-(?P<s>SP|SU|FA|WI))"
    r"|(?P<yr>\d{4})"
    r"|(?P<dec>\d{3})"
    r"|(?P<cen>\d{2}))"
    r"(?:T[0-9A-Z:.]+)?$"
)


def month_end(year: int, month: int) -> date:
    """Last day of ``year``-``month``."""
    return date(year, month, monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by ``delta`` months."""
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def week_start(d: date) -> date:
    """Monday of the ISO week containing ``d``."""
    return d - timedelta(days=d.weekday())


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: date) -> str:
    """ISO week value (``2024-W43``) of the week containing ``d``."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the season containing ``d`` (winter belongs to its December's year)."""
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1), "WI"
    if m <= 5:
        return d.year, "SP"
    if m <= 8:
        return d.year, "SU"
    return d.year, "FA"


def weekday_on_or_before(d: date, weekday: int) -> date:
    """The latest date <= ``d`` falling on ``weekday`` (Monday=0)."""
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def weekday_on_or_after(d: date, weekday: int) -> date:
    """The earliest date >= ``d`` falling on ``weekday`` (Monday=0)."""
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month; ``n=-1`` is the last one."""
    if n > 0:
        first = weekday_on_or_after(date(year, month, 1), weekday)
        return first + timedelta(weeks=n - 1)
    return weekday_on_or_before(month_end(year, month), weekday)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or ``None`` when the day does not exist (Feb 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def interval_for_value(value: str) -> tuple[date, date, str] | None:
    """Resolve a TIMEX3 value to ``(first_day, last_day, precision)``, both inclusive.

    Handles days (optionally with a time suffix such as ``T22:00`` or ``TNI``), months,
    ISO weeks and weekends, quarters, halves, seasons, years, decades (``199``) and
    centuries (``19``).  Returns ``None`` for durations, sets, ``PRESENT_REF`` and the
    other ``*_REF`` values, and for partially specified values (``XXXX-06``).
    """
    m = _VALUE_RE.match(value)
    if m is None:
        return None
    if m.group("ymd"):
        d = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return (d, d, "day") if d else None
    if m.group("ym"):
        y, mo = int(m.group("y2")), int(m.group("m2"))
        if not 1 <= mo <= 12:
            return None
        return date(y, mo, 1), month_end(y, mo), "month"
    if m.group("wk"):
        y, w = int(m.group("y3")), int(m.group("w"))
        try:
            monday = date.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        if m.group("we"):
            return monday + timedelta(days=5), monday + timedelta(days=6), "week"
        return monday, monday + timedelta(days=6), "week"
    if m.group("qt"):
        y, n = int(m.group("y4")), int(m.group("q"))
        if m.group("qh") == "H":
            if n > 2:
                return None
            return date(y, 6 * n - 5, 1), month_end(y, 6 * n), "quarter"
        return date(y, 3 * n - 2, 1), month_end(y, 3 * n), "quarter"
    if m.group("se"):
        y = int(m.group("y5"))
        first, last = SEASON_MONTHS[m.group("s")]
        ly, lm = add_months(y, 1, last - 1)
        return date(y, first, 1), month_end(ly, lm), "season"
    if m.group("yr"):
        y = int(m.group("yr"))
        return date(y, 1, 1), date(y, 12, 31), "year"
    if m.group("dec"):
        y = int(m.group("dec")) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade"
    c = int(m.group("cen")) * 100
    return date(max(c, 1), 1, 1), date(c + 99, 12, 31), "century"
