"""A timeline page costs the same small number of queries for 50 items as for 200."""

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
    StatementEntityFactory,
    StatementFactory,
    StatementSourceFactory,
)
from timeline.enums import EntityKind, EventRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_timeline():
    """250 events and 150 statements, each with two sources, actors and (events) statements."""
    place = EntityFactory(name="Kursk", kind=EntityKind.CITY)
    country = EntityFactory(name="Ukraine")
    speaker = EntityFactory(name="A Spokesperson", kind=EntityKind.PERSON)
    articles = [ArticleFactory(extracted=True) for _ in range(4)]
    for n in range(250):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=n)
        event = EventFactory(date_start=day, source_count=2)
        EventEntityFactory(event=event, entity=country)
        EventEntityFactory(event=event, entity=place, role=EventRole.LOCATION)
        for article in articles[:2]:
            EventSourceFactory(event=event, article=article, start=n, end=n + 5)
        if n < 150:
            statement = StatementFactory(speaker=speaker, date_start=day, event=event)
            StatementEntityFactory(statement=statement, entity=country)
            for article in articles[2:]:
                StatementSourceFactory(
                    statement=statement, article=article, quote_start=n, quote_end=n + 3
                )


def count_queries(client, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/v1/timeline/", params)
    assert response.status_code == 200
    return response.json()["results"], len(ctx.captured_queries)


def test_page_of_50_and_of_200_run_the_same_queries(client, rich_timeline):
    small, small_queries = count_queries(client, {"page_size": 50})
    large, large_queries = count_queries(client, {"page_size": 200})
    assert (len(small), len(large)) == (50, 200)
    assert any(item["kind"] == "statement" for item in large)
    assert all(len(item["sources"]) == 2 and item["entities"] for item in large)
    assert any(item.get("statements") for item in large if item["kind"] == "event")
    # change mark 1, keys 2 (one per kind), events 1 + entities, sources, statements 3,
    # statements 1 + entities, sources 2 = 10, whatever the page size
    assert small_queries == large_queries == 10


def test_filtered_page_keeps_the_same_query_budget(
    client, rich_timeline, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get(
            "/api/v1/timeline/", {"entity": "ukraine", "page_size": 200, "date_from": "2024-02-01"}
        )
    assert len(response.json()["results"]) == 200


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/statements/"])
def test_event_and_statement_lists_are_constant_too(client, rich_timeline, url):
    with CaptureQueriesContext(connection) as small:
        client.get(url, {"page_size": 10})
    with CaptureQueriesContext(connection) as large:
        client.get(url, {"page_size": 200})
    # change mark, keys, rows, and the rows' children (three for events, two for statements)
    assert len(small.captured_queries) == len(large.captured_queries) <= 6
