"""Tense, modality and negation around a trigger: happened / scheduled / reported / denied.

The rules look at a few words before the trigger (auxiliaries, "will", "plans
to", "did not", "denied") and, for nouns, at the verb that governs them
("talks will be held", "the attack killed"). They are deliberately local:
a negation three clauses away says nothing about this event.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.extract.events.lexicon import words
from timeline.extract.types import Span

HAPPENED = "happened"
SCHEDULED = "scheduled"
REPORTED = "reported"
DENIED = "denied"

_NEGATION = re.compile(
    r"\b(?:not|n[’']t|never|no|denied|denies|deny|denying|refus(?:ed|es|ing) to|"
    r"fail(?:ed|s|ing) to|without|rul(?:ed|es) out)\b(?:\s+[\w’'-]+){0,3}\s*$",
    re.IGNORECASE,
)
# "did not deny", "never denied": a negated denial is no denial.
_DOUBLE_NEGATION = re.compile(
    r"\b(?:not|n[’']t|never)\s+(?:\w+\s+)?(?:deny|denied|denying|rule out)\b", re.IGNORECASE
)
_FUTURE = re.compile(
    r"\b(?:will|shall|[’']ll|would|to be|is to|are to|set to|scheduled|expected to|"
    r"plans? to|planning to|planned|due to|poised to|going to|intends? to|intending to|"
    r"slated to|aims? to|aiming to|prepares? to|preparing to|ready to|upcoming|next|"
    r"proposed|possible|potential|future|forthcoming|agreed to|wants? to|hopes? to|seeks? to|"
    r"seeking to|decided to|vow(?:s|ed)? to|threaten(?:s|ed)? to|pledged to)\b"
    r"(?:\s+[\w’'-]+){0,3}\s*$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:(?:will|is to|are to|would)\s+(?:be\s+)?"
    r"(?:held|take place|happen|begin|start|open|convene|signed)|(?:is|are|was|were)\s+"
    r"(?:scheduled|expected|set|due|slated|planned|going)\s+to)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|possibly|unconfirmed|suspected|"
    r"said to have|believed to have|thought to have|claimed to have|reports?\s+(?:of|about|that)|"
    r"according to (?:\w+\s+)?reports|could|may|might|rumou?rs? (?:of|about|that))\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(
    r"\b(?:has|have|had|[’']ve)\s+(?:\w+\s+){0,2}?(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE
)
_PAST_AUX = re.compile(r"\b(?:was|were|did)\s+(?:\w+\s+)?$", re.IGNORECASE)
_IRREGULAR_PAST = words(
    "met sent struck hit held shot fought took went rose fled stormed led made began "
    "broke gave left lost won drew fell swept blew overran seized beat tore spoke sat "
    "brought"
)
_WORD = re.compile(r"[\w’'-]+")


def is_past_form(word: str) -> bool:
    """A simple-past (or past participle) verb form by spelling."""
    w = word.lower()
    return w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4)


def tense(text: str, clause: Span, start: int, end: int, pos: str) -> str:
    """ "past", "perfect", "future", "present" or "none" for the trigger at ``[start, end)``.

    Verbs are read from their own form and auxiliaries; nouns from the nearest verb
    that governs them inside the clause ("received a briefing", "attacks killed").
    """
    left = text[max(clause.start, start - 60) : start]
    if _FUTURE.search(left):
        return "future"
    if pos == "verb":
        if _PERFECT.search(left):
            return "perfect"
        words = _WORD.findall(text[start:end])
        first = words[0] if words else ""
        if is_past_form(first) or _PAST_AUX.search(left):
            return "past"
        if left.rstrip().lower().endswith(" to") or left.rstrip().lower() == "to":
            return "none"
        return "present"
    right = text[end : min(clause.end, end + 50)]
    if _FUTURE_AFTER.match(right):
        return "future"
    after = _WORD.findall(right)[:4]
    before = _WORD.findall(left)[-4:]
    for i, w in enumerate(after):
        if w.lower() in ("has", "have", "had"):
            return "perfect"
        if is_past_form(w) and not (i and after[i - 1].lower() in ("being", "be")):
            return "past"
    for w in reversed(before):
        if is_past_form(w):
            return "perfect" if _PERFECT.search(left[: left.rfind(w)]) else "past"
    return "none"


def status_of(
    text: str,
    clause: Span,
    start: int,
    end: int,
    pos: str,
    verb_tense: str,
    when: date | None,
    published: date,
) -> str:
    """Occurrence status from negation, modality, hedging and the attached date."""
    left = text[max(clause.start, start - 60) : start]
    neg = _NEGATION.search(left)
    if neg and not _DOUBLE_NEGATION.search(left[max(0, neg.start() - 12) :]):
        return DENIED
    if verb_tense == "future" or (when is not None and when > published):
        return SCHEDULED
    window = text[clause.start : min(clause.end, end + 30)]
    if _HEDGE.search(window):
        return REPORTED
    return HAPPENED
