"""Timeline items as plain dicts: the REST hot path's loader (no model instances).

The GraphQL timeline reads the same rows when they hold every selected field
(graphql/rows.py): a few columns here (entity and speaker ids, source counts of statements
about an event) are there for it.

`load_item_rows(keys, user=...)` returns `RowItem`s for (kind, id) keys, in key order, with
their entities, sources and (for events) the statements about them nested as lists of dicts.
Seven `.values()` queries whatever the page size (events + 3 children, statements + 2),
exactly the queries of the model-based loader, minus the model and related-manager machinery
that dominated the cost of a page (see bench/README.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from timeline.enums import ReviewState
from timeline.models import (
    Event,
    EventEntity,
    EventSource,
    Statement,
    StatementEntity,
    StatementSource,
)
from timeline.selectors.compiled import CompiledValues
from timeline.selectors.timeline import TimelineKey
from timeline.selectors.visibility import is_staff, visible_q

DATED = (
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "date_value",
    "date_text",
    "sort_date",
    "review_state",
    "confidence",
    "source_count",
    "edited_fields",
    "change_seq",
    "created_at",
    "updated_at",
)
EVENT_FIELDS = (*DATED, "title", "summary", "type", "status", "figures", "merged_into_id")
STATEMENT_FIELDS = (
    *DATED,
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "speaker__kind",
    "speaker_text",
    "speaker_title",
    "quote",
    "kind",
    "cue",
    "venue",
    "stance",
    "event_id",
    "event__title",
    "event__review_state",
)
LINK_FIELDS = ("role", "entity_id", "entity__slug", "entity__name", "entity__kind")
SOURCE_FIELDS = (
    "article_id",
    "article__url",
    "article__title",
    "article__published_at",
    "article__outlet_id",
    "article__outlet__name",
    "article__outlet__domain",
    "sentence",
    "sentence_start",
)
ABOUT_FIELDS = (
    "id",
    "event_id",
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "speaker__kind",
    "speaker_text",
    "speaker_title",
    "quote",
    "stance",
    "source_count",
)


@dataclass(frozen=True, slots=True)
class RowItem:
    kind: str
    item: dict[str, Any]

    @property
    def key(self) -> TimelineKey:
        return TimelineKey(self.item["sort_date"], self.kind, self.item["id"])


def _grouped(rows: Any, parent: str) -> defaultdict[int, list[dict[str, Any]]]:
    groups: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row[parent]].append(row)
    return groups


# The seven row queries, compiled once per id count (compiled.py): same SQL, same dicts.
_EVENTS = CompiledValues(lambda ids: Event.objects.filter(pk__in=ids).values(*EVENT_FIELDS))
_EVENT_LINKS = CompiledValues(
    lambda ids: (
        EventEntity.objects.filter(event_id__in=ids)
        .order_by("role", "id")
        .values("event_id", *LINK_FIELDS)
    )
)
_EVENT_SOURCES = CompiledValues(
    lambda ids: (
        EventSource.objects.filter(event_id__in=ids)
        .order_by("created_at", "id")
        .values("event_id", "start", "end", *SOURCE_FIELDS)
    )
)


class _Staff:
    """Stands for any staff user when building the staff variant of a query."""

    is_active = True
    is_staff = True


def _about(staff: bool) -> CompiledValues:
    def build(ids: list[int]) -> QuerySet[Any, Any]:
        visible = Statement.objects.filter(visible_q(_Staff() if staff else None))
        queryset: QuerySet[Any, Any] = (
            visible.filter(event_id__in=ids).order_by("sort_date", "id").values(*ABOUT_FIELDS)
        )
        return queryset

    return CompiledValues(build)


# Statements about events: one query per visibility (the public's adds the published rule).
_ABOUT = {staff: _about(staff) for staff in (False, True)}
_STATEMENTS = CompiledValues(
    lambda ids: Statement.objects.filter(pk__in=ids).values(*STATEMENT_FIELDS)
)
_STATEMENT_LINKS = CompiledValues(
    lambda ids: (
        StatementEntity.objects.filter(statement_id__in=ids)
        .order_by("role", "id")
        .values("statement_id", *LINK_FIELDS)
    )
)
_STATEMENT_SOURCES = CompiledValues(
    lambda ids: (
        StatementSource.objects.filter(statement_id__in=ids)
        .order_by("created_at", "id")
        .values(
            "statement_id",
            "quote_start",
            "quote_end",
            "speaker_start",
            "speaker_end",
            *SOURCE_FIELDS,
        )
    )
)


def event_rows(ids: list[int], *, user: Any) -> dict[int, dict[str, Any]]:
    """Events by id with `entities`, `sources` and `statements` (visible ones) nested."""
    if not ids:
        return {}
    events = {row["id"]: row for row in _EVENTS(ids)}
    links = _grouped(_EVENT_LINKS(ids), "event_id")
    sources = _grouped(_EVENT_SOURCES(ids), "event_id")
    about = _grouped(_ABOUT[is_staff(user)](ids), "event_id")
    for pk, row in events.items():
        row["entities"], row["sources"], row["statements"] = links[pk], sources[pk], about[pk]
    return events


def statement_rows(ids: list[int], *, user: Any = None) -> dict[int, dict[str, Any]]:
    """Statements by id with speaker, event title, `entities` and `sources` nested.

    The event a statement is about is only named when `user` may see that event.
    """
    if not ids:
        return {}
    statements = {row["id"]: row for row in _STATEMENTS(ids)}
    links = _grouped(_STATEMENT_LINKS(ids), "statement_id")
    sources = _grouped(_STATEMENT_SOURCES(ids), "statement_id")
    staff = is_staff(user)
    for pk, row in statements.items():
        row["entities"], row["sources"] = links[pk], sources[pk]
        if row.pop("event__review_state") != ReviewState.PUBLISHED and not staff:
            row["event_id"] = row["event__title"] = None
    return statements


def load_item_rows(keys: list[tuple[str, int]], *, user: Any) -> list[RowItem]:
    """A `selectors.timeline.Loader`: rows for (kind, id) keys, in key order."""
    events = event_rows([pk for kind, pk in keys if kind == "event"], user=user)
    statements = statement_rows([pk for kind, pk in keys if kind == "statement"], user=user)
    items = []
    for kind, pk in keys:
        row = (events if kind == "event" else statements).get(pk)
        if row is not None:
            items.append(RowItem(kind, row))
    return items
