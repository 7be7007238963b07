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

# Markers are matched on the last words before the trigger (word sets, not regexes
# anchored at the end: those retry at every character and dominated the stage's time).
_NEGATION_1 = words("not never no denied denies deny denying without")
_NEGATION_2 = words(
    "refused_to refuses_to refusing_to failed_to fails_to failing_to ruled_out rules_out"
)
_DENY = words("deny denied denying denies")
_NOT = words("not never")
_FUTURE_1 = words(
    "will shall would upcoming next proposed possible potential future forthcoming planned "
    "scheduled"
)
_FUTURE_2 = words(
    "to_be is_to are_to set_to expected_to plans_to plan_to planning_to due_to poised_to "
    "going_to intends_to intend_to intending_to slated_to aims_to aim_to aiming_to prepares_to "
    "prepare_to preparing_to ready_to agreed_to wants_to want_to hopes_to hope_to seeks_to "
    "seek_to seeking_to decided_to vowed_to vows_to vow_to threatened_to threatens_to "
    "threaten_to pledged_to"
)
_HEDGE_1 = words(
    "reportedly allegedly purportedly apparently possibly unconfirmed suspected could may might"
)
_HEDGE_2 = words(
    "reports_of report_of reports_about reports_that report_that rumors_of rumours_of "
    "rumors_about rumours_about rumors_that rumours_that"
)
_HEDGE_3 = words("said_to_have believed_to_have thought_to_have claimed_to_have")
_PERFECT_AUX = words("has have had")
_PAST_AUX = words("was were did")
_FUTURE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:(?:will|is to|are to|would)\s+(?:be\s+)?"
    r"(?:held|take place|happen|begin|start|open|convene|signed)|(?:is|are|was|were)\s+"
    r"(?:scheduled|expected|set|due|slated|planned|going)\s+to)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = words(
    "met sent struck hit held shot fought took went rose fled stormed led made began "
    "broke gave left lost won drew fell swept blew overran seized beat tore spoke sat "
    "brought"
)
_WORD = re.compile(r"[\w’'-]+")


_LAST_TAIL: list[tuple[str, int, int, int, list[str]]] = []


def _tail(text: str, start: int, end: int, n: int) -> list[str]:
    """The last ``n`` words of ``text[start:end]``, lower-cased (``tense`` and ``status_of``
    ask for the same words one after the other: the last answer is kept; do not mutate)."""
    if _LAST_TAIL:
        t, s, e, k, got = _LAST_TAIL[0]
        if s == start and e == end and k == n and t is text:
            return got
    got = [w.lower() for w in _WORD.findall(text, start, end)[-n:]]
    _LAST_TAIL[:] = [(text, start, end, n, got)]
    return got


def _negated(w: str) -> bool:
    return w in _NOT or w.endswith(("n't", "n’t"))


def _first_words(*sets: frozenset[str]) -> frozenset[str]:
    """The first words of multi-word markers ("refused" of "refused_to")."""
    return frozenset(m.split("_", 1)[0] for s in sets for m in s)


_FIRST_OF: dict[frozenset[str], frozenset[str]] = {
    s: _first_words(s) for s in (_NEGATION_2, _FUTURE_2, _HEDGE_2, _HEDGE_3)
}
# Words that can start a hedge ("reportedly", "reports of", "said to have", "according to").
_HEDGE_START = _HEDGE_1 | _first_words(_HEDGE_2, _HEDGE_3) | {"according"}
# Substrings every hedge contains: "report" for "reports of", "have" for "said to have".
_HEDGE_HINTS = (*_HEDGE_1, "report", "rumo", "have", "according")


def _has_marker(tail: list[str], one: frozenset[str], two: frozenset[str]) -> int | None:
    """Index in ``tail`` of a one- or two-word marker, or None."""
    firsts = _FIRST_OF.get(two) or _first_words(two)
    for i, w in enumerate(tail):
        if w in one or (w in firsts and i + 1 < len(tail) and f"{w}_{tail[i + 1]}" in two):
            return i
    return None


