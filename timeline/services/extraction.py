"""Store one article's extraction as entities, events and statements (with sources).

The single write path for machine output, used by ingestion and re-extraction alike.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count

from timeline.enums import DatePrecision, EventRole, ReviewState, StatementRole
from timeline.extract.types import ExtractedEvent, ExtractedStatement, Extraction
from timeline.models import (
    Article,
    Entity,
    Event,
    EventEntity,
    EventSource,
    Statement,
    StatementEntity,
    StatementSource,
)
from timeline.normalize import normalize_alias, normalize_quote, sha256_hex
from timeline.services.changes import items_mark_changed
from timeline.services.entities import entities_resolve

_PRECISIONS = {choice.value for choice in DatePrecision}
_LIVE = (ReviewState.PENDING, ReviewState.PUBLISHED)
# Same event when titles are this similar, or when actors overlap this much (see _same_event).
_TITLE_SIMILARITY = 0.6
_ACTOR_OVERLAP = 0.5
_UNDATED_WINDOW = timedelta(days=7)


@dataclass
class StoreResult:
    events: set[int] = field(default_factory=set)
    statements: set[int] = field(default_factory=set)
    orphaned_events: set[int] = field(default_factory=set)
    orphaned_statements: set[int] = field(default_factory=set)


def _review_state(confidence: float) -> str:
    threshold = float(settings.TIMELINE.get("AUTO_PUBLISH_MIN_CONFIDENCE", 0.5))
    return ReviewState.PUBLISHED if confidence >= threshold else ReviewState.PENDING


def _precision(value: str | None) -> str:
    return value if value in _PRECISIONS else DatePrecision.UNKNOWN


def _interval(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    if start is None:
        return None, None
    return start, end if end is not None and end >= start else start


def _sentence(text: str, start: int, end: int) -> str:
    return text[start:end].strip()[:2000]


def _lock_event_types(types: set[str]) -> None:
    """Serialise cross-article event matching per type on PostgreSQL (SQLite serialises all)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for event_type in sorted(types):
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", [f"timeline-event:{event_type}"]
            )


def _same_event(
    extracted: ExtractedEvent,
    candidate: Event,
    actor_ids: set[int],
    place_ids: set[int],
    cand_actors: set[int],
    cand_places: set[int],
) -> bool:
    if place_ids and cand_places and not place_ids & cand_places:
        return False  # same kind of event, somewhere else
    title_sim = difflib.SequenceMatcher(
        None, normalize_alias(extracted.title), normalize_alias(candidate.title)
    ).ratio()
    if title_sim >= _TITLE_SIMILARITY:
        return True
    if actor_ids and cand_actors:
        overlap = len(actor_ids & cand_actors) / len(actor_ids | cand_actors)
        return overlap >= _ACTOR_OVERLAP
    return False


def _find_event(
    extracted: ExtractedEvent,
    start: date | None,
    end: date | None,
    reported: date,
    actor_ids: set[int],
    place_ids: set[int],
) -> Event | None:
    qs = Event.objects.filter(type=extracted.type, review_state__in=_LIVE)
    if start is not None and end is not None:
        qs = qs.filter(date_start__lte=end, date_end__gte=start)
    else:
        qs = qs.filter(
            date_start__isnull=True,
            sort_date__range=(reported - _UNDATED_WINDOW, reported + _UNDATED_WINDOW),
        )
    if actor_ids | place_ids:
        qs = qs.filter(event_entities__entity_id__in=actor_ids | place_ids).distinct()
    candidates = list(qs.order_by("-source_count", "id")[:20])
    if not candidates:
        return None
    links: dict[int, tuple[set[int], set[int]]] = {c.pk: (set(), set()) for c in candidates}
    for event_id, entity_id, role in EventEntity.objects.filter(event__in=candidates).values_list(
        "event_id", "entity_id", "role"
    ):
        links[event_id][1 if role == EventRole.LOCATION else 0].add(entity_id)
    for cand in candidates:
        cand_actors, cand_places = links[cand.pk]
        if _same_event(extracted, cand, actor_ids, place_ids, cand_actors, cand_places):
            return cand
    return None


