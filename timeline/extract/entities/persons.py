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
from typing import NamedTuple

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
from timeline.extract.text import ends_with

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


class NameRun(NamedTuple):
    """A person-like name found in the text, with its title as written (a tuple: cheap)."""

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
    return _word(tok.text)[1]


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w.,;:])(?:^|(?<=\s))([a-z]+) $")


class _Word(NamedTuple):
    """What person detection needs to know about one token text (computed once per word)."""

    low: str
    name_word: bool  # can be part of a personal name
    titleish: bool  # a title word or honorific
    honorific: bool
    modifier: bool  # may sit inside a title ("of", "Defense")
    particle: bool  # "von", "al"
    open_word: bool  # capitalised and not a stop word: may continue a title leftwards
    stop_dot: bool  # ends in a period that is not a title's or an initial's: a sentence end
    org: bool  # makes a run an organisation
    first_name: bool
    dot_end: bool  # ends in a period that is not an initial's (trimmed from a name's end)


_WORDS: dict[str, _Word] = {}


def _word(t: str) -> _Word:
    got = _WORDS.get(t)
    if got is None:
        if len(_WORDS) > 50_000:
            _WORDS.clear()
        got = _WORDS[t] = _describe(t)
    return got


def _describe(t: str) -> _Word:
    low = t.lower()
    bare = low.rstrip(".")
    upper = t[0].isupper()
    if not upper:
        name_word = low in NAME_PARTICLES
    else:
        name_word = not (bare in STOP_CAPS or low in TITLE_WORDS)
        name_word = name_word and bare not in TITLE_WORDS and not (t.isupper() and len(t) > 3)
    titleish = low in TITLE_WORDS or low in HONORIFICS or bare in TITLE_WORDS
    initials = _INITIALS.fullmatch(t) is not None
    return _Word(
        low=low,
        name_word=name_word,
        titleish=titleish,
        honorific=low in HONORIFICS,
        modifier=low in TITLE_MODIFIERS,
        particle=low in NAME_PARTICLES,
        open_word=upper and low not in STOP_CAPS,
        stop_dot=low.endswith(".") and not titleish and not initials,
        org=low.rstrip(".,") in ORG_WORDS,
        first_name=low in FIRST_NAMES,
        dot_end=t.endswith(".") and not initials,
    )


_LEFT_CUE_ENDS = ("according to", "said", "says", "told", "by", "spokesman", "spokeswoman")


def _left_cue_possible(text: str, start: int) -> bool:
    """Whether a left cue word can end right before ``start`` (spaces between)."""
    if start >= 2 and text[start - 1] == " " and not text[start - 2].isspace():
        # the common case, one space: the cue's last letter is right before it
        return text[start - 2] in "odsyn" and text.endswith(
            _LEFT_CUE_ENDS, max(0, start - 20), start - 1
        )
    return text[start - 1 : start].isspace() and ends_with(
        text, max(0, start - 20), start, _LEFT_CUE_ENDS
    )


def _is_adjective_like(low: str) -> bool:
    """A lowercase word that can qualify a title ("electoral chief", "longtime adviser")."""
    return low.isalpha() and low not in STOP_CAPS and not low.endswith(("ed", "ing", "ly"))


def find_name_runs(text: str, tokens: list[Token], blocked: set[int]) -> list[NameRun]:
    """Candidate person names; ``blocked`` are token indexes already in gazetteer hits."""
    runs: list[NameRun] = []
    info = [_WORDS.get(t) or _word(t) for _, _, t in tokens]
    n = len(tokens)
    next_free = 0
    for i in range(n):
        w = info[i]
        if i < next_free or not w.name_word or not tokens[i][2][0].isupper() or i in blocked:
            continue
        # Extend the run over adjacent name words (a period ends it unless it is an initial).
        j = i
        while j + 1 < n and j + 1 not in blocked and info[j + 1].name_word:
            cur, nxt = tokens[j], tokens[j + 1]
            if nxt[0] - cur[1] != 1 or text[cur[1]] != " " or info[j].dot_end:
                break
            j += 1
        while j > i and info[j].particle:
            j -= 1
        # "Secretary of Defense Lloyd Austin": capitalised title words open the run.
        first = i
        while first < j and info[first].modifier:
            first += 1
        next_free = j + 1
        if info[first].modifier and _title_follows(text, tokens, info, blocked, j):
            continue  # "Defense Minister Kim": title words before a title are not a name
        runs.append(_classify(text, tokens, info, blocked, first, j))
    return runs


