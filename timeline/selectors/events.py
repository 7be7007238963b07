"""Event reads: lists (filtered, visible to the user) and details with their evidence."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from timeline.models import Event, EventEntity, EventSource, Statement
from timeline.selectors.filters import TimelineFilter, apply_event_filter
from timeline.selectors.visibility import visible_q


def event_base(*, user: Any) -> QuerySet[Event]:
    return Event.objects.filter(visible_q(user))


def event_list(*, filters: TimelineFilter | None = None, user: Any = None) -> QuerySet[Event]:
    """Events visible to `user` matching `filters`, in timeline order (sort_date, id)."""
    qs = event_base(user=user)
    if filters is not None:
        qs = apply_event_filter(qs, filters)
    return qs.order_by("sort_date", "id")


def event_prefetches(*, user: Any = None) -> list[Prefetch[Any]]:
    """What an event's detail needs, as a fixed number of queries whatever the page size."""
    return [
        Prefetch(
            "event_entities",
            queryset=EventEntity.objects.select_related("entity").order_by("role", "id"),
        ),
        Prefetch(
            "sources",
            # Article bodies can be megabytes; a source only needs the article's metadata.
            queryset=EventSource.objects.select_related("article", "article__outlet")
            .defer("article__text", "article__raw_html")
            .order_by("created_at", "id"),
        ),
        Prefetch(
            "statements",
            queryset=Statement.objects.filter(visible_q(user))
            .select_related("speaker")
            .order_by("sort_date", "id"),
        ),
    ]


def event_list_detailed(
    *, filters: TimelineFilter | None = None, user: Any = None
) -> QuerySet[Event]:
    return event_list(filters=filters, user=user).prefetch_related(*event_prefetches(user=user))


def event_get(*, pk: int, user: Any = None) -> Event | None:
    return (
        event_base(user=user).prefetch_related(*event_prefetches(user=user)).filter(pk=pk).first()
    )
