"""Date labels say no more than the data knows (timeline/web/dates.py; dates.js mirrors it)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.web.dates import date_label

D = dt.date


@pytest.mark.parametrize(
    ("precision", "start", "end", "label"),
    [
        ("day", D(2024, 10, 30), D(2024, 10, 30), "30 Oct 2024"),
        ("week", D(2024, 10, 21), D(2024, 10, 27), "week of 21 Oct 2024"),
        ("month", D(2024, 6, 1), D(2024, 6, 30), "June 2024"),
        ("season", D(2024, 6, 1), D(2024, 8, 31), "Summer 2024"),
        ("season", D(2024, 12, 1), D(2025, 2, 28), "Winter 2024–25"),
        ("quarter", D(2024, 7, 1), D(2024, 9, 30), "Q3 2024"),
        ("year", D(2024, 1, 1), D(2024, 12, 31), "2024"),
        ("decade", D(2020, 1, 1), D(2029, 12, 31), "2020s"),
        ("century", D(2000, 1, 1), D(2099, 12, 31), "21st century"),
    ],
)
def test_date_label_matches_precision(precision: str, start: D, end: D, label: str) -> None:
    assert date_label(precision=precision, start=start, end=end) == label


def test_undated_items_say_when_they_were_reported() -> None:
    label = date_label(precision="unknown", start=None, end=None, sort_date=D(2024, 10, 29))

    assert label == "Date unknown (reported 29 Oct 2024)"
