"""Fetcher limits and HTTP semantics: size caps, deadlines, redirects, status classification."""

from __future__ import annotations

import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from urllib.parse import quote

import pytest

from timeline.dto import FetchPolicy
from timeline.exceptions import PermanentFetchError, TransientFetchError
from timeline.ingest.client import (
    MAX_RETRY_AFTER,
    SafeFetcher,
    fetch,
    parse_content_type,
    parse_retry_after,
)

from .conftest import ARTICLE_HTML, LocalServer


def test_fetch_article_returns_dto(local_fetcher: SafeFetcher, http_server: LocalServer) -> None:
    resp = local_fetcher.fetch(http_server.url("/article"))
    assert resp.status == 200
    assert resp.body == ARTICLE_HTML
    assert resp.content_type == "text/html"
    assert resp.charset == "utf-8"
    assert resp.final_url == resp.url == http_server.url("/article")
    assert resp.headers["content-length"] == str(len(ARTICLE_HTML))
    assert not resp.not_modified
    assert resp.elapsed > 0


def test_user_agent_and_accept_headers_are_sent(
    local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    local_fetcher.fetch(http_server.url("/article?ua"))
    seen = next(r for r in http_server.requests if r["path"] == "/article?ua")
    assert seen["user-agent"].startswith("TimelineBot/")
    assert "text/html" in seen["accept"]
    assert seen["accept-encoding"] == "gzip, deflate"


def test_module_level_fetch_uses_policy(http_server: LocalServer) -> None:
    resp = fetch(http_server.url("/article"), policy=FetchPolicy(allow_private=True))
    assert resp.status == 200
    with pytest.raises(PermanentFetchError, match="blocked_address"):
        fetch(http_server.url("/article"), policy=FetchPolicy(allow_private=False))


def test_gzip_body_is_decompressed(local_fetcher: SafeFetcher, http_server: LocalServer) -> None:
    assert local_fetcher.fetch(http_server.url("/gzip")).body == ARTICLE_HTML


# -- size and time limits --------------------------------------------------------------------


def test_fifty_megabyte_body_stops_at_cap_with_bounded_memory(
    local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(PermanentFetchError) as excinfo:
            local_fetcher.fetch(http_server.url("/big"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert excinfo.value.reason == "too_large"
    assert peak < 3 * local_fetcher.policy.max_bytes  # never the whole 50 MB


def test_announced_content_length_above_cap_is_refused_before_reading(
    local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    start = time.monotonic()
    with pytest.raises(PermanentFetchError) as excinfo:
        local_fetcher.fetch(http_server.url("/big?announce=1"))
    assert excinfo.value.reason == "too_large"
    assert "announces" in excinfo.value.message
    assert time.monotonic() - start < 1


def test_gzip_bomb_is_stopped_by_decompressed_size(
    local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    """~200 KB on the wire inflates to 200 MB; the cap counts decompressed bytes."""
    tracemalloc.start()
    try:
        with pytest.raises(PermanentFetchError) as excinfo:
            local_fetcher.fetch(http_server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert excinfo.value.reason == "too_large"
    assert peak < 3 * local_fetcher.policy.max_bytes


def test_never_ending_slow_body_stops_at_total_deadline(http_server: LocalServer) -> None:
    policy = FetchPolicy(allow_private=True, read_timeout=5, total_timeout=1.0)
    start = time.monotonic()
    with pytest.raises(TransientFetchError) as excinfo:
        SafeFetcher(policy).fetch(http_server.url("/slow"))
    elapsed = time.monotonic() - start
    assert excinfo.value.reason == "timeout"
    assert 0.9 < elapsed < 2.0


def test_dripping_headers_stop_at_total_deadline(http_server: LocalServer) -> None:
    """Each recv succeeds within the read timeout, so only the total deadline can stop this."""
    policy = FetchPolicy(allow_private=True, read_timeout=5, total_timeout=1.0)
    start = time.monotonic()
    with pytest.raises(TransientFetchError) as excinfo:
        SafeFetcher(policy).fetch(http_server.url("/slow-headers"))
    assert excinfo.value.reason == "timeout"
    assert time.monotonic() - start < 2.0


def test_silent_server_hits_read_timeout(http_server: LocalServer) -> None:
    policy = FetchPolicy(allow_private=True, read_timeout=0.5, total_timeout=5)
    start = time.monotonic()
    with pytest.raises(TransientFetchError) as excinfo:
        SafeFetcher(policy).fetch(http_server.url("/stall?seconds=5"))
    assert excinfo.value.reason == "timeout"
    assert time.monotonic() - start < 1.5


def test_connection_refused_is_transient(strict_policy: FetchPolicy) -> None:
    # Port 9 on loopback is closed on the test machines; allow_private makes it reachable.
    fetcher = SafeFetcher(FetchPolicy(allow_private=True, connect_timeout=1, total_timeout=2))
    with pytest.raises(TransientFetchError) as excinfo:
        fetcher.fetch("http://127.0.0.1:9/")
    assert excinfo.value.reason in {"connection_error", "timeout"}


# -- redirects ---------------------------------------------------------------------------------


def test_redirect_chain_within_limit_is_followed(
    local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    resp = local_fetcher.fetch(http_server.url("/chain/3"))
    assert resp.status == 200
    assert resp.final_url == http_server.url("/chain/0")
    assert len(resp.redirects) == 3


def test_too_many_redirects(local_fetcher: SafeFetcher, http_server: LocalServer) -> None:
    with pytest.raises(PermanentFetchError) as excinfo:
        local_fetcher.fetch(http_server.url("/chain/4"))
    assert excinfo.value.reason == "too_many_redirects"


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_relative_location_is_resolved(
    code: int, local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    resp = local_fetcher.fetch(http_server.url(f"/redirect?code={code}&to=article%3Fx%3D1"))
    assert resp.final_url == http_server.url("/article?x=1")


# -- status classification -------------------------------------------------------------------


@pytest.mark.parametrize("code", [500, 502, 503, 504, 408, 429])
def test_server_errors_and_throttling_are_transient(
    code: int, local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    with pytest.raises(TransientFetchError) as excinfo:
        local_fetcher.fetch(http_server.url(f"/status/{code}"))
    assert excinfo.value.reason == f"http_{code}"
    assert excinfo.value.retryable
    assert excinfo.value.retry_after is None


@pytest.mark.parametrize("code", [429, 503])
def test_retry_after_seconds_is_passed_on(
    code: int, local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    with pytest.raises(TransientFetchError) as excinfo:
        local_fetcher.fetch(http_server.url(f"/status/{code}?retry_after=120"))
    assert excinfo.value.retry_after == 120


def test_retry_after_http_date_is_passed_on(
    local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    with pytest.raises(TransientFetchError) as excinfo:
        local_fetcher.fetch(http_server.url(f"/status/429?retry_after={quote(when)}"))
    assert excinfo.value.retry_after is not None
    assert 80 <= excinfo.value.retry_after <= 91


@pytest.mark.parametrize("code", [400, 401, 403, 404, 410, 451])
def test_client_errors_are_permanent(
    code: int, local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    with pytest.raises(PermanentFetchError) as excinfo:
        local_fetcher.fetch(http_server.url(f"/status/{code}"))
    assert excinfo.value.reason == f"http_{code}"
    assert not excinfo.value.retryable


def test_parse_retry_after_forms() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_retry_after("30") == 30
    assert parse_retry_after(" 0 ") == 0
    assert parse_retry_after("Wed, 01 Jan 2025 00:02:00 GMT", now=now) == 120
    assert parse_retry_after("Tue, 31 Dec 2024 00:00:00 GMT", now=now) == 0  # in the past
    assert parse_retry_after("99999999") == MAX_RETRY_AFTER
    assert parse_retry_after("soon") is None
    assert parse_retry_after("-5") is None
    assert parse_retry_after(None) is None


# -- content types and conditional GET -------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "ctype", "ok"),
    [
        ("article", "text/html; charset=iso-8859-1", True),
        ("article", "application/xhtml+xml", True),
        ("article", "text/plain", True),
        ("article", "application/rss+xml", False),
        ("article", "image/png", False),
        ("article", "application/pdf", False),
        ("article", "application/octet-stream", False),
        ("feed", "application/rss+xml", True),
        ("feed", "application/atom+xml; charset=utf-8", True),
        ("feed", "text/xml", True),
        ("feed", "text/html", True),
        ("feed", "image/jpeg", False),
        ("feed", "application/zip", False),
    ],
)
def test_content_type_check(
    kind: str, ctype: str, ok: bool, local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    url = http_server.url(f"/article?type={quote(ctype, safe='')}")
    if ok:
        assert local_fetcher.fetch(url, kind=kind).status == 200  # type: ignore[arg-type]
    else:
        with pytest.raises(PermanentFetchError) as excinfo:
            local_fetcher.fetch(url, kind=kind)  # type: ignore[arg-type]
        assert excinfo.value.reason == "bad_content_type"


def test_conditional_get_returns_not_modified(
    local_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    first = local_fetcher.fetch(http_server.url("/etag"), kind="feed")
    assert first.etag == '"v1"'
    assert first.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    again = local_fetcher.fetch(http_server.url("/etag"), kind="feed", etag=first.etag)
    assert again.not_modified
    assert again.status == 304
    assert again.body == b""
    by_date = local_fetcher.fetch(
        http_server.url("/etag"), kind="feed", last_modified=first.last_modified
    )
    assert by_date.not_modified


def test_unsolicited_304_is_an_error(local_fetcher: SafeFetcher, http_server: LocalServer) -> None:
    with pytest.raises(PermanentFetchError, match="http_304"):
        local_fetcher.fetch(http_server.url("/status/304"))


def test_parse_content_type() -> None:
    assert parse_content_type('text/HTML; Charset="UTF-8"') == ("text/html", "utf-8")
    assert parse_content_type("application/xml") == ("application/xml", None)
    assert parse_content_type(None) == (None, None)


def test_ipv6_literal_is_dialled_with_bracketed_host_header() -> None:
    """allow_private lets [::1] through; the Host header keeps the brackets."""
    import socket
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Server6(ThreadingHTTPServer):
        address_family = socket.AF_INET6

    class Echo(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = str(self.headers["Host"]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    try:
        server = Server6(("::1", 0), Echo)
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        fetcher = SafeFetcher(FetchPolicy(allow_private=True, total_timeout=5))
        resp = fetcher.fetch(f"http://[::1]:{port}/x")
        assert resp.body == f"[::1]:{port}".encode()
    finally:
        server.shutdown()
        server.server_close()
