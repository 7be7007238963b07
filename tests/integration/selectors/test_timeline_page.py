from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import (
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    StatementEntityFactory,
    StatementFactory,
    UserFactory,
)
from timeline.enums import ReviewState
from timeline.selectors.filters import TimelineFilter
from timeline.selectors.timeline import TimelineKey, timeline_page

pytestmark = pytest.mark.django_db


def day(n: int) -> dt.date:
    return dt.date(2024, 10, 1) + dt.timedelta(days=n)


def keys(page):
    return [(i.kind, i.item.pk) for i in page.items]


@pytest.fixture
def mixed():
    """Events and statements interleaved over ten days, two per day on days 3 and 5."""
    items = []
    for n in range(10):
        items.append(("event", EventFactory(date_start=day(n)).pk))
        if n in (3, 5):
            items.append(("event", EventFactory(date_start=day(n)).pk))
            items.append(("statement", StatementFactory(date_start=day(n)).pk))
    return items


def test_timeline_merges_kinds_in_date_then_kind_then_id_order(mixed):
    page = timeline_page(filters=TimelineFilter(), first=200)
    assert keys(page) == mixed
    assert not page.has_next


def test_cursor_walks_forward_without_gaps_or_repeats(mixed):
    seen, after = [], None
    while True:
        page = timeline_page(filters=TimelineFilter(), first=3, after=after)
        seen += keys(page)
        if not page.has_next:
            break
        after = TimelineKey.decode(page.end_cursor)
    assert seen == mixed


def test_cursor_walks_backward(mixed):
    last = timeline_page(filters=TimelineFilter(), first=200).items[-1].key
    page = timeline_page(filters=TimelineFilter(), first=4, before=last)
    assert keys(page) == mixed[-5:-1]
    assert page.has_previous


def test_descending_order(mixed):
    page = timeline_page(filters=TimelineFilter(), first=200, descending=True)
    assert keys(page) == list(reversed(mixed))


def test_public_sees_published_only_staff_sees_all():
    EventFactory(review_state=ReviewState.PENDING)
    published = EventFactory()
    assert keys(timeline_page(filters=TimelineFilter())) == [("event", published.pk)]
    staff = UserFactory(staff=True)
    assert len(timeline_page(filters=TimelineFilter(), user=staff).items) == 2


def test_entity_filter_any_and_all():
    a, b = EntityFactory(name="Freedonia"), EntityFactory(name="Sylvania")
    both = EventFactory()
    EventEntityFactory(event=both, entity=a)
    EventEntityFactory(event=both, entity=b)
    only_a = EventFactory()
    EventEntityFactory(event=only_a, entity=a)
    said = StatementFactory()
    StatementEntityFactory(statement=said, entity=b)
    EventFactory()
    any_ = timeline_page(filters=TimelineFilter(entities=("freedonia", "sylvania")))
    assert set(keys(any_)) == {
        ("event", both.pk),
        ("event", only_a.pk),
        ("statement", said.pk),
    }
    all_ = timeline_page(
        filters=TimelineFilter(entities=("freedonia", "sylvania"), entity_mode="all")
    )
    assert keys(all_) == [("event", both.pk)]


def test_date_overlap_uses_interval_and_places_undated_on_report_date():
    june = EventFactory(date_start=dt.date(2024, 6, 1), date_end=dt.date(2024, 6, 30))
    EventFactory(date_start=dt.date(2024, 5, 1), date_end=dt.date(2024, 5, 31))
    undated = EventFactory(date_start=None, date_end=None, sort_date=dt.date(2024, 6, 15))
    page = timeline_page(
        filters=TimelineFilter(date_from=dt.date(2024, 6, 20), date_to=dt.date(2024, 7, 1))
    )
    assert keys(page) == [("event", june.pk)]
    page = timeline_page(
        filters=TimelineFilter(date_from=dt.date(2024, 6, 10), date_to=dt.date(2024, 6, 16))
    )
    assert keys(page) == [("event", june.pk), ("event", undated.pk)]


def test_type_filter_returns_events_only_and_speaker_statements_only():
    EventFactory(type="attack")
    meeting = EventFactory(type="meeting")
    stmt = StatementFactory()
    assert keys(timeline_page(filters=TimelineFilter(types=("meeting",)))) == [
        ("event", meeting.pk)
    ]
    assert keys(timeline_page(filters=TimelineFilter(speakers=(stmt.speaker.slug,)))) == [
        ("statement", stmt.pk)
    ]


def test_text_search_and_updated_since():
    old = EventFactory(title="Ceasefire talks collapse")
    new = EventFactory(title="Harbour reopened")
    assert keys(timeline_page(filters=TimelineFilter(q="ceasefire"))) == [("event", old.pk)]
    assert keys(timeline_page(filters=TimelineFilter(updated_since=old.change_seq))) == [
        ("event", new.pk)
    ]


def test_bad_cursor_is_rejected():
    with pytest.raises(ValueError, match="bad kind"):
        TimelineKey.decode("2024-10-01~x~1")
    with pytest.raises(ValueError, match="not enough values"):
        TimelineKey.decode("garbage")
