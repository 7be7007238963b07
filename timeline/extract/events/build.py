"""Turn one group of triggers into an ``ExtractedEvent``: date, status, roles, figures, title.

Also the two ways events are combined: ``merge`` (two mentions of one event
in a sentence) and ``borrow`` (an anaphoric or undated mention taking what
its antecedent knows).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.extract.events import dating
from timeline.extract.events.figures import figures
from timeline.extract.events.lexicon import words
from timeline.extract.events.links import DENIES, stance
from timeline.extract.events.modality import MODAL
from timeline.extract.events.roles import RoleReader, Roles
from timeline.extract.events.status import (
    DENIED,
    HAPPENED,
    REPORTED,
    SCHEDULED,
    status_of,
    tense,
)
from timeline.extract.events.titles import TitleParts, demonym, title
from timeline.extract.types import Document, ExtractedEvent, ExtractedStatement, TimexLike

if TYPE_CHECKING:
    from timeline.extract.events.extract import Group

_WORD = re.compile(r"[\w’'-]+")
_STOP = words(
    "a an the this that these those his her its their our my your of in on at by for with "
    "from to and or but as is are was were be been has have had will would said says "
    "after before since during amid about over under into than then also not no all any "
    "some announced imposed impose tighten tightened expand expanded extend extended lift "
    "lifted ease eased approve approved adopted signed sign reached reach launched launch held "
    "hold hosted agreed"
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
_POLICY_VERBS = {
    "announced": "announce", "announces": "announce", "announcing": "announce",
    "unveiled": "unveil", "unveils": "unveil", "introduced": "introduce",
    "introduces": "introduce", "declared": "declare", "declares": "declare",
    "vowed": "vow", "vows": "vow", "pledged": "pledge", "pledges": "pledge",
    "promised": "promise", "promises": "promise", "threatened": "threaten",
    "threatens": "threaten", "suspended": "suspend", "suspends": "suspend",
    "halted": "halt", "halts": "halt", "froze": "freeze", "freezes": "freeze",
    "cancelled": "cancel", "canceled": "cancel", "postponed": "postpone",
    "called": "call", "broke": "break", "pulled": "pull", "withdrew": "withdraw",
    "left": "leave", "quit": "quit", "exited": "exit",
}  # fmt: skip
_OBJECT_STOP = words("on in at after before as while during amid since until by from that which")
# Words a cut-short object must not end with.
_DANGLING = words(
    "and or but nor the a an of to for with than then they their them its his her our your "
    "towards toward at in on by into about that this these those which who whose as if"
)
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)


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


def _policy_parts(text: str, start: int, end: int, mask: bytearray) -> tuple[str, str]:
    """("vow to", "retaliate") from "vowed to retaliate on Tuesday, ..."."""
    words = list(_WORD.finditer(text, start, end))
    if not words:
        return "", ""
    first = words[0].group().lower()
    verb = _POLICY_VERBS.get(first, first)
    rest = words[1:]
    if rest and rest[0].group().lower() in ("to", "off", "out"):
        verb, rest = f"{verb} {rest[0].group().lower()}", rest[1:]
    kept: list[str] = []
    for w in rest:
        gap = text[(kept and w.start()) or w.start() : w.start()]
        if (mask[w.start()] and kept) or w.group().lower() in _OBJECT_STOP or "," in gap:
            break
        kept.append(w.group())
        if len(kept) == 5:
            break
    while kept and kept[-1].lower() in _DANGLING:
        kept.pop()  # "promise to treat staff with dignity and": a title ends on a content word
    return verb, " ".join(kept)


def _lemma(trigger: str, event_type: str) -> str:
    for rx, lemma in _LEMMAS:
        if rx.match(trigger):
            return lemma
    return event_type


@dataclass(frozen=True, slots=True)
class Context:
    """What every event of one document is built with."""

    doc: Document
    reader: RoleReader
    statements: Sequence[ExtractedStatement]
    #: Date of the last dated event in the two sentences before (news reference time).
    narrative: dating.When | None = None
    #: Types of the events found in the sentences before.
    earlier: frozenset[str] = frozenset()


_ANAPHOR = ("the ", "this ", "that ", "these ", "those ")


def _anaphoric(ctx: Context, g: Group, start: int) -> bool:
    """ "the incursion" after an incursion was named: the earlier event's participants
    come later (see ``borrow``), not the sentence's."""
    before = ctx.doc.text[max(0, start - 6) : start].lower()
    return g.type in ctx.earlier and before.endswith(_ANAPHOR)


def _past_weekday(when: dating.When, timex: TimexLike, published: date) -> dating.When:
    """A weekday governed by a past-tense verb is the last such day, never the next one."""
    if when.start is None or when.start <= published or when.precision != "day":
        return when
    if not _WEEKDAY.search(timex.text) or (when.start - published).days > 7:
        return when
    day = when.start - timedelta(days=7)
    return dating.When(day.isoformat(), day, day, "day", when.source)


