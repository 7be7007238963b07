"""Store one article's extraction as entities, events and statements (with sources).

The single write path for machine output, used by ingestion and re-extraction alike. Every
step is a batch, so an article costs a fixed number of queries whatever its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
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
from timeline.services.changes import items_mark_changed, items_recount_and_mark_changed
from timeline.services.entities import entities_resolve
from timeline.services.event_store import (
    LIVE,
    EventJob,
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
    extracted: ExtractedStatement, speaker: Entity | None, reported: date
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
    return fields


def _event_fields(extracted: ExtractedStatement, event_ids: list[int]) -> dict[str, Any]:
    """The statement's link to the event it is about (known once the events are stored)."""
    index = extracted.event_index
    if index is None or not 0 <= index < len(event_ids):
        return {}
    return {"event_id": event_ids[index], "stance": extracted.stance or "neutral"}


def _apply(statement: Statement, fields: dict[str, Any]) -> list[str]:
    """Curator wins: set the machine fields an editor has not changed; return what changed."""
    changed = [
        name
        for name, value in fields.items()
        if name not in statement.edited_fields and getattr(statement, name) != value
    ]
    for name in changed:
        setattr(statement, name, fields[name])
    return changed


@dataclass
class StoreJob:
    """One article and its extraction, stored together with others in one transaction."""

    article: Article
    extraction: Extraction

    @property
    def reported(self) -> date:
        return (self.article.published_at or self.article.created_at).date()


@dataclass
class _Statements:
    """Statements stored before the events (their event links and new rows' history wait)."""

    # (job index, extracted statement, fingerprint, machine fields), in extraction order.
    rows: list[tuple[int, ExtractedStatement, str, dict[str, Any]]]
    by_fp: dict[str, Statement]
    created: list[Statement]
    # Existing statements whose machine fields stay: another article backs them.
    settled: set[int] = field(default_factory=set)


