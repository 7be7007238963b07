"""When a statement was made, and where: the time expression and venue of its attribution.

The date is the time expression attached to the cue ("said Tuesday", "told
VOA Friday", "Putin last week did not deny", "Earlier on Monday, NATO
confirmed"). A statement with none of its own inherits the date of the
previous explicitly dated statement when that date is a recent day (wire copy
reports one news day and keeps its "said" undated after the first mention),
and otherwise falls back to the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.extract.statements.direct import Candidate
from timeline.extract.types import Document, TimexLike

_SENTENCE_LEAD = re.compile(
    r"(?:(?:And|But|Yet|So|Also|Then|Earlier|Later|Late|Early)\s+)?(?:(?:on|in|last|this|early|late)\s+)?",
    re.IGNORECASE,
)
_LEAD_PHRASE = re.compile(
    r"(?:In|On|At|During|Speaking|Addressing|Writing|Following|After|Before|Since)\b"
)
# "said Belkis Wille, who visited the site last week": that time dates the visit.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose|where|when|after|before|while)\b")
_BETWEEN_OK = re.compile(r"[\s,]*(?:on|in|at|last|early|late|earlier|later)?[\s,]*")
VENUE = re.compile(
    r"\b(?:(?:at|in|during|on|via|before|through|over)\s+"
    r"(?:(?:a|an|the|his|her|their|its)\s+)?(?:(?!that\b|which\b|who\b)[\w'’.-]+\s+){0,5}"
    r"(?:meeting|conference|briefing|interview|statement|speech|rally|hearing|event|summit|"
    r"session|debate|post|tweet|video|appearance|address|forum|gathering|luncheon|dinner|"
    r"ceremony|broadcast|program|show|podcast|op-ed|letter|memo|email|release|"
    r"Telegram|Twitter|X|Facebook|Instagram|YouTube|TikTok|television|radio)\b"
    r"(?:\s+(?:in|at|on)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?|"
    r"(?<=reporters\s)(?:in|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
)
_NEXT_SENTENCE_VENUE = re.compile(
    r"(?:The|His|Her|Their|Those|These)\s+(?:comments|remarks|statement|statements|"
    r"announcement|warning)\s+(" + VENUE.pattern[2:] + ")"
)
_PAST_CUE = re.compile(r"(?:ed|told|said|wrote|\bsaid in)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Dated:
    """The TIMEX3 value, interval and precision of a statement's date."""

    value: str
    start: date | None
    end: date | None
    precision: str
    explicit: bool


def _usable(t: TimexLike) -> bool:
    return t.type in ("DATE", "TIME") and t.value[:1].isdigit() and t.date_start is not None


def attached_timex(doc: Document, cand: Candidate, np_end: int | None) -> TimexLike | None:
    """The time expression that dates this attribution, if the text gives one."""
    text = doc.text
    tail_end = cand.tail[1]
    frags = cand.fragments
    lo = min(cand.cue_start, np_end if np_end is not None else cand.cue_start)
    sent = doc.sentence_at(cand.cue_start)
    horizon = max(tail_end, cand.cue_end + 24)
    for t in doc.timexes:  # sorted by start
        if t.end <= sent.start:
            continue
        if t.start > horizon:
            break
        if not _usable(t) or any(s <= t.start < e for s, e in frags):
            continue
        # After the cue, inside the attribution clause ("said Tuesday", "told VOA Friday").
        if (
            cand.cue_end <= t.start
            and t.end <= max(tail_end, cand.cue_end + 24)
            and (t.start < tail_end or _BETWEEN_OK.fullmatch(text, cand.cue_end, t.start))
            and not _RELATIVE_CLAUSE.search(text, cand.cue_end, t.start)
        ):
            return t
        # Between the speaker and the cue ("Putin last week did not deny").
        if np_end is not None and np_end <= t.start and t.end <= cand.cue_start:
            return t
        # At the start of the sentence ("Earlier on Monday, NATO confirmed"), or inside a
        # leading adverbial ("In a statement released Monday, the ministry said").
        if sent.start <= t.start < lo and text[t.end : t.end + 1] == ",":
            if _SENTENCE_LEAD.fullmatch(text, sent.start, t.start):
                return t
            if (
                _LEAD_PHRASE.match(text, sent.start, t.start)
                and "," not in text[sent.start : t.start]
            ):
                return t
    return None


def date_statements(
    doc: Document, cands: list[Candidate], np_ends: list[int | None]
) -> list[Dated]:
    """One ``Dated`` per candidate (candidates in text order)."""
    dct = doc.published
    out: list[Dated] = []
    last_explicit: Dated | None = None
    for cand, np_end in zip(cands, np_ends, strict=True):
        t = attached_timex(doc, cand, np_end)
        if t is not None:
            d = Dated(t.value, t.date_start, t.date_end, t.precision or "day", True)
            out.append(d)
            last_explicit = d
            continue
        cue = doc.text[cand.cue_start : cand.cue_end]
        if (
            last_explicit is not None
            and last_explicit.precision == "day"
            and last_explicit.start is not None
            and dct - timedelta(days=7) <= last_explicit.start <= dct
            and _PAST_CUE.search(cue)
        ):
            out.append(
                Dated(last_explicit.value, last_explicit.start, last_explicit.end, "day", False)
            )
            continue
        out.append(Dated(dct.isoformat(), dct, dct, "day", False))
    return out


def venue_of(doc: Document, cand: Candidate) -> str | None:
    """Where the statement was made, when its attribution says so."""
    text = doc.text
    s, e = cand.tail
    m = VENUE.search(text, min(s, cand.cue_start), max(e, cand.cue_end))
    if m:
        return m.group(0)
    # "The comments at a Cabinet meeting in Seoul followed ..." in the next sentence.
    sent = doc.sentence_at(cand.end)
    nxt = text[sent.end : sent.end + 200].lstrip()
    m2 = _NEXT_SENTENCE_VENUE.match(nxt)
    return m2.group(1) if m2 else None
