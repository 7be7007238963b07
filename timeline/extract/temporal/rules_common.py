"""Helpers shared by the rule handlers: group access, modifiers, years, months."""

from __future__ import annotations

import re

from .context import Context
from .lexicon import MONTHS

Match = re.Match[str]

MODS: dict[str, str | None] = {
    "early": "START", "late": "END", "mid": "MID", "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
    "the first half of": "START", "the second half of": "END", "the last half of": "END",
    "first half of": "START", "second half of": "END", "last half of": "END",
    "latter half of": "END", "the latter half of": "END", "the turn of": "MID",
    "turn of the": "MID", "earlier": None, "later": None, "the rest of": None,
}  # fmt: skip

# Words after which a capitalised "May" is the month, not the modal verb.
_MAY_OK_BEFORE = frozenset({
    "in", "since", "by", "until", "till", "through", "from", "to", "during", "before",
    "after", "of", "last", "next", "this", "early", "late", "mid", "and", "or", "between",
    "on", "for", "that", "the", "as", "around", "throughout", "into", "-",
})  # fmt: skip

PREPS = frozenset({
    "in", "since", "by", "until", "till", "through", "throughout", "during", "before",
    "after", "for", "over", "from", "into", "to", "around", "of",
})  # fmt: skip


def g(m: Match, name: str) -> str | None:
    """Group ``name`` of ``m``; None when unmatched or absent from this family."""
    try:
        return m.group(name)
    except IndexError:
        return None


def norm(s: str | None) -> str | None:
    return " ".join(s.split()) if s else None


def mod_of(word: str | None) -> str | None:
    return MODS.get(norm(word) or "") if word else None


def year_of(m: Match, p: str, ctx: Context) -> int | None:
    """The year in groups ``{p}year``/``{p}yy`` (a 2-digit year pivots around the DCT)."""
    y = g(m, p + "year")
    if y:
        return int(y)
    yy = g(m, p + "yy")
    if yy:
        n = int(yy)
        century = ctx.dct.year // 100 * 100
        return century + n if century + n <= ctx.dct.year + 20 else century - 100 + n
    return None


def month_ok(ctx: Context, m: Match, group: str, *, bare: bool = False) -> int | None:
    """Month number if the month word is a real month mention (capitalised, not "may")."""
    word = g(m, group)
    if word is None:
        return None
    pos = m.start(group)
    if not ctx.is_capitalised(pos):
        return None
    key = word.rstrip(".")
    if bare and key == "may":
        prev = ctx.prev_word(m.start())
        if m.start() == m.start(group) and prev not in _MAY_OK_BEFORE:
            return None
    if bare and len(key) <= 4 and key not in ("may", "june", "july") and not word.endswith("."):
        return None
    return MONTHS.get(key)
