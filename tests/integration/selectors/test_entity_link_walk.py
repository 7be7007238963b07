"""The entity timeline walked on the links returns exactly what the item-driven filter returns.

`timeline_page` answers entity (+ date, review state, cursor) filters from the entity links'
copies of the item columns (selectors.filters.entity_link_list). Every page here is compared
with the same page computed by the item-driven path (forced by patching `link_walkable`),
over items with long intervals (year, decade, century), undated items, several roles per link,
unpublished items, and every paging direction.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tests.factories import (
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    StatementEntityFactory,
    StatementFactory,
    UserFactory,
)
from timeline.enums import EventRole, ReviewState, StatementRole
from timeline.selectors import timeline as timeline_module
from timeline.selectors.filters import TimelineFilter, link_walkable
from timeline.selectors.timeline import timeline_page

pytestmark = pytest.mark.django_db

SPANS = (0, 0, 0, 6, 30, 364, 3652, 36524)  # day … century


def _interval(rng: random.Random) -> dict[str, object]:
    if rng.random() < 0.15:  # undated: placed on the reporting date
        return {"date_start": None, "date_end": None, "sort_date": _day(rng)}
    start = _day(rng) - dt.timedelta(days=rng.choice((0, 0, 3000)))
    end = start + dt.timedelta(days=rng.choice(SPANS))
    return {"date_start": start, "date_end": end, "sort_date": start}


def _day(rng: random.Random) -> dt.date:
    return dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3650))


@pytest.fixture
def world():
    rng = random.Random(7)
    entities = [EntityFactory(name=f"Entity {n}") for n in range(3)]
    states = (ReviewState.PUBLISHED,) * 4 + (ReviewState.PENDING, ReviewState.REJECTED)
    for _ in range(70):
        event = EventFactory(review_state=rng.choice(states), **_interval(rng))
        for entity in rng.sample(entities, rng.randint(1, 2)):
            EventEntityFactory(event=event, entity=entity, role=EventRole.ACTOR)
            if rng.random() < 0.3:  # a second role: the walk must not list the event twice
                EventEntityFactory(event=event, entity=entity, role=EventRole.LOCATION)
    for _ in range(40):
        statement = StatementFactory(review_state=rng.choice(states), **_interval(rng))
        for entity in rng.sample(entities, rng.randint(1, 2)):
            StatementEntityFactory(statement=statement, entity=entity, role=StatementRole.MENTIONED)
    return [e.slug for e in entities]


def _pages(filters: TimelineFilter, user, *, size: int, descending: bool) -> list[list]:
    """Every page forward, then every page backward from the end: keys and flags."""
    out, after, last = [], None, None
    while True:
        page = timeline_page(
            filters=filters, user=user, first=size, after=after, descending=descending
        )
        out.append(([(i.kind, i.item.pk) for i in page.items], page.has_next, page.has_previous))
        if not page.has_next:
            break
        after, last = page.items[-1].key, page.items[0].key
    if last is not None:
        page = timeline_page(
            filters=filters, user=user, first=size, before=last, descending=descending
        )
        out.append(([(i.kind, i.item.pk) for i in page.items], page.has_next, page.has_previous))
    return out


def _both_paths(monkeypatch, filters, user, **kwargs):
    assert link_walkable(filters)
    walked = _pages(filters, user, **kwargs)
    with monkeypatch.context() as m:
        m.setattr(timeline_module, "link_walkable", lambda f: False)
        reference = _pages(filters, user, **kwargs)
    return walked, reference


WINDOWS = [
    (None, None),
    (dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
    (dt.date(2020, 6, 1), None),
    (None, dt.date(2016, 3, 31)),
    (dt.date(2019, 2, 14), dt.date(2019, 2, 14)),
]


@pytest.mark.parametrize(("date_from", "date_to"), WINDOWS)
def test_link_walk_equals_item_filter(monkeypatch, world, date_from, date_to):
    staff = UserFactory(staff=True)
    for entities, mode in (
        ((world[0],), "any"),
        ((world[1],), "all"),
        ((world[0], world[2]), "any"),
        ((world[0], world[1]), "all"),
    ):
        for user, states in ((None, ()), (staff, ()), (staff, ("pending", "rejected"))):
            filters = TimelineFilter(
                entities=entities,
                entity_mode=mode,
                date_from=date_from,
                date_to=date_to,
                review_states=states,
            )
            for descending in (False, True):
                walked, reference = _both_paths(
                    monkeypatch, filters, user, size=7, descending=descending
                )
                assert walked == reference, (filters, user, descending)
                assert walked[0][0] or not reference[0][0]


def test_kind_filter_and_unknown_entity(monkeypatch, world):
    for kind in ("event", "statement"):
        filters = TimelineFilter(entities=(world[2],), kind=kind, date_from=dt.date(2017, 1, 1))
        walked, reference = _both_paths(monkeypatch, filters, None, size=5, descending=False)
        assert walked == reference
    nobody = TimelineFilter(entities=("no-such-entity",))
    assert timeline_page(filters=nobody).items == []


def test_other_criteria_take_the_item_path():
    assert link_walkable(TimelineFilter(entities=("x",), date_from=dt.date(2020, 1, 1)))
    assert link_walkable(TimelineFilter(entities=("x",), review_states=("pending",)))
    assert not link_walkable(TimelineFilter())
    for extra in (
        {"types": ("meeting",)},
        {"statuses": ("happened",)},
        {"precisions": ("day",)},
        {"q": "accord"},
        {"speakers": ("x",)},
        {"outlets": ("example.org",)},
        {"min_sources": 2},
        {"updated_since": 5},
    ):
        assert not link_walkable(TimelineFilter(entities=("x",), **extra)), extra  # type: ignore[arg-type]
