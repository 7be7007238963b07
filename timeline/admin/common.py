"""Building blocks shared by the curation admin: evidence highlighting, list filters, helpers.

Nothing here writes: actions live next to their ModelAdmin and delegate to `timeline.services`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString

from timeline.enums import ReviewState
from timeline.exceptions import ServiceError
from timeline.models import (
    Entity,
    EventEntity,
    EventSource,
    Outlet,
    StatementEntity,
    StatementSource,
)
from timeline.selectors.filters import text_search

#: Characters of context kept on each side of the span in list columns.
EVIDENCE_CONTEXT = 120

#: Confidence bands an editor thinks in; (lower bound inclusive, upper bound exclusive).
CONFIDENCE_BANDS: dict[str, tuple[str, float, float]] = {
    "low": ("Low (< 0.5)", 0.0, 0.5),
    "medium": ("Medium (0.5–0.8)", 0.5, 0.8),
    "high": ("High (≥ 0.8)", 0.8, 1.01),
}


def highlight(
    sentence: str, sentence_start: int, start: int, end: int, context: int | None = None
) -> SafeString:
    """The evidence sentence with the extracted span wrapped in <mark>, every part escaped.

    `start`/`end` are offsets in the article text and `sentence_start` is where the sentence
    begins, so the span inside the sentence is their difference (clipped: the stored sentence
    is whitespace-stripped and may be truncated, and a stale row must not break the page).
    With `context`, only that many characters around the span are kept (for list columns).
    """
    if not sentence:
        return format_html("<span class='quiet'>{}</span>", "(no sentence stored)")
    lo = min(max(start - sentence_start, 0), len(sentence))
    hi = min(max(end - sentence_start, lo), len(sentence))
    before, span, after = sentence[:lo], sentence[lo:hi], sentence[hi:]
    if context is not None:
        if len(before) > context:
            before = "…" + before[-context:]
        if len(after) > context:
            after = after[:context] + "…"
    return format_html("{}<mark>{}</mark>{}", before, span, after)


def admin_link(obj: Model | None, label: Any = None) -> SafeString | str:
    """Link to an object's admin change page (text only when there is no object)."""
    if obj is None:
        return "—"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label if label is not None else obj)


def report_service_error(
    modeladmin: admin.ModelAdmin[Any], request: HttpRequest, error: ServiceError, prefix: str = ""
) -> None:
    """Show a service refusal as an admin error message (detail may be a field → message map)."""
    detail = error.detail
    if isinstance(detail, dict):
        text = "; ".join(f"{field}: {message}" for field, message in detail.items())
    else:
        text = str(detail)
    modeladmin.message_user(request, f"{prefix}{text}", messages.ERROR)


def fulltext_search_results(
    queryset: QuerySet[Any], search_term: str, fields: tuple[str, ...]
) -> tuple[QuerySet[Any], bool]:
    """Admin search through the selectors' text search (GIN full-text index on PostgreSQL).

    The admin's default `icontains` over title/summary is a sequential scan of a million rows.
    """
    return text_search(queryset, search_term, fields), False


class CappedCountPaginator(Paginator):  # type: ignore[type-arg]
    """Counts at most COUNT_CAP + 1 rows: a list of "1001" means "more than 1000".

    The admin counts the filtered rows on every page view to draw the page links. On a million
    events a COUNT(*) under a selective filter (an outlet, a search word) scans the whole match
    set; `SELECT COUNT(*) FROM (… LIMIT 1001)` stops early (on the 1M-event bench database an
    outlet filter's count fell from ~1.1 s with a cap of 10 000 to ~0.45 s; bench/README.md).
    Editors narrow the filters rather than page 20 deep; older rows are reachable by narrowing
    or re-sorting.
    """

    COUNT_CAP = 1_000

    @cached_property
    def count(self) -> int:
        # No ORDER BY and only the key in the subquery: the count needs neither.
        queryset = cast(QuerySet[Any], self.object_list)
        capped = queryset.order_by().values("pk")[: self.COUNT_CAP + 1]
        return int(capped.count())


