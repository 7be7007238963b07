"""The one HTTP fetcher for articles and feeds, hardened against SSRF and hostile servers.

What it guarantees (docs/ingestion-security.md explains why):

* http/https only, no userinfo, IDNA-normalised hosts (``netaddr.parse_target``);
* the host is resolved once per hop and EVERY address is checked (``netaddr.vet_target``); the
  socket then goes to a checked IP (urllib3 pool on the IP, TLS SNI and certificate check against
  the name, explicit ``Host`` header), so DNS rebinding cannot swap the target;
* redirects are followed here, at most ``policy.max_redirects``, re-vetting each hop;
* connect/read timeouts plus a total deadline that also bounds a body trickling in forever;
* the body is streamed and the DECOMPRESSED size is capped (gzip bombs stop at the cap);
* content types are checked against what the caller wants (article or feed);
* conditional GET (ETag / Last-Modified in, 304 out).

Failures raise ``TransientFetchError`` (retry later, maybe with ``retry_after``) or
``PermanentFetchError`` (do not retry), each with a short ``reason`` code.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.client import InvalidURL
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    LocationParseError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from timeline.dto import FetchedResponse, FetchKind, FetchPolicy
from timeline.exceptions import FetchError, PermanentFetchError, TransientFetchError
from timeline.ingest.netaddr import (
    IPAddress,
    Resolver,
    Target,
    parse_target,
    system_resolver,
    vet_target,
)
from timeline.ingest.transport import Deadline, open_pool

#: Response headers copied into ``FetchedResponse.headers`` (lower-cased names).
KEPT_HEADERS = (
    "content-type",
    "content-length",
    "content-encoding",
    "content-language",
    "content-location",
    "etag",
    "last-modified",
    "cache-control",
    "expires",
    "retry-after",
    "date",
)
ARTICLE_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_CONTENT_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/x-atom+xml",
        "application/xml",
        "text/xml",
        "text/rss+xml",
        # Misconfigured servers send feeds as text/html or text/plain; feeds.py sniffs those.
        "text/html",
        "text/plain",
        "application/xhtml+xml",
    }
)
_ACCEPT = {
    "article": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
    "text/html;q=0.1",
}
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# 408 Request Timeout, 425 Too Early and 429 Too Many Requests are the 4xx worth retrying.
_TRANSIENT_4XX = frozenset({408, 425, 429})
_ALLOWED_ENCODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate"})
_CHUNK = 64 * 1024
#: Upper bound on a server-requested Retry-After, so a hostile value cannot park a feed forever.
MAX_RETRY_AFTER = 24 * 3600.0

#: Maps a vetted address to the address actually dialled. Tests use it to send a "public"
#: address to a local server; production leaves it None (dial what was vetted).
Dialer = Callable[[IPAddress], str]


class SafeFetcher:
    """Fetch URLs under a ``FetchPolicy``; safe to share between threads (no mutable state)."""

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        resolver: Resolver = system_resolver,
        dialer: Dialer | None = None,
    ) -> None:
        self.policy = policy
        self.resolver = resolver
        self.dialer = dialer

    def fetch(
        self,
        url: str,
        *,
        kind: FetchKind = "article",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchedResponse:
        """GET ``url`` following redirects; raise ``FetchError`` subclasses on failure.

        Pass the stored ``etag``/``last_modified`` of a feed to make the request conditional;
        an unchanged resource comes back with ``not_modified=True`` and an empty body.
        """
        start = time.monotonic()
        deadline = start + self.policy.total_timeout
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept": _ACCEPT[kind],
            "Accept-Encoding": "gzip, deflate",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        redirects: list[str] = []
        for _hop in range(self.policy.max_redirects + 1):
            target = parse_target(current, self.policy)
            addresses = vet_target(target, self.policy, self.resolver)
            guard = Deadline(deadline)
            pools: list[urllib3.HTTPConnectionPool] = []
            resp: urllib3.BaseHTTPResponse | None = None
            try:
                with guard:
                    resp = self._open(target, addresses, headers, deadline, guard, pools)
                    if resp.status in _REDIRECT_STATUSES:
                        location = resp.headers.get("location")
                        if not location:
                            raise PermanentFetchError(
                                "bad_redirect", f"{resp.status} without Location"
                            )
                        redirects.append(target.url)
                        current = urljoin(target.url, location.strip())
                        continue
                    return self._finish(
                        url,
                        target,
                        resp,
                        kind,
                        redirects,
                        guard,
                        start,
                        conditional=bool(etag or last_modified),
                    )
            finally:
                # The guard is disarmed (``with`` exit) before any socket is closed.
                if resp is not None:
                    resp.close()
                for pool in pools:
                    pool.close()
        raise PermanentFetchError(
            "too_many_redirects", f"more than {self.policy.max_redirects} redirects from {url}"
        )

    # -- connection ------------------------------------------------------------------------------

    def _open(
        self,
        target: Target,
        addresses: list[IPAddress],
        headers: dict[str, str],
        deadline: float,
        guard: Deadline,
        pools: list[urllib3.HTTPConnectionPool],
    ) -> urllib3.BaseHTTPResponse:
        """Send the request to the first vetted address that accepts a connection.

        Pools are appended to ``pools`` for the caller to close after disarming ``guard``.
        """
        last_error: FetchError | None = None
        for ip in addresses:
            remaining = _remaining(deadline)
            pool = open_pool(
                scheme=target.scheme,
                dial=self.dialer(ip) if self.dialer else str(ip),
                port=target.port,
                hostname=target.host,
                hostname_is_ip=target.literal is not None,
                timeout=urllib3.Timeout(
                    connect=min(self.policy.connect_timeout, remaining),
                    read=min(self.policy.read_timeout, remaining),
                ),
                deadline=guard,
                ca_bundle=self.policy.ca_bundle,
            )
            pools.append(pool)
            try:
                return pool.urlopen(
                    "GET",
                    target.request_target,
                    headers={**headers, "Host": target.host_header},
                    retries=False,
                    redirect=False,
                    assert_same_host=False,
                    preload_content=False,
                    decode_content=True,
                )
            except (ConnectTimeoutError, NewConnectionError) as exc:
                last_error = _classify_exception(exc, target.url, guard)
                continue  # try the next vetted address
            except (HTTPError, InvalidURL, OSError) as exc:
                raise _classify_exception(exc, target.url, guard) from exc
        assert last_error is not None  # vet_target never returns an empty list
        raise last_error

    # -- response --------------------------------------------------------------------------------

    def _finish(
        self,
        url: str,
        target: Target,
        resp: urllib3.BaseHTTPResponse,
        kind: FetchKind,
        redirects: list[str],
        guard: Deadline,
        start: float,
        *,
        conditional: bool,
    ) -> FetchedResponse:
        status = resp.status
        kept = {name: resp.headers[name] for name in KEPT_HEADERS if name in resp.headers}
        mime, charset = parse_content_type(kept.get("content-type"))
        not_modified = status == 304 and conditional
        if not not_modified:
            _check_status(status, kept, target.url)
            _check_content_type(mime, kind, target.url)
            _check_headers(kept, self.policy.max_bytes, target.url)
        body = b"" if not_modified else self._read_body(resp, guard, target.url)
        return FetchedResponse(
            url=url,
            final_url=target.url,
            status=status,
            headers=kept,
            body=body,
            content_type=mime,
            charset=charset,
            etag=kept.get("etag"),
            last_modified=kept.get("last-modified"),
            not_modified=not_modified,
            elapsed=time.monotonic() - start,
            redirects=tuple(redirects),
        )

    def _read_body(self, resp: urllib3.BaseHTTPResponse, guard: Deadline, url: str) -> bytes:
        """Stream the decoded body, enforcing the size cap; ``guard`` enforces the deadline."""
        cap = self.policy.max_bytes
        chunks: list[bytes] = []
        total = 0
        try:
            # urllib3 >= 2.6 inflates at most _CHUNK bytes per step, so a gzip bomb is cut off
            # at the cap instead of being decompressed in one go.
            for chunk in resp.stream(_CHUNK, decode_content=True):
                total += len(chunk)
                if total > cap:
                    raise PermanentFetchError("too_large", f"body of {url} exceeds {cap} bytes")
                chunks.append(chunk)
        except (HTTPError, OSError) as exc:
            raise _classify_exception(exc, url, guard) from exc
        if guard.fired:
            # The watchdog's shutdown looks like EOF to a body without a length.
            raise TransientFetchError("timeout", f"{url}: total fetch deadline exceeded")
        return b"".join(chunks)


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    kind: FetchKind = "article",
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchedResponse:
    """Convenience wrapper: ``SafeFetcher(policy).fetch(url, ...)`` with the system resolver."""
    return SafeFetcher(policy).fetch(url, kind=kind, etag=etag, last_modified=last_modified)


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``"text/html; charset=UTF-8"`` -> ``("text/html", "utf-8")``."""
    if not value:
        return (None, None)
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").lower() or None
    return (mime.strip().lower() or None, charset)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, min(seconds, MAX_RETRY_AFTER))


