"""Shared view plumbing: permissions, links, conditional GET, list/detail over selectors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponseBase
from django.utils.cache import get_conditional_response, set_response_etag
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from timeline.api import conditional
from timeline.api.pagination import Keyset, KeysetPagination
from timeline.api.permissions import ActionPermission
from timeline.api.representations import Links
from timeline.api.schema import TimelineAutoSchema


class TimelineViewSetMixin:
    """Every Timeline viewset: action permissions, our schema, absolute links per request."""

    permission_classes = [ActionPermission]
    schema = TimelineAutoSchema()
    request: Request
    action: str | None

    def links(self) -> Links:
        cached: Links | None = getattr(self, "_links", None)
        if cached is None:
            cached = self._links = Links.for_request(self.request)
        return cached


class ConditionalMixin(TimelineViewSetMixin):
    """Lists and details of timeline items: 304 decided from the change mark, before queries.

    Only for resources whose content moves the global change number (events, statements and
    the merged timeline); others use `ContentETagMixin`.
    """

    conditional = True
    # Actions answering GETs through `conditional_response`: AnonymousNotModifiedMiddleware
    # may answer their anonymous 304s early (api/middleware.py).
    conditional_actions: tuple[str, ...] = ("list", "retrieve")

    def conditional_response(
        self, request: Request, build: Callable[[], Response]
    ) -> HttpResponseBase:
        validators = conditional.validators_for(
            request, user=request.user, scope=str(getattr(self, "basename", ""))
        )
        if conditional.is_not_modified(request, validators):
            return conditional.not_modified_response(validators, user=request.user)
        response = build()
        if response.status_code == 200:
            conditional.apply_cache_headers(response, validators, user=request.user)
        return response


class ContentETagMixin(TimelineViewSetMixin):
    """Resources without a change number: ETag from the body (saves bandwidth, not work)."""

    conditional = False

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(
            request,
            response,
            *args,  # type: ignore[misc]
            **kwargs,
        )
        if request.method == "GET" and response.status_code == 200:
            response.render()
            set_response_etag(response)
            conditional.apply_cache_headers(response, None, user=request.user)
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


class SelectorListMixin(viewsets.GenericViewSet):  # type: ignore[type-arg]
    """list/retrieve over `get_queryset()` (a selector), keyset-paginated, hand-represented."""

    pagination_class = KeysetPagination
    lookup_value_regex = "[0-9]+"
    keyset: Keyset

    def get_keyset(self) -> Keyset:
        return self.keyset

    def represent(self, obj: Any) -> dict[str, Any]:
        raise NotImplementedError

    def filter_queryset(self, queryset: Any) -> Any:
        # Filters apply to lists only: a detail URL names one item whatever the query says.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def load_rows(self, ids: list[int]) -> dict[int, Any] | None:
        """Rows to represent instead of the model instances (None: use the instances)."""
        return None

    def list_response(self, request: Request) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        if getattr(self, "lean_keys", False):
            # Rows come from load_rows(): the page query only needs the keyset columns.
            queryset = queryset.only("id", *(name for name, _ in self.get_keyset().fields))
        paginator: KeysetPagination = self.paginator  # type: ignore[assignment]
        page = paginator.paginate_queryset(queryset, request, view=self)
        rows = self.load_rows([obj.pk for obj in page])
        objects = page if rows is None else [rows[obj.pk] for obj in page if obj.pk in rows]
        return Response(paginator.envelope([self.represent(obj) for obj in objects]))

    def detail_response(self) -> Response:
        obj = self.get_object()
        rows = self.load_rows([obj.pk])
        return Response(self.represent(obj if rows is None else rows[obj.pk]))
