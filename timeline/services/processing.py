"""The article pipeline: fetch or parse → extract → store, one guarded step at a time.

Network I/O and extraction run outside any transaction; only the final store holds locks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from timeline.dto import FetchedResponse, FetchPolicy, ParsedArticle
from timeline.enums import ArticleOrigin, ArticleStatus, DateSource
from timeline.exceptions import IngestError, TransientFetchError
from timeline.extract import EXTRACTOR_VERSION
from timeline.extract.types import Extraction
from timeline.models import Article
from timeline.normalize import url_hash
from timeline.services.claims import (
    Claim,
    article_claim_row,
    article_finish,
    articles_claim_queued_offline,
)
from timeline.services.extraction import StoreJob, articles_store_extractions

logger = logging.getLogger("timeline.articles")


def fetch_policy() -> FetchPolicy:
    """The fetch limits from settings (TIMELINE["FETCH_*"])."""
    conf = settings.TIMELINE
    return FetchPolicy(
        allow_private=bool(conf["FETCH_ALLOW_PRIVATE"]),
        max_bytes=int(conf["FETCH_MAX_BYTES"]),
        connect_timeout=float(conf["FETCH_CONNECT_TIMEOUT"]),
        total_timeout=float(conf["FETCH_TOTAL_TIMEOUT"]),
        user_agent=str(conf["FETCH_USER_AGENT"]),
    )


def _fetch(article: Article) -> tuple[FetchedResponse | None, dict[str, Any]]:
    """Fetch the page when the article is only a URL; also returns the fields to store."""
    from timeline.ingest.client import fetch

    if article.origin == ArticleOrigin.TEXT or article.raw_html:
        return None, {}
    response = fetch(article.url, policy=fetch_policy(), kind="article")
    # Keep the page so re-extraction and re-parsing never need the network again.
    raw = response.body.decode(response.charset or "utf-8", errors="replace").replace("\x00", "")
    return response, {"raw_html": raw, "fetched_at": timezone.now()}


def _parse(article: Article, response: FetchedResponse | None) -> ParsedArticle:
    """Turn the article's input (pasted text, stored HTML or the fetched page) into text."""
    from timeline.ingest.parse import parse_fetched, parse_html, parse_text

    if article.origin == ArticleOrigin.TEXT:
        return parse_text(article.text, title=article.title or None, url=article.url or None)
    if response is not None:
        return parse_fetched(response)
    return parse_html(article.raw_html, url=article.url or None)


def _anchor(article: Article, parsed: ParsedArticle) -> tuple[datetime, str]:
    """The publication datetime relative dates hang on, and where it came from."""
    if article.published_at and article.date_source in (DateSource.SUBMITTED, DateSource.FEED):
        return article.published_at, article.date_source
    if parsed.published:
        return datetime.combine(parsed.published, time(12, 0), tzinfo=UTC), parsed.date_source
    if article.published_at:
        return article.published_at, article.date_source
    return timezone.now(), DateSource.FETCHED


def _duplicate_of(article: Article, parsed: ParsedArticle, *, by_content: bool) -> Article | None:
    """Another article with this page's canonical URL (or, with `by_content`, the same text)."""
    canonical = parsed.canonical_url
    qs = Article.objects.exclude(pk=article.pk)
    if canonical:
        h = url_hash(canonical)
        match = qs.filter(url_hash=h).first() or qs.filter(canonical_url_hash=h).first()
        if match:
            return match
    return qs.filter(content_hash=parsed.content_hash).first() if by_content else None


