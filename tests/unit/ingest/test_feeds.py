"""Feed parsing: every shared feed parses or fails cleanly; entity attacks are refused fast."""

from __future__ import annotations

import ast
import json
import re
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from timeline.dto import ParsedFeed
from timeline.exceptions import FeedError
from timeline.ingest import feeds
from timeline.ingest.feeds import entity_gate, parse_feed

from .conftest import SHARED, LocalServer, shared_dir

FEEDS_DIR = SHARED / "data" / "feeds"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "feeds"
ALL_FEED_FILES = (
    sorted(str(p.relative_to(FEEDS_DIR)) for p in FEEDS_DIR.rglob("*") if p.is_file())
    if FEEDS_DIR.is_dir()
    else []
)
ALL_FEED_FILES = [f for f in ALL_FEED_FILES if f != "README.md"]
# Files we refuse on purpose, with the reason. Everything else must parse.
EXPECTED_REFUSALS = {
    "real-world/unrecognized.rss": "not_a_feed",  # an HTML "Document Moved" page
    "feedparser/illformed/rss_empty_document.xml": "not_a_feed",
    "feedparser/wellformed/rdf/doctype_contains_entity_decl.xml": "xml_entities",
}
_HEADER = re.compile(rb"Header:\s*Content-type:\s*([^\r\n]+)", re.IGNORECASE)
_EXPECT = re.compile(rb"Expect:\s*([^\r\n]*)")


def _simulated_content_type(data: bytes) -> str | None:
    """The HTTP Content-Type a feedparser test file says it was served with, if any."""
    match = _HEADER.search(data[:2000].replace(b"\x00", b""))
    return match.group(1).decode("ascii").strip() if match else None


def _parse_shared(name: str) -> ParsedFeed:
    data = (FEEDS_DIR / name).read_bytes()
    return parse_feed(
        data, url=f"https://feeds.example/{name}", content_type=_simulated_content_type(data)
    )


@pytest.mark.parametrize("name", ALL_FEED_FILES or ["(missing)"])
def test_every_shared_feed_parses_or_fails_cleanly(name: str) -> None:
    shared_dir("data", "feeds")
    if name.endswith(".json"):
        expected: str | None = "not_a_feed"  # rss-parser's expected output, not a feed
    else:
        expected = EXPECTED_REFUSALS.get(name)
    if expected is not None:
        with pytest.raises(FeedError) as excinfo:
            _parse_shared(name)
        assert excinfo.value.reason == expected
        return
    parsed = _parse_shared(name)
    assert len(parsed.entries) >= 0
    for entry in parsed.entries:
        assert entry.url.startswith(("http://", "https://"))
        assert entry.published is None or entry.published.tzinfo is not None


def test_shared_feed_corpus_is_complete() -> None:
    shared_dir("data", "feeds")
    assert len(ALL_FEED_FILES) >= 270


def _rss_parser_cases() -> list[str]:
    folder = FEEDS_DIR / "real-world" / "expected-rss-parser"
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else ["(missing)"]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.mark.parametrize("stem", _rss_parser_cases())
def test_real_world_feeds_agree_with_rss_parser(stem: str) -> None:
    """Counts, links and titles match rss-parser's committed output (relative links resolved,
    and titles where rss-parser left entities or mis-decoded Latin-1 are skipped)."""
    folder = shared_dir("data", "feeds", "real-world")
    source = next(p for p in folder.iterdir() if p.is_file() and p.stem == stem)
    raw_json = (folder / "expected-rss-parser" / f"{stem}.json").read_bytes()
    expected = json.loads(raw_json.decode("utf-8", errors="replace"))  # one file is Latin-1
    feed_url = f"https://feeds.example/{source.name}"
    items = [i for i in expected["feed"].get("items", []) if i.get("link")]
    parsed = parse_feed(source.read_bytes(), url=feed_url)
    assert len(parsed.entries) == len(items)
    assert [e.url for e in parsed.entries] == [
        _resolve(feed_url, str(i["link"]).strip()) for i in items
    ]
    for entry, item in zip(parsed.entries, items, strict=True):
        want = _norm(item.get("title"))
        if not any(mark in want for mark in ("&", "\ufffd", "<")):
            assert _norm(entry.title) == want
    if expected["feed"].get("title") and "\ufffd" not in expected["feed"]["title"]:
        assert _norm(parsed.title) == _norm(expected["feed"]["title"])


def _resolve(base: str, link: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, link)


