"""Entity mentions of one document: gazetteer hits, national bodies, persons, coreference.

Order matters: gazetteer hits first (they block their tokens), then national
bodies built on them ("Russia's Defense Ministry"), then person name runs,
then in-document coreference (a short name or a title description pointing
back to the full name seen elsewhere in the article).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from timeline.extract.entities.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GazetteerHit,
    Token,
    load,
    tokenize_sparse,
)
from timeline.extract.entities.institutions import institutions
from timeline.extract.entities.lexicon import TITLE_WORDS
from timeline.extract.entities.persons import NameRun, find_name_runs, gender_of
from timeline.extract.entities.slug import slugify
from timeline.extract.text import trie_pattern
from timeline.extract.types import CanonicalEntity, EntityMention

# A capital after these words is a place ("in Moscow"), otherwise a metonym ("Moscow said").
_LOCATIVE = frozenset(
    [
        "in",
        "to",
        "from",
        "near",
        "outside",
        "around",
        "over",
        "at",
        "into",
        "across",
        "toward",
        "towards",
        "via",
        "visited",
        "visit",
        "visiting",
        "within",
        "inside",
        "capital",
        "arrived",
        "returned",
        "flew",
        "travel",
        "traveled",
        "travelled",
    ]
)
_PREV_WORD = re.compile(r"(\w+)\s+$")
# "the NATO secretary general", "the mayor", "the U.S. president". The lookbehind after
# "the " is a word boundary before it; starting with a plain letter lets the regex engine
# jump from one "t" to the next.
_DESCRIPTION = re.compile(
    r"[Tt]he (?<!\w[Tt]he )((?:[A-Z][\w.&-]*\s+){0,3}(?:[a-z][a-z-]*\s+){0,2}("
    + trie_pattern(sorted(w for w in TITLE_WORDS if w.isalpha() and len(w) > 3))
    + r"))\b(?!\s+[A-Z])"
)


@dataclass
class PersonRecord:
    """What the document says about one person."""

    name: str
    titles: list[str] = field(default_factory=list)
    gender: str | None = None


@dataclass
class EntityIndex:
    """Mentions, canonical entities and per-person facts for the statement stage."""

    mentions: list[EntityMention]
    entities: list[CanonicalEntity]
    persons: dict[str, PersonRecord]

    _starts: list[int] = field(default_factory=list, repr=False)

    def gender(self, name: str) -> str | None:
        """Known pronoun gender of a person ('m', 'f') or None."""
        rec = self.persons.get(name)
        return rec.gender if rec else None

    def overlapping(self, start: int, end: int) -> list[EntityMention]:
        """Mentions that overlap ``[start, end)``, in text order (mentions never overlap each
        other, so a bisection finds them)."""
        if len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end > start:
                out.append(m)
        return out


def _body_regex(gaz: Gazetteer) -> re.Pattern[str]:
    return re.compile(r"(?:['’]s\s+|\s+)(" + trie_pattern(sorted(gaz.national_bodies)) + r")\b")


_BODY_CACHE: dict[int, re.Pattern[str]] = {}


def recognize(text: str) -> EntityIndex:
    """All entity mentions in ``text``, with canonical entities and person facts."""
    gaz = load()
    body_re = _BODY_CACHE.get(id(gaz))
    if body_re is None:
        body_re = _BODY_CACHE[id(gaz)] = _body_regex(gaz)
    tokens = tokenize_sparse(text)
    hits = gaz.match(text, tokens)
    blocked: set[int] = set()
    mentions: list[EntityMention] = []
    hits = _institution_mentions(text, tokens, hits, blocked, mentions)
    for hit in hits:
        blocked.update(range(hit.first, hit.last + 1))
        mentions.append(_gazetteer_mention(text, hit, gaz, body_re))
    persons: dict[str, PersonRecord] = {}
    runs = find_name_runs(text, tokens, blocked)
    runs = _country_first_names(text, hits, runs, mentions)
    full = [r for r in runs if r.evidence and r.last > r.first]
    last_names: dict[str, set[str]] = {}
    first_names: dict[str, set[str]] = {}
    for r in full:
        name = text[r.start : r.end]
        rec = persons.setdefault(name, PersonRecord(name))
        if r.title and r.title not in rec.titles:
            rec.titles.append(r.title)
        rec.gender = rec.gender or gender_of(name, r.honorific)
        last_names.setdefault(name.split()[-1], set()).add(name)
        first_names.setdefault(name.split()[0], set()).add(name)
    for r in runs:
        if r.first == r.last and text[r.end : r.end + 1] == "!":
            continue  # "E! News", "Yahoo! Finance": a brand, not a person
        surface = text[r.start : r.end]
        resolved = _resolve_name(surface, persons, last_names, first_names)
        if resolved is None and not r.evidence:
            continue
        name = resolved or surface
        rec = persons.setdefault(name, PersonRecord(name))
        if r.title and r.title not in rec.titles:
            rec.titles.append(r.title)
        if rec.gender is None:
            rec.gender = gender_of(name, r.honorific)
        mentions.append(EntityMention(r.start, r.end, surface, name, "person", r.title))
    mentions.extend(_descriptions(text, persons, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    mentions = _drop_overlaps(mentions)
    return EntityIndex(mentions, _canonical(mentions, gaz), persons)


# Country names that are also common given names.
_GIVEN_NAME_COUNTRIES = frozenset(["Chad", "Jordan", "India", "Kenya", "Cuba"])


def _country_first_names(
    text: str, hits: list[GazetteerHit], runs: list[NameRun], mentions: list[EntityMention]
) -> list[NameRun]:
    """A country name that is also a given name, right before a lone surname, is a first name
    ("Chad Wolf", "Jordan Peterson"), unless a locative makes it the place ("in Chad …")."""
    singles = {
        h.last: h
        for h in hits
        if h.first == h.last and h.role == "name" and h.entry.kind == "country"
    }
    if not singles:
        return runs
    out = []
    for r in runs:
        h = singles.get(r.first - 1)
        if (
            h is not None
            and r.first == r.last
            and text[h.start : h.end] in _GIVEN_NAME_COUNTRIES
            and text[h.end : r.start] == " "
            and text[r.start : r.end].istitle()
        ):
            prev = _PREV_WORD.search(text, max(0, h.start - 20), h.start)
            if prev is None or prev.group(1).lower() not in _LOCATIVE:
                mentions[:] = [m for m in mentions if (m.start, m.end) != (h.start, h.end)]
                first = text[h.start : h.end]
                title = r.title
                if title is not None and title.endswith(first):  # the title ran up to "Chad"
                    title = title[: -len(first)].rstrip() or None
                r = r._replace(first=h.first, start=h.start, evidence=True, title=title)
        out.append(r)
    return out


_POSS = ("'s", "’s")


def _institution_mentions(
    text: str,
    tokens: list[Token],
    hits: list[GazetteerHit],
    blocked: set[int],
    mentions: list[EntityMention],
) -> list[GazetteerHit]:
    """Add one organisation per institution name ("Center for Disease Control and
    Prevention"), blocking its tokens; returns the gazetteer hits that are not inside one."""
    spans = institutions(text) if " of " in text or " for " in text or " on " in text else []
    if not spans:
        return hits
    kept = []
    for s, e in spans:
        inner = [h for h in hits if h.start < e and s < h.end]
        if inner and inner[0].start == s and text[inner[0].end : inner[0].end + 2] in _POSS:
            s = inner[0].end + 2  # "South Korea's Ministry of Trade": the owner is its own name
            while s < e and text[s].isspace():
                s += 1
            inner = inner[1:]
        if any(h.start < s or h.end > e or (h.start, h.end) == (s, e) for h in inner):
            continue  # the gazetteer knows this name, or a name that runs across it
        surface = text[s:e]
        mentions.append(EntityMention(s, e, surface, surface, "organization"))
        kept.append((s, e))
        i = bisect.bisect_left(tokens, (s,))
        while i < len(tokens) and tokens[i][0] < e:
            blocked.add(i)
            i += 1
    if not kept:
        return hits
    return [h for h in hits if not any(s <= h.start and h.end <= e for s, e in kept)]


def _gazetteer_mention(
    text: str, hit: GazetteerHit, gaz: Gazetteer, body_re: re.Pattern[str]
) -> EntityMention:
    entry = hit.entry
    if hit.role in ("name", "alias", "demonym", "capital") and entry.kind == "country":
        m = body_re.match(text, hit.end)
        if m:
            body = gaz.national_bodies[m.group(1)]
            if entry.name == "United States":
                name = gaz.us_bodies.get(body, f"U.S. {body}")
            else:
                name = f"{entry.demonym or entry.name} {body}"
            return EntityMention(
                hit.start, m.end(), text[hit.start : m.end()], name, "organization"
            )
    surface = text[hit.start : hit.end]
    if hit.role == "capital":
        prev = _PREV_WORD.search(text, max(0, hit.start - 20), hit.start)
        if text[max(0, hit.start - 6) : hit.start].lower() == "up to ":
            prev = None  # "it was up to Moscow to decide": the government
        if (prev and prev.group(1).lower() in _LOCATIVE) or text[
            max(0, hit.start - 9) : hit.start
        ].endswith("capital, "):
            city = gaz.capitals.get(surface.replace("’", "'"))
            if city is not None:
                return EntityMention(hit.start, hit.end, surface, city.name, "city")
    return EntityMention(hit.start, hit.end, surface, entry.name, entry.kind)


def _resolve_name(
    surface: str,
    persons: dict[str, PersonRecord],
    last_names: dict[str, set[str]],
    first_names: dict[str, set[str]],
) -> str | None:
    """The full name a (possibly short) person mention refers to, if unambiguous."""
    if surface in persons:
        return surface
    if " " in surface:
        return None
    cands = last_names.get(surface, ())
    if len(cands) == 1:
        return next(iter(cands))
    # A first name alone ("Hillary") refers to the only full name starting with it.
    firsts = first_names.get(surface, ())
    if not cands and len(firsts) == 1:
        return next(iter(firsts))
    return None


def _descriptions(
    text: str, persons: dict[str, PersonRecord], mentions: list[EntityMention]
) -> list[EntityMention]:
    """'the NATO secretary general' -> the one person whose title matches it."""
    out: list[EntityMention] = []
    titled = [(n, [t.lower() for t in r.titles]) for n, r in persons.items() if r.titles]
    if not titled:
        return out
    for m in _DESCRIPTION.finditer(text):
        words = m.group(1).lower().split()
        matches = [
            n
            for n, titles in titled
            if any(
                t.split()[-1] == words[-1] and all(w in t.split() for w in words) for t in titles
            )
        ]
        first_use = min((x.start for x in mentions if x.name in matches), default=len(text))
        if len(matches) == 1 and first_use < m.start():
            out.append(EntityMention(m.start(), m.end(), m.group(0), matches[0], "person"))
    return out


def _drop_overlaps(mentions: list[EntityMention]) -> list[EntityMention]:
    out: list[EntityMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _canonical(mentions: list[EntityMention], gaz: Gazetteer) -> list[CanonicalEntity]:
    """One canonical entity per distinct name, with the surface forms seen and known."""
    seen: dict[str, tuple[str, set[str]]] = {}
    for m in mentions:
        got = seen.get(m.name)
        if got is None:
            got = seen[m.name] = (m.kind, set())
        if m.text != m.name and not m.text.lower().startswith("the "):
            got[1].add(m.text)  # descriptions ("the NATO secretary general") are not aliases
    out = []
    for name, (kind, forms) in seen.items():
        entry = gaz.by_name.get(name)
        if entry is not None:
            kind = entry.kind
            known = _known_aliases(entry)
            if forms <= known[0]:  # nothing new: the entry's own sorted aliases
                out.append(CanonicalEntity(name, slugify(name), kind, known[1]))
                continue
            forms.update(entry.aliases)
        forms.discard(name)
        out.append(CanonicalEntity(name, slugify(name), kind, tuple(sorted(forms))))
    return out


_KNOWN: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}


def _known_aliases(entry: GazetteerEntry) -> tuple[frozenset[str], tuple[str, ...]]:
    """An entry's aliases with its name (as a set) and its sorted aliases without the name."""
    got = _KNOWN.get(entry.name)
    if got is None:
        aliases = set(entry.aliases)
        aliases.discard(entry.name)
        got = _KNOWN[entry.name] = (frozenset(aliases | {entry.name}), tuple(sorted(aliases)))
    return got
