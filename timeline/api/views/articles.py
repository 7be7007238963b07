"""/api/v1/articles/: submit articles (202), follow their processing, re-run them (staff)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from timeline.api import representations as rep
from timeline.api.filters import ArticleFilterSet
from timeline.api.inputs import ArticleSubmitInputSerializer
from timeline.api.pagination import NEWEST_FIRST
from timeline.api.schema import filter_parameters
from timeline.api.serializers import (
    ArticleDetailOutputSerializer,
    ArticleOutputSerializer,
    ArticleSubmissionOutputSerializer,
)
from timeline.api.views.base import ContentETagMixin, SelectorListMixin
from timeline.models import Article
from timeline.selectors.articles import article_get, article_items, article_list
from timeline.services.articles import article_reextract, article_refetch, article_submit

_SUBMIT = (
    "Queue an article for fetching and extraction. Send one of `{url}`, "
    "`{text, title, published_at, url?}` or `{html, url}`. A new article answers **202 "
    "Accepted**; an article we already have (same URL, canonical URL or text) answers **200 "
    "OK** with the existing one, never a duplicate (not 303: the body already is the "
    "resource). Both carry a `Location` header; poll it until `status` is done, failed or "
    "skipped."
)


@extend_schema_view(
    list=extend_schema(
        summary="List articles",
        parameters=filter_parameters(ArticleFilterSet),
        description="Articles newest first, with their processing status.",
    ),
    retrieve=extend_schema(
        summary="One article: status, errors and what was extracted",
        responses=ArticleDetailOutputSerializer,
    ),
)
class ArticleViewSet(ContentETagMixin, SelectorListMixin):
    serializer_class = ArticleOutputSerializer
    filterset_class = ArticleFilterSet
    keyset = NEWEST_FIRST
    action_permissions = {
        "create": ("timeline.add_article",),
        "reextract": ("timeline.change_article",),
        "refetch": ("timeline.change_article",),
    }
    staff_actions = ("reextract", "refetch")

    def get_queryset(self) -> Any:
        return article_list()

    def represent(self, obj: Article) -> dict[str, Any]:
        return rep.article_summary(obj, self.links())

    def list(self, request: Request) -> Response:
        return self.list_response(request)

    def _article(self, pk: str) -> Article:
        article = article_get(pk=int(pk))
        if article is None:
            raise Http404
        return article

    def retrieve(self, request: Request, pk: str) -> Response:
        article = self._article(pk)
        events, statements = article_items(article=article, user=request.user)
        return Response(rep.article_detail(article, events, statements, self.links()))

    @extend_schema(
        summary="Submit an article (202 Accepted; 200 with the existing one)",
        description=_SUBMIT,
        request=ArticleSubmitInputSerializer,
        responses={
            202: OpenApiResponse(ArticleSubmissionOutputSerializer, "Queued."),
            200: OpenApiResponse(
                ArticleSubmissionOutputSerializer, "Already known: the existing article."
            ),
        },
        examples=[
            OpenApiExample(
                "By URL",
                request_only=True,
                value={"url": "https://www.example.org/news/2024/10/30/talks"},
            ),
            OpenApiExample(
                "Pasted text",
                request_only=True,
                value={
                    "title": "Talks resume",
                    "published_at": "2024-10-30T09:00:00Z",
                    "text": "Officials said on Tuesday that talks would resume next week.",
                },
            ),
        ],
    )
    def create(self, request: Request) -> Response:
        data = ArticleSubmitInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        article, created = article_submit(**data.validated_data, submitted_by=request.user)
        body = rep.article_submission(article, self.links())
        return Response(
            body,
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
            headers={"Location": body["links"]["self"]},
        )

    @extend_schema(
        summary="Re-extract an article (staff)",
        request=None,
        responses={202: ArticleSubmissionOutputSerializer},
    )
    @action(detail=True, methods=["post"])
    def reextract(self, request: Request, pk: str) -> Response:
        article = self._article(pk)
        article_reextract(article=article)
        return self._queued(article.pk)

    @extend_schema(
        summary="Fetch an article's URL again and re-extract it (staff)",
        request=None,
        responses={202: ArticleSubmissionOutputSerializer},
    )
    @action(detail=True, methods=["post"])
    def refetch(self, request: Request, pk: str) -> Response:
        article = self._article(pk)
        article_refetch(article=article)
        return self._queued(article.pk)

    def _queued(self, pk: int) -> Response:
        body = rep.article_submission(self._article(str(pk)), self.links())
        return Response(
            body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["links"]["self"]}
        )
