"""Admin for outlets, feeds and articles (ingestion state)."""

from __future__ import annotations

from django.contrib import admin

from timeline.models import Article, Feed, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin[Outlet]):
    list_display = ["name", "domain", "homepage", "created_at"]
    search_fields = ["name", "domain"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin[Feed]):
    list_display = ["__str__", "outlet", "active", "poll_interval_seconds", "next_poll_at",
                    "last_success_at", "failure_count", "entries_seen"]
    list_filter = ["active", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["url", "title"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "last_success_at",
                       "failure_count", "last_error", "entries_seen", "created_at", "updated_at"]
    autocomplete_fields = ["outlet"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ["__str__", "outlet", "status", "error_reason", "published_at", "language",
                    "attempts", "created_at"]
    list_filter = ["status", "origin", "date_source", "language", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "canonical_url"]
    date_hierarchy = "created_at"
    raw_id_fields = ["feed", "duplicate_of", "submitted_by"]
    autocomplete_fields = ["outlet"]
    readonly_fields = ["url_hash", "canonical_url_hash", "content_hash", "status_changed_at",
                       "attempts", "extractor_version", "fetched_at", "extracted_at",
                       "created_at", "updated_at"]
    show_full_result_count = False