def _feedparser_expectations() -> list[tuple[str, str]]:
    if not FEEDS_DIR.is_dir():
        return [("(missing)", "")]
    cases = []
    for path in sorted((FEEDS_DIR / "feedparser").rglob("*.xml")):
        match = _EXPECT.search(path.read_bytes()[:2000].replace(b"\x00", b""))
        if match:
            cases.append((str(path.relative_to(FEEDS_DIR)), match.group(1).decode("latin-1")))
    return cases


_LITERAL_CHECK = re.compile(
    r"""(feed|entries\[0\])\[['"](title|link)['"]\]\s*==\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
)


@pytest.mark.parametrize(("name", "expect"), _feedparser_expectations())
def test_feedparser_expectations_hold(name: str, expect: str) -> None:
    """The feedparser authors' ``Expect`` lines, read with patterns (never eval'd): the bozo
    flag, and literal feed/entry title and link comparisons that map onto our DTO."""
    shared_dir("data", "feeds")
    if name in EXPECTED_REFUSALS:
        # Refused on purpose (e.g. entity declarations): that refusal is the expectation here.
        with pytest.raises(FeedError) as excinfo:
            _parse_shared(name)
        assert excinfo.value.reason == EXPECTED_REFUSALS[name]
        return
    parsed = _parse_shared(name)
    if expect.startswith("not bozo"):
        assert not parsed.bozo, parsed.bozo_reason
    elif expect.startswith("bozo"):
        assert parsed.bozo
    for where, field, literal in _LITERAL_CHECK.findall(expect):
        want = ast.literal_eval(literal)  # a string literal only, never the expression
        if where == "feed":
            got = parsed.title if field == "title" else parsed.link
        elif parsed.entries:
            got = parsed.entries[0].title if field == "title" else parsed.entries[0].url
        else:
            continue  # the entry had no usable link and was skipped
        if field == "title" and "<" in want:
            continue  # we flatten markup in titles
        assert _norm(got) == _norm(want) or (" or " in expect)


# -- our own fixtures ------------------------------------------------------------------------


def test_mixed_rss_entries_links_and_skips() -> None:
    parsed = parse_feed(
        (FIXTURES / "mixed.rss").read_bytes(),
        url="https://www.lakeside-courier.test/rss.xml",
        content_type="application/rss+xml; charset=utf-8",
    )
    assert parsed.title == "Lakeside Courier – Local news"
    assert parsed.link == "https://www.lakeside-courier.test/news/"
    assert parsed.version == "rss20"
    assert not parsed.bozo
    assert [e.url for e in parsed.entries] == [
        "https://www.lakeside-courier.test/news/2024/ferry-link-approved",  # relative, resolved
        "https://www.lakeside-courier.test/local/library-hours",
        "https://www.lakeside-courier.test/news/2024/bakery-prize",  # guid isPermaLink
    ]
    assert parsed.skipped_entries == 4
    assert parsed.skipped_reasons == {"no_link": 1, "bad_scheme": 2, "duplicate": 1}
    first, second, third = parsed.entries
    assert first.guid == "courier-1001"
    assert first.published == datetime(2024, 5, 14, 6, 30, tzinfo=UTC)
    assert first.summary == "Councillors voted nine to two."  # markup and script removed
    assert second.title == "Library extends hours"
    assert second.published == datetime(2024, 5, 17, 16, 0, tzinfo=UTC)
    assert third.published is None  # unparseable date


def test_atom_xml_base_and_updated_fallback() -> None:
    parsed = parse_feed(
        (FIXTURES / "atom_relative.atom").read_bytes(),
        url="https://www.lakeside-courier.test/feeds/blog.atom",
        content_type="application/atom+xml",
    )
    assert parsed.version == "atom10"
    assert [e.url for e in parsed.entries] == [
        "https://blog.lakeside-courier.test/posts/council-notes",
        "https://blog.lakeside-courier.test/posts/updated-only",
    ]
    assert parsed.entries[0].published == datetime(2024, 5, 15, 5, 0, tzinfo=UTC)
    assert parsed.entries[1].published == datetime(2024, 5, 18, 9, 15, tzinfo=UTC)


def test_html_page_posing_as_feed_is_not_a_feed() -> None:
    page = b"<html><head><title>Moved</title></head><body><a href='/x'>here</a></body></html>"
    with pytest.raises(FeedError) as excinfo:
        parse_feed(page, url="https://x.test/feed", content_type="text/html")
    assert excinfo.value.reason == "not_a_feed"


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x89PNG\r\n\x1a\n" + bytes(32), b'{"a": 1}'])
def test_junk_fails_cleanly(body: bytes) -> None:
    with pytest.raises(FeedError) as excinfo:
        parse_feed(body, url="https://x.test/feed")
    assert excinfo.value.reason in {"empty", "not_a_feed"}


def test_feedparser_never_fetches_or_opens_files(http_server: LocalServer) -> None:
    """feedparser treats a *string* as a URL or a file name; bytes from us are only content."""
    for body in (http_server.url("/feed").encode(), b"/etc/passwd", b"file:///etc/hostname"):
        before = len(http_server.requests)
        with pytest.raises(FeedError, match="not_a_feed"):
            parse_feed(body, url="https://x.test/feed")
        assert len(http_server.requests) == before


# -- entity attacks ----------------------------------------------------------------------------

BILLION_LAUGHS = (
    b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
"""
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"""]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://x.test/a</link></item></channel></rss>
"""
)


