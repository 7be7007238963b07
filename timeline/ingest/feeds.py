"""Parse RSS/Atom bytes that ``client.py`` fetched into a ``ParsedFeed``.

feedparser is liberal (it recovers ill-formed feeds and guesses encodings), which is what news
feeds need, but it must never fetch and never expand XML entities. Three layers see to that:

1. ``entity_gate`` refuses any document that declares an entity (``<!ENTITY``), looking at the
   raw bytes and at every decoding feedparser might choose (BOM/UTF-16/32, EBCDIC, the XML
   declaration, the HTTP charset). It runs before any parser, in linear time and constant extra
   memory, so a "billion laughs" document costs microseconds. The price: a feed that merely
   *mentions* ``<!ENTITY`` (say, in a CDATA post about XML) is refused too. feedparser's own
   doctype rewriting re-inserts "safe" entity declarations even from comments, so the gate
   deliberately does not try to be smarter than a plain search.
2. feedparser's strict SAX parser is swapped for defusedxml's expat reader, which raises on an
   entity declaration instead of expanding it (defence in depth for any encoding the gate did
   not think of); external DTDs are never loaded.
3. The input is handed over as a file object, never as a string: feedparser treats strings as
   URLs or *local file names* and would open them.
"""

from __future__ import annotations

import calendar
import contextlib
import io
import re
import time
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import feedparser
import feedparser.api
from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser
from lxml import html as lxml_html
from lxml.etree import ParserError as LxmlParserError

from timeline.dto import FeedEntry, ParsedFeed
from timeline.exceptions import FeedError


def create_parser() -> DefusedExpatParser:
    """The SAX parser factory feedparser gets (layer 2; see ``PREFERRED_XML_PARSERS`` below).

    Entity declarations raise ``EntitiesForbidden`` instead of being expanded. External
    references are *ignored* rather than refused: feedparser disables external general
    entities, so an external DTD subset is simply not loaded (a feed pointing at an XHTML DTD
    still parses), and any external entity would need a declaration, which already raises.
    """
    return DefusedExpatParser(forbid_dtd=False, forbid_entities=True, forbid_external=False)


# xml.sax.make_parser() imports each named module and calls its create_parser(); naming this
# module routes feedparser's strict parsing through the defused parser above.
feedparser.api.PREFERRED_XML_PARSERS = [__name__]

