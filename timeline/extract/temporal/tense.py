"""Past/future heuristics for underspecified expressions ("Monday", "in June").

News text names weekdays and months without a year or week; whether "Wednesday" is
the one before or after the publication date depends on the verb around it.  Without a
POS tagger we look for the nearest tense marker in the same sentence, preferring the
left side ("said Monday", "will meet on Wednesday") and falling back to the right
("Monday, officials confirmed ...").
"""

from __future__ import annotations

import re

PAST = "past"
FUTURE = "future"

_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?|'ll")

_PAST_WORDS = frozenset({
    "said", "told", "was", "were", "had", "did", "ago", "earlier", "last", "yesterday",
    "made", "came", "went", "took", "gave", "met", "left", "began", "saw", "got", "found",
    "held", "sent", "won", "lost", "fell", "rose", "became", "brought", "thought",
    "spoke", "wrote", "paid", "sold", "bought", "struck", "led", "ran", "kept", "felt",
    "heard", "stood", "knew", "grew", "fought", "caught", "built", "spent", "shot",
    "broke", "chose", "drove", "flew", "sought", "fled", "slid", "won't've", "hit",
    "quit", "withdrew", "overtook", "swore", "stole", "sank", "seized", "says", "wasn't",
    "weren't", "didn't", "hadn't", "since", "previously", "recently", "already", "been",
    "former", "has", "have", "hasn't", "haven't",
})  # fmt: skip

_FUTURE_WORDS = frozenset({
    "will", "'ll", "won't", "next", "upcoming", "tomorrow", "until", "would", "wouldn't",
    "soon", "forthcoming", "pending", "awaiting", "future", "shall",
})  # fmt: skip

# Words that are future markers only when followed by "to": "expected to meet".
_TO_FUTURE = frozenset({
    "expected", "scheduled", "set", "due", "slated", "supposed", "poised", "going",
    "planned", "likely", "ready", "about", "yet", "bound", "plans", "plan", "planning",
    "intends", "intend", "aims", "hopes", "hope", "expects", "expect", "agreed", "agree",
    "wants", "want", "seeks", "seek", "promised", "vowed", "pledged", "threatened",
    "is", "are",
})  # fmt: skip

# Verbs of _TO_FUTURE that are plain past tenses when "to" does not follow them.
_PAST_UNLESS_TO = frozenset({
    "agreed", "promised", "vowed", "pledged", "threatened",
})  # fmt: skip

# -ed words that are not (reliable) past-tense verbs.
_ED_NEUTRAL = frozenset({
    "red", "bed", "need", "speed", "seed", "feed", "breed", "creed", "greed", "deed",
    "weed", "indeed", "hundred", "shed", "shred", "wed", "embed", "proceed", "exceed",
    "succeed", "heed", "united", "limited", "based", "related", "concerned", "interested",
    "armed", "detailed", "advanced", "alleged", "called", "supposed", "expected",
    "scheduled", "planned", "proposed", "unidentified", "unnamed", "named", "elected",
    "appointed", "sacred", "naked", "wicked", "rugged", "beloved", "learned", "aged",
    "skilled", "talented", "renewed", "increased", "reduced", "improved", "reported",
    "unprecedented", "divided", "mixed", "tired", "continued", "combined", "extended",
    "used", "ed", "ted", "fred", "ned", "med", "sled", "bled", "led",
})  # fmt: skip

_LEFT_WINDOW = 160
_RIGHT_WINDOW = 110
_MAX_LEFT = 14
_MAX_RIGHT = 9
_FRONTED_WINDOW = 220
_MAX_FRONTED = 24
# A sentence ends at . ! ? (plus closing quotes) followed by a space and a capital or
# an opening quote; "U.S. officials" and "N.J., airport" do not end one, and neither
# do titles and abbreviations before a name ("said Mr. Bush", "Roe vs. Wade",
# "U.S. Secretary").
_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt",
    "Capt", "Cmdr", "Adm", "Maj", "Prof", "Rev", "Jr", "Sr", "vs", "Mt", "Ft", "No",
)  # fmt: skip
# (checked after the full stop, so the scan still jumps from one [.!?;\n] to the next)
_NOT_ABBREVIATION = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
SENTENCE_END = re.compile(
    rf"[.!?]{_NOT_ABBREVIATION}[\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c'`])|[;\n]"
)

_DETS = frozenset({
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these",
    "those", "still", "yet", "as",
})  # fmt: skip

# Words that open a new clause: tense markers after them belong to another verb.
_CLAUSE_BREAK = frozenset({
    "that", "which", "who", "whom", "whose", "because", "while", "although", "though",
    "if", "unless", "whereas", "where", "when",
})  # fmt: skip
_FRONT_PREPS = frozenset({
    "until", "till", "by", "on", "since", "from", "and", "but", "so", "in",
})  # fmt: skip