def _title_follows(
    text: str, tokens: list[Token], info: list[_Word], blocked: set[int], j: int
) -> bool:
    """Whether a capitalised title word ("Minister", "Secretary") directly follows token j."""
    nxt = j + 1
    if nxt >= len(tokens) or nxt in blocked or not info[nxt].titleish:
        return False
    return tokens[nxt][0] - tokens[j][1] == 1 and tokens[nxt][2][0].isupper()


# A lowercase title word after these is a verb ("will host", "did chair"), not a title.
_VERB_BEFORE = re.compile(
    r"\b(?:will|would|shall|can|could|may|might|must|did|does|do|not|n't)\s+$", re.IGNORECASE
)


def _classify(
    text: str, tokens: list[Token], info: list[_Word], blocked: set[int], i: int, j: int
) -> NameRun:
    """Attach the title on the left and decide whether there is person evidence."""
    # Walk left over title words, modifiers and capitalised words (with "of").
    k = i - 1
    title_first = None
    honorific = None
    while k >= 0:
        gap = tokens[k + 1][0] - tokens[k][1]
        if gap > 1 or (gap == 1 and text[tokens[k][1]] != " "):
            break
        w = info[k]
        if w.stop_dot:
            break  # the previous sentence
        if w.titleish:
            if not tokens[k][2][0].isupper() and _VERB_BEFORE.search(
                text, max(0, tokens[k][0] - 8), tokens[k][0]
            ):
                break  # "will host South Korean ...": a verb, the title starts after it
            title_first = k
            if k == i - 1 and w.honorific:
                honorific = w.low
        elif not (w.modifier or k in blocked or w.open_word):
            break
        k -= 1
    title = title_start = None
    if title_first is not None:
        # The title starts at the leftmost word accepted by the walk.
        t0 = k + 1
        while t0 < title_first and info[t0].low in ("of", "the", "and", "for"):
            t0 += 1
        title_start = tokens[t0][0]
        # "electoral chief": one lowercase word qualifying the title (tokens skip such words).
        adj = _ADJECTIVE_BEFORE.search(text, max(0, title_start - 25), title_start)
        if adj and t0 == title_first and _is_adjective_like(adj.group(1)):
            title_start = adj.start(1)
        title = text[title_start : tokens[i - 1][1]]
    start = tokens[i][0]
    end = tokens[j][1]
    if any(info[x].org for x in range(i, j + 1)):
        evidence = False
    else:
        evidence = (
            title is not None
            or (j > i and info[i].first_name)
            or _RIGHT_CUE.match(text, end, end + 40) is not None
            or (
                _left_cue_possible(text, start)
                and _LEFT_CUE.search(text, max(0, start - 20), start) is not None
            )
        )
    if info[j].dot_end:
        end -= 1  # sentence-final period, not part of the name
    return tuple.__new__(NameRun, (i, j, start, end, title, title_start, honorific, evidence))


def gender_of(name: str, honorific: str | None = None) -> str | None:
    """'m', 'f' or None, from an honorific or a known first name."""
    if honorific in MALE_HONORIFICS:
        return "m"
    if honorific in FEMALE_HONORIFICS:
        return "f"
    first = name.split(" ", 1)[0].lower()
    return FIRST_NAMES.get(first)
