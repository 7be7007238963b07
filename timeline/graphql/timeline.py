"""The `timeline` query: events and statements merged in date order, as a relay connection.

Paging is `selectors.timeline.timeline_page` (keyset cursors on (sort_date, kind, id); no
OFFSET, no COUNT), the same function the REST timeline uses. This module maps relay arguments
onto it and completes the loaded rows with whatever else the query selects (see prefetch.py).
"""

from __future__ import annotations

from typing import Any

import strawberry
from django.db.models import Model
from strawberry import Info, relay
from strawberry_django.optimizer import OptimizerConfig, optimize

from timeline.graphql.errors import BadInput
from timeline.graphql.filters import TimelineFilterInput
from timeline.graphql.permissions import request_user
from timeline.graphql.prefetch import apply_plan
from timeline.graphql.rows import connection_row, item_row, rows_cover
from timeline.graphql.types import TimelineItem
from timeline.models import Event, Statement
from timeline.selectors.events import event_base
from timeline.selectors.filters import TimelineFilter
from timeline.selectors.rows import load_item_rows
from timeline.selectors.timeline import DEFAULT_PAGE, MAX_PAGE, TimelineKey, timeline_page
from timeline.selectors.visibility import visible_q


@strawberry.type(name="TimelineEdge")
class TimelineEdge:
    cursor: str = strawberry.field(description="Opaque position; pass to after/before.")
    node: TimelineItem


@strawberry.type(
    name="TimelineConnection",
    description="One page of the timeline, oldest first unless `descending`.",
)
class TimelineConnection(relay.Connection[TimelineItem]):
    edges: list[TimelineEdge]  # type: ignore[assignment]
    page_info: relay.PageInfo

    @classmethod
    def resolve_connection(cls, nodes: Any, *, info: Info, **kwargs: Any) -> Any:
        # Built directly by `resolve_timeline`; relay's generic slicing is never used.
        raise NotImplementedError


def _page_size(first: int | None, last: int | None) -> int:
    if first is not None and last is not None:
        raise BadInput("Pass either first or last, not both.", field="first")
    size = first if first is not None else last
    if size is None:
        return DEFAULT_PAGE
    if size < 1 or size > MAX_PAGE:
        field = "first" if first is not None else "last"
        raise BadInput(f"{field} must be between 1 and {MAX_PAGE} (got {size}).", field=field)
    return size


def _cursor(raw: str | None, name: str) -> TimelineKey | None:
    if raw is None:
        return None
    try:
        return TimelineKey.decode(raw)
    except ValueError:
        raise BadInput(f"{name} is not a timeline cursor.", field=name) from None


def resolve_timeline(
    info: Info,
    filter: TimelineFilterInput | None,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    descending: bool,
) -> TimelineConnection:
    size = _page_size(first, last)
    after_key, before_key = _cursor(after, "after"), _cursor(before, "before")
    if after_key is not None and before_key is not None:
        raise BadInput("Pass either after or before, not both.", field="after")
    user = request_user(info)
    filters = filter.to_filter() if filter is not None else TimelineFilter()
    # The REST rows when they hold every selected field (rows.py); model instances otherwise.
    lean = rows_cover(info)
    loader = load_item_rows if lean else None
    if last is not None and before_key is None and after_key is None:
        # The last N items: the first N of the reversed timeline, shown in display order.
        page = timeline_page(
            filters=filters, user=user, first=size, descending=not descending, loader=loader
        )
        items = list(reversed(page.items))
        has_next, has_previous = False, page.has_next
    else:
        page = timeline_page(
            filters=filters,
            user=user,
            first=size,
            after=after_key,
            before=before_key,
            descending=descending,
            loader=loader,
        )
        items, has_next, has_previous = page.items, page.has_next, page.has_previous
    if lean:
        return connection_row(  # type: ignore[no-any-return]
            [(i.key.encode(), item_row(i.kind, i.item)) for i in items],  # type: ignore[arg-type]
            has_next=has_next,
            has_previous=has_previous,
        )
    _complete(
        info,
        [i.item for i in items if i.kind == "event"],
        [i.item for i in items if i.kind == "statement"],
        user,
    )
    edges = [TimelineEdge(cursor=i.key.encode(), node=i.item) for i in items]  # type: ignore[arg-type]
    return TimelineConnection(
        edges=edges,  # type: ignore[arg-type]
        page_info=relay.PageInfo(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )


def _complete(info: Info, events: list[Model], statements: list[Model], user: Any) -> None:
    """Load the rest of the selection onto the page's rows with a fixed number of queries."""
    config = OptimizerConfig(enable_only=False)
    if events:
        apply_plan(events, optimize(Event.objects.all(), info, config=config))
    if statements:
        _hide_invisible_events(statements, user)
        apply_plan(statements, optimize(Statement.objects.all(), info, config=config))


def _hide_invisible_events(statements: list[Model], user: Any) -> None:
    """`statement.event` was joined without the visibility rule: blank events the user can't see.

    One query, and only for the public (staff see every review state).
    """
    if not visible_q(user):
        return
    linked = {s.event_id for s in statements if s.event_id}  # type: ignore[attr-defined]
    if not linked:
        return
    visible = set(event_base(user=user).filter(pk__in=linked).values_list("pk", flat=True))
    field = Statement._meta.get_field("event")
    for statement in statements:
        if statement.event_id and statement.event_id not in visible:  # type: ignore[attr-defined]
            field.set_cached_value(statement, None)  # type: ignore[attr-defined]
