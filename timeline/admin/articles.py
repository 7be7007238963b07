"""Outlets, feeds (poll state and errors) and articles (status, extracted items, re-runs)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST

from timeline.admin.common import CappedCountPaginator, report_service_error
from timeline.admin.review import reextract_articles
from timeline.enums import ArticleStatus
from timeline.exceptions import ServiceError
from timeline.models import Article, Event, Feed, Outlet, Statement
from timeline.services.articles import article_refetch

#: Extracted items listed on an article's page (the rest are reachable through the filters).
ITEMS_SHOWN = 50


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin[Outlet]):
    list_display = ["name", "domain", "homepage", "created_at"]
    search_fields = ["name", "domain"]


class FailingFilter(admin.SimpleListFilter):
    title = "health"
    parameter_name = "health"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("failing", "Failing (last poll errored)"), ("ok", "OK")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Feed]) -> QuerySet[Feed]:
        if self.value() == "failing":
            return queryset.filter(failure_count__gt=0)
        if self.value() == "ok":
            return queryset.filter(failure_count=0)
        return queryset


class ErrorReasonFilter(admin.SimpleListFilter):
    """Error codes of failed articles: DISTINCT over the failed ones only (a short list).

    Django's default field filter would run DISTINCT over every article on each page view.
    """

    title = "error reason"
    parameter_name = "error_reason"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        reasons = (
            Article.objects.filter(status=ArticleStatus.FAILED)
            .exclude(error_reason="")
            .order_by("error_reason")
            .values_list("error_reason", flat=True)
            .distinct()[:100]
        )
        return [(reason, reason) for reason in reasons]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        value = self.value()
        return queryset.filter(error_reason=value) if value else queryset


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin[Feed]):
    list_display = [
        "__str__",
        "outlet",
        "active",
        "poll_interval_seconds",
        "next_poll_at",
        "last_polled_at",
        "last_success_at",
        "failure_count",
        "error_excerpt",
        "entries_seen",
    ]
    list_filter = ["active", FailingFilter, "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["url", "title"]
    autocomplete_fields = ["outlet"]
    fieldsets = [
        ("Feed", {"fields": ["url", "title", "outlet", "active", "poll_interval_seconds"]}),
        (
            "Poll state",
            {
                "fields": [
                    "next_poll_at",
                    "last_polled_at",
                    "last_success_at",
                    "failure_count",
                    "last_error",
                    "entries_seen",
                    "etag",
                    "last_modified",
                ]
            },
        ),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "last_success_at",
        "failure_count",
        "last_error",
        "entries_seen",
        "created_at",
        "updated_at",
    ]

    @admin.display(description="last error")
    def error_excerpt(self, obj: Feed) -> str:
        return (obj.last_error[:80] + "…") if len(obj.last_error) > 80 else obj.last_error


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = [
        "__str__",
        "outlet",
        "status",
        "error_reason",
        "published_at",
        "language",
        "attempts",
        "created_at",
    ]
    list_filter = ["status", ErrorReasonFilter, "origin", "date_source", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "canonical_url"]
    raw_id_fields = ["feed", "duplicate_of", "submitted_by"]
    autocomplete_fields = ["outlet"]
    actions = ["reextract_selected", "refetch_selected"]
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = CappedCountPaginator
    change_form_template = "admin/timeline/article/change_form.html"
    fieldsets = [
        (
            "Article",
            {
                "fields": [
                    "title",
                    "url",
                    "canonical_url",
                    "outlet",
                    "feed",
                    "author",
                    "published_at",
                    "date_source",
                    "language",
                    "origin",
                ]
            },
        ),
        (
            "Processing",
            {
                "fields": [
                    "status",
                    "error_reason",
                    "error_message",
                    "attempts",
                    "status_changed_at",
                    "fetched_at",
                    "extracted_at",
                    "extractor_version",
                    "duplicate_of",
                ]
            },
        ),
        ("Extracted items", {"fields": ["extracted_events", "extracted_statements"]}),
        ("Text", {"classes": ["collapse"], "fields": ["text"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [
                    "url_hash",
                    "canonical_url_hash",
                    "content_hash",
                    "submitted_by",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    # Processing state belongs to the pipeline: editors re-run it with the buttons instead.
    readonly_fields = [
        "url",
        "canonical_url",
        "origin",
        "status",
        "error_reason",
        "error_message",
        "attempts",
        "status_changed_at",
        "fetched_at",
        "extracted_at",
        "extractor_version",
        "duplicate_of",
        "text",
        "extracted_events",
        "extracted_statements",
        "url_hash",
        "canonical_url_hash",
        "content_hash",
        "submitted_by",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles come in through submission and feeds (services.articles)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # it is the provenance of every event and statement it produced

    def _items(self, model: type[Event] | type[Statement], obj: Article) -> SafeString | str:
        items = list(
            model.objects.filter(sources__article=obj)
            .distinct()
            .order_by("sort_date", "id")[: ITEMS_SHOWN + 1]
        )
        if not items:
            return "—"
        opts = model._meta
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a> <span class="quiet">({})</span></li>',
            (
                (
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[i.pk]),
                    str(i)[:120],
                    i.get_review_state_display(),
                )
                for i in items[:ITEMS_SHOWN]
            ),
        )
        more = ""
        if len(items) > ITEMS_SHOWN:
            more = format_html("<li>… and more</li>")
        return format_html('<ul style="margin-left:0">{}{}</ul>', rows, more)

    @admin.display(description="events")
    def extracted_events(self, obj: Article) -> SafeString | str:
        return self._items(Event, obj)

    @admin.display(description="statements")
    def extracted_statements(self, obj: Article) -> SafeString | str:
        return self._items(Statement, obj)

    @admin.action(description="Re-run extraction (edited fields are kept)", permissions=["change"])
    def reextract_selected(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        reextract_articles(self, request, queryset)

    @admin.action(description="Refetch from the web, then extract", permissions=["change"])
    def refetch_selected(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        queued, busy = 0, 0
        for article in queryset:
            try:
                if article_refetch(article=article):
                    queued += 1
                else:
                    busy += 1
            except ServiceError as error:
                report_service_error(self, request, error, prefix=f"{article}: ")
        if queued:
            self.message_user(
                request, f"{queued} article(s) queued for refetching.", messages.SUCCESS
            )
        if busy:
            self.message_user(
                request, f"{busy} article(s) already in progress, left alone.", messages.WARNING
            )

    # --- object-tools buttons on the article page -------------------------------------------

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        # State changes: POST only (CSRF-protected), never on a GET a crawler could follow.
        extra = [
            path(
                "<path:object_id>/reextract/",
                self.admin_site.admin_view(require_POST(self.reextract_view)),
                name="{}_{}_reextract".format(*info),
            ),
            path(
                "<path:object_id>/refetch/",
                self.admin_site.admin_view(require_POST(self.refetch_view)),
                name="{}_{}_refetch".format(*info),
            ),
        ]
        return extra + super().get_urls()

    def _button_target(self, request: HttpRequest, object_id: str) -> Article:
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def _back(self, article: Article) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:timeline_article_change", args=[article.pk]))

    def reextract_view(self, request: HttpRequest, object_id: str) -> HttpResponseRedirect:
        article = self._button_target(request, object_id)
        reextract_articles(self, request, [article])
        return self._back(article)

    def refetch_view(self, request: HttpRequest, object_id: str) -> HttpResponseRedirect:
        article = self._button_target(request, object_id)
        self.refetch_selected(request, self.get_queryset(request).filter(pk=article.pk))
        return self._back(article)
