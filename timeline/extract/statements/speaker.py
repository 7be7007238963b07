"""Find the speaker mention next to a cue, and resolve it to a canonical entity.

The speaker span is the mention the attribution rests on ("she" in "she
added", "The NATO secretary general"), which is what PolNeAR annotates and
what a reader checks; the canonical name comes from the entity mentions
inside it or, for pronouns, from the last compatible speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from timeline.extract.entities.lexicon import TITLE_WORDS
from timeline.extract.statements.cues import (
    INTERVENING,
    INTERVENING_WORDS,
    NP_BOUNDARY,
    PRONOUNS,
    SIMPLE_TIME,
    TAIL_WORDS,
)
from timeline.extract.statements.speaker_words import (
    ABBREVIATED,
    AUX,
    DETERMINERS,
    GROUP_NOUNS,
    NOT_HEAD,
    POSTMOD_PREPS,
    PRONOMINAL,
    QUANTIFIERS,
    SENTENCE_STARTERS,
)
from timeline.extract.text import ends_with, last_token

# "E! News", "Yahoo! Finance": an exclamation mark inside a brand keeps the name whole.
_WORD = re.compile(r"[\w][\w.'’&-]*(?:!(?=\s[A-Z]))?|[^\w\s]")
_TIME_TAIL = re.compile(r"\s+(?:" + SIMPLE_TIME.pattern + r")\s*$")
_DASH_TAIL = re.compile(r"\s+(?:--?|[—–―])\s+[^—–―]{2,80}?\s+(?:--?|[—–―])\s*$")
_PRIOR_CUE = re.compile(
    r"\s(?:said|says|told|added|wrote|writes|explained|noted|argued|insisted)\s*,\s*$"
)
_APPOSITIVE_OPEN = re.compile(r",([^,]{2,90})$")
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_APPOSITIVE_TAIL = re.compile(r",([^,]{2,90}),\s*$")
_RIGHT_NP = re.compile(
    r"\s+((?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’&-]*(?:!(?=\s[A-Z]))?|[a-z][\w'’-]*)"
    r"(?:\s+(?:[A-Z0-9][\w.'’&-]*(?:!(?=\s[A-Z]))?|[a-z][\w'’-]*)){0,6}?)"
    r"(?=\s*(?:[,.;:!?(]|$|\s+(?:on|in|at|during|to|of|who|after|before|when|while|\w+day\b)))"
)


# What the end-anchored tail patterns can end with (before trailing spaces).
_TIME_ENDS = ("day", "morning", "afternoon", "evening", "night", "week", "month", "year", "weekend")
_DASHES = frozenset(["-", "—", "–", "―"])
_COORD_ENDS = (",", "and", "but", "also", "then", "later", "again", "quickly", "eventually")


# Clitics that end a pronoun plus auxiliary ("we've", "he'd", "they'll", "I'm").
_CONTRACTIONS = ("n't", "'ve", "'d", "'ll", "'re", "'m")
# Last words no speaker phrase ends with: prepositions and degree words ("a medium for",
# "the most" before an adjectival "telling").
_NOT_FINAL = frozenset(
    {"of", "for", "to", "in", "on", "at", "with", "from", "by", "about", "into", "than"}
    | {"most", "more", "less", "least", "very", "so", "too", "perhaps"}
)


def _is_verb_form(word: str) -> bool:
    """A negated or contracted auxiliary ("couldn't", "we've") inside a phrase."""
    low = word.lower().replace("’", "'")
    return low.endswith(_CONTRACTIONS)


@dataclass(frozen=True, slots=True)
class NP:
    """A speaker phrase: its span and whether it is a pronoun."""

    start: int
    end: int
    pronoun: bool


def np_before(text: str, lo: int, hi: int, time_spans: list[tuple[int, int]]) -> NP | None:
    """The noun phrase that ends right before ``hi`` (the cue), within ``[lo, hi)``."""
    end = hi
    lo = max(lo, hi - 130)  # a speaker phrase is short; never rescan a whole sentence
    for _ in range(4):
        seg = text[lo:end]
        stripped = seg.rstrip()
        # Fast path: most speakers end right before the cue with nothing to trim.
        last_word = stripped[stripped.rfind(" ") + 1 :].lower()
        if last_word.endswith(("n't", "n’t")) and " " in stripped:
            # "the campaign wouldn't say": a negated auxiliary, like "did not", is no speaker.
            stripped = stripped[: stripped.rfind(" ")].rstrip()
            last_word = stripped[stripped.rfind(" ") + 1 :].lower()
        if stripped[-1:].isalpha() and last_word not in TAIL_WORDS:
            end = lo + len(stripped)
            break
        # The tail regexes below are anchored at the end: try each only when the last
        # characters can end a match (a cheap test; most tails need no trimming).
        m = INTERVENING.search(stripped) if last_token(stripped) in INTERVENING_WORDS else None
        if m:
            stripped = stripped[: m.start()]
        t_end = lo + len(stripped)
        for ts, te in time_spans[bisect.bisect_left(time_spans, (lo, -1)) :]:
            if ts > t_end:
                break  # sorted by start: no later span can end at t_end
            if te == t_end:
                stripped = text[lo:ts].rstrip()
                t_end = lo + len(stripped)
        st = _TIME_TAIL.search(stripped) if stripped.endswith(_TIME_ENDS) else None
        if st and st.start() > 0:
            stripped = stripped[: st.start()].rstrip()
        p = _PAREN_TAIL.search(stripped) if stripped.rstrip().endswith(")") else None
        if p:
            stripped = stripped[: p.start()]
        d = _DASH_TAIL.search(stripped) if stripped.rstrip()[-1:] in _DASHES else None
        if d and d.start() > 0:
            stripped = stripped[: d.start()]
        a = _APPOSITIVE_TAIL.search(stripped) if stripped.rstrip().endswith(",") else None
        if a and a.start() > 0 and _opens_appositive(a.group(1)):
            stripped = stripped[: a.start()]
            # A chain: "Greg Raiff, chief executive of X, an aviation consultancy,"
            b = _APPOSITIVE_OPEN.search(stripped)
            if b and b.start() > 0 and b.group(1).strip()[:1].islower():
                stripped = stripped[: b.start()]
        new_end = lo + len(stripped)
        if new_end == end:
            break
        end = new_end
    prior = _PRIOR_CUE.search(text, lo, end) if ends_with(text, lo, end, (",",)) else None
    if prior:
        # "…, Nefzi said, adding …": the speaker of the attribution just before.
        return np_before(text, lo, prior.start(), time_spans)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, end)]
    if not words:
        return None
    last = words[-1][2]
    if last.lower() in PRONOUNS:
        return NP(words[-1][0], words[-1][1], True)
    low = last.lower().replace("’", "'")
    if low.endswith(_CONTRACTIONS):
        # "we've asked", "he'd respond": the pronoun is the speaker, the clitic an auxiliary.
        pron = low[: low.rindex("'")]
        if pron in PRONOUNS:
            return NP(words[-1][0], words[-1][0] + len(pron), True)
        return None
    first_i = _capitalised_np_start(words) if last[0].isupper() else _common_np_start(words)
    if first_i is None:
        return None
    # "a representative to the United Nations in New York": a name inside a post-modifier.
    for _ in range(3):
        if first_i < 2 or words[first_i - 1][2] not in POSTMOD_PREPS:
            break
        head = words[first_i - 2][2]
        if not (head[0].isupper() or head.lower() in TITLE_WORDS or head.lower() in GROUP_NOUNS):
            if first_i >= 3 and head.isalpha() and words[first_i - 3][2].lower() in DETERMINERS:
                first_i -= 3  # "a doctor on the scene": a determined noun takes its modifier
                continue
            break
        sub = words[: first_i - 1]
        k = _capitalised_np_start(sub) if head[0].isupper() else _common_np_start(sub)
        if k is None:
            break
        first_i = k
    head = words[-1][2]
    if (
        head.lower() in NOT_HEAD
        or (head.lower() in DETERMINERS and head.lower() not in PRONOMINAL)
        or (head.islower() and head.endswith("ly"))
    ):
        return None
    if all(w[2].lower() in DETERMINERS for w in words[first_i:]):
        return None
    if (
        low in _NOT_FINAL
        and last.islower()
        and (first_i < len(words) - 1 or low not in QUANTIFIERS)
    ):
        return None  # "a medium for telling", "the most telling": no speaker ends this way
    if any(_is_verb_form(w[2]) for w in words[first_i:-1]):
        return None  # "you couldn't", "the agency didn't": a speaker phrase holds no verb
    return NP(words[first_i][0], words[-1][1], False)


def _capitalised_np_start(words: list[tuple[int, int, str]]) -> int | None:
    """Start of a name-headed phrase: capitalised words, title words, "of", a determiner."""
    first_i = None
    for i in range(len(words) - 1, max(-1, len(words) - 12), -1):
        w = words[i][2]
        low = w.lower()
        if (
            (w[0].isupper() and low not in SENTENCE_STARTERS)
            or low in TITLE_WORDS
            or (low in ("of", "for", "and") and i > 0 and words[i - 1][2][0].isupper())
        ):
            first_i = i
        elif low in DETERMINERS:
            if low != "that" or first_i is None:
                first_i = i  # "that Samsung announced": a complementizer, not a determiner
            break
        else:
            break
    if first_i is not None and words[first_i][2].lower() in ("of", "for", "and"):
        first_i += 1
    return first_i


def _common_np_start(words: list[tuple[int, int, str]]) -> int | None:
    """Start of a common-noun phrase ("the company", "a spokesman for the campaign")."""
    first_i = None
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        w = words[i][2]
        if not w[0].isalnum():
            break
        if w.lower() in NP_BOUNDARY and not (w.lower() in ("of", "for") and i > 0):
            break
        first_i = i
    while (
        first_i is not None and first_i < len(words) and words[first_i][2].lower() in ("of", "for")
    ):
        first_i += 1
    return first_i if first_i is not None and first_i < len(words) else None


_COMMA = re.compile(r",\s+")
_PARTICIPLE_START = re.compile(r"\s*(?:\w+ly\s+)?[a-z]+ing\b")
_SUBJECT_LEAD = re.compile(
    r"(?:(?:[Bb]ut|[Aa]nd|[Oo]r|[Ww]hile|So|Yet|Still|Meanwhile|However|Instead|Later|Earlier|"
    r"Now|Then|Also)\b,?\s+)?"
    r"(?:(?:On|In|At|During|After|Before|Last|This|Since|For|With)\b[^,]{1,40},\s+)?"
)
_VERBISH = re.compile(
    r"\s+(?:[a-z]+(?:ed|es)|has|had|have|is|was|were|are|will|would|did|"
    r"does|do|can|could|may|might|must|should|said|says|told|made|took|"
    r"went|came|gave|got|won|lost|ran|met|led|held|kept|left|put|set|saw|"
    # present-tense verbs that typically follow a plural subject ("strategists fear …")
    r"say|tell|warn|argue|fear|believe|think|worry|hope|expect|want|know|feel|claim|"
    r"insist|suggest|note|predict|contend|maintain|agree|disagree)\b"
)


_COORD_TAIL = re.compile(
    r"(?:,?\s+(?:and|but)|,)(?:\s+(?:also|then|later|again|quickly|eventually))?\s*$"
)


def speaker_before(
    text: str,
    lo: int,
    cue_start: int,
    cue_word: str,
    time_spans: list[tuple[int, int]],
    prev: NP | None = None,
) -> NP | None:
    """The speaker of a cue from the text before it, whatever the clause shape.

    "X met survivors and said …" and "…, saying …" take the subject of the clause
    (or of the previous attribution in the sentence); otherwise the noun phrase
    right before the cue.
    """
    coord = (
        _COORD_TAIL.search(text, lo, cue_start)
        if ends_with(text, lo, cue_start, _COORD_ENDS)
        else None
    )
    if coord is not None and (" and" in coord.group() or " but" in coord.group()):
        # "A group called for a boycott, and the League denounced it and said …": a subject
        # after the previous speaker starts a new clause with its own speaker.
        subject = np_subject(text, lo, coord.start(), time_spans)
        if subject is not None and (prev is None or subject.start >= prev.end):
            return subject
        return prev or subject
    if cue_word.endswith("ing") and coord is not None:
        return np_subject(text, lo, cue_start, time_spans) or prev
    if cue_word.endswith("ing") and ends_with(text, lo, cue_start, (" for", " of")):
        # "She mocked him for calling himself …", "he accused them of asking …": the
        # subject of the clause reports the words; "for"/"of" never ends a speaker phrase.
        return np_subject(text, lo, cue_start, time_spans)
    return np_before(text, lo, cue_start, time_spans)


def np_subject(text: str, lo: int, hi: int, time_spans: list[tuple[int, int]]) -> NP | None:
    """The subject of the clause before a participle ("Trump attacked it, saying …").

    Tries the sentence start and each point after a comma, and keeps the last one
    where a noun phrase is directly followed by a verb: in "Amid the outcry, The
    Blaze's Matt Walsh defended it, saying …" that is "The Blaze's Matt Walsh".
    """
    prior = _PRIOR_CUE.search(text, lo, hi)
    if prior:  # "…, Nefzi said, adding …"
        return np_before(text, lo, prior.start(), time_spans)
    starts = [lo] + [m.end() for m in _COMMA.finditer(text, lo, hi)]
    for start in reversed(starts):
        lead = _SUBJECT_LEAD.match(text, start, hi)
        s = lead.end() if lead else start
        if _PARTICIPLE_START.match(text, s, hi):
            continue  # "describing the son as a hero but …" is itself a participle clause
        verb = _VERBISH.search(text, s, hi)
        if verb is None:
            continue
        np = np_before(text, s, verb.start(), time_spans)
        if np is not None:
            return np
    return None


def _opens_appositive(segment: str) -> bool:
    """Whether a comma-delimited segment reads as an appositive or relative clause."""
    first = segment.strip().split(" ", 1)[0].lower()
    if _PRIOR_CUE.search(segment + ","):
        return False
    return (
        first in DETERMINERS
        or first.startswith(("who", "which"))
        or first in ("along", "together", "like", "as", "including", "himself", "herself")
        or first.replace("-", "").isalpha()
        # a possessive opens one too: "Ruiz, Acme's head of sales, said"
        or (first.endswith(("'s", "’s")) and first[:-2].replace("-", "").isalpha())
        or first.isdigit()  # an age: "Khizr Khan, 66, said"
    )


_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"today", "yesterday", "tonight", "earlier", "later", "last", "this", "next", "recently"}
)


def _sentence_period(word: str) -> bool:
    """Whether the period ending ``word`` ends a sentence: not "U.S.", "Mr.", "Inc." or "J."."""
    bare = word[:-1]
    return (
        len(bare) > 1
        and "." not in bare
        and bare.lower() not in ABBREVIATED
        and bare.lower() not in ("inc", "co", "corp", "ltd", "jr", "sr", "bros", "no")
    )


def np_after(text: str, pos: int, limit: int) -> NP | None:
    """An inverted speaker right after the cue ("said Cruz", "said the former senator")."""
    m = _RIGHT_NP.match(text, pos, limit)
    if not m:
        return None
    phrase = m.group(1)
    first = phrase.split(" ", 1)[0]
    if first.lower() in _TIME_WORDS:
        return None  # "…,” Mayer, the chairman, said Tuesday at …": a date, not a speaker
    if first.lower() in PRONOUNS:
        if first.lower() not in ("he", "she", "they", "we", "i"):
            return None  # "said it …" opens a clause
        return NP(m.start(1), m.start(1) + len(first), True)
    words = phrase.split()
    # "said pollster Frank Luntz", "said master of ceremonies Ana Diaz", "said several observers"
    if (
        not (first[0].isupper() or first.lower() in ("the", "a", "an"))
        and not (any(w[:1].isupper() for w in words[1:]) and not first.endswith("ly"))
        and not (first.lower() in QUANTIFIERS and len(words) <= 4)
    ):
        return None
    if first.lower() in NP_BOUNDARY or first.lower() in ("that", "this"):
        return None
    if any(w in AUX for w in phrase.lower().split()):
        return None  # "said the flag was removed": a clause, not a speaker
    end = m.end(1)
    if phrase.endswith(".") and _sentence_period(words[-1]):
        end -= 1  # "…, says the WHO." : the period ends the sentence, not the name
        words[-1] = words[-1][:-1]
    if text[end : end + 1] == "." and (words[-1].lower() in ABBREVIATED or len(words[-1]) == 1):
        # "said Mr. Trump": the phrase goes on after the abbreviation's period.
        rest = _RIGHT_NP.match(text, end + 1, min(len(text), end + 120))
        if rest is None or any(w in AUX for w in rest.group(1).lower().split()):
            return None
        end = rest.end(1)
        if re.search(r"['’]s\s", rest.group(1)):
            return None  # "said Ms. Brainard's donations …": a clause
    return NP(m.start(1), end, False)
