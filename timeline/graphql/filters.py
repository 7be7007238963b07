"""GraphQL filter inputs. They only parse and validate; the selectors do the filtering.

`TimelineFilterInput.to_filter()` produces the same `selectors.filters.TimelineFilter` the
REST FilterSets produce, so both APIs share one filter implementation. Free text is searched
with the selectors' full-text search (never regex lookups: those are a ReDoS risk).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import strawberry

from timeline.graphql.enums import (
    DatePrecisionEnum,
    EntityKindEnum,
    EntityMatchEnum,
    EventTypeEnum,
    ItemKindEnum,
    OccurrenceStatusEnum,
    ReviewStateEnum,
)
from timeline.graphql.errors import BadInput
from timeline.graphql.scalars import BigInt
from timeline.selectors.filters import TimelineFilter

# The same bounds as the REST query parameters.
MAX_VALUES = 20
MAX_QUERY_CHARS = 200
MAX_CHANGE_SEQ = 2**63 - 1
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,300}$")
DOMAIN = re.compile(r"^[a-zA-Z0-9.-]{1,253}$")


def clean_text(name: str, value: str | None, max_chars: int = MAX_QUERY_CHARS) -> str:
    """Stripped free text; NUL characters are refused (PostgreSQL text cannot hold them)."""
    text = (value or "").strip()
    if "\x00" in text:
        raise BadInput(f"{name} must not contain NUL characters.", field=name)
    if len(text) > max_chars:
        raise BadInput(f"{name}: at most {max_chars} characters.", field=name)
    return text


def _values(
    name: str,
    values: list[str] | None,
    pattern: re.Pattern[str] | None = None,
    *,
    lower: bool = False,
) -> tuple[str, ...]:
    """Validated, de-duplicated plain strings (enum members become their stored values)."""
    if not values:
        return ()
    if len(values) > MAX_VALUES:
        raise BadInput(f"{name}: at most {MAX_VALUES} values.", field=name)
    out = []
    for value in values:
        text = str(getattr(value, "value", value)).strip()
        text = text.lower() if lower else text
        if pattern is not None and not pattern.match(text):
            raise BadInput(f"{name}: {text!r} is not a valid value.", field=name)
        out.append(text)
    return tuple(dict.fromkeys(out))


@strawberry.input(
    name="TimelineFilterInput",
    description="Filters shared by timeline, events, statements and entity lists.",
)
class TimelineFilterInput:
    entities: list[str] | None = strawberry.field(
        default=None, description='Entity slugs, e.g. ["north-korea"].'
    )
    entity_match: EntityMatchEnum = strawberry.field(
        default=EntityMatchEnum.ANY, description="ANY (default) or ALL of `entities`."
    )
    types: list[EventTypeEnum] | None = strawberry.field(
        default=None,
        description="Event types (statements have none: a type filter is events-only).",
    )
    kind: ItemKindEnum | None = strawberry.field(
        default=None, description="Only events or only statements."
    )
    date_from: date | None = strawberry.field(
        default=None, description="Items whose date interval overlaps [dateFrom, dateTo]."
    )
    date_to: date | None = None
    precisions: list[DatePrecisionEnum] | None = None
    q: str | None = strawberry.field(default=None, description="Full-text search.")
    speakers: list[str] | None = strawberry.field(
        default=None, description="Speaker entity slugs (statements only)."
    )
    outlets: list[str] | None = strawberry.field(
        default=None, description="Outlet domains of at least one source."
    )
    min_sources: int | None = strawberry.field(
        default=None, description="At least this many sources (corroboration)."
    )
    statuses: list[OccurrenceStatusEnum] | None = strawberry.field(
        default=None, description="Event occurrence statuses (events only)."
    )
    review_states: list[ReviewStateEnum] | None = strawberry.field(
        default=None, description="Staff only; the public always sees published items only."
    )
    updated_since: BigInt | None = strawberry.field(
        default=None, description="Only items whose changeSeq is greater than this."
    )

    def to_filter(self) -> TimelineFilter:
        """Validate and convert; raises BadInput with the offending field."""
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise BadInput("dateFrom is after dateTo.", field="dateFrom")
        q = clean_text("q", self.q)
        if self.min_sources is not None and not 0 <= self.min_sources <= 10_000:
            raise BadInput("minSources must be between 0 and 10000.", field="minSources")
        if self.updated_since is not None and not 0 <= self.updated_since <= MAX_CHANGE_SEQ:
            raise BadInput(
                "updatedSince must be a non-negative 64-bit integer.", field="updatedSince"
            )
        kind = self.kind.value if self.kind is not None else None
        return TimelineFilter(
            entities=_values("entities", self.entities, SLUG, lower=True),
            entity_mode="all" if self.entity_match == EntityMatchEnum.ALL else "any",
            types=_values("types", self.types),  # type: ignore[arg-type]
            kind=kind,  # type: ignore[arg-type]
            date_from=self.date_from,
            date_to=self.date_to,
            precisions=_values("precisions", self.precisions),  # type: ignore[arg-type]
            q=q,
            speakers=_values("speakers", self.speakers, SLUG, lower=True),
            outlets=_values("outlets", self.outlets, DOMAIN, lower=True),
            min_sources=self.min_sources,
            statuses=_values("statuses", self.statuses),  # type: ignore[arg-type]
            review_states=_values("reviewStates", self.review_states),  # type: ignore[arg-type]
            updated_since=self.updated_since,
        )


def with_entity(f: TimelineFilter | None, slug: str) -> TimelineFilter:
    """`f` narrowed to items involving `slug` (any entities already in `f` are required too)."""
    if f is None:
        return TimelineFilter(entities=(slug,))
    entities = tuple(dict.fromkeys((slug, *f.entities)))
    return dataclasses.replace(f, entities=entities, entity_mode="all")


@strawberry.input(name="EntityFilterInput")
class EntityFilterInput:
    kinds: list[EntityKindEnum] | None = None
    q: str | None = strawberry.field(
        default=None, description="Substring of the name or of an alias."
    )

    def to_kwargs(self) -> dict[str, object]:
        """Keyword arguments of `selectors.entities.apply_entity_filter`."""
        q = clean_text("q", self.q)
        return {"kinds": _values("kinds", self.kinds), "q": q}  # type: ignore[arg-type]
