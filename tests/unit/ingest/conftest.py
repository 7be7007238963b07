"""Fixtures for ingestion tests: a hostile-but-local HTTP server and name-mapping resolvers.

The server binds 127.0.0.1 on an ephemeral port, runs in a daemon thread for the whole session
and serves the routes in ``_Handler.ROUTES`` (redirect chains, slow bodies, huge bodies, gzip
bombs, status codes, conditional GET). Nothing here touches the internet.
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import os
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from timeline.dto import FetchPolicy
from timeline.exceptions import PermanentFetchError
from timeline.ingest.client import SafeFetcher
from timeline.ingest.netaddr import IPAddress

SHARED = Path(os.environ.get("TIMELINE_SHARED_DIR", Path(__file__).resolve().parents[4] / "shared"))
#: A public unicast address (example.com's block). Test resolvers hand it out for fake
#: "public" names; the dialer then sends the connection to the local server instead.
PUBLIC_IP = "93.184.215.14"
ARTICLE_HTML = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Local test page</title>"
    b"</head><body><article><h1>Local test page</h1><p>A small page served by the test server."
    b"</p></article></body></html>"
)
RSS = (
    b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Local feed</title>"
    b"<link>http://public.example/</link><item><title>One</title><link>/one</link></item>"
    b"</channel></rss>"
)


def shared_dir(*parts: str) -> Path:
    """Path into ../shared; skip when it is absent, except in CI where it must exist."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing but CI is set")
        pytest.skip(f"{path} not available")
    return path


def _gzip_bomb(decompressed_mb: int) -> bytes:
    """A gzip stream of ``decompressed_mb`` MB of zeros (about 1000:1), built incrementally."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits=31 -> gzip container
    block = bytes(1024 * 1024)
    parts = [comp.compress(block) for _ in range(decompressed_mb)]
    parts.append(comp.flush())
    return b"".join(parts)


@dataclass
class LocalServer:
    host: str
    port: int
    requests: list[dict[str, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "/", host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"


class _Handler(BaseHTTPRequestHandler):
    server_version = "TestServer/1"
    protocol_version = "HTTP/1.0"  # close after each response: bodies may lack a length
    state: LocalServer
    bomb: bytes

    def log_message(self, format: str, *args: object) -> None:  # silence stderr
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.state.requests.append(
            {"path": self.path, **{k.lower(): v for k, v in self.headers.items()}}
        )
        route = parts.path.strip("/").split("/")
        try:
            handler = getattr(self, f"route_{route[0].replace('-', '_')}", None)
            if handler is None:
                self._send(404, b"not found", "text/plain")
            else:
                handler(route[1:], query)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (size cap, deadline)

    def _send(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    # -- routes ------------------------------------------------------------------------------
    def route_article(self, _: list[str], q: dict[str, str]) -> None:
        self._send(200, ARTICLE_HTML, q.get("type", "text/html; charset=utf-8"))

    def route_feed(self, _: list[str], q: dict[str, str]) -> None:
        self._send(200, RSS, q.get("type", "application/rss+xml"))

    def route_echo(self, _: list[str], q: dict[str, str]) -> None:
        self._send(200, json.dumps(dict(self.headers.items())).encode(), "text/plain")

    def route_status(self, rest: list[str], q: dict[str, str]) -> None:
        extra = {"Retry-After": q["retry_after"]} if "retry_after" in q else {}
        self._send(int(rest[0]), b"status page", "text/html", extra)

    def route_redirect(self, _: list[str], q: dict[str, str]) -> None:
        self._send(int(q.get("code", "302")), b"", "text/html", {"Location": q["to"]})

    def route_chain(self, rest: list[str], q: dict[str, str]) -> None:
        n = int(rest[0])
        if n == 0:
            self.route_article([], q)
        else:
            self._send(302, b"", "text/html", {"Location": f"/chain/{n - 1}"})

    def route_etag(self, _: list[str], q: dict[str, str]) -> None:
        lm = "Wed, 01 Jan 2025 00:00:00 GMT"
        if (
            self.headers.get("If-None-Match") == '"v1"'
            or self.headers.get("If-Modified-Since") == lm
        ):
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        self._send(200, RSS, "application/rss+xml", {"ETag": '"v1"', "Last-Modified": lm})

    def route_big(self, _: list[str], q: dict[str, str]) -> None:
        """50 MB with no Content-Length (only the streaming cap can stop it)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if "announce" in q:
            self.send_header("Content-Length", str(50 * 1024 * 1024))
        self.end_headers()
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        for _i in range(50 * 16):
            if self.state.stop.is_set():
                return
            self.wfile.write(chunk)

    def route_bomb(self, _: list[str], q: dict[str, str]) -> None:
        self._send(200, self.bomb, "text/html", {"Content-Encoding": "gzip"})

    def route_gzip(self, _: list[str], q: dict[str, str]) -> None:
        self._send(200, gzip.compress(ARTICLE_HTML), "text/html", {"Content-Encoding": "gzip"})

    def route_slow(self, _: list[str], q: dict[str, str]) -> None:
        """Headers at once, then one byte every 50 ms, forever (until the client hangs up)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>")
        while not self.state.stop.is_set():
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.05)

    def route_slow_headers(self, _: list[str], q: dict[str, str]) -> None:
        """Slowloris in reverse: a status line, then one header byte every 50 ms, forever."""
        self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Drip: ")
        while not self.state.stop.is_set():
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.05)

    def route_stall(self, _: list[str], q: dict[str, str]) -> None:
        """Send nothing at all for a long time."""
        self.state.stop.wait(float(q.get("seconds", "30")))


@pytest.fixture(scope="session")
def http_server() -> Iterator[LocalServer]:
    state = LocalServer(host="127.0.0.1", port=0)
    handler = type("Handler", (_Handler,), {"state": state, "bomb": _gzip_bomb(200)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, name="test-http", daemon=True)
    thread.start()
    yield state
    state.stop.set()
    server.shutdown()
    server.server_close()


def mapping_resolver(mapping: dict[str, Sequence[str]]) -> Callable[[str, int], list[str]]:
    """A resolver for tests: names in ``mapping`` only; anything else is NXDOMAIN."""

    def resolve(host: str, port: int) -> list[str]:
        if host not in mapping:
            raise PermanentFetchError("dns_nxdomain", f"{host} not in test mapping")
        return list(mapping[host])

    return resolve


def local_dialer(ip: IPAddress) -> str:
    """Send connections for the fake public address to the local server."""
    return "127.0.0.1" if ip == ipaddress.ip_address(PUBLIC_IP) else str(ip)


@pytest.fixture
def strict_policy() -> FetchPolicy:
    """Production-like policy (no private addresses) with short test timeouts."""
    return FetchPolicy(allow_private=False, connect_timeout=2, read_timeout=2, total_timeout=5)


@pytest.fixture
def public_fetcher(strict_policy: FetchPolicy) -> SafeFetcher:
    """Treats ``public.example`` as a public host that is really the local test server."""
    resolver = mapping_resolver({"public.example": [PUBLIC_IP]})
    return SafeFetcher(strict_policy, resolver=resolver, dialer=local_dialer)


@pytest.fixture
def local_fetcher() -> SafeFetcher:
    """allow_private=True: fetch from 127.0.0.1 directly (the local-development switch)."""
    policy = FetchPolicy(allow_private=True, connect_timeout=2, read_timeout=2, total_timeout=5)
    return SafeFetcher(policy)
