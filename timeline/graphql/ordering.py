"""Orderings of the `events`, `statements` and `entities` connections.

`@strawberry_django.order_type` inputs (one field per list entry, e.g.
`ordering: [{sourceCount: DESC}, {sortDate: ASC}]`). Without `ordering` a list keeps its
selector's order (timeline order for items). The primary key is always appended as the final
tie-breaker so that paging through equal values never repeats or skips a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import strawberry_django
from django.db.models import Model, QuerySet
from strawberry import Info, auto
from strawberry_django.ordering import apply_ordering

from timeline import models

M = TypeVar("M", bound=Model)


@strawberry_django.order_type(models.Event, name="EventOrder")
class EventOrder:
    sort_date: auto
    created_at: auto
    updated_at: auto
    confidence: auto
    source_count: auto
    title: auto


@strawberry_django.order_type(models.Statement, name="StatementOrder")
class StatementOrder:
    sort_date: auto
    created_at: auto
    updated_at: auto
    confidence: auto
    source_count: auto
    speaker_text: auto


@strawberry_django.order_type(models.Entity, name="EntityOrder")
class EntityOrder:
    name: auto
    slug: auto
    kind: auto
    created_at: auto


def apply_order(qs: QuerySet[M], ordering: Sequence[Any] | None, info: Info) -> QuerySet[M]:
    """Apply the client's ordering (if any) with `id` as the final tie-breaker."""
    if not ordering:
        return qs
    order_cls = type(ordering[0])
    qs = apply_ordering(order_cls, ordering, info, qs)
    keys = [str(k) for k in qs.query.order_by]
    if "id" not in keys and "-id" not in keys and "pk" not in keys:
        qs = qs.order_by(*qs.query.order_by, "id")
    return qs
