"""Statement extraction: candidates from every rule family, one winner per stretch of text.

PolNeAR's convention (and a reader's) is that a token belongs to at most one
attribution, so overlapping candidates are resolved by confidence: a quote
with an adjacent cue beats reported speech, which beats "according to".
Speakers are then resolved in text order, so that "she added" can point back
to the last compatible speaker.
"""

from __future__ import annotations

import re

from timeline.extract.entities import EntityIndex
from timeline.extract.statements.cues import CHARACTERIZE_FORMS, find_cues
from timeline.extract.statements.dating import date_statements, venue_of
from timeline.extract.statements.direct import Candidate, direct_candidates
from timeline.extract.statements.indirect import indirect_candidates
from timeline.extract.statements.labelled import labelled_candidates
from timeline.extract.statements.quotes import QuoteRegion, quote_regions
from timeline.extract.statements.resolve import resolve
from timeline.extract.statements.speaker import NP
from timeline.extract.types import Document, ExtractedStatement


def extract_statements(doc: Document, index: EntityIndex) -> list[ExtractedStatement]:
    """All attributed statements of ``doc``, in text order."""
    text = doc.text
    regions = quote_regions(text, doc.paragraphs)
    bounds = [(r.start, r.end) for r in regions]
    cues = [
        c
        for c in find_cues(text)
        if not _inside(bounds, c.start())
        and text[c.start() - 1 : c.start()] != "-"
        and not _noun_use(text, c.start())
        and not _negated(text, c.start())
        and not _discerning(text, c)
    ]
    time_spans = [(t.start, t.end) for t in doc.timexes]
    direct = direct_candidates(doc, regions, cues, time_spans)
    taken = [(c.cue_start, c.cue_end) for c in direct]
    indirect = indirect_candidates(doc, cues, regions, taken, time_spans)
    _trim_nested(text, indirect)
    labelled = labelled_candidates(doc, regions)
    chosen = _select(direct + indirect + labelled)
    chosen.sort(key=lambda c: c.cue_start)
    history: list[tuple[str, str | None, str | None, int]] = []
    resolved = []
    for c in chosen:
        if c.np is not None and not c.np.pronoun:
            c.np = _whole_name(c.np, index)
        r = resolve(text, c.np, index, history) if c.np is not None else None
        if r is not None and r.name is not None and sum(map(str.isalpha, r.name)) < 2:
            r = None  # a name of one letter ("E" of "E! News" cut short) is no speaker
        if r is not None and r.name is not None:
            history.append((r.name, r.kind, r.title, c.cue_start))
        resolved.append(r)
    dates = date_statements(doc, chosen, [c.np.end if c.np else None for c in chosen])
    out = []
    for c, r, d in zip(chosen, resolved, dates, strict=True):
        frags = sorted(c.fragments)
        speaker_text = text[c.np.start : c.np.end] if c.np else None
        out.append(
            ExtractedStatement(
                speaker=r.name if r else None,
                speaker_start=c.np.start if c.np else None,
                speaker_end=c.np.end if c.np else None,
                speaker_text=speaker_text,
                speaker_title=r.title if r else None,
                speaker_kind=r.kind if r else None,
                quote=" … ".join(text[s:e] for s, e in frags),
                quote_start=frags[0][0],
                quote_end=frags[-1][1],
                quote_spans=tuple(frags) if len(frags) > 1 else (),
                cue=text[c.cue_start : c.cue_end],
                cue_start=c.cue_start,
                cue_end=c.cue_end,
                kind=_kind(text, frags, regions),
                date=d.value,
                date_start=d.start,
                date_end=d.end,
                precision=d.precision,
                venue=venue_of(doc, c),
                confidence=round(c.confidence, 2),
            )
        )
    out.sort(key=lambda s: s.quote_start)
    return out


def _whole_name(np: NP, index: EntityIndex) -> NP:
    """A speaker phrase that starts inside an organisation's name starts with the name:
    "Drug Abuse" in "The National Institute on Drug Abuse estimated …" is the institute."""
    for m in index.overlapping(np.start, np.start + 1):
        if m.start < np.start < m.end and m.kind == "organization" and np.end >= m.end:
            return NP(m.start, np.end, False)
    return np


def _inside(bounds: list[tuple[int, int]], pos: int) -> bool:
    for s, e in bounds:
        if s <= pos < e:
            return True
        if s > pos:
            return False
    return False


# "the reports", "his claims", "Trump's calls": the cue word is a noun here.
_NOUN_USE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|these|those|this|that|such|new|recent|"
    r"media|press|news|earlier|previous|many|several|some|no|any)|['’]s)\s+$",
    re.IGNORECASE,
)
_NOUN_USE_ENDS = (
    "'s", "’s", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these",
    "those", "this", "that", "such", "new", "recent", "media", "press", "news", "earlier",
    "previous", "many", "several", "some", "no", "any",
)  # fmt: skip