#: Feeds above this are refused (the fetcher caps bodies at 5 MB already).
MAX_FEED_BYTES = 10_000_000
_ENTITY_DECL_BYTES = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_ENTITY_DECL_TEXT = re.compile(r"<!\s*ENTITY", re.IGNORECASE)
_XML_ENCODING = re.compile(
    rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
)
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_SNIFFS = (  # "<?" or "<" in encodings that are not ASCII-compatible (XML 1.0 appendix F)
    (b"\x00\x00\x00\x3c", "utf-32-be"),
    (b"\x3c\x00\x00\x00", "utf-32-le"),
    (b"\x00\x3c\x00\x3f", "utf-16-be"),
    (b"\x3c\x00\x3f\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # EBCDIC "<?xm"
)
_SUMMARY_MAX_CHARS = 5000


def parse_feed(
    data: bytes,
    *,
    url: str,
    content_type: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> ParsedFeed:
    """Parse feed ``data`` fetched from ``url`` (the final URL: relative links resolve to it).

    ``content_type``/``headers`` are the HTTP response's; feedparser uses the charset in them.
    Raises ``FeedError`` with reason ``empty``, ``too_large``, ``xml_entities`` or
    ``not_a_feed``; never anything else for bad input.
    """
    if not data.strip():
        raise FeedError("empty", "the feed is empty")
    if len(data) > MAX_FEED_BYTES:
        raise FeedError("too_large", f"feed of {len(data)} bytes exceeds {MAX_FEED_BYTES}")
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    if content_type:
        response_headers["content-type"] = content_type
    # Without a type feedparser would assume Latin-1 and flag "no Content-type" as soon as any
    # header is passed; application/xml gives its no-header behaviour (XML declaration/BOM,
    # else UTF-8) while still letting us pass Content-Location.
    response_headers.setdefault("content-type", "application/xml")
    # feedparser resolves relative URIs against Content-Location; the final URL is that base.
    response_headers["content-location"] = url
    entity_gate(data, charset=_charset_of(response_headers.get("content-type")))
    try:
        result = feedparser.parse(
            io.BytesIO(data),  # layer 3: a stream, never a str that could name a file or URL
            response_headers=response_headers,
            resolve_relative_uris=True,  # per call, not the process-wide module flag
            sanitize_html=True,
        )
    except DefusedXmlException as exc:
        raise FeedError("xml_entities", f"the feed declares XML entities ({exc})") from exc
    return _to_parsed_feed(result, url)


def entity_gate(data: bytes, *, charset: str | None = None) -> None:
    """Raise ``FeedError("xml_entities")`` if ``data`` declares an XML entity in any plausible
    encoding. Linear time; decodes at most a handful of candidate encodings."""
    if _ENTITY_DECL_BYTES.search(data):
        raise FeedError("xml_entities", "the feed declares XML entities (<!ENTITY)")
    for encoding in _candidate_encodings(data, charset):
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            continue
        if _ENTITY_DECL_TEXT.search(text):
            raise FeedError("xml_entities", f"the feed declares XML entities ({encoding})")


def _candidate_encodings(data: bytes, charset: str | None) -> list[str]:
    found: list[str] = []
    head = data[:4]
    found += [enc for bom, enc in _BOMS if head.startswith(bom)][:1]
    found += [enc for sniff, enc in _SNIFFS if head == sniff]
    # The XML declaration, read through NULs so a BOM-less UTF-16 declaration is seen too.
    ascii_view = data[:400].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xfe\xff")
    declared = _XML_ENCODING.match(ascii_view)
    if declared:
        found.append(declared.group(1).decode("ascii"))
    if charset:
        found.append(charset)
    return list(dict.fromkeys(e.lower() for e in found))


def _charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _to_parsed_feed(result: Any, url: str) -> ParsedFeed:
    bozo = bool(result.get("bozo"))
    exc = result.get("bozo_exception")
    bozo_reason = f"{type(exc).__name__}: {exc}"[:500] if bozo and exc is not None else None
    version = str(result.get("version") or "")
    raw_entries = result.get("entries") or []
    meta = result.get("feed") or {}
    if not version and not raw_entries:
        # HTML error pages, "Document Moved" pages, empty documents, JSON...
        raise FeedError("not_a_feed", f"not an RSS/Atom document ({bozo_reason or 'unknown'})")
    entries: list[FeedEntry] = []
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    for raw in raw_entries:
        entry_url, problem = _entry_url(raw, url)
        if problem:
            skipped[problem] += 1
            continue
        assert entry_url is not None
        if entry_url in seen:
            skipped["duplicate"] += 1
            continue
        seen.add(entry_url)
        entries.append(
            FeedEntry(
                url=entry_url,
                guid=_clean(raw.get("id")),
                title=_text_of(raw, "title"),
                published=_entry_date(raw),
                summary=_text_of(raw, "summary", limit=_SUMMARY_MAX_CHARS),
            )
        )
    link = _clean(meta.get("link"))
    return ParsedFeed(
        title=_text_of(meta, "title"),
        link=urljoin(url, link) if link else None,
        entries=tuple(entries),
        bozo=bozo,
        bozo_reason=bozo_reason,
        version=version,
        skipped_entries=sum(skipped.values()),
        skipped_reasons=dict(skipped),
    )


def _entry_url(raw: Any, base: str) -> tuple[str | None, str | None]:
    """The entry's absolute http(s) link, or the reason it has none usable."""
    link = _clean(raw.get("link"))
    if link and raw.get("guidislink") and not link.lower().startswith(("http:", "https:", "/")):
        link = None  # feedparser copied a non-URL id (e.g. "tag:...") into link
    if not link:
        # Atom entries may carry only rel="alternate"/no rel links in ``links``.
        for candidate in raw.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = _clean(candidate["href"])
                break
    if not link:
        return None, "no_link"
    absolute = urljoin(base, link)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https"):
        return None, "bad_scheme"
    if not parts.hostname:
        return None, "bad_url"
    return urlunsplit(parts), None  # urlsplit lower-cased the scheme: "HTTP://" -> "http://"


def _entry_date(raw: Any) -> datetime | None:
    """Published, else updated. Plain dict lookups: FeedParserDict's own aliasing of these
    keys is deprecated and warns."""
    return _to_datetime(dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed"))


def _to_datetime(parsed: time.struct_time | None) -> datetime | None:
    """feedparser's UTC struct_time -> aware datetime; None for missing/impossible dates."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _text_of(node: Any, key: str, *, limit: int | None = None) -> str | None:
    """Plain text of a feed field. feedparser hands back HTML-typed fields as (sanitised)
    markup, so those are flattened to their text, entities included."""
    text = _clean(node.get(key))
    if text is None:
        return None
    detail = node.get(f"{key}_detail") or {}
    if "<" in text or "html" in str(detail.get("type", "")):
        with contextlib.suppress(LxmlParserError, ValueError):
            text = str(lxml_html.fromstring(text).text_content())
    text = " ".join(text.split())
    if limit is not None:
        text = text[:limit]
    return text or None
