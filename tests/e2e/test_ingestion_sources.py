"""Fifty articles of every kind (URLs of real pages, pasted text, a feed) through real workers."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import threading
from collections.abc import Iterator
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from tests.conftest import shared_path
from tests.e2e.articles import generated_article
from tests.e2e.conftest import wait_until
from timeline.enums import ArticleStatus
from timeline.models import Article, Feed
from timeline.selectors.filters import TimelineFilter
from timeline.selectors.timeline import timeline_page
from timeline.services.articles import article_submit
from timeline.services.feeds import feed_create

pytestmark = [pytest.mark.e2e]
TERMINAL = (ArticleStatus.DONE, ArticleStatus.FAILED, ArticleStatus.SKIPPED)


class Site:
    """A local web site: real captured pages plus a generated RSS feed with an ETag."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self.feed: bytes = b""
        self.feed_hits: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path == "/feed.xml":
                    etag = '"' + hashlib.sha256(site.feed).hexdigest()[:16] + '"'
                    site.feed_hits.append(self.headers.get("If-None-Match") or "")
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    self._send(site.feed, "application/rss+xml", etag)
                elif self.path in site.pages:
                    self._send(site.pages[self.path], "text/html", None)
                else:
                    self.send_error(404)

            def _send(self, body: bytes, content_type: str, etag: str | None) -> None:
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    local = Site()
    local.thread.start()
    yield local
    local.server.shutdown()


def real_pages(count: int) -> list[tuple[str, bytes]]:
    folder = shared_path("data", "news-html")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(k for k in truth if k.startswith("aeb-"))[:count]
    return [(f"/{i}.html", gzip.open(folder / "pages" / f"{i}.html.gz", "rb").read()) for i in ids]


def rss(base: str, paths: list[str]) -> bytes:
    when = format_datetime(dt.datetime(2024, 10, 30, 9, 0, tzinfo=dt.UTC))
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}{p}</link>"
        f"<pubDate>{when}</pubDate><guid>{base}{p}</guid></item>"
        for n, p in enumerate(paths)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Local wire</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def test_fifty_articles_of_every_kind_reach_a_terminal_state(celery_procs, site):
    seed = json.loads(shared_path("data", "seed", "gold.json").read_text(encoding="utf-8"))[0]
    pages = real_pages(24)
    site.pages.update(pages)
    feed_paths = [path for path, _ in pages[20:]]
    site.feed = rss(site.base, feed_paths)
    celery_procs.start_worker()
    celery_procs.start_beat()

    for path, _ in pages[:20]:
        article_submit(url=site.base + path)
    for i in range(500, 524):
        article_submit(**generated_article(i))  # type: ignore[arg-type]
    article_submit(
        text=seed["text"],
        title="Seed article",
        published_at=dt.datetime.fromisoformat(seed["dct"] + "T12:00:00+00:00"),
    )
    article_submit(url=site.base + "/missing-page")  # a 404 fails cleanly, never retried
    feed = feed_create(url=site.base + "/feed.xml", poll_interval_seconds=60)

    wait_until(
        lambda: Article.objects.filter(feed=feed).count() == len(feed_paths),
        60,
        message="the feed poll to submit its entries",
    )
    total = 20 + 24 + 1 + 1 + len(feed_paths)
    wait_until(
        lambda: Article.objects.filter(status__in=TERMINAL).count() == total,
        240,
        interval=1,
        message="every article to reach a terminal state",
    )

    assert Article.objects.count() == total
    missing = Article.objects.get(url__endswith="/missing-page")
    assert (missing.status, missing.error_reason) == (ArticleStatus.FAILED, "http_404")
    for article in Article.objects.exclude(status=ArticleStatus.DONE):
        assert article.error_reason, f"{article.url} ended {article.status} without a reason"
    assert Article.objects.filter(status=ArticleStatus.DONE).count() >= 40

    # The seed article's items are on the public timeline, in date order.
    page = timeline_page(
        filters=TimelineFilter(
            entities=("north-korea",), date_from=dt.date(2024, 6, 1), date_to=dt.date(2024, 12, 31)
        ),
        first=200,
    )
    events = [item.item for item in page.items if item.kind == "event"]
    pact = next(e for e in events if e.type == "agreement" and e.date_value == "2024-06")
    meeting = next(e for e in events if e.type == "meeting" and e.date_value == "2024-10-30")
    assert events.index(pact) < events.index(meeting)

    # Polling again sends the ETag and gets 304 (no new articles).
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now())
    wait_until(lambda: len(site.feed_hits) >= 2, 30, message="a second feed poll")
    assert site.feed_hits[-1].startswith('"')
    assert Article.objects.filter(feed=feed).count() == len(feed_paths)
