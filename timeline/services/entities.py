"""Entity writes: resolve extracted entities to rows, merge duplicates."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils.text import slugify

from timeline.enums import EntityKind
from timeline.exceptions import ServiceValidationError
from timeline.extract.types import CanonicalEntity
from timeline.models import (
    Entity,
    EntityAlias,
    EventEntity,
    Statement,
    StatementEntity,
)
from timeline.normalize import normalize_alias, sha256_hex
from timeline.services.changes import items_mark_changed

_KINDS = {choice.value for choice in EntityKind}
_MAX_MERGE_HOPS = 8


def entity_slug(name: str) -> str:
    slug = slugify(name)[:280]
    return slug or f"entity-{sha256_hex(name)[:12]}"


def _survivor(entity: Entity, by_id: dict[int, Entity]) -> Entity:
    """Follow merged_into to the surviving entity (editors fold duplicates into survivors)."""
    hops = 0
    while entity.merged_into_id is not None and hops < _MAX_MERGE_HOPS:
        nxt = by_id.get(entity.merged_into_id)
        if nxt is None:
            nxt = Entity.objects.get(pk=entity.merged_into_id)
            by_id[nxt.pk] = nxt
        entity, hops = nxt, hops + 1
    return entity


def entities_resolve(*, entities: Sequence[CanonicalEntity]) -> dict[str, Entity]:
    """Map canonical names to Entity rows, creating the missing ones with their aliases.

    Writes: Entity and EntityAlias rows (insert-or-ignore on the slug / alias keys), so it is
    idempotent and safe to run concurrently. Merged entities resolve to their survivor.
    """
    if not entities:
        return {}
    # Several articles stored together may name one entity (by the same slug) differently.
    named: dict[str, list[CanonicalEntity]] = {}
    for e in entities:
        named.setdefault(entity_slug(e.slug or e.name), []).append(e)
    wanted = {slug: same[0] for slug, same in named.items()}
    found = {row.slug: row for row in Entity.objects.filter(slug__in=wanted)}
    missing = {slug: e for slug, e in wanted.items() if slug not in found}
    if missing:
        # An editor may have renamed or merged: an alias of the same kind wins over a new row.
        by_norm = {normalize_alias(e.name): slug for slug, e in missing.items()}
        for alias in EntityAlias.objects.filter(normalized__in=by_norm).select_related("entity"):
            slug = by_norm[alias.normalized]
            if slug in missing and alias.entity.kind == missing[slug].kind:
                found[slug] = alias.entity
                del missing[slug]
    if missing:
        Entity.objects.bulk_create(
            [
                Entity(
                    name=e.name[:300],
                    slug=slug,
                    kind=e.kind if e.kind in _KINDS else EntityKind.ORGANIZATION,
                )
                for slug, e in missing.items()
            ],
            ignore_conflicts=True,
        )
        found.update({row.slug: row for row in Entity.objects.filter(slug__in=missing)})
    by_id = {row.pk: row for row in found.values()}
    result: dict[str, Entity] = {}
    aliases: list[EntityAlias] = []
    for slug, same in named.items():
        row = found.get(slug)
        if row is None:  # deleted concurrently; the next extraction recreates it
            continue
        row = _survivor(row, by_id)
        surfaces: set[str] = set()
        for extracted in same:
            result[extracted.name] = row
            surfaces.update((extracted.name, *extracted.aliases))
        for surface in sorted(surfaces):
            norm = normalize_alias(surface)
            if norm and surface != row.name:
                aliases.append(EntityAlias(entity=row, alias=surface[:300], normalized=norm[:300]))
    EntityAlias.objects.bulk_create(aliases, ignore_conflicts=True)
    return result


@transaction.atomic
def entity_merge(*, source: Entity, target: Entity) -> Entity:
    """Fold `source` into `target`: links move, source's name and aliases become target's.

    Writes: EventEntity/StatementEntity/Statement.speaker/EntityAlias rows of `source` move to
    `target` (duplicates dropped); `source.merged_into = target`. Raises ServiceValidationError
    when merging an entity into itself or into one merged into it.
    """
    if source.pk == target.pk:
        raise ServiceValidationError({"target": "An entity cannot be merged into itself."})
    if target.merged_into_id is not None:
        raise ServiceValidationError({"target": "The target entity was itself merged."})
    source = Entity.objects.select_for_update().get(pk=source.pk)
    event_ids = set(EventEntity.objects.filter(entity=source).values_list("event_id", flat=True))
    statement_ids = set(
        StatementEntity.objects.filter(entity=source).values_list("statement_id", flat=True)
    ) | set(Statement.objects.filter(speaker=source).values_list("id", flat=True))

    for link in EventEntity.objects.filter(entity=source):
        if EventEntity.objects.filter(
            event_id=link.event_id, entity=target, role=link.role
        ).exists():
            link.delete()
        else:
            link.entity = target
            link.save(update_fields=["entity"])
    for slink in StatementEntity.objects.filter(entity=source):
        if StatementEntity.objects.filter(
            statement_id=slink.statement_id, entity=target, role=slink.role
        ).exists():
            slink.delete()
        else:
            slink.entity = target
            slink.save(update_fields=["entity"])
    Statement.objects.filter(speaker=source).update(speaker=target)
    Entity.objects.filter(merged_into=source).update(merged_into=target)
    Entity.objects.filter(located_in=source).update(located_in=target)

    existing = set(EntityAlias.objects.filter(entity=target).values_list("normalized", flat=True))
    for alias in EntityAlias.objects.filter(entity=source):
        if alias.normalized in existing:
            alias.delete()
        else:
            alias.entity = target
            alias.save(update_fields=["entity"])
            existing.add(alias.normalized)
    norm = normalize_alias(source.name)
    if norm not in existing and norm != normalize_alias(target.name):
        EntityAlias.objects.create(entity=target, alias=source.name, normalized=norm)

    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    items_mark_changed(event_ids=event_ids, statement_ids=statement_ids)
    return target
