"""GraphQL object types: events, statements, entities, articles and their evidence.

Every top-level type is a relay `Node` (global ids, `node(id:)`). Row visibility is never
decided here: `get_queryset` delegates to `selectors.visibility`, so the public sees published
events and statements only, through every path (lists, nested relations, `node`).
Plain relations are left to the DjangoOptimizerExtension, which turns any selection into a
fixed number of queries; computed fields declare optimizer hints.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import Info, auto, relay
from strawberry.scalars import JSON
from strawberry_django.fields.field import StrawberryDjangoField
from strawberry_django.relay import DjangoListConnection

from timeline import models
from timeline.graphql.enums import (
    DatePrecisionEnum,
    EntityKindEnum,
    EventRoleEnum,
    EventTypeEnum,
    OccurrenceStatusEnum,
    ReviewStateEnum,
    StanceEnum,
    StatementKindEnum,
    StatementRoleEnum,
)
from timeline.graphql.filters import TimelineFilterInput, with_entity
from timeline.graphql.ordering import EventOrder, StatementOrder, apply_order
from timeline.graphql.permissions import request_user
from timeline.graphql.scalars import BigInt
from timeline.selectors.events import event_list
from timeline.selectors.statements import statement_list
from timeline.selectors.visibility import visible_q

# Relay ids are primary keys. Declared, because strawberry only caches the id attribute when it
# finds a `NodeID` annotation; otherwise it re-evaluates every annotation of the class for
# every `id` it resolves (~4 ms each: 200 items with their entities took seconds).
PK = "pk"


class FieldType(StrawberryDjangoField):
    """A strawberry-django field that resolves plain column values as a "basic" field.

    Strawberry skips building an `Info` object and the field-extension chain for basic
    fields; strawberry-django marks all of its fields non-basic because relations and
    custom resolvers need them. A column value needs neither: it is read from the row (which
    the optimizer loaded with `only()`), through the same `get_result`. A timeline page of
    200 items resolves ~10,000 such values (about a sixth of its CPU time went to that chain).
    """

    @property
    def is_basic_field(self) -> bool:
        return (
            self.base_resolver is None
            and not self.extensions
            and not self.is_relation
            and not self.is_list
            and not self.is_connection
            and not self.is_paginated
        )


def column(**kwargs: Any) -> Any:
    """`strawberry_django.field` for a column value (resolved as a basic field, see FieldType)."""
    return strawberry_django.field(field_cls=FieldType, **kwargs)


# --- sources of evidence --------------------------------------------------------------------


@strawberry_django.type(models.Outlet, name="Outlet", field_cls=FieldType)
class OutletType(relay.Node):
    """A publication (one per registrable domain)."""

    _id_attr = PK

    name: auto
    domain: auto
    homepage: auto


@strawberry_django.type(models.Article, name="Article", field_cls=FieldType)
class ArticleType(relay.Node):
    """An ingested news article: the provenance of events and statements (no body text)."""

    _id_attr = PK

    url: auto
    title: auto
    author: auto
    published_at: datetime | None
    language: auto
    outlet: OutletType | None


@strawberry.interface(name="Source", description="A span of an article that reports an item.")
class Source:
    start: int = strawberry.field(description="Offset of the evidence span in the article text.")
    end: int = strawberry.field(description="End offset (exclusive) of the evidence span.")
    sentence: str = strawberry.field(description="The sentence containing the evidence.")
    sentence_start: int = strawberry.field(description="Offset of `sentence` in the article.")
    article: ArticleType


@strawberry_django.type(models.EventSource, name="EventSource", field_cls=FieldType)
class EventSourceType(Source):
    """Evidence for an event: the span reporting it."""

    start: int
    end: int
    sentence: str
    sentence_start: int
    article: ArticleType


@strawberry_django.type(models.StatementSource, name="StatementSource", field_cls=FieldType)
class StatementSourceType(Source):
    """Evidence for a statement: the quoted words (`start`/`end`) and the speaker's name."""

    start: int = column(field_name="quote_start")
    end: int = column(field_name="quote_end")
    sentence: str
    sentence_start: int
    article: ArticleType
    speaker_start: int | None
    speaker_end: int | None


# --- entities ---------------------------------------------------------------------------------


@strawberry_django.type(models.EntityAlias, name="EntityAlias", field_cls=FieldType)
class EntityAliasType:
    alias: auto


