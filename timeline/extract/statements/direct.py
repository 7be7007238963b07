"""Direct quotes: a quotation attributed by a cue right before or right after it.

Patterns (the attribution may sit between fragments of one quote):
  “…,” NP CUE …   “…,” CUE NP …   NP CUE(,|:) “…”   “…,” NP CUE. “…”
A quote that is still open at the end of its paragraph continues in the next
paragraph when that one opens with a quotation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.extract.statements.cues import CHARACTERIZE_FORMS
from timeline.extract.statements.quotes import QuoteRegion
from timeline.extract.statements.speaker import NP, np_after, np_before, speaker_before
from timeline.extract.types import Document

# What may separate a closing quote from the attribution after it.
_GAP_AFTER = re.compile(r"[\s,—–-]*")
# What may separate a cue and its object/time/venue from the quote after it.
_INTRO_TAIL = re.compile(r"[^.!?“”\"]{0,90}?[,:]\s*$|\s*$")
_THAT_AFTER = re.compile(r"\s+(?:that|whether|if)\b")
_CLAUSE_END = re.compile(
    r"[;:!?](?=\s|$)|[“\"]|(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Dr)(?<!Gen)(?<!Sen)(?<!Rep)"
    r"(?<!Gov)(?<!St)(?<!Rev)(?<!Lt)(?<!Col)(?<!Jr)(?<!Sr)\.(?=\s|$)"
)


@dataclass
class Candidate:
    """A statement before speaker resolution and dating."""

    fragments: list[tuple[int, int]]
    cue_start: int
    cue_end: int
    np: NP | None
    confidence: float
    # The attribution clause around the cue, where its time and venue are written.
    tail: tuple[int, int]
    pattern: str
    used_regions: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Start of the content envelope."""
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        """End of the content envelope."""
        return max(e for _, e in self.fragments)


def direct_candidates(
    doc: Document,
    regions: list[QuoteRegion],
    cues: list[re.Match[str]],
    time_spans: list[tuple[int, int]],
) -> list[Candidate]:
    """Quotes with an adjacent attribution."""
    text = doc.text
    out: list[Candidate] = []
    consumed: set[int] = set()
    for ri, r in enumerate(regions):
        if ri in consumed:
            continue
        para = doc.paragraphs[r.paragraph]
        if _substantial(text, r):
            cand = _after(text, r, para.end, cues, time_spans) or _before(doc, r, cues, time_spans)
        else:  # a short quote counts only when introduced: 'Priebus said, “Probably.”'
            cand = _before(doc, r, cues, time_spans, introduced=True)
        if cand is None:
            continue
        cand.used_regions.append(ri)
        consumed.add(ri)
        # Later fragments of the same quote: same paragraph right after the attribution,
        # or following paragraphs while the quote stays open.
        cur = r
        for rj in range(ri + 1, len(regions)):
            nxt = regions[rj]
            if nxt.paragraph == cur.paragraph:
                gap = text[max(cur.end, cand.tail[1]) : nxt.start]
                if nxt.start < cand.tail[1] or not re.fullmatch(r"[\s.,;:—–-]*", gap):
                    break
            elif not (
                cur.open_ended
                and nxt.paragraph == cur.paragraph + 1
                and nxt.start == doc.paragraphs[nxt.paragraph].start
            ):
                break
            if _after(text, nxt, doc.paragraphs[nxt.paragraph].end, cues, time_spans):
                break  # that quote has an attribution of its own
            k = _first_at(cues, cand.cue_end)
            if k < len(cues) and cues[k].start() < nxt.start:
                break  # another speaker is introduced before it ("…, who replied: “…”")
            cand.fragments.append(_inner(nxt, text))
            cand.used_regions.append(rj)
            consumed.add(rj)
            cur = nxt
        out.append(cand)
    return out


def _first_at(cues: list[re.Match[str]], pos: int) -> int:
    """Index of the first cue starting at or after ``pos`` (cues are in text order)."""
    lo, hi = 0, len(cues)
    while lo < hi:
        mid = (lo + hi) // 2
        if cues[mid].start() < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _extend_left(text: str, gap: int, np: NP) -> NP | None:
    """Take lowercase words between the quote and the name into the speaker phrase.

    "…,” electoral chief Maria Duval said": nothing but the speaker phrase can
    sit there, so a few lowercase words before the name belong to it.
    """
    lead = text[gap : np.start]
    words = lead.split()
    if len(words) > 4 or not all(w.isalpha() and w.islower() for w in words):
        return None
    start = gap + len(lead) - len(lead.lstrip(" ,—–-"))
    return NP(start, np.end, False)


