"""/api/v1/entities/: people, organisations and places; detail by slug with counts."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.request import Request
from rest_framework.response import Response

from timeline.api import representations as rep
from timeline.api.filters import EntityFilterSet
from timeline.api.pagination import BY_NAME
from timeline.api.schema import filter_parameters
from timeline.api.serializers import EntityDetailOutputSerializer, EntityOutputSerializer
from timeline.api.views.base import ContentETagMixin, SelectorListMixin
from timeline.models import Entity
from timeline.selectors.entities import entity_counts, entity_get, entity_list


@extend_schema_view(
    list=extend_schema(
        summary="List entities",
        parameters=filter_parameters(EntityFilterSet),
        description="Canonical entities by name (merged duplicates left out).",
    ),
    retrieve=extend_schema(
        summary="One entity with aliases and counts",
        responses=EntityDetailOutputSerializer,
        parameters=[
            OpenApiParameter(
                "slug",
                str,
                OpenApiParameter.PATH,
                description="The entity's slug, e.g. north-korea.",
            )
        ],
    ),
)
class EntityViewSet(ContentETagMixin, SelectorListMixin):
    serializer_class = EntityOutputSerializer
    filterset_class = EntityFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    keyset = BY_NAME

    def get_queryset(self) -> Any:
        return entity_list()

    def represent(self, obj: Entity) -> dict[str, Any]:
        return rep.entity_summary(obj, self.links())

    def list(self, request: Request) -> Response:
        return self.list_response(request)

    def retrieve(self, request: Request, slug: str) -> Response:
        entity = entity_get(slug=slug)
        if entity is None:
            raise Http404
        counts = entity_counts(entity=entity, user=request.user)
        return Response(rep.entity_detail(entity, counts, self.links()))
