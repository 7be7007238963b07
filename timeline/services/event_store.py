"""Machine events → Event rows, matched across articles, in a fixed number of queries.

An extracted event joins an existing event when it has the same type, overlapping dates (or,
undated, a report date within a week), shared actors or places (never disjoint places), and a
similar title or mostly the same actors. Matching also runs between the events of one article,
so the same event mentioned twice becomes one event with two evidence spans.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from timeline.enums import DatePrecision, EventRole, OccurrenceStatus, ReviewState
from timeline.extract.types import Document, EntityMention, ExtractedEvent
from timeline.models import Article, Entity, Event, EventEntity, EventSource
from timeline.normalize import normalize_alias, sha256_hex

LIVE = (ReviewState.PENDING, ReviewState.PUBLISHED)
PRECISIONS = {choice.value for choice in DatePrecision}
# Same event when titles are this similar, or when actors overlap this much (see _same_event).
TITLE_SIMILARITY = 0.6
ACTOR_OVERLAP = 0.5
UNDATED_WINDOW = timedelta(days=7)
MAX_CANDIDATES = 200


def review_state_for(confidence: float) -> str:
    threshold = float(settings.TIMELINE.get("AUTO_PUBLISH_MIN_CONFIDENCE", 0.5))
    return ReviewState.PUBLISHED if confidence >= threshold else ReviewState.PENDING


def precision_of(value: str | None) -> str:
    return value if value in PRECISIONS else DatePrecision.UNKNOWN


def interval(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    if start is None:
        return None, None
    return start, end if end is not None and end >= start else start


def sentence_text(text: str, start: int, end: int) -> str:
    return text[start:end].strip()[:2000]


@dataclass
class _Pending:
    """One extracted event on its way to a row."""

    extracted: ExtractedEvent
    fields: dict[str, Any]
    actors: set[int]
    places: set[int]
    roles: list[tuple[Entity, EventRole]]
    job: int = 0
    reported: date | None = None
    event: Event | None = None


@dataclass
class EventJob:
    """One article's extracted events (see store_events)."""

    article: Article
    events: tuple[ExtractedEvent, ...]
    reported: date
    mentions: tuple[EntityMention, ...] = ()
    document: Document | None = None


@dataclass
class _Candidate:
    event: Event
    actors: set[int] = field(default_factory=set)
    places: set[int] = field(default_factory=set)
    # Its wording is settled: another article already backs it (the batch's own sources are
    # gone when matching runs), or an earlier mention in this batch refreshed it.
    keep_wording: bool = False
    # The batch job whose mention created it (None: an existing row).
    job: int | None = None


def _lock_event_types(types: set[str]) -> None:
    """Serialise cross-article matching per type on PostgreSQL (SQLite serialises writers)."""
    if connection.vendor != "postgresql" or not types:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(%s::text[]) AS k ORDER BY k",
            [sorted(f"timeline-event:{t}" for t in types)],
        )


def _fields(extracted: ExtractedEvent, text: str, reported: date) -> dict[str, Any]:
    start, end = interval(extracted.date_start, extracted.date_end)
    return {
        "title": extracted.title[:300],
        "summary": sentence_text(text, extracted.sentence_start, extracted.sentence_end),
        "type": extracted.type,
        "status": extracted.status,
        "date_start": start,
        "date_end": end,
        "date_precision": precision_of(extracted.precision) if start else DatePrecision.UNKNOWN,
        "date_value": (extracted.date or "")[:40],
        "date_text": "",
        "sort_date": start or reported,
        "figures": dict(extracted.figures),
    }


def _when(p: _Pending) -> tuple[str, bool, date, date]:
    """`p`'s candidate window: its type, and its dates (undated: days around the report)."""
    start, end = p.fields["date_start"], p.fields["date_end"]
    if start is None:
        assert p.reported is not None
        return (p.fields["type"], False, p.reported - UNDATED_WINDOW, p.reported + UNDATED_WINDOW)
    return (p.fields["type"], True, start, end)


def _when_q(type_: str, dated: bool, start: date, end: date) -> Q:
    if dated:
        return Q(type=type_, date_start__lte=end, date_end__gte=start)
    return Q(type=type_, date_start__isnull=True, sort_date__range=(start, end))


