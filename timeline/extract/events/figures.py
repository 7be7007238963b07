"""Numbers an event states: troops sent, people killed or injured, drones shot down.

"at least four people", "about 10,000 troops", "more than 600,000 ... killed or
wounded", "injuring at least six": a quantity (digits with thousands
separators, a scale word, or a number word) with an optional qualifier, tied
to a figure noun or verb within a few words. The qualifier is dropped — a
"killed: 4" row means "at least four were reported killed".
"""

from __future__ import annotations

import re

from timeline.extract.text import trie_pattern


def _split(text: str) -> list[str]:
    return text.split()


_UNITS = {
    w: i
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine "
            "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(_split("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# A trie-shaped alternation: tried at every word, it must fail fast (longest word first, as
# an alternation sorted by length would).
_WORDS = trie_pattern(sorted([*_UNITS, *_TENS, "a dozen", "dozen", "a hundred", "a thousand"]))

QUANTITY = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + _WORDS + r")(?:[- ](?:" + _WORDS + r"))?)"
    r"(?:\s+(?:hundred|thousand|million|billion))?"
)
_QUAL = (
    r"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|roughly|"
    r"approximately|an estimated|as many as|a total of|another|a further)\s+)?"
)
# A share is not a count: "killing up to 60 percent of the population".
_Q = rf"{_QUAL}(?P<n>{QUANTITY})(?!\s*(?:%|percent\b|per\s+cent\b))"
_SOME_WORDS = r"(?:[\w’'-]+\s+){0,3}?"
_BE = r"(?:(?:were|was|have been|has been|had been|are|is|been|being)\s+)?(?:reportedly\s+)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p, re.IGNORECASE))
    for name, p in (
        ("casualties", rf"\b{_Q}\s+{_SOME_WORDS}{_BE}(?:killed|dead) or (?:wounded|injured)\b"),
        ("casualties", rf"\b{_Q}\s+casualties\b"),
        ("killed", rf"\b(?:killed|killing|kills|kill)\s+{_Q}\b"),
        ("killed", rf"\b{_Q}\s+{_SOME_WORDS}{_BE}(?:killed|dead|died)\b(?! or)"),
        ("killed", rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of)\s+{_Q}\b"),
        ("killed", rf"\b{_Q}\s+deaths\b"),
        ("injured", rf"\b(?:injuring|wounding|injured|wounded|injures|wounds)\s+{_Q}\b"),
        ("injured", rf"\b{_Q}\s+{_SOME_WORDS}{_BE}(?:injured|wounded|hurt)\b"),
        (
            "troops",
            rf"\b{_Q}\s+(?:[\w’'-]+\s+){{0,2}}?(?:troops|soldiers|personnel|service "
            r"members|servicemen|marines|peacekeepers)\b",
        ),
        ("drones", rf"\b{_Q}\s+(?:[\w’'-]+\s+){{0,2}}?(?:drones|UAVs|unmanned aerial vehicles)\b"),
        ("missiles", rf"\b{_Q}\s+(?:[\w’'-]+\s+){{0,2}}?(?:missiles|rockets)\b"),
        (
            "protesters",
            rf"\b{_Q}\s+(?:[\w’'-]+\s+){{0,1}}?(?:protesters|protestors|"
            r"demonstrators|people (?:protested|marched|rallied))\b",
        ),
        ("arrested", rf"\b(?:arrested|detained)\s+{_Q}\b"),
        ("arrested", rf"\b{_Q}\s+{_SOME_WORDS}{_BE}(?:arrested|detained)\b"),
    )
)
# Cheap tests first: most clauses state no number, or not next to a figure word.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "casualties": ("killed or", "dead or", "casualties"),
    "killed": ("kill", "dead", "died", "death"),
    "injured": ("injur", "wound", "hurt"),
    "troops": ("troops", "soldiers", "personnel", "service", "marines", "peacekeepers"),
    "drones": ("drone", "uav", "unmanned"),
    "missiles": ("missile", "rocket"),
    "protesters": ("protest", "demonstr", "marched", "rallied"),
    "arrested": ("arrest", "detain"),
}
_ANY_NUMBER = re.compile(r"\d|\b(?:" + _WORDS + r")\b", re.IGNORECASE)
#: Which figures belong to which event types.
FIGURES_FOR: dict[str, frozenset[str]] = {
    "deployment": frozenset(["troops"]),
    "attack": frozenset(["killed", "injured", "casualties", "drones", "missiles"]),
    "air-defense": frozenset(["drones", "missiles", "killed", "injured"]),
    "casualties": frozenset(["killed", "injured", "casualties"]),
    "invasion": frozenset(["troops", "killed", "injured", "casualties"]),
    "incursion": frozenset(["troops", "killed", "injured", "casualties"]),
    "protest": frozenset(["protesters", "killed", "injured", "arrested"]),
    "other": frozenset(["killed", "injured", "arrested"]),
}


def number(words: str) -> float | None:
    """The value of "10,000", "1.5 million", "four", "twenty-one", "a dozen", "six hundred"."""
    w = words.lower().replace(",", "").strip()
    scale = 1
    for s, v in _SCALE.items():
        if w.endswith(" " + s):
            w, scale = w[: -len(s) - 1].strip(), v
            break
    try:
        return float(w) * scale
    except ValueError:
        pass
    total = 0
    for part in re.split(r"[- ]", w):
        if part in ("a", ""):
            continue
        if part == "dozen":
            total = (total or 1) * 12
        elif part in _UNITS:
            total += _UNITS[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part in _SCALE:
            total = (total or 1) * _SCALE[part]
        else:
            return None
    return float(total * scale) if total else None


def figures(text: str, start: int, end: int, event_type: str) -> list[tuple[str, float]]:
    """The figures stated in ``text[start:end]`` that fit the event type, first one per name."""
    wanted = FIGURES_FOR.get(event_type)
    if not wanted:
        return []
    span = text[start:end]
    lowered = span.lower()
    present = {n for n in wanted if any(k in lowered for k in _KEYWORDS[n])}
    if not present or not _ANY_NUMBER.search(span):
        return []
    found: dict[str, float] = {}
    for name, rx in _PATTERNS:
        if name not in present or name in found:
            continue
        m = rx.search(span)
        if m is None:
            continue
        value = number(m.group("n"))
        if value is not None:
            found[name] = int(value) if value.is_integer() else value
    if "casualties" in found:
        found.pop("killed", None)
        found.pop("injured", None)
    return list(found.items())