def _check_status(status: int, headers: Mapping[str, str], url: str) -> None:
    if 200 <= status < 300:
        return
    message = f"{url} answered HTTP {status}"
    if status >= 500 or status in _TRANSIENT_4XX:
        retry_after = parse_retry_after(headers.get("retry-after"))
        raise TransientFetchError(f"http_{status}", message, retry_after=retry_after)
    raise PermanentFetchError(f"http_{status}", message)


def _check_content_type(mime: str | None, kind: FetchKind, url: str) -> None:
    # A missing type is left to the parsers, which fail cleanly on non-HTML/XML bytes.
    allowed = ARTICLE_CONTENT_TYPES if kind == "article" else FEED_CONTENT_TYPES
    if mime is not None and mime not in allowed:
        raise PermanentFetchError("bad_content_type", f"{url} is {mime}, not a {kind}")


def _check_headers(headers: Mapping[str, str], cap: int, url: str) -> None:
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding not in _ALLOWED_ENCODINGS:
        raise PermanentFetchError("bad_content_encoding", f"{url} uses {encoding!r}")
    length = headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > cap:
        raise PermanentFetchError("too_large", f"{url} announces {length} bytes (cap {cap})")


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TransientFetchError("timeout", "total fetch deadline exceeded")
    return remaining


def _classify_exception(exc: BaseException, url: str, guard: Deadline) -> FetchError:
    """Map urllib3/socket errors onto the transient/permanent split."""
    if isinstance(exc, MaxRetryError) and exc.reason is not None:
        exc = exc.reason
    if isinstance(exc, FetchError):
        return exc
    if guard.fired:
        return TransientFetchError("timeout", f"{url}: total fetch deadline exceeded")
    if isinstance(exc, ConnectTimeoutError | ReadTimeoutError | TimeoutError):
        return TransientFetchError("timeout", f"{url}: {exc}")
    if isinstance(exc, SSLError):
        # Certificate/hostname mismatches do not heal by retrying within minutes.
        return PermanentFetchError("tls_error", f"{url}: {exc}")
    if isinstance(exc, DecodeError):
        return PermanentFetchError("bad_encoding", f"{url}: undecodable body: {exc}")
    if isinstance(exc, LocationParseError | InvalidURL):
        return PermanentFetchError("bad_url", f"{url}: {exc}")
    if isinstance(exc, ProtocolError) and isinstance(exc.__context__, TimeoutError):
        return TransientFetchError("timeout", f"{url}: {exc}")
    return TransientFetchError("connection_error", f"{url}: {exc}")