class ReadOnlyHistoryMixin:
    """simple-history's History page, without "revert".

    A revert saves a past version straight to the row, bypassing the services: edited fields,
    change numbers and merge bookkeeping would go stale. Hiding the button is not enough (the
    form still accepts a POST), so the POST is refused too.
    """

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(  # type: ignore[misc,no-any-return]
            request, object_id, version_id, extra_context
        )


class ReviewStateFilter(admin.SimpleListFilter):
    """Review state, defaulting to the queue (pending) so the changelist opens as a to-do list."""

    title = "review state"
    parameter_name = "review"
    default = ReviewState.PENDING.value
    everything = "all"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [*((s.value, s.label) for s in ReviewState), (self.everything, "All")]

    def value(self) -> str:
        return super().value() or self.default

    def choices(self, changelist: ChangeList) -> Iterator[Any]:
        # No "All" entry from Django: ours is an explicit value, since "no value" means pending.
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == self.everything:
            # Every state spelled out rather than no condition: it lets PostgreSQL use the
            # (review_state, sort_date, id) index for date-range filters on "all".
            return queryset.filter(review_state__in=ReviewState.values)
        return queryset.filter(review_state=self.value())


class ConfidenceBandFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(key, label) for key, (label, _, _) in CONFIDENCE_BANDS.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        band = CONFIDENCE_BANDS.get(self.value() or "")
        if band is None:
            return queryset
        _, low, high = band
        return queryset.filter(confidence__gte=low, confidence__lt=high)


class EntityFilter(admin.SimpleListFilter):
    """`?entity=<slug>`: items linked to that entity. Rendered as a search box with suggestions.

    A choice list of every entity would load the whole entity table on each page view, so the
    template offers a text box whose suggestions come from the entity admin's JSON endpoint.
    """

    title = "entity"
    parameter_name = "entity"
    template = "admin/timeline/entity_filter.html"
    link_model: type[EventEntity] | type[StatementEntity] = EventEntity
    link_field = "event_id"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return []  # no choice list on purpose (see the class docstring)

    def has_output(self) -> bool:
        return True

    def choices(self, changelist: ChangeList) -> Iterator[Any]:
        # The template builds the form; it needs the other active parameters to keep them.
        params = {k: v for k, v in changelist.params.items() if k != self.parameter_name}
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "All",
            "value": self.value() or "",
            "parameter_name": self.parameter_name,
            "params": params,
            "suggest_url": reverse("admin:timeline_entity_suggest"),
        }

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        slug = (self.value() or "").strip()
        if not slug:
            return queryset
        # Resolve the slug first: with a literal entity id PostgreSQL sees from its statistics
        # how many links a popular entity has (Zipf: one country links to a fifth of all
        # events) and walks the list's order index instead of sorting every linked event.
        entity_id = Entity.objects.filter(slug=slug).values_list("pk", flat=True).first()
        if entity_id is None:
            return queryset.none()
        links = self.link_model.objects.filter(entity_id=entity_id).values(self.link_field)
        return queryset.filter(pk__in=links)


class StatementEntityFilter(EntityFilter):
    link_model = StatementEntity
    link_field = "statement_id"


class OutletFilter(admin.SimpleListFilter):
    """Items with at least one source from an outlet (outlets are a short list)."""

    title = "outlet"
    parameter_name = "outlet"
    source_model: type[EventSource] | type[StatementSource] = EventSource
    source_fk = "event"
    max_choices = 200

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            (str(pk), name)
            for pk, name in Outlet.objects.order_by("name").values_list("pk", "name")[
                : self.max_choices
            ]
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if not value or not value.isdigit():
            return queryset
        # A semi-join (IN) rather than a join: an item with three sources from one outlet stays
        # one row, and PostgreSQL can start from the outlet's articles (article → source index).
        sources = self.source_model.objects.filter(article__outlet_id=int(value))
        return queryset.filter(pk__in=sources.values(f"{self.source_fk}_id"))


class StatementOutletFilter(OutletFilter):
    source_model = StatementSource
    source_fk = "statement"
