"""Time words that are not time expressions: parts of proper names and generic uses.

A normally lower-case time word ("noon", "today", "summer") written with a capital in
the middle of a sentence next to another capitalised word belongs to a name: a film
("High Noon"), a programme ("the Today show"), a newspaper ("USA Today"), a slogan
("Noon Against War"), an event ("the Summer Olympics").  "today's youth" and
"tomorrow's leaders" speak of the present or the future in general, not of a day.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, WEEKDAYS

# Capitalised anchors that are names themselves and keep their capitalised neighbours
# ("Christmas Eve", "Labor Day", "Easter Sunday", "Q3 Results").
_NAME_ANCHORS = frozenset({
    "thanksgiving", "christmas", "new year", "easter", "halloween", "valentine",
    "labor day", "memorial day", "veterans", "election day", "independence day",
    "good friday", "boxing day", "fourth of july", "q1", "q2", "q3", "q4", "fy",
})  # fmt: skip

# Capitalised neighbours that do not make a name: "Noon Thursday", "Midnight EST".
_NEIGHBOURS_OK = frozenset({
    *MONTHS, *WEEKDAYS, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt",
    "utc", "bst", "cet", "cest", "et", "pt", "a.m", "p.m", "am", "pm",
})  # fmt: skip

_SENTENCE_OPENERS = ".!?:;"
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.&'\u2019-]*)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(r"[ \t\u00a0-]+([A-Za-z][\w.&'\u2019-]*)")


def _capitalised_word(word: str) -> bool:
    key = word.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")
    return word[0].isupper() and key not in _NEIGHBOURS_OK


def in_proper_name(text: str, start: int, end: int, word: str) -> bool:
    """True when the capitalised time word ``text[start:end]`` is part of a name.

    ``word`` is the lower-cased anchor.  Only called for anchors that are normally
    written in lower case and start with a capital here.
    """
    if word in _NAME_ANCHORS:
        return False
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] in _SENTENCE_OPENERS or text[i] == "\n":
        return False  # sentence-initial: a capital says nothing
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and _capitalised_word(before.group(1)) and before.end() == start:
        return True
    after = _WORD_AFTER.match(text, end)
    return bool(after and _capitalised_word(after.group(1)))


# Nouns after "today's"/"tomorrow's" that make it generic ("today's youth").
_GENERIC_NOUNS = frozenset({
    "world", "youth", "young", "youngsters", "society", "generation", "generations",
    "children", "kids", "teenagers", "students", "parents", "families", "women", "men",
    "people", "workers", "workforce", "consumers", "voters", "leaders", "politicians",
    "standards", "technology", "technologies", "economy", "culture", "era", "age",
    "times", "politics", "environment", "reality", "realities", "challenges", "threats",
    "computers", "cars", "machines", "devices", "phones", "weapons", "warfare", "jobs",
    "companies", "businesses", "markets", "media", "music", "fashion", "industry",
    "marketplace", "battlefield", "athletes", "players", "game", "europe", "america",
    "china", "russia", "africa", "asia", "modern", "global", "digital", "personal",
    "increasingly", "fast-paced", "globalized", "globalised", "interconnected",
})  # fmt: skip
_POSSESSIVE_NEXT = re.compile(r"['\u2019]s[ \t\u00a0]+([a-z][a-z-]*)")


def generic_possessive(lower: str, end: int) -> bool:
    """True for "today's world", "tomorrow's leaders": ``lower[end:]`` starts with
    the possessive and a generic noun (or an adjective that introduces one)."""
    m = _POSSESSIVE_NEXT.match(lower, end)
    return bool(m and m.group(1) in _GENERIC_NOUNS)
