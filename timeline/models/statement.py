"""Attributed statements: who said what, when, where, with the exact spans as evidence."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from timeline.enums import Stance, StatementKind, StatementRole
from timeline.models.article import Article
from timeline.models.base import TimestampedModel
from timeline.models.entity import Entity
from timeline.models.event import DatedItem, Event, LinkedItemDates


class Statement(DatedItem):
    speaker = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_text = models.CharField(max_length=300, help_text="The speaker as named in the text")
    speaker_title = models.CharField(
        max_length=300, blank=True, help_text="The speaker's title at the time, as written"
    )
    quote = models.TextField()
    kind = models.CharField(max_length=10, choices=StatementKind.choices)
    cue = models.CharField(max_length=100, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.NEUTRAL)
    # sha256(speaker key + normalised quote): the same words from the same speaker reported by
    # two articles are one statement with two sources.
    fingerprint = models.CharField(max_length=64, unique=True)
    entities: models.ManyToManyField[Entity, StatementEntity] = models.ManyToManyField(
        Entity, through="StatementEntity", related_name="statement_mentions"
    )
    history = HistoricalRecords(excluded_fields=["change_seq", "source_count"])

    class Meta:
        ordering = ["sort_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="statement_confidence_0_1",
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True)
                | Q(date_end__isnull=True)
                | Q(date_end__gte=models.F("date_start")),
                name="statement_date_interval_ordered",
            ),
        ]
        indexes = [
            # Public timeline in date order, cursor on (sort_date, id).
            models.Index(
                fields=["sort_date", "id"],
                condition=Q(review_state="published"),
                name="stmt_public_timeline_idx",
            ),
            models.Index(fields=["review_state", "sort_date", "id"], name="stmt_state_date_idx"),
            # A speaker's statements in date order.
            models.Index(fields=["speaker", "sort_date", "id"], name="stmt_speaker_date_idx"),
            models.Index(
                fields=["-created_at"],
                condition=Q(review_state="pending"),
                name="stmt_review_queue_idx",
            ),
            # ?q= full-text search on PostgreSQL (same expression as selectors.filters).
            GinIndex(
                SearchVector("quote", "speaker_text", config="english"), name="stmt_fulltext_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_text}: {self.quote[:60]}"


class StatementEntity(LinkedItemDates):
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="statement_entities"
    )
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="statement_links")
    role = models.CharField(
        max_length=10, choices=StatementRole.choices, default=StatementRole.MENTIONED
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "entity", "role"], name="statement_entity_unique"
            ),
        ]
        indexes = [
            # Timeline filtered by entity: entity → statements.
            models.Index(fields=["entity", "statement"], name="stmt_entity_by_entity_idx"),
            # The public statements of an entity in date order (see LinkedItemDates).
            models.Index(
                fields=["entity", "sort_date", "statement"],
                include=["date_start", "date_end"],
                condition=Q(review_state="published"),
                name="stmt_entity_timeline_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity} ({self.role})"


class StatementSource(TimestampedModel):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statement_sources")
    quote_start = models.PositiveIntegerField()
    quote_end = models.PositiveIntegerField()
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    sentence = models.TextField(blank=True)
    sentence_start = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "article", "quote_start", "quote_end"],
                name="statement_source_unique",
            ),
            models.CheckConstraint(
                condition=Q(quote_end__gte=models.F("quote_start")),
                name="statement_source_span_ordered",
            ),
        ]
        indexes = [models.Index(fields=["article"], name="stmt_source_article_idx")]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.quote_start}-{self.quote_end}"
