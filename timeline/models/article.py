"""Articles: the unit of ingestion and the provenance of every event and statement."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from timeline.enums import ARTICLE_IN_FLIGHT, ArticleOrigin, ArticleStatus, DateSource
from timeline.models.base import TimestampedModel
from timeline.models.source import Feed, Outlet


class Article(TimestampedModel):
    url = models.URLField(max_length=2048, blank=True)
    # sha256 of the normalised URL; unique so concurrent submissions of one URL make one row.
    url_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    canonical_url = models.URLField(max_length=2048, blank=True)
    canonical_url_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    # sha256 of the whitespace-normalised text: the same story under two URLs is one article.
    content_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )

    origin = models.CharField(
        max_length=8, choices=ArticleOrigin.choices, default=ArticleOrigin.URL
    )
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    title = models.CharField(max_length=1000, blank=True)
    author = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    date_source = models.CharField(
        max_length=12, choices=DateSource.choices, default=DateSource.NONE
    )
    language = models.CharField(max_length=16, blank=True)
    text = models.TextField(blank=True)
    # Kept so re-extraction and re-parsing never need the network again.
    raw_html = models.TextField(blank=True)

    status = models.CharField(
        max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.QUEUED
    )
    status_changed_at = models.DateTimeField(auto_now_add=True)
    error_reason = models.CharField(max_length=64, blank=True)
    error_message = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    extractor_version = models.CharField(max_length=32, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The stuck-work sweeper: in-flight articles by how long they have been in that state.
            models.Index(
                fields=["status_changed_at"],
                condition=Q(status__in=[s.value for s in ARTICLE_IN_FLIGHT]),
                name="article_inflight_idx",
            ),
            # Admin and API lists of one status, newest first.
            models.Index(fields=["status", "-created_at"], name="article_status_idx"),
            models.Index(fields=["published_at"], name="article_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"
