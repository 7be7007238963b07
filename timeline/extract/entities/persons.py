"""Person detection from titles, honorifics, first names and attribution cues.

A capitalised word run is split into its title part and its name part
("NATO Secretary General | Mark Rutte", "Kharkiv Mayor | Igor Terekhov"); the
title is kept apart because a person's title changes over time while the
name identifies them. The run counts as a person when some evidence says so:
a title or honorific to its left, a known first name, an appositive or party
tag to its right ("Ted Cruz (R-Texas)", "Serhii Popko, head of ..."), or an
attribution cue next to it ("Brafman said", "according to Serhii Popko").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.extract.entities.gazetteer import Token
from timeline.extract.entities.lexicon import (
    FEMALE_HONORIFICS,
    FIRST_NAMES,
    HONORIFICS,
    MALE_HONORIFICS,
    NAME_PARTICLES,
    ORG_WORDS,
    STOP_CAPS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)

# Evidence to the right of a name: appositive, party tag, or a speech verb.
_RIGHT_CUE = re.compile(
    r"(?:,\s+(?:a|an|the|who|whose|head|chief|director|spokesman|spokeswoman|spokesperson|"
    r"president|chairman|chairwoman|executive|secretary|leader|governor|mayor|minister|"
    r"founder|professor|author|senior|former|deputy|[a-z]+-old)\b|\s+\([RDI]-|"
    r"\s+(?:said|says|told|tells|added|asked|wrote|writes|argued|noted|explained|tweeted|"
    r"insisted|warned|claimed|stated|declared|replied|responded|recalled|acknowledged|"
    r"admitted|confirmed|denied|announced|has said|had said|also said)\b)"
)
_LEFT_CUE = re.compile(r"(?:according to|said|says|told|by|spokesman|spokeswoman)\s+$")


@dataclass(frozen=True, slots=True)
class NameRun:
    """A person-like name found in the text, with its title as written."""

    first: int
    last: int
    start: int
    end: int
    title: str | None
    title_start: int | None
    honorific: str | None
    evidence: bool


def is_name_token(tok: Token) -> bool:
    """Capitalised word that can be part of a personal name."""
    return _is_name_word(tok.text)


@lru_cache(maxsize=8192)
def _is_name_word(t: str) -> bool:
    if not t[0].isupper():
        return t.lower() in NAME_PARTICLES
    low = t.lower().rstrip(".")
    if low in STOP_CAPS or t.lower() in TITLE_WORDS or low in TITLE_WORDS:
        return False
    return not (t.isupper() and len(t) > 3)  # ALL-CAPS words are acronyms or headlines


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w.,;:])(?:^|(?<=\s))([a-z]+) $")


def _joins(text: str, tokens: list[Token], blocked: set[int], j: int) -> bool:
    """Whether token j+1 continues the name that token j is part of."""
    nxt = j + 1
    if nxt >= len(tokens) or nxt in blocked:
        return False
    if tokens[nxt].start - tokens[j].end != 1 or text[tokens[j].end] != " ":
        return False
    cur = tokens[j].text
    if cur.endswith(".") and not _INITIALS.fullmatch(cur):
        return False
    return is_name_token(tokens[nxt])


def _is_adjective_like(low: str) -> bool:
    """A lowercase word that can qualify a title ("electoral chief", "longtime adviser")."""
    return low.isalpha() and low not in STOP_CAPS and not low.endswith(("ed", "ing", "ly"))


def _is_titleish(tok: Token) -> bool:
    low = tok.text.lower()
    return low in TITLE_WORDS or low in HONORIFICS or low.rstrip(".") in TITLE_WORDS


def find_name_runs(text: str, tokens: list[Token], blocked: set[int]) -> list[NameRun]:
    """Candidate person names; ``blocked`` are token indexes already in gazetteer hits."""
    runs: list[NameRun] = []
    starts = [
        i
        for i, tok in enumerate(tokens)
        if tok[2][0].isupper() and i not in blocked and _is_name_word(tok[2])
    ]
    next_free = 0
    for i in starts:
        if i < next_free:
            continue
        j = i
        while _joins(text, tokens, blocked, j):
            j += 1
        while j > i and tokens[j].text.lower() in NAME_PARTICLES:
            j -= 1
        # "Secretary of Defense Lloyd Austin": capitalised title words open the run.
        while i < j and tokens[i].text.lower() in TITLE_MODIFIERS:
            i += 1
        runs.append(_classify(text, tokens, blocked, i, j))
        next_free = j + 1
    return runs


def _classify(text: str, tokens: list[Token], blocked: set[int], i: int, j: int) -> NameRun:
    """Attach the title on the left and decide whether there is person evidence."""
    # Walk left over title words, modifiers and capitalised words (with "of").
    k = i - 1
    title_first = None
    honorific = None
    while k >= 0 and tokens[k + 1].start - tokens[k].end <= 1:
        gap = text[tokens[k].end : tokens[k + 1].start]
        if gap not in (" ", ""):
            break
        low = tokens[k].text.lower()
        if (
            low.endswith(".")
            and not _is_titleish(tokens[k])
            and not _INITIALS.fullmatch(tokens[k].text)
        ):
            break  # the previous sentence
        if _is_titleish(tokens[k]):
            title_first = k
            if k == i - 1 and low in HONORIFICS:
                honorific = low
        elif not (
            low in TITLE_MODIFIERS
            or k in blocked
            or (tokens[k].text[0].isupper() and low not in STOP_CAPS)
        ):
            break
        k -= 1
    title = title_start = None
    if title_first is not None:
        # The title starts at the leftmost word accepted by the walk.
        t0 = k + 1
        while t0 < title_first and tokens[t0].text.lower() in ("of", "the", "and", "for"):
            t0 += 1
        title_start = tokens[t0].start
        # "electoral chief": one lowercase word qualifying the title (tokens skip such words).
        adj = _ADJECTIVE_BEFORE.search(text, max(0, title_start - 25), title_start)
        if adj and t0 == title_first and _is_adjective_like(adj.group(1)):
            title_start = adj.start(1)
        title = text[title_start : tokens[i - 1].end]
    words = [t.text.lower() for t in tokens[i : j + 1]]
    after = text[tokens[j].end : tokens[j].end + 40]
    before = text[max(0, tokens[i].start - 20) : tokens[i].start]
    evidence = (
        title is not None
        or (len(words) >= 2 and words[0] in FIRST_NAMES)
        or bool(_RIGHT_CUE.match(after))
        or bool(_LEFT_CUE.search(before))
    )
    if any(w.rstrip(".,") in ORG_WORDS for w in words):
        evidence = False
    end = tokens[j].end
    if tokens[j].text.endswith(".") and not _INITIALS.fullmatch(tokens[j].text):
        end -= 1  # sentence-final period, not part of the name
    return NameRun(i, j, tokens[i].start, end, title, title_start, honorific, evidence)


def gender_of(name: str, honorific: str | None = None) -> str | None:
    """'m', 'f' or None, from an honorific or a known first name."""
    if honorific in MALE_HONORIFICS:
        return "m"
    if honorific in FEMALE_HONORIFICS:
        return "f"
    first = name.split(" ", 1)[0].lower()
    return FIRST_NAMES.get(first)
