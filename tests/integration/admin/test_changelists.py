"""Review-queue lists: evidence highlighting, filters, search, and a bounded query count."""

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
from timeline.admin.common import highlight
from timeline.enums import ReviewState

pytestmark = pytest.mark.django_db

EVENTS = "/admin/timeline/event/"
STATEMENTS = "/admin/timeline/statement/"


def titles(client, query: str = "") -> set[str]:
    response = client.get(EVENTS + query)
    assert response.status_code == 200
    return {e.title for e in response.context["cl"].result_list}


def pending_with_sources(n: int, **source_kwargs) -> list:
    events = []
    for _ in range(n):
        event = EventFactory(review_state=ReviewState.PENDING)
        EventSourceFactory(event=event, **source_kwargs)
        EventSourceFactory(event=event, **source_kwargs)
        EventEntityFactory(event=event)
        events.append(event)
    return events


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_event_queue_query_count_does_not_grow_with_rows(
    editor_client, django_assert_max_num_queries
):
    pending_with_sources(3)
    few = count_queries(editor_client, EVENTS)
    pending_with_sources(35)
    with django_assert_max_num_queries(few):
        response = editor_client.get(EVENTS)
    assert len(response.context["cl"].result_list) == 38
    assert response.content.decode().count("<mark>") == 38


def test_statement_queue_query_count_does_not_grow_with_rows(
    editor_client, django_assert_max_num_queries
):
    StatementSourceFactory(statement__review_state=ReviewState.PENDING)
    few = count_queries(editor_client, STATEMENTS)
    for _ in range(35):
        StatementSourceFactory(statement__review_state=ReviewState.PENDING)
    with django_assert_max_num_queries(few):
        response = editor_client.get(STATEMENTS)
    assert len(response.context["cl"].result_list) == 36


@pytest.mark.parametrize(
    "url",
    [
        "/admin/timeline/entity/",
        "/admin/timeline/article/",
        "/admin/timeline/feed/",
        "/admin/timeline/entityalias/",
    ],
)
def test_other_lists_do_not_query_per_row(editor_client, django_assert_max_num_queries, url):
    for _ in range(3):
        EventSourceFactory(article__outlet=OutletFactory())
        EntityFactory(located_in=EntityFactory(), merged_into=EntityFactory())
    few = count_queries(editor_client, url)
    for _ in range(32):
        EventSourceFactory(article__outlet=OutletFactory())
        EntityFactory(located_in=EntityFactory(), merged_into=EntityFactory())
    with django_assert_max_num_queries(few + 1):  # +1: the outlet filter lists more outlets
        editor_client.get(url)


def test_queue_shows_the_first_source_with_its_span_highlighted_and_escaped(editor_client):
    event = EventFactory(review_state=ReviewState.PENDING)
    EventSourceFactory(
        event=event,
        sentence='Troops <script>x</script> crossed "the" border.',
        sentence_start=10,
        start=36,
        end=49,
    )
    page = editor_client.get(EVENTS).content.decode()
    assert (
        "Troops &lt;script&gt;x&lt;/script&gt; <mark>crossed &quot;the&quot;</mark> border."
    ) in page
    assert "<script>x</script>" not in page


def test_highlight_clips_spans_outside_the_sentence():
    assert highlight("abc", 0, -5, 99) == "<mark>abc</mark>"
    assert highlight("abcdef", 10, 12, 14) == "ab<mark>cd</mark>ef"
    assert highlight("abcdef", 10, 30, 40) == "abcdef<mark></mark>"
    assert "…" in highlight("x" * 500 + "SPAN" + "y" * 500, 0, 500, 504, context=20)


def test_queue_defaults_to_pending_newest_first(editor_client):
    old = EventFactory(review_state=ReviewState.PENDING, title="Older")
    new = EventFactory(review_state=ReviewState.PENDING, title="Newer")
    EventFactory(review_state=ReviewState.PUBLISHED, title="Published")
    rows = list(editor_client.get(EVENTS).context["cl"].result_list)
    assert [e.pk for e in rows] == [new.pk, old.pk]
    assert titles(editor_client, "?review=all") == {"Older", "Newer", "Published"}
    assert titles(editor_client, "?review=published") == {"Published"}


