"""The article pipeline: fetch or parse → extract → store, one guarded step at a time.

Network I/O and extraction run outside any transaction; only the final store holds locks.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from timeline.dto import FetchedResponse, FetchPolicy, ParsedArticle
from timeline.enums import ArticleOrigin, ArticleStatus, DateSource
from timeline.exceptions import IngestError, TransientFetchError
from timeline.extract import EXTRACTOR_VERSION
from timeline.models import Article
from timeline.normalize import url_hash
from timeline.services.articles import Claim, article_claim_row, article_finish
from timeline.services.extraction import article_store_extraction

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
    """
    claimed = article_claim_row(
        article_id=article_id,
        from_status=ArticleStatus.QUEUED,
        to_status=ArticleStatus.FETCHING,
        bump_attempts=True,
    )
    if claimed is None:
        return "not-claimed"
    claim, article = claimed
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
    return _extract_and_store(article, claim, parsed, extra)


def _extract_and_store(
    article: Article, claim: Claim, parsed: ParsedArticle, extra: dict[str, Any]
) -> str:
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
    written = False
    try:
        with transaction.atomic():
            # One guarded UPDATE checks the claim, locks the row and writes it as done; the
            # store below commits with it or not at all (so "done" always has its items).
            if not article_finish(claim=claim, status=ArticleStatus.DONE, log=False, **fields):
                return "fenced"
            written = True
            for name, value in fields.items():
                setattr(article, name, value)
            result = article_store_extraction(article=article, extraction=extraction)
    except IntegrityError:
        if written:
            raise
        # Another article has the same content hash / canonical URL (maybe committed a moment
        # ago by a concurrent worker): this one is the copy.
        fields.pop("content_hash"), fields.pop("canonical_url_hash", None)
        fields.pop("extractor_version"), fields.pop("extracted_at")
        return _skip_duplicate(claim, fields, _duplicate_of(article, parsed, by_content=True))
    logger.info(
        "article done",
        extra={
            "article_id": claim.article_id,
            "from_status": claim.status,
            "events": len(result.events),
            "statements": len(result.statements),
        },
    )
    return ArticleStatus.DONE


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
