"""Word lists the speaker phrase finder reads (timeline.extract.statements.speaker)."""

from __future__ import annotations

DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "this",
        "that",
        "these",
        "those",
        "one",
        "another",
    ]
)
POSTMOD_PREPS = frozenset(["in", "to", "for", "at", "from", "of", "with", "on"])
GROUP_NOUNS = frozenset(
    [
        "officials",
        "experts",
        "analysts",
        "critics",
        "supporters",
        "aides",
        "sources",
        "people",
        "voters",
        "lawmakers",
        "members",
        "leaders",
        "residents",
        "authorities",
        "observers",
        "activists",
        "advocates",
        "opponents",
    ]
)
# Determiners that also stand alone as a speaker ("One says …", "another said").
PRONOMINAL = frozenset({"one", "another", "these", "those"})
QUANTIFIERS = frozenset(
    {"several", "many", "some", "two", "three", "four", "five", "other", "others", "most"}
    | {"both", "one", "another", "few"}
)
ABBREVIATED = frozenset(
    {"mr", "ms", "mrs", "dr", "gen", "sen", "rep", "gov", "lt", "col", "st", "prof", "rev"}
)
AUX = frozenset(
    [
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "has",
        "had",
        "have",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "did",
        "does",
        "do",
        "not",
    ]
)
SENTENCE_STARTERS = frozenset(
    ["but", "and", "so", "yet", "still", "however", "meanwhile", "then", "also"]
)
NOT_HEAD = frozenset(
    [
        "widely",
        "long",
        "often",
        "also",
        "generally",
        "commonly",
        "reportedly",
        "who",
        "whom",
        "it's",
        "there",
        "here",
        "now",
        "today",
        "yesterday",
    ]
)
# A speaker phrase to the right of the cue ("said Cruz", "said the report").
