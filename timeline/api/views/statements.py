"""/api/v1/statements/: read (public), edit/publish/reject (editors)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from timeline.api import representations as rep
from timeline.api.filters import StatementFilterSet
from timeline.api.inputs import StatementUpdateInputSerializer
from timeline.api.pagination import BY_CHANGE, BY_DATE, Keyset
from timeline.api.schema import filter_parameters
from timeline.api.serializers import StatementOutputSerializer
from timeline.api.views.base import ConditionalMixin, SelectorListMixin
from timeline.exceptions import NotFound
from timeline.selectors.rows import statement_rows
from timeline.selectors.statements import statement_base, statement_list
from timeline.services.events import statement_update, statements_publish, statements_reject

_LIST = (
    "Statements visible to you in timeline order (sort_date, id); with `updated_since`, in "
    "change order. Each carries the speaker (entity, name as written and title), the event it "
    "is about with its stance, mentioned entities and sources (quote and speaker spans)."
)


def _reload(pk: int, user: Any) -> dict[str, Any]:
    if not statement_base(user=user).filter(pk=pk).exists():
        raise NotFound("This statement is no longer visible to you.")
    return statement_rows([pk], user=user)[pk]


@extend_schema_view(
    list=extend_schema(
        summary="List statements",
        description=_LIST,
        parameters=filter_parameters(StatementFilterSet),
    ),
    retrieve=extend_schema(summary="One statement with speaker, event and sources"),
)
class StatementViewSet(ConditionalMixin, SelectorListMixin):
    lean_keys = True  # the page query fetches keys; load_rows() fetches the rows as dicts
    serializer_class = StatementOutputSerializer
    filterset_class = StatementFilterSet
    action_permissions = {
        "partial_update": ("timeline.change_statement",),
        "publish": ("timeline.change_statement",),
        "reject": ("timeline.change_statement",),
    }

    def get_queryset(self) -> Any:
        return statement_list(user=self.request.user)

    def load_rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return statement_rows(ids, user=self.request.user)

    def get_keyset(self) -> Keyset:
        return BY_CHANGE if self.request.query_params.get("updated_since") else BY_DATE

    def represent(self, obj: dict[str, Any]) -> dict[str, Any]:
        return rep.statement(obj, self.links())

    def list(self, request: Request) -> HttpResponseBase:
        return self.conditional_response(request, lambda: self.list_response(request))

    def retrieve(self, request: Request, pk: str) -> HttpResponseBase:
        return self.conditional_response(request, self.detail_response)

    @extend_schema(
        summary="Edit a statement (editors)",
        request=StatementUpdateInputSerializer,
        responses=StatementOutputSerializer,
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        statement = self.get_object()
        data = StatementUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        statement_update(statement=statement, **data.validated_data)
        return Response(self.represent(_reload(statement.pk, request.user)))

    @extend_schema(
        summary="Publish a statement (editors)", request=None, responses=StatementOutputSerializer
    )
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str) -> Response:
        statement = self.get_object()
        statements_publish(statement_ids=[statement.pk])
        return Response(self.represent(_reload(statement.pk, request.user)))

    @extend_schema(
        summary="Reject a statement (editors)", request=None, responses=StatementOutputSerializer
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        statement = self.get_object()
        statements_reject(statement_ids=[statement.pk])
        return Response(self.represent(_reload(statement.pk, request.user)))
