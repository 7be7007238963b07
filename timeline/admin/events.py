"""Events: the review queue, the merge page and the event page (edits go through services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from timeline.admin.common import (
    ConfidenceBandFilter,
    EntityFilter,
    OutletFilter,
    ReviewStateFilter,
    admin_link,
    highlight,
    report_service_error,
)
from timeline.admin.review import ReviewAdmin
from timeline.exceptions import ServiceError
from timeline.models import Event, EventEntity, EventSource, Statement
from timeline.selectors.filters import EVENT_SEARCH_FIELDS
from timeline.services.events import (
    EVENT_EDITABLE,
    event_links_edited,
    event_update,
    events_merge,
    events_publish,
    events_reject,
)

#: Duplicates are found a handful at a time; more than this is a mis-click on "select all".
MAX_MERGE = 50


class EventEntityInline(admin.TabularInline[EventEntity, Event]):
    """Actors, targets, participants and places, with their role."""

    model = EventEntity
    extra = 0
    autocomplete_fields = ["entity"]
    fields = ["entity", "role"]
    verbose_name = "actor"
    verbose_name_plural = "actors and places"

    def get_queryset(self, request: HttpRequest) -> QuerySet[EventEntity]:
        return super().get_queryset(request).select_related("entity")


class EventSourceInline(admin.TabularInline[EventSource, Event]):
    """The evidence: read-only, it is what the machines read."""

    model = EventSource
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["article_link", "outlet", "evidence", "created_at"]
    readonly_fields = ["article_link", "outlet", "evidence", "created_at"]
    verbose_name_plural = "sources (evidence)"

    def get_queryset(self, request: HttpRequest) -> QuerySet[EventSource]:
        return super().get_queryset(request).select_related("article__outlet")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="article")
    def article_link(self, obj: EventSource) -> SafeString | str:
        return admin_link(obj.article)

    @admin.display(description="outlet")
    def outlet(self, obj: EventSource) -> str:
        return str(obj.article.outlet or "—")

    @admin.display(description="sentence (extracted span highlighted)")
    def evidence(self, obj: EventSource) -> SafeString:
        return highlight(obj.sentence, obj.sentence_start, obj.start, obj.end)


class EventStatementInline(admin.TabularInline[Statement, Event]):
    """Statements about the event and their stance (edited on the statement's own page)."""

    model = Statement
    fk_name = "event"
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["speaker_text", "quote", "stance", "review_state"]
    readonly_fields = ["speaker_text", "quote", "stance", "review_state"]
    show_change_link = True
    verbose_name_plural = "statements about this event"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        return super().get_queryset(request).select_related("speaker")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MergeForm(forms.Form):
    """The survivor of a merge, chosen among the selected events."""

    into = forms.ModelChoiceField(
        queryset=Event.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this event",
    )

    def __init__(self, *args: Any, events: QuerySet[Event], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["into"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = events


@admin.register(Event)
class EventAdmin(ReviewAdmin):
    evidence_model = EventSource
    evidence_fk = "event"
    evidence_span = ("start", "end")
    search_columns = EVENT_SEARCH_FIELDS
    publish_service = staticmethod(events_publish)
    reject_service = staticmethod(events_reject)
    ids_kwarg = "event_ids"
    editable_fields = EVENT_EDITABLE
    update_service = staticmethod(event_update)
    item_kwarg = "event"

    list_display = [
        "title",
        "type",
        "date_column",
        "confidence_column",
        "source_count",
        "evidence_column",
        "review_state",
        "created_at",
    ]
    list_filter = [
        ReviewStateFilter,
        "type",
        EntityFilter,
        OutletFilter,
        ("sort_date", admin.DateFieldListFilter),
        ConfidenceBandFilter,
        "status",
        "date_precision",
    ]
    search_fields = ["title", "summary"]  # shows the box; get_search_results does the work
    search_help_text = "Words from the title or summary (full-text on PostgreSQL)."
    actions = [*ReviewAdmin.actions, "merge_selected"]
    raw_id_fields = ["merged_into"]
    inlines = [EventSourceInline, EventEntityInline, EventStatementInline]
    history_list_display = ["review_state", "edited_fields"]
    fieldsets = [
        ("Event", {"fields": ["title", "summary", "type", "status"]}),
        (
            "Date",
            {"fields": [("date_start", "date_end"), "date_precision", "date_text", "date_value"]},
        ),
        (
            "Review",
            {
                "fields": [
                    "review_state",
                    "merged_into_link",
                    "confidence",
                    "source_count",
                    "provenance",
                ]
            },
        ),
        (
            "Machine data",
            {
                "classes": ["collapse"],
                "fields": [
                    "figures",
                    "extractor_version",
                    "dedupe_key",
                    "change_seq",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    readonly_fields = [
        "date_text",
        "date_value",
        "review_state",
        "merged_into_link",
        "confidence",
        "source_count",
        "provenance",
        "figures",
        "extractor_version",
        "dedupe_key",
        "change_seq",
        "created_at",
        "updated_at",
    ]

    @admin.display(description="merged into")
    def merged_into_link(self, obj: Event) -> SafeString | str:
        return admin_link(obj.merged_into)

    def save_related(
        self, request: HttpRequest, form: ModelForm[Event], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        # The actors inline writes link rows itself (plain admin formset); the service then
        # records the curation so re-extraction leaves the links alone.
        if getattr(request, "_timeline_service_error", None) is None and any(
            fs.model is EventEntity and fs.has_changed() for fs in formsets
        ):
            event_links_edited(event=form.instance)

    @admin.action(description="Merge selected events into one…", permissions=["change"])
    def merge_selected(
        self, request: HttpRequest, queryset: QuerySet[Event]
    ) -> TemplateResponse | None:
        selected = queryset.count()
        if selected < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        if selected > MAX_MERGE:
            # "Select all N" across pages would offer thousands of survivors on one page.
            self.message_user(
                request, f"Merge at most {MAX_MERGE} events at a time.", messages.WARNING
            )
            return None
        events = queryset.order_by("-source_count", "created_at", "id")
        form = MergeForm(request.POST if "post" in request.POST else None, events=events)
        if form.is_valid():
            into = form.cleaned_data["into"]
            try:
                survivor = events_merge(into=into, others=[e for e in events if e.pk != into.pk])
            except ServiceError as error:
                report_service_error(self, request, error, prefix="Not merged: ")
                return None
            self.message_user(
                request,
                format_html(
                    "{} event(s) merged into {} ({} sources).",
                    len(events) - 1,
                    admin_link(survivor),
                    survivor.source_count,
                ),
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "opts": self.model._meta,
            "form": form,
            "events": events,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action_name": "merge_selected",
        }
        return TemplateResponse(request, "admin/timeline/event/merge_selected.html", context)
