"""Gazetteer lookup: countries, demonyms, capitals, organisations and places.

The shipped ``data/gazetteer.json`` is loaded once. Matching works over the
document's tokens: only capitalised tokens that start some surface form are
tried, and the longest surface form (up to ``max_len`` tokens) wins. That is a
couple of dict lookups per capitalised token, far cheaper than one regex
alternation of a thousand names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from timeline.extract.text import trie_pattern

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"

# Words, keeping internal hyphens/periods/apostrophes ("U.S.", "Yong-Hyun", "O'Brien")
# but not a possessive "'s" (so "Russia's" yields "Russia").
TOKEN = re.compile(r"\w+(?:[-.&]\w+|['’](?!s\b)\w+)*\.?")
_TAIL = r"(?:[-.&]\w+|['’](?!s\b)\w+)*\.?"


class Token(NamedTuple):
    """A word of the text with its offsets (a tuple: documents have thousands)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A canonical entity known in advance."""

    name: str
    slug: str
    kind: str
    aliases: tuple[str, ...]
    demonym: str | None


class GazetteerHit(NamedTuple):
    """A surface form found in the text: tokens ``[first, last]`` and what it names."""

    first: int
    last: int
    start: int
    end: int
    entry: GazetteerEntry
    role: str  # name | alias | demonym | capital


class Gazetteer:
    """The loaded gazetteer with its token-prefix index."""

    def __init__(self, data: dict[str, Any]) -> None:
        demonym_of: dict[int, str] = {}
        for form, (idx, role) in data["surface"].items():
            if role == "demonym" and idx not in demonym_of and not form.endswith("s"):
                demonym_of[idx] = form
        self.entries = [
            GazetteerEntry(e["name"], e["slug"], e["kind"], tuple(e["aliases"]), demonym_of.get(i))
            for i, e in enumerate(data["entities"])
        ]
        self.by_name = {e.name: e for e in self.entries}
        self.surface: dict[str, tuple[GazetteerEntry, str]] = {
            form: (self.entries[idx], role) for form, (idx, role) in data["surface"].items()
        }
        self.max_len: dict[str, int] = {}
        for form in self.surface:
            first = form.split(" ")[0]
            self.max_len[first] = max(self.max_len.get(first, 0), form.count(" ") + 1)
            if first.endswith("."):
                self.max_len.setdefault(first[:-1], 1)
        self.capitals: dict[str, GazetteerEntry] = {
            city: self.entries[idx] for city, idx in data["capitals"].items()
        }
        self.national_bodies: dict[str, str] = data["national_bodies"]
        self.us_bodies: dict[str, str] = data["us_bodies"]
        self._limits: dict[str, int] = {}  # token text -> _limit(token text)

    def lookup(self, form: str) -> tuple[GazetteerEntry, str] | None:
        """The entry and role for an exact surface form (curly apostrophes allowed)."""
        return self.surface.get(form.replace("’", "'"))

    def _limit(self, first: str) -> int:
        """How many tokens a surface form starting with token text ``first`` may have (0: none).

        Only capitalised tokens (and digits, "al-") can start a surface form.
        """
        if not (first[0].isupper() or first[0].isdigit() or first[:3] == "al-"):
            return 0
        limit = self.max_len.get(first)
        if limit is None:
            if "’" in first:
                first = first.replace("’", "'")
                limit = self.max_len.get(first)
            if limit is None and first[-1] == ".":
                limit = self.max_len.get(first[:-1])
        return limit or 0

    def match(self, text: str, tokens: list[Token]) -> list[GazetteerHit]:
        """Longest non-overlapping gazetteer matches over ``tokens``."""
        hits: list[GazetteerHit] = []
        n = len(tokens)
        surface = self.surface
        limits = self._limits
        if len(limits) > 50_000:
            limits.clear()
        new = tuple.__new__
        next_free = 0
        for i, tok in enumerate(tokens):
            if i < next_free:
                continue
            t0, _, first = tok
            limit = limits.get(first)
            if limit is None:
                limit = limits[first] = self._limit(first)
            if not limit:
                continue
            # how many tokens from i on are separated by single spaces (up to the limit)
            reach = 1
            top = min(limit, n - i)
            while reach < top:
                a, b = tokens[i + reach - 1][1], tokens[i + reach][0]
                if b - a != 1 or text[a] != " ":
                    break
                reach += 1
            for size in range(reach, 0, -1):
                last = tokens[i + size - 1]
                key = text[t0 : last[1]]
                if "’" in key:
                    key = key.replace("’", "'")
                got = surface.get(key)
                end = last[1]
                if got is None and key[-1] == ".":
                    got = surface.get(key[:-1])
                    end -= 1
                if got is not None:
                    hits.append(new(GazetteerHit, (i, i + size - 1, t0, end, got[0], got[1])))
                    next_free = i + size
                    break
        return hits


def tokenize(text: str) -> list[Token]:
    """All word tokens of ``text``."""
    new = tuple.__new__
    return [new(Token, (m.start(), m.end(), m.group())) for m in TOKEN.finditer(text)]


def _sparse_pattern() -> re.Pattern[str]:
    from timeline.extract.entities.lexicon import NAME_PARTICLES, TITLE_MODIFIERS, TITLE_WORDS

    lower = {w.rstrip(".") for w in TITLE_WORDS | TITLE_MODIFIERS | NAME_PARTICLES}
    # Lowercase words inside gazetteer names ("Kursk region", "Gulf of Aden") are needed too.
    for form in load().surface:
        lower.update(w for w in re.findall(r"\b[a-z]\w*", form))
    # Frequent words that neither names nor titles need are left out: fewer tokens, less work.
    lower -= {"to", "in", "s", "d"}
    alternation = trie_pattern(sorted(w for w in lower if w))
    return re.compile(r"\b(?:[A-Z0-9À-ÖØ-Þ]\w*|(?:" + alternation + r")(?!\w))" + _TAIL)


_SPARSE: list[re.Pattern[str]] = []


def tokenize_sparse(text: str) -> list[Token]:
    """The tokens entity recognition looks at: capitalised words, digits, title words.

    Other words are left out (a third of the tokens, and a third of the work); a left-out
    word between two kept tokens still shows as a gap that is not a single space, so
    adjacency checks stay exact.
    """
    if not _SPARSE:
        _SPARSE.append(_sparse_pattern())
    new = tuple.__new__
    return [new(Token, (m.start(), m.end(), m.group())) for m in _SPARSE[0].finditer(text)]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer (loaded once per process)."""
    return Gazetteer(json.loads(DATA.read_text(encoding="utf-8")))
