"""Statement reads: lists (filtered, visible to the user) and details with their evidence."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from timeline.models import Statement, StatementEntity, StatementSource
from timeline.selectors.filters import TimelineFilter, apply_statement_filter
from timeline.selectors.visibility import visible_q


def statement_base(*, user: Any) -> QuerySet[Statement]:
    return Statement.objects.filter(visible_q(user))


def statement_list(
    *, filters: TimelineFilter | None = None, user: Any = None
) -> QuerySet[Statement]:
    """Statements visible to `user` matching `filters`, in timeline order (sort_date, id)."""
    qs = statement_base(user=user)
    if filters is not None:
        qs = apply_statement_filter(qs, filters)
    return qs.order_by("sort_date", "id")


def statement_prefetches() -> list[Prefetch[Any]]:
    return [
        Prefetch(
            "statement_entities",
            queryset=StatementEntity.objects.select_related("entity").order_by("role", "id"),
        ),
        Prefetch(
            "sources",
            # Article bodies can be megabytes; a source only needs the article's metadata.
            queryset=StatementSource.objects.select_related("article", "article__outlet")
            .defer("article__text", "article__raw_html")
            .order_by("created_at", "id"),
        ),
    ]


def statement_list_detailed(
    *, filters: TimelineFilter | None = None, user: Any = None
) -> QuerySet[Statement]:
    return (
        statement_list(filters=filters, user=user)
        .select_related("speaker", "event")
        .prefetch_related(*statement_prefetches())
    )


def statement_get(*, pk: int, user: Any = None) -> Statement | None:
    return statement_list_detailed(user=user).filter(pk=pk).first()
