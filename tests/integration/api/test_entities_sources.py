"""/api/v1/entities/, /outlets/, /feeds/ (staff) and /auth/token/."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import EntityAliasFactory, EntityFactory, FeedFactory, UserFactory
from timeline.models import Feed

pytestmark = pytest.mark.django_db


def test_entity_detail_by_slug_with_aliases_and_counts(client, seed):
    EntityAliasFactory(entity=seed.north_korea, alias="DPRK", normalized="dprk")
    body = client.get("/api/v1/entities/north-korea/").json()
    assert body["name"] == "North Korea"
    assert body["aliases"] == ["DPRK"]
    # The pending event is not counted for the public.
    assert body["counts"] == {"events": 2, "statements_spoken": 0, "statements_mentioning": 1}
    assert body["timeline"] == "http://testserver/api/v1/timeline/?entity=north-korea"
    assert client.get("/api/v1/entities/vladimir-putin/").json()["counts"]["statements_spoken"] == 1
    assert client.get("/api/v1/entities/atlantis/").status_code == 404


def test_entity_list_filters_by_kind_and_name_or_alias(client, seed):
    EntityAliasFactory(entity=seed.north_korea, alias="DPRK", normalized="dprk")

    def slugs(params):
        return [e["slug"] for e in client.get("/api/v1/entities/", params).json()["results"]]

    assert slugs({"kind": "person"}) == ["vladimir-putin"]
    assert slugs({"q": "dprk"}) == ["north-korea"]
    assert slugs({"q": "russ"}) == ["russia"]
    assert client.get("/api/v1/entities/", {"kind": "planet"}).status_code == 400


def test_merged_entities_leave_the_list_but_keep_their_detail(client, seed):
    twin = EntityFactory(name="N. Korea", slug="n-korea", merged_into=seed.north_korea)
    assert "n-korea" not in [e["slug"] for e in client.get("/api/v1/entities/").json()["results"]]
    assert client.get(f"/api/v1/entities/{twin.slug}/").json()["merged_into"]["slug"] == (
        "north-korea"
    )


def test_entity_list_pages_by_name(client):
    for n in range(5):
        EntityFactory(name=f"Place {n}", slug=f"place-{n}")
    first = client.get("/api/v1/entities/", {"page_size": 2}).json()
    second = client.get(first["next"]).json()
    assert [e["slug"] for e in first["results"] + second["results"]] == [
        "place-0",
        "place-1",
        "place-2",
        "place-3",
    ]


def test_outlets_are_public(client, seed):
    body = client.get("/api/v1/outlets/").json()
    assert [o["domain"] for o in body["results"]] == ["voanews.com"]
    assert client.get(f"/api/v1/outlets/{body['results'][0]['id']}/").status_code == 200


def test_feeds_are_staff_only(client, viewer_client, editor_client):
    FeedFactory()
    assert client.get("/api/v1/feeds/").status_code == 401
    assert viewer_client.get("/api/v1/feeds/").status_code == 403
    body = editor_client.get("/api/v1/feeds/").json()
    assert len(body["results"]) == 1


def test_staff_create_and_update_feeds(editor_client):
    response = editor_client.post(
        "/api/v1/feeds/",
        {"url": "https://news.example.org/rss", "poll_interval_seconds": 600},
        format="json",
    )
    assert response.status_code == 201, response.content
    feed_id = response.json()["id"]
    assert response["Location"].endswith(f"/api/v1/feeds/{feed_id}/")
    again = editor_client.post(
        "/api/v1/feeds/", {"url": "https://news.example.org/rss"}, format="json"
    )
    assert again.json()["id"] == feed_id  # idempotent on URL
    response = editor_client.patch(
        f"/api/v1/feeds/{feed_id}/", {"active": False, "poll_interval_seconds": 1200}, format="json"
    )
    assert response.status_code == 200
    feed = Feed.objects.get(pk=feed_id)
    assert (feed.active, feed.poll_interval_seconds) == (False, 1200)
    bad = editor_client.patch(
        f"/api/v1/feeds/{feed_id}/", {"poll_interval_seconds": 5}, format="json"
    )
    assert bad.status_code == 400
    assert list(bad.json()["error"]["fields"]) == ["poll_interval_seconds"]


def test_staff_without_feed_permission_cannot_create(db):
    user = UserFactory(username="bare-staff", staff=True)
    api = APIClient()
    api.force_authenticate(user)
    response = api.post("/api/v1/feeds/", {"url": "https://news.example.org/rss"}, format="json")
    assert response.status_code == 403


def test_token_endpoint_issues_a_working_token(client, editor):
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "editor", "password": "correct horse battery staple"},
        format="json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/feeds/").status_code == 200
    bad = client.post(
        "/api/v1/auth/token/", {"username": "editor", "password": "nope"}, format="json"
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "invalid"
