"""Indirect (reported) speech: "X said (that) …", "…, X said.", "according to X", "X called it “…”".

Each cue outside quotation marks is tried in this order: "according to",
inverted or parenthetical attribution (content before the cue), then the
forward pattern (speaker before the cue, content after it). Verbs that rarely
introduce a clause on their own ("continued", "replied") need "that", a
question word or a quotation to count.
"""

from __future__ import annotations

import bisect
import re

from timeline.extract.statements.cues import (
    ADDRESSEE_VERBS,
    CHARACTERIZE_FORMS,
    SIMPLE_TIME,
    SPEECH_FORMS,
)
from timeline.extract.statements.direct import Candidate
from timeline.extract.statements.questions import ASK_FORMS, asked_candidate
from timeline.extract.statements.quotes import QuoteRegion
from timeline.extract.statements.speaker import NP, np_after, np_before, speaker_before
from timeline.extract.types import Document, Span


def _words_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that may follow their content ("…, she replied.") besides the bare-clause ones.
_INVERTIBLE = _words_set(
    "reply respond remark observe conclude explain caution counter retort ask wonder continue "
    "joke quip recall"
)
# Verbs often followed by a plain object ("wrote a book", "pledged $10 million"): without
# "that" their content must read as a clause.
_OBJECT_PRONE = _words_set(
    "write declare note add post tweet report recall pledge maintain vow promise boast "
    "estimate indicate mention announce reveal disclose"
)
# Verbs that introduce reported content without "that".
_BARE_CLAUSE = _words_set(
    "say tell add write argue claim note insist warn suggest acknowledge admit "
    "confirm deny explain state announce declare predict contend maintain allege assert report "
    "testify concede complain boast vow promise pledge recall emphasize emphasise stress "
    "reiterate estimate indicate"
)
# The addressee of "told": a pronoun, "reporters", or a capitalised name ("told VOA").
_ADDRESSEE = re.compile(
    r"\s+(?:me|him|her|them|us|you|reporters|journalists|lawmakers|supporters|voters|"
    r"the crowd|an audience|a crowd|the audience|the paper|the newspaper|the network|"
    r"an interviewer|the committee|(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
    r"(?:['’]s(?:\s+[A-Z][\w.'’&-]*){1,3})?)(?=[\s,.])"
)
_VENUE_LEAD = re.compile(
    r"\s*,?\s*(?:(?:at|in|during|on|via|to|before|while|through|over)\s+"
    r"(?:(?:a|an|the|his|her|their|its|Monday's|Tuesday's)\s+)?(?:(?!that\b|which\b|who\b)[\w'’.-]+\s+){0,5}"
    r"(?:meeting|conference|briefing|interview|statement|speech|rally|hearing|event|summit|"
    r"session|debate|post|tweet|video|appearance|address|forum|gathering|luncheon|dinner|"
    r"ceremony|broadcast|program|show|podcast|op-ed|letter|memo|email|release|"
    r"Telegram|Twitter|X|Facebook|Instagram|YouTube|TikTok|television|radio|"
    r"CNN|MSNBC|NBC|CBS|ABC|Fox|Fox News)(?:['’]s\s+[\w\s]{1,30}?)?"
    r"(?:\s+(?:in|at|on)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?|"
    r"(?:in|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?=\s*,?\s*(?:that\b|on\b|$)))"
)
_ADDRESSEE_BEFORE_THAT = re.compile(r"\s+[^.;:“”\"]{1,80}?,?(?=\s+that\b)")
_TIME_LEAD_WORDS = frozenset(["", "on", "in", "last", "early", "late"])
SIMPLE_TIME_LEAD = re.compile(r"\s*,?\s*" + SIMPLE_TIME.pattern)
_QUANTITY = re.compile(r"\s*(?:[$€£]|\d|(?:about|nearly|some|another|more than|over|almost)\s+\d)")
_RELATIVE = re.compile(
    r"\s+(?:was|is|were|are|has|had|have|will|would|could|can|may|might|should|must)\b"
)
_THAT = re.compile(r"\s*,?\s*(?:that\b|whether\b|if\b|why\b|how\b|what\b|when\b)")
_SPLIT = re.compile(
    r",?\s+and\s+(?:also\s+)?(?:said|says|told|added|warned|noted|argued|insisted)\b|"
    r",\s+according to\b|;\s+"
)


