"""Change numbering for events and statements (what feed pollers follow)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from timeline.enums import ReviewState
from timeline.models import Event, Statement, allocate_change_seqs


def items_mark_changed(*, event_ids: Iterable[int] = (), statement_ids: Iterable[int] = ()) -> None:
    """Give each item a fresh change number (and updated_at). Call LAST in a transaction.

    Taking the counter lock last keeps it held only until commit, so change numbers are handed
    out in commit order and a poller reading "change_seq > N" never skips a later commit.
    """
    events = sorted(set(event_ids))
    statements = sorted(set(statement_ids))
    if not events and not statements:
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("items_mark_changed must run inside transaction.atomic()")
    numbers = iter(allocate_change_seqs(len(events) + len(statements)))
    now = timezone.now()
    if transaction.get_connection().vendor == "postgresql":
        event_seqs = [next(numbers) for _ in events]
        statement_seqs = [next(numbers) for _ in statements]
        _set_seqs(Event._meta.db_table, events, event_seqs, now)
        _set_seqs(Statement._meta.db_table, statements, statement_seqs, now)
        return
    event_rows = [Event(id=pk, change_seq=next(numbers), updated_at=now) for pk in events]
    statement_rows = [
        Statement(id=pk, change_seq=next(numbers), updated_at=now) for pk in statements
    ]
    Event.objects.bulk_update(event_rows, ["change_seq", "updated_at"], batch_size=500)
    Statement.objects.bulk_update(statement_rows, ["change_seq", "updated_at"], batch_size=500)


def _set_seqs(table: str, ids: list[int], seqs: list[int], now: datetime) -> None:
    """PostgreSQL: one UPDATE from two arrays (the ORM's bulk_update builds a CASE per row)."""
    if not ids:
        return
    with transaction.get_connection().cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS t SET change_seq = v.seq, updated_at = %s"  # noqa: S608
            " FROM unnest(%s::bigint[], %s::bigint[]) AS v(id, seq) WHERE t.id = v.id",
            [now, ids, seqs],
        )


def items_recount_and_mark_changed(
    *,
    event_ids: Iterable[int],
    statement_ids: Iterable[int],
    reject_event_ids: Iterable[int] = (),
    reject_statement_ids: Iterable[int] = (),
) -> None:
    """PostgreSQL: recount sources, reject orphans and renumber, one UPDATE per table.

    The same effect as refreshing `source_count` (distinct articles among the item's evidence),
    setting the given items `rejected` and calling items_mark_changed, but each row is
    rewritten once instead of three times (every rewrite also re-indexes the row, full-text
    index included). Call LAST in a transaction, like items_mark_changed.
    """
    from timeline.models import EventSource, StatementSource

    events = sorted(set(event_ids))
    statements = sorted(set(statement_ids))
    if not events and not statements:
        return
    connection = transaction.get_connection()
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        raise RuntimeError("items_recount_and_mark_changed needs PostgreSQL and a transaction")
    numbers = iter(allocate_change_seqs(len(events) + len(statements)))
    now = timezone.now()
    for model, source, column, ids, reject in (
        (Event, EventSource, "event_id", events, set(reject_event_ids)),
        (Statement, StatementSource, "statement_id", statements, set(reject_statement_ids)),
    ):
        if not ids:
            continue
        seqs = [next(numbers) for _ in ids]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {model._meta.db_table} AS t SET"  # noqa: S608
                " source_count = COALESCE((SELECT COUNT(DISTINCT s.article_id)"
                f" FROM {source._meta.db_table} AS s WHERE s.{column} = t.id), 0),"
                " change_seq = v.seq, updated_at = %s,"
                " review_state = CASE WHEN v.reject THEN %s ELSE t.review_state END"
                " FROM unnest(%s::bigint[], %s::bigint[], %s::boolean[]) AS v(id, seq, reject)"
                " WHERE t.id = v.id",
                [now, ReviewState.REJECTED, ids, seqs, [pk in reject for pk in ids]],
            )
