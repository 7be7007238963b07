"""The timeline's SQL query count does not grow with the page size (no N+1 anywhere)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ArticleFactory,
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    EventSourceFactory,
    OutletFactory,
    StatementEntityFactory,
    StatementFactory,
    StatementSourceFactory,
)
from tests.integration.graphql.scenario import NORTH_KOREA_TIMELINE
from timeline.enums import EntityKind, EventRole, StatementRole

pytestmark = pytest.mark.django_db

DEEP = """
query Deep($first: Int) {
  timeline(filter: {entities: ["north-korea"]}, first: $first) {
    edges { node {
      ... on Event {
        actors { entity { aliases { alias } locatedIn { slug } } }
        statements { event { title } sources { article { outlet { name } } } }
      }
      ... on Statement { speaker { aliases { alias } } event { actors { entity { slug } } } }
    } }
  }
}
"""


def seed(n: int) -> None:
    """n events and n statements about North Korea, each with sources, actors and speakers."""
    nk = EntityFactory(name="North Korea", slug="north-korea", kind=EntityKind.COUNTRY)
    ru = EntityFactory(name="Russia", slug="russia", kind=EntityKind.COUNTRY)
    outlet = OutletFactory(domain="wire.example.org")
    for i in range(n):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
        event = EventFactory(date_start=day, source_count=2)
        EventEntityFactory(event=event, entity=nk, role=EventRole.TARGET)
        EventEntityFactory(event=event, entity=ru, role=EventRole.ACTOR)
        for _ in range(2):
            EventSourceFactory(event=event, article=ArticleFactory(extracted=True, outlet=outlet))
        speaker = EntityFactory(kind=EntityKind.PERSON)
        statement = StatementFactory(speaker=speaker, event=event, date_start=day)
        StatementEntityFactory(statement=statement, entity=speaker, role=StatementRole.SPEAKER)
        StatementEntityFactory(statement=statement, entity=nk, role=StatementRole.MENTIONED)
        StatementSourceFactory(
            statement=statement, article=ArticleFactory(extracted=True, outlet=outlet)
        )


def count_queries(graphql, query: str, first: int) -> int:
    with CaptureQueriesContext(connection) as ctx:
        body = graphql(query, {"first": first})
    assert "errors" not in body, body["errors"]
    assert len(body["data"]["timeline"]["edges"]) == first
    return len(ctx.captured_queries)


@pytest.mark.parametrize("query", [NORTH_KOREA_TIMELINE, DEEP], ids=["timeline", "deep"])
def test_timeline_query_count_is_the_same_for_50_and_200_items(graphql, query):
    seed(100)  # 100 events + 100 statements: a page of 200 spans both kinds
    small = count_queries(graphql, query.replace("2024-06-01", "2024-01-01"), 50)
    large = count_queries(graphql, query.replace("2024-06-01", "2024-01-01"), 200)
    print(f"queries: 50 items -> {small}, 200 items -> {large}")
    assert small == large
    assert large <= 20