def _same_event(p: _Pending, cand: _Candidate) -> bool:
    event = cand.event
    if event.type != p.fields["type"]:
        return False
    start, end = p.fields["date_start"], p.fields["date_end"]
    if (start is None) != (event.date_start is None):
        return False
    if start is not None and not (event.date_start <= end and start <= event.date_end):
        return False
    if p.places and cand.places and not p.places & cand.places:
        return False  # the same kind of event, somewhere else
    if (p.actors | p.places) and not (p.actors | p.places) & (cand.actors | cand.places):
        return False
    title_sim = difflib.SequenceMatcher(
        None, normalize_alias(p.fields["title"]), normalize_alias(event.title)
    ).ratio()
    if title_sim >= TITLE_SIMILARITY:
        return True
    if p.actors and cand.actors:
        return len(p.actors & cand.actors) / len(p.actors | cand.actors) >= ACTOR_OVERLAP
    return False


def _candidates(pending: list[_Pending], jobs: int = 1) -> list[_Candidate]:
    """Live events that may be the same as some pending one (_same_event decides).

    One query for the whole batch: type and date windows, and for pendings that name entities,
    events linked to any of them (a superset of what _same_event accepts).
    """
    named: dict[tuple[str, bool, date, date], None] = {}
    unnamed: dict[tuple[str, bool, date, date], None] = {}
    entities: set[int] = set()
    for p in pending:
        if p.actors | p.places:
            named[_when(p)] = None
            entities |= p.actors | p.places
        else:
            unnamed[_when(p)] = None
    query = Q(pk__in=[])
    for window in unnamed:
        query |= _when_q(*window)
    if named:
        when = Q(pk__in=[])
        for window in named:
            when |= _when_q(*window)
        query |= when & Q(
            id__in=EventEntity.objects.filter(entity_id__in=entities).values("event_id")
        )
    rows = list(
        Event.objects.filter(query, review_state__in=LIVE)
        .annotate(keep_wording=Exists(EventSource.objects.filter(event_id=OuterRef("pk"))))
        .order_by("-source_count", "id")[: MAX_CANDIDATES * jobs]
    )
    by_id = {e.pk: _Candidate(e, keep_wording=e.keep_wording) for e in rows}
    for event_id, entity_id, role in EventEntity.objects.filter(event_id__in=by_id).values_list(
        "event_id", "entity_id", "role"
    ):
        if role == EventRole.LOCATION:
            by_id[event_id].places.add(entity_id)
        elif role in (EventRole.ACTOR, EventRole.PARTICIPANT):
            by_id[event_id].actors.add(entity_id)
    return list(by_id.values())


# Finest first: a later report with a finer date than the event's sharpens it.
_PRECISION_RANK = {p: rank for rank, p in enumerate(DatePrecision.values)}
_DATE_FIELDS = ("date_start", "date_end", "date_precision", "date_value", "sort_date")
_WORDING_FIELDS = ("title", "summary", "status")


def _fields_to_refresh(event: Event, p: _Pending, *, settled: bool) -> list[str]:
    """Which machine fields `p` may overwrite on `event`.

    An event only its own article backs takes every field of that article's re-extraction.
    Once it is settled (another article backs it, or an earlier mention in this article
    refreshed it) the first report's wording stays, except that news moves on: a scheduled
    event that a later report says happened takes that report's wording ("will host" is stale
    once they met), a merely reported one becomes happened, and a finer date sharpens a
    coarser one.
    """
    if not settled:
        return list(p.fields)
    names: list[str] = []
    if p.fields["status"] == OccurrenceStatus.HAPPENED:
        if event.status == OccurrenceStatus.SCHEDULED:
            names += _WORDING_FIELDS
        elif event.status == OccurrenceStatus.REPORTED:
            names.append("status")
    new_rank = _PRECISION_RANK.get(p.fields["date_precision"], len(_PRECISION_RANK))
    if new_rank < _PRECISION_RANK.get(event.date_precision, len(_PRECISION_RANK)):
        names += _DATE_FIELDS
    return names


def _update_machine_fields(event: Event, p: _Pending, *, settled: bool) -> None:
    """Refresh `event` from mention `p` (see _fields_to_refresh); edited fields never change."""
    changed = [
        name
        for name in _fields_to_refresh(event, p, settled=settled)
        if name not in event.edited_fields and getattr(event, name) != p.fields[name]
    ]
    for name in changed:
        setattr(event, name, p.fields[name])
    confidence = p.extracted.confidence
    if confidence > event.confidence and "confidence" not in event.edited_fields:
        event.confidence = confidence
        changed.append("confidence")
    if changed and event.pk is not None:  # an unsaved event of this batch is inserted later
        event.save(update_fields=[*changed, "updated_at"])


def _mentioned(
    extracted: ExtractedEvent, mentions: tuple[EntityMention, ...], entity_map: dict[str, Entity]
) -> list[Entity]:
    """Entities named in the event's evidence sentence (linked with the role "mentioned")."""
    return [
        entity_map[m.name]
        for m in mentions
        if extracted.sentence_start <= m.start
        and m.end <= extracted.sentence_end
        and m.name in entity_map
    ]