def article_process(*, article_id: int) -> str:
    """Run one queued article through the pipeline. Safe to call twice or concurrently.

    Writes the article's fields and state, then (in one transaction) its entities, events and
    statements. Transient fetch errors put it back to queued and re-raise TransientFetchError
    for the task to retry; permanent ones fail it with a stored reason. Returns the outcome.

    Under a backlog (PostgreSQL), the worker also claims up to TIMELINE["INGEST_BATCH"] - 1
    other queued articles that need no network (pasted text or HTML) and stores them all in
    the same transaction: a burst costs the queries of a few articles, not of every one. Their
    own tasks then find them claimed and return "not-claimed".
    """
    claimed = article_claim_row(
        article_id=article_id,
        from_status=ArticleStatus.QUEUED,
        to_status=ArticleStatus.FETCHING,
        bump_attempts=True,
    )
    if claimed is None:
        return "not-claimed"
    ready = _prepare(*claimed)
    if isinstance(ready, str):
        return ready
    batch = [ready]
    extra = int(settings.TIMELINE["INGEST_BATCH"]) - 1
    if extra > 0:
        for claim, article in articles_claim_queued_offline(limit=extra, exclude_id=article_id):
            try:
                more = _prepare(claim, article)
            except Exception:
                # Its own fault must not cost this task's article: it stays claimed and the
                # sweeper retries it (then fails it after MAX_ATTEMPTS).
                logger.exception("article prepare failed", extra={"article_id": claim.article_id})
                continue
            if not isinstance(more, str):
                batch.append(more)
    return _store(batch)[article_id]


@dataclass
class _Ready:
    """A claimed article, parsed and extracted, waiting to be stored."""

    article: Article
    claim: Claim
    parsed: ParsedArticle
    fields: dict[str, Any]
    extraction: Extraction


def _prepare(claim: Claim, article: Article) -> _Ready | str:
    """Fetch/parse and extract a claimed article; finish it here when it fails or is skipped.

    Returns what to store, or the outcome of an article already finished.
    """
    if claim.attempts > settings.TIMELINE["MAX_ATTEMPTS"]:
        article_finish(
            claim=claim,
            status=ArticleStatus.FAILED,
            reason="too_many_attempts",
            message=f"Gave up after {claim.attempts - 1} attempts.",
        )
        return ArticleStatus.FAILED
    extra: dict[str, Any] = {}
    try:
        response, extra = _fetch(article)
        parsed = _parse(article, response)
    except TransientFetchError as exc:
        if claim.attempts >= settings.TIMELINE["MAX_ATTEMPTS"]:
            article_finish(
                claim=claim,
                status=ArticleStatus.FAILED,
                reason=exc.reason,
                message=f"{exc.message} (gave up after {claim.attempts} attempts)",
            )
            return ArticleStatus.FAILED
        article_finish(
            claim=claim, status=ArticleStatus.QUEUED, reason=exc.reason, message=exc.message
        )
        raise
    except IngestError as exc:
        article_finish(
            claim=claim,
            status=ArticleStatus.FAILED,
            reason=exc.reason,
            message=exc.message,
            **extra,
        )
        return ArticleStatus.FAILED
    return _extract(article, claim, parsed, extra)


def _extract(
    article: Article,
    claim: Claim,
    parsed: ParsedArticle,
    extra: dict[str, Any],
) -> _Ready | str:
    from timeline.extract.pipeline import extract
    from timeline.ingest.parse import skip_reason

    anchor, date_source = _anchor(article, parsed)
    fields: dict[str, Any] = {
        **extra,
        "title": (article.title or parsed.title or "")[:1000],
        "author": (article.author or parsed.author or "")[:500],
        "text": parsed.text,
        "language": parsed.language or "",
        "published_at": anchor,
        "date_source": date_source,
    }
    skip = skip_reason(parsed)
    # Duplicates by content hash are caught by the unique index when the row is written below;
    # only the URL-based ones (and those of skipped articles) need a lookup first.
    duplicate = (
        _duplicate_of(article, parsed, by_content=bool(skip))
        if skip or parsed.canonical_url
        else None
    )
    if duplicate is not None:
        return _skip_duplicate(claim, fields, duplicate)
    if skip:
        article_finish(
            claim=claim,
            status=ArticleStatus.SKIPPED,
            reason=skip,
            message="Only English articles are extracted.",
            **fields,
        )
        return ArticleStatus.SKIPPED
    fields["content_hash"] = parsed.content_hash
    if parsed.canonical_url:
        fields["canonical_url"] = parsed.canonical_url[:2048]
        fields["canonical_url_hash"] = url_hash(parsed.canonical_url)
    extraction = extract(parsed.text, anchor.date())
    fields.update(extractor_version=EXTRACTOR_VERSION, extracted_at=timezone.now())
    return _Ready(article, claim, parsed, fields, extraction)


