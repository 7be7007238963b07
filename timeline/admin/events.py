"""Admin for events: sources and actors inline."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from timeline.models import Event, EventEntity, EventSource, Statement


class EventEntityInline(admin.TabularInline[EventEntity, Event]):
    model = EventEntity
    extra = 0
    autocomplete_fields = ["entity"]


class EventSourceInline(admin.TabularInline[EventSource, Event]):
    model = EventSource
    extra = 0
    raw_id_fields = ["article"]
    fields = ["article", "start", "end", "sentence"]


class EventStatementInline(admin.TabularInline[Statement, Event]):
    model = Statement
    fk_name = "event"
    extra = 0
    fields = ["speaker_text", "quote", "stance", "review_state"]
    readonly_fields = ["speaker_text", "quote"]
    show_change_link = True


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "type", "date_start", "date_precision", "status", "review_state",
                    "confidence", "source_count", "created_at"]
    list_filter = ["review_state", "type", "status", "date_precision"]
    search_fields = ["title", "summary"]
    date_hierarchy = "sort_date"
    raw_id_fields = ["merged_into"]
    readonly_fields = ["change_seq", "source_count", "extractor_version", "dedupe_key",
                       "edited_fields", "created_at", "updated_at"]
    inlines = [EventEntityInline, EventSourceInline, EventStatementInline]
    show_full_result_count = False
