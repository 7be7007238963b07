"""One event, one row: merging mentions of the same event and borrowing across sentences.

- In a sentence, same-type events with compatible dates and participants are
  one event ("signed ... the pact", "attacks ... the strikes").
- Across sentences, an anaphoric mention ("the attack destroyed two houses")
  takes the participants and date of the same-type event before it, and
  mentions of a one-off event (invasion, incursion, agreement) that share an
  actor share their date.
- In a paragraph, a second mention of the same event (same type, no
  conflicting date, status, participants, places or figures) adds its
  participants to the first instead of becoming a second row.
- An event that still names no participant or place waits for review: its
  confidence is kept below 0.5.
"""

from __future__ import annotations

import bisect
import dataclasses

from timeline.extract.events.build import borrow, corefer, merge
from timeline.extract.types import Document, ExtractedEvent

#: Types that happen once between the same parties: mentions with shared actors corefer.
_ONE_OFF = frozenset(["invasion", "incursion", "agreement"])
_ANAPHOR = ("the ", "this ", "that ")
#: How far back an anaphoric mention looks for its antecedent (characters); a mention that
#: names nobody looks at the whole article before it.
_NEAR = 400
#: Types that cover different kinds of events: mentions must share their trigger word.
_BROAD = frozenset(["other", "statement-of-policy"])
#: A "paragraph" of a feed without line breaks can be a whole article: mentions further
#: apart than this many sentences are not merged.
_PARAGRAPH_SENTENCES = 2
#: Highest confidence of an event that names no participant and no place.
BARE_CONFIDENCE = 0.45


def _compatible(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    if a.type != b.type or (a.date and b.date and a.date != b.date):
        return False
    return not (a.actors and b.actors and not set(a.actors) & set(b.actors))


def merge_in_sentence(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One event per type and sentence unless dates or participants tell them apart."""
    out: list[ExtractedEvent] = []
    for ev in events:
        i = next((k for k, o in enumerate(out) if _compatible(o, ev)), None)
        if i is None:
            out.append(ev)
        else:
            out[i] = merge(out[i], ev)
    return out


def _bare(ev: ExtractedEvent) -> bool:
    return not (ev.actors or ev.people or ev.places)


def across_sentences(doc: Document, events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Anaphoric mentions borrow from their antecedent; one-off events share their date;
    repeated mentions in a paragraph are merged; bare events stay below review."""
    out: list[ExtractedEvent] = []
    for ev in events:
        before = doc.text[max(0, ev.start - 5) : ev.start].lower()
        if not ev.actors and before.endswith(_ANAPHOR):
            reach = len(doc.text) if _bare(ev) or ev.type in _ONE_OFF else _NEAR
            prior = next(
                (
                    o
                    for o in reversed(out)
                    if o.type == ev.type and ev.sentence_start - o.sentence_end < reach
                ),
                None,
            )
            if prior is not None and (before.endswith("the ") or _bare(ev)):
                ev = borrow(ev, prior, doc.published)
        out.append(ev)
    for i in range(len(out)):
        ev = out[i]
        if ev.type not in _ONE_OFF or ev.status == "scheduled":
            continue
        for o in out:
            if o is ev or o.type != ev.type or o.status == "scheduled":
                continue
            if set(ev.actors) & set(o.actors) and not (ev.date and o.date and ev.date != o.date):
                out[i] = corefer(out[i], o)
    out = _merge_in_paragraph(doc, out)
    return [
        dataclasses.replace(ev, confidence=BARE_CONFIDENCE)
        if _bare(ev) and ev.confidence > BARE_CONFIDENCE
        else ev
        for ev in out
    ]


def _same_event(text: str, a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """Two mentions in one paragraph that nothing tells apart."""
    if a.type != b.type or (a.date and b.date and a.date != b.date):
        return False
    if (
        a.type in _BROAD
        and text[a.start : a.start + 5].lower() != text[b.start : b.start + 5].lower()
    ):
        return False  # "arrested" and "annexed" are both "other"
    if a.status != b.status and "reported" not in (a.status, b.status):
        return False  # "denied" and "happened", or a plan and its occurrence
    for x, y in ((a.actors, b.actors), (a.places, b.places), (a.people, b.people)):
        if x and y and not set(x) & set(y):
            return False
    figures = dict(a.figures)
    return all(figures.get(k, v) == v for k, v in b.figures)


def _corefer(text: str, a: ExtractedEvent, b: ExtractedEvent) -> bool:
    """Mentions anywhere in the article with the same actors and the same day (or both
    undated): one event ("North Korea has sent 10,000 troops" ... "the troops North Korea
    had sent"). Possibilities and events waiting for review stay apart."""
    if a.date != b.date or not set(a.actors) & set(b.actors):
        return False
    if bool(a.places) != bool(b.places):
        return False  # "sent to Russia" and "deployed to the Kursk region" may be two moves
    if min(a.confidence, b.confidence) <= BARE_CONFIDENCE:
        return False
    return _same_event(text, a, b)


def _merge_in_paragraph(doc: Document, events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    paragraphs = [p.start for p in doc.paragraphs]
    sentences = [s.start for s in doc.sentences]
    out: list[ExtractedEvent] = []
    where: list[tuple[int, int]] = []  # (paragraph, sentence) of each kept event
    for ev in events:
        para = bisect.bisect_right(paragraphs, ev.start)
        sent = bisect.bisect_right(sentences, ev.start)
        k = next(
            (
                k
                for k in range(len(out))
                if (
                    where[k][0] == para
                    and sent - where[k][1] <= _PARAGRAPH_SENTENCES
                    and _same_event(doc.text, out[k], ev)
                )
                or _corefer(doc.text, out[k], ev)
            ),
            None,
        )
        if k is None:
            out.append(ev)
            where.append((para, sent))
            continue
        first = out[k]
        merged = merge(first, ev)
        if _named(ev) > _named(first):  # the fuller title names more of the event
            merged = dataclasses.replace(merged, title=ev.title)
        out[k] = merged
    return out


def _named(ev: ExtractedEvent) -> int:
    return len(ev.actors) + len(ev.people) + len(ev.places)
