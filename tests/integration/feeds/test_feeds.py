"""Outgoing feeds: Atom (feedparser), JSON Feed 1.1 (schema), iCalendar (RFC 5545 checks)."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import jsonschema
import pytest
from django.test import Client

from tests.factories import ArticleFactory, EventFactory, EventSourceFactory, OutletFactory
from timeline.enums import OccurrenceStatus
from timeline.models import ChangeCounter
from timeline.services.events import event_update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def change_counter():
    ChangeCounter.objects.update_or_create(name="timeline", defaults={"value": 50_000_000})


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def story():
    outlet = OutletFactory(domain="voanews.com", name="VOA")
    article = ArticleFactory(
        extracted=True,
        outlet=outlet,
        title="Pact signed",
        url="https://www.voanews.com/a/pact.html",
    )
    pact = EventFactory(
        title="Pact signed; ports open, trade resumes",
        summary="Both sides, after talks, signed a pact.",
        date_start=dt.date(2024, 6, 1),
        date_end=dt.date(2024, 6, 30),
        date_precision="month",
        type="agreement",
        source_count=1,
    )
    EventSourceFactory(event=pact, article=article)
    summit = EventFactory(
        title="Summit planned" + " with a very long title" * 6,
        date_start=dt.date(2025, 3, 3),
        status=OccurrenceStatus.SCHEDULED,
    )
    decade = EventFactory(
        title="A decade of tension",
        date_start=dt.date(2010, 1, 1),
        date_end=dt.date(2019, 12, 31),
        date_precision="decade",
    )
    return pact, summit, decade, article


def test_atom_parses_with_dates_and_links(client, story):
    pact, summit, decade, article = story
    response = client.get("/feeds/timeline.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # Newest on the timeline first.
    assert [e.title for e in parsed.entries] == [summit.title, pact.title, decade.title]
    entry = parsed.entries[1]
    assert entry.id == f"http://testserver/api/v1/events/{pact.pk}/"
    assert entry.link == entry.id
    related = [link.href for link in entry.links if link.rel == "related"]
    assert related == [article.url]
    updated = dt.datetime(*entry.updated_parsed[:6], tzinfo=dt.UTC)
    assert abs(updated - pact.updated_at) < dt.timedelta(seconds=1)
    published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC)
    assert abs(published - pact.created_at) < dt.timedelta(seconds=1)
    assert "agreement" in [t.term for t in entry.tags]


def test_atom_uses_the_filter_vocabulary(client, story):
    pact = story[0]
    parsed = feedparser.parse(client.get("/feeds/timeline.atom?type=agreement").content)
    assert [e.title for e in parsed.entries] == [pact.title]
    bad = client.get("/feeds/timeline.atom?type=nonsense&date_from=soon")
    assert bad.status_code == 400
    assert set(bad.json()["error"]["fields"]) == {"type", "date_from"}


JSON_FEED_SCHEMA = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string", "format": "uri"},
        "feed_url": {"type": "string", "format": "uri"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_text"]}, {"required": ["content_html"]}],
                "properties": {
                    "id": {"type": "string"},
                    "url": {"type": "string"},
                    "external_url": {"type": "string"},
                    "title": {"type": "string"},
                    "content_text": {"type": "string"},
                    "date_published": {"type": "string", "format": "date-time"},
                    "date_modified": {"type": "string", "format": "date-time"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}


def test_json_feed_is_structurally_valid(client, story):
    pact, _, _, article = story
    response = client.get("/feeds/timeline.json")
    assert response["Content-Type"] == "application/feed+json"
    body = json.loads(response.content)
    jsonschema.validate(body, JSON_FEED_SCHEMA, format_checker=jsonschema.FormatChecker())
    item = next(i for i in body["items"] if i["title"] == pact.title)
    assert item["external_url"] == article.url
    assert item["_timeline"]["sources"][0]["outlet"] == "VOA"
    assert dt.datetime.fromisoformat(item["date_modified"]) == pact.updated_at
    assert item["_timeline"]["date_start"] == "2024-06-01"


def unfold(body: bytes) -> list[str]:
    text = body.decode("utf-8")
    assert text.endswith("\r\n")
    raw = text.split("\r\n")[:-1]
    for line in raw:
        assert len(line.encode("utf-8")) <= 75, line
        assert "\n" not in line
    lines: list[str] = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def parse_ics(body: bytes) -> list[dict[str, str]]:
    """A tiny RFC 5545 reader: unfolded VEVENT properties (name;params → value)."""
    events, current = [], None
    lines = unfold(body)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return events


def unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def test_ics_has_all_day_events_with_exclusive_end_stable_uid_escaping_and_folding(client, story):
    pact, summit, _decade, _ = story
    response = client.get("/feeds/timeline.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = {e["UID"]: e for e in parse_ics(response.content)}
    # Decade-precision items are not calendar entries by default.
    assert set(events) == {f"event-{pact.pk}@timeline", f"event-{summit.pk}@timeline"}
    june = events[f"event-{pact.pk}@timeline"]
    assert june["DTSTART;VALUE=DATE"] == "20240601"
    assert june["DTEND;VALUE=DATE"] == "20240701"  # exclusive: the day after 30 June
    assert june["SUMMARY"] == "Pact signed\\; ports open\\, trade resumes"
    assert unescape(june["SUMMARY"]) == pact.title
    assert "https://www.voanews.com/a/pact.html" in unescape(june["DESCRIPTION"])
    assert june["STATUS"] == "CONFIRMED"
    assert june["URL;VALUE=URI"] == f"http://testserver/api/v1/events/{pact.pk}/"
    scheduled = events[f"event-{summit.pk}@timeline"]
    assert scheduled["STATUS"] == "TENTATIVE"
    assert unescape(scheduled["SUMMARY"]) == summit.title  # survived folding
    # Stable UID across edits.
    event_update(event=pact, title="Pact signed")
    again = {e["UID"] for e in parse_ics(client.get("/feeds/timeline.ics").content)}
    assert f"event-{pact.pk}@timeline" in again


def test_ics_precision_can_be_chosen(client, story):
    decade = story[2]
    events = parse_ics(client.get("/feeds/timeline.ics?precision=decade").content)
    assert [e["UID"] for e in events] == [f"event-{decade.pk}@timeline"]


def test_fold_never_splits_a_utf8_character():
    from timeline.feeds.ical import fold

    folded = fold("SUMMARY:" + "é" * 100)
    for piece in folded.split("\r\n"):
        assert len(piece.encode("utf-8")) <= 75
        piece.encode("utf-8").decode("utf-8")
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "é" * 100


@pytest.mark.parametrize(
    "path", ["/feeds/timeline.atom", "/feeds/timeline.json", "/feeds/timeline.ics"]
)
def test_feeds_are_conditional(client, story, path):
    first = client.get(path)
    assert first["X-Poll-Interval"] == "60"
    assert first["Cache-Control"] == "public, max-age=15"
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    event_update(event=story[0], title="Changed")
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_feeds_refuse_unsafe_methods(client):
    assert client.post("/feeds/timeline.atom").status_code == 405
