"""Frozen dataclasses that cross layer boundaries.

Ingestion (``timeline.ingest``) returns these, never model instances, so the network and parsing
code stays free of Django and can be tested without a database. Services turn them into rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

# --- ingestion -----------------------------------------------------------------------------------

#: Where an article's publication date came from; mirrors ``timeline.enums.DateSource`` values
#: (kept as a Literal here so this module never imports Django).
DateSourceName = Literal["trafilatura", "htmldate", "feed", "submitted", "none"]

#: What a fetch is for; decides which content types are acceptable.
FetchKind = Literal["article", "feed"]

DEFAULT_USER_AGENT = "TimelineBot/0.1 (+https://timeline.invalid/bot)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits and switches for ``timeline.ingest.client``.

    The service layer builds it from Django settings; tests build it directly.
    ``allow_private`` lets loopback/RFC 1918/ULA/CGNAT targets through and is meant for local
    development and tests only. Cloud metadata, link-local, multicast, unspecified and reserved
    addresses stay blocked even then.
    """

    allow_private: bool = False
    max_bytes: int = 5_000_000
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    max_redirects: int = 3
    user_agent: str = DEFAULT_USER_AGENT
    allowed_schemes: tuple[str, ...] = ("http", "https")
    #: PEM bundle of trusted CAs; None means the system store.
    ca_bundle: str | None = None


@dataclass(frozen=True, slots=True)
class FetchedResponse:
    """The outcome of one successful (2xx or 304) fetch, after redirects."""

    url: str
    final_url: str
    status: int
    #: A small lower-cased subset of the response headers (see ``client.KEPT_HEADERS``).
    headers: Mapping[str, str]
    #: Decompressed body; empty for 304.
    body: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    #: Seconds from the first connect to the end of the body.
    elapsed: float
    #: Every URL that answered with a redirect, in order.
    redirects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """Main text and metadata of one article (from HTML or pasted text)."""

    url: str | None
    #: ``<link rel=canonical>``/``og:url`` when it points to the same site, else None.
    canonical_url: str | None
    title: str | None
    author: str | None
    text: str
    #: ISO 639-1 code from py3langid over the text, or None when the text is too short to tell.
    language: str | None
    #: Publication date: the anchor for relative expressions ("yesterday").
    published: date | None
    date_source: DateSourceName
    #: sha256 hex of the NFC-normalised, whitespace-collapsed text.
    content_hash: str
    sitename: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One usable feed item: it has an absolute http(s) URL."""

    url: str
    guid: str | None
    title: str | None
    #: Aware UTC datetime (published, else updated), or None.
    published: datetime | None
    summary: str | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed RSS/Atom document."""

    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]
    #: feedparser's "not well-formed" flag; entries were still recovered.
    bozo: bool
    bozo_reason: str | None
    #: feedparser's format name, e.g. "rss20", "atom10".
    version: str
    #: Entries dropped because they had no link or a non-http(s) link.
    skipped_entries: int = 0
    #: Reasons for skipped entries, e.g. {"no_link": 2, "bad_scheme": 1}.
    skipped_reasons: Mapping[str, int] = field(default_factory=dict)


# --- end of ingestion block ----------------------------------------------------------------------