def _pending(
    index: int, job: EventJob, extracted: ExtractedEvent, entity_map: dict[str, Entity]
) -> _Pending:
    roles = (
        [(entity_map[n], EventRole.ACTOR) for n in extracted.actors if n in entity_map]
        + [(entity_map[n], EventRole.PARTICIPANT) for n in extracted.people if n in entity_map]
        + [(entity_map[n], EventRole.LOCATION) for n in extracted.places if n in entity_map]
    )
    linked = {entity.pk for entity, _ in roles}
    roles += [
        (entity, EventRole.MENTIONED)
        for entity in dict.fromkeys(_mentioned(extracted, job.mentions, entity_map))
        if entity.pk not in linked
    ]
    return _Pending(
        extracted=extracted,
        fields=_fields(extracted, job.article.text, job.reported),
        actors={e.pk for e, role in roles if role in (EventRole.ACTOR, EventRole.PARTICIPANT)},
        places={e.pk for e, role in roles if role == EventRole.LOCATION},
        roles=roles,
        job=index,
        reported=job.reported,
    )


def store_events(*, jobs: list[EventJob], entity_map: dict[str, Entity]) -> list[list[int]]:
    """Create or join the Event rows for each job's events; add sources and entity links.

    Jobs are matched in order, so a later article joins an event an earlier one of the same
    batch created, as if they had been stored one after the other. Returns, per job, the event
    id of each extracted event, in order. Runs inside the caller's transaction; idempotent for
    the same articles (sources are unique per span).
    """
    types = {e.type for job in jobs for e in job.events}
    if not types:
        return [[] for _ in jobs]
    _lock_event_types(types)
    pending: list[_Pending] = []
    for index, job in enumerate(jobs):
        for extracted in job.events:
            pending.append(_pending(index, job, extracted, entity_map))

    candidates = _candidates(pending, jobs=len(jobs))
    new: list[_Pending] = []
    for p in pending:
        match = next((c for c in candidates if _same_event(p, c)), None)
        if match is not None:
            p.event = match.event
            if match.event.pk is not None or match.job != p.job:
                # An event another article of this batch created is settled, as it would be
                # had that article been stored first on its own.
                settled = match.keep_wording or match.job is not None
                _update_machine_fields(match.event, p, settled=settled)
                match.keep_wording = True
            # An entity that already has a real role in the event is not also "mentioned".
            roled = match.actors | match.places
            p.roles = [
                (entity, role)
                for entity, role in p.roles
                if role != EventRole.MENTIONED or entity.pk not in roled
            ]
            match.actors |= p.actors
            match.places |= p.places
            continue
        p.event = Event(
            **p.fields,
            confidence=p.extracted.confidence,
            review_state=review_state_for(p.extracted.confidence),
            extractor_version=jobs[p.job].article.extractor_version,
            dedupe_key=sha256_hex(f"{p.fields['type']}|{p.fields['sort_date']:%Y-%m}"),
        )
        new.append(p)
        # Later mentions (in this article or the batch's next ones) can join it before it is
        # even saved; another article's mention settles its wording.
        candidates.append(_Candidate(p.event, set(p.actors), set(p.places), job=p.job))
    created = Event.objects.bulk_create([p.event for p in new if p.event is not None])
    if created:
        Event.history.bulk_history_create(created, default_change_reason="extracted")

    sources = []
    for p in pending:
        article, document = jobs[p.job].article, jobs[p.job].document
        # One evidence row per mention when the article names the event more than once.
        for start, end in p.extracted.evidence or ((p.extracted.start, p.extracted.end),):
            sentence = document.sentence_at(start) if document is not None else None
            sources.append(
                EventSource(
                    event=p.event,
                    article=article,
                    start=start,
                    end=end,
                    sentence=sentence_text(article.text, sentence.start, sentence.end)
                    if sentence is not None
                    else p.fields["summary"],
                    sentence_start=sentence.start
                    if sentence is not None
                    else p.extracted.sentence_start,
                )
            )
    EventSource.objects.bulk_create(sources, ignore_conflicts=True)
    EventEntity.objects.bulk_create(
        [
            EventEntity(event=p.event, entity=entity, role=role)
            for p in pending
            if p.event is not None and "entities" not in p.event.edited_fields
            for entity, role in p.roles
        ],
        ignore_conflicts=True,
    )
    ids: list[list[int]] = [[] for _ in jobs]
    for p in pending:
        if p.event is not None and p.event.pk is not None:
            ids[p.job].append(p.event.pk)
    return ids