def indirect_candidates(
    doc: Document,
    cues: list[re.Match[str]],
    regions: list[QuoteRegion],
    taken: list[tuple[int, int]],
    time_spans: list[tuple[int, int]],
) -> list[Candidate]:
    """Reported speech around each free cue."""
    out: list[Candidate] = []
    for cue in cues:
        if any(s <= cue.start() < e for s, e in taken):
            continue
        sent = doc.sentence_at(cue.start())
        word = cue.group().lower()
        prev = out[-1] if out and out[-1].np and out[-1].cue_start >= sent.start else None
        if word == "according to":
            cand = _according_to(doc.text, sent, cue, time_spans)
        elif word in ASK_FORMS:
            cand = _inverted(doc.text, sent, cue, time_spans) or asked_candidate(
                doc.text, sent, cue, time_spans, prev.np if prev else None
            )
        else:
            cand = _inverted(doc.text, sent, cue, time_spans) or _forward(
                doc.text, sent, cue, regions, time_spans, prev
            )
        if cand is not None:
            out.append(cand)
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces, commas and a final period from a content span."""
    while s < e and text[s] in " ,;:—–-\n":
        s += 1
    while e > s and text[e - 1] in " ,;:—–-.\n":
        e -= 1
    return s, e


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


_PREPOSITIONS = _words_set(
    "to in at on for with from by during after before about as of while into over under "
    "through without within among against via per"
)
_LEAD_ADVERBS = _words_set(
    "now still instead meanwhile however moreover nonetheless nevertheless ultimately "
    "eventually overall besides indeed unfortunately fortunately honestly frankly "
    "clearly obviously privately publicly separately yesterday today tonight"
)
_ADVERBIAL_OPENERS = _words_set(
    "amid despite when while as since although though because if once unless until after "
    "before following speaking asked earlier later"
)
_SOURCE_END = re.compile(
    r"[,;:(]|(?<!\b[A-Z])(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)(?<!Gen)(?<!Sen)(?<!Rep)(?<!Gov)(?<!St)"
    r"\.(?=\s|$)"
)
_APPOSITIVE_AFTER = re.compile(
    r",\s+(?:a|an|the|his|her|their|its|head|chief|director|spokesman|spokeswoman|"
    r"spokesperson|president|chairman|chairwoman|leader|founder|author|professor|"
    r"senior|former|deputy|who|which)\b[^,]{0,80},"
)


def _according_to(
    text: str, sent: Span, cue: re.Match[str], time_spans: list[tuple[int, int]]
) -> Candidate | None:
    m = _SOURCE_END.search(text, cue.end(), sent.end)
    np_end = m.start() if m else sent.end
    np = np_after(text, cue.end(), np_end) or NP(cue.end() + 1, np_end, False)
    if np.end <= np.start:
        return None
    before = _trim(text, sent.start, cue.start())
    if _words(text, *before) >= 3:
        frags = [before]
    else:
        # "According to X, content." — skip an appositive after the source.
        rest = text.find(",", np.end, sent.end)
        if rest >= 0:
            app = _APPOSITIVE_AFTER.match(text, rest, sent.end)
            if app:
                rest = app.end() - 1
        after = _trim(text, rest if rest >= 0 else np.end, sent.end)
        if _words(text, *after) < 3:
            return None
        frags = [after]
    return Candidate(frags, cue.start(), cue.end(), np, 0.7, (np.end, np_end), "according-to")


_APPOSITION = re.compile(
    r",\s+(?:a|an|the|who|which|adding|saying|according|in|at|on|during|his|her|including|"
    r"while|as|after|before|despite|with|without|even|especially|particularly|not)\b"
)
_TAIL_STOP = re.compile(r"[,;:!?](?=\s)|\.(?=\s|$)")


def _inverted(
    text: str, sent: Span, cue: re.Match[str], time_spans: list[tuple[int, int]]
) -> Candidate | None:
    """CONTENT, NP CUE.  /  CONTENT, CUE NP.  /  CONTENT1, NP CUE, CONTENT2."""
    word = cue.group().lower()
    lemma = SPEECH_FORMS.get(word)
    if lemma is None or not (lemma in _BARE_CLAUSE or lemma in _INVERTIBLE):
        return None
    comma = text.rfind(",", sent.start, cue.start())
    if comma < 0 or not text[comma + 1 : comma + 2].isspace() or cue.start() - comma > 120:
        return None
    if _THAT.match(text, cue.end(), sent.end):
        return None  # "…, X said that …" is the forward pattern
    if text[comma + 1 : cue.start()].strip() and _clause_follows(text, cue.end(), sent, time_spans):
        return None  # "…, X said the plan …": forward too (checked before the costlier NP)
    np = np_before(text, comma + 1, cue.start(), time_spans)
    if np is None or text[comma + 1 : np.start].strip():
        np = None
        if text[comma + 1 : cue.start()].strip() == "" and not word.endswith("ing"):
            np = np_after(text, cue.end(), sent.end)  # "…, said Cruz." (not "…, saying it …")
    if np is None:
        return None
    content = _trim(text, sent.start, comma)
    lead = text[sent.start : comma]
    if lead.count("“") > lead.count("”"):
        return None
    first = lead.lstrip(' “"').split(" ", 1)[0].lower()
    # "Wednesday at the debate, Clinton said …", "In any case, he said, …": the lead is an
    # adverbial, not content; only a parenthetical's continuation can be the content.
    adverbial = "," not in lead and (
        first in _PREPOSITIONS
        or first in _ADVERBIAL_OPENERS
        or first in _LEAD_ADVERBS
        or any(ts <= content[0] < te for ts, te in time_spans)
    )
    # After the attribution: nothing but time/venue/appositive, or a parenthetical's rest.
    after_start = max(cue.end(), np.end)
    if _THAT.match(text, after_start, sent.end) or _clause_follows(
        text, after_start, sent, time_spans
    ):
        return None
    m = _TAIL_STOP.search(text, after_start, sent.end)
    tail_end = m.start() if m else sent.end
    if _words(text, after_start, tail_end) > 14:
        return None
    frags = [content]
    if (
        text[tail_end : tail_end + 1] == ","
        and _words(text, tail_end, sent.end) >= 3
        and not _APPOSITION.match(text, tail_end)
    ):
        frags.append(_trim(text, tail_end, sent.end))
    if adverbial:
        frags = frags[1:]
    if not frags or sum(_words(text, s, e) for s, e in frags) < 3:
        return None
    return Candidate(frags, cue.start(), cue.end(), np, 0.7, (after_start, tail_end), "inverted")


_CLAUSE_VERB = re.compile(
    r"\b(?:is|was|were|are|be|been|has|had|have|will|would|can|could|should|must|may|might|"
    r"did|does|do|[a-z]+ed|[a-z]+n't|shot|made|took|said|got|went|came|gave|sent|won|lost|"
    r"left|held|kept|met|ran|saw|told|thought|knew|found|became|began|brought|built|bought|"
    r"fell|felt|fought|grew|heard|hit|led|let|meant|paid|put|rose|sold|set|spent|stood|"
    r"struck|threw|wrote|needs|wants|plans|remains|seems|means|says|knows|thinks|believes)\b"
)
_SUBJECT_PRONOUN = re.compile(r"\s*(?:he|she|they|it|we|i|you|there)\b", re.IGNORECASE)


def _reads_as_clause(text: str, s: int, e: int) -> bool:
    """A subject pronoun or a verb early on: "it shot down …", "the plan would fail"."""
    if _SUBJECT_PRONOUN.match(text, s, e):
        return True
    head = " ".join(text[s:e].split()[:10])
    return bool(_CLAUSE_VERB.search(head))


def _clause_follows(text: str, pos: int, sent: Span, time_spans: list[tuple[int, int]]) -> bool:
    """Whether a clause of three or more words follows the cue (after time and venue)."""
    i = bisect.bisect_left(time_spans, (pos, -1))  # time spans are sorted by start
    while i < len(time_spans):
        ts, te = time_spans[i]
        if ts > pos + 3:
            break
        if pos <= ts and not text[pos:ts].strip(" ,"):
            pos = te
        i += 1
    st = SIMPLE_TIME_LEAD.match(text, pos, sent.end)
    if st:
        pos = st.end()
    v = _VENUE_LEAD.match(text, pos, sent.end)
    if v:
        pos = v.end()
    m = _TAIL_STOP.search(text, pos, sent.end)
    end = m.start() if m else sent.end
    return _words(text, pos, end) >= 3 and _starts_clause(text, pos, end)


def _starts_clause(text: str, pos: int, end: int) -> bool:
    """Reported content starts like a clause, not with a preposition or a bracket."""
    rest = text[pos:end].lstrip(" ,")
    first = rest.split(" ", 1)[0].lower() if rest else ""
    return bool(rest) and rest[0] not in "(—–" and first not in _PREPOSITIONS


def _forward(
    text: str,
    sent: Span,
    cue: re.Match[str],
    regions: list[QuoteRegion],
    time_spans: list[tuple[int, int]],
    prev: Candidate | None = None,
) -> Candidate | None:
    """NP CUE [addressee] [time] [venue] [that] CONTENT; "... and said ..." reuses ``prev``'s NP."""
    word = cue.group().lower()
    lemma = SPEECH_FORMS.get(word) or CHARACTERIZE_FORMS.get(word)
    if lemma is None:
        return None
    pos = cue.end()
    if lemma in ADDRESSEE_VERBS:
        # "told his Russian counterpart, Sergey Lavrov, that …", else "told reporters …"
        far = _ADDRESSEE_BEFORE_THAT.match(text, pos, sent.end)
        m = _ADDRESSEE.match(text, pos, sent.end)
        if far and not _reads_as_clause(text, pos, far.end()):
            pos = far.end()
        elif m:
            pos = m.end()
    for _ in range(3):
        moved = False
        for ts, te in time_spans[bisect.bisect_left(time_spans, (pos, -1)) :]:
            if ts > pos + 8:
                break
            if text[pos:ts].strip(" ,") in _TIME_LEAD_WORDS:
                pos, moved = te, True
                break
        if not moved:
            st = SIMPLE_TIME_LEAD.match(text, pos, sent.end)
            if st and st.end() > pos:
                pos, moved = st.end(), True
        m = _VENUE_LEAD.match(text, pos, sent.end)
        if m and m.end() > pos:
            pos, moved = m.end(), True
        if not moved:
            break
    tail_end = pos
    that = _THAT.match(text, pos, sent.end)
    if that and _RELATIVE.match(text, that.end(), sent.end):
        return None  # "wrote in a statement that was published …": a relative clause
    if that:
        pos = that.end()
    elif lemma not in _BARE_CLAUSE and lemma not in CHARACTERIZE_FORMS.values():
        return None
    end = sent.end
    split = (
        _SPLIT.search(text, pos, end)
        if text.find("and", pos, end) >= 0
        or text.find(";", pos, end) >= 0
        or text.find("according to", pos, end) >= 0
        else None
    )
    if split:
        end = split.start()
    content = _trim(text, pos, end)
    if _words(text, *content) < 3 and lemma not in CHARACTERIZE_FORMS.values():
        return None
    quoted = any(r.start >= content[0] and r.end <= content[1] + 1 for r in regions)
    if lemma in CHARACTERIZE_FORMS.values() and not quoted:
        return None
    characterize = lemma in CHARACTERIZE_FORMS.values()
    if text[pos : pos + 1] in ".,;" or not (that or characterize or _starts_clause(text, pos, end)):
        return None
    if lemma == "add" and not that and _QUANTITY.match(text, pos, end):
        return None  # "the economy added 255,000 jobs"
    if lemma in _OBJECT_PRONE and not that and not _reads_as_clause(text, pos, end):
        return None  # "wrote a children's book", "pledged $10 million"
    # The speaker last: the content checks above are cheaper and reject most cues.
    lo = sent.start
    for sep in (";", ":"):
        k = text.rfind(sep, sent.start, cue.start())
        lo = max(lo, k + 1)
    np = speaker_before(text, lo, cue.start(), word, time_spans, prev.np if prev else None)
    if np is None:
        return None
    conf = 0.8 if np.pronoun or text[np.start].isupper() else 0.65
    return Candidate([content], cue.start(), cue.end(), np, conf, (cue.end(), tail_end), "forward")
