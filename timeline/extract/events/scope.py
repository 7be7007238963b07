"""Clauses and attribution: which stretch of a sentence belongs to an event.

Dates, actors and figures are read from the clause around the trigger, not the
whole sentence: "X said Monday that Y has sent troops" has a date, but it is
the date of the saying. A clause ends at strong punctuation, at a
subordinator ("that", "which", "where", "after", "since" ...) and at a
coordinated verb phrase ("... and have also been deployed"); when the trigger
sits inside the content of a reported statement the clause never leaves that
content, so the attribution ("officials said Tuesday") is kept apart.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.extract.text import trie_pattern
from timeline.extract.types import Document, ExtractedStatement, Span

# The word lists are trie-shaped (the lookaheads run at every space of a sentence).
_AFTER_COMMA = trie_pattern([
    "and", "but", "while", "which", "who", "whom", "whose", "where", "when", "after", "before",
    "as", "although", "though", "because", "according", "citing", "adding", "saying",
    "officials said", "he said", "she said", "they said", "it said",
])  # fmt: skip
_SUBORDINATOR = trie_pattern([
    "that", "which", "who", "whom", "where", "whereas", "while", "but", "although", "though",
    "because", "after", "before", "since", "when", "until", "unless", "if", "as part of", "amid",
    "despite",
])  # fmt: skip
_AUXILIARY = trie_pattern([
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "then", "later",
    "still", "now",
])  # fmt: skip
_BOUNDARY = re.compile(
    r"[;:()\[\]]|\s[—–-]{1,2}\s|[—–]"
    rf"|,\s+(?=(?:{_AFTER_COMMA})\b)"
    rf"|\s(?=(?:{_SUBORDINATOR})\s)"
    rf"|\s(?=and\s+(?:(?:{_AUXILIARY})\b|\w+ed\b))",
    re.IGNORECASE,
)

#: Verbs of saying: a time expression right after one dates the saying, not the event.
SPEECH_VERB = re.compile(
    r"\b(?:said|says|saying|told|tells|announced|stated|added|confirmed|reported|warned|wrote|"
    r"posted|claimed|noted|insisted|acknowledged|denied|dismissed|declared|explained|stressed|"
    r"argued|predicted|estimated|disclosed|revealed|testified|tweeted|remarked)\b",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(
    SPEECH_VERB.pattern + r"(?:\s+\S+){0,2}\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE
)
_SPEECH_AFTER = re.compile(r"\s*(?:\w+\s+)?" + SPEECH_VERB.pattern, re.IGNORECASE)
_SPEECH_AFTER_FRONTED = re.compile(
    r"\s*,\s*(?:[\w.’'-]+\s+){1,6}?" + SPEECH_VERB.pattern, re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Scope:
    """Where one trigger lives: its sentence, its clause, and the statement it is reported in."""

    sentence: Span
    clause: Span
    #: The statement whose content holds the trigger, if any.
    statement: ExtractedStatement | None
    statement_index: int | None


def clause_boundaries(text: str, sentence: Span) -> list[int]:
    """Offsets inside ``sentence`` where a new clause starts (sorted)."""
    return [m.end() for m in _BOUNDARY.finditer(text, sentence.start, sentence.end)]


def statement_spans(statement: ExtractedStatement) -> tuple[tuple[int, int], ...]:
    """The content fragments of a statement (the envelope when it is not split)."""
    return statement.quote_spans or ((statement.quote_start, statement.quote_end),)


def containing_statement(
    statements: Sequence[ExtractedStatement], start: int, end: int
) -> tuple[int, ExtractedStatement] | None:
    """The innermost statement whose content holds ``[start, end)``."""
    best: tuple[int, ExtractedStatement] | None = None
    for i, s in enumerate(statements):
        for a, b in statement_spans(s):
            inner = best is None or (b - a) < (best[1].quote_end - best[1].quote_start)
            if a <= start and end <= b and inner:
                best = (i, s)
    return best


def scope_of(
    doc: Document,
    boundaries: dict[int, list[int]],
    statements: Sequence[ExtractedStatement],
    start: int,
    end: int,
) -> Scope:
    """The sentence, clause and reporting statement of a trigger at ``[start, end)``."""
    sentence = doc.sentence_at(start)
    bounds = boundaries.get(sentence.start)
    if bounds is None:
        bounds = boundaries[sentence.start] = clause_boundaries(doc.text, sentence)
    i = bisect.bisect_right(bounds, start)
    left = bounds[i - 1] if i else sentence.start
    j = bisect.bisect_left(bounds, end)
    right = bounds[j] if j < len(bounds) else sentence.end
    found = containing_statement(statements, start, end)
    if found is not None:
        idx, st = found
        for a, b in statement_spans(st):
            if a <= start and end <= b:
                left, right = max(left, a), min(right, b)
        return Scope(sentence, Span(left, right), st, idx)
    return Scope(sentence, Span(left, right), None, None)


def is_speech_time(text: str, sentence: Span, t_start: int, t_end: int) -> bool:
    """True when a time expression dates a verb of saying ("said Tuesday", "Tuesday said",
    "told VOA Friday", "Earlier on Monday, NATO confirmed")."""
    left = text[max(sentence.start, t_start - 40) : t_start]
    if _SPEECH_BEFORE.search(left):
        return True
    right = text[t_end : min(sentence.end, t_end + 60)]
    if _SPEECH_AFTER.match(right):
        return True
    # "Earlier on Monday, NATO confirmed that ..." / "On Tuesday, officials said ..."
    return bool(t_start - sentence.start <= 20 and _SPEECH_AFTER_FRONTED.match(right))
