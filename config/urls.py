"""URL map. Each area owns its routes module; this file only mounts them."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from timeline.views.health import healthz

admin.site.site_header = "Timeline curation"
admin.site.site_title = "Timeline"
admin.site.index_title = "Review and curate"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("timeline.api.urls")),  # /api/v1/…, /api/schema/, /api/docs/
    path("graphql/", include("timeline.graphql.urls")),  # GraphQL + GraphiQL
    path("feeds/", include("timeline.feeds.urls")),  # Atom, JSON Feed, iCalendar, TimelineJS
    path("", include("timeline.web.urls")),  # the public timeline page
]

# JSON error bodies for /api/ and /feeds/ (Django's pages elsewhere); see timeline.api.errors.
handler404 = "timeline.api.errors.handler404"
handler500 = "timeline.api.errors.handler500"
