"""Feed polling: conditional GET, entries → articles, exponential backoff on failure."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from timeline.enums import DateSource
from timeline.exceptions import IngestError, ServiceValidationError
from timeline.models import Feed
from timeline.services.articles import article_submit, outlet_for_url

logger = logging.getLogger("timeline.feeds")

MAX_BACKOFF = timedelta(hours=24)


def feed_create(*, url: str, title: str = "", poll_interval_seconds: int = 900) -> Feed:
    """Register a feed to poll (idempotent on URL)."""
    from timeline.services.articles import _validate_url

    normalized = _validate_url(url)
    if poll_interval_seconds < 60:
        raise ServiceValidationError({"poll_interval_seconds": "At least 60 seconds."})
    feed, _ = Feed.objects.get_or_create(
        url=normalized,
        defaults={
            "title": title,
            "poll_interval_seconds": poll_interval_seconds,
            "outlet": outlet_for_url(normalized),
            "next_poll_at": timezone.now(),
        },
    )
    return feed


def feeds_due(*, limit: int = 500) -> list[int]:
    now = timezone.now()
    return list(
        Feed.objects.filter(Q(next_poll_at__lte=now) | Q(next_poll_at__isnull=True), active=True)
        .order_by("next_poll_at")
        .values_list("pk", flat=True)[:limit]
    )


def feed_poll(*, feed_id: int) -> dict[str, object]:
    """Poll one feed if it is due; submit new entries as articles.

    Claim: next_poll_at moves forward with a conditional UPDATE before any I/O, so a beat that
    fires twice (or two workers) poll the feed once. Writes: Feed state; Articles via
    article_submit (idempotent on URL). Never raises for feed errors: they are recorded and the
    next poll is pushed back exponentially.
    """
    from timeline.ingest.client import fetch
    from timeline.ingest.feeds import parse_feed
    from timeline.services.processing import fetch_policy

    now = timezone.now()
    feed = Feed.objects.filter(pk=feed_id, active=True).first()
    if feed is None:
        return {"status": "inactive"}
    due = Q(next_poll_at__lte=now) | Q(next_poll_at__isnull=True)
    claimed = Feed.objects.filter(due, pk=feed_id, active=True).update(
        next_poll_at=now + timedelta(seconds=feed.poll_interval_seconds), last_polled_at=now
    )
    if not claimed:
        return {"status": "not-due"}
    try:
        response = fetch(
            feed.url,
            policy=fetch_policy(),
            kind="feed",
            etag=feed.etag or None,
            last_modified=feed.last_modified or None,
        )
        if response.not_modified:
            Feed.objects.filter(pk=feed_id).update(
                failure_count=0, last_error="", last_success_at=now
            )
            return {"status": "not-modified"}
        parsed = parse_feed(
            response.body, url=response.final_url, content_type=response.headers.get("content-type")
        )
    except IngestError as exc:
        failures = feed.failure_count + 1
        backoff = min(
            timedelta(seconds=feed.poll_interval_seconds * 2 ** min(failures, 10)), MAX_BACKOFF
        )
        Feed.objects.filter(pk=feed_id).update(
            failure_count=failures,
            last_error=f"{exc.reason}: {exc.message}"[:2000],
            next_poll_at=now + backoff,
        )
        logger.warning(
            "feed poll failed",
            extra={"feed_id": feed_id, "reason": exc.reason, "failures": failures},
        )
        return {"status": "failed", "reason": exc.reason}
    created = 0
    for entry in parsed.entries:
        try:
            _, was_created = article_submit(
                url=entry.url,
                title=entry.title or "",
                published_at=entry.published,
                feed=feed,
                date_source=DateSource.FEED if entry.published else None,
            )
        except ServiceValidationError:
            continue
        created += was_created
    Feed.objects.filter(pk=feed_id).update(
        failure_count=0,
        last_error="",
        last_success_at=now,
        etag=(response.etag or "")[:500],
        last_modified=(response.last_modified or "")[:100],
        title=feed.title or (parsed.title or "")[:500],
        entries_seen=feed.entries_seen + created,
    )
    logger.info(
        "feed polled",
        extra={"feed_id": feed_id, "entries": len(parsed.entries), "new_articles": created},
    )
    return {"status": "ok", "entries": len(parsed.entries), "new_articles": created}


def feed_update(
    *,
    feed: Feed,
    title: str | None = None,
    active: bool | None = None,
    poll_interval_seconds: int | None = None,
) -> Feed:
    """Change a feed's title, active flag or poll interval (the REST API for staff).

    Writes the Feed row only. Reactivating a feed makes it due now. Idempotent. Raises
    ServiceValidationError for an interval under 60 seconds.
    """
    changes: dict[str, object] = {}
    if title is not None:
        changes["title"] = title[:500]
    if poll_interval_seconds is not None:
        if poll_interval_seconds < 60:
            raise ServiceValidationError({"poll_interval_seconds": "At least 60 seconds."})
        changes["poll_interval_seconds"] = poll_interval_seconds
    if active is not None:
        changes["active"] = active
        if active and not feed.active:
            changes.update(next_poll_at=timezone.now(), failure_count=0)
    if changes:
        Feed.objects.filter(pk=feed.pk).update(**changes, updated_at=timezone.now())
        feed.refresh_from_db()
    return feed
