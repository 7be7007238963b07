"""Expressions built around another one: "the eve of X", "the week of X", "the day
before X", and the second half of ranges ("1994-97", "April 24 and 25", "from
Monday to Friday").

The tagger calls ``combine`` with every accepted hit.  Each check starts with a plain
string test on the few characters around the hit, so text without these patterns
pays almost nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Hit
from .dates import fmt_day, fmt_week, safe_date
from .lexicon import WEEKDAYS
from .model import DATE, Timex

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")
_YEAR_ONLY = re.compile(r"(?:1[0-9]|20)\d\d$")
_PREFIX = re.compile(
    r"(?:^|(?<=[^a-z]))(the[ \t\u00a0]+(eve|week)[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?)$"
)
# The second end of a range: "-97", " to 97", "-25", " and 25".
_YEAR_TAIL = re.compile(r"[ \t]?[-\u2013\u2014/][ \t]?(\d\d)(?![\d%.,]\d|[\d%a-z])")
_DAY_TAIL = re.compile(
    r"(?:[ \t]?[-\u2013\u2014][ \t]?|[ \t]+(?:and|to|through|until|or)[ \t]+)"
    r"(\d{1,2})(?:st|nd|rd|th)?(?![\d%]|[.,]\d|[ \t]*(?:%|\$|percent|per|[a-z]+s(?![a-z])))"
    r"(?:,?[ \t]+((?:1[0-9]|20)\d\d)(?!\d))?"
)
_RANGE_GAP = re.compile(r"[ \t]*(?:-|\u2013|\u2014|to|through|till|until|thru)[ \t]*$")
_BEFORE_AFTER = ("the day before", "the day after")


def _day_of(value: str) -> date | None:
    if len(value) != 10 or value[4] != "-":
        return None
    m = _DAY.match(value)
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def combine(ctx: Context, out: list[Timex], hit: Hit) -> tuple[Hit, Hit | None]:
    """Widen or adjust ``hit`` using its neighbours; may drop the last of ``out``.

    Returns the (possibly changed) hit and a second expression it implies, if any.
    """
    if hit.type != DATE:
        return hit, None
    lower = ctx.lower
    day = _day_of(hit.value)
    if day is not None:
        wider = _around_day(ctx, out, hit, day)
        if wider is hit and lower[hit.end : hit.end + 1] in "-\u2013 ":
            return _second_day(ctx, hit, day)
        return wider, None
    if lower[hit.end : hit.end + 1] in "-\u2013\u2014/" and _YEAR_ONLY.match(hit.value):
        m = _YEAR_TAIL.match(lower, hit.end)
        if m and hit.value.endswith(lower[hit.end - 4 : hit.end]):
            first = int(hit.value)
            second = first // 100 * 100 + int(m.group(1))
            if first < second <= first + 30:
                return hit, Hit(DATE, f"{second:04d}", None, m.start(1), m.end(1))
    return hit, None


def _around_day(ctx: Context, out: list[Timex], hit: Hit, day: date) -> Hit:
    """ "the eve of X" -> X - 1, "the week of X" -> X's week, "the day before X"."""
    lower = ctx.lower
    start = hit.start
    if lower.endswith(("of ", "the "), 0, start):
        m = _PREFIX.search(lower, max(0, start - 20), start)
        if m:
            value = fmt_day(day - timedelta(days=1)) if m.group(2) == "eve" else fmt_week(day)
            return Hit(DATE, value, None, m.start(1), hit.end)
    if not out or start - out[-1].end > 12:
        return hit
    prev = out[-1]
    if (
        prev.end - prev.start == 14
        and lower[prev.start : prev.end] in _BEFORE_AFTER
        and not lower[prev.end : start].strip()
    ):
        step = -1 if lower.endswith("before", 0, prev.end) else 1
        out.pop()
        return Hit(DATE, fmt_day(day + timedelta(days=step)), None, prev.start, hit.end)
    if lower[hit.start : hit.end].rstrip("'s\u2019") in WEEKDAYS:
        # "from Monday to Friday": the second weekday is not before the first.
        first = _day_of(prev.value)
        if first and day < first and _RANGE_GAP.match(lower, prev.end, start):
            while day < first:
                day += timedelta(days=7)
            return Hit(hit.type, fmt_day(day), hit.mod, hit.start, hit.end)
    return hit


def _second_day(ctx: Context, hit: Hit, day: date) -> tuple[Hit, Hit | None]:
    """ "April 24 and 25", "March 3-5, 2021": the second day of the same month."""
    lower = ctx.lower
    text = lower[hit.start : hit.end]
    if not text[-1:].isdigit() and not text.endswith(("st", "nd", "rd", "th")):
        return hit, None
    if _YEAR_ONLY.search(text):
        return hit, None  # "April 24, 1999 and 25 ..." is not a range
    m = _DAY_TAIL.match(lower, hit.end)
    if m is None or int(m.group(1)) <= day.day:
        return hit, None
    year = int(m.group(2)) if m.group(2) else day.year
    first = safe_date(year, day.month, day.day)
    second = safe_date(year, day.month, int(m.group(1)))
    if first is None or second is None:
        return hit, None
    if first != day:
        # The year written after the range belongs to both days.
        hit = Hit(hit.type, fmt_day(first), hit.mod, hit.start, hit.end)
    end = m.end(2) if m.group(2) else m.end(1)
    return hit, Hit(DATE, fmt_day(second), None, m.start(1), end)
