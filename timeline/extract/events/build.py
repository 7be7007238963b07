"""Turn one group of triggers into an ``ExtractedEvent``: date, status, roles, figures, title.

Also the two ways events are combined: ``merge`` (two mentions of one event
in a sentence) and ``borrow`` (an anaphoric or undated mention taking what
its antecedent knows).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from timeline.extract.events import dating
from timeline.extract.events.figures import figures
from timeline.extract.events.lexicon import words
from timeline.extract.events.links import DENIES, stance
from timeline.extract.events.roles import RoleReader, Roles
from timeline.extract.events.status import DENIED, HAPPENED, REPORTED, status_of, tense
from timeline.extract.events.titles import TitleParts, title
from timeline.extract.types import Document, ExtractedEvent, ExtractedStatement, TimexLike

if TYPE_CHECKING:
    from timeline.extract.events.extract import Group

_WORD = re.compile(r"[\w’'-]+")
_STOP = words(
    "a an the this that these those his her its their our my your of in on at by for with "
    "from to and or but as is are was were be been has have had will would said says "
    "after before since during amid about over under into than then also not no all any "
    "some"
)
#: What to call an event named by a verb, for titles.
_DEFAULT_PHRASE = {
    "agreement": "agreement",
    "meeting": "talks",
    "deployment": "troops",
    "invasion": "invasion",
    "incursion": "incursion",
    "attack": "attack",
    "air-defense": "air defense",
    "casualties": "casualties",
    "election": "election",
    "sanctions": "sanctions",
    "protest": "protest",
}
_LEMMAS = (
    (re.compile(r"^(?:met|meets?|meeting with|sat down)", re.I), "meet"),
    (re.compile(r"^host", re.I), "host"),
    (re.compile(r"^visit", re.I), "visit"),
    (re.compile(r"^(?:sen[dt]|sending)", re.I), "send"),
    (re.compile(r"^dispatch", re.I), "dispatch"),
)
_PLACE_OF_TYPES = frozenset(["region", "city", "place"])


def noun_phrase(doc: Document, start: int, end: int, mask: bytearray) -> str:
    """The trigger with up to three modifiers before it ("mutual defense security pact")."""
    text = doc.text
    floor = doc.sentence_at(start).start
    keep = start
    for w in reversed(list(_WORD.finditer(text, max(floor, start - 50), start))):
        tok = w.group()
        gap = text[w.end() : keep]
        if gap.strip(" -") or tok.lower() in _STOP or mask[w.start()] or tok[:1].isdigit():
            break
        if start - w.start() > 40:
            break
        keep = w.start()
    return text[keep:end].strip()


def _lemma(trigger: str, event_type: str) -> str:
    for rx, lemma in _LEMMAS:
        if rx.match(trigger):
            return lemma
    return event_type


def build_event(
    doc: Document,
    g: Group,
    timex: TimexLike | None,
    reader: RoleReader,
    sentence_statements: Sequence[ExtractedStatement],
    statements: Sequence[ExtractedStatement],
) -> ExtractedEvent:
    """The event one group of triggers describes."""
    text = doc.text
    clause = g.scope.clause
    s0, e0, pos = min(g.triggers)
    main = next((t for t in g.triggers if t[2] == "verb"), (s0, e0, pos))
    verb_tense = tense(text, clause, main[0], main[1], main[2])
    if timex is not None:
        when = dating.from_timex(timex)
    else:
        when = dating.fallback(
            text, g.type, clause, main[0], verb_tense, g.scope.statement,
            sentence_statements, statements, doc.published,
        )  # fmt: skip
    roles = reader.read(g.type, clause, g.scope.sentence, s0)
    event_type = g.type
    if event_type == "invasion" and _is_incursion(roles, reader):
        event_type = "incursion"
    status = status_of(text, clause, main[0], main[1], main[2], verb_tense, when.start,
                       doc.published)  # fmt: skip
    reporting = g.scope.statement
    if reporting is not None and stance(text, reporting) == DENIES:
        status = DENIED
    if (
        status == HAPPENED
        and when.value is None
        and (reporting is not None or verb_tense in ("perfect", "none", "present"))
    ):
        status = REPORTED
    figs: list[tuple[str, float]] = []
    for span in (clause, *g.extra_clauses):
        for name, value in figures(text, span.start, span.end, event_type):
            if name not in dict(figs):
                figs.append((name, value))
    mask = _mask(doc)
    lead = min(g.triggers, key=lambda t: (t[2] != "noun", t[0]))
    phrase = (
        noun_phrase(doc, lead[0], lead[1], mask)
        if lead[2] == "noun"
        else _DEFAULT_PHRASE.get(event_type, text[main[0] : main[1]])
    )
    if event_type == "statement-of-policy" and lead[2] == "verb":
        phrase = " ".join(_WORD.findall(text[main[0] : clause.end])[:6])
    places = tuple(roles.surfaces.get(p, p) for p in _ordered_places(roles, reader))
    parts = TitleParts(
        type=event_type,
        status=status,
        verb=_lemma(text[main[0] : main[1]], event_type) if main[2] == "verb" else "",
        phrase=phrase,
        agent=roles.agent,
        others=tuple(a for a in roles.actors if a != roles.agent),
        people=tuple(roles.people),
        places=places,
        figures=tuple(figs),
    )
    end = max(e for _, e, _ in g.triggers)
    return ExtractedEvent(
        type=event_type,
        title=title(parts),
        start=s0,
        end=end,
        sentence_start=g.scope.sentence.start,
        sentence_end=g.scope.sentence.end,
        date=when.value,
        date_start=when.start,
        date_end=when.end,
        precision=when.precision,
        status=status,
        actors=tuple(roles.actors),
        places=tuple(_ordered_places(roles, reader)),
        people=tuple(roles.people),
        figures=tuple(figs),
        confidence=_confidence(g.rule.strength, when, roles, status, len(g.triggers)),
    )


_MASKS: dict[int, tuple[str, bytearray]] = {}


def _mask(doc: Document) -> bytearray:
    """Characters covered by entity mentions or time expressions (cached per document)."""
    cached = _MASKS.get(id(doc))
    if cached is not None and cached[0] is doc.text:
        return cached[1]
    mask = bytearray(len(doc.text))
    for m in doc.mentions:
        mask[m.start : m.end] = b"\x01" * (m.end - m.start)
    for t in doc.timexes:
        mask[t.start : t.end] = b"\x01" * (t.end - t.start)
    _MASKS.clear()
    _MASKS[id(doc)] = (doc.text, mask)
    return mask


def _ordered_places(roles: Roles, reader: RoleReader) -> list[str]:
    """Most specific first: cities and regions before the countries that hold them."""
    return sorted(roles.places, key=lambda p: reader.kinds.get(p) == "country")


def _is_incursion(roles: Roles, reader: RoleReader) -> bool:
    """An invasion of a region or town, with no invaded country named, is an incursion."""
    targets = [a for a in roles.actors if a != roles.agent]
    regional = any(reader.kinds.get(p) in _PLACE_OF_TYPES for p in roles.places)
    return regional and not targets


def _confidence(strength: float, when: dating.When, roles: Roles, status: str, n: int) -> float:
    score = strength
    score += 0.15 if when.source == "timex" else 0.08 if when.value else 0.0
    score += 0.1 if roles.actors else 0.0
    score += 0.05 if roles.people or roles.places else 0.0
    score += 0.05 if n > 1 else 0.0
    score -= 0.1 if status == REPORTED else 0.0
    return round(max(0.1, min(0.95, score)), 2)


def merge(a: ExtractedEvent, b: ExtractedEvent) -> ExtractedEvent:
    """Two mentions of one event in one sentence: keep the first span, pool the rest."""

    def pool(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
        return x + tuple(v for v in y if v not in x)

    names = {k for k, _ in a.figures}
    dated = a if a.date or not b.date else b
    return dataclasses.replace(
        a,
        date=dated.date,
        date_start=dated.date_start,
        date_end=dated.date_end,
        precision=dated.precision,
        actors=pool(a.actors, b.actors),
        places=pool(a.places, b.places),
        people=pool(a.people, b.people),
        figures=a.figures + tuple(f for f in b.figures if f[0] not in names),
        confidence=max(a.confidence, b.confidence),
    )


def borrow(
    ev: ExtractedEvent, prior: ExtractedEvent, published: date, *, date_only: bool = False
) -> ExtractedEvent:
    """An anaphoric ("the attack") or undated mention takes its antecedent's date and roles."""
    changes: dict[str, object] = {}
    if ev.date is None and prior.date is not None:
        changes.update(
            date=prior.date,
            date_start=prior.date_start,
            date_end=prior.date_end,
            precision=prior.precision,
        )
        if ev.status == REPORTED:
            changes["status"] = prior.status
    if not date_only:
        changes.update(
            actors=ev.actors or prior.actors,
            places=ev.places or prior.places,
            people=ev.people or prior.people,
        )
        if not ev.actors and prior.actors:
            changes["title"] = prior.title
    return dataclasses.replace(ev, **changes)  # type: ignore[arg-type]


def corefer(ev: ExtractedEvent, other: ExtractedEvent) -> ExtractedEvent:
    """Two mentions of one one-off event (an invasion, a pact): share the date and actors."""
    changes: dict[str, object] = {
        "actors": ev.actors + tuple(a for a in other.actors if a not in ev.actors)
    }
    if ev.date is None and other.date is not None:
        changes.update(
            date=other.date,
            date_start=other.date_start,
            date_end=other.date_end,
            precision=other.precision,
            status=other.status if ev.status == REPORTED else ev.status,
        )
    return dataclasses.replace(ev, **changes)  # type: ignore[arg-type]
