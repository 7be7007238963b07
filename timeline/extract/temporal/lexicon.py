"""Word lists for the temporal grammar and small parsers for the words they match.

All entries are lower case: the grammar runs over a lower-cased copy of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

# Parts of the day and their TIMEX3 codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI",
}  # fmt: skip

UNITS_SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip

TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip

# Words that stand for an unspecified amount: "several weeks" -> PXW.
VAGUE_AMOUNTS = frozenset({
    "several", "few", "a few", "some", "many", "a number of", "numerous", "dozens of",
    "hundreds of", "thousands of", "couple", "a couple", "a couple of", "couple of",
    "countless", "the",
})  # fmt: skip

# Unit word (singular stem) -> (TIMEX3 code, whether it is a time-of-day unit).
UNIT_CODES: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("E", False), "century": ("C", False),
    "millennium": ("L", False), "weekend": ("WE", False),
}  # fmt: skip

_UNIT_NORMALISE = {
    "centuries": "century", "millennia": "millennium", "millenniums": "millennium",
    "fortnights": "fortnight",
}  # fmt: skip


def alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def trie_alt(words: Iterable[str]) -> str:
    """Alternation of literal words factored into a prefix trie.

    Python's ``re`` tries alternatives one by one; sharing prefixes ("ja(?:n|nuary)")
    makes a scan over a long word list several times faster.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def unit_stem(word: str) -> str:
    """Singular stem of a unit word: ``"Centuries" -> "century"``."""
    w = word.lower().rstrip(".")
    if w in _UNIT_NORMALISE:
        return _UNIT_NORMALISE[w]
    if w.endswith("s") and w[:-1] in UNIT_CODES:
        return w[:-1]
    return w


_NUM_SPLIT = re.compile(r"[\s-]+")


def parse_number(words: str) -> float | None:
    """Value of a cardinal number in digits or words; ``None`` if vague or unknown.

    ``"twenty four"`` -> 24, ``"2 1/2"`` -> 2.5, ``"a hundred"`` -> 100,
    ``"1,000"`` -> 1000, ``"a couple of"`` -> 2, ``"several"`` -> None.
    """
    w = " ".join(words.lower().replace(",", "").split())
    if not w:
        return None
    if w in ("a", "an", "one", "a single", "single"):
        return 1.0
    if w in ("a couple", "a couple of", "couple of", "couple", "a pair of"):
        return 2.0
    if w in ("a dozen", "dozen"):
        return 12.0
    if w in ("half a", "half an", "a half"):
        return 0.5
    total = 0.0
    current = 0.0
    seen = False
    for tok in _NUM_SPLIT.split(w):
        if tok in ("and", "a", "an"):
            if tok != "and":
                current = current or 1.0
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            current += float(tok)
        elif re.fullmatch(r"\d+/\d+", tok):
            num, den = tok.split("/")
            if int(den) == 0:
                return None
            current += int(num) / int(den)
        elif tok in ("half", "½"):
            current += 0.5
        elif tok in UNITS_SMALL:
            current += UNITS_SMALL[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "hundred":
            current = (current or 1.0) * 100
        elif tok == "thousand":
            total += (current or 1.0) * 1000
            current = 0.0
        elif tok == "dozen":
            current = (current or 1.0) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_ordinal(word: str) -> int | None:
    """``"3rd"`` -> 3, ``"twenty-first"`` -> 21, ``"third"`` -> 3."""
    w = word.lower().strip()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
    if m:
        return int(m.group(1))
    if w in ORDINALS:
        return ORDINALS[w]
    parts = _NUM_SPLIT.split(w)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return None


def parse_year_words(words: str) -> int | None:
    """Years written out: ``"nineteen ninety-six"`` -> 1996, ``"two thousand"`` -> 2000."""
    w = " ".join(_NUM_SPLIT.split(words.lower().strip()))
    parts = w.split(" ")
    if parts[:2] == ["two", "thousand"]:
        tail = [p for p in parts[2:] if p != "and"]
        extra = parse_number(" ".join(tail)) if tail else 0.0
        return None if extra is None else 2000 + int(extra)
    if parts[0] in ("nineteen", "eighteen", "twenty") and len(parts) >= 2:
        century = UNITS_SMALL.get(parts[0]) or TENS[parts[0]]
        two = parse_number(" ".join(parts[1:]))
        if two is None or not 10 <= two < 100:
            return None
        return century * 100 + int(two)
    return None
