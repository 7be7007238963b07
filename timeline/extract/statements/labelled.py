"""Attributions without a verb: "NAME: content" paragraphs and “quote” ― NAME.

Headlines ("Ted Cruz: ‘Assaulting a reporter is a fireable offense.’"),
interview transcripts ("TAPPER: Do you think …?") and quote collections
("“…” ― Jane Doe") attribute by punctuation alone. The name must look like a
name (one to five capitalised words, or a known entity) and not like a label
("Editor's Note:", "WATCH:", "Video Transcript:").
"""

from __future__ import annotations

import re

from timeline.extract.statements.direct import Candidate
from timeline.extract.statements.quotes import QuoteRegion
from timeline.extract.statements.speaker import NP
from timeline.extract.types import Document

_NAME = r"(?:[A-Z][\w.'’&-]*)(?:\s+(?:[A-Z][\w.'’&-]*|of|the|de|van|von|al|bin)){0,5}"
_LABELLED = re.compile(r"(" + _NAME + r")\s*:\s+(?=\S)")
_DASHED = re.compile(r"\s*[―—–]\s*(" + _NAME + r")\s*(?:,[^\n]{0,80})?$")
_SPEAKER_KINDS = frozenset({"person", "organization", "group", "country"})
_LABELS = frozenset(
    [
        "note",
        "editor's",
        "editors",
        "update",
        "updated",
        "watch",
        "related",
        "video",
        "photo",
        "photos",
        "source",
        "sources",
        "transcript",
        "advertisement",
        "correction",
        "clarification",
        "disclosure",
        "q",
        "a",
        "read",
        "more",
        "listen",
        "click",
        "subscribe",
        "follow",
        "warning",
        "caption",
        "credit",
        "credits",
        "image",
        "images",
        "breaking",
        "live",
        "exclusive",
        "analysis",
        "opinion",
        "commentary",
        "editorial",
        "summary",
        "background",
        "context",
        "details",
        "bottom",
        "line",
        "why",
        "what",
        "how",
        "when",
        "where",
        "who",
        "question",
        "answer",
        "quote",
        "quotes",
        "lead",
        "headline",
        "graphic",
        "chart",
        "map",
        "timeline",
        "full",
        "text",
        "statement",
        "press",
        "release",
        "update:",
        "also",
        "see",
    ]
)


def _is_label(name: str) -> bool:
    words = [w.lower().strip(".'’") for w in name.split()]
    return any(w in _LABELS for w in words) or len(name) < 3


def _named(doc: Document, start: int, end: int) -> bool:
    """A speaker label: a recognised person or organisation, or a transcript's CAPITALS."""
    name = doc.text[start:end]
    if name.isupper() and len(name.split()) <= 3:
        return True
    last = name.split()[-1]
    if any(m.kind == "person" and m.name.split()[-1] == last for m in doc.mentions):
        return True  # "Cruz: …" in a headline, "Ted Cruz" in the story
    return any(
        m.start < end and start < m.end and m.kind in _SPEAKER_KINDS
        for m in doc.mentions_in(start - 40, end + 40)
    )


def labelled_candidates(doc: Document, regions: list[QuoteRegion]) -> list[Candidate]:
    """'NAME: content' paragraphs and quotes signed with a dash."""
    text = doc.text
    out: list[Candidate] = []
    for para in doc.paragraphs:
        m = _LABELLED.match(text, para.start, para.end)
        if m and not _is_label(m.group(1)) and _named(doc, m.start(1), m.end(1)):
            content = (m.end(), para.end)
            if len(text[content[0] : content[1]].split()) >= 3:
                out.append(
                    Candidate(
                        [content],
                        m.end(1),
                        m.end(1) + text[m.end(1) : m.end()].index(":") + 1,
                        NP(m.start(1), m.end(1), False),
                        0.75,
                        (m.end(1), m.end()),
                        "labelled",
                    )
                )
    for r in regions:
        if r.open_ended:
            continue
        para = doc.paragraphs[r.paragraph]
        d = _DASHED.match(text, r.end, para.end)
        if (
            d
            and not _is_label(d.group(1))
            and _named(doc, d.start(1), d.end(1))
            and len(text[r.inner_start : r.inner_end].split()) >= 3
        ):
            out.append(
                Candidate(
                    [(r.inner_start, r.inner_end)],
                    d.start(),
                    d.start(1),
                    NP(d.start(1), d.end(1), False),
                    0.8,
                    (d.start(), d.end()),
                    "dashed",
                )
            )
    return out
