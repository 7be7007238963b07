"""Entity reads: lists (by kind, name or alias) and a detail with aliases and item counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from timeline.models import Entity, EntityAlias, Event, EventEntity, Statement, StatementEntity
from timeline.normalize import normalize_alias
from timeline.selectors.visibility import visible_q


def entity_list() -> QuerySet[Entity]:
    """Canonical entities (merged duplicates left out), by name then id."""
    return (
        Entity.objects.filter(merged_into__isnull=True)
        .select_related("located_in")
        .order_by("name", "id")
    )


def apply_entity_filter(
    qs: QuerySet[Entity], *, kinds: tuple[str, ...] = (), q: str = ""
) -> QuerySet[Entity]:
    """Kinds, and a name/alias substring (aliases compared in their normalised form)."""
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if q:
        aliases = EntityAlias.objects.filter(normalized__contains=normalize_alias(q))
        qs = qs.filter(Q(name__icontains=q) | Q(id__in=aliases.values("entity_id")))
    return qs


def entity_get(*, slug: str) -> Entity | None:
    """One entity (merged ones too, so clients can follow `merged_into`), aliases prefetched."""
    return (
        Entity.objects.select_related("located_in", "merged_into")
        .prefetch_related("aliases")
        .filter(slug=slug)
        .first()
    )


@dataclass(frozen=True, slots=True)
class EntityCounts:
    events: int
    statements_spoken: int
    statements_mentioning: int


def entity_counts(*, entity: Entity, user: Any = None) -> EntityCounts:
    """How many visible items involve the entity (three indexed counts)."""
    visible = visible_q(user)
    events = Event.objects.filter(
        visible, id__in=EventEntity.objects.filter(entity=entity).values("event_id")
    ).count()
    spoken = Statement.objects.filter(visible, speaker=entity).count()
    mentioning = Statement.objects.filter(
        visible, id__in=StatementEntity.objects.filter(entity=entity).values("statement_id")
    ).count()
    return EntityCounts(events=events, statements_spoken=spoken, statements_mentioning=mentioning)
