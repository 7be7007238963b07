"""Article, outlet and feed reads for the API and the admin."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from timeline.models import Article, Event, EventSource, Feed, Outlet, Statement, StatementSource
from timeline.selectors.visibility import visible_q

# Article bodies can be megabytes: lists and details never load them.
ARTICLE_HEAVY_FIELDS = ("text", "raw_html")


def article_list() -> QuerySet[Article]:
    """Articles newest first (id order follows submission order), without their bodies."""
    return Article.objects.select_related("outlet").defer(*ARTICLE_HEAVY_FIELDS).order_by("-id")


def apply_article_filter(
    qs: QuerySet[Article], *, statuses: tuple[str, ...] = (), outlets: tuple[str, ...] = ()
) -> QuerySet[Article]:
    if statuses:
        qs = qs.filter(status__in=statuses)
    if outlets:
        qs = qs.filter(outlet__domain__in=outlets)
    return qs


def article_get(*, pk: int) -> Article | None:
    return article_list().filter(pk=pk).first()


def article_items(*, article: Article, user: Any = None) -> tuple[list[Event], list[Statement]]:
    """The visible events and statements this article is a source of, in timeline order."""
    visible = visible_q(user)
    events = list(
        Event.objects.filter(
            visible, id__in=EventSource.objects.filter(article=article).values("event_id")
        )
        .order_by("sort_date", "id")
        .only(
            "id",
            "title",
            "type",
            "date_start",
            "date_end",
            "date_precision",
            "sort_date",
            "review_state",
        )
    )
    statements = list(
        Statement.objects.filter(
            visible, id__in=StatementSource.objects.filter(article=article).values("statement_id")
        )
        .order_by("sort_date", "id")
        .only("id", "speaker_text", "quote", "sort_date", "review_state")
    )
    return events, statements


def outlet_list() -> QuerySet[Outlet]:
    return Outlet.objects.order_by("name", "id")


def feed_list() -> QuerySet[Feed]:
    """Polled feeds, newest first (staff only: the interface checks)."""
    return Feed.objects.select_related("outlet").order_by("-id")
