"""Complete already-loaded rows with what the query optimizer would have loaded.

The timeline is paged by `selectors.timeline.timeline_page`, which loads each page's events and
statements with a fixed set of prefetches (actors, sources with their articles and outlets,
statements with speakers). A GraphQL query may select more than that (entity aliases, where a
place is located, the event a statement is about). Instead of loading the rows a second time,
we ask the DjangoOptimizerExtension for its plan (a QuerySet carrying select_related and
Prefetch lookups) and apply that plan to the rows we already hold: relations that are cached
are walked, missing ones are fetched with one query per relation, whatever the page size.

Prefetched querysets are then marked as "optimized by prefetching" so strawberry-django uses
the cached rows as they are instead of re-running the type's `get_queryset` (which would clone
the queryset and query once per row). That is only correct because every prefetch here was
built by a selector or by the optimizer, both of which already applied visibility.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from strawberry_django.queryset import get_queryset_config


def apply_plan(objs: Sequence[Model], plan: QuerySet[Any]) -> None:
    """Load onto `objs` every relation `plan` would have loaded, skipping what is cached."""
    if not objs:
        return
    select = plan.query.select_related
    if isinstance(select, dict):
        _select(objs, select)
    for lookup in plan._prefetch_related_lookups:
        _prefetch(objs, lookup)


def _select(objs: Sequence[Model], tree: dict[str, Any]) -> None:
    for name, subtree in tree.items():
        # No query for rows whose foreign key is already cached (select_related upstream).
        prefetch_related_objects(list(objs), name)
        children = _children(objs, name)
        if subtree:
            _select(children, subtree)


def _prefetch(objs: Sequence[Model], lookup: str | Prefetch[Any]) -> None:
    if isinstance(lookup, str):
        lookup = Prefetch(lookup)
    *path, last = lookup.prefetch_through.split("__")
    for part in path:
        prefetch_related_objects(list(objs), part)
        objs = _children(objs, part)
        if not objs:
            return
    # Fetches only the rows that do not have `last` cached yet; those get the full nested plan.
    prefetch_related_objects(
        list(objs), Prefetch(last, queryset=lookup.queryset, to_attr=lookup.to_attr)
    )
    _mark_prefetched(objs)
    if lookup.queryset is not None:
        # Rows prefetched upstream (by a selector) did not get the nested part of the plan.
        apply_plan(_children(objs, lookup.to_attr or last), lookup.queryset)


def _children(objs: Iterable[Model], name: str) -> list[Model]:
    """The related rows under `name`, read from caches only (never a query)."""
    out: list[Model] = []
    for obj in objs:
        cache = getattr(obj, "_prefetched_objects_cache", {})
        if name in cache:
            out.extend(cache[name])
            continue
        descriptor = getattr(type(obj), name, None)
        if isinstance(descriptor, ForwardManyToOneDescriptor):
            if descriptor.field.is_cached(obj):
                value = descriptor.field.get_cached_value(obj)
                if value is not None:
                    out.append(value)
            continue
        value = obj.__dict__.get(name)  # a Prefetch(to_attr=...) list
        if isinstance(value, list):
            out.extend(value)
        elif isinstance(value, Model):
            out.append(value)
    return out


def _mark_prefetched(objs: Iterable[Model]) -> None:
    for obj in objs:
        for qs in getattr(obj, "_prefetched_objects_cache", {}).values():
            if isinstance(qs, QuerySet):
                get_queryset_config(qs).optimized_by_prefetching = True
