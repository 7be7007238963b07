"""Occurrence dates: which time expression belongs to which trigger, and the fallbacks.

A time expression dates an event when it sits in the event's clause and no
other trigger of the sentence is closer to it ("killed ... since the February
2022 invasion": February 2022 is the invasion's). Expressions that date a
verb of saying ("said Tuesday") or bound an interval ("since", "until") are
not occurrence dates. Without an expression of its own an event is dated only
when the text makes the day clear: it is the venue of a dated statement ("the
comments at a Cabinet meeting"), it happened as the statement was made ("told
reporters after ... received a briefing"), or it is the simple-past news the
statement reports ("officials said Tuesday a rocket attack killed one").
Everything else stays undated — "has sent troops" says nothing about when.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.extract.events.scope import is_speech_time
from timeline.extract.types import ExtractedStatement, Span, TimexLike

_BOUND = re.compile(
    r"\b(?:since|until|till|through|by|from|before|after|ahead of|prior to|as of|between|"
    r"throughout|during|within|over)\s+(?:the\s+|early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
_PREMODIFIER_GAP = re.compile(r"^(?:[’']s)?\s*(?:[\w-]+\s+){0,2}$")
_DATE_PART = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q\d|-(?:SP|SU|FA|WI))?)")
_TEMPORAL_LINK = re.compile(
    r"\s*(?:after|as|when|while|following|during|before|once|where|at which|during which)\b",
    re.IGNORECASE,
)
_REMARKS = re.compile(
    r"\s*(?:the|his|her|their|those|these)\s+(?:\w+\s+)?(?:comments|remarks|statement|"
    r"speech|address|words)\b",
    re.IGNORECASE,
)
#: Types whose simple-past mention in a dated statement is the news of that day.
NEWS_OF_THE_DAY = frozenset(
    ["attack", "air-defense", "casualties", "protest", "meeting", "sanctions",
     "statement-of-policy", "incursion", "other"]
)  # fmt: skip
#: Types that follow the reference time of the sentences before them but are not
#: dated by a statement alone (a pact someone "signed" may be months old).
_NARRATIVE = frozenset(["agreement", "election"])
_RECENT = timedelta(days=3)


@dataclass(frozen=True, slots=True)
class When:
    """An occurrence date with its interval, precision and where it came from."""

    value: str | None
    start: date | None
    end: date | None
    precision: str | None
    source: str  # timex | venue | speech | news | propagated | none


UNDATED = When(None, None, None, None, "none")


@dataclass(frozen=True, slots=True)
class Anchor:
    """What the date attachment needs to know about one candidate event."""

    key: int
    clause: Span
    triggers: tuple[tuple[int, int, str], ...]  # (start, end, pos)


def usable(t: TimexLike) -> bool:
    """Anchored dates and times only: no durations, sets, ``PRESENT_REF`` or "XXXX-06"."""
    return t.type in ("DATE", "TIME") and t.date_start is not None and t.value[:1].isdigit()


def from_timex(t: TimexLike) -> When:
    """The occurrence date a time expression gives (times of day are cut to the day)."""
    m = _DATE_PART.match(t.value)
    value = m.group(1) if m else t.value
    precision = "day" if t.type == "TIME" and len(value) == 10 else t.precision
    return When(value, t.date_start, t.date_end, precision, "timex")


def from_statement(s: ExtractedStatement, source: str) -> When:
    """The date a statement was made, as an event date."""
    return When(s.date, s.date_start, s.date_end, s.precision, source)


def _distance(text: str, t: TimexLike, start: int, end: int, pos: str) -> int | None:
    """Characters between a time expression and a trigger; None when it cannot attach."""
    if t.end <= start:
        gap = text[t.end : start]
        if pos == "noun" and _PREMODIFIER_GAP.match(gap):
            return 0  # "the February 2022 invasion", "Sunday's election"
        bound = _BOUND.search(text, max(0, t.start - 25), t.start)
        return None if bound else start - t.end
    if _BOUND.search(text, max(0, t.start - 25), t.start):
        return None
    return t.start - end


def assign(
    text: str,
    sentence: Span,
    anchors: Sequence[Anchor],
    timexes: Sequence[TimexLike],
    statement_spans: Sequence[tuple[int, int]] = (),
) -> dict[int, TimexLike]:
    """Give each usable time expression of a sentence to the nearest event whose clause holds it.

    ``statement_spans`` (content spans) let an expression inside reported content
    count while one in the attribution around it is skipped as a speech time.
    """
    best: dict[int, tuple[int, TimexLike]] = {}
    for t in timexes:
        if not (sentence.start <= t.start < sentence.end) or not usable(t):
            continue
        inside_content = any(a <= t.start and t.end <= b for a, b in statement_spans)
        if not inside_content and is_speech_time(text, sentence, t.start, t.end):
            continue
        owner: tuple[int, int] | None = None  # (distance, key)
        for a in anchors:
            if not (a.clause.start <= t.start and t.end <= a.clause.end):
                continue
            for s, e, pos in a.triggers:
                d = _distance(text, t, s, e, pos)
                if d is not None and (owner is None or d < owner[0]):
                    owner = (d, a.key)
        if owner is not None:
            d, key = owner
            if key not in best or d < best[key][0]:
                best[key] = (d, t)
    return {k: v[1] for k, v in best.items()}


def fallback(
    text: str,
    event_type: str,
    clause: Span,
    start: int,
    verb_tense: str,
    reporting: ExtractedStatement | None,
    all_statements: Sequence[ExtractedStatement],
    published: date,
    narrative: When | None = None,
    explicit: bool = False,
) -> When:
    """The date of an event without a time expression of its own (see the module doc).

    ``narrative`` is the date of the last dated event of the two sentences before
    (news keeps its reference time until a new time expression moves it);
    ``explicit`` says whether the reporting statement's date was written next to
    its cue ("said Tuesday") rather than inherited.
    """
    for s in all_statements:
        if s.venue and _venue_covers(text, s.venue, start) and s.date_start is not None:
            return from_statement(s, "venue")
    if event_type == "meeting" and _REMARKS.match(text, clause.start):
        before = [s for s in all_statements if s.cue_end <= clause.start and _is_day(s, published)]
        if before:
            return from_statement(before[-1], "venue")
    if verb_tense != "past":
        return UNDATED
    news = event_type in NEWS_OF_THE_DAY
    if news and reporting is not None and explicit and _is_day(reporting, published):
        return from_statement(reporting, "news")
    if narrative is not None and (news or event_type in _NARRATIVE):
        return dataclasses.replace(narrative, source="narrative")
    if news and reporting is not None and _is_day(reporting, published):
        return from_statement(reporting, "news")
    return UNDATED


def is_linked_clause(text: str, clause: Span) -> bool:
    """A clause that happens when its host does: "after ...", "where ...", "as ..."."""
    return _TEMPORAL_LINK.match(text, clause.start) is not None


def explicitly_dated(
    text: str, sentence: Span, s: ExtractedStatement, timexes: Sequence[TimexLike]
) -> bool:
    """True when a time expression next to the statement's cue gives its date."""
    for t in timexes:
        if not (sentence.start <= t.start < sentence.end) or t.value != s.date:
            continue
        if not (s.quote_start <= t.start < s.quote_end) and is_speech_time(
            text, sentence, t.start, t.end
        ):
            return True
    return False


def _is_day(s: ExtractedStatement, published: date) -> bool:
    return (
        s.precision == "day"
        and s.date_start is not None
        and published - _RECENT <= s.date_start <= published
    )


def _venue_covers(text: str, venue: str, pos: int) -> bool:
    """True when an occurrence of the venue text spans ``pos``."""
    i = text.find(venue, max(0, pos - len(venue) + 1), pos + len(venue))
    return i != -1 and i <= pos
