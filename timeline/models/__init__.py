"""Domain model. Import models from here: `from timeline.models import Event`."""

from timeline.models.article import Article
from timeline.models.base import ChangeCounter, TimestampedModel, allocate_change_seqs
from timeline.models.entity import Entity, EntityAlias
from timeline.models.event import Event, EventEntity, EventSource
from timeline.models.source import Feed, Outlet
from timeline.models.statement import Statement, StatementEntity, StatementSource

__all__ = [
    "Article",
    "ChangeCounter",
    "Entity",
    "EntityAlias",
    "Event",
    "EventEntity",
    "EventSource",
    "Feed",
    "Outlet",
    "Statement",
    "StatementEntity",
    "StatementSource",
    "TimestampedModel",
    "allocate_change_seqs",
]
