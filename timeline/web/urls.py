"""URL routes of timeline.web: the public timeline page, entity pages, the TimelineJS export.

Mounted at the root. The export's full path lives here, under /feeds/, because the
`timeline.feeds` include (mounted first) has no route for it and Django falls through.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from timeline.web import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.timeline_view, name="web-timeline"),
    path("entities/<slug:slug>", views.entity_view, name="web-entity"),
    path("feeds/timeline.timelinejs.json", views.timelinejs_view, name="web-timelinejs"),
]