def test_filter_by_entity_slug(editor_client):
    korea = EntityFactory(name="North Korea", slug="north-korea")
    linked = EventFactory(review_state=ReviewState.PENDING, title="Linked")
    EventFactory(review_state=ReviewState.PENDING, title="Unlinked")
    EventEntityFactory(event=linked, entity=korea)
    assert titles(editor_client, "?entity=north-korea") == {"Linked"}
    statement = StatementFactory(review_state=ReviewState.PENDING, quote="About Korea")
    StatementFactory(review_state=ReviewState.PENDING, quote="About nothing")
    StatementEntityFactory(statement=statement, entity=korea)
    rows = editor_client.get(STATEMENTS + "?entity=north-korea").context["cl"].result_list
    assert [s.quote for s in rows] == ["About Korea"]


def test_entity_suggestions_give_slugs(editor_client):
    EntityFactory(name="North Korea", slug="north-korea")
    EntityFactory(name="South Africa", slug="south-africa")
    data = editor_client.get("/admin/timeline/entity/suggest/?term=korea").json()
    assert [r["slug"] for r in data["results"]] == ["north-korea"]


def test_filter_by_outlet_lists_each_event_once(editor_client):
    outlet = OutletFactory(name="Daily Planet")
    event = EventFactory(review_state=ReviewState.PENDING, title="Covered twice")
    for _ in range(2):
        EventSourceFactory(event=event, article=ArticleFactory(outlet=outlet, extracted=True))
    EventSourceFactory(event=EventFactory(review_state=ReviewState.PENDING, title="Elsewhere"))
    response = editor_client.get(f"{EVENTS}?outlet={outlet.pk}")
    assert [e.title for e in response.context["cl"].result_list] == ["Covered twice"]


def test_filter_by_confidence_band_type_and_date(editor_client):
    EventFactory(review_state=ReviewState.PENDING, title="Low", confidence=0.2)
    EventFactory(review_state=ReviewState.PENDING, title="Mid", confidence=0.6, type="attack")
    EventFactory(
        review_state=ReviewState.PENDING,
        title="High",
        confidence=0.8,
        date_start=dt.date(2001, 1, 1),
    )
    assert titles(editor_client, "?confidence=low") == {"Low"}
    assert titles(editor_client, "?confidence=medium") == {"Mid"}
    assert titles(editor_client, "?confidence=high") == {"High"}
    assert titles(editor_client, "?type__exact=attack") == {"Mid"}
    assert titles(editor_client, "?sort_date__lt=2002-01-01&sort_date__gte=2000-01-01") == {"High"}


def test_search_matches_title_words(editor_client):
    EventFactory(review_state=ReviewState.PENDING, title="Ceasefire agreed in the north")
    EventFactory(review_state=ReviewState.PENDING, title="Election results announced")
    assert titles(editor_client, "?q=ceasefire") == {"Ceasefire agreed in the north"}


def test_count_is_capped_so_big_lists_stop_counting(editor_client, monkeypatch):
    from timeline.admin.common import CappedCountPaginator

    monkeypatch.setattr(CappedCountPaginator, "COUNT_CAP", 3)
    for _ in range(6):
        EventFactory(review_state=ReviewState.PENDING)
    response = editor_client.get(EVENTS)
    assert response.context["cl"].result_count == 4  # "more than 3", not 6


def test_date_range_filter_lists_in_date_order(editor_client):
    for day in (5, 20, 12):
        EventFactory(
            review_state=ReviewState.PENDING, title=f"Day {day}", date_start=dt.date(2020, 1, day)
        )
    response = editor_client.get(EVENTS + "?sort_date__gte=2020-01-01&sort_date__lt=2020-02-01")
    assert [e.title for e in response.context["cl"].result_list] == ["Day 20", "Day 12", "Day 5"]


def test_unknown_entity_slug_lists_nothing(editor_client):
    EventFactory(review_state=ReviewState.PENDING)
    assert titles(editor_client, "?entity=no-such-entity") == set()
