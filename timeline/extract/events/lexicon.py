"""Trigger lexicon: every rule, and the anchored alternation that tells which one fires.

The rules live in ``rules_conflict`` and ``rules_politics``; this module joins
them into one compiled alternation with a named group per rule (``scan``
runs it only where a trigger can start). The lists are about news of
conflict, diplomacy and politics in general; no entry is keyed to a
particular article.
"""

from __future__ import annotations

import re

from timeline.extract.events.rule import Rule, words
from timeline.extract.events.rules_conflict import CONFLICT
from timeline.extract.events.rules_politics import POLITICS

__all__ = ["RULES", "RULE_BY_NAME", "TRIGGER", "Rule", "words"]

RULES: tuple[Rule, ...] = POLITICS + CONFLICT
RULE_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}

#: Anchored at a word start: which rule's trigger starts here (the group name says which).
TRIGGER = re.compile(
    "(?:" + "|".join(rf"(?P<{r.name}>{r.pattern})" for r in RULES) + r")(?![\w-])",
    re.IGNORECASE,
)
