"""Article writes: submission (dedupe), re-extraction and refetch, the stuck-work sweeper.

State transitions and their claims (fencing tokens) are in timeline.services.claims.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from timeline.enums import ARTICLE_IN_FLIGHT, ArticleOrigin, ArticleStatus, DateSource
from timeline.exceptions import ServiceValidationError
from timeline.models import Article, Feed, Outlet
from timeline.normalize import content_hash, domain_of, normalize_url, url_hash
from timeline.services.claims import Claim, article_finish

logger = logging.getLogger("timeline.articles")

MAX_TEXT_CHARS = 500_000
MAX_HTML_CHARS = 5_000_000


def _validate_url(url: str) -> str:
    url = url.strip()
    if len(url) > 2048:
        raise ServiceValidationError({"url": "URL longer than 2048 characters."})
    normalized = normalize_url(url)
    scheme, _, rest = normalized.partition("://")
    if scheme not in ("http", "https") or not rest or rest.startswith("/"):
        raise ServiceValidationError({"url": "Only absolute http(s) URLs are accepted."})
    return normalized


def reject_nul_characters(**values: object) -> None:
    """NUL characters cannot be stored in PostgreSQL text: refuse them as bad input."""
    errors = {
        name: "NUL characters are not allowed."
        for name, value in values.items()
        if isinstance(value, str) and "\x00" in value
    }
    if errors:
        raise ServiceValidationError(errors)


def outlet_for_url(url: str) -> Outlet | None:
    domain = domain_of(url)
    if not domain:
        return None
    outlet, _ = Outlet.objects.get_or_create(domain=domain, defaults={"name": domain})
    return outlet


def _existing(url: str | None, text_hash: str | None) -> Article | None:
    query = Q()
    if url:
        h = url_hash(url)
        query |= Q(url_hash=h) | Q(canonical_url_hash=h)
    if text_hash:
        query |= Q(content_hash=text_hash)
    if not query:
        return None
    return Article.objects.filter(query).order_by("id").first()


def article_submit(
    *,
    url: str | None = None,
    text: str | None = None,
    html: str | None = None,
    title: str = "",
    published_at: datetime | None = None,
    author: str = "",
    feed: Feed | None = None,
    submitted_by: Any = None,
    date_source: str | None = None,
) -> tuple[Article, bool]:
    """Create a queued article (or return the existing one) and enqueue processing after commit.

    Accepted shapes: `url`; `text` + `title` + `published_at` (+ optional `url`); `html` + `url`.
    Returns (article, created). Idempotent: the same URL (or the same text) submitted again,
    even concurrently, returns the first article. Raises ServiceValidationError on bad input.
    """
    if text is not None and html is not None:
        raise ServiceValidationError({"non_field_errors": "Send either text or html, not both."})
    reject_nul_characters(url=url, text=text, html=html, title=title, author=author)
    normalized = _validate_url(url) if url else None
    if text is not None:
        origin = ArticleOrigin.TEXT
        errors = {}
        if not text.strip():
            errors["text"] = "This field may not be blank."
        elif len(text) > MAX_TEXT_CHARS:
            errors["text"] = f"Text longer than {MAX_TEXT_CHARS} characters."
        if not title.strip():
            errors["title"] = "Required with text."
        if published_at is None:
            errors["published_at"] = "Required with text: relative dates are anchored on it."
        if errors:
            raise ServiceValidationError(errors)
    elif html is not None:
        origin = ArticleOrigin.HTML
        if not normalized:
            raise ServiceValidationError({"url": "Required with html."})
        if not html.strip() or len(html) > MAX_HTML_CHARS:
            raise ServiceValidationError({"html": f"Empty or longer than {MAX_HTML_CHARS} chars."})
    elif normalized:
        origin = ArticleOrigin.FEED if feed else ArticleOrigin.URL
    else:
        raise ServiceValidationError({"non_field_errors": "Send a url, text or html."})
    if published_at is not None and timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at, UTC)

    text_hash = content_hash(text) if text is not None else None
    existing = _existing(normalized, text_hash)
    if existing is not None:
        return existing, False
    article = Article(
        url=normalized or "",
        url_hash=url_hash(normalized) if normalized else None,
        content_hash=text_hash,
        origin=origin,
        feed=feed,
        title=title[:1000],
        author=author[:500],
        text=text or "",
        raw_html=html or "",
        published_at=published_at,
        date_source=date_source or (DateSource.SUBMITTED if published_at else DateSource.NONE),
        submitted_by=submitted_by if getattr(submitted_by, "pk", None) else None,
        outlet=(
            feed.outlet
            if feed and feed.outlet
            else outlet_for_url(normalized)
            if normalized
            else None
        ),
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Lost a race with a concurrent submission of the same URL or text: answer with theirs.
        existing = _existing(normalized, text_hash)
        if existing is None:
            raise
        return existing, False
    logger.info(
        "article queued", extra={"article_id": article.pk, "origin": origin, "url": article.url}
    )
    article_enqueue(article_id=article.pk)
    return article, True


def article_enqueue(*, article_id: int) -> None:
    """Send the processing task once the current transaction commits (never before).

    If the broker is down the row stays queued and the sweeper enqueues it later: a lost
    message costs latency, never the submission.
    """
    from timeline.ingest.tasks import article_process as article_process_task

    def send() -> None:
        try:
            article_process_task.delay(article_id)
        except Exception as exc:  # kombu/redis raise many types; the row is safe either way
            logger.warning(
                "enqueue failed; the sweeper will retry: %r",
                exc,
                extra={"article_id": article_id, "error": repr(exc)[:300]},
            )

    transaction.on_commit(send)


def articles_requeue_stuck(*, older_than: timedelta | None = None) -> list[int]:
    """Put articles stuck in queued/fetching/extracting back to queued and re-enqueue them.

    A lost broker message or a killed worker costs latency, never data: the claim protocol
    makes the extra task harmless if the original is still alive. Articles that used up
    MAX_ATTEMPTS are failed instead. Returns the re-enqueued ids.
    """
    limit = older_than or timedelta(seconds=settings.TIMELINE["STUCK_AFTER_SECONDS"])
    cutoff = timezone.now() - limit
    max_attempts = settings.TIMELINE["MAX_ATTEMPTS"]
    stuck = list(
        Article.objects.filter(
            status__in=ARTICLE_IN_FLIGHT, status_changed_at__lt=cutoff
        ).values_list("pk", "status", "attempts")[:1000]
    )
    requeued: list[int] = []
    for pk, status, attempts in stuck:
        claim = Claim(article_id=pk, status=status, attempts=attempts)
        if attempts >= max_attempts:
            article_finish(
                claim=claim,
                status=ArticleStatus.FAILED,
                reason="too_many_attempts",
                message=f"Gave up after {attempts} attempts.",
            )
            continue
        if status == ArticleStatus.QUEUED:
            # Touch it so the next sweep waits another full period.
            if Article.objects.filter(pk=pk, status=status, attempts=attempts).update(
                status_changed_at=timezone.now()
            ):
                requeued.append(pk)
        elif article_finish(
            claim=claim,
            status=ArticleStatus.QUEUED,
            reason="requeued",
            message=f"Stuck in {status}; re-enqueued by the sweeper.",
        ):
            requeued.append(pk)
    for pk in requeued:
        article_enqueue(article_id=pk)
    if requeued:
        logger.warning("requeued stuck articles", extra={"count": len(requeued)})
    return requeued


@transaction.atomic
def article_reextract(*, article: Article) -> bool:
    """Queue an article again so its items are re-extracted (editor edits survive).

    Articles with text skip the network; others are fetched again. Returns False when the
    article is already in flight.
    """
    updated = (
        Article.objects.filter(pk=article.pk)
        .exclude(status__in=ARTICLE_IN_FLIGHT)
        .update(
            status=ArticleStatus.QUEUED,
            status_changed_at=timezone.now(),
            attempts=0,
            error_reason="",
            error_message="",
        )
    )
    if updated:
        article_enqueue(article_id=article.pk)
    return bool(updated)


@transaction.atomic
def article_refetch(*, article: Article) -> bool:
    """Forget the fetched page and fetch the URL again (for articles that came from a URL)."""
    if not article.url or article.origin not in (ArticleOrigin.URL, ArticleOrigin.FEED):
        raise ServiceValidationError({"url": "Only articles submitted by URL can be refetched."})
    Article.objects.filter(pk=article.pk).exclude(status__in=ARTICLE_IN_FLIGHT).update(
        raw_html="", text="", fetched_at=None
    )
    return article_reextract(article=article)
