"""Entity links carry copies of their item's dates and review state (migration 0005).

The entity timeline walks the links (selectors.filters.entity_link_list), so a stale copy would
show or hide items wrongly. Triggers keep them equal whatever writes; these tests go through
every writer of the copied columns or of the links: the extraction store, event_update,
publish/reject (QuerySet.update), merge, entity_merge, plain ORM saves and bulk inserts.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from tests.factories import (
    ArticleFactory,
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    StatementFactory,
)
from tests.integration.services.helpers import TEXT, accord_event, extraction
from timeline.enums import ReviewState
from timeline.models import Event, EventEntity, Statement, StatementEntity
from timeline.services.entities import entity_merge
from timeline.services.events import event_update, events_merge, events_publish, events_reject
from timeline.services.extraction import article_store_extraction

pytestmark = pytest.mark.django_db

COPIED = ("sort_date", "date_start", "date_end", "review_state")


def assert_links_in_sync() -> None:
    """Every link's copies equal its item's columns (and there is at least one link)."""
    checked = 0
    for model, link_model, fk in (
        (Event, EventEntity, "event_id"),
        (Statement, StatementEntity, "statement_id"),
    ):
        items = {row["id"]: row for row in model.objects.values("id", *COPIED)}
        for link in link_model.objects.values(fk, *COPIED):
            item = items[link[fk]]
            assert {c: link[c] for c in COPIED} == {c: item[c] for c in COPIED}, link
            checked += 1
    assert checked


def test_orm_create_save_update_and_bulk_create_fill_the_copies():
    event = EventFactory(
        date_start=dt.date(2024, 6, 1),
        date_end=dt.date(2024, 6, 30),
        sort_date=dt.date(2024, 6, 1),
        review_state=ReviewState.PUBLISHED,
    )
    EventEntityFactory(event=event)
    EventEntity.objects.bulk_create([EventEntity(event=event, entity=EntityFactory())])
    assert_links_in_sync()
    event.date_start, event.date_end, event.sort_date = (
        dt.date(2020, 1, 1),
        dt.date(2020, 12, 31),
        dt.date(2020, 1, 1),
    )
    event.save()
    assert_links_in_sync()
    Event.objects.filter(pk=event.pk).update(review_state=ReviewState.REJECTED)
    assert_links_in_sync()
    # A write of the copies themselves is overridden by the item's values.
    EventEntity.objects.filter(event=event).update(sort_date=dt.date(1999, 1, 1))
    assert_links_in_sync()
    other = EventFactory(sort_date=dt.date(2001, 2, 3), date_start=None, date_end=None)
    EventEntity.objects.filter(event=event).update(event=other)  # a link moved to another item
    assert set(EventEntity.objects.values_list("sort_date", flat=True)) == {dt.date(2001, 2, 3)}
    assert_links_in_sync()


def test_extraction_store_and_reextraction_keep_links_in_sync():
    article = ArticleFactory(text=TEXT)
    with transaction.atomic():
        article_store_extraction(article=article, extraction=extraction())
    assert_links_in_sync()
    assert StatementEntity.objects.exists()
    # Re-extraction with a new date for the event and without the statement (rejected).
    changed = accord_event(
        date="2024-07", date_start=dt.date(2024, 7, 1), date_end=dt.date(2024, 7, 31)
    )
    with transaction.atomic():
        article_store_extraction(
            article=article, extraction=extraction(events=(changed,), statements=())
        )
    assert Statement.objects.get().review_state == ReviewState.REJECTED
    assert_links_in_sync()


def test_event_update_publish_reject_and_merge_keep_links_in_sync():
    country = EntityFactory(name="Freedonia")
    into = EventFactory(review_state=ReviewState.PENDING)
    dup = EventFactory(review_state=ReviewState.PUBLISHED)
    EventEntityFactory(event=into, entity=country)
    EventEntityFactory(event=dup, entity=EntityFactory(name="Sylvania"))
    event_update(event=into, date_start=dt.date(2023, 3, 1), date_end=dt.date(2023, 3, 31))
    assert EventEntity.objects.filter(event=into).get().sort_date == dt.date(2023, 3, 1)
    assert_links_in_sync()
    events_publish(event_ids=[into.pk])
    assert EventEntity.objects.get(event=into).review_state == ReviewState.PUBLISHED
    assert_links_in_sync()
    events_reject(event_ids=[into.pk])
    events_publish(event_ids=[into.pk])
    assert_links_in_sync()
    events_merge(into=into, others=[dup])  # dup's links move to `into`, dup becomes merged
    assert EventEntity.objects.filter(event=into).count() == 2
    assert Event.objects.get(pk=dup.pk).review_state == ReviewState.MERGED
    assert_links_in_sync()


def test_entity_merge_keeps_links_in_sync():
    source, target = EntityFactory(name="Freedonia"), EntityFactory(name="Freedonia Republic")
    event = EventFactory(review_state=ReviewState.PUBLISHED)
    EventEntityFactory(event=event, entity=source)
    statement = StatementFactory(review_state=ReviewState.PUBLISHED)
    StatementEntity.objects.create(statement=statement, entity=source)
    entity_merge(source=source, target=target)
    assert set(EventEntity.objects.values_list("entity_id", flat=True)) == {target.pk}
    assert_links_in_sync()


def test_statement_links_follow_their_statement():
    statement = StatementFactory(review_state=ReviewState.PENDING, date_start=None, date_end=None)
    StatementEntity.objects.create(statement=statement, entity=EntityFactory())
    assert_links_in_sync()
    Statement.objects.filter(pk=statement.pk).update(
        review_state=ReviewState.PUBLISHED, sort_date=dt.date(2022, 5, 5)
    )
    link = StatementEntity.objects.get()
    assert (link.review_state, link.sort_date) == (ReviewState.PUBLISHED, dt.date(2022, 5, 5))
    assert_links_in_sync()
