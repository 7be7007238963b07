"""URL routes of timeline.graphql: POST/GET queries and GraphiQL (browser GET) at /graphql/."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from timeline.graphql.schema import schema
from timeline.graphql.views import TimelineGraphQLView

urlpatterns: list[URLPattern | URLResolver] = [
    path("", TimelineGraphQLView.as_view(schema=schema, graphql_ide="graphiql"), name="graphql"),
]
