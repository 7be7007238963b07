"""Quotation regions: where quoted speech is in the text.

Pairs curly (“ ”) and straight (") double quotes and the old newswire ``''``
inside each paragraph. Writers and feeds are sloppy: a curly opening mark is
sometimes used to close ("rapists“ while"), and a quote running over several
paragraphs has no closing mark until its last paragraph, so a paragraph whose
quote is still open at its end yields an open-ended region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.types import Span

# Every branch starts with a literal: the regex engine then jumps from mark to mark.
_MARK = re.compile(r"“|”|\"|''|``")


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """A quoted stretch: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    open_ended: bool


def _is_closing(text: str, pos: int, length: int) -> bool:
    """A mark followed by space, punctuation or the end closes rather than opens."""
    nxt = pos + length
    return nxt >= len(text) or text[nxt] in " \t\n,.;:!?)]—–-…’'"


def quote_regions(text: str, paragraphs: tuple[Span, ...]) -> list[QuoteRegion]:
    """All quoted regions, in text order."""
    regions: list[QuoteRegion] = []
    marks = list(_MARK.finditer(text))
    if not marks:
        return regions
    k = 0
    for pi, para in enumerate(paragraphs):
        open_at = -1
        open_len = 0
        while k < len(marks) and marks[k].start() < para.start:
            k += 1
        first = k
        while k < len(marks) and marks[k].end() <= para.end:
            k += 1
        for m in marks[first:k]:
            mark = m.group()
            pos = m.start()
            if open_at < 0:
                if mark == "”" or (
                    mark in ('"', "''")
                    and _is_closing(text, pos, len(mark))
                    and pos > para.start
                    and not text[pos - 1].isspace()
                ):
                    continue  # a stray closing mark
                open_at, open_len = pos, len(mark)
                continue
            if mark in ("“", "``") and not _is_closing(text, pos, len(mark)):
                continue  # nested or doubled opening mark; keep the outer one
            regions.append(QuoteRegion(open_at, m.end(), open_at + open_len, pos, pi, False))
            open_at = -1
        if open_at >= 0:
            regions.append(QuoteRegion(open_at, para.end, open_at + open_len, para.end, pi, True))
    return regions


def inside_any(regions: list[QuoteRegion], pos: int) -> QuoteRegion | None:
    """The region whose marks enclose ``pos``, if any (regions are few per document)."""
    for r in regions:
        if r.start <= pos < r.end:
            return r
        if r.start > pos:
            break
    return None
