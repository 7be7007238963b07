"""One JSON error shape for 400/401/403/404/405/406/429/500, and Retry-After on 429."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.throttling import AnonRateThrottle

from timeline.api import errors

pytestmark = pytest.mark.django_db


def assert_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert error["message"]
    return error


def test_404_for_unknown_item_and_unknown_api_url(client):
    assert_error(client.get("/api/v1/events/424242/"), 404, "not_found")
    assert_error(client.get("/api/v1/entities/no-such-entity/"), 404, "not_found")


def test_unknown_api_url_is_json_through_handler404(settings):
    settings.DEBUG = False
    assert_error(Client().get("/api/v1/no-such-thing/"), 404, "not_found")


def test_405_method_not_allowed(client, seed):
    assert_error(client.delete(f"/api/v1/events/{seed.pact.pk}/"), 405, "method_not_allowed")


def test_406_not_acceptable(client):
    assert_error(client.get("/api/v1/timeline/", HTTP_ACCEPT="text/html"), 406, "not_acceptable")


def test_400_on_malformed_json(editor_client):
    response = editor_client.post(
        "/api/v1/articles/", data="{not json", content_type="application/json"
    )
    assert_error(response, 400, "parse_error")


def test_429_carries_retry_after(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "2/min"})
    from django.core.cache import cache

    cache.clear()
    client.get("/api/v1/outlets/")
    client.get("/api/v1/outlets/")
    response = client.get("/api/v1/outlets/")
    error = assert_error(response, 429, "throttled")
    assert int(response["Retry-After"]) >= 1
    assert error["retry_after"] == int(response["Retry-After"])
    cache.clear()


def test_500_is_json_without_a_traceback(settings, monkeypatch):
    settings.DEBUG = False

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("timeline.api.views.sources.outlet_list", boom)
    response = Client(raise_request_exception=False).get("/api/v1/outlets/")
    error = assert_error(response, 500, "server_error")
    assert "secret" not in response.content.decode()
    assert error["message"] == "Server error."


def test_handlers_fall_back_to_django_pages_outside_the_api(rf):
    response = errors.handler404(rf.get("/somewhere/"), Exception())
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")
