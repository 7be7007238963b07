"""CompiledValues returns exactly what the `.values()` QuerySet it was built from returns."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EntityFactory, EventEntityFactory, EventFactory, EventSourceFactory
from timeline.models import Event, EventSource
from timeline.selectors import rows
from timeline.selectors.compiled import CompiledValues

pytestmark = pytest.mark.django_db


def _events(n: int) -> list[int]:
    ids = []
    for i in range(n):
        event = EventFactory(
            date_start=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            figures={"troops": i} if i % 2 else {},
            edited_fields=["title"] if i % 3 == 0 else [],
        )
        EventEntityFactory(event=event, entity=EntityFactory())
        EventSourceFactory(event=event)
        ids.append(event.pk)
    return ids


def test_same_rows_as_the_orm_for_every_id_count_and_order():
    ids = _events(6)
    compiled = CompiledValues(
        lambda pks: Event.objects.filter(pk__in=pks).values(*rows.EVENT_FIELDS)
    )
    for n in (1, 2, 3, 6):
        for chosen in (ids[:n], list(reversed(ids))[:n]):
            expected = list(Event.objects.filter(pk__in=chosen).values(*rows.EVENT_FIELDS))
            assert compiled(chosen) == expected
    # JSON and datetime columns come back converted, as the ORM converts them.
    row = compiled(ids[1:2])[0]
    assert row["figures"] == {"troops": 1}
    assert row["created_at"].tzinfo is not None
    assert compiled([]) == []
    assert compiled._plans
    assert all(plan is not None for plan in compiled._plans.values())
    assert compiled([ids[0], ids[0]]) == compiled([ids[0]])  # duplicates: as the ORM's IN


def test_joined_and_ordered_children_and_one_query_per_call():
    ids = _events(4)
    build = lambda pks: (  # noqa: E731
        EventSource.objects.filter(event_id__in=pks)
        .order_by("created_at", "id")
        .values("event_id", "start", "end", *rows.SOURCE_FIELDS)
    )
    compiled = CompiledValues(build)
    assert compiled(ids) == list(build(ids))
    with CaptureQueriesContext(connection) as queries:
        compiled(ids[:3])
        compiled(ids[1:])
    assert len(queries) == 2
    assert all(plan is not None for plan in compiled._plans.values())
    assert compiled([10**9]) == []  # unknown ids: no rows


def test_visibility_variants_of_the_statements_about_events():
    event = EventFactory()
    from tests.factories import StatementFactory
    from timeline.enums import ReviewState

    StatementFactory(event=event, quote="public words")
    StatementFactory(event=event, quote="draft words", review_state=ReviewState.PENDING)
    public = {row["quote"] for row in rows._ABOUT[False]([event.pk])}
    staff = {row["quote"] for row in rows._ABOUT[True]([event.pk])}
    assert public == {"public words"}
    assert staff == {"public words", "draft words"}