def _inner(r: QuoteRegion, text: str) -> tuple[int, int]:
    """The quoted words without the comma or spaces before the closing mark."""
    s, e = r.inner_start, r.inner_end
    while e > s and text[e - 1] in " ,":
        e -= 1
    return s, e


def _substantial(text: str, r: QuoteRegion) -> bool:
    """At least three words, or a quote closed by the punctuation of a sentence."""
    inner = text[r.inner_start : r.inner_end]
    return inner.count(" ") >= 2 or inner.rstrip()[-1:] in (",", "?", "!")


def _after(
    text: str,
    r: QuoteRegion,
    para_end: int,
    cues: list[re.Match[str]],
    time_spans: list[tuple[int, int]],
) -> Candidate | None:
    """“…,” NP CUE  /  “…,” CUE NP."""
    if r.open_ended:
        return None
    last_inner = text[r.inner_start : r.inner_end].rstrip(" '’‘")[-1:]
    gap_m = _GAP_AFTER.match(text, r.end)
    gap = gap_m.end() if gap_m else r.end
    if last_inner not in ",?!—–-…" and text[r.end : gap].strip() not in (",", "—", "–", "--"):
        return None
    for cue in cues[_first_at(cues, gap) :]:
        if cue.start() > gap + 90 or cue.start() >= para_end:
            break
        if cue.group().lower() in CHARACTERIZE_FORMS or cue.group().lower() == "according to":
            continue
        between = text[gap : cue.start()]
        if any(c in between for c in '.!?“”"') and not re.search(
            r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St)\.", between
        ):
            break
        tail_end = _clause_end(text, cue.end(), para_end)
        if _THAT_AFTER.match(text, cue.end(), para_end):
            break  # "“This Week,” Rubio said that …": the quote is not what was said
        if cue.start() == gap:
            np = np_after(text, cue.end(), tail_end)
        else:
            np = np_before(text, gap, cue.start(), time_spans)
            if np is not None and text[gap : np.start].strip(" ,—–-"):
                np = _extend_left(text, gap, np)
        if np is None:
            continue
        return Candidate(
            [_inner(r, text)],
            cue.start(),
            cue.end(),
            np,
            0.9,
            (gap, tail_end),
            "quote-cue",
        )
    return None


def _before(
    doc: Document,
    r: QuoteRegion,
    cues: list[re.Match[str]],
    time_spans: list[tuple[int, int]],
    introduced: bool = False,
) -> Candidate | None:
    """NP CUE (,|:) “…” — in the same sentence, or a paragraph ending in a colon before it."""
    text = doc.text
    para = doc.paragraphs[r.paragraph]
    lo = para.start
    if r.start == para.start and r.paragraph > 0:
        prev = doc.paragraphs[r.paragraph - 1]
        if text[prev.end - 1] != ":":
            return None
        lo = prev.start
    best = None
    for cue in cues[_first_at(cues, lo) :]:
        if cue.start() >= r.start:
            break
        if cue.group().lower() in CHARACTERIZE_FORMS or cue.group().lower() == "according to":
            continue
        best = cue
    if best is None:
        return None
    tail = text[best.end() : r.start]
    if not _INTRO_TAIL.fullmatch(tail) or (
        "\n" in tail.rstrip() and not tail.rstrip().endswith(":")
    ):
        return None
    if introduced and tail.strip() not in (",", ":"):
        return None
    sent = doc.sentence_at(best.start())
    clause = max(sent.start, lo)
    np = speaker_before(text, clause, best.start(), best.group().lower(), time_spans)
    if np is None:
        np = np_after(text, best.end(), r.start)
    if np is None:
        return None
    return Candidate(
        [_inner(r, text)],
        best.start(),
        best.end(),
        np,
        0.85,
        (best.end(), r.start),
        "cue-quote",
    )


def _clause_end(text: str, pos: int, limit: int) -> int:
    """End of the attribution clause that starts at ``pos``."""
    m = _CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit
