"""Cross-origin reads: other sites may read the public API, feeds and GraphQL, never as a user."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ORIGIN = "https://newsroom.example.org"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/timeline.timelinejs.json?entity=north-korea",
        "/feeds/timeline.json",
        "/api/v1/timeline/?entity=north-korea",
        "/api/v1/events/",
    ],
)
def test_public_reads_are_readable_cross_origin_with_their_validators(seed, url):
    response = Client().get(url, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    exposed = {h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "x-poll-interval"} <= exposed
    assert "Access-Control-Allow-Credentials" not in response
    # A cross-origin poller's 304 (answered before the views run) says the same.
    again = Client().get(url, HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_graphql_queries_are_allowed_cross_origin_but_not_with_credentials(seed):
    preflight = Client().options(
        "/graphql/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert preflight.status_code == 200
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    allowed = {h.strip() for h in preflight["Access-Control-Allow-Headers"].split(",")}
    assert "content-type" in allowed
    assert "authorization" not in allowed  # a token cannot be sent from another site's page
    assert "x-csrftoken" not in allowed
    response = Client().post(
        "/graphql/",
        data={"query": "{ timeline(first: 2) { edges { node { __typename } } } }"},
        content_type="application/json",
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 200, response.content[:300]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_admin_and_the_page_get_no_cors_headers(seed):
    for url in ("/admin/login/", "/"):
        response = Client().get(url, HTTP_ORIGIN=ORIGIN)
        assert "Access-Control-Allow-Origin" not in response, url


def test_origins_can_be_restricted(seed, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    allowed = Client().get("/feeds/timeline.json", HTTP_ORIGIN=ORIGIN)
    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    other = Client().get("/feeds/timeline.json", HTTP_ORIGIN="https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in other
