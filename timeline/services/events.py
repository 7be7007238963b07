"""Editorial writes on events and statements: edit, publish, reject, merge.

Every write records which fields an editor touched ("curator wins" against re-extraction) and
moves the items' change numbers so feed pollers see it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from timeline.enums import DatePrecision, EventType, OccurrenceStatus, ReviewState, Stance
from timeline.exceptions import Conflict, ServiceValidationError
from timeline.models import Event, EventEntity, EventSource, Statement
from timeline.services.articles import reject_nul_characters
from timeline.services.changes import items_mark_changed

#: Fields an editor may change on an event through services (admin, REST, GraphQL).
EVENT_EDITABLE = ("title", "summary", "type", "date_start", "date_end", "date_precision", "status")
STATEMENT_EDITABLE = (
    "quote",
    "speaker_title",
    "kind",
    "venue",
    "date_start",
    "date_end",
    "date_precision",
    "event",
    "stance",
)


def _check_choices(values: dict[str, Any]) -> None:
    reject_nul_characters(**values)
    errors = {}
    choices = {
        "type": EventType,
        "date_precision": DatePrecision,
        "status": OccurrenceStatus,
        "stance": Stance,
    }
    for name, enum in choices.items():
        if name in values and values[name] not in enum.values:
            errors[name] = f"Unknown value {values[name]!r}."
    start, end = values.get("date_start"), values.get("date_end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["date_end"] = "Ends before it starts."
    if errors:
        raise ServiceValidationError(errors)


def _record_edits(obj: Event | Statement, changes: dict[str, Any]) -> list[str]:
    changed = [name for name, value in changes.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, changes[name])
    if {"date_start", "date_end"} & set(changed):
        if obj.date_start is not None and obj.date_end is None:
            obj.date_end = obj.date_start
            changed.append("date_end")
        obj.sort_date = obj.date_start or obj.sort_date
        changed.append("sort_date")
    obj.edited_fields = sorted(set(obj.edited_fields) | (set(changed) - {"sort_date"}))
    return changed


@transaction.atomic
def event_update(*, event: Event, **changes: Any) -> Event:
    """Apply an editor's changes. Writes: the event (edited fields remembered), change number.

    Raises ServiceValidationError for unknown fields or values.
    """
    unknown = set(changes) - set(EVENT_EDITABLE)
    if unknown:
        raise ServiceValidationError(dict.fromkeys(sorted(unknown), "Not editable."))
    _check_choices(changes)
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed = _record_edits(event, changes)
    if changed:
        try:
            event.full_clean(exclude=["change_seq", "merged_into"])
        except ValidationError as exc:
            raise ServiceValidationError(
                {k: " ".join(v) for k, v in exc.message_dict.items()}
            ) from exc
        event.save(update_fields=[*set(changed), "edited_fields", "updated_at"])
        items_mark_changed(event_ids=[event.pk])
        event.refresh_from_db(fields=["change_seq", "updated_at"])
    return event


def _set_state(model: type[Event] | type[Statement], ids: Sequence[int], state: str) -> int:
    rows = list(
        model.objects.select_for_update()
        .filter(pk__in=ids)
        .exclude(review_state=ReviewState.MERGED)
        .values_list("pk", flat=True)
    )
    model.objects.filter(pk__in=rows).update(review_state=state)
    _record_history(model, rows, reason=f"review state: {state}")
    if model is Event:
        items_mark_changed(event_ids=rows)
    else:
        items_mark_changed(statement_ids=rows)
    return len(rows)


def _record_history(model: type[Event] | type[Statement], ids: Sequence[int], reason: str) -> None:
    """One history row per item changed by a bulk UPDATE (which bypasses simple-history).

    The user comes from simple-history's request middleware, so the admin shows who did it.
    """
    rows = list(model.objects.filter(pk__in=ids))
    if rows:
        model.history.bulk_history_create(rows, update=True, default_change_reason=reason)


@transaction.atomic
def events_publish(*, event_ids: Sequence[int]) -> int:
    """Publish events (merged ones are left alone). Returns how many changed state."""
    return _set_state(Event, event_ids, ReviewState.PUBLISHED)


@transaction.atomic
def events_reject(*, event_ids: Sequence[int]) -> int:
    """Reject events: hidden from the public, kept for the record."""
    return _set_state(Event, event_ids, ReviewState.REJECTED)


@transaction.atomic
def statements_publish(*, statement_ids: Sequence[int]) -> int:
    return _set_state(Statement, statement_ids, ReviewState.PUBLISHED)


@transaction.atomic
def statements_reject(*, statement_ids: Sequence[int]) -> int:
    return _set_state(Statement, statement_ids, ReviewState.REJECTED)


@transaction.atomic
def events_merge(*, into: Event, others: Sequence[Event]) -> Event:
    """Fold duplicate events into `into`: sources, actors and statements move to it.

    Writes: EventSource/EventEntity rows move (duplicates dropped), statements re-point, the
    others become `merged` with `merged_into=into`, source counts refresh. Idempotent.
    Raises Conflict when `into` is itself merged, ServiceValidationError on an empty merge.
    """
    other_ids = sorted({o.pk for o in others} - {into.pk})
    if not other_ids:
        raise ServiceValidationError({"others": "Choose at least one other event to merge."})
    locked = {
        e.pk: e for e in Event.objects.select_for_update().filter(pk__in=[into.pk, *other_ids])
    }
    survivor = locked[into.pk]
    if survivor.review_state == ReviewState.MERGED:
        raise Conflict({"into": "This event was itself merged into another one."})
    for source in EventSource.objects.filter(event_id__in=other_ids):
        if EventSource.objects.filter(
            event=survivor, article_id=source.article_id, start=source.start, end=source.end
        ).exists():
            source.delete()
        else:
            source.event = survivor
            source.save(update_fields=["event"])
    for link in EventEntity.objects.filter(event_id__in=other_ids):
        if EventEntity.objects.filter(
            event=survivor, entity_id=link.entity_id, role=link.role
        ).exists():
            link.delete()
        else:
            link.event = survivor
            link.save(update_fields=["event"])
    statement_ids = list(
        Statement.objects.filter(event_id__in=other_ids).values_list("pk", flat=True)
    )
    Statement.objects.filter(pk__in=statement_ids).update(event=survivor)
    Event.objects.filter(merged_into_id__in=other_ids).update(merged_into=survivor)
    Event.objects.filter(pk__in=other_ids).update(
        review_state=ReviewState.MERGED, merged_into=survivor, source_count=0
    )
    survivor.source_count = (
        EventSource.objects.filter(event=survivor).values("article").distinct().count()
    )
    survivor.save(update_fields=["source_count", "updated_at"])
    _record_history(Event, other_ids, reason=f"merged into {survivor.pk}")
    items_mark_changed(event_ids=[survivor.pk, *other_ids], statement_ids=statement_ids)
    survivor.refresh_from_db()
    return survivor


@transaction.atomic
def event_links_edited(*, event: Event) -> Event:
    """Record that an editor changed the event's entity links (actors, places, roles).

    Writes: "entities" joins `edited_fields`, so re-extraction stops adding machine links to
    this event (curator wins), and the change number moves. Idempotent.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if "entities" not in event.edited_fields:
        event.edited_fields = sorted({*event.edited_fields, "entities"})
        event.save(update_fields=["edited_fields", "updated_at"])
    items_mark_changed(event_ids=[event.pk])
    return event


@transaction.atomic
def statement_update(*, statement: Statement, **changes: Any) -> Statement:
    """Apply an editor's changes to a statement (edited fields remembered)."""
    unknown = set(changes) - set(STATEMENT_EDITABLE)
    if unknown:
        raise ServiceValidationError(dict.fromkeys(sorted(unknown), "Not editable."))
    _check_choices(changes)
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    changed = _record_edits(statement, changes)
    if changed:
        statement.save(update_fields=[*set(changed), "edited_fields", "updated_at"])
        items_mark_changed(statement_ids=[statement.pk])
        statement.refresh_from_db(fields=["change_seq", "updated_at"])
    return statement
