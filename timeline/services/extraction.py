"""Store one article's extraction as entities, events and statements (with sources).

The single write path for machine output, used by ingestion and re-extraction alike. Every
step is a batch, so an article costs a fixed number of queries whatever its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from timeline.enums import DatePrecision, ReviewState, StatementRole
from timeline.extract.types import ExtractedStatement, Extraction
from timeline.models import (
    Article,
    Entity,
    Event,
    EventSource,
    Statement,
    StatementEntity,
    StatementSource,
)
from timeline.normalize import normalize_alias, normalize_quote, sha256_hex
from timeline.services.changes import items_mark_changed
from timeline.services.entities import entities_resolve
from timeline.services.event_store import (
    LIVE,
    interval,
    precision_of,
    review_state_for,
    sentence_text,
    store_events,
)


@dataclass
class StoreResult:
    events: set[int] = field(default_factory=set)
    statements: set[int] = field(default_factory=set)
    orphaned_events: set[int] = field(default_factory=set)
    orphaned_statements: set[int] = field(default_factory=set)


def statement_fingerprint(extracted: ExtractedStatement, speaker: Entity | None) -> str:
    """sha256(speaker key + normalised quote): one statement however many outlets report it."""
    who = speaker.slug if speaker else normalize_alias(extracted.speaker_text or "unknown")
    return sha256_hex(f"{who}|{normalize_quote(extracted.quote)}")


def _statement_fields(
    extracted: ExtractedStatement, speaker: Entity | None, reported: date, event_ids: list[int]
) -> dict[str, Any]:
    start, end = interval(extracted.date_start, extracted.date_end)
    fields: dict[str, Any] = {
        "speaker": speaker,
        "speaker_text": (extracted.speaker_text or extracted.speaker or "")[:300],
        "speaker_title": (extracted.speaker_title or "")[:300],
        "quote": extracted.quote,
        "kind": extracted.kind,
        "cue": extracted.cue[:100],
        "venue": (extracted.venue or "")[:300],
        "date_start": start,
        "date_end": end,
        "date_precision": precision_of(extracted.precision) if start else DatePrecision.UNKNOWN,
        "date_value": (extracted.date or "")[:40],
        "sort_date": start or reported,
    }
    index = extracted.event_index
    if index is not None and 0 <= index < len(event_ids):
        fields["event_id"] = event_ids[index]
        fields["stance"] = extracted.stance or "neutral"
    return fields


def _store_statements(
    article: Article,
    extraction: Extraction,
    entity_map: dict[str, Entity],
    event_ids: list[int],
    reported: date,
) -> set[int]:
    if not extraction.statements:
        return set()
    rows: list[tuple[ExtractedStatement, str, dict[str, Any]]] = []
    for extracted in extraction.statements:
        speaker = entity_map.get(extracted.speaker or "")
        rows.append(
            (
                extracted,
                statement_fingerprint(extracted, speaker),
                _statement_fields(extracted, speaker, reported, event_ids),
            )
        )
    fingerprints = {fp for _, fp, _ in rows}
    existing = {s.fingerprint: s for s in Statement.objects.filter(fingerprint__in=fingerprints)}
    fresh: dict[str, Statement] = {}
    for extracted, fp, fields in rows:
        if fp in existing:
            statement = existing[fp]
            if statement.source_count <= 1:  # re-extraction of its only source
                changed = [
                    name
                    for name, value in fields.items()
                    if name not in statement.edited_fields and getattr(statement, name) != value
                ]
                for name in changed:
                    setattr(statement, name, fields[name])
                if changed:
                    statement.save(update_fields=[*changed, "updated_at"])
        elif fp not in fresh:
            fresh[fp] = Statement(
                fingerprint=fp,
                **fields,
                confidence=extracted.confidence,
                review_state=review_state_for(extracted.confidence),
                extractor_version=article.extractor_version,
            )
    if fresh:
        # ignore_conflicts: a concurrent article may insert the same statement first.
        Statement.objects.bulk_create(fresh.values(), ignore_conflicts=True)
        created = list(Statement.objects.filter(fingerprint__in=fresh))
        Statement.history.bulk_history_create(created, default_change_reason="extracted")
        existing.update({s.fingerprint: s for s in created})

    document = extraction.document
    sources: list[StatementSource] = []
    links: list[StatementEntity] = []
    for extracted, fp, fields in rows:
        statement = existing[fp]
        sentence = document.sentence_at(extracted.quote_start) if document else None
        sources.append(
            StatementSource(
                statement=statement,
                article=article,
                quote_start=extracted.quote_start,
                quote_end=extracted.quote_end,
                speaker_start=extracted.speaker_start,
                speaker_end=extracted.speaker_end,
                sentence=sentence_text(article.text, sentence.start, sentence.end)
                if sentence
                else "",
                sentence_start=sentence.start if sentence else 0,
            )
        )
        if fields["speaker"] is not None:
            links.append(
                StatementEntity(
                    statement=statement, entity=fields["speaker"], role=StatementRole.SPEAKER
                )
            )
        links.extend(
            StatementEntity(
                statement=statement, entity=entity_map[m.name], role=StatementRole.MENTIONED
            )
            for m in extraction.entities
            if extracted.quote_start <= m.start
            and m.end <= extracted.quote_end
            and m.name in entity_map
        )
    StatementSource.objects.bulk_create(sources, ignore_conflicts=True)
    StatementEntity.objects.bulk_create(links, ignore_conflicts=True)
    return {existing[fp].pk for _, fp, _ in rows}


def _refresh_source_counts(event_ids: set[int], statement_ids: set[int]) -> None:
    """One UPDATE per table: source_count = number of evidence rows."""
    for model, source, ids in (
        (Event, EventSource, event_ids),
        (Statement, StatementSource, statement_ids),
    ):
        if not ids:
            continue
        link = "event" if model is Event else "statement"
        # Corroboration: distinct articles, however often one article repeats the item.
        count = (
            source.objects.filter(**{link: OuterRef("pk")})
            .order_by()
            .values(link)
            .annotate(n=Count("article", distinct=True))
            .values("n")
        )
        model.objects.filter(pk__in=ids).update(
            source_count=Coalesce(Subquery(count, output_field=IntegerField()), 0)
        )


def article_store_extraction(*, article: Article, extraction: Extraction) -> StoreResult:
    """Replace `article`'s machine-made evidence with `extraction`. Run inside a transaction.

    Writes: entities/aliases, events (matched across articles by type, dates, actors and title),
    statements (one per speaker + normalised quote), their sources and entity links; orphaned
    machine items (no source left, never edited) are rejected. Idempotent: running it twice
    with the same extraction leaves the same rows. The caller holds the article's row lock.
    """
    result = StoreResult()
    before_events = set(
        EventSource.objects.filter(article=article).values_list("event_id", flat=True)
    )
    before_statements = set(
        StatementSource.objects.filter(article=article).values_list("statement_id", flat=True)
    )
    if before_events:
        EventSource.objects.filter(article=article).delete()
    if before_statements:
        StatementSource.objects.filter(article=article).delete()

    reported = (article.published_at or article.created_at).date()
    entity_map = entities_resolve(entities=extraction.canonical_entities)
    event_ids = store_events(
        article=article,
        events=extraction.events,
        entity_map=entity_map,
        reported=reported,
        mentions=extraction.entities,
        document=extraction.document,
    )
    result.events = set(event_ids)
    result.statements = _store_statements(article, extraction, entity_map, event_ids, reported)

    touched_events = result.events | before_events
    touched_statements = result.statements | before_statements
    _refresh_source_counts(touched_events, touched_statements)
    if before_events - result.events:
        orphans = Event.objects.filter(
            pk__in=before_events - result.events,
            source_count=0,
            edited_fields=[],
            review_state__in=LIVE,
        )
        result.orphaned_events = set(orphans.values_list("pk", flat=True))
        Event.objects.filter(pk__in=result.orphaned_events).update(
            review_state=ReviewState.REJECTED
        )
    if before_statements - result.statements:
        orphans_s = Statement.objects.filter(
            pk__in=before_statements - result.statements,
            source_count=0,
            edited_fields=[],
            review_state__in=LIVE,
        )
        result.orphaned_statements = set(orphans_s.values_list("pk", flat=True))
        Statement.objects.filter(pk__in=result.orphaned_statements).update(
            review_state=ReviewState.REJECTED
        )
    items_mark_changed(event_ids=touched_events, statement_ids=touched_statements)
    return result