@strawberry_django.type(models.Entity, name="Entity", field_cls=FieldType)
class EntityType(relay.Node):
    """A person, organisation or place; `slug` is its stable key in filters and URLs."""

    _id_attr = PK

    name: auto
    slug: auto
    kind: EntityKindEnum
    description: auto
    wikidata_qid: auto
    aliases: list[EntityAliasType]
    located_in: EntityType | None
    merged_into: EntityType | None = strawberry_django.field(
        description="Set when an editor folded this duplicate into another entity."
    )

    @strawberry_django.connection(
        DjangoListConnection["EventType"], description="Visible events involving this entity."
    )
    def events(
        self,
        info: Info,
        filter: TimelineFilterInput | None = None,
        ordering: list[EventOrder] | None = None,
    ) -> Iterable[models.Event]:
        f = with_entity(filter.to_filter() if filter else None, self.slug)  # type: ignore[attr-defined]
        if not f.wants_events():
            return models.Event.objects.none()
        return apply_order(event_list(filters=f, user=request_user(info)), ordering, info)

    @strawberry_django.connection(
        DjangoListConnection["StatementType"],
        description="Visible statements mentioning or by this entity.",
    )
    def statements(
        self,
        info: Info,
        filter: TimelineFilterInput | None = None,
        ordering: list[StatementOrder] | None = None,
    ) -> Iterable[models.Statement]:
        f = with_entity(filter.to_filter() if filter else None, self.slug)  # type: ignore[attr-defined]
        if not f.wants_statements():
            return models.Statement.objects.none()
        return apply_order(statement_list(filters=f, user=request_user(info)), ordering, info)


@strawberry_django.type(models.EventEntity, name="Actor", field_cls=FieldType)
class ActorType:
    """An entity taking part in an event, with its role."""

    role: EventRoleEnum
    entity: EntityType


@strawberry_django.type(models.StatementEntity, name="Mention", field_cls=FieldType)
class MentionType:
    """An entity a statement is by (`SPEAKER`) or about (`MENTIONED`)."""

    role: StatementRoleEnum
    entity: EntityType


# --- timeline items ---------------------------------------------------------------------------


@strawberry.interface(
    name="TimelineItem",
    description="What the timeline lists: an Event or a Statement, on its (fuzzy) date.",
)
class TimelineItem(relay.Node):
    _id_attr = PK
    sort_date: date = strawberry.field(
        description="Position on the timeline: dateStart, or the reporting date if undated."
    )
    date_start: date | None
    date_end: date | None
    date_precision: DatePrecisionEnum
    date_value: str = strawberry.field(description="TIMEX3 value of the date expression.")
    date_text: str = strawberry.field(description="The date expression as written.")
    review_state: ReviewStateEnum
    confidence: float
    source_count: int = strawberry.field(
        description="Corroboration: how many distinct articles report it."
    )
    change_seq: BigInt | None = strawberry.field(
        description="Global change number; poll with filter.updatedSince."
    )
    created_at: datetime
    updated_at: datetime


def _visible(queryset: QuerySet[Any], info: Info) -> QuerySet[Any]:
    """Row visibility of events and statements: the selectors' rule, in one place."""
    return queryset.filter(visible_q(request_user(info)))


@strawberry_django.type(models.Event, name="Event", field_cls=FieldType)
class EventType(TimelineItem):
    """A dated event, who took part, the evidence, and what was said about it."""

    title: auto
    summary: auto
    type: EventTypeEnum
    status: OccurrenceStatusEnum = column(
        description="Occurrence: happened, scheduled, reported or denied."
    )
    figures: JSON = column(description='Stated figures, e.g. {"troops": 10000}.')
    sort_date: date
    date_start: date | None
    date_end: date | None
    date_precision: DatePrecisionEnum
    date_value: str
    date_text: str
    review_state: ReviewStateEnum
    confidence: float
    source_count: int
    change_seq: BigInt | None
    created_at: datetime
    updated_at: datetime
    actors: list[ActorType] = strawberry_django.field(field_name="event_entities")
    sources: list[EventSourceType]
    statements: list[StatementType] = strawberry_django.field(
        description="Visible statements about this event, with their stance."
    )

    @classmethod
    def get_queryset(
        cls, queryset: QuerySet[models.Event], info: Info, **kwargs: Any
    ) -> QuerySet[models.Event]:
        return _visible(queryset, info)


@strawberry_django.type(models.Statement, name="Statement", field_cls=FieldType)
class StatementType(TimelineItem):
    """Who said what, when, as reported; optionally linked to the event it is about."""

    quote: auto
    kind: StatementKindEnum
    cue: auto
    venue: auto
    speaker: EntityType | None
    speaker_text: str = column(description="The speaker as named in the text.")
    speaker_title: str = column(description="The speaker's title, as written.")
    stance: StanceEnum = column(description="The statement's stance towards `event`.")
    event: EventType | None
    sort_date: date
    date_start: date | None
    date_end: date | None
    date_precision: DatePrecisionEnum
    date_value: str
    date_text: str
    review_state: ReviewStateEnum
    confidence: float
    source_count: int
    change_seq: BigInt | None
    created_at: datetime
    updated_at: datetime
    mentions: list[MentionType] = strawberry_django.field(field_name="statement_entities")
    sources: list[StatementSourceType]

    @classmethod
    def get_queryset(
        cls, queryset: QuerySet[models.Statement], info: Info, **kwargs: Any
    ) -> QuerySet[models.Statement]:
        return _visible(queryset, info)
