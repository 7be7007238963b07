"""Who and where: actors, places and people of an event from the entity mentions.

Mentions are read inside the event's clause. A country after a locative
preposition ("in northeastern Ukraine") or owning a place ("Russia's Kursk
region") is a location; otherwise it is a participant ("Russian attacks",
"Kyiv's forces" — the capital is a metonym the recogniser already resolved).
National bodies stand for their country ("Russia's Defense Ministry" →
Russia), people bring their country through their title ("North Korean leader
Kim Jong Un"), and a subject pronoun inside reported speech is the speaker
("Putin said ... the pact he signed").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.extract.entities.gazetteer import load
from timeline.extract.events.rule import words
from timeline.extract.types import Document, EntityMention, ExtractedStatement, Span

# A mention is a location when a locative preposition precedes it, maybe with "the" and
# direction words between ("in the Kharkiv region", "in northeastern Ukraine").
_LOCATIVE_1 = words(
    "in into near over across inside outside throughout at around toward towards within"
)
_LOCATIVE_2 = words(
    "outskirts_of north_of south_of east_of west_of northeast_of northwest_of southeast_of "
    "southwest_of parts_of region_of city_of town_of village_of capital_of"
)
_DIRECTION = words(
    "north south east west central northern southern eastern western northeastern "
    "northwestern southeastern southwestern north-eastern north-western south-eastern "
    "south-western occupied neighboring neighbouring border southernmost easternmost "
    "frontline front-line the"
)
_POSSESSIVE = re.compile(r"[’']s\s+")
_BY_AGENT = re.compile(r"[\w-]+(?:\s+[\w-]+)?\s+by\s+(?:the\s+)?", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.IGNORECASE)
_PLACE_KINDS = frozenset(["city", "region", "place"])
_MEDIA = frozenset(
    ["Voice of America", "Associated Press", "Reuters", "Agence France-Presse", "CNN",
     "Fox News", "MSNBC", "NBC News", "ABC News", "CBS News", "BBC", "Al Jazeera",
     "The New York Times", "The Washington Post", "The Wall Street Journal", "USA Today",
     "Politico", "Breitbart News", "Bloomberg"]
)  # fmt: skip
#: Seats of government speak for their country.
_SEATS = {
    "Kremlin": "Russia",
    "White House": "United States",
    "Downing Street": "United Kingdom",
    "Élysée Palace": "France",
}
# Cues whose content is the speaker's own act, not a report: "X announced new sanctions",
# "X denied sending troops".
# Nouns for people (or their dead) that a demonym can name as a side, up to two words on.
_PEOPLE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:civilians?|soldiers?|troops|forces|service\s*(?:wo)?m[ae]n|"
    r"servicemembers|members|people|citizens|nationals|residents|villagers|children|women|men|"
    r"workers|police(?:men)?|officers|fighters|militants|rebels|personnel|sailors|marines|"
    r"pilots|passengers|tourists|pilgrims|migrants|refugees|prisoners|journalists|casualties|"
    r"dead|deaths|victims|lives|army|military|guards?|nurses|doctors|students|protesters)\b",
    re.IGNORECASE,
)
# The source of a figure: "according to (the) X", "X said/reported/estimated …".
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_SOURCE_AFTER = re.compile(
    r"(?:['’]s\s+\w+\s+)?(?:\s*\([^)]{1,12}\))?\s+(?:\w+ly\s+|has\s+|have\s+|had\s+)?"
    r"(?:said|says|reported|reports|estimated|estimates|confirmed|confirms|counted|"
    r"recorded|records|announced|announces|put|puts|stated|states|tallied)\b"
)
_ACTION_CUE = re.compile(
    r"(?:announc|unveil|pledg|vow|promis|order|impos|declar|introduc|approv|sign|den(?:y|ie))",
    re.IGNORECASE,
)
#: Types whose destination country is a participant ("sent troops to Russia").
_HOSTED = frozenset(["deployment", "meeting"])


@dataclass
class Roles:
    """The participants of one event, the agent first, with the text each was named by."""

    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    agent: str | None = None
    #: The person acting, when the agent is a person (their country becomes the agent).
    agent_person: str | None = None
    surfaces: dict[str, str] = field(default_factory=dict)

    def add_actor(self, name: str, surface: str, *, agent: bool = False) -> None:
        """Add a participant once; the first one named before the trigger is the agent."""
        if name not in self.actors:
            self.actors.append(name)
            self.surfaces.setdefault(name, surface)
        if agent and self.agent is None:
            self.agent = name

    def add_place(self, name: str, surface: str) -> None:
        """Add a location once."""
        if name not in self.places:
            self.places.append(name)
            self.surfaces.setdefault(name, surface)

    def add_person(self, name: str, surface: str) -> None:
        """Add a person once."""
        if name not in self.people:
            self.people.append(name)
            self.surfaces.setdefault(name, surface)


@lru_cache(maxsize=4096)
def country_in(words: str) -> str | None:
    """The country a title or organisation name starts with or contains ("Russian
    Ministry of Defence", "South Korean President", "U.S. Air Force")."""
    gaz = load()
    if words in _SEATS:
        return _SEATS[words]
    tokens = words.replace("’", "'").split()
    for i in range(len(tokens)):
        for size in (3, 2, 1):
            hit = gaz.lookup(" ".join(tokens[i : i + size]))
            if hit is not None and hit[0].kind == "country" and hit[1] != "capital":
                return hit[0].name
    return None


def capital_country(name: str) -> str | None:
    """The country whose capital a city is."""
    hit = load().lookup(name)
    return hit[0].name if hit is not None and hit[1] == "capital" else None


class RoleReader:
    """Reads roles for the events of one document (caches per-person countries)."""

    def __init__(self, doc: Document, statements: Sequence[ExtractedStatement]) -> None:
        self.doc = doc
        self.statements = statements
        self.known = {e.name for e in doc.entities}
        self.kinds = {e.name: e.kind for e in doc.entities}
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.person_country: dict[str, str] = {}
        self._locative: dict[tuple[int, int], bool] = {}  # (mention start, floor) -> locative
        for m in doc.mentions:
            if m.kind == "person" and m.title and m.name not in self.person_country:
                c = country_in(m.title)
                if c is not None:
                    self.person_country[m.name] = c

    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        """Mentions inside ``[start, end)``, found by bisection (called several times per event)."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def _as_country(self, m: EntityMention) -> str:
        """A national body or seat of government stands for its country ("Russia's Defense
        Ministry" → Russia); country names come from the gazetteer, so they are canonical."""
        if m.kind == "organization":
            c = country_in(m.name)
            if c is not None:
                return c
        return m.name

    def _counts_the_dead(self, m: EntityMention, sentence: Span) -> bool:
        """An agency or organisation that reports a toll is not the side that suffered it; a
        country or its own ministry reporting a toll usually reports its own dead. A demonym
        names the side only on people ("Afghan civilians"), not on a thing ("the American
        manufacturing giant whose crashes killed 346")."""
        if m.kind == "country":
            entry = load().by_name.get(m.name)
            if entry is not None and entry.demonym == m.text:
                return _PEOPLE_AFTER.match(self.doc.text, m.end) is None
            return False
        if m.kind in ("person", "city", "region", "place"):
            return False
        return self._as_country(m) == m.name and self._is_source(m, sentence)

    def _is_source(self, m: EntityMention, sentence: Span) -> bool:
        """Whether ``m`` is who reports a figure: a speaker of the sentence ("the WHO said"),
        the source after "according to", or the subject of a report verb ("X reported")."""
        for s in self.statements:
            if (
                s.speaker_start is not None
                and s.speaker_end is not None
                and sentence.start <= s.cue_start < sentence.end
                and s.speaker_start < m.end
                and m.start < s.speaker_end
            ):
                return True
        text = self.doc.text
        before = text[max(sentence.start, m.start - 25) : m.start]
        after = text[m.end : min(sentence.end, m.end + 30)]
        return _SOURCE_BEFORE.search(before) is not None or _SOURCE_AFTER.match(after) is not None

    def _is_locative(self, m: EntityMention, floor: int) -> bool:
        key = (m.start, floor)
        got = self._locative.get(key)
        if got is None:
            got = self._locative[key] = self._read_locative(m, floor)
        return got

    def _read_locative(self, m: EntityMention, floor: int) -> bool:
        left = self.doc.text[max(floor, m.start - 60) : m.start]
        if left[-1:] not in (" ", "\n"):
            return False
        tail = left.lower().split()
        while tail and tail[-1] in _DIRECTION:
            tail.pop()
        if not tail:
            return False
        return tail[-1] in _LOCATIVE_1 or "_".join(tail[-2:]) in _LOCATIVE_2

    def read(
        self,
        event_type: str,
        clause: Span,
        sentence: Span,
        trigger: int,
        reporting: ExtractedStatement | None = None,
    ) -> Roles:
        """Actors, places and people for a trigger at ``trigger`` in ``clause``."""
        text = self.doc.text
        roles = Roles()
        mentions = self.mentions_in(clause.start, clause.end)
        for k, m in enumerate(mentions):
            if m.name in _MEDIA:
                continue
            if event_type == "casualties" and self._counts_the_dead(m, sentence):
                continue  # "the WHO said 584 had died": who counts the dead is not among them
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            owns_place = (
                nxt is not None
                and nxt.kind in _PLACE_KINDS
                and _POSSESSIVE.fullmatch(text, m.end, nxt.start) is not None
            )
            locative = self._is_locative(m, sentence.start)
            if m.kind == "person":
                roles.add_person(m.name, m.text)
                if m.start < trigger and roles.agent_person is None:
                    roles.agent_person = m.name
            elif m.kind in _PLACE_KINDS:
                roles.add_place(m.name, m.text)
            elif m.kind == "country" and (locative or owns_place):
                if event_type in _HOSTED and locative and not owns_place:
                    roles.add_actor(m.name, m.text)
                roles.add_place(m.name, m.text)
            elif m.kind in ("organization", "group") and locative:
                roles.add_place(m.name, m.text)
            else:
                actor = self._as_country(m)
                roles.add_actor(actor, m.text, agent=m.start < trigger)
                if actor != m.name and actor not in self.known:
                    roles.add_actor(m.name, m.text)  # keep a name the article's entities link
        if owns_any := [p for p in roles.places if self.kinds.get(p) == "country"]:
            # a country that only contains the places goes after them ("Kursk", "Russia")
            roles.places = [p for p in roles.places if p not in owns_any] + owns_any
        self._passive_agent(roles, mentions, trigger)
        self._relative_subject(roles, clause)
        self._pronoun_subject(roles, clause, trigger)
        if (
            roles.agent is None
            and reporting is not None
            and reporting.speaker
            and _ACTION_CUE.match(reporting.cue)
        ):  # "X and Y announced new sanctions": the speakers act
            self._add_speaker(roles, reporting)
            for m in self.mentions_in(sentence.start, reporting.cue_start):
                acting = m.kind in ("country", "organization", "group") and m.name not in _MEDIA
                if acting and not self._is_locative(m, sentence.start):
                    roles.add_actor(self._as_country(m), m.text)
        self._where_antecedent(roles, clause)
        if not roles.places:
            self._sentence_places(roles, sentence, clause)
        for person in roles.people:
            country = self.person_country.get(person)
            if country is not None:
                roles.add_actor(country, country, agent=person == roles.agent_person)
        if event_type == "meeting":  # "visited Moscow": the host country takes part
            for place in roles.places:
                country = capital_country(place)
                if country is not None:
                    roles.add_actor(country, country)
        if roles.agent is not None:
            roles.actors.remove(roles.agent)
            roles.actors.insert(0, roles.agent)
        if not roles.actors:
            for place in roles.places:
                country = capital_country(place)
                if country is not None:
                    roles.add_actor(country, country)
        return roles

    def _add_speaker(self, roles: Roles, s: ExtractedStatement) -> None:
        """The speaker of a statement as the event's agent (a person adds their country)."""
        assert s.speaker is not None
        surface = s.speaker_text or s.speaker
        if s.speaker_kind == "person":
            roles.add_person(s.speaker, surface)
            roles.agent_person = roles.agent_person or s.speaker
            return
        country = country_in(s.speaker) if s.speaker_kind != "country" else None
        roles.add_actor(country or s.speaker, surface, agent=True)
        if country is not None and country not in self.known:
            roles.add_actor(s.speaker, surface)  # keep a name the article's entities link

    def _passive_agent(self, roles: Roles, mentions: list[EntityMention], trigger: int) -> None:
        """ "drones launched by Russia", "was attacked by Serbian forces": the agent follows."""
        text = self.doc.text
        for m in mentions:
            if m.start <= trigger or m.start - trigger > 40:
                continue
            if _BY_AGENT.fullmatch(text, trigger, m.start) is None:
                continue
            if m.kind == "person":
                roles.agent_person = m.name
            elif m.kind not in _PLACE_KINDS:
                actor = self._as_country(m)
                roles.add_actor(actor, m.text)
                roles.agent = actor
            return

    def _relative_subject(self, roles: Roles, clause: Span) -> None:
        """ "Viktor Orban, who visited Moscow": the name before "who" is the subject."""
        text = self.doc.text
        if roles.agent is not None or not text.startswith(("who ", "which "), clause.start):
            return
        prior = self.mentions_in(max(0, clause.start - 60), clause.start)
        if not prior or text[prior[-1].end : clause.start].strip(" ,") != "":
            return
        m = prior[-1]
        if m.kind == "person":
            roles.add_person(m.name, m.text)
            roles.agent_person = m.name
        elif m.kind not in _PLACE_KINDS:
            roles.add_actor(self._as_country(m), m.text, agent=True)

    def _pronoun_subject(self, roles: Roles, clause: Span, trigger: int) -> None:
        """ "he signed", "it shot down": the reporting speaker, else the last person named."""
        text = self.doc.text
        if roles.agent is not None:
            return
        # the subject pronoun may follow a noun trigger: "the pact he signed"
        first = _PRONOUN.search(text, clause.start, clause.end)
        if first is None:
            return
        pronoun = first.group(0).lower()
        for s in self.statements:
            if s.speaker and s.quote_start <= trigger < s.quote_end:
                personal = s.speaker_kind == "person"
                if (pronoun in ("he", "she")) == personal:
                    self._add_speaker(roles, s)
                    return
        if pronoun in ("he", "she"):
            floor = self.doc.sentence_at(max(0, clause.start - 1)).start
            people = [m for m in self.mentions_in(floor, first.start()) if m.kind == "person"]
            if people:
                roles.add_person(people[-1].name, people[-1].text)

    def _where_antecedent(self, roles: Roles, clause: Span) -> None:
        """ "Russia's Kursk region where Kyiv's forces invaded": the place before "where"."""
        text = self.doc.text
        if roles.places or not text.startswith("where", clause.start):
            return
        prior = self.mentions_in(max(0, clause.start - 80), clause.start)
        if prior and prior[-1].kind in _PLACE_KINDS and clause.start - prior[-1].end <= 3:
            roles.add_place(prior[-1].name, prior[-1].text)
            owner = prior[-2] if len(prior) > 1 else None
            if (
                owner is not None
                and owner.kind == "country"
                and _POSSESSIVE.fullmatch(text, owner.end, prior[-1].start)
            ):
                roles.add_place(owner.name, owner.text)

    def sentence_participants(
        self, roles: Roles, sentence: Span, trigger: int, event_type: str = ""
    ) -> None:
        """A clause that names nobody ("at a televised meeting on Monday"): the participants
        are those the sentence names before the trigger, outside reported content (and, for
        casualties, not who reports the figure)."""
        contents = [
            span
            for s in self.statements
            if sentence.start <= s.quote_end and s.quote_start < sentence.end
            for span in (s.quote_spans or ((s.quote_start, s.quote_end),))
            if not span[0] <= trigger < span[1]
        ]
        for m in self.mentions_in(sentence.start, trigger):
            if m.name in _MEDIA or any(a <= m.start < b for a, b in contents):
                continue
            if event_type == "casualties" and self._counts_the_dead(m, sentence):
                continue
            if m.kind == "person":
                roles.add_person(m.name, m.text)
                country = self.person_country.get(m.name)
                if country is not None:
                    roles.add_actor(country, country)
            elif m.kind in _PLACE_KINDS or (
                m.kind == "country" and self._is_locative(m, sentence.start)
            ):
                roles.add_place(m.name, m.text)
            else:
                roles.add_actor(self._as_country(m), m.text)

    def _sentence_places(self, roles: Roles, sentence: Span, clause: Span) -> None:
        """A fronted or trailing locative of the sentence ("In the Dnipropetrovsk region, ...")."""
        for m in self.mentions_in(sentence.start, sentence.end):
            if clause.start <= m.start < clause.end:
                continue
            if m.kind in _PLACE_KINDS and self._is_locative(m, sentence.start):
                roles.add_place(m.name, m.text)
