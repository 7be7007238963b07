"""Turn fetched HTML (or pasted text) into a ``ParsedArticle``.

trafilatura finds the main text, title, author and date; htmldate is the date fallback; the
date's origin is recorded in ``date_source`` because it decides how relative expressions
("on Tuesday", "last year") are anchored downstream. Language comes from py3langid over the
extracted text (the same detector for HTML and pasted text, so both are judged alike).

No Django here: the service layer decides what to store and whether to skip.
"""

from __future__ import annotations

import codecs
import functools
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import htmldate
import trafilatura
from lxml.html import HtmlElement
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from timeline.dto import DateSourceName, FetchedResponse, ParsedArticle
from timeline.exceptions import ParseError
from timeline.normalize import content_hash, domain_of

#: Refuse pasted/fetched HTML above this size before building a DOM (the fetcher caps at 5 MB).
MAX_HTML_BYTES = 10_000_000
#: Below this many characters language identification is a guess; report None instead.
MIN_LANGUAGE_CHARS = 40
#: py3langid normalised probability under which the language is reported as unknown.
MIN_LANGUAGE_CONFIDENCE = 0.5
_LANGUAGE_SAMPLE_CHARS = 4000
#: An HTML page whose main text is shorter than this is a navigation stub, not an article.
MIN_HTML_TEXT_CHARS = 50
# Labels servers send by default. If the bytes are valid UTF-8 they are UTF-8; otherwise decode
# as windows-1252, which is what the WHATWG Encoding Standard maps these labels to (and what
# keeps curly quotes that pure Latin-1 would turn into control characters).
_DEFAULT_CHARSETS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_LINE_WS = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def parse_html(
    html: bytes | str,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> ParsedArticle:
    """Extract the article from ``html`` (raw bytes preferred, so meta charsets are honoured).

    ``url`` is the final URL after redirects (resolves relative canonical links; trafilatura
    also uses it for metadata). ``charset`` is the HTTP header's, if any.
    Raises ``ParseError("no_content")`` when no main text (``MIN_HTML_TEXT_CHARS``) is found and
    ``ParseError("too_large")`` above ``MAX_HTML_BYTES``.
    """
    if len(html) > MAX_HTML_BYTES:
        raise ParseError("too_large", f"HTML of {len(html)} bytes exceeds {MAX_HTML_BYTES}")
    document = _decode(html, charset) if isinstance(html, bytes) else html
    tree = trafilatura.utils.load_html(document)
    if tree is None:
        raise ParseError("no_content", "not an HTML document")
    # Read the canonical link before trafilatura, which prunes the tree in place.
    canonical = _canonical_url(tree, url)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            favor_precision=True,  # measured better body F1 on the news sample
        )
    except (ValueError, TypeError, AssertionError) as exc:  # lxml/trafilatura internals
        raise ParseError("no_content", f"extraction failed: {exc}") from exc
    title = _clean_line(getattr(doc, "title", None))
    text = _drop_headline(_clean_text(getattr(doc, "text", None) or ""), title)
    if len(text) < MIN_HTML_TEXT_CHARS:
        raise ParseError("no_content", "no main text found")
    published, source = _page_date(doc, document, url)
    return ParsedArticle(
        url=url,
        canonical_url=canonical,
        title=title,
        author=_clean_line(getattr(doc, "author", None)),
        text=text,
        language=detect_language(text),
        published=published,
        date_source=source,
        content_hash=content_hash(text),
        sitename=_clean_line(getattr(doc, "sitename", None)),
        description=_clean_line(getattr(doc, "description", None)),
    )


def parse_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
) -> ParsedArticle:
    """Wrap pasted plain text in the same DTO; a given ``published`` counts as "submitted"."""
    cleaned = _clean_text(text)
    if not cleaned:
        raise ParseError("no_content", "the text is empty")
    if isinstance(published, datetime):
        published = published.date()
    return ParsedArticle(
        url=url,
        canonical_url=None,
        title=_clean_line(title),
        author=None,
        text=cleaned,
        language=detect_language(cleaned),
        published=published,
        date_source="submitted" if published else "none",
        content_hash=content_hash(cleaned),
    )


