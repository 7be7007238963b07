"""AnonymousNotModifiedMiddleware: anonymous pollers' 304s decided before the stack runs.

Same answers as the views (same validators), only earlier; never for credentialed requests.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from timeline.api.middleware import AnonymousNotModifiedMiddleware, route_scope
from timeline.services.events import event_update

pytestmark = pytest.mark.django_db

MIDDLEWARE = "timeline.api.middleware.AnonymousNotModifiedMiddleware"
POLLED = [
    "/api/v1/timeline/?entity=north-korea&date_from=2024-06-01",
    "/api/v1/events/",
    "/api/v1/statements/?entity=north-korea",
    "/feeds/timeline.atom?entity=north-korea",
    "/feeds/timeline.json",
    "/feeds/timeline.ics",
    "/feeds/timeline.timelinejs.json",
]
CACHE_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Vary", "X-Poll-Interval")


@pytest.fixture
def answered(monkeypatch):
    """What the middleware answered, per request (None: it let the request through)."""
    seen: list[object] = []
    original = AnonymousNotModifiedMiddleware.not_modified

    def spy(request):
        response = original(request)
        seen.append(None if response is None else response.status_code)
        return response

    monkeypatch.setattr(AnonymousNotModifiedMiddleware, "not_modified", staticmethod(spy))
    return seen


def _etag(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, response.content[:200]
    return response["ETag"]


@pytest.mark.parametrize("url", POLLED)
def test_anonymous_304_is_answered_early_with_the_views_headers(seed, url, settings, answered):
    etag = _etag(url)
    # The full stack's 304 (middleware off) …
    with_middleware = list(settings.MIDDLEWARE)
    settings.MIDDLEWARE = [m for m in with_middleware if m != MIDDLEWARE]
    full = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    settings.MIDDLEWARE = with_middleware
    # … and the early one: answered by the middleware (never reaching the view), one query.
    answered.clear()
    with CaptureQueriesContext(connection) as queries:
        early = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert answered == [304]
    assert (full.status_code, early.status_code) == (304, 304)
    assert len(queries) == 1  # the change mark
    assert early.content == b""
    for header in CACHE_HEADERS:
        assert early[header] == full[header], header
    assert early["Cache-Control"] == "public, max-age=15"
    assert {"Authorization", "Cookie"} <= set(early["Vary"].replace(" ", "").split(","))


def test_head_and_if_modified_since_are_answered_early(seed, answered):
    url = "/api/v1/timeline/?entity=north-korea"
    first = Client().get(url)
    head = Client().head(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (head.status_code, head.content) == (304, b"")
    since = Client().get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert answered == [None, 304, 304]  # the first GET had no validator


def test_a_change_invalidates_and_the_view_reuses_the_lookup(seed, answered):
    url = "/api/v1/timeline/?entity=north-korea"
    etag = _etag(url)
    assert Client().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    event_update(event=seed.pact, title="A new title")
    with CaptureQueriesContext(connection) as queries:
        changed = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    marks = [q for q in queries if "timeline_changecounter" in q["sql"]]
    assert len(marks) == 1  # looked up by the middleware, reused by the view
    assert Client().get(url, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304
    assert answered == [None, 304, None, 304]


def test_staff_and_token_requests_never_take_the_shortcut(seed, editor, editor_client, answered):
    url = "/api/v1/timeline/?entity=north-korea"
    public_etag = _etag(url)
    # A staff session (cookie) with the public ETag: full path, and staff validators differ.
    session = Client()
    session.force_login(editor)
    staff = session.get(url, HTTP_IF_NONE_MATCH=public_etag)
    assert staff.status_code == 200
    assert staff["Cache-Control"].startswith("private")
    # Their own ETag gives a private 304, from the view.
    again = session.get(url, HTTP_IF_NONE_MATCH=staff["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"].startswith("private")
    # Token clients too.
    token = editor_client.get(url, HTTP_IF_NONE_MATCH=public_etag)
    assert token.status_code == 200
    assert token["Cache-Control"].startswith("private")
    assert answered == [None, None, None, None]


def test_requests_drf_would_refuse_first_fall_through(seed, answered):
    url = "/api/v1/timeline/?entity=north-korea"
    etag = _etag(url)
    xml = Client().get(url, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT="application/xml")
    assert xml.status_code == 406  # DRF's answer, as without the middleware
    Client().get(url + "&format=json", HTTP_IF_NONE_MATCH=etag)
    browser = Client().get(url, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT="text/html, */*;q=0.8")
    assert browser.status_code == 304
    assert answered == [None, None, None, 304]


def test_unsafe_methods_and_non_conditional_routes_fall_through(seed, answered):
    etag = _etag("/api/v1/entities/north-korea/")
    assert Client().get("/api/v1/entities/north-korea/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    Client().post("/api/v1/timeline/", HTTP_IF_NONE_MATCH="*")
    assert answered == [None, None, None]


def test_routes():
    assert route_scope("/api/v1/timeline/") == ("timeline", True)
    assert route_scope("/api/v1/events/12/") == ("event", True)
    assert route_scope("/api/v1/statements/") == ("statement", True)
    assert route_scope("/feeds/timeline.atom") == ("atom", False)
    assert route_scope("/feeds/timeline.timelinejs.json") == ("timelinejs", False)
    for path in (
        "/api/v1/entities/",  # content ETags, no change mark
        "/api/v1/events/12/publish/",
        "/api/v1/timeline.json",
        "/graphql/",
        "/nowhere/",
    ):
        assert route_scope(path) is None, path


def test_a_failed_lookup_falls_through_to_the_full_stack(seed, answered, monkeypatch):
    """A dead persistent connection: the full stack runs its health check and reconnects."""
    from django.db import OperationalError

    from timeline.api import conditional

    url = "/api/v1/timeline/?entity=north-korea"
    etag = _etag(url)
    real = conditional.change_mark
    calls = []

    def once_broken():
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real()

    monkeypatch.setattr(conditional, "change_mark", once_broken)
    response = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304  # from the view, on the second lookup
    assert answered == [None, None]  # the first GET (no validator), then the failed lookup
    assert len(calls) == 2
