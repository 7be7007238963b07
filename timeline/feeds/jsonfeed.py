"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the timeline.

Items carry a `_timeline` extension (allowed by the spec for keys starting with "_") with the
item's kind, dates and every source, since JSON Feed has a single `external_url`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse

from timeline.api.renderers import dumps
from timeline.feeds.common import (
    FeedContext,
    item_sources,
    item_tags,
    item_text,
    item_title,
    item_url,
)

VERSION = "https://jsonfeed.org/version/1.1"


def render_json_feed(ctx: FeedContext) -> HttpResponse:
    items: list[dict[str, Any]] = []
    for entry in ctx.items:
        kind, item = entry.kind, entry.item
        url = item_url(kind, item, ctx.links)
        sources = item_sources(item)
        out: dict[str, Any] = {
            "id": url,
            "url": url,
            "title": item_title(kind, item),
            "content_text": item_text(kind, item),
            "date_published": item.created_at.isoformat(),
            "date_modified": item.updated_at.isoformat(),
            "tags": item_tags(kind, item),
            "_timeline": {
                "kind": kind,
                "id": item.pk,
                "date_start": item.date_start,
                "date_end": item.date_end,
                "date_precision": item.date_precision,
                "sort_date": item.sort_date,
                "change_seq": item.change_seq,
                "sources": sources,
            },
        }
        if sources:
            out["external_url"] = sources[0]["url"]
        items.append(out)
    body = {
        "version": VERSION,
        "title": "Timeline",
        "home_page_url": ctx.api_url,
        "feed_url": ctx.self_url,
        "description": "Dated events and attributed statements extracted from news articles.",
        "language": "en",
        "items": items,
    }
    return HttpResponse(dumps(body), content_type="application/feed+json")