def _event_fields(extracted: ExtractedEvent, text: str, reported: date) -> dict[str, Any]:
    start, end = _interval(extracted.date_start, extracted.date_end)
    return {
        "title": extracted.title[:300],
        "summary": _sentence(text, extracted.sentence_start, extracted.sentence_end),
        "type": extracted.type,
        "status": extracted.status,
        "date_start": start,
        "date_end": end,
        "date_precision": _precision(extracted.precision) if start else DatePrecision.UNKNOWN,
        "date_value": (extracted.date or "")[:40],
        "date_text": "",
        "sort_date": start or reported,
        "figures": dict(extracted.figures),
    }


def _store_events(
    article: Article,
    extraction: Extraction,
    entity_map: dict[str, Entity],
    reported: date,
    result: StoreResult,
) -> list[int | None]:
    text = article.text
    _lock_event_types({e.type for e in extraction.events})
    ids: list[int | None] = []
    for extracted in extraction.events:
        actors = {
            entity_map[n].pk for n in (*extracted.actors, *extracted.people) if n in entity_map
        }
        places = {entity_map[n].pk for n in extracted.places if n in entity_map}
        fields = _event_fields(extracted, text, reported)
        event = _find_event(
            extracted, fields["date_start"], fields["date_end"], reported, actors, places
        )
        if event is None:
            event = Event.objects.create(
                **fields,
                confidence=extracted.confidence,
                review_state=_review_state(extracted.confidence),
                extractor_version=article.extractor_version,
                dedupe_key=sha256_hex(f"{extracted.type}|{fields['sort_date']:%Y-%m}"),
            )
        else:
            # Curator wins: fields an editor changed are never overwritten by machines.
            changed = [
                name
                for name, value in fields.items()
                if name not in event.edited_fields
                and event.source_count <= 1
                and getattr(event, name) != value
            ]
            for name in changed:
                setattr(event, name, fields[name])
            if extracted.confidence > event.confidence and "confidence" not in event.edited_fields:
                event.confidence = extracted.confidence
                changed.append("confidence")
            if changed:
                event.save(update_fields=[*changed, "updated_at"])
        EventSource.objects.get_or_create(
            event=event,
            article=article,
            start=extracted.start,
            end=extracted.end,
            defaults={"sentence": fields["summary"], "sentence_start": extracted.sentence_start},
        )
        roles = (
            [(entity_map[n], EventRole.ACTOR) for n in extracted.actors if n in entity_map]
            + [(entity_map[n], EventRole.PARTICIPANT) for n in extracted.people if n in entity_map]
            + [(entity_map[n], EventRole.LOCATION) for n in extracted.places if n in entity_map]
        )
        if "entities" in event.edited_fields:
            roles = []  # an editor curated the links (services.events.event_links_edited)
        EventEntity.objects.bulk_create(
            [EventEntity(event=event, entity=entity, role=role) for entity, role in roles],
            ignore_conflicts=True,
        )
        result.events.add(event.pk)
        ids.append(event.pk)
    return ids


def _statement_key(extracted: ExtractedStatement, speaker: Entity | None) -> str:
    who = speaker.slug if speaker else normalize_alias(extracted.speaker_text or "unknown")
    return sha256_hex(f"{who}|{normalize_quote(extracted.quote)}")


