"""The one filter vocabulary of the timeline, shared by REST (django-filter), GraphQL and feeds.

Interfaces parse and validate their input into a `TimelineFilter`; the selectors apply it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypeVar

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Model, Q, QuerySet, Subquery

from timeline.models import Entity, EventEntity, EventSource, StatementEntity, StatementSource
from timeline.selectors.visibility import visible_q

M = TypeVar("M", bound=Model)

ItemKindName = Literal["event", "statement"]


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """Every field is optional; an empty filter means "everything visible to the user".

    - entities: entity slugs; `entity_mode` "any" (default) or "all".
    - types: event types (statements carry no type: a type filter returns events only).
    - kind: "event" or "statement" (None: both).
    - date_from / date_to: the item's date interval overlaps [date_from, date_to]; undated
      items are placed on their reporting date.
    - precisions: date precisions (day, week, month …).
    - q: full-text search (PostgreSQL full-text; case-insensitive substring on SQLite).
    - speakers: speaker entity slugs (statements only).
    - outlets: outlet domains of at least one source.
    - min_sources: at least this many sources.
    - statuses: event occurrence status (happened, scheduled, reported, denied): events only.
    - review_states: staff only; the public only ever sees published items.
    - updated_since: change number; items changed after it (see ChangeCounter).
    """

    entities: tuple[str, ...] = ()
    entity_mode: Literal["any", "all"] = "any"
    types: tuple[str, ...] = ()
    kind: ItemKindName | None = None
    date_from: date | None = None
    date_to: date | None = None
    precisions: tuple[str, ...] = ()
    q: str = ""
    speakers: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    min_sources: int | None = None
    statuses: tuple[str, ...] = ()
    review_states: tuple[str, ...] = ()
    updated_since: int | None = None

    def wants_events(self) -> bool:
        return self.kind in (None, "event") and not self.speakers

    def wants_statements(self) -> bool:
        return self.kind in (None, "statement") and not self.types and not self.statuses


def _date_overlap(qs: QuerySet[M], f: TimelineFilter) -> QuerySet[M]:
    if f.date_from is None and f.date_to is None:
        return qs
    dated = Q(date_start__isnull=False)
    undated = Q(date_start__isnull=True)
    if f.date_to is not None:
        dated &= Q(date_start__lte=f.date_to)
        undated &= Q(sort_date__lte=f.date_to)
    if f.date_from is not None:
        dated &= Q(date_end__gte=f.date_from)
        undated &= Q(sort_date__gte=f.date_from)
    return qs.filter(dated | undated)


def text_search(qs: QuerySet[M], query: str, fields: tuple[str, ...]) -> QuerySet[M]:
    """PostgreSQL full-text search (GIN-indexed expression, see migrations); SQLite: icontains."""
    query = query.strip()
    if not query:
        return qs
    if connection.vendor == "postgresql":
        vector = SearchVector(*fields, config="english")
        searched: QuerySet[M] = qs.annotate(_search=vector)
        return searched.filter(
            _search=SearchQuery(query, config="english", search_type="websearch")
        )
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    return qs.filter(condition)


EVENT_SEARCH_FIELDS = ("title", "summary")
STATEMENT_SEARCH_FIELDS = ("quote", "speaker_text")


def _common(qs: QuerySet[M], f: TimelineFilter) -> QuerySet[M]:
    qs = _date_overlap(qs, f)
    if f.precisions:
        qs = qs.filter(date_precision__in=f.precisions)
    if f.min_sources is not None:
        qs = qs.filter(source_count__gte=f.min_sources)
    if f.review_states:
        qs = qs.filter(review_state__in=f.review_states)
    if f.updated_since is not None:
        qs = qs.filter(change_seq__gt=f.updated_since)
    return qs


def apply_event_filter(qs: QuerySet[M], f: TimelineFilter) -> QuerySet[M]:
    if f.entities:
        if f.entity_mode == "all":
            for slug in f.entities:
                qs = qs.filter(
                    id__in=EventEntity.objects.filter(entity__slug=slug).values("event_id")
                )
        else:
            qs = qs.filter(
                id__in=EventEntity.objects.filter(entity__slug__in=f.entities).values("event_id")
            )
    if f.types:
        qs = qs.filter(type__in=f.types)
    if f.statuses:
        qs = qs.filter(status__in=f.statuses)
    if f.outlets:
        qs = qs.filter(
            id__in=EventSource.objects.filter(article__outlet__domain__in=f.outlets).values(
                "event_id"
            )
        )
    qs = text_search(qs, f.q, EVENT_SEARCH_FIELDS)
    return _common(qs, f)


def apply_statement_filter(qs: QuerySet[M], f: TimelineFilter) -> QuerySet[M]:
    if f.entities:
        if f.entity_mode == "all":
            for slug in f.entities:
                qs = qs.filter(
                    id__in=StatementEntity.objects.filter(entity__slug=slug).values("statement_id")
                )
        else:
            qs = qs.filter(
                id__in=StatementEntity.objects.filter(entity__slug__in=f.entities).values(
                    "statement_id"
                )
            )
    if f.speakers:
        qs = qs.filter(speaker__slug__in=f.speakers)
    if f.outlets:
        qs = qs.filter(
            id__in=StatementSource.objects.filter(article__outlet__domain__in=f.outlets).values(
                "statement_id"
            )
        )
    qs = text_search(qs, f.q, STATEMENT_SEARCH_FIELDS)
    return _common(qs, f)


# --- entity timelines walked on the links ---------------------------------------------------


def link_walkable(f: TimelineFilter) -> bool:
    """True when the entity links alone can answer `f` (see `entity_link_list`).

    The links carry copies of their item's sort_date, date interval and review state
    (`models.event.LinkedItemDates`), so an entity filter with dates, review states and a
    cursor needs no item row. Any other criterion lives on the item: those filters take the
    item-driven path (`apply_event_filter` / `apply_statement_filter`).
    """
    return bool(f.entities) and not (
        f.types
        or f.statuses
        or f.precisions
        or f.q.strip()
        or f.speakers
        or f.outlets
        or f.min_sources is not None
        or f.updated_since is not None
    )


LINKS: dict[ItemKindName, tuple[type[EventEntity] | type[StatementEntity], str]] = {
    "event": (EventEntity, "event_id"),
    "statement": (StatementEntity, "statement_id"),
}


def entity_link_list(kind: ItemKindName, f: TimelineFilter, *, user: Any) -> QuerySet[Any]:
    """Links of the filtered entities to visible items of `kind` matching `f` (link_walkable).

    Same rows as the item-driven filter: the date overlap, visibility and review states are
    the same `Q`s, applied to the links' copies of the item columns. The first entity is
    compared with a scalar subquery (`entity_id = (SELECT id …)`): PostgreSQL evaluates it
    once and walks the (entity, sort_date, item) index in timeline order, reading only the
    page instead of every link of the entity. An item linked with several roles appears once
    per role: callers select DISTINCT (sort_date, item).
    """
    model, item = LINKS[kind]
    qs: QuerySet[Any] = model.objects.all()
    if f.entity_mode == "all" or len(f.entities) == 1:
        first, *others = f.entities
        qs = qs.filter(
            entity_id=Subquery(Entity.objects.filter(slug=first).order_by().values("id")[:1])
        )
        for slug in others:  # "all": the item must also be linked to each of the others
            qs = qs.filter(**{f"{item}__in": model.objects.filter(entity__slug=slug).values(item)})
    else:
        qs = qs.filter(entity__slug__in=f.entities)
    qs = _date_overlap(qs.filter(visible_q(user)), f)
    if f.review_states:
        qs = qs.filter(review_state__in=f.review_states)
    return qs
