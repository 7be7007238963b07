"""Institution names built on a head noun and "for"/"of"/"on" ("Center for Disease Control and
Prevention", "National Institute on Drug Abuse").

Such names hold lower-case joints ("and", "of", "the") that cut a plain run of capitalised
words into pieces, so each piece would otherwise be taken for a name of its own ("Prevention"
as a person). The whole name is one organisation: an institutional head noun, "for", "of" or
"on", then capitalised words that may be joined by "and", "&", "of", "for", "on" or "the";
capitalised words right before the head belong to it too ("Chinese Center …").
"""

from __future__ import annotations

import re

from timeline.extract.entities.lexicon import FIRST_NAMES, TITLE_WORDS


def _words(text: str) -> frozenset[str]:
    """A whitespace-separated word set (kept as prose so the lists stay compact)."""
    return frozenset(text.split())


HEADS = _words(
    "Center Centers Centre Centres Institute Institutes Department Ministry Office Agency "
    "Commission Council Committee Bureau Administration Foundation Organization Organisation "
    "Association Federation Union Fund Bank Court Board Service Services Authority League "
    "Alliance Society Academy Coalition Corporation Conference Secretariat Directorate "
    "Inspectorate Tribunal Assembly Forum Program Programme Institution Laboratory"
)

# Found from the joint (rarer than the heads' letters), then the head word is checked.
_JOINT = re.compile(r" (?:for|of|on) (?:the )?(?=[A-Z])")
_NAME_WORD = r"[A-Z][\w'’&.-]*"
_TAIL = re.compile(_NAME_WORD + r"(?:\s+(?:(?:and|&|of|for|on|the)\s+)*" + _NAME_WORD + r")*")
_LEFT = re.compile(r"(?:" + _NAME_WORD + r"\s+){1,4}$")
_JOINTS = frozenset(["and", "&", "of", "for", "on", "the"])
# Capitalised words that follow a name without belonging to it.
_NOT_NAME = _words(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December"""
)
# Capitalised words that open a sentence or a phrase rather than a name.
_OPENERS = _words(
    """The A An But And Or So In On At For Of By From With As If When While After Before
    According Since Under Meanwhile However Officials Spokesman Spokeswoman"""
)


def institutions(text: str) -> list[tuple[int, int]]:
    """Spans of institution names in ``text``, in order, none overlapping."""
    out: list[tuple[int, int]] = []
    for m in _JOINT.finditer(text):
        head = m.start()
        while head > 0 and text[head - 1].isalpha() and m.start() - head < 16:
            head -= 1
        if text[head : m.start()] not in HEADS or (out and head < out[-1][1]):
            continue
        if head > 0 and (text[head - 1].isalnum() or text[head - 1] in "-'’"):
            continue
        tail = _TAIL.match(text, m.end())
        if tail is None:
            continue
        end = _tail_end(text, m.end(), tail.group())
        if end <= m.end():
            continue
        start = head
        left = _LEFT.search(text, max(0, start - 60), start)
        if left is not None:
            start = _left_start(text, left.start(), start)
        if out and start < out[-1][1]:
            start = out[-1][1]
        out.append((start, end))
    return out


def _tail_end(text: str, pos: int, tail: str) -> int:
    """End of the name part after "for/of/on": stop at a date word, at a second name joined
    by "and" ("… Security and Alex Azar", "… Prisons and the Department …"), or at a title
    written before a person's name ("… Human Services Secretary Alex Azar")."""
    end = pos
    prev = "of"
    words = tail.split()
    offsets = [m.start() for m in re.finditer(r"\S+", tail)]
    for k, word in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if word in _JOINTS:
            if word in ("and", "&") and (nxt == "the" or nxt.lower() in FIRST_NAMES):
                break
            prev = word
            continue
        if word in _NOT_NAME or (
            prev not in _JOINTS and word.lower() in TITLE_WORDS and nxt[:1].isupper()
        ):
            break
        bare = word.rstrip(".")
        if word.endswith(".") and "." not in bare and len(bare) > 1:
            end = pos + offsets[k] + len(bare)  # "… and Prevention." ends a sentence
            break
        if word.endswith(("'s", "’s")):
            break  # "… Agency's director": a possessive closes the name
        end = pos + offsets[k] + len(word)
        prev = word
    return end


def _left_start(text: str, lo: int, head: int) -> int:
    """Start of the capitalised words before the head, without a sentence opener."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[lo:head])]
    i = 0
    for k, (_, w) in enumerate(words):
        if w in _OPENERS or w.endswith((",", ":")) or re.search(r"-[a-z]", w):
            i = k + 1  # "Delhi-based Council …": a modifier, not part of the name
        elif w.endswith(("'s", "’s")) and w[:-2].lower() not in TITLE_WORDS:
            i = k + 1  # "Freedonia's Ministry …": the owner; "Attorney's Office" is a name

    return lo + words[i][0] if i < len(words) else head
