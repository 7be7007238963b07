"""Temporal engine: durations, sets and the PRESENT/PAST/FUTURE references."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.temporal import Timex, tag

DCT = date(2024, 10, 29)


def only(text: str) -> Timex:
    found = tag(text, DCT)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Stocks fell in the last twenty four hours.", "the last twenty four hours", "PT24H"),
        ("Troops may arrive over the next several weeks.", "the next several weeks", "PXW"),
        ("The siege lasted three years.", "three years", "P3Y"),
        ("They signed a 10-year lease.", "10-year", "P10Y"),
        ("The talks took two and a half years.", "two and a half years", "P2Y6M"),
        ("He waited 2 1/2 hours for a bus.", "2 1/2 hours", "PT2H30M"),
        ("The hearing ran for 90 minutes.", "90 minutes", "PT90M"),
        ("Prices rose in the past three months.", "the past three months", "P3M"),
        ("Crime fell over the past week.", "the past week", "P1W"),
        ("Wages lost ground in the past decade.", "the past decade", "P10Y"),
        ("Aid will flow within the next year.", "the next year", "P1Y"),
        ("Growth slowed in the last three years.", "the last three years", "P3Y"),
        ("The feud has gone on for years.", "years", "PXY"),
        ("Profits fell in the first nine months.", "the first nine months", "P9M"),
        ("The program ends within a week.", "a week", "P1W"),
        ("Shares slid in recent weeks.", "recent weeks", "PXW"),
        ("Refunds take ten business days.", "ten business days", "P10D"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "DURATION", value)
    assert t.date_start is None
    assert t.precision is None


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("The war has lasted more than a decade.", "more than a decade", "P10Y", "MORE_THAN"),
        ("She spoke for nearly forty minutes.", "nearly forty minutes", "PT40M", "LESS_THAN"),
        ("Detention is allowed for up to 180 days.", "up to 180 days", "P180D",
         "EQUAL_OR_LESS"),
    ],
)  # fmt: skip
def test_duration_modifiers_are_in_span_and_mod(text: str, span: str, value: str, mod: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.mod) == (span, value, mod)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ferry sails every week.", "every week", "P1W"),
        ("Rents are reviewed annually.", "annually", "P1Y"),
        ("The market opens each Monday.", "each Monday", "XXXX-WXX-1"),
        ("Talks are held on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("Briefings are held daily.", "daily", "P1D"),
        ("The pill is taken twice a day.", "twice a day", "P1D"),
        ("Fairs open every July.", "every July", "XXXX-07"),
    ],
)
def test_sets(text: str, span: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "SET", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The rebels now hold the town.", "now", "PRESENT_REF"),
        ("The plant is currently closed.", "currently", "PRESENT_REF"),
        ("The minister recently resigned.", "recently", "PAST_REF"),
        ("Such raids happened in the past.", "the past", "PAST_REF"),
        ("Nobody can predict the future of the region.", "the future", "FUTURE_REF"),
        ("Prices will stay high for the foreseeable future.", "the foreseeable future",
         "FUTURE_REF"),
        ("The firm sold the unit several years ago.", "several years ago", "PAST_REF"),
        ("Piracy has grown in recent years.", "recent years", "PAST_REF"),
        ("Rates should ease in coming months.", "coming months", "FUTURE_REF"),
    ],
)  # fmt: skip
def test_references(text: str, span: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "DATE", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Three days later, the index fell.", "Three days", "P3D"),
        ("A minute and a half later, a pilot called.", "A minute and a half", "PT1M30S"),
        ("He was seen there 10 days before the shooting.", "10 days", "P10D"),
        ("A few weeks later, the talks failed.", "A few weeks", "PXW"),
        ("A day earlier, trucks had crossed.", "A day earlier", "P1D"),
    ],
)
def test_signal_words_after_a_duration(text: str, span: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices will not recover for a couple of years.", "a couple of years", "P2Y"),
        ("Ships could sail within a few days.", "a few days", "PXD"),
        ("The plant will close over the next month or so.", "the next month or so", "P1M"),
        ("Shares may rise over the next two years or so.", "the next two years or so", "P2Y"),
    ],
)
def test_amounts_with_an_article_and_or_so_are_in_span(text: str, span: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "DURATION", value)


@pytest.mark.parametrize(
    "text",
    ["They flew with their 6-month-old son.", "A three-week-old calf was found."],
)
def test_ages_in_months_and_weeks_are_not_durations(text: str) -> None:
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Crime fell over the past year.", "the past year", "2023"),
        ("Taxes rose in the last year.", "the last year", "2023"),
        ("Hate groups grew in the past year.", "the past year", "2023"),
    ],
)
def test_the_past_year_is_the_year_before(text: str, span: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        # rates (a quantity per unit of time) are measure phrases, not times
        "The plan saves $5 billion a year.",
        "The flights add nearly 700 seats a week.",
        "Rooms will cost between $35 and $55 a night.",
        "Sales should rise 8.5% annually.",
        "The plant would produce about 10,000 units annually.",
    ],
)
def test_rates_are_not_sets(text: str) -> None:
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    "text", ["Holders may buy at the then current price.", "The then-current chairman resigned."]
)
def test_then_current_is_the_past(text: str) -> None:
    t = only(text)
    assert (t.type, t.value) == ("DATE", "PAST_REF")


def test_vague_quarters_of_something_are_durations() -> None:
    t = only("It returned to profit after several quarters of losses.")
    assert (t.text, t.type, t.value) == ("several quarters", "DURATION", "PXQ")


def test_three_quarters_of_is_a_fraction() -> None:
    assert tag("Three quarters of the seats went to the ruling party.", DCT) == []
