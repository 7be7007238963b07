"""GET /api/v1/timeline/: merged order, every filter, bad values, cursors, change order."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import EventFactory, StatementFactory
from timeline.services.events import event_update

pytestmark = pytest.mark.django_db

URL = "/api/v1/timeline/"


def ids(response):
    assert response.status_code == 200, response.content
    return [(item["kind"], item["id"]) for item in response.json()["results"]]


def test_seed_story_in_date_order_june_pact_before_october_meeting(client, seed):
    response = client.get(
        URL, {"entity": "north-korea", "date_from": "2024-06-01", "date_to": "2024-12-31"}
    )
    assert ids(response) == [
        ("event", seed.pact.pk),
        ("event", seed.meeting.pk),
        ("statement", seed.statement.pk),
    ]
    pact, meeting, statement = response.json()["results"]
    assert pact["title"] == "Russia and North Korea sign a defence pact"
    assert (pact["date_start"], pact["date_end"], pact["date_precision"]) == (
        "2024-06-01",
        "2024-06-30",
        "month",
    )
    assert {e["slug"]: e["role"] for e in meeting["entities"]} == {
        "north-korea": "actor",
        "russia": "participant",
    }
    source = meeting["sources"][0]
    assert source["outlet"]["domain"] == "voanews.com"
    assert source["url"] == "https://www.voanews.com/a/talks/1.html"
    assert (source["start"], source["end"], source["sentence"]) == (0, 12, "A sentence.")
    assert source["article"].endswith(f"/api/v1/articles/{seed.article.pk}/")
    assert meeting["statements"] == [
        {
            "id": seed.statement.pk,
            "url": f"http://testserver/api/v1/statements/{seed.statement.pk}/",
            "speaker": {
                "slug": "vladimir-putin",
                "name": "Vladimir Putin",
                "kind": "person",
                "url": "http://testserver/api/v1/entities/vladimir-putin/",
            },
            "speaker_text": "Vladimir Putin",
            "speaker_title": "President",
            "quote": "Our cooperation is growing",
            "stance": "asserts",
        }
    ]
    assert statement["quote_kind"] == "direct"
    assert statement["event"]["id"] == seed.meeting.pk
    assert statement["sources"][0]["quote_start"] == 20


def test_public_never_sees_pending_staff_does(client, editor_client, seed):
    assert ("event", seed.pending.pk) not in ids(client.get(URL))
    assert ("event", seed.pending.pk) in ids(editor_client.get(URL))
    assert ids(editor_client.get(URL, {"review_state": "pending"})) == [("event", seed.pending.pk)]
    assert ids(client.get(URL, {"review_state": "pending"})) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "agreement"}, ["pact"]),
        ({"type": ["agreement", "election"]}, ["other", "pact"]),
        ({"type": "agreement,election"}, ["other", "pact"]),
        ({"kind": "statement"}, ["statement"]),
        ({"kind": "event", "entity": "north-korea"}, ["pact", "meeting"]),
        ({"entity": ["north-korea", "russia"], "entity_mode": "all"}, ["pact", "meeting"]),
        ({"entity": ["north-korea", "russia"]}, ["pact", "meeting", "statement"]),
        ({"precision": "month"}, ["pact"]),
        ({"date_from": "2024-06-15", "date_to": "2024-06-20"}, ["pact"]),
        ({"date_to": "2024-05-01"}, ["other"]),
        ({"q": "pact"}, ["pact"]),
        ({"speaker": "vladimir-putin"}, ["statement"]),
        ({"outlet": "voanews.com"}, ["pact", "meeting", "statement"]),
        ({"min_sources": 1}, ["pact", "meeting", "statement"]),
        ({"status": "scheduled"}, []),
        ({"status": "happened", "entity": "russia"}, ["pact", "meeting"]),
    ],
)
def test_each_filter(client, seed, params, expected):
    names = {
        ("event", seed.pact.pk): "pact",
        ("event", seed.meeting.pk): "meeting",
        ("statement", seed.statement.pk): "statement",
        ("event", seed.other.pk): "other",
    }
    assert [names[key] for key in ids(client.get(URL, params))] == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": "earthquake"}, "type"),
        ({"kind": "tweet"}, "kind"),
        ({"entity_mode": "most"}, "entity_mode"),
        ({"precision": "minute"}, "precision"),
        ({"status": "imagined"}, "status"),
        ({"review_state": "lost"}, "review_state"),
        ({"date_from": "2024-13-01"}, "date_from"),
        ({"date_to": "31/12/2024"}, "date_to"),
        ({"date_from": "2024-12-31", "date_to": "2024-01-01"}, "date_to"),
        ({"min_sources": "-1"}, "min_sources"),
        ({"min_sources": "many"}, "min_sources"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"entity": "no spaces allowed"}, "entity"),
        ({"q": "x" * 201}, "q"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "201"}, "page_size"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"order": "sideways"}, "order"),
    ],
)
def test_bad_values_are_400_naming_the_parameter(client, seed, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert error["code"] == "invalid"
    assert list(error["fields"]) == [field]


@pytest.fixture
def many():
    """Twelve events and four statements over twelve days."""
    keys = []
    for n in range(12):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=n)
        keys.append(("event", EventFactory(date_start=day).pk))
        if n % 3 == 0:
            keys.append(("statement", StatementFactory(date_start=day).pk))
    return keys


def walk(client, url, params):
    seen, pages = [], 0
    response = client.get(url, params)
    while True:
        seen += ids(response)
        pages += 1
        link = response.json()["next"]
        if link is None:
            return seen, pages
        response = client.get(link)


def test_cursor_pages_forward_without_gaps_or_repeats(client, many):
    seen, pages = walk(client, URL, {"page_size": 5})
    assert seen == many
    assert pages == 4


def test_previous_link_walks_back(client, many):
    first = client.get(URL, {"page_size": 5})
    second = client.get(first.json()["next"])
    back = client.get(second.json()["previous"])
    assert ids(back) == many[:5]
    assert first.json()["previous"] is None


def test_descending_order(client, many):
    seen, _ = walk(client, URL, {"page_size": 7, "order": "desc"})
    assert seen == list(reversed(many))


def test_cursor_of_another_order_is_rejected(client, many):
    link = client.get(URL, {"page_size": 5}).json()["next"]
    response = client.get(link + "&order=desc")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["cursor"]


def test_page_size_default_50_and_max_200(client):
    for n in range(210):
        EventFactory(date_start=dt.date(2020, 1, 1) + dt.timedelta(days=n))
    assert len(ids(client.get(URL))) == 50
    assert len(ids(client.get(URL, {"page_size": 200}))) == 200


def test_updated_since_lists_changes_in_change_order(client, many):
    from timeline.models import Event

    mark = max(item["change_seq"] for item in client.get(URL, {"page_size": 200}).json()["results"])
    late, early = many[-1][1], many[0][1]
    event_update(event=Event.objects.get(pk=late), title="Changed first")
    event_update(event=Event.objects.get(pk=early), title="Changed second")
    response = client.get(URL, {"updated_since": mark})
    # Change order, not date order: the later-dated event changed first.
    assert ids(response) == [("event", late), ("event", early)]
    seqs = [item["change_seq"] for item in response.json()["results"]]
    assert seqs == sorted(seqs)
    assert seqs[0] > mark
    assert ids(client.get(URL, {"updated_since": seqs[-1]})) == []


def test_updated_since_pages_forward_by_change_number(client, many):
    seen, pages = walk(client, URL, {"updated_since": 0, "page_size": 6})
    assert sorted(seen) == sorted(many)
    assert pages == 3