# Participles that follow "is"/"are"/"be" in the passive: "is heard in May".
_BE = frozenset({"is", "are", "be", "being", "am", "'s", "'re"})


def _classify(tokens: list[str], i: int) -> str | None:
    """Tense signalled by ``tokens[i]`` (with its neighbours), or None."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else ""
    prev2 = tokens[i - 2] if i > 1 else ""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if tok == "next" and nxt == "to":
        return None  # "next to the embassy"
    if tok in _FUTURE_WORDS or tok.endswith(("'ll", "\u2019ll")):
        return FUTURE
    if tok == "early" and i + 1 < len(tokens) and tokens[i + 1] == "as" and prev == "as":
        return FUTURE  # "as early as Tuesday"
    if tok in _TO_FUTURE:
        # "had (been) scheduled to expire Friday": a plan in the past perfect was
        # overtaken; the day it named is already behind.
        pluperfect = prev == "had" or (prev == "been" and prev2 == "had")
        if nxt == "to":
            return PAST if pluperfect else FUTURE
        if tok in ("scheduled", "planned", "slated", "due"):
            # "is scheduled Thursday", "has been scheduled for Friday" look ahead,
            # "was scheduled Thursday" and "had been scheduled" look back.
            return PAST if pluperfect or prev in ("was", "were") else FUTURE
        if tok in _PAST_UNLESS_TO and prev not in _BE:
            return PAST  # "agreed on Wednesday to a deal": the agreeing is past
        return None
    passive = prev in _BE or (prev.endswith("ly") and prev2 in _BE)
    if tok in _PAST_WORDS:
        if tok == "been" and prev in ("will", "'ll"):
            return FUTURE
        if passive and tok not in ("was", "were", "had", "did", "said", "ago"):
            return (
                FUTURE
                if (prev2 if prev in _BE else tokens[i - 3] if i > 2 else "")
                in ("will", "'ll", "to")
                else None
            )
        return PAST
    if len(tok) > 4 and tok.endswith("ed") and tok not in _ED_NEUTRAL:
        if prev in _DETS or (prev2 in _DETS and prev.endswith("ly")):
            return None  # "a still unspecified date", "the widely expected cut": adjectives
        # "will be released Monday", "is expected Monday": not a past tense.
        if passive:
            before = prev2 if prev in _BE else (tokens[i - 3] if i > 2 else "")
            return FUTURE if before in ("will", "'ll", "to", "would", "shall") else None
        return PAST
    return None


def tense_at(text: str, lower: str, start: int, end: int, reach: int = _MAX_LEFT) -> str | None:
    """Tense of the sentence around ``text[start:end]``: ``"past"``, ``"future"`` or None.

    ``lower`` is ``text`` lower-cased (same offsets).  ``reach`` limits how many words
    to the left are looked at (the right side is only used with the full reach).
    """
    lo = max(0, start - _LEFT_WINDOW)
    for b in SENTENCE_END.finditer(text, lo, start):
        lo = b.end()
    left = _WORD.findall(lower, lo, start)
    # A fronted adverbial ("In January, a week after the anniversary, a bomb ...")
    # takes the tense of the main clause after it, however long the appositive.
    fronted = len(left) <= 2 and all(w in _FRONT_PREPS for w in left)
    hi = min(len(text), end + (_FRONTED_WINDOW if fronted else _RIGHT_WINDOW))
    b2 = SENTENCE_END.search(text, end, hi)
    if b2:
        hi = b2.start() + 1
    right = _WORD.findall(lower, end, hi)
    left_hit: tuple[int, str] | None = None
    crossed = False  # a clause opener lies between the expression and the left marker
    for dist, i in enumerate(range(len(left) - 1, max(-1, len(left) - 1 - reach), -1)):
        t = _classify(left, i)
        if t is not None:
            left_hit = (dist, t)
            break
        crossed = crossed or left[i] in _CLAUSE_BREAK
    right_hit: tuple[int, str] | None = None
    max_right = (_MAX_FRONTED if fronted else _MAX_RIGHT) if reach >= _MAX_LEFT else 0
    for dist in range(min(len(right), max_right)):
        if right[dist] in _CLAUSE_BREAK:
            break  # "agreed Wednesday to a deal that would ...": another clause
        t = _classify(right, dist)
        if t is not None:
            right_hit = (dist, t)
            break
    if right_hit and fronted:
        # A fronted adverbial ("Until Thursday, they had not ..."): the main clause
        # after it carries the tense.
        return right_hit[1]
    # The verb governing the expression usually comes before it ("said Monday"); a
    # marker after it often belongs to the next clause, so the left side wins unless
    # it is much farther away.
    if right_hit and crossed:
        return right_hit[1]  # "said that on Monday the board will vote"
    if left_hit and (right_hit is None or left_hit[0] <= 2 * right_hit[0] + 6):
        return left_hit[1]
    if right_hit:
        return right_hit[1]
    return None
