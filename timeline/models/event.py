"""Dated events, who took part, and the article sentences that report them."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from timeline.enums import (
    DatePrecision,
    EventRole,
    EventType,
    OccurrenceStatus,
    ReviewState,
)
from timeline.models.article import Article
from timeline.models.base import TimestampedModel
from timeline.models.entity import Entity


class DatedItem(TimestampedModel):
    """Fields shared by events and statements: a fuzzy date, review state and change number."""

    # News dates are fuzzy: an interval (inclusive) plus its precision and the TIMEX3 value.
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_value = models.CharField(max_length=40, blank=True, help_text="TIMEX3 value")
    date_text = models.CharField(
        max_length=200, blank=True, help_text="The expression as written in the source"
    )
    # Position on the timeline: date_start, or the reporting date when the date is unknown.
    sort_date = models.DateField()
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.PENDING
    )
    confidence = models.FloatField(default=0.5)
    source_count = models.PositiveIntegerField(default=0)
    # Fields an editor changed; re-extraction never overwrites them ("curator wins").
    edited_fields = models.JSONField(default=list, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    # Global, gap-tolerant, strictly increasing in commit order (see ChangeCounter). Assigned as
    # the last step of every writing transaction, so it is never NULL once committed.
    change_seq = models.BigIntegerField(unique=True, null=True, blank=True)

    class Meta:
        abstract = True


class Event(DatedItem):
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    type = models.CharField(max_length=24, choices=EventType.choices, default=EventType.OTHER)
    status = models.CharField(
        max_length=10, choices=OccurrenceStatus.choices, default=OccurrenceStatus.HAPPENED
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    # Stated figures: {"troops": 10000, "killed": 4, ...}
    figures = models.JSONField(default=dict, blank=True)
    # Coarse key (type + date bucket + actors) used to find the same event in other articles.
    dedupe_key = models.CharField(max_length=64, blank=True, db_index=True)
    entities: models.ManyToManyField[Entity, EventEntity] = models.ManyToManyField(
        Entity, through="EventEntity", related_name="events"
    )
    history = HistoricalRecords(excluded_fields=["change_seq", "source_count"])

    class Meta:
        ordering = ["sort_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="event_confidence_0_1"
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True)
                | Q(date_end__isnull=True)
                | Q(date_end__gte=models.F("date_start")),
                name="event_date_interval_ordered",
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(review_state=ReviewState.MERGED),
                name="event_merged_into_only_when_merged",
            ),
        ]
        indexes = [
            # Public timeline in date order, cursor on (sort_date, id).
            models.Index(
                fields=["sort_date", "id"],
                condition=Q(review_state="published"),
                name="event_public_timeline_idx",
            ),
            # Timeline filtered by type.
            models.Index(
                fields=["type", "sort_date", "id"],
                condition=Q(review_state="published"),
                name="event_public_type_idx",
            ),
            # Staff timeline over every review state.
            models.Index(fields=["review_state", "sort_date", "id"], name="event_state_date_idx"),
            # Editors' review queue, newest first.
            models.Index(
                fields=["-created_at"],
                condition=Q(review_state="pending"),
                name="event_review_queue_idx",
            ),
            # ?q= full-text search on PostgreSQL (same expression as selectors.filters).
            GinIndex(SearchVector("title", "summary", config="english"), name="event_fulltext_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class LinkedItemDates(models.Model):
    """Copies of the linked item's timeline columns on an entity link (read-only here).

    Why: "one entity's timeline between two dates" is the API's main query. With the dates on
    the item only, PostgreSQL had to fetch every item linked to the entity (thousands, 80,000
    for the most linked one) before it could filter and sort them by date. With the copies, one
    index on (entity, sort_date, item) walks the entity's items in timeline order and stops
    after a page (`selectors.filters.entity_link_list`).

    Database triggers keep the copies equal to the item's columns whatever writes them
    (services, the admin, `QuerySet.update`, bulk inserts, COPY): a link copies its item's
    values on every insert or update, and an item pushes changed values to its links
    (migration 0005_timeline_indexes). Django writes NULL here; never set them in Python.
    """

    sort_date = models.DateField(null=True, editable=False)
    date_start = models.DateField(null=True, editable=False)
    date_end = models.DateField(null=True, editable=False)
    # NULL until the trigger has run (SQLite fills the row after Django's INSERT).
    review_state = models.CharField(max_length=10, null=True, editable=False)  # noqa: DJ001

    class Meta:
        abstract = True


class EventEntity(LinkedItemDates):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_entities")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="event_links")
    role = models.CharField(max_length=12, choices=EventRole.choices, default=EventRole.ACTOR)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "entity", "role"], name="event_entity_unique"),
        ]
        indexes = [
            # Timeline filtered by entity: entity → events.
            models.Index(fields=["entity", "event"], name="event_entity_by_entity_idx"),
            # The public timeline of an entity in date order, dates included for the overlap
            # filter: an index-only walk that stops after a page (see LinkedItemDates).
            models.Index(
                fields=["entity", "sort_date", "event"],
                include=["date_start", "date_end"],
                condition=Q(review_state="published"),
                name="event_entity_timeline_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity} ({self.role})"


class EventSource(TimestampedModel):
    """One piece of evidence: the span of an article that reports the event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_sources")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence = models.TextField(blank=True)
    sentence_start = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # Re-running extraction for an article is idempotent.
            models.UniqueConstraint(
                fields=["event", "article", "start", "end"], name="event_source_unique"
            ),
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="event_source_span_ordered"
            ),
        ]
        indexes = [models.Index(fields=["article"], name="event_source_article_idx")]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"
