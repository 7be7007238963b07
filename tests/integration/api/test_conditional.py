"""Conditional GET: a poller's second request with the ETag gets 304 until something changes."""

from __future__ import annotations

import pytest
from django.utils.http import http_date

from timeline.services.events import event_update

pytestmark = pytest.mark.django_db

URLS = ["/api/v1/timeline/?entity=north-korea", "/api/v1/events/", "/api/v1/statements/"]


@pytest.mark.parametrize("url", URLS)
def test_second_poll_with_etag_is_304_and_a_change_makes_it_200(client, seed, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert first["Last-Modified"]
    assert first["Cache-Control"] == "public, max-age=15"
    assert first["X-Poll-Interval"] == "60"
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["X-Poll-Interval"] == "60"
    event_update(event=seed.pact, title="A new title")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_304_is_decided_with_one_query_before_the_list_queries(
    client, seed, django_assert_num_queries
):
    url = "/api/v1/timeline/?entity=north-korea"
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(1):  # the change mark's primary-key lookup
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_etag_depends_on_query_and_audience(client, editor_client, seed):
    a = client.get("/api/v1/timeline/?type=agreement&type=meeting")["ETag"]
    same = client.get("/api/v1/timeline/?type=agreement&type=meeting")["ETag"]
    other = client.get("/api/v1/timeline/?type=meeting")["ETag"]
    staff = editor_client.get("/api/v1/timeline/?type=agreement&type=meeting")
    assert a == same
    assert a != other
    assert staff["ETag"] != a  # staff see unpublished items: never the public's 304
    assert staff["Cache-Control"].startswith("private")
    assert "Authorization" in staff["Vary"]


def test_if_modified_since(client, seed):
    event_update(event=seed.pact, title="Moves the change mark")
    first = client.get("/api/v1/events/")
    last_modified = first["Last-Modified"]
    assert client.get("/api/v1/events/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get("/api/v1/events/", HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_detail_is_conditional_too(client, seed):
    url = f"/api/v1/events/{seed.pact.pk}/"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_other_resources_get_a_content_etag(client, seed):
    first = client.get("/api/v1/entities/north-korea/")
    assert first["ETag"]
    assert (
        client.get("/api/v1/entities/north-korea/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )
