"""The timeline: events and statements merged in date order, with keyset (cursor) paging.

Order key: (sort_date, kind, id) with kind "event" < "statement". Each kind is filtered by the
cursor and limited on its own, so each walks its own (sort_date, id) index; the two short
lists are merged in Python. No OFFSET or COUNT(*) is ever run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from timeline.models import ChangeCounter, Event, Statement
from timeline.selectors.events import event_list, event_prefetches
from timeline.selectors.filters import (
    ItemKindName,
    TimelineFilter,
    entity_link_list,
    link_walkable,
)
from timeline.selectors.statements import statement_list, statement_prefetches

MAX_PAGE = 200
DEFAULT_PAGE = 50


@dataclass(frozen=True, slots=True)
class TimelineKey:
    """A position in the timeline; the cursor is its string form."""

    sort_date: date
    kind: str
    id: int

    def encode(self) -> str:
        return f"{self.sort_date.isoformat()}~{self.kind[0]}~{self.id}"

    @classmethod
    def decode(cls, raw: str) -> TimelineKey:
        """Raises ValueError on anything that is not a cursor we made."""
        day, kind, pk = raw.split("~")
        kinds = {"e": "event", "s": "statement"}
        if kind not in kinds:
            raise ValueError("bad kind")
        return cls(date.fromisoformat(day), kinds[kind], int(pk))


@dataclass(frozen=True, slots=True)
class TimelineItem:
    kind: str
    item: Event | Statement

    @property
    def key(self) -> TimelineKey:
        return TimelineKey(self.item.sort_date, self.kind, self.item.pk)


class Loader(Protocol):
    """Turns (kind, id) keys into page items (anything with `kind` and `key`), in key order.

    The default builds model instances with prefetches; `selectors.rows.load_item_rows` builds
    plain dicts for the REST hot path. Either way a fixed number of queries.
    """

    def __call__(self, keys: list[tuple[str, int]], *, user: Any) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class TimelinePage:
    items: list[TimelineItem]
    has_next: bool
    has_previous: bool

    @property
    def end_cursor(self) -> str | None:
        return self.items[-1].key.encode() if self.items else None

    @property
    def start_cursor(self) -> str | None:
        return self.items[0].key.encode() if self.items else None


def _after(key: TimelineKey, kind: str, reverse: bool, id_field: str = "id") -> Q:
    """Rows of one arm (all of `kind`) strictly after (or before, when reverse) `key`."""
    op = "lt" if reverse else "gt"
    same_day = Q(sort_date=key.sort_date)
    if kind == key.kind:
        same_day &= Q(**{f"{id_field}__{op}": key.id})
    elif (kind > key.kind) == reverse:  # the whole day of this arm lies on the other side
        same_day = Q(pk__in=[])
    return Q(**{f"sort_date__{op}": key.sort_date}) | same_day


def timeline_page(
    *,
    filters: TimelineFilter,
    user: Any = None,
    first: int = DEFAULT_PAGE,
    after: TimelineKey | None = None,
    before: TimelineKey | None = None,
    descending: bool = False,
    loader: Loader | None = None,
) -> TimelinePage:
    """One page of the merged timeline: `first` items after `after` (or before `before`).

    Ascending date order by default (`descending=True` for newest first). Queries: one per
    kind for the keys, then one per kind for the rows plus their fixed prefetches.
    """
    first = max(1, min(first, MAX_PAGE))
    reverse = descending != (before is not None)
    cursor = before if before is not None else after
    direction = "-" if reverse else ""
    keys: list[tuple[date, str, int]] = []
    for kind, wanted in (
        ("event", filters.wants_events()),
        ("statement", filters.wants_statements()),
    ):
        if not wanted:
            continue
        qs, id_field = _arm(kind, filters, user)  # type: ignore[arg-type]
        if cursor is not None:
            qs = qs.filter(_after(cursor, kind, reverse, id_field))
        # One indexed range scan per arm; merged below (no UNION, OFFSET or COUNT).
        rows = qs.order_by(f"{direction}sort_date", f"{direction}{id_field}").values_list(
            "sort_date", id_field
        )
        if id_field != "id":
            rows = rows.distinct()  # one link per role: an item once
        keys.extend((day, kind, pk) for day, pk in rows[: first + 1])
    keys.sort(reverse=reverse)
    more = len(keys) > first
    keys = keys[:first]
    if before is not None:
        keys.reverse()  # present in the requested order
    items = (loader or _load_items)([(kind, pk) for _, kind, pk in keys], user=user)
    if before is not None:
        return TimelinePage(items=items, has_next=True, has_previous=more)
    return TimelinePage(items=items, has_next=more, has_previous=after is not None)


def _arm(kind: ItemKindName, filters: TimelineFilter, user: Any) -> tuple[QuerySet[Any], str]:
    """The key query of one kind and its item-id field.

    Entity timelines walk the entity's links in date order (`entity_link_list`: one index,
    stops after a page); other filters start from the items' own (sort_date, id) indexes.
    """
    if link_walkable(filters):
        return entity_link_list(kind, filters, user=user), f"{kind}_id"
    if kind == "event":
        return event_list(filters=filters, user=user), "id"
    return statement_list(filters=filters, user=user), "id"


def _load_items(keys: list[tuple[str, int]], *, user: Any) -> list[TimelineItem]:
    """Rows for (kind, id) keys, in key order, with their fixed prefetches (no N+1)."""
    events = {
        e.pk: e
        for e in Event.objects.filter(
            pk__in=[pk for kind, pk in keys if kind == "event"]
        ).prefetch_related(*event_prefetches(user=user))
    }
    statements = {
        s.pk: s
        for s in Statement.objects.filter(pk__in=[pk for kind, pk in keys if kind == "statement"])
        .select_related("speaker", "event")
        .prefetch_related(*statement_prefetches())
    }
    return [
        TimelineItem(kind, events[pk] if kind == "event" else statements[pk])
        for kind, pk in keys
        if (events if kind == "event" else statements).get(pk) is not None
    ]


def timeline_changes_page(
    *,
    filters: TimelineFilter,
    user: Any = None,
    first: int = DEFAULT_PAGE,
    after_seq: int | None = None,
    loader: Loader | None = None,
) -> TimelinePage:
    """Items changed after `max(filters.updated_since, after_seq)`, oldest change first.

    What pollers follow: a keyset on the unique `change_seq` (one counter for both kinds,
    handed out in commit order), so "everything after N" never skips a later commit. Same
    query shape as `timeline_page`: one key query per kind, then the rows with fixed prefetches.
    """
    first = max(1, min(first, MAX_PAGE))
    filters = replace(filters, updated_since=max(filters.updated_since or 0, after_seq or 0))
    keys: list[tuple[int, str, int]] = []
    for kind, qs in (
        ("event", event_list(filters=filters, user=user) if filters.wants_events() else None),
        (
            "statement",
            statement_list(filters=filters, user=user) if filters.wants_statements() else None,
        ),
    ):
        if qs is not None:
            rows = qs.order_by("change_seq").values_list("change_seq", "id")[: first + 1]
            # updated_since > N excludes NULL change numbers (never visible once committed).
            keys.extend((seq, kind, pk) for seq, pk in rows if seq is not None)
    keys.sort()
    more = len(keys) > first
    items = (loader or _load_items)([(kind, pk) for _, kind, pk in keys[:first]], user=user)
    return TimelinePage(items=items, has_next=more, has_previous=after_seq is not None)


@dataclass(frozen=True, slots=True)
class ChangeMark:
    """Validators for conditional GET: the global change number and when it last moved."""

    seq: int
    changed_at: Any


_CHANGE_MARK_SQL = f"SELECT value, changed_at FROM {ChangeCounter._meta.db_table} WHERE name = %s"  # noqa: S608


def change_mark() -> ChangeMark:
    """One primary-key lookup; any change to any event or statement moves it.

    Every poll runs it (most end in a 304 right after), so it is a constant SQL string on a
    plain cursor: building the same ORM query each time cost more CPU than the lookup itself.
    """
    with connection.cursor() as cursor:
        cursor.execute(_CHANGE_MARK_SQL, ["timeline"])
        row = cursor.fetchone()
    if row is None:
        return ChangeMark(seq=0, changed_at=None)
    changed_at = row[1]
    if isinstance(changed_at, str):  # SQLite without declared-type parsing
        changed_at = parse_datetime(changed_at)
    if changed_at is not None and timezone.is_naive(changed_at):  # SQLite stores UTC, naive
        changed_at = timezone.make_aware(changed_at, connection.timezone)
    return ChangeMark(seq=int(row[0]), changed_at=changed_at)
