"""Per-document state and the anchoring of underspecified dates.

``Context`` carries the document, its creation time (DCT) and the reference times
that anaphoric expressions ("the next day", "the quarter", "a year earlier") resolve
against.  The ``resolve_*`` helpers turn a weekday/month/season/quarter plus the
detected tense into a concrete calendar value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from .dates import (
    fmt_month,
    quarter_of,
    safe_date,
    season_of,
    weekday_on_or_after,
    weekday_on_or_before,
)
from .tense import FUTURE, PAST, SENTENCE_END, tense_at

_SEASON_ORDER = ("SP", "SU", "FA", "WI")
# How far (days) an undated "Oct. 23" may land on the wrong side of the DCT before
# the tense of the sentence is allowed to move it to the other year.
_TENSE_SLACK_DAYS = 120
_FUTURE_WEIGHT = 1.3
_QUARTER_MEMORY = 4000  # characters a mentioned quarter stays the reporting period


class Hit(NamedTuple):
    """What a rule found: TIMEX3 type/value/mod over ``[start, end)``."""

    type: str
    value: str
    mod: str | None
    start: int
    end: int


@dataclass(slots=True)
class Context:
    """A document being tagged, with the reference times seen so far."""

    text: str
    lower: str
    dct: date
    ref_day: date | None = None
    ref_day_end: int = -1  # where the expression that set ``ref_day`` ends
    ref_month: tuple[int, int] | None = None
    ref_year: int | None = None
    quarter: tuple[int, int] | None = None
    quarter_pos: int = -(10**9)
    last_quarter: tuple[int, int] | None = None  # the quarter named last

    def tense(self, start: int, end: int, reach: int = 14) -> str | None:
        return tense_at(self.text, self.lower, start, end, reach)

    def is_capitalised(self, pos: int) -> bool:
        return self.text[pos].isupper()

    def prev_word(self, pos: int) -> str:
        """The lower-cased word before ``pos`` (punctuation stripped), or ''."""
        m = _PREV_WORD.search(self.lower, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.lower, pos)
        return m.group(1) if m else ""

    def prev_char(self, pos: int) -> str:
        """The first non-space character before ``pos``, or ''."""
        i = pos - 1
        while i >= 0 and self.text[i] in " \t\u00a0":
            i -= 1
        return self.text[i] if i >= 0 else ""

    def reporting_quarter(self, pos: int) -> tuple[int, int] | None:
        """The quarter the text is currently talking about, if one was named nearby."""
        if self.quarter is not None and pos - self.quarter_pos <= _QUARTER_MEMORY:
            return self.quarter
        return None

    def anchor_day(self) -> date:
        return self.ref_day or self.dct

    def day_in_sentence(self, pos: int) -> date | None:
        """The reference day if it was named earlier in the sentence around ``pos``."""
        if self.ref_day is None or pos - self.ref_day_end > 200:
            return None
        if SENTENCE_END.search(self.text, self.ref_day_end, pos):
            return None
        return self.ref_day


_PREV_WORD = re.compile(r"([a-z0-9$#.'\u2019-]+)[^a-z0-9$#]*$")
_NEXT_WORD = re.compile(r"[^a-z0-9$#]{0,3}([a-z0-9'\u2019-]+)")


def resolve_weekday(dct: date, weekday: int, rel: str | None, tense: str | None) -> date:
    """The date a weekday name refers to, seen from ``dct``.

    "last Friday" is strictly before the DCT, "next Friday" strictly after, "this
    Friday" on or after; a bare weekday is on or before the DCT unless the sentence is
    in the future tense ("will meet on Wednesday").
    """
    if rel in ("last", "past", "this past"):
        return weekday_on_or_before(dct - timedelta(days=1), weekday)
    if rel == "next":
        return weekday_on_or_after(dct + timedelta(days=1), weekday)
    if rel in ("this", "coming", "this coming"):
        return weekday_on_or_after(dct, weekday)
    if tense == FUTURE:
        return weekday_on_or_after(dct, weekday)
    return weekday_on_or_before(dct, weekday)


def resolve_month(dct: date, mon: int, rel: str | None, tense: str | None) -> str:
    """``YYYY-MM`` of a month named without a year ("in June", "last October")."""
    y = dct.year
    if rel in ("last", "past", "this past"):
        # "last February" written in March means February a year ago: the month just
        # gone would be "last month".
        return fmt_month(y if mon < dct.month - 1 else y - 1, mon)
    if rel in ("next", "coming", "this coming"):
        return fmt_month(y if mon > dct.month else y + 1, mon)
    if rel == "this":
        return fmt_month(y, mon)
    ahead = (mon - dct.month) % 12
    if tense == PAST and mon > dct.month and ahead > 1:
        return fmt_month(y - 1, mon)
    if tense == FUTURE and mon < dct.month:
        return fmt_month(y + 1, mon)
    if tense is None:
        # No tense: news mostly reports, so the latest such month, unless the month is
        # a few months ahead ("in November" written in October).
        if 0 < ahead <= 4:
            return fmt_month(y if mon > dct.month else y + 1, mon)
        return fmt_month(y if mon <= dct.month else y - 1, mon)
    return fmt_month(y, mon)


def resolve_month_day(
    dct: date, mon: int, dom: int, rel: str | None, tense: str | None
) -> date | None:
    """The date of "Oct. 23" without a year: the nearest one, unless the tense objects."""
    cands = [d for d in (safe_date(dct.year + k, mon, dom) for k in (-1, 0, 1)) if d]
    return pick_date(dct, cands, rel, tense)


def pick_date(dct: date, cands: list[date], rel: str | None, tense: str | None) -> date | None:
    """Choose among the yearly recurrences of a date (sorted) seen from ``dct``."""
    if not cands:
        return None
    if rel in ("last", "past", "this past"):
        past = [d for d in cands if d < dct]
        return past[-1] if past else None
    if rel in ("next", "coming", "this coming"):
        fut = [d for d in cands if d > dct]
        return fut[0] if fut else None
    # Nearest recurrence, with future dates counted a little farther: undated dates in
    # news are more often reported than announced.
    best = min(cands, key=lambda d: (d - dct).days * (_FUTURE_WEIGHT if d > dct else -1))
    slack = timedelta(days=_TENSE_SLACK_DAYS)
    if tense == PAST and best > dct + slack:
        past = [d for d in cands if d <= dct]
        return past[-1] if past else best
    if tense == FUTURE and best < dct - slack:
        fut = [d for d in cands if d >= dct]
        return fut[0] if fut else best
    return best


def resolve_season(dct: date, code: str, rel: str | None, tense: str | None) -> str:
    """``YYYY-SU`` etc. for a season named without a year.

    Seasons are numbered ``year * 4 + index`` (spring, summer, fall, winter; winter
    belongs to the year of its December), so "last"/"next"/tense are integer steps.
    """
    cur_year, cur_code = season_of(dct)
    cur = cur_year * 4 + _SEASON_ORDER.index(cur_code)
    idx = _SEASON_ORDER.index(code)
    year = dct.year - 1 if code == "WI" and dct.month <= 2 else dct.year
    same = year * 4 + idx
    if rel in ("last", "past", "this past"):
        # TimeML reads "last spring" as last year's spring when this year's is over.
        target = same if same < cur else same - 4
        if rel == "last" and target // 4 == dct.year:
            target -= 4
    elif rel in ("next", "coming", "this coming"):
        target = same if same > cur else same + 4
    elif tense == PAST:
        target = same if same <= cur else same - 4
    elif tense == FUTURE:
        target = same if same >= cur else same + 4
    else:
        target = same
    y, i = divmod(target, 4)
    return f"{y:04d}-{_SEASON_ORDER[i]}"


def resolve_quarter_year(dct: date, q: int, tense: str | None) -> int:
    """Year of "the third quarter" named without one, seen from the DCT."""
    cur = quarter_of(dct)
    if q > cur + 1 and tense != FUTURE:
        return dct.year - 1
    if q == cur + 1 and tense == PAST:
        return dct.year - 1
    return dct.year
