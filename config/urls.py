"""URL map. Each area registers its own routes module here."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

from timeline.views.health import healthz

admin.site.site_header = "Timeline curation"
admin.site.site_title = "Timeline"
admin.site.index_title = "Review and curate"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
