"""What every outgoing feed shares: the REST filter vocabulary, conditional GET, the items.

Feeds list the newest items on the timeline (by date, `order=desc` semantics) or, with
`updated_since`, the items changed after a change number; `page_size` caps them (default 50,
max 200). Bad parameters answer 400 with the API's JSON error shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.views.decorators.http import require_safe
from rest_framework.exceptions import ValidationError

from timeline.api import conditional
from timeline.api.errors import error_body
from timeline.api.filters import timeline_filter_from_query
from timeline.api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from timeline.api.representations import Links
from timeline.models import Event, Statement
from timeline.selectors.filters import TimelineFilter
from timeline.selectors.timeline import TimelineItem, timeline_changes_page, timeline_page


@dataclass(frozen=True, slots=True)
class FeedContext:
    request: HttpRequest
    links: Links
    filters: TimelineFilter
    items: list[TimelineItem]

    @property
    def self_url(self) -> str:
        return self.request.build_absolute_uri()

    @property
    def api_url(self) -> str:
        """The same query on the REST timeline (the feed's alternate link)."""
        return self.links.timeline(self.request.GET.urlencode())


def _page_size(request: HttpRequest) -> int:
    raw = request.GET.get("page_size", "")
    if not raw:
        return DEFAULT_PAGE_SIZE
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"An integer from 1 to {MAX_PAGE_SIZE}."]})
    return int(raw)


def load_items(request: HttpRequest, filters: TimelineFilter) -> list[TimelineItem]:
    first = _page_size(request)
    if filters.updated_since is not None:
        page = timeline_changes_page(filters=filters, user=request.user, first=first)
    else:
        page = timeline_page(filters=filters, user=request.user, first=first, descending=True)
    return page.items


def feed_view(
    scope: str,
    render: Callable[[FeedContext], HttpResponse],
    *,
    adjust: Callable[[TimelineFilter], TimelineFilter] | None = None,
) -> Callable[[HttpRequest], HttpResponseBase]:
    """A GET/HEAD view: 304 from the change mark first, then filters, items and `render`."""

    @require_safe
    def view(request: HttpRequest) -> HttpResponseBase:
        user = request.user
        validators = conditional.validators_for(request, user=user, scope=scope)
        if conditional.is_not_modified(request, validators):
            return conditional.not_modified_response(validators, user=user)
        try:
            filters = timeline_filter_from_query(request.GET, request=request)
            if adjust is not None:
                filters = adjust(filters)
            items = load_items(request, filters)
        except ValidationError as exc:
            fields = (
                exc.detail
                if isinstance(exc.detail, dict)
                else {"non_field_errors": [str(exc.detail)]}
            )
            return JsonResponse(error_body(400, "invalid", "Invalid input.", fields), status=400)
        response = render(FeedContext(request, Links.for_request(request), filters, items))
        conditional.apply_cache_headers(response, validators, user=user)
        return response

    view.__name__ = f"feed_{scope}"
    return conditional.conditional_view(scope)(view)


def item_title(kind: str, item: Event | Statement) -> str:
    if isinstance(item, Event):
        return item.title
    quote = item.quote if len(item.quote) <= 120 else item.quote[:119].rstrip() + "…"
    return f"{item.speaker_text}: “{quote}”"


def item_text(kind: str, item: Event | Statement) -> str:
    """Plain-text body: what, when (as written), how many sources."""
    when = item.date_text or (item.date_start.isoformat() if item.date_start else "")
    if isinstance(item, Event):
        parts = [item.summary or item.title]
    else:
        who = item.speaker_text + (f", {item.speaker_title}" if item.speaker_title else "")
        parts = [f"{who}: “{item.quote}”"]
    if when:
        parts.append(f"Date: {when} ({item.date_precision}).")
    parts.append(f"Sources: {item.source_count}.")
    return "\n".join(parts)


def item_url(kind: str, item: Event | Statement, links: Links) -> str:
    return links.event(item.pk) if kind == "event" else links.statement(item.pk)


def item_sources(item: Event | Statement) -> list[dict[str, Any]]:
    """Source articles of an item (prefetched), one per article, in evidence order."""
    seen: dict[int, dict[str, Any]] = {}
    for source in item.sources.all():
        article = source.article
        if article.pk not in seen and article.url:
            seen[article.pk] = {
                "url": article.url,
                "title": article.title,
                "outlet": article.outlet.name if article.outlet else "",
            }
    return list(seen.values())


def item_tags(kind: str, item: Event | Statement) -> list[str]:
    links = item.event_entities.all() if isinstance(item, Event) else item.statement_entities.all()
    tags = [item.type] if isinstance(item, Event) else [kind]
    return tags + [link.entity.slug for link in links]
