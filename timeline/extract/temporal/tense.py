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

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[.;!?\n]")

_PAST_WORDS = frozenset({
    "said", "told", "was", "were", "had", "did", "ago", "earlier", "last", "yesterday",
    "made", "came", "went", "took", "gave", "met", "left", "began", "saw", "got", "found",
    "held", "sent", "won", "lost", "fell", "rose", "became", "brought", "thought",
    "spoke", "wrote", "paid", "sold", "bought", "struck", "led", "ran", "kept", "felt",
    "heard", "stood", "knew", "grew", "fought", "caught", "built", "spent", "shot",
    "broke", "chose", "drove", "flew", "sought", "fled", "slid", "won't've", "hit",
    "quit", "withdrew", "overtook", "swore", "stole", "sank", "seized", "says", "wasn't",
    "weren't", "didn't", "hadn't", "since", "previously", "recently", "already", "been",
    "former", "late",
})  # fmt: skip

_FUTURE_WORDS = frozenset({
    "will", "'ll", "shall", "won't", "next", "upcoming", "tomorrow", "would", "wouldn't",
    "plans", "plan", "planning", "intends", "aims", "hopes", "until",
    "soon", "forthcoming", "pending", "awaiting", "future", "might", "may", "could",
})  # fmt: skip

# Words that are future markers only when followed by "to": "expected to meet".
_TO_FUTURE = frozenset({
    "expected", "scheduled", "set", "due", "slated", "supposed", "poised", "going",
    "planned", "likely", "ready", "about", "yet", "bound",
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


def _classify(tokens: list[str], i: int, leftwards: bool) -> str | None:
    """Tense signalled by ``tokens[i]`` (with its neighbours), or None."""
    tok = tokens[i]
    if tok in _FUTURE_WORDS:
        return FUTURE
    if tok in _TO_FUTURE:
        if i + 1 < len(tokens) and tokens[i + 1] == "to":
            return FUTURE
        return None
    if tok in _PAST_WORDS:
        if tok == "been" and i > 0 and tokens[i - 1] in ("will", "would", "'ll"):
            return FUTURE
        return PAST
    if len(tok) > 4 and tok.endswith("ed") and tok not in _ED_NEUTRAL:
        # "will be released Monday": a participle after "be" is not a past tense.
        prev = tokens[i - 1] if i > 0 else ""
        prev2 = tokens[i - 2] if i > 1 else ""
        if prev == "be" or (prev2 == "be" and prev.endswith("ly")):
            return FUTURE if prev2 in ("will", "'ll", "to", "would") or prev2 == "be" else None
        return PAST
    return None


def tense_at(lower: str, start: int, end: int) -> str | None:
    """Tense of the clause around ``lower[start:end]``: ``"past"``, ``"future"`` or None.

    ``lower`` is the lower-cased document.
    """
    left = _WORD.findall(lower, max(0, start - _LEFT_WINDOW), start)
    right = _WORD.findall(lower, end, end + _RIGHT_WINDOW)
    # Clip to the current sentence (a "." followed by a space ends it; abbreviations
    # such as "Gen." cost us some context, which is acceptable).
    for k in range(len(left) - 1, -1, -1):
        if left[k] in (";", "!", "?", "\n") or (left[k] == "." and k < len(left) - 1):
            left = left[k + 1 :]
            break
    for k, tok in enumerate(right):
        if tok in (".", ";", "!", "?", "\n"):
            right = right[:k]
            break
    left_hit: tuple[int, str] | None = None
    for dist, i in enumerate(range(len(left) - 1, max(-1, len(left) - 1 - _MAX_LEFT), -1)):
        t = _classify(left, i, True)
        if t is not None:
            left_hit = (dist, t)
            break
    right_hit: tuple[int, str] | None = None
    for dist, i in enumerate(range(min(len(right), _MAX_RIGHT))):
        t = _classify(right, i, False)
        if t is not None:
            right_hit = (dist, t)
            break
    if left_hit and (right_hit is None or left_hit[0] <= right_hit[0] + 3):
        return left_hit[1]
    if right_hit:
        return right_hit[1]
    return None