def _store_statements(jobs: list[StoreJob], entity_map: dict[str, Entity]) -> _Statements:
    """Insert-or-update the statements with their sources and entity links (no event link)."""
    rows: list[tuple[int, ExtractedStatement, str, dict[str, Any]]] = []
    for index, job in enumerate(jobs):
        for extracted in job.extraction.statements:
            speaker = entity_map.get(extracted.speaker or "")
            rows.append(
                (
                    index,
                    extracted,
                    statement_fingerprint(extracted, speaker),
                    _statement_fields(extracted, speaker, job.reported),
                )
            )
    if not rows:
        return _Statements(rows=[], by_fp={}, created=[])
    fingerprints = {fp for _, _, fp, _ in rows}
    existing = {s.fingerprint: s for s in Statement.objects.filter(fingerprint__in=fingerprints)}
    # These articles' own evidence is gone already: what is left comes from other articles.
    settled = set(
        StatementSource.objects.filter(statement_id__in=[s.pk for s in existing.values()])
        .order_by()
        .values_list("statement_id", flat=True)
        .distinct()
    )
    fresh: dict[str, Statement] = {}
    refreshed: set[int] = set()
    for index, extracted, fp, fields in rows:
        if fp in existing:
            statement = existing[fp]
            # Re-extraction of its only source refreshes it (once, from its first mention).
            if statement.pk not in settled and statement.pk not in refreshed:
                refreshed.add(statement.pk)
                changed = _apply(statement, fields)
                if changed:
                    statement.save(update_fields=[*changed, "updated_at"])
        elif fp not in fresh:
            fresh[fp] = Statement(
                fingerprint=fp,
                **fields,
                confidence=extracted.confidence,
                review_state=review_state_for(extracted.confidence),
                extractor_version=jobs[index].article.extractor_version,
            )
    created: list[Statement] = []
    if fresh:
        # ignore_conflicts: a concurrent article may insert the same statement first.
        Statement.objects.bulk_create(fresh.values(), ignore_conflicts=True)
        created = list(Statement.objects.filter(fingerprint__in=fresh))
        existing.update({s.fingerprint: s for s in created})

    sources: list[StatementSource] = []
    links: list[StatementEntity] = []
    for index, extracted, fp, fields in rows:
        job = jobs[index]
        statement = existing[fp]
        document = job.extraction.document
        sentence = document.sentence_at(extracted.quote_start) if document else None
        sources.append(
            StatementSource(
                statement=statement,
                article=job.article,
                quote_start=extracted.quote_start,
                quote_end=extracted.quote_end,
                speaker_start=extracted.speaker_start,
                speaker_end=extracted.speaker_end,
                sentence=sentence_text(job.article.text, sentence.start, sentence.end)
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
            for m in job.extraction.entities
            if extracted.quote_start <= m.start
            and m.end <= extracted.quote_end
            and m.name in entity_map
        )
    StatementSource.objects.bulk_create(sources, ignore_conflicts=True)
    StatementEntity.objects.bulk_create(links, ignore_conflicts=True)
    return _Statements(rows=rows, by_fp=existing, created=created, settled=settled)


def _link_statements(stored: _Statements, event_ids: list[list[int]]) -> None:
    """Point statements at their events (same curator-wins rule), then write new rows' history.

    `event_ids[job]` lists the event id of each of that job's extracted events. A statement
    backed by several articles keeps its first report's link, as its other fields.
    """
    fresh = {s.pk for s in stored.created}
    links: dict[tuple[int, str], set[int]] = {}
    linked: set[int] = set()
    for index, extracted, fp, _ in stored.rows:
        statement = stored.by_fp[fp]
        fields = _event_fields(extracted, event_ids[index])
        if statement.pk in fresh:
            # Inserted just now without a link (or by a concurrent article, whose link stays).
            # A plain UPDATE: no history signal, the row's "+" history follows with the link.
            if statement.event_id is None and _apply(statement, fields):
                links.setdefault((fields["event_id"], fields["stance"]), set()).add(statement.pk)
        elif statement.pk not in stored.settled and statement.pk not in linked:
            linked.add(statement.pk)
            changed = _apply(statement, fields)
            if changed:
                statement.save(update_fields=[*changed, "updated_at"])
    _set_event_links(links)
    if stored.created:
        Statement.history.bulk_history_create(stored.created, default_change_reason="extracted")


def _set_event_links(links: dict[tuple[int, str], set[int]]) -> None:
    """Set (event, stance) on fresh statements: one UPDATE from arrays on PostgreSQL."""
    if connection.vendor != "postgresql":
        for (event_id, stance), ids in links.items():
            Statement.objects.filter(pk__in=ids).update(event_id=event_id, stance=stance)
        return
    rows = [(pk, event_id, stance) for (event_id, stance), ids in links.items() for pk in ids]
    if not rows:
        return
    columns = [list(column) for column in zip(*rows, strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Statement._meta.db_table} AS t SET event_id = v.event_id,"  # noqa: S608
            " stance = v.stance FROM unnest(%s::bigint[], %s::bigint[], %s::text[])"
            " AS v(id, event_id, stance) WHERE t.id = v.id",
            columns,
        )


def _delete_sources(
    model: type[EventSource | StatementSource], item: str, article_ids: list[int]
) -> dict[int, set[int]]:
    """Delete the articles' evidence rows of one kind; return the items each article backed."""
    backed: dict[int, set[int]] = {pk: set() for pk in article_ids}
    marks = ", ".join(["%s"] * len(article_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {model._meta.db_table} WHERE article_id IN ({marks})"  # noqa: S608
            f" RETURNING article_id, {item}",
            article_ids,
        )
        for article_id, item_id in cursor.fetchall():
            backed[int(article_id)].add(int(item_id))
    return backed


def _refresh_source_counts(
    model: type[Event | Statement], source: type[EventSource | StatementSource], ids: set[int]
) -> None:
    """One UPDATE: source_count = number of distinct articles among the item's evidence rows."""
    if not ids:
        return
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


def _orphans(
    model: type[Event | Statement], source: type[EventSource | StatementSource], ids: set[int]
) -> set[int]:
    """Machine items among `ids` left without any evidence (and never edited)."""
    if not ids:
        return set()
    link = "event" if model is Event else "statement"
    return set(
        model.objects.filter(pk__in=ids, edited_fields=[], review_state__in=LIVE)
        .filter(~Exists(source.objects.filter(**{link: OuterRef("pk")})))
        .values_list("pk", flat=True)
    )


def article_store_extraction(*, article: Article, extraction: Extraction) -> StoreResult:
    """Replace `article`'s machine-made evidence with `extraction` (one-job batch)."""
    return articles_store_extractions(jobs=[StoreJob(article, extraction)])[0]


def articles_store_extractions(*, jobs: list[StoreJob]) -> list[StoreResult]:
    """Replace each article's machine-made evidence with its extraction. Run inside a transaction.

    Writes: entities/aliases, events (matched across articles by type, dates, actors and title,
    the batch's own articles included, in order), statements (one per speaker + normalised
    quote), their sources and entity links; orphaned machine items (no source left, never
    edited) are rejected. Storing several articles together costs the queries of one.
    Idempotent: running it twice with the same extractions leaves the same rows. The caller
    holds the articles' row locks. Returns one StoreResult per job, in order.
    """
    if not jobs:
        return []
    article_ids = [job.article.pk for job in jobs]
    before_events = _delete_sources(EventSource, "event_id", article_ids)
    before_statements = _delete_sources(StatementSource, "statement_id", article_ids)
    entity_map = entities_resolve(
        entities=[e for job in jobs for e in job.extraction.canonical_entities]
    )
    # Statements first: the events come last because matching them takes a per-type lock that
    # is held until commit (the shorter the rest of the transaction, the less workers queue).
    statements = _store_statements(jobs, entity_map)
    results = [StoreResult() for _ in jobs]
    for index, _, fp, _ in statements.rows:
        results[index].statements.add(statements.by_fp[fp].pk)
    stored_statements = {pk for r in results for pk in r.statements}
    was_statements = {pk for ids in before_statements.values() for pk in ids}

    event_ids = store_events(
        jobs=[
            EventJob(
                article=job.article,
                events=job.extraction.events,
                reported=job.reported,
                mentions=job.extraction.entities,
                document=job.extraction.document,
            )
            for job in jobs
        ],
        entity_map=entity_map,
    )
    _link_statements(statements, event_ids)
    for result, ids in zip(results, event_ids, strict=True):
        result.events = set(ids)
    stored_events = {pk for ids in event_ids for pk in ids}
    was_events = {pk for ids in before_events.values() for pk in ids}
    orphaned_statements = _orphans(Statement, StatementSource, was_statements - stored_statements)
    orphaned_events = _orphans(Event, EventSource, was_events - stored_events)
    touched_events, touched_statements = (
        stored_events | was_events,
        stored_statements | was_statements,
    )
    if connection.vendor == "postgresql":
        # Counts, orphans and change numbers in one rewrite of each row.
        items_recount_and_mark_changed(
            event_ids=touched_events,
            statement_ids=touched_statements,
            reject_event_ids=orphaned_events,
            reject_statement_ids=orphaned_statements,
        )
    else:
        _refresh_source_counts(Statement, StatementSource, touched_statements)
        _refresh_source_counts(Event, EventSource, touched_events)
        Statement.objects.filter(pk__in=orphaned_statements).update(
            review_state=ReviewState.REJECTED
        )
        Event.objects.filter(pk__in=orphaned_events).update(review_state=ReviewState.REJECTED)
        items_mark_changed(event_ids=touched_events, statement_ids=touched_statements)
    for result, article_id in zip(results, article_ids, strict=True):
        result.orphaned_events = before_events[article_id] & orphaned_events
        result.orphaned_statements = before_statements[article_id] & orphaned_statements
    return results