def _noun_use(text: str, pos: int) -> bool:
    """Whether the cue word at ``pos`` follows a determiner or a possessive (a noun use)."""
    lo = max(0, pos - 12)
    k = pos
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == pos or not text[max(lo, k - 8) : k].lower().endswith(_NOUN_USE_ENDS):
        return False  # the regex needs one of these words, then spaces, right before the cue
    return _NOUN_USE.search(text, lo, pos) is not None


# "didn't say", "would not tell", "has never publicly confirmed": the speaker did not say
# the content, so reporting it as their statement would misattribute it.
_NEGATION = re.compile(
    r"(?:n['’]t|\b(?:not|never|cannot))(?:\s+(?:\w+ly|yet|ever|even|always|be|been|have|"
    r"to|so\s+much\s+as))*\s+$",
    re.IGNORECASE,
)


def _negated(text: str, pos: int) -> bool:
    """Whether the cue at ``pos`` is under a negation ("did not say", "couldn't tell")."""
    lo = max(0, pos - 40)
    tail = text[lo:pos].lower()
    if "n't" not in tail and "n’t" not in tail and "not" not in tail and "never" not in tail:
        return False
    return _NEGATION.search(text, lo, pos) is not None


# "tell who/whether/how …" with no addressee is "make out", not speech.
_DISCERN = re.compile(r"\s+(?:who|whether|why|how|if|which|apart)\b", re.IGNORECASE)


def _discerning(text: str, cue: re.Match[str]) -> bool:
    """Whether a "tell" cue means "make out" ("I couldn't tell who fired")."""
    if cue.group().lower() not in ("tell", "tells", "telling"):
        return False
    return _DISCERN.match(text, cue.end()) is not None


_CLAUSE_JOINT = re.compile(
    r"[\s,;:—–-]*(?:\b(?:but|and|while|whereas|although|though)\b)?[\s,;:—–-]*$"
)


def _trim_nested(text: str, cands: list[Candidate]) -> None:
    """End reported content where a later attribution in the same sentence begins.

    "Zuckoff said he met them, but officials said the talks came later": the
    first content stops before "but officials said", so both statements survive.
    """
    for a in cands:
        if a.pattern != "forward" or text[a.cue_start : a.cue_end].lower() in CHARACTERIZE_FORMS:
            continue  # a characterisation keeps its quoted fragment whole
        s, e = a.fragments[-1]
        for b in cands:
            if b is a or b.np is None or not (s < b.cue_start < e):
                continue
            # A shared subject ("Trump argued that …, saying …") sits before this content:
            # cut at the later cue itself.
            cut = b.np.start if b.np.start > s else b.cue_start
            if cut <= s:
                continue
            joint = _CLAUSE_JOINT.search(text, s, cut)
            new_e = joint.start() if joint else cut
            if len(text[s:new_e].split()) >= 3:
                a.fragments[-1] = (s, new_e)
                break


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Greedy by confidence: keep a candidate only if its content overlaps no kept content.

    One nesting is allowed: "“…,” O'Malley said, according to the Las Vegas Sun" is both
    O'Malley's statement and the paper's report of it, so an "according to" whose content
    holds another attribution whole keeps both.
    """
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.confidence, c.cue_start)):
        rivals = [k for k in kept if not (_nests(c, k) or _nests(k, c))]
        if any(s < ke and ks < e for s, e in c.fragments for k in rivals for ks, ke in k.fragments):
            continue
        if any(k.cue_start < e and s < k.cue_end for s, e in c.fragments for k in rivals):
            continue
        kept.append(c)
    return kept


def _nests(outer: Candidate, inner: Candidate) -> bool:
    """Whether ``outer`` is an "according to" whose content holds ``inner``'s attribution."""
    if outer.pattern != "according-to" or inner.pattern == "according-to":
        return False
    s, e = outer.start, outer.end
    return (
        s <= inner.start
        and inner.end <= e
        and s <= inner.cue_start < e
        and (inner.np is None or s <= inner.np.start < e)
    )


def _kind(text: str, frags: list[tuple[int, int]], regions: list[QuoteRegion]) -> str:
    """PolNeAR's rule: direct if ≥90% of the letters are quoted, indirect if none, else mixed."""
    overlapping = [
        (max(s, r.inner_start), min(e, r.inner_end))
        for s, e in frags
        for r in regions
        if r.inner_start < e and s < r.inner_end
    ]
    if not overlapping:
        return "indirect"  # most reported speech has no quotation marks: skip the counting
    total = sum(_alnum(text, s, e) for s, e in frags)
    quoted = sum(_alnum(text, lo, hi) for lo, hi in overlapping)
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted >= 0.9 * total else "mixed"


def _alnum(text: str, s: int, e: int) -> int:
    return sum(map(str.isalnum, text[s:e]))