def _store(batch: list[_Ready]) -> dict[int, str]:
    """Write the batch as done with its items in one transaction; the outcome per article id.

    Should the batch fail (an article's row clashes with another's — same content hash or
    canonical URL, maybe from a concurrent worker — or one article trips a fault), it is
    stored again one article at a time: only the copy is skipped, only the faulty article
    stays claimed (the sweeper retries it, then fails it after MAX_ATTEMPTS), and the others
    are stored. The task's own article (the first) re-raises its fault.
    """
    outcomes = {ready.claim.article_id: "fenced" for ready in batch}
    written = False
    try:
        with transaction.atomic():
            # One guarded UPDATE per article checks the claim, locks the row and writes it as
            # done; the store below commits with them or not at all ("done" has its items).
            live = [
                ready
                for ready in batch
                if article_finish(
                    claim=ready.claim, status=ArticleStatus.DONE, log=False, **ready.fields
                )
            ]
            written = True
            for ready in live:
                for name, value in ready.fields.items():
                    setattr(ready.article, name, value)
            results = articles_store_extractions(
                jobs=[StoreJob(ready.article, ready.extraction) for ready in live]
            )
    except Exception as exc:
        if len(batch) > 1:
            return _store_one_by_one(batch, exc)
        if written or not isinstance(exc, IntegrityError):
            raise
        # Another article has the same content hash / canonical URL (maybe committed a moment
        # ago by a concurrent worker): this one is the copy.
        ready = batch[0]
        fields = dict(ready.fields)
        fields.pop("content_hash"), fields.pop("canonical_url_hash", None)
        fields.pop("extractor_version"), fields.pop("extracted_at")
        duplicate = _duplicate_of(ready.article, ready.parsed, by_content=True)
        return {ready.claim.article_id: _skip_duplicate(ready.claim, fields, duplicate)}
    for ready, result in zip(live, results, strict=True):
        outcomes[ready.claim.article_id] = ArticleStatus.DONE
        logger.info(
            "article done",
            extra={
                "article_id": ready.claim.article_id,
                "from_status": ready.claim.status,
                "events": len(result.events),
                "statements": len(result.statements),
                "batch": len(batch),
            },
        )
    return outcomes


def _store_one_by_one(batch: list[_Ready], cause: Exception) -> dict[int, str]:
    """The fallback of a failed batch (see _store)."""
    logger.warning(
        "batch store failed; storing its articles one by one: %r",
        cause,
        extra={"article_ids": [ready.claim.article_id for ready in batch]},
    )
    outcomes: dict[int, str] = {}
    own_fault: Exception | None = None
    for index, ready in enumerate(batch):
        try:
            outcomes.update(_store([ready]))
        except Exception as exc:
            if index == 0:
                own_fault = exc
            else:
                logger.exception(
                    "article store failed; left for the sweeper",
                    extra={"article_id": ready.claim.article_id},
                )
                outcomes[ready.claim.article_id] = "error"
    if own_fault is not None:
        raise own_fault
    return outcomes


def _skip_duplicate(claim: Claim, fields: dict[str, Any], duplicate: Article | None) -> str:
    """Mark the claimed article a skipped copy of `duplicate` (None: not visible yet)."""
    article_finish(
        claim=claim,
        status=ArticleStatus.SKIPPED,
        reason="duplicate",
        message=f"Same article as #{duplicate.pk}."
        if duplicate is not None
        else "Same article as another one processed concurrently.",
        duplicate_of=duplicate,
        **fields,
    )
    return ArticleStatus.SKIPPED
