"""Article claims: who may move an article from one state to the next.

State machine: queued → fetching → extracting → done | failed | skipped. Every transition is a
conditional UPDATE on (id, status, attempts): `attempts` is the claim's fencing token, so a
worker whose article was re-queued by the sweeper can no longer write it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import F
from django.utils import timezone

from timeline.enums import ArticleOrigin, ArticleStatus
from timeline.models import Article

logger = logging.getLogger("timeline.articles")


@dataclass(frozen=True, slots=True)
class Claim:
    """Proof that this worker owns an article in `status` (fencing token: `attempts`)."""

    article_id: int
    status: str
    attempts: int


def _claim_returning(
    *, article_id: int, from_status: str, to_status: str, attempts: int | None, bump: bool
) -> Article | None:
    """PostgreSQL: the conditional UPDATE and the read of the claimed row in one round trip."""
    table = Article._meta.db_table
    now = timezone.now()
    sql = (
        f"UPDATE {table} SET status = %s, status_changed_at = %s, updated_at = %s"  # noqa: S608
        + (", attempts = attempts + 1" if bump else "")
        + " WHERE id = %s AND status = %s"
        + (" AND attempts = %s" if attempts is not None else "")
        + " RETURNING *"
    )
    params: list[Any] = [to_status, now, now, article_id, from_status]
    if attempts is not None:
        params.append(attempts)
    return next(iter(Article.objects.raw(sql, params)), None)


def article_claim_row(
    *,
    article_id: int,
    from_status: str,
    to_status: str,
    attempts: int | None = None,
    bump_attempts: bool = False,
) -> tuple[Claim, Article] | None:
    """Claim an article (see article_claim) and return the claimed row with it.

    One `UPDATE … RETURNING *` on PostgreSQL; elsewhere the ORM update then a read by id.
    Returns None when another worker won or the state moved on (nothing written then).
    """
    claim_row = _claim_returning if connection.vendor == "postgresql" else _claim_orm
    article = claim_row(
        article_id=article_id,
        from_status=from_status,
        to_status=to_status,
        attempts=attempts,
        bump=bump_attempts,
    )
    return None if article is None else _claimed(article, from_status, to_status)


def articles_claim_queued_offline(*, limit: int, exclude_id: int) -> list[tuple[Claim, Article]]:
    """Claim up to `limit` queued articles that need no network (pasted text or HTML).

    PostgreSQL only (`FOR UPDATE SKIP LOCKED`: concurrent workers never wait for, nor take, the
    same rows); elsewhere it claims nothing. Oldest first. Each claim bumps `attempts` like
    article_claim_row, so their own tasks find them taken.
    """
    if limit <= 0 or connection.vendor != "postgresql":
        return []
    table = Article._meta.db_table
    now = timezone.now()
    sql = (
        f"UPDATE {table} SET status = %s, status_changed_at = %s, updated_at = %s,"  # noqa: S608
        " attempts = attempts + 1"
        f" WHERE id IN (SELECT id FROM {table} WHERE status = %s AND id <> %s"
        " AND origin IN (%s, %s) ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED)"
        " RETURNING *"
    )
    params = [
        ArticleStatus.FETCHING,
        now,
        now,
        ArticleStatus.QUEUED,
        exclude_id,
        ArticleOrigin.TEXT,
        ArticleOrigin.HTML,
        limit,
    ]
    return [
        _claimed(article, ArticleStatus.QUEUED, ArticleStatus.FETCHING)
        for article in sorted(Article.objects.raw(sql, params), key=lambda a: a.pk)
    ]


def _claim_orm(
    *, article_id: int, from_status: str, to_status: str, attempts: int | None, bump: bool
) -> Article | None:
    now = timezone.now()
    qs = Article.objects.filter(pk=article_id, status=from_status)
    if attempts is not None:
        qs = qs.filter(attempts=attempts)
    updates: dict[str, Any] = {"status": to_status, "status_changed_at": now, "updated_at": now}
    if bump:
        updates["attempts"] = F("attempts") + 1
    if not qs.update(**updates):
        return None
    return Article.objects.get(pk=article_id)


def _claimed(article: Article, from_status: str, to_status: str) -> tuple[Claim, Article]:
    """The claim a just-claimed row proves (its `attempts` is the fencing token), logged."""
    claim = Claim(article_id=article.pk, status=to_status, attempts=article.attempts)
    _log_claim(claim, from_status)
    return claim, article


def _log_claim(claim: Claim, from_status: str) -> None:
    logger.info(
        "article %s",
        claim.status,
        extra={
            "article_id": claim.article_id,
            "from_status": from_status,
            "attempts": claim.attempts,
        },
    )


def article_claim(
    *,
    article_id: int,
    from_status: str,
    to_status: str,
    attempts: int | None = None,
    bump_attempts: bool = False,
) -> Claim | None:
    """Move an article from one state to the next if (and only if) it is still as expected.

    A conditional UPDATE on (id, status[, attempts]); `bump_attempts` makes the new claim's
    fencing token. Returns the new Claim, or None when another worker won or the state moved on.
    """
    claimed = article_claim_row(
        article_id=article_id,
        from_status=from_status,
        to_status=to_status,
        attempts=attempts,
        bump_attempts=bump_attempts,
    )
    return claimed[0] if claimed else None


def article_finish(
    *,
    claim: Claim,
    status: str,
    reason: str = "",
    message: str = "",
    log: bool = True,
    **fields: Any,
) -> bool:
    """Terminal (or back-to-queued) transition guarded by the claim. Returns False if fenced.

    Writes `fields` with the new status in one conditional UPDATE; `log=False` leaves the state
    log line to the caller (who logs once its transaction committed).
    """
    now = timezone.now()
    updated = Article.objects.filter(
        pk=claim.article_id, status=claim.status, attempts=claim.attempts
    ).update(
        status=status,
        status_changed_at=now,
        updated_at=now,
        error_reason=reason[:64],
        error_message=message[:5000],
        **fields,
    )
    if not log:
        return bool(updated)
    level = logging.WARNING if status == ArticleStatus.FAILED else logging.INFO
    logger.log(
        level,
        "article %s",
        status,
        extra={
            "article_id": claim.article_id,
            "from_status": claim.status,
            "reason": reason,
            "fenced": not updated,
        },
    )
    return bool(updated)
