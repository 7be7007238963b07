"""Admin for statements: sources and mentioned entities inline."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from timeline.models import Statement, StatementEntity, StatementSource


class StatementSourceInline(admin.TabularInline[StatementSource, Statement]):
    model = StatementSource
    extra = 0
    raw_id_fields = ["article"]
    fields = ["article", "quote_start", "quote_end", "sentence"]


class StatementEntityInline(admin.TabularInline[StatementEntity, Statement]):
    model = StatementEntity
    extra = 0
    autocomplete_fields = ["entity"]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "speaker", "kind", "date_start", "date_precision",
                    "review_state", "confidence", "source_count"]
    list_filter = ["review_state", "kind", "date_precision"]
    list_select_related = ["speaker"]
    search_fields = ["quote", "speaker_text"]
    date_hierarchy = "sort_date"
    autocomplete_fields = ["speaker"]
    raw_id_fields = ["event"]
    readonly_fields = ["change_seq", "source_count", "fingerprint", "extractor_version",
                       "edited_fields", "created_at", "updated_at"]
    inlines = [StatementSourceInline, StatementEntityInline]
    show_full_result_count = False
