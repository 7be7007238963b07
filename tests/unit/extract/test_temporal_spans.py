"""Temporal engine: what is (not) a time expression, span boundaries and offsets."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from timeline.extract.temporal import tag

DCT = date(2024, 10, 29)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea has sent about 10,000 troops to Russia.",
        "More than 600,000 soldiers have been killed or wounded.",
        "The army moved 1,500 tanks to the border.",
        "The ministry sent 2000 troops and 300 doctors.",
        "Flight 1549 landed safely.",
        "The statue cost $1990 to restore.",
        "Talks may resume if both sides agree.",
        "Theresa May said the plan would fail.",
        "Thousands march on the capital to protest.",
        "She is a 13-year-old student from Lyon.",
        "The man, 52 years old, was arrested.",
        "This Week With George was taped early.",
        "He worked as a business day trader.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Elections were held in May.", "2024-05"),
        ("Parliament will return on May 5 for a vote.", "2025-05-05"),
        ("The deal was struck in May 2023.", "2023-05"),
        ("Troops left in 1990.", "1990"),
        ("The 1996 campaign was long.", "1996"),
    ],
)
def test_ambiguous_words_that_are_dates(text: str, value: str) -> None:
    assert [t.value for t in tag(text, DCT)] == [value]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The envoy arrived on Tuesday.", "Tuesday"),  # no preposition
        ("Prices fell in the past three months.", "the past three months"),  # determiner in
        ("The ruling is due early next week.", "early next week"),  # modifier in
        ("Troops will stay over the next several weeks.", "the next several weeks"),
        ("The plan was agreed since the February 2022 summit.", "February 2022"),
        ("Markets slid late yesterday.", "late yesterday"),
    ],
)
def test_span_boundaries(text: str, span: str) -> None:
    assert [t.text for t in tag(text, DCT)] == [span]


def test_offsets_sorted_and_non_overlapping_in_a_paragraph() -> None:
    text = (
        "İstanbul — Officials said Monday that the talks, first held in June, would resume "
        "next week. Over the past decade trade doubled; it fell 3% in the third quarter "
        "and rose again last month.\n\nThe vote is set for Nov. 5, 2024, at 8 p.m."
    )
    found = tag(text, DCT)
    assert [t.text for t in found] == [
        "Monday", "June", "next week", "the past decade", "the third quarter",
        "last month", "Nov. 5, 2024", "8 p.m.",
    ]  # fmt: skip
    for t in found:
        assert text[t.start : t.end] == t.text
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_empty_and_timeless_text() -> None:
    assert tag("", DCT) == []
    assert tag("The cat sat on the mat.", DCT) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("Families split by post-1959 politics.", "post-1959", "1959", "AFTER"),
        ("Output is back to pre-1990 levels.", "pre-1990", "1990", "BEFORE"),
    ],
)
def test_pre_and_post_years(text: str, span: str, value: str, mod: str) -> None:
    (t,) = tag(text, DCT)
    assert (t.text, t.type, t.value, t.mod) == (span, "DATE", value, mod)


def test_post_before_a_noun_is_not_a_time() -> None:
    assert tag("They built a post-war order.", DCT) == []
