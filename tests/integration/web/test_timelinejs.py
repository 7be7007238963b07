"""/feeds/timeline.timelinejs.json: the filtered timeline as TimelineJS3 JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import resolve

from tests.factories import EventFactory
from tests.integration.web.conftest import Story
from timeline.models import ChangeCounter
from timeline.web.views import timelinejs_view

pytestmark = pytest.mark.django_db

URL = "/feeds/timeline.timelinejs.json"


def export(client: Client, **params: Any) -> dict[str, Any]:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def slide(document: dict[str, Any], headline: str) -> dict[str, Any]:
    return next(s for s in document["events"] if s["text"]["headline"] == headline)


def test_route_is_not_shadowed_by_the_feeds_include() -> None:
    assert resolve(URL).func is timelinejs_view


def test_document_has_the_timelinejs_shape(client: Client, story: Story) -> None:
    document = export(client)

    assert set(document) == {"title", "events"}
    assert set(document["title"]["text"]) == {"headline", "text"}
    for item in document["events"]:
        assert {"start_date", "text", "group", "unique_id", "display_date"} <= set(item)
        assert set(item["text"]) == {"headline", "text"}
        assert isinstance(item["start_date"]["year"], int)
    ids = [item["unique_id"] for item in document["events"]]
    assert len(ids) == len(set(ids))


def test_items_come_oldest_first_and_hidden_ones_never(client: Client, story: Story) -> None:
    headlines = [s["text"]["headline"] for s in export(client)["events"]]

    assert headlines == [
        "Russia and North Korea sign a pact",
        "Troops sent to Russia",
        "Kremlin",
        "Defense ministers meet at the Pentagon",
        "Joint exercises",
    ]


def test_month_precision_has_no_day(client: Client, story: Story) -> None:
    pact = slide(export(client), "Russia and North Korea sign a pact")

    assert pact["start_date"] == {"year": 2024, "month": 6}
    assert "end_date" not in pact
    assert pact["display_date"] == "June 2024"
    assert pact["group"] == "Agreement"
    assert pact["unique_id"] == f"event-{story.pact.pk}"


def test_day_precision_has_all_three_parts(client: Client, story: Story) -> None:
    meeting = slide(export(client), "Defense ministers meet at the Pentagon")

    assert meeting["start_date"] == {"year": 2024, "month": 10, "day": 30}
    assert meeting["display_date"] == "30 Oct 2024"
    assert "2 sources" in meeting["text"]["text"]


def test_week_precision_is_a_span_that_says_week_of(client: Client, story: Story) -> None:
    week = slide(export(client), "Troops sent to Russia")

    assert week["start_date"] == {"year": 2024, "month": 10, "day": 21}
    assert week["end_date"] == {"year": 2024, "month": 10, "day": 27}
    assert week["display_date"] == "week of 21 Oct 2024"


def test_year_precision_has_no_month_or_day_and_upcoming_is_marked(
    client: Client, story: Story
) -> None:
    exercises = slide(export(client), "Joint exercises")

    assert exercises["start_date"] == {"year": 2025}
    assert "end_date" not in exercises
    assert exercises["display_date"] == "2025 (upcoming)"


def test_quarter_and_decade_spans(client: Client, story: Story) -> None:
    EventFactory(
        title="Quarter",
        date_start=dt.date(2024, 7, 1),
        date_end=dt.date(2024, 9, 30),
        date_precision="quarter",
    )
    EventFactory(
        title="Decade",
        date_start=dt.date(2010, 1, 1),
        date_end=dt.date(2019, 12, 31),
        date_precision="decade",
    )
    document = export(client)

    quarter, decade = slide(document, "Quarter"), slide(document, "Decade")
    assert (quarter["start_date"], quarter["end_date"]) == (
        {"year": 2024, "month": 7},
        {"year": 2024, "month": 9},
    )
    assert quarter["display_date"] == "Q3 2024"
    assert (decade["start_date"], decade["end_date"]) == ({"year": 2010}, {"year": 2019})
    assert decade["display_date"] == "2010s"


def test_undated_items_sit_on_their_reporting_date_and_say_so(client: Client, story: Story) -> None:
    EventFactory(
        title="Undated",
        date_start=None,
        date_end=None,
        date_precision="unknown",
        sort_date=dt.date(2024, 10, 29),
    )

    undated = slide(export(client), "Undated")

    assert undated["start_date"] == {"year": 2024, "month": 10, "day": 29}
    assert undated["display_date"] == "Date unknown (reported 29 Oct 2024)"


def test_statements_are_grouped_and_events_list_what_was_said(client: Client, story: Story) -> None:
    document = export(client)

    statement = slide(document, "Kremlin")
    assert statement["group"] == "Statements"
    assert statement["unique_id"] == f"statement-{story.denial.pk}"
    assert "Reports of the deployment are fake news" in statement["text"]["text"]
    deployment = slide(document, "Troops sent to Russia")
    assert "The Kremlin denies" in deployment["text"]["text"]


def test_text_is_escaped_html(client: Client, story: Story) -> None:
    EventFactory(title="<script>alert(1)</script>", summary="a < b & c")

    item = slide(export(client), "&lt;script&gt;alert(1)&lt;/script&gt;")

    assert "<p>a &lt; b &amp; c</p>" in item["text"]["text"]


def test_sources_are_linked(client: Client, story: Story) -> None:
    pact = slide(export(client), "Russia and North Korea sign a pact")

    assert (
        '<a href="https://daily.example.org/pact">Pact</a> (Daily Example)' in pact["text"]["text"]
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"entity": "russia"}, ["Russia and North Korea sign a pact"]),
        ({"type": "meeting"}, ["Defense ministers meet at the Pentagon"]),
        ({"kind": "statement"}, ["Kremlin"]),
        (
            {"date_from": "2024-10-01", "date_to": "2024-10-31", "kind": "event"},
            ["Troops sent to Russia", "Defense ministers meet at the Pentagon"],
        ),
        ({"q": "exercises"}, ["Joint exercises"]),
        (
            {"entity": "north-korea", "type": "agreement,meeting"},
            [
                "Russia and North Korea sign a pact",
                "Defense ministers meet at the Pentagon",
            ],
        ),
    ],
)
def test_filters_are_the_rest_apis(
    client: Client, story: Story, params: dict[str, str], expected: list[str]
) -> None:
    document = export(client, **params)

    assert [s["text"]["headline"] for s in document["events"]] == expected
    assert document["title"]["text"]["text"].startswith("<p>Filtered by ")


def test_bad_filters_answer_400_in_the_api_error_shape(client: Client, story: Story) -> None:
    response = client.get(URL, {"date_from": "soon", "kind": "rumour"})

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {"date_from", "kind"}


def test_conditional_get_answers_304(client: Client, story: Story) -> None:
    ChangeCounter.objects.update_or_create(name="timeline", defaults={"value": 7})
    first = client.get(URL, {"entity": "north-korea"})

    again = client.get(URL, {"entity": "north-korea"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
