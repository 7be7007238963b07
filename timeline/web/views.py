"""The public timeline page, the entity page and the TimelineJS export.

The pages are server-rendered shells (header, filters, an empty <ol>); the browser fills the
timeline from our own GraphQL API (static/web/app.js). The export reads through the selectors
with the REST API's filter parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe
from rest_framework.exceptions import ValidationError

from timeline.api import conditional
from timeline.api.errors import error_body
from timeline.api.filters import timeline_filter_from_query
from timeline.enums import EventType
from timeline.models import Entity
from timeline.selectors.entities import entity_counts, entity_get, entity_list
from timeline.selectors.filters import TimelineFilter
from timeline.selectors.timeline import MAX_PAGE, TimelineItem, TimelineKey, timeline_page
from timeline.web.timelinejs import describe_filters, timelinejs_document

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Items per GraphQL request from the page.
PAGE_SIZE = 25
# The export is for dropping into a newsroom tool, not for mirroring the database.
EXPORT_MAX_ITEMS = 1000


@dataclass(frozen=True, slots=True)
class FormState:
    """What the filter form shows, straight from the query string (validated separately)."""

    q: str = ""
    types: tuple[str, ...] = ()
    kind: str = ""
    date_from: str = ""
    date_to: str = ""
    entities: tuple[Entity, ...] = ()
    errors: dict[str, list[str]] = field(default_factory=dict)


def _values(request: HttpRequest, key: str) -> list[str]:
    return [part.strip() for raw in request.GET.getlist(key) for part in raw.split(",") if part]


def error_fields(exc: ValidationError) -> dict[str, list[str]]:
    """{parameter: [messages]} from the shared parser's ValidationError."""
    detail: Any = exc.detail
    if not isinstance(detail, dict):
        return {
            "non_field_errors": [str(m) for m in (detail if isinstance(detail, list) else [detail])]
        }
    return {
        key: [str(m) for m in (messages if isinstance(messages, list) else [messages])]
        for key, messages in detail.items()
    }


def _iso_day(value: str) -> str:
    """The value if a date input can show it (yyyy-mm-dd), else "" (the error says why)."""
    return value if ISO_DAY.fullmatch(value) else ""


def _form_state(request: HttpRequest) -> FormState:
    errors: dict[str, list[str]] = {}
    try:
        filters = timeline_filter_from_query(request.GET, request=request)
    except ValidationError as exc:
        errors = error_fields(exc)
        filters = TimelineFilter()
    slugs = filters.entities
    known = {e.slug: e for e in entity_list().filter(slug__in=slugs)} if slugs else {}
    return FormState(
        q=request.GET.get("q", ""),
        types=tuple(_values(request, "type")),
        kind=request.GET.get("kind", ""),
        date_from=_iso_day(request.GET.get("date_from", "")),
        date_to=_iso_day(request.GET.get("date_to", "")),
        entities=tuple(known[slug] for slug in slugs if slug in known),
        errors=errors,
    )


def _page_config(request: HttpRequest, *, fixed_entity: str = "") -> dict[str, Any]:
    """The JSON config block the page script reads (the only inline script: not executable)."""
    return {
        "graphqlUrl": reverse("graphql"),
        "iconsUrl": static("web/icons.svg"),
        # Anonymous reads need no token; a signed-in editor's session POST does (see
        # timeline/graphql/views.py), so the page always carries one.
        "csrfToken": get_token(request),
        "pageSize": PAGE_SIZE,
        "fixedEntity": fixed_entity,
        "entityUrl": reverse("web-entity", args=["__slug__"]),
        "types": dict(EventType.choices),
    }


def _shell_context(request: HttpRequest, *, fixed_entity: str = "") -> dict[str, Any]:
    params = request.GET.copy()
    if fixed_entity:
        params.setlist("entity", [fixed_entity])
    query = f"?{params.urlencode()}" if params else ""
    return {
        "form": _form_state(request),
        "event_types": EventType.choices,
        "config": _page_config(request, fixed_entity=fixed_entity),
        "export_url": reverse("web-timelinejs") + query,
        "atom_url": reverse("feed-atom") + query,
    }


@require_safe
def timeline_view(request: HttpRequest) -> HttpResponse:
    """`/`: the whole timeline, filtered by the query string."""
    return render(request, "web/timeline.html", _shell_context(request))


@require_safe
def entity_view(request: HttpRequest, slug: str) -> HttpResponse:
    """`/entities/<slug>`: aliases, counts and the entity's own timeline (404 if unknown)."""
    entity = entity_get(slug=slug)
    if entity is None:
        return render(request, "web/404.html", {"slug": slug}, status=404)
    if entity.merged_into is not None:
        target = reverse("web-entity", args=[entity.merged_into.slug])
        query = request.GET.urlencode()
        return redirect(f"{target}?{query}" if query else target)
    context = _shell_context(request, fixed_entity=entity.slug)
    context.update(
        entity=entity,
        aliases=sorted({a.alias for a in entity.aliases.all()} - {entity.name}, key=str.lower),
        counts=entity_counts(entity=entity, user=request.user),
        timeline_heading=f"Timeline of {entity.name}",
    )
    return render(request, "web/entity.html", context)


def _export_items(request: HttpRequest, filters: TimelineFilter) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    after: TimelineKey | None = None
    while len(items) < EXPORT_MAX_ITEMS:
        page = timeline_page(
            filters=filters,
            user=request.user,
            first=min(MAX_PAGE, EXPORT_MAX_ITEMS - len(items)),
            after=after,
        )
        items.extend(page.items)
        if not page.has_next or not page.items:
            break
        after = page.items[-1].key
    return items


@conditional.conditional_view("timelinejs")
@require_safe
def timelinejs_view(request: HttpRequest) -> HttpResponseBase:
    """`/feeds/timeline.timelinejs.json`: the filtered timeline (oldest first) for TimelineJS3.

    Takes the REST API's filter parameters; at most EXPORT_MAX_ITEMS items. Bad parameters
    answer 400 with the API's JSON error shape; ETag/Last-Modified as on the other feeds.
    """
    user = request.user
    validators = conditional.validators_for(request, user=user, scope="timelinejs")
    if conditional.is_not_modified(request, validators):
        return conditional.not_modified_response(validators, user=user)
    try:
        filters = timeline_filter_from_query(request.GET, request=request)
    except ValidationError as exc:
        fields = error_fields(exc)
        return JsonResponse(error_body(400, "invalid", "Invalid input.", fields), status=400)
    items = _export_items(request, filters)
    document = timelinejs_document(
        items,
        title="Timeline",
        subtitle=describe_filters({key: _values(request, key) for key in request.GET}),
    )
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    conditional.apply_cache_headers(response, validators, user=user)
    return response
