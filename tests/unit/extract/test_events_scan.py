"""The stem prefilter finds exactly what the full trigger alternation finds."""

from __future__ import annotations

import re

from timeline.extract.events.lexicon import RULES
from timeline.extract.events.scan import scan, stems

_FULL = re.compile(
    "|".join(rf"(?P<{r.name}>(?<![\w-])(?:{r.pattern})(?![\w-]))" for r in RULES), re.IGNORECASE
)

_TEXTS = [
    "Counter-attacks and airstrikes followed the re-election; a by-election and run-offs too.",
    "The cease-fire deal, a memorandum of understanding, was signed. Troops were redeployed.",
    "Protesters marched in March; rallies, sit-ins and a general strike shut the port.",
    "Air defenses shot down drones; UAVs were intercepted. Gunmen crossed the border.",
    "He vowed to retaliate and announced a ban. Rebels captured the town of Kidal.",
    "İstanbul hosted talks. The U.S. imposed sanctions and banned imports of steel.",
]


def test_prefilter_matches_the_full_alternation() -> None:
    for text in _TEXTS:
        full = [(m.lastgroup, m.start(), m.end()) for m in _FULL.finditer(text)]
        fast = [(r.name, s, e) for r, s, e in scan(text)]
        assert fast == full, text


def test_every_rule_has_literal_stems() -> None:
    assert "" not in stems()
    assert {"attac", "summi", "sanct"} <= stems()
