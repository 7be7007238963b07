"""Celery entry points. Thin: load by id, call a service, decide on retry (STYLE.md §6).

Task names are a wire protocol: add keyword arguments with defaults, never rename.
"""

from __future__ import annotations

import random
from typing import Any

from celery import shared_task

from timeline.exceptions import TransientFetchError

MAX_RETRIES = 5
BACKOFF_BASE = 10
BACKOFF_MAX = 600


def _countdown(retries: int, retry_after: float | None) -> float:
    """Exponential backoff with full jitter, never sooner than the server's Retry-After."""
    backoff = min(BACKOFF_MAX, BACKOFF_BASE * 2**retries)
    return max(retry_after or 0.0, random.uniform(backoff / 2, backoff))


@shared_task(bind=True, name="timeline.article_process", acks_late=True, max_retries=MAX_RETRIES)
def article_process(self: Any, article_id: int) -> str:
    """Fetch/parse, extract and store one article (idempotent: claims the row first)."""
    from timeline.services.processing import article_process as service

    try:
        return service(article_id=article_id)
    except TransientFetchError as exc:
        # The service put the article back to queued; retry only transient failures.
        raise self.retry(
            exc=exc, countdown=_countdown(self.request.retries, exc.retry_after)
        ) from exc


@shared_task(name="timeline.feed_poll", acks_late=True)
def feed_poll(feed_id: int) -> dict[str, object]:
    """Poll one feed (idempotent: claims it by moving next_poll_at)."""
    from timeline.services.feeds import feed_poll as service

    return service(feed_id=feed_id)


@shared_task(name="timeline.feeds_poll_due")
def feeds_poll_due() -> int:
    """Beat sweeper: enqueue one poll per due feed."""
    from timeline.services.feeds import feeds_due

    due = feeds_due()
    for feed_id in due:
        feed_poll.delay(feed_id)
    return len(due)


@shared_task(name="timeline.articles_requeue_stuck")
def articles_requeue_stuck() -> int:
    """Beat sweeper: re-enqueue articles stuck in flight (lost messages, killed workers)."""
    from timeline.services.articles import articles_requeue_stuck as service

    return len(service())
