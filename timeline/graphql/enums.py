"""GraphQL enums: the vocabularies of `timeline.enums`, exposed once and reused everywhere.

The Django `TextChoices` are the single source of truth: GraphQL enum values are their member
names (AIR_DEFENSE) and resolve to the stored string values ("air-defense"), so a value added
to `timeline.enums` appears in the schema (and in the committed SDL diff) automatically.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from timeline import enums

ArticleStatusEnum = strawberry.enum(enums.ArticleStatus, name="ArticleStatus")
EntityKindEnum = strawberry.enum(enums.EntityKind, name="EntityKind")
EventTypeEnum = strawberry.enum(enums.EventType, name="EventType")
DatePrecisionEnum = strawberry.enum(enums.DatePrecision, name="DatePrecision")
OccurrenceStatusEnum = strawberry.enum(enums.OccurrenceStatus, name="OccurrenceStatus")
ReviewStateEnum = strawberry.enum(enums.ReviewState, name="ReviewState")
StatementKindEnum = strawberry.enum(enums.StatementKind, name="StatementKind")
StanceEnum = strawberry.enum(enums.Stance, name="Stance")
EventRoleEnum = strawberry.enum(enums.EventRole, name="EventRole")
StatementRoleEnum = strawberry.enum(enums.StatementRole, name="StatementRole")
ItemKindEnum = strawberry.enum(enums.ItemKind, name="ItemKind")


@strawberry.enum(name="EntityMatch")
class EntityMatchEnum(StrEnum):
    """How several `entities` combine: items about ANY of them, or about ALL of them."""

    ANY = "any"
    ALL = "all"
