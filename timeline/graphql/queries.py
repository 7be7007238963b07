"""Read queries. Resolvers only translate arguments; the selectors decide what exists.

Connections returning a QuerySet are optimised by the DjangoOptimizerExtension (joins and
prefetches for the selection, a fixed number of queries per request).
"""

from __future__ import annotations

from collections.abc import Iterable

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry_django.relay import DjangoListConnection

from timeline import models
from timeline.graphql.filters import SLUG, EntityFilterInput, TimelineFilterInput
from timeline.graphql.ordering import EntityOrder, EventOrder, StatementOrder, apply_order
from timeline.graphql.permissions import request_user
from timeline.graphql.timeline import TimelineConnection, resolve_timeline
from timeline.graphql.types import EntityType, EventType, OutletType, StatementType
from timeline.selectors.articles import outlet_list
from timeline.selectors.entities import apply_entity_filter, entity_get, entity_list
from timeline.selectors.events import event_list
from timeline.selectors.filters import TimelineFilter
from timeline.selectors.statements import statement_list


def _filters(filter: TimelineFilterInput | None) -> TimelineFilter:
    return filter.to_filter() if filter is not None else TimelineFilter()


@strawberry.type
class TimelineQuery:
    node: relay.Node | None = strawberry_django.node(
        description="Any object by its global id (events and statements: visible ones only)."
    )

    @strawberry.field(
        description="Events and statements in date order (oldest first), "
        "keyset-paged: first/after forward, last/before backward."
    )
    def timeline(
        self,
        info: Info,
        filter: TimelineFilterInput | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        descending: bool = False,
    ) -> TimelineConnection:
        return resolve_timeline(info, filter, first, after, last, before, descending)


@strawberry.type
class EventQuery:
    event: EventType | None = strawberry_django.node(description="One visible event.")

    @strawberry_django.connection(
        DjangoListConnection[EventType], description="Visible events, filtered; timeline order."
    )
    def events(
        self,
        info: Info,
        filter: TimelineFilterInput | None = None,
        ordering: list[EventOrder] | None = None,
    ) -> Iterable[models.Event]:
        f = _filters(filter)
        if not f.wants_events():
            return models.Event.objects.none()
        return apply_order(event_list(filters=f, user=request_user(info)), ordering, info)


@strawberry.type
class StatementQuery:
    statement: StatementType | None = strawberry_django.node(description="One visible statement.")

    @strawberry_django.connection(
        DjangoListConnection[StatementType],
        description="Visible statements, filtered; timeline order.",
    )
    def statements(
        self,
        info: Info,
        filter: TimelineFilterInput | None = None,
        ordering: list[StatementOrder] | None = None,
    ) -> Iterable[models.Statement]:
        f = _filters(filter)
        if not f.wants_statements():
            return models.Statement.objects.none()
        return apply_order(statement_list(filters=f, user=request_user(info)), ordering, info)


@strawberry.type
class EntityQuery:
    @strawberry_django.field(description="One entity by slug (merged ones too: see mergedInto).")
    def entity(self, slug: str) -> EntityType | None:
        if not SLUG.match(slug):
            return None  # no entity has such a slug (and it never reaches the database)
        return entity_get(slug=slug)  # type: ignore[return-value]

    @strawberry_django.connection(
        DjangoListConnection[EntityType],
        description="Canonical entities (merged duplicates left out).",
    )
    def entities(
        self,
        info: Info,
        filter: EntityFilterInput | None = None,
        ordering: list[EntityOrder] | None = None,
    ) -> Iterable[models.Entity]:
        qs = entity_list()
        if filter is not None:
            qs = apply_entity_filter(qs, **filter.to_kwargs())  # type: ignore[arg-type]
        return apply_order(qs, ordering, info)

    @strawberry_django.connection(DjangoListConnection[OutletType], description="Outlets by name.")
    def outlets(self) -> Iterable[models.Outlet]:
        return outlet_list()