def build_event(ctx: Context, g: Group, timex: TimexLike | None) -> ExtractedEvent:
    """The event one group of triggers describes."""
    doc, reader = ctx.doc, ctx.reader
    text = doc.text
    clause = g.scope.clause
    s0, e0, pos = min(g.triggers)
    main = next((t for t in g.triggers if t[2] == "verb"), (s0, e0, pos))
    verb_tense = tense(text, clause, main[0], main[1], main[2])
    reporting = g.scope.statement
    if timex is not None:
        when = dating.from_timex(timex)
        if verb_tense == "past" and main[2] == "verb" and 0 <= timex.start - main[1] <= 12:
            when = _past_weekday(when, timex, doc.published)
    else:
        explicit = reporting is not None and dating.explicitly_dated(
            text, g.scope.sentence, reporting, doc.timexes
        )
        when = dating.fallback(
            text, g.type, clause, main[0], verb_tense, reporting, ctx.statements,
            doc.published, ctx.narrative, explicit,
        )  # fmt: skip
    roles = reader.read(g.type, clause, g.scope.sentence, s0, reporting)
    if not (roles.actors or roles.people or roles.places) and not _anaphoric(ctx, g, s0):
        reader.sentence_participants(roles, g.scope.sentence, s0, g.type)
    event_type = g.type
    if event_type == "invasion" and _is_incursion(roles, reader):
        event_type = "incursion"
    status = status_of(text, clause, main[0], main[1], main[2], verb_tense, when.start,
                       doc.published)  # fmt: skip
    if reporting is not None and stance(text, reporting) == DENIES:
        status = DENIED
    if status == DENIED and when.source != "timex":
        when = dating.UNDATED  # what did not happen has no borrowed date
    if (
        status == HAPPENED
        and when.value is None
        and (reporting is not None or verb_tense in ("perfect", "none", "present"))
    ):
        status = REPORTED
    hedged = _hypothetical(g, status, when)
    if hedged and status == HAPPENED:
        status = REPORTED  # what could, would or threatens to happen has not happened
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
    verb = _lemma(text[main[0] : main[1]], event_type) if main[2] == "verb" else ""
    if event_type == "statement-of-policy" and lead[2] == "verb":
        verb, phrase = _policy_parts(text, main[0], clause.end, mask)
    places = tuple(
        p if reader.kinds.get(p) == "country" else roles.surfaces.get(p, p)
        for p in _ordered_places(roles, reader)
    )
    parts = TitleParts(
        type=event_type,
        status=status,
        verb=verb,
        phrase=phrase,
        agent=roles.agent,
        others=tuple(a for a in roles.actors if a != roles.agent),
        people=tuple(roles.people),
        places=places,
        figures=tuple(figs),
        demonyms=tuple(a for a in roles.actors if roles.surfaces.get(a, a) == demonym(a)),
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
        confidence=_confidence(g.rule.strength, when, roles, status, len(g.triggers), hedged),
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


def _hypothetical(g: Group, status: str, when: dating.When) -> bool:
    """Whether the event is only a possibility (see ``modality``); a plan told with "would"
    and a date of its own ("said it would hold talks on Friday") is not."""
    m = g.mood
    if m == MODAL:
        return not (status == SCHEDULED and when.source == "timex")
    return m is not None


def _confidence(
    strength: float, when: dating.When, roles: Roles, status: str, n: int, hedged: bool = False
) -> float:
    if hedged:  # below the review threshold: an editor decides
        return min(0.45, _confidence(strength, when, roles, status, n))
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
    spans = spans_of(a)
    spans += tuple(x for x in spans_of(b) if x not in spans)
    return dataclasses.replace(
        a,
        status=dated.status,
        date=dated.date,
        date_start=dated.date_start,
        date_end=dated.date_end,
        precision=dated.precision,
        actors=pool(a.actors, b.actors),
        places=pool(a.places, b.places),
        people=pool(a.people, b.people),
        figures=a.figures + tuple(f for f in b.figures if f[0] not in names),
        confidence=max(a.confidence, b.confidence),
        evidence=spans,
    )


def spans_of(ev: ExtractedEvent) -> tuple[tuple[int, int], ...]:
    """Every evidence span of an event (its own span when it was mentioned once)."""
    return ev.evidence or ((ev.start, ev.end),)


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


def with_date(ev: ExtractedEvent, when: dating.When) -> ExtractedEvent:
    """The event dated by ``when`` (a date found after it was built); undated "reported"
    events that now have a date are taken to have happened."""
    status = HAPPENED if ev.status == REPORTED else ev.status
    return dataclasses.replace(
        ev,
        date=when.value,
        date_start=when.start,
        date_end=when.end,
        precision=when.precision,
        status=status,
    )
