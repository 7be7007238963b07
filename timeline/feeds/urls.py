"""URL routes of timeline.feeds: the timeline as Atom, JSON Feed and iCalendar (at /feeds/)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from timeline.feeds.atom import render_atom
from timeline.feeds.common import feed_view
from timeline.feeds.ical import calendar_filter, render_ical
from timeline.feeds.jsonfeed import render_json_feed

urlpatterns: list[URLPattern | URLResolver] = [
    path("timeline.atom", feed_view("atom", render_atom), name="feed-atom"),
    path("timeline.json", feed_view("json", render_json_feed), name="feed-json"),
    path("timeline.ics", feed_view("ics", render_ical, adjust=calendar_filter), name="feed-ics"),
]
