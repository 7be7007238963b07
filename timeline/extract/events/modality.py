"""Hypothetical events: conditions, modals, threats and fears around a trigger.

News text names many events that did not happen: what a treaty obliges a party
to do "if the other is attacked", what a side "could" or "threatened to" do,
"the threat of an invasion". Such a mention is no occurrence, so:

- a trigger inside a condition ("if", "unless", "whether", "in case of", "in
  the event of") is not an event at all (``conditional``);
- a trigger governed by a modal ("could", "would", "might", "may"), a threat
  ("threatened to strike"), a fear or risk ("the threat of an invasion", "fears
  of a deal") or sitting in the consequence of a condition ("will retaliate if
  attacked", "If talks fail, the army will attack") is kept but ``hypothetical``:
  its confidence stays below the review threshold.
"""

from __future__ import annotations

import re

from timeline.extract.types import Span

CONDITIONAL = "conditional"
HYPOTHETICAL = "hypothetical"
#: Only "would" (or "could" ...) governs a verb: hypothetical, unless a date makes it a plan
#: told in the past ("said it would hold talks on Friday").
MODAL = "modal"

_CONDITION = re.compile(
    r"\b(?:if|unless|whether|lest|in (?:the )?case (?:of|that)|in the event (?:of|that)|"
    r"on condition that|provided that)\b",
    re.IGNORECASE,
)
# "in case of attack", "in the event of an invasion": a condition on a noun
_CONDITION_NOUN = re.compile(
    r"\bin (?:the )?(?:case|event) of\s+(?:(?:a|an|the|any|another|[\w-]+)\s+){0,2}$",
    re.IGNORECASE,
)
# a noun inside a condition is hypothetical when the condition is its occurrence
# ("if an attack happens"); else it names a real event ("unless Moscow ends its invasion")
_OCCURS = re.compile(
    r"[^,.;:]{0,40}?\b(?:happens?|occurs?|takes? place|breaks? out|goes ahead|is launched|"
    r"were launched|was launched|materiali[sz]es?)\b",
    re.IGNORECASE,
)
# A condition that follows the clause ("... will retaliate if attacked"); "even if" concedes.
_CONDITION_AFTER = re.compile(r"[\s,]*(?<!even )(?:if|unless)\b", re.IGNORECASE)
_OPENER = re.compile(r"[\s“\"‘']*(?:if|unless|should)\b", re.IGNORECASE)
_MODALS = frozenset(["could", "would", "might", "may", "should"])
_THREAT_VERB = re.compile(
    r"\bthreaten(?:ed|s|ing)?\b[^.;:,]{0,30}?\bto\s+(?:\w+\s+){0,1}$", re.IGNORECASE
)
# "the threat of an invasion", "fears of a wider war", "a possible attack"
_NOUN_HEDGE = re.compile(
    r"\b(?:threats?|fears?|risks?|possibility|prospects?|dangers?|spectre|specter|warnings?)"
    r"\s+(?:of|that)\s+(?:[\w-]+\s+){0,3}$|"
    r"\b(?:possible|potential|hypothetical|would-be|looming|feared)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "an attack could happen", "the deployment ... may come sooner"
_NOUN_MODAL = re.compile(
    r"[^.;:]{0,80}?\b(?:could|would|might|may)\s+(?:not\s+|also\s+|still\s+|soon\s+)?"
    r"(?:happen|occur|take place|come|begin|start|go ahead|proceed|follow|escalate)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'-]+")


_FUTURE = frozenset(["will", "shall", "would", "could", "might", "may", "should", "going"])
# Rules that mix nouns into a verb family ("resigned", "resignation"): read the word itself.
_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence")


def _after_quotes(text: str, lo: int, hi: int) -> int:
    """Just after the last quotation mark in ``[lo, hi)`` (a quote's condition is its own)."""
    return max(
        lo, text.rfind("“", lo, hi) + 1, text.rfind("”", lo, hi) + 1, text.rfind('"', lo, hi) + 1
    )


# Cheap substring tests in front of the regexes (most triggers have none of these words).
_CONDITION_HINTS = ("if", "unless", "whether", "lest", "case", "event", "condition", "provided")
_HEDGE_HINTS = (
    "threat", "fear", "risk", "possib", "prospect", "danger", "spect", "warning", "potential",
    "hypothetical", "would-be", "looming",
)  # fmt: skip
_MODAL_HINTS = ("could", "would", "might", "may")


def mood(text: str, sentence: Span, clause: Span, start: int, end: int, pos: str) -> str | None:
    """``CONDITIONAL``, ``HYPOTHETICAL``, ``MODAL`` or None for the trigger at ``[start, end)``."""
    if pos == "verb" and text[start:end].lower().endswith(_NOUN_ENDINGS):
        pos = "noun"
    lo = _after_quotes(text, clause.start, start)
    before = text[lo:start].lower()
    left = text[max(lo, start - 60) : start]
    low_left = left.lower()
    tail = _WORD.findall(low_left)[-3:]
    lead = (
        _CONDITION.search(text, lo, start) if any(h in before for h in _CONDITION_HINTS) else None
    )
    closed = lead is None or "," in text[lead.end() : start]
    if not closed and (pos == "verb" or _OCCURS.match(text, end, clause.end)):
        if lead is not None and lead.group().lower() == "whether":
            return HYPOTHETICAL  # "investigating whether Russia launched it": maybe real
        return CONDITIONAL  # "if the other is attacked", "if an attack happens"
    if pos == "noun" and "of" in low_left and _CONDITION_NOUN.search(left):
        return CONDITIONAL  # "in case of attack"
    # The consequence of a condition ("will retaliate if attacked", "If talks fail, the army
    # will attack") is hypothetical when it is told as a possibility or a plan.
    conditioned = (
        lead is not None
        or (lo == clause.start and _OPENER.match(text, sentence.start, clause.start) is not None)
        or (clause.end < sentence.end and _CONDITION_AFTER.match(text, clause.end, sentence.end))
    )
    future = any(w in _FUTURE or w.endswith(("'ll", "’ll")) for w in tail)
    after = text[end : min(clause.end, end + 100)].lower()
    modal_after = (
        pos == "noun"
        and any(h in after for h in _MODAL_HINTS)
        and _NOUN_MODAL.match(text, end, clause.end) is not None
    )
    if conditioned and (future or modal_after):
        return HYPOTHETICAL
    if "threaten" in low_left and _THREAT_VERB.search(left):
        return HYPOTHETICAL  # "threatened to strike"
    if pos == "verb":
        return MODAL if any(w in _MODALS for w in tail) else None
    if modal_after or (any(h in low_left for h in _HEDGE_HINTS) and _NOUN_HEDGE.search(left)):
        return HYPOTHETICAL  # "an attack could happen", "the threat of an invasion"
    return None
