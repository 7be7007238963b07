"""Questions and requests: "Asked about X, …", "X asked Y to …", "X asked whether …".

"asked" rarely takes a "that" clause, so the reported-speech rule misses it;
its content is the question or request: a wh-/if clause, "to …", "for …" or
"about …" after an optional addressee. A sentence-initial "Asked …," has no
expressed asker (PolNeAR marks it without a source), so its speaker is empty.
"""

from __future__ import annotations

import re

from timeline.extract.statements.direct import Candidate
from timeline.extract.statements.speaker import NP, speaker_before
from timeline.extract.types import Span

ASK_FORMS = frozenset({"ask", "asks", "asked", "asking"})
_CONTENT_START = re.compile(
    r"\b(?:to|for|about|whether|if|why|what|how|who|whom|which|when|where)\b|[“\"]"
)
# What may sit between "asked" and its content: an addressee or a time ("asked him Tuesday").
_OBJECT = re.compile(r"(?:\s+(?:[\w'’.-]+|[\w'’.-]+,)){0,7}?\s+(?=" + _CONTENT_START.pattern + ")")
_LEAD = re.compile(r"(?:When|If|After|Once|Later)?\s*$")
_MAIN_CLAUSE = re.compile(r",\s+")


def asked_candidate(
    text: str,
    sent: Span,
    cue: re.Match[str],
    time_spans: list[tuple[int, int]],
    prev: NP | None,
) -> Candidate | None:
    """The question or request a form of "ask" reports."""
    before = text[sent.start : cue.start()]
    if (_LEAD.fullmatch(before.strip()) and cue.group()[0].isupper()) or before.strip() in (
        "When",
        "If",
    ):
        # "Asked about the emails, Feinstein said …": the question has no expressed asker.
        end_m = _MAIN_CLAUSE.search(text, cue.end(), sent.end)
        if end_m is None:
            return None
        content = (cue.end() + 1, end_m.start())
        if len(text[content[0] : content[1]].split()) < 2:
            return None
        return Candidate(
            [content], cue.start(), cue.end(), None, 0.5, (cue.end(), cue.end()), "asked"
        )
    np = speaker_before(text, sent.start, cue.start(), cue.group().lower(), time_spans, prev)
    if np is None:
        return None
    m = _OBJECT.match(text, cue.end(), sent.end)
    start = m.end() if m else cue.end()
    if not _CONTENT_START.match(text, start, sent.end) and not m:
        start = cue.end()
        if not re.match(r"\s+" + _CONTENT_START.pattern, text[start : start + 12]):
            return None
    s, e = start, sent.end
    while s < e and text[s] in " ,":
        s += 1
    while e > s and text[e - 1] in " .":
        e -= 1
    if len(text[s:e].split()) < 3:
        return None
    return Candidate([(s, e)], cue.start(), cue.end(), np, 0.7, (cue.end(), s), "asked")
