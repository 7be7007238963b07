"""Paragraph and sentence segmentation shared by every extraction stage.

News text is segmented with a few precompiled regexes rather than a trained
model: it is fast (the pipeline must handle hundreds of articles a second)
and its errors are predictable. The abbreviation list matches the one the
evaluation scorer uses, so "U.S. officials" or "Gen. Allvin" never end a
sentence and the sentence indexes of the engine and the scorer agree.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from timeline.extract.types import Document, Span

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by whitespace.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")
# Tokens ending in a period that do not end a sentence: initials and abbreviations.
_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Gen Sen Sens Rep Reps Gov Lt Col Sgt Capt Adm Maj Cmdr Gens Prof Rev St Jan Feb "
    "Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No vs etc Inc Corp Co Ltd Jr Sr Mt Ft Ave approx Gov "
    "Supt Sgt Pvt Cpl Atty Msgr Hon"
)


def trie_pattern(words: list[str]) -> str:
    """A regex alternation factored as a trie.

    Python's ``re`` tries the branches of ``a|b|c`` one by one at every position; a
    trie-shaped pattern tests one character per level instead, which makes scanning for
    a few hundred words several times faster.
    """
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(tree)


# Checked at every period: a trie-shaped alternation fails fast.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:" + trie_pattern(sorted(set(_ABBREVIATIONS.split()))) + r")\.)$"
)


# A single capital letter before "!" ("E! News") names a brand; "I!" is a sentence.
_BRAND = re.compile(r"(?<![\w.'’-])[A-HJ-Z]$")


def ends_with(text: str, lo: int, hi: int, suffixes: tuple[str, ...]) -> bool:
    """Whether ``text[lo:hi]``, trailing whitespace ignored, ends with one of ``suffixes``.

    A cheap test in front of regexes anchored at the end of a window (``…\\s*$``), which
    the regex engine would otherwise try from every position of the window.
    """
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return text.endswith(suffixes, lo, hi)


def last_token(s: str) -> str:
    """The last whitespace-separated token of ``s``, lower-cased."""
    parts = s.rsplit(None, 1)
    return parts[-1].lower() if parts else ""


def as_date(value: date | datetime) -> date:
    """The calendar date of a publication date or datetime."""
    return value.date() if isinstance(value, datetime) else value


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Non-blank lines, whitespace-trimmed; news feeds use one line per paragraph."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append(Span(s, e))
    return tuple(spans)


def sentence_spans(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """Sentences inside each paragraph (a sentence never crosses a line break)."""
    out: list[Span] = []
    for para in paragraphs:
        start = para.start
        for m in _SENTENCE_END.finditer(text, para.start, para.end):
            if text[m.start()] == "." and _ABBREVIATION.search(
                text, max(para.start, m.start() - 12), m.start() + 1
            ):
                continue
            if text[m.start()] == "!" and _BRAND.search(
                text, max(para.start, m.start() - 3), m.start()
            ):
                continue  # "E! News": a one-letter brand, not an exclamation
            if text[m.end() : m.end() + 1].islower():
                continue  # "Sen. Mitch McConnell (R-Ky.) said": sentences start uppercase
            end = m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Span(start, end))
            start = m.end()
        if start < para.end:
            out.append(Span(start, para.end))
    return tuple(out)


def make_document(text: str, published: date | datetime) -> Document:
    """A segmented ``Document`` with no annotations yet."""
    paragraphs = paragraph_spans(text)
    sentences = sentence_spans(text, paragraphs)
    return Document(
        text=text,
        published=as_date(published),
        paragraphs=paragraphs,
        sentences=sentences,
        _sentence_starts=tuple(s.start for s in sentences),
    )
