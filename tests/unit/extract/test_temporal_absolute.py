"""Temporal engine: calendar dates written out in full (no DCT arithmetic needed)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.temporal import Timex, interval_for_value, tag

DCT = date(2024, 11, 5)


def only(text: str, dct: date = DCT) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The accord was signed on Oct. 29, 2024, in Geneva.", "Oct. 29, 2024", "2024-10-29"),
        ("Talks resumed 29 October 2024 after a pause.", "29 October 2024", "2024-10-29"),
        ("The filing is dated 2024-10-29 in the registry.", "2024-10-29", "2024-10-29"),
        ("Voters go to the polls on 11/05/2024 nationwide.", "11/05/2024", "2024-11-05"),
        ("The treaty of March 3rd, 1999 still holds.", "March 3rd, 1999", "1999-03-03"),
        ("It was signed on Monday, Oct. 28, in Rome.", "Monday, Oct. 28", "2024-10-28"),
        ("The census began on Feb. 29, 2024.", "Feb. 29, 2024", "2024-02-29"),
    ],
)
def test_full_dates(text: str, span: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "DATE", value)
    assert t.precision == "day"
    assert t.date_start == t.date_end == date.fromisoformat(value)


def test_impossible_day_is_not_a_day() -> None:
    assert all(t.value != "2023-02-29" for t in tag("Nothing happened on Feb. 29, 2023.", DCT))


@pytest.mark.parametrize(
    ("text", "span", "value", "precision"),
    [
        ("Prices peaked in October 2024 and fell.", "October 2024", "2024-10", "month"),
        ("since the February 2022 invasion", "February 2022", "2022-02", "month"),
        ("It was July of last year when it began.", "July of last year", "2023-07", "month"),
        ("The dam was finished in 1936 by the state.", "1936", "1936", "year"),
        ("Unrest grew in mid-1996 across the region.", "mid-1996", "1996", "year"),
        ("The 1990s were a calm decade here.", "The 1990s", "199", "decade"),
        ("Music from the '80s is back.", "the '80s", "198", "decade"),
        ("A 20th century novel won.", "20th century", "19", "century"),
    ],
)
def test_months_years_decades(text: str, span: str, value: str, precision: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.precision) == (span, value, precision)


def test_late_decade_keeps_modifier_in_span_and_mod() -> None:
    t = only("The group held power in the late 1970s, historians say.")
    assert (t.text, t.value, t.mod) == ("the late 1970s", "197", "END")


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        ("Third-quarter profit rose 5%.", date(2024, 10, 29), "Third-quarter", "2024-Q3"),
        ("Losses in the fourth quarter of 2023 hurt.", DCT, "the fourth quarter of 2023",
         "2023-Q4"),
        ("Revenue in Q2 2024 grew.", DCT, "Q2 2024", "2024-Q2"),
        ("Sales for the first half of 2024 were flat.", DCT, "the first half of 2024",
         "2024-H1"),
        ("Its budget for fiscal 2025 is larger.", DCT, "fiscal 2025", "2025"),
        ("Profits for the fourth quarter fell.", date(2024, 1, 25), "the fourth quarter",
         "2023-Q4"),
    ],
)  # fmt: skip
def test_quarters_halves_fiscal(text: str, dct: date, span: str, value: str) -> None:
    t = only(text, dct)
    assert (t.text, t.value) == (span, value)


def test_year_ago_quarter_follows_the_reported_quarter() -> None:
    text = "Net income rose in the third quarter. In the year-ago quarter it was lower."
    values = [t.value for t in tag(text, date(2024, 10, 29))]
    assert values == ["2024-Q3", "2023-Q3"]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The dispute will flare again this summer.", date(2024, 3, 10), "2024-SU"),
        ("Snow closed roads in the winter of 2022.", DCT, "2022-WI"),
        ("Work stopped last fall and resumed.", date(2024, 2, 10), "2023-FA"),
        ("Families gather on Christmas Day.", date(2024, 12, 20), "2024-12-25"),
        ("Stores open early on Thanksgiving.", date(2024, 11, 20), "2024-11-28"),
    ],
)
def test_seasons_and_holidays(text: str, dct: date, value: str) -> None:
    assert only(text, dct).value == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-29", (date(2024, 10, 29), date(2024, 10, 29), "day")),
        ("2024-10-29TNI", (date(2024, 10, 29), date(2024, 10, 29), "day")),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("2023-02", (date(2023, 2, 1), date(2023, 2, 28), "month")),
        ("2024-W01", (date(2024, 1, 1), date(2024, 1, 7), "week")),
        ("2020-W53", (date(2020, 12, 28), date(2021, 1, 3), "week")),
        ("2024-W43-WE", (date(2024, 10, 26), date(2024, 10, 27), "week")),
        ("2024-Q3", (date(2024, 7, 1), date(2024, 9, 30), "quarter")),
        ("2024-H2", (date(2024, 7, 1), date(2024, 12, 31), "quarter")),
        ("2024-SU", (date(2024, 6, 1), date(2024, 8, 31), "season")),
        ("2023-WI", (date(2023, 12, 1), date(2024, 2, 29), "season")),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31), "year")),
        ("199", (date(1990, 1, 1), date(1999, 12, 31), "decade")),
        ("19", (date(1900, 1, 1), date(1999, 12, 31), "century")),
        ("PRESENT_REF", None),
        ("P3D", None),
        ("XXXX-WXX-1", None),
        ("2024-13", None),
    ],
)
def test_interval_for_value(value: str, expected: tuple[date, date, str] | None) -> None:
    assert interval_for_value(value) == expected


def test_iso_week_value_and_interval() -> None:
    t = only("The schedule for 2024-W01 is out.")
    assert (t.value, t.date_start, t.date_end, t.precision) == (
        "2024-W01",
        date(2024, 1, 1),
        date(2024, 1, 7),
        "week",
    )
