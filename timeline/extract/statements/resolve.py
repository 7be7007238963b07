"""Resolve a speaker mention to a canonical entity, its kind and the title written with it.

A name inside the mention resolves through the entity mentions (so "Singh"
and "The NATO secretary general" reach the full name); a pronoun resolves to
the last earlier speaker of a compatible kind and gender; anything else keeps
its own words as the speaker ("Ukrainian officials").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.entities import EntityIndex
from timeline.extract.entities.lexicon import TITLE_WORDS
from timeline.extract.statements.speaker import NP, np_before
from timeline.extract.statements.speaker_words import DETERMINERS
from timeline.extract.types import EntityMention


@dataclass(frozen=True, slots=True)
class Resolved:
    """The canonical speaker of a mention."""

    name: str | None
    kind: str | None
    title: str | None


_PLURALISH = re.compile(r"s$")


def resolve(
    text: str, np: NP, index: EntityIndex, history: list[tuple[str, str | None, str | None, int]]
) -> Resolved:
    """Canonical speaker for ``np``; ``history`` holds earlier (name, kind, title, pos)."""
    surface = text[np.start : np.end]
    if np.pronoun:
        if surface.lower() == "who":
            antecedent = _relative_antecedent(text, np.start, index, history)
            if antecedent is not None:
                return antecedent
        return _resolve_pronoun(surface.lower(), index, history, np.start)
    inside = index.overlapping(np.start, np.end)
    # A one-letter "name" or a word of a brand ("E! News") is no person.
    persons = [
        m
        for m in inside
        if m.kind == "person" and _letters(m.name) > 1 and text[m.end : m.end + 1] != "!"
    ]
    if persons:
        m = persons[-1]
        title = m.title or _appositive_title(text, m.end) or _latest_title(index, m.name)
        return Resolved(m.name, "person", title)
    bare = _strip_determiner(surface)
    source = _REPORT_BY.match(bare)
    if source is not None:
        # "a new report by E! News": the outlet behind the report is the speaker.
        bare = source.group(1)
        inside = index.overlapping(np.end - len(bare), np.end)
    for m in inside:
        if _strip_determiner(m.text) == bare:
            return Resolved(m.name, m.kind, None)
    if inside and len(bare.split()) <= 2 and inside[-1].end == np.end:
        m = inside[-1]
        if m.kind in ("organization", "group"):
            return Resolved(m.name, m.kind, None)
    return Resolved(bare, "group" if _PLURALISH.search(bare) else None, None)


_APPOSITIVE_TITLE = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?([a-z][\w'’-]*(?:\s+(?:[a-z][\w'’-]*|[A-Z][\w.'’&-]*)){0,10}?)"
    r"\s*(?=[,.;]|$)"
)


def _appositive_title(text: str, pos: int) -> str | None:
    """ "Serhii Popko, head of the Kyiv City Military Administration" -> the title."""
    m = _APPOSITIVE_TITLE.match(text, pos, min(len(text), pos + 120))
    if m and any(w.lower() in TITLE_WORDS for w in m.group(1).split()):
        return m.group(1)
    return None


# "a new report by X", "the study from X": the text names its author after the noun.
_REPORT_BY = re.compile(
    r"(?:[a-z][\w-]*\s+){0,2}(?:report|study|survey|analysis|poll|statement|story|article|"
    r"interview|investigation|review|paper)s?\s+(?:by|from)\s+(?:the\s+)?([A-Z].*)$"
)


def _letters(name: str) -> int:
    return sum(map(str.isalpha, name))


def _strip_determiner(s: str) -> str:
    parts = s.split(" ", 1)
    if len(parts) == 2 and parts[0].lower() in DETERMINERS:
        return parts[1]
    return s


def _latest_title(index: EntityIndex, name: str) -> str | None:
    rec = index.persons.get(name)
    return rec.titles[-1] if rec and rec.titles else None


_TOKEN = re.compile(r"\S+")
_AGE = re.compile(r",\s*\d{1,3}\s*$")


def _relative_antecedent(
    text: str,
    pos: int,
    index: EntityIndex,
    history: list[tuple[str, str | None, str | None, int]],
) -> Resolved | None:
    """A relative "who" refers to the phrase right before it ("Ryan Suter, 35, who joked",
    "the waitress, who said"), not to the last speaker."""
    end = pos
    while end > 0 and text[end - 1] in " ,":
        end -= 1
    age = _AGE.search(text, max(0, end - 8), end)
    if age is not None:  # "Ana Ruiz, 35, who …"
        end = age.start()
    for m in index.overlapping(max(0, end - 1), end):
        if m.end == end and m.kind == "person":
            return Resolved(m.name, "person", m.title or _latest_title(index, m.name))
    np = np_before(text, max(0, end - 130), end, [])
    if np is None or np.pronoun or np.end != end:
        return None
    if text[end:pos].strip() != "," and not any(
        w.lower() in DETERMINERS for w in text[np.start : np.end].split()
    ):
        return None  # "they learned who wrote it": a question word, not a relative pronoun
    for tok in reversed(list(_TOKEN.finditer(text, np.start, np.end))):
        if tok.start() > np.start and tok.group().lower() in DETERMINERS:
            np = NP(tok.start(), np.end, False)  # "believed the waitress": the last determiner
            break
    got = resolve(text, np, index, history)
    return got if got.kind in ("person", "organization", "group", None) and got.name else None


def _resolve_pronoun(
    pronoun: str,
    index: EntityIndex,
    history: list[tuple[str, str | None, str | None, int]],
    pos: int,
) -> Resolved:
    if pronoun in ("he", "she", "who"):
        want = {"he": "m", "she": "f"}.get(pronoun)
        for name, kind, title, _ in reversed(history):
            if kind == "person" and (want is None or index.gender(name) in (want, None)):
                return Resolved(name, kind, title)
        last = _last_person_before(index.mentions, pos, want, index)
        if last is not None:
            return Resolved(last.name, "person", last.title or _latest_title(index, last.name))
    elif pronoun in ("it", "they", "we"):
        for name, kind, title, _ in reversed(history):
            if kind != "person":
                return Resolved(name, kind, title)
    return Resolved(None, None, None)


def _last_person_before(
    mentions: list[EntityMention], pos: int, want: str | None, index: EntityIndex
) -> EntityMention | None:
    for m in reversed(mentions):
        if (
            m.start < pos
            and m.kind == "person"
            and (want is None or index.gender(m.name) in (want, None))
        ):
            return m
    return None
