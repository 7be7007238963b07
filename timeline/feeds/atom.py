"""Atom 1.0 (RFC 4287) of the timeline, via django.utils.feedgenerator."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed

from timeline.feeds.common import (
    FeedContext,
    item_sources,
    item_tags,
    item_text,
    item_title,
    item_url,
)


class TimelineAtomFeed(Atom1Feed):
    """Atom with one `rel="related"` link per source article."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for source in item.get("sources", ()):
            attrs = {"rel": "related", "href": source["url"]}
            if source["title"]:
                attrs["title"] = source["title"]
            handler.addQuickElement("link", "", attrs)


def render_atom(ctx: FeedContext) -> HttpResponse:
    feed = TimelineAtomFeed(
        title="Timeline",
        link=ctx.api_url,
        description="Dated events and attributed statements extracted from news articles.",
        feed_url=ctx.self_url,
        feed_guid=ctx.self_url,
        language="en",
    )
    for entry in ctx.items:
        kind, item = entry.kind, entry.item
        url = item_url(kind, item, ctx.links)
        feed.add_item(
            title=item_title(kind, item),
            link=url,
            description=item_text(kind, item),
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=item.created_at,
            updateddate=item.updated_at,
            categories=item_tags(kind, item),
            sources=item_sources(item),
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
