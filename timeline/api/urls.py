"""URL routes of timeline.api: /api/v1/… on a DefaultRouter, the OpenAPI schema and its UIs."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from timeline.api.views.articles import ArticleViewSet
from timeline.api.views.auth import ObtainTokenView
from timeline.api.views.entities import EntityViewSet
from timeline.api.views.events import EventViewSet
from timeline.api.views.sources import FeedViewSet, OutletViewSet
from timeline.api.views.statements import StatementViewSet
from timeline.api.views.timeline import TimelineViewSet

router = DefaultRouter()
router.register("timeline", TimelineViewSet, basename="timeline")
router.register("events", EventViewSet, basename="event")
router.register("statements", StatementViewSet, basename="statement")
router.register("entities", EntityViewSet, basename="entity")
router.register("articles", ArticleViewSet, basename="article")
router.register("outlets", OutletViewSet, basename="outlet")
router.register("feeds", FeedViewSet, basename="feed")

urlpatterns: list[URLPattern | URLResolver] = [
    path("v1/auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
]
