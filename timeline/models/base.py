"""Abstract bases and the change sequence shared by events and statements."""

from __future__ import annotations

from django.db import models, transaction
from django.utils import timezone


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ChangeCounter(models.Model):
    """One row per named counter; `timeline` numbers every change to events and statements.

    Feed clients poll "what changed after N". A database SEQUENCE would hand out numbers in
    allocation order but transactions commit in another order, so a poller could see N+1 before
    N commits and then skip N forever. Taking this row lock as the *last* step of a writing
    transaction makes commit order equal number order (writers queue on the lock only for the
    few microseconds between allocation and commit).
    """

    name = models.CharField(max_length=32, primary_key=True)
    value = models.BigIntegerField(default=0)
    # When `value` last moved: the Last-Modified of every list and feed (one PK lookup).
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


def allocate_change_seqs(count: int, name: str = "timeline") -> range:
    """Reserve `count` consecutive change numbers inside the caller's transaction."""
    if count <= 0:
        return range(0)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("allocate_change_seqs must run inside transaction.atomic()")
    if connection.vendor == "postgresql":
        # Lock, bump and read in one round trip (the row exists after the first allocation).
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ChangeCounter._meta.db_table} SET value = value + %s, changed_at = %s"  # noqa: S608
                " WHERE name = %s RETURNING value",
                [count, timezone.now(), name],
            )
            row = cursor.fetchone()
        if row is not None:
            return range(int(row[0]) - count + 1, int(row[0]) + 1)
    counter, _ = ChangeCounter.objects.select_for_update().get_or_create(name=name)
    start = counter.value + 1
    counter.value += count
    counter.changed_at = timezone.now()
    counter.save(update_fields=["value", "changed_at"])
    return range(start, start + count)
