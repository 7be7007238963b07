"""/api/v1/events/ and /api/v1/statements/: reads, filters, editor writes and permissions."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import EventFactory, EventSourceFactory
from timeline.enums import ReviewState
from timeline.models import Event, Statement

pytestmark = pytest.mark.django_db


def test_event_detail_has_sources_entities_and_statements(client, seed):
    response = client.get(f"/api/v1/events/{seed.meeting.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "event"
    assert body["type"] == "meeting"
    assert [s["id"] for s in body["statements"]] == [seed.statement.pk]
    assert body["sources"][0]["title"] == "Talks in Moscow"
    assert {e["slug"] for e in body["entities"]} == {"north-korea", "russia"}


def test_statement_detail_has_speaker_with_title_and_event_stance(client, seed):
    body = client.get(f"/api/v1/statements/{seed.statement.pk}/").json()
    assert body["speaker"]["slug"] == "vladimir-putin"
    assert body["speaker_title"] == "President"
    assert body["stance"] == "asserts"
    assert body["event"]["title"] == "Foreign ministers meet in Moscow"
    assert body["sources"][0]["speaker_start"] == 0


def test_pending_event_is_404_for_the_public(client, editor_client, seed):
    assert client.get(f"/api/v1/events/{seed.pending.pk}/").status_code == 404
    assert editor_client.get(f"/api/v1/events/{seed.pending.pk}/").status_code == 200


def test_event_list_filters_and_a_bad_type_is_400(client, seed):
    body = client.get("/api/v1/events/", {"entity": "russia", "type": "meeting"}).json()
    assert [e["id"] for e in body["results"]] == [seed.meeting.pk]
    bad = client.get("/api/v1/events/", {"type": "nonsense"})
    assert bad.status_code == 400
    assert list(bad.json()["error"]["fields"]) == ["type"]


def test_statement_list_filters_by_speaker(client, seed):
    body = client.get("/api/v1/statements/", {"speaker": "vladimir-putin"}).json()
    assert [s["id"] for s in body["results"]] == [seed.statement.pk]
    assert client.get("/api/v1/statements/", {"speaker": "nobody"}).json()["results"] == []


def test_event_list_pages_by_date_then_id_and_by_change_number(client):
    events = [EventFactory(date_start=dt.date(2024, 1, 1 + n % 3)) for n in range(7)]
    expected = [e.pk for e in sorted(events, key=lambda e: (e.sort_date, e.pk))]
    seen, url = [], "/api/v1/events/?page_size=3"
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["results"]]
        url = body["next"]
    assert seen == expected
    body = client.get("/api/v1/events/", {"updated_since": 0, "page_size": 100}).json()
    assert [e["id"] for e in body["results"]] == [e.pk for e in events]  # change order


# --- writes ----------------------------------------------------------------------------------


def test_anonymous_write_is_401_with_the_error_shape(client, seed):
    response = client.patch(f"/api/v1/events/{seed.pact.pk}/", {"title": "x"}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Token")


def test_viewer_without_permission_is_403(viewer_client, seed):
    for method, url, body in [
        ("patch", f"/api/v1/events/{seed.pact.pk}/", {"title": "x"}),
        ("post", f"/api/v1/events/{seed.pact.pk}/publish/", {}),
        ("post", "/api/v1/events/merge/", {"into": seed.pact.pk, "others": [seed.other.pk]}),
        ("post", f"/api/v1/statements/{seed.statement.pk}/reject/", {}),
        ("post", "/api/v1/articles/", {"url": "https://example.org/x"}),
    ]:
        response = getattr(viewer_client, method)(url, body, format="json")
        assert response.status_code == 403, url
        assert response.json()["error"]["code"] == "permission_denied"
    assert Event.objects.get(pk=seed.pact.pk).title != "x"


def test_editor_patches_editable_fields_through_the_service(editor_client, seed):
    response = editor_client.patch(
        f"/api/v1/events/{seed.pact.pk}/",
        {
            "title": "Defence pact signed",
            "date_start": "2024-06-19",
            "date_end": "2024-06-19",
            "date_precision": "day",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "Defence pact signed"
    assert body["sort_date"] == "2024-06-19"
    assert {"title", "date_start", "date_precision"} <= set(body["edited_fields"])
    assert body["change_seq"] > 50_000_000  # a fresh change number for pollers


def test_patch_rejects_unknown_fields_and_bad_values(editor_client, seed):
    url = f"/api/v1/events/{seed.pact.pk}/"
    response = editor_client.patch(url, {"review_state": "published"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"review_state": ["Not editable."]}
    response = editor_client.patch(
        url, {"date_start": "2024-06-10", "date_end": "2024-06-01"}, format="json"
    )
    assert response.status_code == 400
    assert "date_end" in response.json()["error"]["fields"]


def test_publish_and_reject(editor_client, client, seed):
    response = editor_client.post(f"/api/v1/events/{seed.pending.pk}/publish/")
    assert response.status_code == 200
    assert response.json()["review_state"] == "published"
    assert client.get(f"/api/v1/events/{seed.pending.pk}/").status_code == 200
    response = editor_client.post(f"/api/v1/statements/{seed.statement.pk}/reject/")
    assert response.json()["review_state"] == "rejected"
    assert Statement.objects.get(pk=seed.statement.pk).review_state == ReviewState.REJECTED
    assert client.get(f"/api/v1/statements/{seed.statement.pk}/").status_code == 404


def test_statement_patch_maps_quote_kind(editor_client, seed):
    response = editor_client.patch(
        f"/api/v1/statements/{seed.statement.pk}/",
        {"quote_kind": "indirect", "stance": "denies"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert (response.json()["quote_kind"], response.json()["stance"]) == ("indirect", "denies")


def test_merge_folds_sources_into_the_survivor(editor_client, seed):
    duplicate = EventFactory(title="Ministers meet", date_start=dt.date(2024, 10, 30))
    EventSourceFactory(event=duplicate)
    response = editor_client.post(
        "/api/v1/events/merge/", {"into": seed.meeting.pk, "others": [duplicate.pk]}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["source_count"] == 2
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == seed.meeting.pk


def test_merge_errors(editor_client, seed):
    response = editor_client.post(
        "/api/v1/events/merge/", {"into": seed.meeting.pk, "others": []}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["others"]
    response = editor_client.post(
        "/api/v1/events/merge/", {"into": seed.meeting.pk, "others": [999999]}, format="json"
    )
    assert response.status_code == 404
    assert list(response.json()["error"]["fields"]) == ["others"]
    response = editor_client.post(
        "/api/v1/events/merge/",
        {"into": seed.meeting.pk, "others": [seed.meeting.pk]},
        format="json",
    )
    assert response.status_code == 400  # the service refuses an empty merge


def test_merge_into_a_merged_event_is_409(editor_client, seed):
    editor_client.post(
        "/api/v1/events/merge/", {"into": seed.meeting.pk, "others": [seed.pact.pk]}, format="json"
    )
    response = editor_client.post(
        "/api/v1/events/merge/", {"into": seed.pact.pk, "others": [seed.other.pk]}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"
