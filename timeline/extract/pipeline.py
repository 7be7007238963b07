"""The extraction pipeline: one article in, timexes, entities, statements and events out.

Stages run in a fixed order on one ``Document``: segmentation, time
expressions (the temporal engine), entities, statements, events. Each stage
adds to the document, so later stages reuse earlier work (the events stage
gets sentences, time expressions and entity mentions for free).

The temporal engine is developed separately; while it is missing or broken
the pipeline still runs and dates every statement with the publication day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from timeline.extract.entities import recognize
from timeline.extract.statements import extract_statements
from timeline.extract.text import make_document
from timeline.extract.types import (
    Document,
    ExtractedEvent,
    ExtractedStatement,
    Extraction,
    TimexLike,
)

log = logging.getLogger(__name__)

TagFn = Callable[[str, date], Sequence[TimexLike]]
EventsFn = Callable[[Document, Sequence[ExtractedStatement]], Sequence[ExtractedEvent]]
LinkFn = Callable[
    [Document, Sequence[ExtractedEvent], Sequence[ExtractedStatement]], Sequence[ExtractedStatement]
]


def _load_tagger() -> TagFn | None:
    try:
        from timeline.extract.temporal import tag
    except Exception:  # a broken work-in-progress engine must not stop extraction
        log.warning("temporal engine unavailable; statements are dated by publication day")
        return None
    return tag


def _load_events() -> tuple[EventsFn, LinkFn] | None:
    try:
        from timeline.extract.events import extract_events, link_statements
    except Exception:
        return None
    return extract_events, link_statements


_TAG: TagFn | None = _load_tagger()
_EVENTS: tuple[EventsFn, LinkFn] | None = _load_events()


def _tag(text: str, dct: date) -> tuple[TimexLike, ...]:
    if _TAG is None:
        return ()
    try:
        return tuple(_TAG(text, dct))
    except Exception:
        log.exception("temporal tagging failed; continuing without time expressions")
        return ()


def prepare(text: str, published: date | datetime) -> tuple[Document, Any]:
    """Segment, tag time expressions and recognise entities; returns (document, entity index)."""
    seg = make_document(text, published)
    timexes = _tag(text, seg.published)
    index = recognize(text)
    doc = Document(  # built once: dataclasses.replace costs more than the fields
        text=text,
        published=seg.published,
        paragraphs=seg.paragraphs,
        sentences=seg.sentences,
        timexes=timexes,
        mentions=tuple(index.mentions),
        entities=tuple(index.entities),
        _sentence_starts=seg._sentence_starts,
    )
    return doc, index


def extract(text: str, published: date | datetime) -> Extraction:
    """Run every stage over one article. Pure: no I/O, no Django."""
    doc, index = prepare(text, published)
    statements: tuple[ExtractedStatement, ...] = tuple(extract_statements(doc, index))
    events: tuple[ExtractedEvent, ...] = ()
    if _EVENTS is not None:  # events stage; it also links statements to the events they report
        try:
            events = tuple(_EVENTS[0](doc, statements))
            statements = tuple(_EVENTS[1](doc, events, statements))
        except Exception:  # a failing events rule must not cost the article its statements
            log.exception("events stage failed; returning the article without events")
            events = ()
    return Extraction(
        timexes=doc.timexes,
        entities=doc.mentions,
        statements=statements,
        events=events,
        canonical_entities=doc.entities,
        document=doc,
    )


def warm_up() -> None:
    """Build what the stages compile on first use (gazetteer, tokenizer, trigger patterns).

    The CLI calls it at start-up, so its first articles are not slower than the rest.
    """
    try:
        if _EVENTS is not None:
            from timeline.extract.events.scan import precompile

            precompile()
        extract("“We are ready,” Minister Ana Ruiz said on Monday in Kyiv.", date(2024, 1, 1))
    except Exception:  # the articles themselves will report what is broken
        log.exception("warm-up failed")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def to_json(extraction: Extraction, id: Any) -> dict[str, Any]:
    """The CLI's JSON line for one article (see docs/extraction.md)."""
    return {
        "id": id,
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in extraction.timexes
        ],
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "name": m.name, "kind": m.kind}
            for m in extraction.entities
        ],
        "canonical_entities": [
            {"name": e.name, "slug": e.slug, "kind": e.kind, "aliases": list(e.aliases)}
            for e in extraction.canonical_entities
        ],
        "statements": [
            {
                "speaker": s.speaker,
                "speaker_start": s.speaker_start,
                "speaker_end": s.speaker_end,
                "speaker_title": s.speaker_title,
                "quote": s.quote,
                "quote_start": s.quote_start,
                "quote_end": s.quote_end,
                "cue": s.cue,
                "kind": s.kind,
                "date": s.date,
                "venue": s.venue,
                # additions beyond the minimal contract (documented in docs/extraction.md)
                "speaker_text": s.speaker_text,
                "speaker_kind": s.speaker_kind,
                "quote_spans": [list(f) for f in s.quote_spans],
                "cue_start": s.cue_start,
                "cue_end": s.cue_end,
                "date_start": _iso(s.date_start),
                "date_end": _iso(s.date_end),
                "precision": s.precision,
                "confidence": s.confidence,
            }
            for s in extraction.statements
        ],
        "events": [
            {
                "type": e.type,
                "title": e.title,
                "start": e.start,
                "end": e.end,
                "date": e.date,
                "date_end": _iso(e.date_end),
                "precision": e.precision,
                "status": e.status,
                "actors": list(e.actors),
                "places": list(e.places),
                "figures": [list(f) for f in e.figures],
                # addition: every mention's span when the article names the event more than once
                "evidence": [list(s) for s in e.evidence] or [[e.start, e.end]],
            }
            for e in extraction.events
        ],
    }
