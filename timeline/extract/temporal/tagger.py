"""The tagging loop: find anchors, try the grammar around them, keep the best match.

Speed comes from never running the big grammar at every character: ``ANCHOR`` (a
cheap, mostly literal regex) finds the head words, and for each one the grammar is
only tried at the few word starts just before it (the modifiers an expression may
begin with: "the", "early", "last", numbers ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from . import rules_dates as rd
from . import rules_dur as ru
from . import rules_periods as rp
from . import rules_rel as rr
from .combine import combine
from .context import Context, Hit
from .dates import interval_for_value
from .grammar import (
    ANCHOR,
    DIGIT_OK,
    FAMILIES,
    FAMILIES_BY_FIRST,
    FAMILY_RES,
    FIRST_TOKEN,
    LEFT_WORDS,
)
from .model import DATE, DURATION, TIME, Timex
from .names import in_proper_name

Handler = Callable[[re.Match[str], Context], Hit | None]

HANDLERS: dict[str, Handler] = {
    "iso": rd.h_iso, "nd": rd.h_nd, "tm": rd.h_tm, "ho": rd.h_ho, "mdy": rd.h_mdy,
    "my": rd.h_my, "q": rp.h_q, "qr": rp.h_qr, "fy": rp.h_fy, "dc": rp.h_dc,
    "ag": rr.h_ag, "st": ru.h_st, "ru": rr.h_ru, "se": rp.h_se, "du": ru.h_du,
    "mo": rd.h_mo, "yr": rd.h_yr, "rd": rr.h_rd, "an": rr.h_an, "wd": rr.h_wd,
    "ya": rr.h_ya, "rf": rr.h_rf,
}  # fmt: skip
assert set(HANDLERS) == {name for name, _ in FAMILIES}

# Anchors that only count when capitalised in the original text (month and weekday
# names; "may", "march" and "sun" are common lower-case words).
_CAPITAL_ANCHORS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sept", "sep", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
})  # fmt: skip

_MAX_LEFT_WORDS = 7
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR_VALUE = re.compile(r"^(\d{4})(?:$|-)")
_HALF_AND_NINE_MONTHS = frozenset({"P6M", "P9M"})


def _lower(text: str) -> str:
    """Lower-case ``text`` keeping every offset (a few characters grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_LEFT_WINDOW = 64


def _left_starts(lower: str, anchor: int, floor: int) -> list[int]:
    """Word starts before ``anchor`` an expression containing it could begin at.

    Walks left over words that can open or modify a time expression ("the", "early",
    "last", numbers ...), at most a few words and never across a blank line.  Words
    are separated by white space or hyphens; the scan is done by hand because most
    anchors stop at the first word ("said Monday").
    """
    lo = max(floor, anchor - _LEFT_WINDOW)
    starts = [anchor]
    prev_start = anchor
    for _ in range(_MAX_LEFT_WORDS):
        i = prev_start
        while i > lo and (lower[i - 1].isspace() or lower[i - 1] == "-"):
            i -= 1
        if i <= lo:
            break
        j = i - 1
        while j > lo and not (lower[j - 1].isspace() or lower[j - 1] == "-"):
            j -= 1
        if lower.count("\n", i, prev_start) > 1:
            break
        if j == lo and lo > floor and not lower[lo - 1].isspace():
            break  # the window cut a word in two
        word = lower[j:i].rstrip(",")
        if not (word in LEFT_WORDS or word.replace(",", "").replace(".", "").isdigit()):
            break
        starts.append(j)
        prev_start = j
    starts.reverse()
    return starts


def _match_at(ctx: Context, start: int, anchor: int) -> Hit | None:
    """First family (in grammar order) whose match at ``start`` covers ``anchor`` and
    whose handler accepts it."""
    first = FIRST_TOKEN.match(ctx.lower, start)
    if first is None:
        return None
    word = first.group()
    key = "#d" if word[0].isdigit() or word == "½" else "#a" if not word[0].isalpha() else word
    for name in FAMILIES_BY_FIRST.get(key, ()):
        m = FAMILY_RES[name].match(ctx.lower, start)
        if m is not None and m.end() > anchor:
            hit = HANDLERS[name](m, ctx)
            if hit is not None:
                return hit
    return None


def _remember(ctx: Context, hit: Hit) -> None:
    """Update the reference times anaphoric expressions resolve against."""
    if hit.type == DURATION and hit.value in _HALF_AND_NINE_MONTHS:
        if ctx.lower.startswith("the ", hit.start):
            # "For the nine months, ... a year earlier": the figures now compared are
            # for a stretch longer than a quarter, so a year-ago one is a year again.
            ctx.quarter = None
        return
    if hit.type not in (DATE, TIME):
        return
    dm = _DAY_VALUE.match(hit.value)
    if dm and hit.end - hit.start == 9 and ctx.lower.startswith("overnight", hit.start):
        return  # "overnight losses" names no day the story moves to
    if dm:
        try:
            ctx.ref_day = date(int(dm.group(1)), int(dm.group(2)), int(dm.group(3)))
        except ValueError:
            return
        ctx.ref_day_end = hit.end
        ctx.ref_year = ctx.ref_day.year
        ctx.ref_month = (ctx.ref_day.year, ctx.ref_day.month)
        return
    mm = _MONTH_VALUE.match(hit.value)
    if mm:
        ctx.ref_month = (int(mm.group(1)), int(mm.group(2)))
        ctx.ref_year = ctx.ref_month[0]
        return
    ym = _YEAR_VALUE.match(hit.value)
    if ym:
        ctx.ref_year = int(ym.group(1))
        if hit.value[5:6] == "Q":
            ctx.last_quarter = (ctx.ref_year, int(hit.value[6]))


def to_timex(text: str, hit: Hit) -> Timex:
    interval = interval_for_value(hit.value) if hit.type in (DATE, TIME) else None
    return Timex(
        start=hit.start,
        end=hit.end,
        text=text[hit.start : hit.end],
        type=hit.type,
        value=hit.value,
        date_start=interval[0] if interval else None,
        date_end=interval[1] if interval else None,
        precision=interval[2] if interval else None,
        mod=hit.mod,
    )


def tag(text: str, dct: date | datetime) -> list[Timex]:
    """Find and normalise the TIMEX3 time expressions in ``text``.

    ``dct`` is the document creation time (publication date) that relative
    expressions are anchored to.  Returns non-overlapping ``Timex`` objects sorted by
    ``start``; offsets index ``text`` exactly.
    """
    day = dct.date() if isinstance(dct, datetime) else dct
    lower = _lower(text)
    ctx = Context(text=text, lower=lower, dct=day)
    out: list[Timex] = []
    floor = 0
    for am in ANCHOR.finditer(lower):
        anchor = am.start()
        if anchor < floor:
            continue
        word = am.group()
        if word[0].isdigit():
            if DIGIT_OK.match(lower, anchor) is None:
                continue
        elif word.rstrip("s'\u2019") in _CAPITAL_ANCHORS:
            if not text[anchor].isupper():
                continue
        elif text[anchor].isupper() and in_proper_name(text, anchor, am.end(), word):
            continue  # "High Noon", "USA Today", "the Summer Olympics"
        for start in _left_starts(lower, anchor, floor):
            hit = _match_at(ctx, start, anchor)
            if hit is not None:
                hit, second = combine(ctx, out, hit)
                out.append(to_timex(text, hit))
                _remember(ctx, hit)
                floor = hit.end
                if second is not None:
                    out.append(to_timex(text, second))
                    _remember(ctx, second)
                    floor = second.end
                break
    return out
