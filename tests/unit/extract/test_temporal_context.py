"""Temporal engine: past/future decisions from the words around an expression."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.temporal import Timex, tag

WED = date(2024, 10, 30)  # a Wednesday
THU = date(2024, 10, 31)


def only(text: str, dct: date) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # "starting"/"beginning"/"from" + weekday looks ahead, even after a past verb
        ("The navy announced exercises near the coast starting Thursday.", WED,
         "2024-10-31"),
        ("Fares go up beginning Monday, the operator said.", WED, "2024-11-04"),
        ("Checkpoints will be staffed from Saturday.", WED, "2024-11-02"),
        ("Shops reopen from Friday under the new rules.", WED, "2024-11-01"),
        # ... but a "from" in a past sentence stays in the past
        ("Prices had climbed from Monday onwards.", WED, "2024-10-28"),
        # the verb governing the weekday wins over a modal later in the sentence
        ("Both parties agreed on Wednesday to a truce that would halt the shelling.", THU,
         "2024-10-30"),
        ("The council promised Tuesday to publish a plan which will cut fares.", THU,
         "2024-10-29"),
        ("The miners agreed to return to work on Monday.", WED, "2024-11-04"),
        # "next to" is a place, not a future marker
        ("A car bomb went off next to the ministry on Monday.", WED, "2024-10-28"),
        # a fronted "until" phrase: the main clause decides
        ("Until Tuesday, investigators had not named a suspect.", WED, "2024-10-29"),
        # possessive weekdays name events already held unless a marker right before
        # looks ahead
        ("The opposition said it would try to overturn Monday's verdict.", WED,
         "2024-10-28"),
        ("The premier will attend Friday's summit in Rome.", WED, "2024-11-01"),
        ("Shares slipped ahead of Friday's jobs report.", WED, "2024-11-01"),
    ],
)  # fmt: skip
def test_weekday_direction(text: str, dct: date, value: str) -> None:
    assert only(text, dct).value == value
