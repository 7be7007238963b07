"""Where articles come from: outlets (publications) and the RSS/Atom feeds we poll."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from timeline.models.base import TimestampedModel


class Outlet(TimestampedModel):
    name = models.CharField(max_length=200)
    # Natural key: one outlet per registrable host ("voanews.com").
    domain = models.CharField(max_length=253, unique=True)
    homepage = models.URLField(max_length=2048, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Feed(TimestampedModel):
    url = models.URLField(max_length=2048, unique=True)
    title = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds"
    )
    active = models.BooleanField(default=True)
    poll_interval_seconds = models.PositiveIntegerField(default=900)
    # Conditional GET state, echoed back as If-None-Match / If-Modified-Since.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    failure_count = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    entries_seen = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["url"]
        constraints = [
            # A feed polled more often than once a minute is abuse of the publisher.
            models.CheckConstraint(
                condition=Q(poll_interval_seconds__gte=60), name="feed_poll_interval_min_60s"
            ),
        ]
        indexes = [
            # The beat sweeper: "active feeds whose next_poll_at has passed".
            models.Index(fields=["next_poll_at"], condition=Q(active=True), name="feed_due_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url