def _future(tail: list[str]) -> bool:
    """A future or intention marker at most three words before the trigger."""
    window = tail[-5:]
    i = _has_marker(window, _FUTURE_1, _FUTURE_2)
    if i is None:
        return any(w.endswith(("'ll", "’ll")) for w in window[-4:])
    width = 2 if i + 1 < len(window) and f"{window[i]}_{window[i + 1]}" in _FUTURE_2 else 1
    return len(window) - (i + width) <= 3


def _perfect(tail: list[str]) -> bool:
    """has/have/had (+ been) within the last four words ("has sent", "have also been sent")."""
    return any(w in _PERFECT_AUX or w.endswith(("'ve", "’ve")) for w in tail[-4:])


def is_past_form(word: str) -> bool:
    """A simple-past (or past participle) verb form by spelling."""
    w = word.lower()
    return w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4)


def tense(text: str, clause: Span, start: int, end: int, pos: str) -> str:
    """ "past", "perfect", "future", "present" or "none" for the trigger at ``[start, end)``.

    Verbs are read from their own form and auxiliaries; nouns from the nearest verb
    that governs them inside the clause ("received a briefing", "attacks killed").
    """
    lo = max(clause.start, start - 60)
    tail = _tail(text, lo, start, 6)
    if _future(tail):
        return "future"
    if pos == "verb":
        if _perfect(tail):
            return "perfect"
        own = _WORD.findall(text, start, end)
        first = own[0] if own else ""
        if is_past_form(first) or any(w in _PAST_AUX for w in tail[-2:]):
            return "past"
        if tail[-1:] == ["to"]:
            return "none"
        return "present"
    right = text[end : min(clause.end, end + 50)]
    low = right.lower()
    if ("will" in low or "would" in low or " to" in low) and _FUTURE_AFTER.match(right):
        return "future"
    after = _WORD.findall(right)[:4]
    before = tail[-4:]
    for i, w in enumerate(after):
        if w.lower() in ("has", "have", "had"):
            return "perfect"
        if is_past_form(w) and not (i and after[i - 1].lower() in ("being", "be")):
            return "past"
    for k in range(len(before) - 1, -1, -1):
        if is_past_form(before[k]):
            return "perfect" if _perfect(tail[: len(tail) - len(before) + k]) else "past"
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
    tail = _tail(text, max(clause.start, start - 60), start, 6)
    window = tail[-4:]
    i = _has_marker(window, _NEGATION_1, _NEGATION_2)
    if i is None and window and window[-1].endswith(("n't", "n’t")):
        i = len(window) - 1
    if i is not None:
        around = tail[max(0, len(tail) - len(window) + i - 2) :]
        # "did not deny", "never denied": a negated denial is no denial
        double = any(
            _negated(a) and any(b in _DENY or b == "rule" for b in around[k + 1 : k + 3])
            for k, a in enumerate(around)
        )
        if not double:
            return DENIED
    if verb_tense == "future" or (when is not None and when > published):
        return SCHEDULED
    hi = min(clause.end, end + 30)
    low = text[clause.start : hi].lower()
    if not any(h in low for h in _HEDGE_HINTS):
        return HAPPENED  # no hedge word can be there (a cheap test before the word loop)
    words_ = [w.lower() for w in _WORD.findall(text, clause.start, hi)]
    for k, w in enumerate(words_):
        if w not in _HEDGE_START:
            continue
        two = f"{w}_{words_[k + 1]}" if k + 1 < len(words_) else ""
        three = f"{two}_{words_[k + 2]}" if k + 2 < len(words_) else ""
        if w in _HEDGE_1 or two in _HEDGE_2 or three in _HEDGE_3:
            return REPORTED
        if two == "according_to" and "reports" in words_[k + 2 : k + 4]:
            return REPORTED
    return HAPPENED
