"""Statement ↔ event links: which event a statement is about, and whether it asserts or denies it.

A statement is about an event when the event's trigger lies in the statement's
content ("officials said [a Russian rocket attack killed one person]"). Its
stance is "denies" when the cue or the characterisation rejects the content
("denied", "dismissed reports about ... as fake news", "characterized ... as
groundless rumors"), "neutral" when it neither confirms nor denies (a
question, "did not deny", a hedge inside the content) and "asserts" otherwise.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache

from timeline.extract.types import Document, ExtractedEvent, ExtractedStatement

ASSERTS = "asserts"
DENIES = "denies"
NEUTRAL = "neutral"

_DENY_CUE = re.compile(
    r"^(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:e|ed|es|ing)|"
    r"disput(?:e|ed|es|ing)|rubbish(?:ed)?|scoff(?:ed|s)?(?: at)?|debunk(?:ed|s)?|"
    r"brush(?:ed|es)? (?:off|aside)|contradict(?:ed|s)?)$",
    re.IGNORECASE,
)
_DENY_WORDS = re.compile(
    r"\b(?:fake news|groundless|baseless|unfounded|false(?:hood)?s?|untrue|lies|lie|"
    r"rumou?rs?|fabricat\w*|disinformation|misinformation|propaganda|nonsense|absurd|"
    r"hoax|not true|never happened|did not happen|no evidence|provocation)\b",
    re.IGNORECASE,
)
_NEUTRAL_CUE = re.compile(
    r"^(?:ask(?:s|ed)?|question(?:s|ed)?|wonder(?:s|ed)?|speculat\w*|declin\w* to|"
    r"would not|refus\w* to)",
    re.IGNORECASE,
)
_NEGATED_CUE = re.compile(r"\b(?:not|n[’']t|never)\s+(?:\w+\s+)?$", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:could|may|might|possibly|reportedly|allegedly|if|whether|unclear)\b", re.IGNORECASE
)


@lru_cache(maxsize=512)
def stance(text: str, s: ExtractedStatement) -> str:
    """The statement's stance towards what its content reports."""
    cue = s.cue.strip()
    negated = _NEGATED_CUE.search(text, max(0, s.cue_start - 20), s.cue_start) is not None
    if _DENY_CUE.match(cue):
        return NEUTRAL if negated else DENIES
    # the characterisation may follow the content: "... as “groundless rumors.”"
    tail_end = text.find("\n", s.quote_end)
    tail = text[s.quote_start : min(s.quote_end + 60, tail_end if tail_end != -1 else len(text))]
    if _DENY_WORDS.search(tail) and not negated:
        return DENIES
    if negated or _NEUTRAL_CUE.match(cue):
        return NEUTRAL
    if _HEDGE.search(text, s.quote_start, s.quote_end):
        return NEUTRAL
    return ASSERTS


def link_statements(
    doc: Document, events: Sequence[ExtractedEvent], statements: Sequence[ExtractedStatement]
) -> list[ExtractedStatement]:
    """Copies of ``statements`` with ``event_index`` and ``stance`` set where an event is inside.

    When a statement's content holds several events the most confident one wins
    (the earliest on ties): the link names what the statement is chiefly about.
    """
    if not events:
        return list(statements)
    # every mention of an event counts ("the deployment" merged into the first report of it)
    mentions = sorted(
        (a, i) for i, ev in enumerate(events) for a, _ in (ev.evidence or ((ev.start, ev.end),))
    )
    order = [i for _, i in mentions]
    starts = [a for a, _ in mentions]
    out = []
    for s in statements:
        best: int | None = None
        for a, b in s.quote_spans or ((s.quote_start, s.quote_end),):
            for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
                i = order[k]
                if best is None or events[i].confidence > events[best].confidence:
                    best = i
                elif events[i].confidence == events[best].confidence:
                    best = min(best, i)
        if best is None:
            out.append(s)
        else:
            out.append(dataclasses.replace(s, event_index=best, stance=stance(doc.text, s)))
    return out
