"""/api/v1/timeline/: events and statements merged in date order, the main thing pollers read."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from timeline.api import representations as rep
from timeline.api.filters import TimelineFilterSet, timeline_filter_from_query
from timeline.api.pagination import Cursor, page_link, page_params
from timeline.api.schema import ORDER_PARAMETER, PAGE_OPENAPI_PARAMETERS, filter_parameters
from timeline.api.serializers import EventOutputSerializer, StatementOutputSerializer
from timeline.api.views.base import ConditionalMixin
from timeline.selectors.rows import load_item_rows
from timeline.selectors.timeline import (
    TimelineKey,
    TimelinePage,
    timeline_changes_page,
    timeline_page,
)


class TimelinePageSerializer(serializers.Serializer[Any]):
    next = serializers.URLField(allow_null=True, help_text="The next page; null at the end.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page.")
    results = PolymorphicProxySerializer(
        component_name="TimelineItem",
        serializers={"event": EventOutputSerializer, "statement": StatementOutputSerializer},
        resource_type_field_name="kind",
        many=True,
    )


_DESCRIPTION = """Events and statements merged in date order (`sort_date`, then events
before statements, then id); each item says its `kind`. Keyset-paged: follow `next` /
`previous` (opaque cursors); `order=desc` for newest first.

With `updated_since=N` the page lists items changed after change number N, oldest change first
(date order does not apply): pollers keep the largest `change_seq` they saw and ask again.

Conditional GET: send the `ETag` back as `If-None-Match` and get `304 Not Modified` while
nothing changed (one primary-key lookup on the server)."""


@extend_schema(
    summary="The timeline: events and statements merged in date order",
    description=_DESCRIPTION,
    parameters=[*filter_parameters(TimelineFilterSet), ORDER_PARAMETER, *PAGE_OPENAPI_PARAMETERS],
    responses=TimelinePageSerializer,
)
class TimelineViewSet(ConditionalMixin, viewsets.ViewSet):
    filter_backends: list[Any] = []
    schema_is_list = False  # the response is the page envelope (see TimelineAutoSchema)

    def list(self, request: Request) -> HttpResponseBase:
        return self.conditional_response(request, lambda: self._page(request))

    def _page(self, request: Request) -> Response:
        params = page_params(request)
        filters = timeline_filter_from_query(request.query_params, request=request)
        cursor = params.cursor
        order = "T" if params.descending else "t"
        try:
            if filters.updated_since is not None:
                if cursor is not None and (cursor.tag != "c" or cursor.direction != "n"):
                    raise ValueError("cursor of another ordering")
                after_seq = int(cursor.values[0]) if cursor is not None else None
                page = timeline_changes_page(
                    filters=filters,
                    user=request.user,
                    first=params.page_size,
                    after_seq=after_seq,
                    loader=load_item_rows,
                )
            else:
                if cursor is not None and cursor.tag != order:
                    raise ValueError("cursor of another ordering")
                key = TimelineKey.decode(cursor.values[0]) if cursor is not None else None
                backwards = cursor is not None and cursor.direction == "p"
                page = timeline_page(
                    filters=filters,
                    user=request.user,
                    first=params.page_size,
                    after=None if backwards else key,
                    before=key if backwards else None,
                    descending=params.descending,
                    loader=load_item_rows,
                )
        except (ValueError, IndexError) as exc:
            raise ValidationError({"cursor": ["Invalid cursor."]}) from exc
        links = rep.Links.for_request(request)
        return Response(
            {
                "next": page_link(request, self._cursor(page, "n", filters.updated_since, order)),
                "previous": page_link(
                    request, self._cursor(page, "p", filters.updated_since, order)
                ),
                "results": [rep.timeline_item(item.kind, item.item, links) for item in page.items],
            }
        )

    @staticmethod
    def _cursor(
        page: TimelinePage, direction: str, updated_since: int | None, order: str
    ) -> Cursor | None:
        if not page.items:
            return None
        if updated_since is not None:
            last = page.items[-1].item["change_seq"]
            if direction == "n" and page.has_next and last is not None:
                return Cursor("n", "c", (str(last),))
            return None  # change feeds only go forward
        if direction == "n":
            return Cursor("n", order, (page.end_cursor,)) if page.has_next else None  # type: ignore[arg-type]
        return Cursor("p", order, (page.start_cursor,)) if page.has_previous else None  # type: ignore[arg-type]
