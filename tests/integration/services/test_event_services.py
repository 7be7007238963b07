from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import (
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    EventSourceFactory,
    StatementFactory,
)
from timeline.enums import ReviewState
from timeline.exceptions import Conflict, ServiceValidationError
from timeline.models import Event, EventEntity, EventSource
from timeline.services.events import event_update, events_merge, events_publish, events_reject

pytestmark = pytest.mark.django_db


def test_event_update_remembers_edited_fields_and_bumps_change_seq():
    event = EventFactory(title="Machine title")
    before = event.change_seq
    event = event_update(
        event=event,
        title="Editor title",
        date_start=dt.date(2024, 6, 1),
        date_end=dt.date(2024, 6, 30),
        date_precision="month",
    )
    assert event.title == "Editor title"
    assert event.sort_date == dt.date(2024, 6, 1)
    assert set(event.edited_fields) == {"title", "date_start", "date_end", "date_precision"}
    assert event.change_seq != before


def test_event_update_rejects_unknown_fields_and_values():
    event = EventFactory()
    with pytest.raises(ServiceValidationError) as err:
        event_update(event=event, confidence=1.0)
    assert "confidence" in err.value.detail
    with pytest.raises(ServiceValidationError) as err:
        event_update(event=event, type="picnic")
    assert "type" in err.value.detail
    with pytest.raises(ServiceValidationError):
        event_update(event=event, date_start=dt.date(2024, 6, 2), date_end=dt.date(2024, 6, 1))


def test_publish_and_reject_change_state_and_skip_merged():
    pending = EventFactory(review_state=ReviewState.PENDING)
    merged = EventFactory(review_state=ReviewState.MERGED, merged_into=pending)
    assert events_publish(event_ids=[pending.pk, merged.pk]) == 1
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.PUBLISHED
    assert events_reject(event_ids=[pending.pk]) == 1
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.REJECTED


def test_merge_moves_sources_actors_statements_and_marks_others_merged():
    country = EntityFactory(name="Freedonia")
    into, dup = EventFactory(), EventFactory()
    EventSourceFactory(event=into)
    source = EventSourceFactory(event=dup)
    EventEntityFactory(event=into, entity=country)
    EventEntityFactory(event=dup, entity=country)
    EventEntityFactory(event=dup, entity=EntityFactory(name="Sylvania"))
    statement = StatementFactory(event=dup)
    survivor = events_merge(into=into, others=[dup])
    assert survivor.source_count == 2
    assert EventSource.objects.get(pk=source.pk).event_id == into.pk
    assert EventEntity.objects.filter(event=into).count() == 2
    statement.refresh_from_db()
    assert statement.event_id == into.pk
    dup.refresh_from_db()
    assert (dup.review_state, dup.merged_into_id) == (ReviewState.MERGED, into.pk)
    # merging again is harmless
    events_merge(into=into, others=[dup])
    assert Event.objects.get(pk=into.pk).source_count == 2


def test_merge_refuses_merged_target_and_empty_merge():
    into = EventFactory()
    with pytest.raises(ServiceValidationError):
        events_merge(into=into, others=[into])
    gone = EventFactory(review_state=ReviewState.MERGED, merged_into=into)
    with pytest.raises(Conflict):
        events_merge(into=gone, others=[into])
