"""/api/v1/events/: read (public), edit/publish/reject/merge (editors)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from timeline.api import representations as rep
from timeline.api.filters import EventFilterSet
from timeline.api.inputs import EventMergeInputSerializer, EventUpdateInputSerializer
from timeline.api.pagination import BY_CHANGE, BY_DATE, Keyset
from timeline.api.schema import filter_parameters
from timeline.api.serializers import EventOutputSerializer
from timeline.api.views.base import ConditionalMixin, SelectorListMixin
from timeline.exceptions import NotFound
from timeline.selectors.events import event_base, event_list
from timeline.selectors.rows import event_rows
from timeline.services.events import event_update, events_merge, events_publish, events_reject

_LIST = (
    "Events visible to you (the public sees published ones) in timeline order (sort_date, id);"
    " with `updated_since`, in change order. Each event carries its entities with roles, its "
    "sources (article, outlet, URL, evidence sentence and span) and the statements about it."
)


def _reload(pk: int, user: Any) -> dict[str, Any]:
    if not event_base(user=user).filter(pk=pk).exists():
        # e.g. an editor without staff rights rejected it: no longer visible to them
        raise NotFound("This event is no longer visible to you.")
    return event_rows([pk], user=user)[pk]


@extend_schema_view(
    list=extend_schema(
        summary="List events", description=_LIST, parameters=filter_parameters(EventFilterSet)
    ),
    retrieve=extend_schema(summary="One event with sources, entities and statements"),
)
class EventViewSet(ConditionalMixin, SelectorListMixin):
    lean_keys = True  # the page query fetches keys; load_rows() fetches the rows as dicts
    serializer_class = EventOutputSerializer
    filterset_class = EventFilterSet
    action_permissions = {
        "partial_update": ("timeline.change_event",),
        "publish": ("timeline.change_event",),
        "reject": ("timeline.change_event",),
        "merge": ("timeline.change_event",),
    }

    def get_queryset(self) -> Any:
        return event_list(user=self.request.user)

    def load_rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return event_rows(ids, user=self.request.user)

    def get_keyset(self) -> Keyset:
        return BY_CHANGE if self.request.query_params.get("updated_since") else BY_DATE

    def represent(self, obj: dict[str, Any]) -> dict[str, Any]:
        return rep.event(obj, self.links())

    def list(self, request: Request) -> HttpResponseBase:
        return self.conditional_response(request, lambda: self.list_response(request))

    def retrieve(self, request: Request, pk: str) -> HttpResponseBase:
        return self.conditional_response(request, self.detail_response)

    @extend_schema(
        summary="Edit an event (editors)",
        request=EventUpdateInputSerializer,
        responses=EventOutputSerializer,
        examples=[
            OpenApiExample(
                "Fix the date",
                request_only=True,
                value={
                    "date_start": "2024-10-30",
                    "date_end": "2024-10-30",
                    "date_precision": "day",
                },
            )
        ],
        description="Only the editable fields; each change is remembered so "
        "re-extraction never overwrites it.",
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        event = self.get_object()
        data = EventUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event_update(event=event, **data.validated_data)
        return Response(self.represent(_reload(event.pk, request.user)))

    @extend_schema(
        summary="Publish an event (editors)", request=None, responses=EventOutputSerializer
    )
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str) -> Response:
        event = self.get_object()
        events_publish(event_ids=[event.pk])
        return Response(self.represent(_reload(event.pk, request.user)))

    @extend_schema(
        summary="Reject an event (editors)", request=None, responses=EventOutputSerializer
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        event = self.get_object()
        events_reject(event_ids=[event.pk])
        return Response(self.represent(_reload(event.pk, request.user)))

    @extend_schema(
        summary="Merge duplicate events into one (editors)",
        request=EventMergeInputSerializer,
        responses=EventOutputSerializer,
        examples=[
            OpenApiExample(
                "Fold two duplicates into 12",
                request_only=True,
                value={"into": 12, "others": [15, 19]},
            )
        ],
    )
    @action(detail=False, methods=["post"])
    def merge(self, request: Request) -> Response:
        data = EventMergeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        visible = event_base(user=request.user)
        into = visible.filter(pk=data.validated_data["into"]).first()
        if into is None:
            raise NotFound({"into": "No such event."})
        wanted = set(data.validated_data["others"])
        others = list(visible.filter(pk__in=wanted))
        missing = wanted - {o.pk for o in others}
        if missing:
            raise NotFound({"others": f"No such events: {sorted(missing)}."})
        survivor = events_merge(into=into, others=others)
        return Response(self.represent(_reload(survivor.pk, request.user)))
