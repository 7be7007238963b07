"""/api/v1/outlets/ (public) and /api/v1/feeds/ (staff: the RSS/Atom feeds we poll)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from timeline.api import representations as rep
from timeline.api.inputs import FeedCreateInputSerializer, FeedUpdateInputSerializer
from timeline.api.pagination import BY_NAME, NEWEST_FIRST
from timeline.api.serializers import FeedOutputSerializer, OutletOutputSerializer
from timeline.api.views.base import ContentETagMixin, SelectorListMixin
from timeline.models import Feed, Outlet
from timeline.selectors.articles import feed_list, outlet_list
from timeline.services.feeds import feed_create, feed_update


@extend_schema_view(
    list=extend_schema(summary="List outlets"), retrieve=extend_schema(summary="One outlet")
)
class OutletViewSet(ContentETagMixin, SelectorListMixin):
    serializer_class = OutletOutputSerializer
    keyset = BY_NAME
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return outlet_list()

    def represent(self, obj: Outlet) -> dict[str, Any]:
        return rep.outlet(obj, self.links())

    def list(self, request: Request) -> Response:
        return self.list_response(request)

    def retrieve(self, request: Request, pk: str) -> Response:
        return self.detail_response()


@extend_schema_view(
    list=extend_schema(summary="List polled feeds (staff)"),
    retrieve=extend_schema(summary="One polled feed (staff)"),
)
class FeedViewSet(ContentETagMixin, SelectorListMixin):
    serializer_class = FeedOutputSerializer
    keyset = NEWEST_FIRST
    filter_backends: list[Any] = []
    staff_only = True
    action_permissions = {
        "create": ("timeline.add_feed",),
        "partial_update": ("timeline.change_feed",),
    }

    def get_queryset(self) -> Any:
        return feed_list()

    def represent(self, obj: Feed) -> dict[str, Any]:
        return rep.feed(obj, self.links())

    def list(self, request: Request) -> Response:
        return self.list_response(request)

    def retrieve(self, request: Request, pk: str) -> Response:
        return self.detail_response()

    @extend_schema(
        summary="Register a feed to poll (staff; idempotent on URL)",
        request=FeedCreateInputSerializer,
        responses={201: FeedOutputSerializer},
        examples=[
            OpenApiExample(
                "A feed",
                request_only=True,
                value={"url": "https://www.example.org/rss.xml", "poll_interval_seconds": 900},
            )
        ],
    )
    def create(self, request: Request) -> Response:
        data = FeedCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feed = feed_create(**data.validated_data)
        body = self.represent(feed)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    @extend_schema(
        summary="Change a feed's title, interval or active flag (staff)",
        request=FeedUpdateInputSerializer,
        responses=FeedOutputSerializer,
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        feed = self.get_object()
        data = FeedUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(self.represent(feed_update(feed=feed, **data.validated_data)))
