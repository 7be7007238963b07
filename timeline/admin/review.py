"""The review queue shared by events and statements: evidence column and bulk actions.

Actions are thin: they turn the selection into ids or rows, call one service and report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from timeline.admin.common import (
    EVIDENCE_CONTEXT,
    CappedCountPaginator,
    ReadOnlyHistoryMixin,
    fulltext_search_results,
    highlight,
    report_service_error,
)
from timeline.exceptions import ServiceError
from timeline.models import Article
from timeline.services.articles import article_reextract


class EvidenceChangeList(ChangeList):
    """A changelist that shows each row's first evidence span without one query per row.

    Once the page is known, one query finds each row's oldest source (a correlated subquery
    on the source table's (item, …) index, run for the page's rows only) and one loads those
    sources, attached as `obj.evidence`. Annotating the list query itself would be simpler
    but PostgreSQL evaluates select-list subqueries before a sort that no index provides
    (e.g. "order by confidence"), i.e. once per matching row instead of once per shown row.
    """

    def get_results(self, request: HttpRequest) -> None:
        super().get_results(request)
        rows = list(self.result_list)  # evaluates (and caches) the page once
        admin_: ReviewAdmin = self.model_admin  # type: ignore[assignment]
        first = (
            admin_.evidence_model._default_manager.filter(**{admin_.evidence_fk: OuterRef("pk")})
            .order_by("created_at", "id")
            .values("pk")[:1]
        )
        evidence_ids = dict(
            self.model._default_manager.filter(pk__in=[row.pk for row in rows])
            .annotate(evidence_id=Subquery(first))
            .values_list("pk", "evidence_id")
        )
        sources = admin_.evidence_model._default_manager.in_bulk(
            [pk for pk in evidence_ids.values() if pk is not None]
        )
        for row in rows:
            row.evidence = sources.get(evidence_ids.get(row.pk))


MACHINE_BADGE = "machine-made"
EDITED_BADGE = "✎ edited by an editor: re-extraction will not overwrite it"


class ReviewAdmin(ReadOnlyHistoryMixin, SimpleHistoryAdmin):  # type: ignore[misc]
    """Common behaviour of the event and statement admins (the two review queues)."""

    evidence_model: ClassVar[type[Model]]
    evidence_fk: ClassVar[str]
    evidence_span: ClassVar[tuple[str, str]]
    search_columns: ClassVar[tuple[str, ...]]
    #: The services behind the publish/reject actions (staticmethods taking a list of ids).
    publish_service: Callable[..., int]
    reject_service: Callable[..., int]
    ids_kwarg: ClassVar[str]
    #: The fields the update service accepts, and the service itself (a staticmethod called
    #: as `update_service(<item_kwarg>=obj, **changes)`).
    editable_fields: ClassVar[tuple[str, ...]]
    update_service: Callable[..., Any]
    item_kwarg: ClassVar[str]

    # Large tables: no COUNT(*) of the unfiltered table, no facet counts, no date drill-down
    # (date_hierarchy runs a DISTINCT over the filtered rows on every page view).
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = CappedCountPaginator
    list_per_page = 50
    ordering = ["-created_at", "-id"]
    actions = ["publish_selected", "reject_selected", "reextract_selected"]

    def get_ordering(self, request: HttpRequest) -> list[str] | tuple[str, ...]:
        # Filtered to a date range, the list reads best in date order, and that order is the
        # (review_state, sort_date, id) index; newest-created-first would walk the created_at
        # index past every row outside the range (seconds on a million rows).
        if any(key.startswith("sort_date__") for key in request.GET):
            return ["-sort_date", "-id"]
        ordering: list[str] | tuple[str, ...] = super().get_ordering(request)
        return ordering

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return EvidenceChangeList

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        return fulltext_search_results(queryset, search_term, self.search_columns)

    # Machine output is never created or deleted by hand: editors reject or merge instead,
    # which keeps the record (and the feed's change numbers) intact.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> type[ModelForm[Any]]:
        form: type[ModelForm[Any]] = super().get_form(request, obj, change=change, **kwargs)
        # A badge under each editable field: editors see at a glance what machines made.
        edited = set(obj.edited_fields) if obj else set()
        for name in self.editable_fields:
            if name in form.base_fields:
                form.base_fields[name].help_text = EDITED_BADGE if name in edited else MACHINE_BADGE
        return form

    @admin.display(description="provenance")
    def provenance(self, obj: Any) -> SafeString:
        edited = set(obj.edited_fields)
        badges = [
            ("edited", "edited by an editor", f"✎ {name}")
            if name in edited
            else ("machine", "machine-made", name)
            for name in self.editable_fields
        ]
        extra = sorted(edited - set(self.editable_fields))  # e.g. "entities" (links)
        badges += [("edited", "edited by an editor", f"✎ {name}") for name in extra]
        return format_html_join(" ", '<span class="provenance {}" title="{}">{}</span>', badges)

    def save_model(
        self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool
    ) -> None:
        # Thin on purpose: only the fields the editor changed go to the service, which records
        # them as edited ("curator wins"), validates, and moves the change number.
        changes = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in self.editable_fields
        }
        if not changes:
            return
        try:
            self.update_service(**{self.item_kwarg: obj}, **changes)
        except ServiceError as error:
            # Raised after the form validated (e.g. a concurrent edit): reported by
            # response_change instead of a server error.
            request._timeline_service_error = error  # type: ignore[attr-defined]

    def save_related(
        self, request: HttpRequest, form: ModelForm[Any], formsets: Any, change: bool
    ) -> None:
        if getattr(request, "_timeline_service_error", None) is None:
            super().save_related(request, form, formsets, change)

    def response_change(self, request: HttpRequest, obj: Any) -> HttpResponse:
        error = getattr(request, "_timeline_service_error", None)
        if error is not None:
            report_service_error(self, request, error, prefix="Not saved: ")
            return HttpResponseRedirect(request.path)
        response: HttpResponse = super().response_change(request, obj)
        return response

    @admin.display(description="evidence")
    def evidence_column(self, obj: Any) -> SafeString | str:
        source = getattr(obj, "evidence", None)
        if source is None:
            return "—"
        start, end = (getattr(source, name) for name in self.evidence_span)
        return highlight(
            source.sentence, source.sentence_start, start, end, context=EVIDENCE_CONTEXT
        )

    @admin.display(description="date", ordering="sort_date")
    def date_column(self, obj: Any) -> str:
        if obj.date_start is None:
            return f"undated (reported {obj.sort_date:%Y-%m-%d})"
        if obj.date_end and obj.date_end != obj.date_start:
            return f"{obj.date_start:%Y-%m-%d} – {obj.date_end:%Y-%m-%d} ({obj.date_precision})"
        return f"{obj.date_start:%Y-%m-%d} ({obj.date_precision})"

    @admin.display(description="conf.", ordering="confidence")
    def confidence_column(self, obj: Any) -> str:
        return f"{obj.confidence:.2f}"

    def _ids(self, queryset: QuerySet[Any]) -> list[int]:
        return list(queryset.values_list("pk", flat=True))

    def _run_state_service(
        self, request: HttpRequest, queryset: QuerySet[Any], service: Callable[..., int], verb: str
    ) -> None:
        ids = self._ids(queryset)
        try:
            changed = service(**{self.ids_kwarg: ids})
        except ServiceError as error:
            self.message_user(request, f"Nothing {verb}: {error.detail}", messages.ERROR)
            return
        skipped = len(ids) - changed
        note = f" ({skipped} merged item(s) left alone)" if skipped else ""
        self.message_user(request, f"{changed} item(s) {verb}{note}.", messages.SUCCESS)

    @admin.action(description="Publish selected", permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._run_state_service(request, queryset, self.publish_service, "published")

    @admin.action(description="Reject selected", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._run_state_service(request, queryset, self.reject_service, "rejected")

    @admin.action(description="Re-run extraction of their articles", permissions=["change"])
    def reextract_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        articles = Article.objects.filter(
            pk__in=self.evidence_model._default_manager.filter(
                **{f"{self.evidence_fk}__in": queryset.values("pk")}
            ).values("article_id")
        )
        reextract_articles(self, request, articles)


def reextract_articles(
    modeladmin: admin.ModelAdmin[Any],
    request: HttpRequest,
    articles: QuerySet[Article] | Sequence[Article],
) -> None:
    """Queue each article for re-extraction through the service and say what happened."""
    queued, busy = 0, 0
    for article in articles:
        if article_reextract(article=article):
            queued += 1
        else:
            busy += 1
    if queued:
        modeladmin.message_user(
            request,
            f"{queued} article(s) queued for re-extraction; edited fields will be kept.",
            messages.SUCCESS,
        )
    if busy:
        modeladmin.message_user(
            request, f"{busy} article(s) already in progress, left alone.", messages.WARNING
        )
    if not queued and not busy:
        modeladmin.message_user(request, "No source articles found.", messages.WARNING)
