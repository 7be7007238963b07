"""Hand-built extraction results, so service tests do not depend on the NLP engine."""

from __future__ import annotations

import datetime as dt

from timeline.extract.types import (
    CanonicalEntity,
    EntityMention,
    ExtractedEvent,
    ExtractedStatement,
    Extraction,
)

TEXT = (
    "Ministers of Freedonia and Sylvania signed a trade accord in June. "
    "\u201cIt opens our ports,\u201d said Freedonian trade minister Ana Polk on Monday."
)


def entity(name: str, kind: str = "country", *aliases: str) -> CanonicalEntity:
    return CanonicalEntity(
        name=name, slug=name.lower().replace(" ", "-"), kind=kind, aliases=aliases
    )


def accord_event(**overrides: object) -> ExtractedEvent:
    fields: dict[str, object] = {
        "type": "agreement",
        "title": "Freedonia and Sylvania sign trade accord",
        "start": 36,
        "end": 65,
        "sentence_start": 0,
        "sentence_end": 67,
        "date": "2024-06",
        "date_start": dt.date(2024, 6, 1),
        "date_end": dt.date(2024, 6, 30),
        "precision": "month",
        "status": "happened",
        "actors": ("Freedonia", "Sylvania"),
        "places": (),
        "people": (),
        "figures": (),
        "confidence": 0.9,
    }
    fields.update(overrides)
    return ExtractedEvent(**fields)  # type: ignore[arg-type]


def polk_statement(**overrides: object) -> ExtractedStatement:
    quote = "It opens our ports,"
    start = TEXT.index(quote)
    fields: dict[str, object] = {
        "speaker": "Ana Polk",
        "speaker_start": TEXT.index("Ana Polk"),
        "speaker_end": TEXT.index("Ana Polk") + 8,
        "speaker_text": "Ana Polk",
        "speaker_title": "Freedonian trade minister",
        "speaker_kind": "person",
        "quote": quote,
        "quote_start": start,
        "quote_end": start + len(quote),
        "quote_spans": (),
        "cue": "said",
        "cue_start": TEXT.index("said"),
        "cue_end": TEXT.index("said") + 4,
        "kind": "direct",
        "date": "2024-10-28",
        "date_start": dt.date(2024, 10, 28),
        "date_end": dt.date(2024, 10, 28),
        "precision": "day",
        "venue": None,
        "confidence": 0.9,
    }
    fields.update(overrides)
    return ExtractedStatement(**fields)  # type: ignore[arg-type]


def extraction(
    events: tuple[ExtractedEvent, ...] | None = None,
    statements: tuple[ExtractedStatement, ...] | None = None,
) -> Extraction:
    mention_start = TEXT.index("Freedonia")
    return Extraction(
        timexes=(),
        entities=(
            EntityMention(
                start=mention_start,
                end=mention_start + 9,
                text="Freedonia",
                name="Freedonia",
                kind="country",
            ),
        ),
        statements=statements if statements is not None else (polk_statement(),),
        events=events if events is not None else (accord_event(),),
        canonical_entities=(
            entity("Freedonia", "country", "Freedonian"),
            entity("Sylvania"),
            entity("Ana Polk", "person", "Polk"),
        ),
    )