def _refused_fast(data: bytes, **kwargs: str) -> tuple[float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(FeedError) as excinfo:
            parse_feed(data, url="https://x.test/feed", **kwargs)
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert excinfo.value.reason == "xml_entities"
    return elapsed, peak


def test_billion_laughs_is_refused_fast_with_bounded_memory(
    record_property: pytest.RecordProperty,
) -> None:
    elapsed, peak = _refused_fast(BILLION_LAUGHS)
    record_property("billion_laughs_seconds", elapsed)
    record_property("billion_laughs_peak_bytes", peak)
    print(f"billion laughs: refused in {elapsed * 1000:.2f} ms, peak {peak / 1024:.1f} KiB")
    assert elapsed < 1.0
    assert peak < 1_000_000


@pytest.mark.parametrize(
    ("encoding", "prefix", "content_type"),
    [
        ("utf-16-le", b"\xff\xfe", None),  # with BOM
        ("utf-16-be", b"", None),  # autodetected from "<\x00?"
        ("utf-32-le", b"\xff\xfe\x00\x00", None),
        ("cp037", b"", None),  # EBCDIC, sniffed by feedparser
        ("utf-7", b"", "application/xml; charset=utf-7"),  # declared by the HTTP header
    ],
)
def test_billion_laughs_in_other_encodings_is_refused(
    encoding: str, prefix: bytes, content_type: str | None
) -> None:
    text = BILLION_LAUGHS.decode("ascii")
    if content_type is None:
        text = text.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')
    kwargs = {"content_type": content_type} if content_type else {}
    elapsed, peak = _refused_fast(prefix + text.encode(encoding), **kwargs)
    assert elapsed < 1.0
    assert peak < 2_000_000


@pytest.mark.parametrize(
    "doc",
    [
        # XXE: external entity pointing at a local file
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><title>&x;</title></channel></rss>",
        # external parameter entity (out-of-band exfiltration pattern)
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://169.254.169.254/">%p;]>'
        b"<rss/>",
        # quadratic blow-up: one big entity referenced many times (no nesting)
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + b"a" * 50_000 + b'">]><rss><channel>'
        b"<title>" + b"&a;" * 20_000 + b"</title></channel></rss>",
        # hidden in a comment: feedparser's doctype rewriting would still pick it up
        b'<?xml version="1.0"?><!-- <!ENTITY a "x"> --><!DOCTYPE rss><rss/>',
        # lower case and odd spacing
        b'<?xml version="1.0"?><!DOCTYPE r [<!  entity a "x">]><rss/>',
    ],
    ids=["xxe-file", "xxe-parameter", "quadratic", "in-comment", "lowercase"],
)
def test_entity_declarations_are_refused(doc: bytes) -> None:
    elapsed, _ = _refused_fast(doc)
    assert elapsed < 1.0


def test_external_dtd_is_not_fetched(http_server: LocalServer) -> None:
    """A DOCTYPE pointing at a URL parses, but nothing is requested from that URL."""
    doc = (
        b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "'
        + http_server.url("/evil.dtd").encode()
        + b'"><rss version="2.0"><channel><title>t</title>'
        b"<item><link>https://x.test/1</link></item></channel></rss>"
    )
    parsed = parse_feed(doc, url="https://x.test/feed", content_type="application/rss+xml")
    assert [e.url for e in parsed.entries] == ["https://x.test/1"]
    assert not any(r["path"] == "/evil.dtd" for r in http_server.requests)


def test_defused_parser_is_the_second_line_of_defence(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the byte gate switched off, feedparser's (defused) SAX parser still refuses."""
    monkeypatch.setattr(feeds, "entity_gate", lambda data, charset=None: None)
    elapsed, peak = _refused_fast(BILLION_LAUGHS, content_type="application/rss+xml")
    assert elapsed < 1.0
    assert peak < 5_000_000


def test_entity_gate_accepts_plain_doctypes() -> None:
    entity_gate(
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"/>'
    )
    entity_gate("<rss><channel><title>Entities &amp; more</title></channel></rss>".encode("utf-16"))