def parse_fetched(response: FetchedResponse) -> ParsedArticle:
    """Parse a fetched article response (HTML, XHTML or plain text)."""
    if response.content_type == "text/plain":
        text = _decode_text(response.body, response.charset)
        return parse_text(text, url=response.final_url)
    return parse_html(response.body, url=response.final_url, charset=response.charset)


def skip_reason(article: ParsedArticle, *, languages: tuple[str, ...] = ("en",)) -> str | None:
    """Why the article should be stored but not extracted (``"language:de"``), or None.

    An unknown language (very short text) is not skipped: better to try than to lose it.
    """
    if article.language is not None and article.language not in languages:
        return f"language:{article.language}"
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when it is too short or the model is unsure."""
    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    if len(sample.strip()) < MIN_LANGUAGE_CHARS:
        return None
    lang, prob = _language_identifier().classify(sample)
    return str(lang) if prob >= MIN_LANGUAGE_CONFIDENCE else None


@functools.cache
def _language_identifier() -> LanguageIdentifier:
    # Loading the model takes a moment; one shared instance per process (classify is pure).
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# -- helpers ------------------------------------------------------------------------------------


def _decode(data: bytes, charset: str | None) -> str | bytes:
    """Decode with a trustworthy charset; otherwise hand bytes to trafilatura's detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data  # a BOM beats everything; trafilatura honours it
    if not charset:
        return data
    try:
        codecs.lookup(charset)
    except LookupError:
        return data
    if charset.lower() in _DEFAULT_CHARSETS:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            charset = "cp1252"
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return data  # the header lied; let meta tags and detection decide


def _decode_text(data: bytes, charset: str | None) -> str:
    decoded = _decode(data, charset)
    if isinstance(decoded, str):
        return decoded
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    """``<link rel=canonical>`` or ``og:url``, absolute, http(s), and on the same site.

    A page may claim any canonical URL; trusting a cross-site claim would let one site
    hijack another's article in canonical-URL de-duplication, so those are ignored.
    """
    candidates: list[Any] = tree.xpath(
        '//head/link[contains(concat(" ", normalize-space(translate(@rel, "CANONIL", '
        '"canonil")), " "), " canonical ")]/@href'
        ' | //head/meta[@property="og:url" or @name="og:url"]/@content'
    )
    for raw in candidates:
        href = str(raw).strip()
        if not href:
            continue
        absolute = urljoin(url, href) if url else href
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            continue
        if url and not _same_site(absolute, url):
            continue
        return absolute
    return None


def _same_site(a: str, b: str) -> bool:
    """Same host, or one is a subdomain of the other (www., m., amp.)."""
    ha, hb = domain_of(a), domain_of(b)
    return bool(ha and hb) and (ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha))


def _page_date(
    doc: Any, document: str | bytes, url: str | None
) -> tuple[date | None, DateSourceName]:
    found = _to_date(getattr(doc, "date", None))
    if found:
        return found, "trafilatura"
    try:
        # original_date: the publication date, not "last modified"; extensive_search also reads
        # free text and URL patterns (measured: better accuracy than the quick mode).
        fallback = htmldate.find_date(document, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):  # odd markup; a missing date is not an error
        fallback = None
    found = _to_date(fallback)
    if found:
        return found, "htmldate"
    return None, "none"


def _to_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean_text(text: str) -> str:
    """Normalise newlines and runs of spaces; keep paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_LINE_WS.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _drop_headline(text: str, title: str | None) -> str:
    """Remove a first line that repeats the title: the title is stored on its own, and the
    same story should hash the same whether or not a page repeats its headline in the body."""
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.casefold():
        return rest.strip()
    return text


def _clean_line(value: str | None) -> str | None:
    if not value:
        return None
    return _LINE_WS.sub(" ", value.replace("\n", " ")).strip() or None
