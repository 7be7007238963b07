"""Temporal engine: expressions anchored to the document creation time (DCT)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.extract.temporal import Timex, tag

TUE = date(2024, 10, 29)  # a Tuesday


def only(text: str, dct: date) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        ("The minister said Tuesday that talks failed.", TUE, "Tuesday", "2024-10-29"),
        ("The minister said Monday that talks failed.", TUE, "Monday", "2024-10-28"),
        ("The envoy told reporters Friday it was over.", TUE, "Friday", "2024-10-25"),
        ("The two leaders will meet on Wednesday in Oslo.", TUE, "Wednesday", "2024-10-30"),
        ("The vote is scheduled for Thursday.", TUE, "Thursday", "2024-10-31"),
        ("They hope to finish by next Friday.", TUE, "next Friday", "2024-11-01"),
        ("The plant closed last Tuesday for repairs.", TUE, "last Tuesday", "2024-10-22"),
        # across a month boundary
        ("Officials said Wednesday the road was shut.", date(2024, 11, 1), "Wednesday",
         "2024-10-30"),
        # across a year boundary, both directions
        ("The company said Monday it would appeal.", date(2025, 1, 2), "Monday", "2024-12-30"),
        ("The delegation will travel on Friday.", date(2024, 12, 30), "Friday", "2025-01-03"),
    ],
)  # fmt: skip
def test_weekdays_follow_tense(text: str, dct: date, span: str, value: str) -> None:
    t = only(text, dct)
    assert (t.text, t.type, t.value) == (span, "DATE", value)


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("He resigned yesterday.", date(2024, 3, 1), "2024-02-29"),  # leap day
        ("She arrives tomorrow.", date(2023, 2, 28), "2023-03-01"),
        ("The court ruled today.", TUE, "2024-10-29"),
        ("It rained overnight in the capital.", TUE, "2024-10-29"),
    ],
)
def test_relative_days(text: str, dct: date, value: str) -> None:
    assert only(text, dct).value == value


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        ("Prices rose last week.", date(2024, 10, 28), "last week", "2024-W43"),  # a Monday
        # the ISO week of 30 Dec 2024 belongs to 2025
        ("Prices rose last week.", date(2025, 1, 6), "last week", "2025-W01"),
        ("Markets were calm this week.", date(2023, 1, 1), "this week", "2022-W52"),
        ("The ruling is expected early next week.", TUE, "early next week", "2024-W45"),
        ("Exports fell last month.", date(2024, 3, 31), "last month", "2024-02"),
        ("Rates rise next month.", date(2024, 12, 15), "next month", "2025-01"),
        ("Output grew last year.", TUE, "last year", "2023"),
        ("The plant opened earlier this year.", TUE, "earlier this year", "2024"),
        ("The bridge collapsed two years ago.", TUE, "two years ago", "2022"),
        ("The fire started three days ago.", TUE, "three days ago", "2024-10-26"),
        ("The mayor was elected six months ago.", TUE, "six months ago", "2024-04"),
        ("Rebels attacked the base over the weekend.", date(2024, 10, 28), "the weekend",
         "2024-W43-WE"),
    ],
)  # fmt: skip
def test_relative_weeks_months_years(text: str, dct: date, span: str, value: str) -> None:
    t = only(text, dct)
    assert (t.text, t.value) == (span, value)


def test_early_next_week_carries_start_mod() -> None:
    assert only("The ruling is expected early next week.", TUE).mod == "START"


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The new law will take effect in January.", date(2024, 12, 10), "2025-01"),
        ("Sales fell sharply in January.", date(2024, 12, 10), "2024-01"),
        ("The pact he signed in June still holds.", TUE, "2024-06"),
        ("The summit will be held in December.", TUE, "2024-12"),
        ("Kyiv's forces invaded in August.", TUE, "2024-08"),
        ("The killing happened on Oct. 23 at dusk.", date(2025, 4, 10), "2024-10-23"),
        ("The tax is due on Jan. 14 for most filers.", date(2025, 1, 5), "2025-01-14"),
    ],
)
def test_months_without_a_year(text: str, dct: date, value: str) -> None:
    assert only(text, dct).value == value


def test_datetime_dct_is_accepted() -> None:
    assert only("He spoke Monday.", datetime(2024, 10, 29, 18, 30)).value == "2024-10-28"


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("Polls close at 8 p.m. in the east.", "8 p.m.", "TIME", "2024-10-29T20:00"),
        ("The blast hit at 10:35 a.m. Friday near the port.", "10:35 a.m. Friday", "TIME",
         "2024-10-25T10:35"),
        ("Police said this morning that two were held.", "this morning", "TIME",
         "2024-10-29TMO"),
        ("Shelling resumed last night.", "last night", "TIME", "2024-10-28TNI"),
        ("Crowds gathered Monday night outside.", "Monday night", "DATE", "2024-10-28TNI"),
        ("The team plays tonight.", "tonight", "TIME", "2024-10-29TNI"),
        ("The deadline passed at noon Thursday.", "noon Thursday", "TIME",
         "2024-10-24T12:00"),
    ],
)  # fmt: skip
def test_times_of_day(text: str, span: str, type_: str, value: str) -> None:
    t = only(text, TUE)
    assert (t.text, t.type, t.value) == (span, type_, value)


def test_anaphora_uses_the_last_mentioned_day() -> None:
    text = "The envoy arrived on March 3, 2021. The next day he met the king."
    assert [t.value for t in tag(text, TUE)] == ["2021-03-03", "2021-03-04"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a plan in the past perfect was overtaken: the day is behind the DCT
        ("The offer had been due to expire Friday evening.", "2024-10-25TEV"),
        ("The tender had been scheduled to expire Friday.", "2024-10-25"),
        ("They had planned to meet Friday.", "2024-10-25"),
        # present perfect and plain passive plans still look ahead
        ("The vote has been scheduled for Friday.", "2024-11-01"),
        ("The vote was scheduled to take place Friday.", "2024-11-01"),
    ],
)
def test_past_perfect_plans_look_back(text: str, value: str) -> None:
    assert only(text, TUE).value == value


def test_titles_and_abbreviations_do_not_end_the_sentence() -> None:
    # "vs." and "Ala." inside the sentence: the verb at its end still sets the tense
    text = (
        "In January, a week after the anniversary of the Roe vs. Wade decision, a "
        "bombing in Birmingham killed a guard."
    )
    assert tag(text, date(1998, 10, 25))[0].value == "1998-01"


def test_a_verb_before_a_title_still_sets_the_tense() -> None:
    assert only("The plan will be presented by Dr. Smith on Friday.", TUE).value == "2024-11-01"
