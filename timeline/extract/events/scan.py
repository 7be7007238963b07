"""Fast trigger scanning: a literal stem prefilter in front of the big trigger alternation.

Trying the alternation of every rule at every word costs milliseconds per
article, more than the rest of the stage together. So the rules' patterns are
read once (with the standard library's regex parser) to list the first
letters any trigger can start with ("attac", "summi", "sanct"...); one regex
of those stems, shaped as a character trie, runs over the lower-cased text
and the full alternation is tried only where a stem starts a word. The stems
are derived from the patterns, so adding a rule never needs a second list.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

from timeline.extract.events.lexicon import RULE_BY_NAME, RULES, TRIGGER, Rule

# The standard library's own regex parser (``re._parser``, ``sre_parse`` before 3.11);
# imported by name because typeshed does not describe these private modules.
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_STEM = 5
_SMALL_CLASS = 6


def _walk(seq: list[Any], acc: str) -> set[str]:
    """Possible beginnings (at most ``_STEM`` letters) of what ``seq`` matches."""
    if len(acc) >= _STEM or not seq:
        return {acc[:_STEM]}
    op, av = seq[0]
    rest = seq[1:]
    if op is _c.LITERAL:
        return _walk(rest, acc + chr(av).lower())
    if op is _c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is _c.LITERAL:
                chars.add(chr(a).lower())
            elif o is _c.RANGE and a[1] - a[0] < _SMALL_CLASS:
                chars.update(chr(x).lower() for x in range(a[0], a[1] + 1))
            else:
                return {acc}
        if len(chars) > _SMALL_CLASS:
            return {acc}
        return set().union(*(_walk(rest, acc + ch) for ch in chars))
    if op is _c.SUBPATTERN:
        return _walk(list(av[-1]) + rest, acc)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, sub = av
        once = _walk(list(sub) + (rest if high == 1 else []), acc)
        return once | _walk(rest, acc) if low == 0 else once
    if op is _c.BRANCH:
        return set().union(*(_walk(list(alt) + rest, acc) for alt in av[1]))
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _walk(rest, acc)
    return {acc}


def stems(rules: tuple[Rule, ...] = RULES) -> frozenset[str]:
    """Every stem a trigger of ``rules`` can start with."""
    out: set[str] = set()
    for r in rules:
        out |= _walk(list(_p.parse(r.pattern).data), "")
    if "" in out:
        raise ValueError("a trigger pattern can start with anything; give it a literal start")
    return frozenset(out)


def _trie(words: list[str]) -> str:
    by: dict[str, list[str]] = {}
    for w in words:
        by.setdefault(w[0], []).append(w[1:])
    parts = []
    for first in sorted(by):
        tails = by[first]
        longer = sorted(t for t in tails if t)
        if not longer:
            parts.append(re.escape(first))
            continue
        optional = "?" if "" in tails else ""
        parts.append(f"{re.escape(first)}(?:{_trie(longer)}){optional}")
    return "|".join(parts)


@lru_cache(maxsize=2)
def _prefilter(ignore_case: bool = False) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _trie(sorted(stems())) + ")", re.IGNORECASE if ignore_case else 0)


_BY_STEM: dict[str, re.Pattern[str]] = {}
_BY_RULES: dict[tuple[str, ...], re.Pattern[str]] = {}


@lru_cache(maxsize=1)
def _rule_stems() -> tuple[tuple[Rule, frozenset[str]], ...]:
    return tuple((r, stems((r,))) for r in RULES)


def _trigger_at(stem: str) -> re.Pattern[str]:
    """The trigger alternation cut down to the rules that can start with ``stem``.

    ``stem`` is the longest stem the prefilter found at a word start, so the rules that can
    match there are those with a stem that is a prefix of it. They keep their order: the
    first rule that matches is the one the full alternation finds.
    """
    got = _BY_STEM.get(stem)
    if got is None:
        names = tuple(r.name for r, ss in _rule_stems() if any(stem.startswith(x) for x in ss))
        got = _BY_RULES.get(names)
        if got is None:
            alternation = "|".join(rf"(?P<{n}>{RULE_BY_NAME[n].pattern})" for n in names)
            got = _BY_RULES[names] = re.compile("(?:" + alternation + r")(?![\w-])", re.IGNORECASE)
        _BY_STEM[stem] = got
    return got


def precompile() -> None:
    """Compile the prefilter and the trigger pattern of every stem now (about 0.1 s), so
    that a long-running process pays it at start-up instead of on its first articles."""
    _prefilter(False)
    for stem in stems():
        _trigger_at(stem)


def scan(text: str) -> list[tuple[Rule, int, int]]:
    """Every trigger match in ``text`` (non-overlapping, in order), before context checks."""
    out: list[tuple[Rule, int, int]] = []
    last = 0
    lowered = text.lower()
    # lower-casing keeps offsets except for a few letters ("İ"); then match case-insensitively
    same = len(lowered) == len(text)
    for m in _prefilter(not same).finditer(lowered if same else text):
        s = m.start()
        if s < last or (s and text[s - 1] == "-"):
            continue
        hit = (_trigger_at(m.group()) if same else TRIGGER).match(text, s)
        if hit is not None:
            out.append((RULE_BY_NAME[hit.lastgroup or ""], s, hit.end()))
            last = hit.end()
    return out
