"""Statements: their review queue and page (edits go through `statement_update`)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString

from timeline.admin.common import (
    ConfidenceBandFilter,
    ReviewStateFilter,
    StatementEntityFilter,
    StatementOutletFilter,
    admin_link,
    highlight,
)
from timeline.admin.review import ReviewAdmin
from timeline.models import Statement, StatementEntity, StatementSource
from timeline.selectors.filters import STATEMENT_SEARCH_FIELDS
from timeline.services.events import (
    STATEMENT_EDITABLE,
    statement_update,
    statements_publish,
    statements_reject,
)


class StatementSourceInline(admin.TabularInline[StatementSource, Statement]):
    model = StatementSource
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["article_link", "outlet", "evidence", "created_at"]
    readonly_fields = ["article_link", "outlet", "evidence", "created_at"]
    verbose_name_plural = "sources (evidence)"

    def get_queryset(self, request: HttpRequest) -> QuerySet[StatementSource]:
        return super().get_queryset(request).select_related("article__outlet")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="article")
    def article_link(self, obj: StatementSource) -> SafeString | str:
        return admin_link(obj.article)

    @admin.display(description="outlet")
    def outlet(self, obj: StatementSource) -> str:
        return str(obj.article.outlet or "—")

    @admin.display(description="sentence (quote highlighted)")
    def evidence(self, obj: StatementSource) -> SafeString:
        return highlight(obj.sentence, obj.sentence_start, obj.quote_start, obj.quote_end)


class StatementEntityInline(admin.TabularInline[StatementEntity, Statement]):
    model = StatementEntity
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["entity_link", "role"]
    readonly_fields = ["entity_link", "role"]
    verbose_name_plural = "speaker and mentioned entities"

    def get_queryset(self, request: HttpRequest) -> QuerySet[StatementEntity]:
        return super().get_queryset(request).select_related("entity")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="entity")
    def entity_link(self, obj: StatementEntity) -> SafeString | str:
        return admin_link(obj.entity)


@admin.register(Statement)
class StatementAdmin(ReviewAdmin):
    evidence_model = StatementSource
    evidence_fk = "statement"
    evidence_span = ("quote_start", "quote_end")
    search_columns = STATEMENT_SEARCH_FIELDS
    publish_service = staticmethod(statements_publish)
    reject_service = staticmethod(statements_reject)
    ids_kwarg = "statement_ids"
    editable_fields = STATEMENT_EDITABLE
    update_service = staticmethod(statement_update)
    item_kwarg = "statement"

    list_display = [
        "speaker_text",
        "kind",
        "date_column",
        "confidence_column",
        "source_count",
        "evidence_column",
        "event",
        "stance",
        "review_state",
        "created_at",
    ]
    list_select_related = ["event"]
    list_filter = [
        ReviewStateFilter,
        "kind",
        StatementEntityFilter,
        StatementOutletFilter,
        ("sort_date", admin.DateFieldListFilter),
        ConfidenceBandFilter,
        "stance",
        "date_precision",
    ]
    search_fields = ["quote", "speaker_text"]
    search_help_text = "Words from the quote or the speaker's name (full-text on PostgreSQL)."
    autocomplete_fields = ["speaker"]
    raw_id_fields = ["event"]
    inlines = [StatementSourceInline, StatementEntityInline]
    history_list_display = ["review_state", "edited_fields"]
    fieldsets = [
        (
            "Statement",
            {
                "fields": [
                    "speaker_link",
                    "speaker_text",
                    "speaker_title",
                    "quote",
                    "kind",
                    "cue",
                    "venue",
                ]
            },
        ),
        ("Event", {"fields": ["event", "stance"]}),
        (
            "Date",
            {"fields": [("date_start", "date_end"), "date_precision", "date_text", "date_value"]},
        ),
        ("Review", {"fields": ["review_state", "confidence", "source_count", "provenance"]}),
        (
            "Machine data",
            {
                "classes": ["collapse"],
                "fields": [
                    "fingerprint",
                    "extractor_version",
                    "change_seq",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    readonly_fields = [
        "speaker_link",
        "speaker_text",
        "cue",
        "date_text",
        "date_value",
        "review_state",
        "confidence",
        "source_count",
        "provenance",
        "fingerprint",
        "extractor_version",
        "change_seq",
        "created_at",
        "updated_at",
    ]

    @admin.display(description="speaker entity")
    def speaker_link(self, obj: Statement) -> SafeString | str:
        return admin_link(obj.speaker)