def _store_statements(
    article: Article,
    extraction: Extraction,
    entity_map: dict[str, Entity],
    event_ids: list[int | None],
    reported: date,
    result: StoreResult,
) -> None:
    text = article.text
    document = extraction.document
    for extracted in extraction.statements:
        speaker = entity_map.get(extracted.speaker or "")
        start, end = _interval(extracted.date_start, extracted.date_end)
        sentence = document.sentence_at(extracted.quote_start) if document else None
        event_index = getattr(extracted, "event_index", None)
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
            "date_precision": _precision(extracted.precision) if start else DatePrecision.UNKNOWN,
            "date_value": (extracted.date or "")[:40],
            "sort_date": start or reported,
        }
        if isinstance(event_index, int) and 0 <= event_index < len(event_ids):
            fields["event_id"] = event_ids[event_index]
            fields["stance"] = getattr(extracted, "stance", None) or "neutral"
        statement, created = Statement.objects.get_or_create(
            fingerprint=_statement_key(extracted, speaker),
            defaults={
                **fields,
                "confidence": extracted.confidence,
                "review_state": _review_state(extracted.confidence),
                "extractor_version": article.extractor_version,
            },
        )
        if not created and statement.source_count <= 1:
            changed = [
                name
                for name, value in fields.items()
                if name not in statement.edited_fields and getattr(statement, name) != value
            ]
            for name in changed:
                setattr(statement, name, fields[name])
            if changed:
                statement.save(update_fields=[*changed, "updated_at"])
        StatementSource.objects.get_or_create(
            statement=statement,
            article=article,
            quote_start=extracted.quote_start,
            quote_end=extracted.quote_end,
            defaults={
                "speaker_start": extracted.speaker_start,
                "speaker_end": extracted.speaker_end,
                "sentence": _sentence(text, sentence.start, sentence.end) if sentence else "",
                "sentence_start": sentence.start if sentence else 0,
            },
        )
        links = (
            [StatementEntity(statement=statement, entity=speaker, role=StatementRole.SPEAKER)]
            if speaker
            else []
        )
        links += [
            StatementEntity(
                statement=statement, entity=entity_map[m.name], role=StatementRole.MENTIONED
            )
            for m in extraction.entities
            if extracted.quote_start <= m.start
            and m.end <= extracted.quote_end
            and m.name in entity_map
        ]
        StatementEntity.objects.bulk_create(links, ignore_conflicts=True)
        result.statements.add(statement.pk)


def _refresh_source_counts(event_ids: set[int], statement_ids: set[int]) -> None:
    counts = dict(
        Event.objects.filter(pk__in=event_ids).annotate(n=Count("sources")).values_list("pk", "n")
    )
    Event.objects.bulk_update(
        [Event(pk=pk, source_count=n) for pk, n in counts.items()], ["source_count"], batch_size=500
    )
    counts = dict(
        Statement.objects.filter(pk__in=statement_ids)
        .annotate(n=Count("sources"))
        .values_list("pk", "n")
    )
    Statement.objects.bulk_update(
        [Statement(pk=pk, source_count=n) for pk, n in counts.items()],
        ["source_count"],
        batch_size=500,
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
    EventSource.objects.filter(article=article).delete()
    StatementSource.objects.filter(article=article).delete()

    reported = (article.published_at or article.created_at).date()
    entity_map = entities_resolve(entities=extraction.canonical_entities)
    event_ids = _store_events(article, extraction, entity_map, reported, result)
    _store_statements(article, extraction, entity_map, event_ids, reported, result)

    touched_events = result.events | before_events
    touched_statements = result.statements | before_statements
    _refresh_source_counts(touched_events, touched_statements)
    result.orphaned_events = set(
        Event.objects.filter(
            pk__in=before_events - result.events,
            source_count=0,
            edited_fields=[],
            review_state__in=_LIVE,
        ).values_list("pk", flat=True)
    )
    result.orphaned_statements = set(
        Statement.objects.filter(
            pk__in=before_statements - result.statements,
            source_count=0,
            edited_fields=[],
            review_state__in=_LIVE,
        ).values_list("pk", flat=True)
    )
    Event.objects.filter(pk__in=result.orphaned_events).update(review_state=ReviewState.REJECTED)
    Statement.objects.filter(pk__in=result.orphaned_statements).update(
        review_state=ReviewState.REJECTED
    )
    items_mark_changed(event_ids=touched_events, statement_ids=touched_statements)
    return result
