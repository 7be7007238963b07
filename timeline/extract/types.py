"""Value types shared by every stage of the extraction engine.

These frozen dataclasses are the contract between the engine, the CLI
(``python -m timeline.extract``), the evaluation and the Django service layer,
which maps them onto models. Offsets are Python ``str`` offsets into the
article text, end exclusive, so every span can be shown as evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

#: Entity kinds, also the values of ``EntityMention.kind``.
ENTITY_KINDS = ("person", "organization", "country", "region", "city", "place", "group")

#: Statement kinds (PolNeAR's direct / indirect / mixed).
STATEMENT_KINDS = ("direct", "indirect", "mixed")


class TimexLike(Protocol):
    """What the engine reads from a time expression.

    A protocol rather than an import of the temporal engine's ``Timex`` so that
    this module (and everything typed against it) keeps working while the
    temporal package is missing or broken.
    """

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def date_start(self) -> dt.date | None: ...
    @property
    def date_end(self) -> dt.date | None: ...
    @property
    def precision(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    """One real-world entity an article mentions, with every surface form seen or known."""

    name: str
    slug: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One occurrence of an entity in the text; ``name`` is the canonical name."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    #: The title written next to a person's name at this mention ("deputy Pentagon
    #: press secretary"); kept apart from the name on purpose.
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedStatement:
    """Who said what, when: one attribution with its evidence spans."""

    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    speaker_title: str | None
    speaker_kind: str | None
    quote: str
    quote_start: int
    quote_end: int
    #: The content fragments when the quote is split around its attribution;
    #: ``quote_start``/``quote_end`` is then their envelope.
    quote_spans: tuple[tuple[int, int], ...]
    cue: str
    cue_start: int
    cue_end: int
    kind: str
    #: TIMEX3 value of the day (or week, month...) the statement was made.
    date: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str
    venue: str | None
    confidence: float
    #: Index into the extraction's events of the event this statement is about
    #: (set by the events stage), and the statement's stance towards it:
    #: "asserts", "denies" or "neutral".
    event_index: int | None = None
    stance: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    """A typed, dated event (filled by the events stage; see ``timeline.extract.events``)."""

    type: str
    title: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    date: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str | None
    status: str
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    figures: tuple[tuple[str, float], ...] = ()
    confidence: float = 0.5
    #: The evidence span of every mention when the article names the event more than once
    #: (``(start, end)`` first); empty for an event mentioned once.
    evidence: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """An article prepared for the rule stages: text, date, segmentation and annotations.

    Stages read it and the pipeline adds each stage's output with
    ``dataclasses.replace``; later stages (events) reuse the sentences, the time
    expressions and the entity mentions instead of recomputing them.
    """

    text: str
    published: dt.date
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    timexes: tuple[TimexLike, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    entities: tuple[CanonicalEntity, ...] = ()
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def sentence_at(self, pos: int) -> Span:
        """The sentence that holds character ``pos`` (the last one if ``pos`` is past the end)."""
        starts = self._sentence_starts or tuple(s.start for s in self.sentences)
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return self.sentences[i] if self.sentences else Span(0, len(self.text))

    def paragraph_at(self, pos: int) -> Span:
        """The paragraph that holds character ``pos``."""
        starts = [p.start for p in self.paragraphs]
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return self.paragraphs[i] if self.paragraphs else Span(0, len(self.text))

    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        """Entity mentions that lie inside ``[start, end)``."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    timexes: tuple[TimexLike, ...]
    entities: tuple[EntityMention, ...]
    statements: tuple[ExtractedStatement, ...]
    events: tuple[ExtractedEvent, ...]
    canonical_entities: tuple[CanonicalEntity, ...] = ()
    document: Document | None = field(default=None, repr=False, compare=False)
