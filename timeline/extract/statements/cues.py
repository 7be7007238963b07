"""Attribution cues: speech and report verbs, and the small words around them.

One compiled alternation finds every cue of a document in a single pass.
Verbs are listed by lemma and inflected here, so adding a verb is one word.
"""

from __future__ import annotations

import re

from timeline.extract.text import trie_pattern


def _words(text: str) -> frozenset[str]:
    """A whitespace-separated word set (kept as prose so the lists stay compact)."""
    return frozenset(text.split())


def _list(text: str) -> list[str]:
    """A whitespace-separated word list."""
    return text.split()


# Lemma -> irregular forms (base, 3sg, past, gerund); regular verbs are inflected below.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "post": ("post", "posts", "posted", "posting"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "label": ("label", "labels", "labeled", "labelled", "labeling"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "deny": ("deny", "denies", "denied", "denying"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "ask": ("ask", "asks", "asked", "asking"),
}

# Verbs that report speech or writing; their content is what was said.
SPEECH_VERBS = _list(
    """say tell add state explain write argue claim note declare announce insist warn reply
    respond remark continue suggest acknowledge admit confirm deny tweet post recall
    conclude emphasize emphasise stress reiterate urge predict caution complain boast joke
    quip concede counter contend maintain observe vow promise pledge allege assert proclaim
    testify report reveal disclose explain ask wonder lament tout estimate indicate
    acknowledge mention affirm assure announce retort scoff muse opine demand shout yell
    exclaim plead interject snap tease mock scold chide recount rebut confide gush brag
    grumble fret hint imply protest reason reassure swear thunder underscore volunteer
    advise concur marvel"""
)

# Verbs whose object carries a quoted or characterised content ("called it “fake”").
CHARACTERIZE_VERBS = _list(
    """call describe characterize characterise dismiss label brand decry refer"""
)


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


# "state(s)" is a noun far more often than a verb ("the United States", "secretary of state").
SPEECH_FORMS: dict[str, str] = {
    f: v for v in SPEECH_VERBS for f in _forms(v) if f not in ("state", "states")
}
CHARACTERIZE_FORMS: dict[str, str] = {f: v for v in CHARACTERIZE_VERBS for f in _forms(v)}

# Multi-word cues first so that "point out" wins over a bare word.
_PHRASES = [
    "according to",
    r"points? out",
    "pointed out",
    "pointing out",
    r"went on to say",
    r"goes on to say",
    r"(?:shot|fired|hit|pushed) back",
    r"chimed in",
]
_WORDS = sorted({*SPEECH_FORMS, *CHARACTERIZE_FORMS}, key=len, reverse=True)
CUE = re.compile(r"\b(?:" + "|".join(_PHRASES + _WORDS) + r")\b", re.IGNORECASE)

# Capitalised cues count only in headline style ("Trump Says …"); "State", "Post" or
# "Report" are names far more often than verbs.
_HEADLINE_FORMS = frozenset(
    [
        "Says",
        "Said",
        "Tells",
        "Told",
        "Warns",
        "Claims",
        "Asks",
        "Asked",
        "Admits",
        "Denies",
        "Insists",
        "Vows",
        "Argues",
        "Urges",
        "Suggests",
        "Confirms",
        "Announces",
        "Declares",
        "Accuses",
        "Slams",
        "Blasts",
        "Calls",
        "Writes",
    ]
)
# The phrases of ``CUE`` spelt out, so that one trie holds every cue: the regex engine then
# tries one branch per letter at each word instead of each phrase in turn.
_PHRASE_FORMS = [
    "according to", "According to", "point out", "points out", "pointed out", "pointing out",
    "went on to say", "goes on to say", "shot back", "fired back", "hit back", "pushed back",
    "chimed in",
]  # fmt: skip
_CUE_FAST = re.compile(
    r"\b(?:" + trie_pattern(sorted(set(_WORDS) | _HEADLINE_FORMS | set(_PHRASE_FORMS))) + r")\b"
)


def find_cues(text: str) -> list[re.Match[str]]:
    """Every cue in ``text``, in order (the trie regex is the fast path of ``CUE``)."""
    return list(_CUE_FAST.finditer(text))


# Present-tense and gerund forms: "says" reports habitual or current speech.
PRESENT_FORMS = frozenset(f for f in SPEECH_FORMS if f.endswith(("s", "ing")) and f != "said")

# Verbs whose first object is the addressee ("told reporters", "assured voters").
ADDRESSEE_VERBS = frozenset(["tell", "assure", "warn", "remind", "urge", "ask", "promise"])

# Pronouns that can be a speaker mention.
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who", "which"])

# Words that end a speaker noun phrase when scanning leftwards from the cue.
NP_BOUNDARY = frozenset(
    [
        "that",
        "which",
        "because",
        "when",
        "while",
        "if",
        "as",
        "after",
        "before",
        "since",
        "though",
        "although",
        "and",
        "but",
        "or",
        "so",
        "then",
        "than",
        "whether",
        "where",
        "how",
        "why",
        "what",
        "whom",
        "unless",
        "until",
        "once",
        "said",
        "says",
        "told",
        "also",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "never",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "about",
        "into",
        "over",
        "under",
        "against",
        "during",
        "without",
        "within",
        "through",
        "across",
        "between",
        "among",
    ]
)

# Day words that date an attribution even when no time expressions were tagged.
SIMPLE_TIME = re.compile(
    r"(?:(?:on|early|late|earlier|later)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|"
    r"(?:last|this)\s+(?:week|month|year|weekend|night)|earlier\s+this\s+(?:week|month|year))\b"
)

# Adverbs and auxiliaries that may sit between a speaker and the cue ("has also said").
_INTERVENING_WORDS = _list(
    """also later previously then again recently once repeatedly publicly privately reportedly
    has have had will would could did does do not never often frequently quickly simply flatly
    further first initially subsequently separately earlier already even only just still long
    since ultimately finally bluntly openly explicitly specifically directly angrily
    immediately tweeted n't insisted famously twice hastily correctly wrongly falsely
    accurately instead"""
)
INTERVENING_WORDS = frozenset(w.lower() for w in _INTERVENING_WORDS)
INTERVENING = re.compile(
    r"(?:\s+(?:" + "|".join(_INTERVENING_WORDS) + r"))+$",
    re.IGNORECASE,
)
# Last words that mean the text before a cue needs trimming before its speaker shows.
TAIL_WORDS = frozenset(_INTERVENING_WORDS) | _words(
    """monday tuesday wednesday thursday friday saturday sunday week weekend month year night
    today yesterday morning afternoon evening earlier later weeks months years days hours
    decades ago january february march april may june july august september october november
    december spring summer fall autumn winter recently currently now tonight time moment"""
)
