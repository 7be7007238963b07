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
        # a verb before a clause opener governs the other clause, not the weekday
        ("The spokesman said that on Friday the board will vote.", WED, "2024-11-01"),
        ("Officials who met on Monday will vote later.", WED, "2024-10-28"),
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


@pytest.mark.parametrize(
    "text",
    [
        'Crowds carried placards reading "Noon Against Tyranny" through the square.',
        "The veteran actor starred in High Noon decades before.",
        "She told USA Today the offer was fair.",
        "Athletes arrive for the Winter Games in the Alps.",
        "The museum honours today's youth and tomorrow's leaders.",
        "Engineers build the chips inside today's personal computers.",
        "If I were choosing the people of tomorrow, I would pick them.",
        "For the people of Poland, high noon has arrived.",
    ],
)
def test_names_and_generic_uses_are_not_times(text: str) -> None:
    assert tag(text, WED) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The deadline will expire Noon Thursday.", "Noon Thursday", "2024-10-31T12:00"),
        ("Today the minister resigned.", "Today", "2024-10-30"),
        ("Today's vote decides the budget.", "Today", "2024-10-30"),
        ("The talks resume at noon, officials said.", "noon", "2024-10-30T12:00"),
        ("As of tomorrow, fares rise.", "tomorrow", "2024-10-31"),
        ("Both sides await the outcome of tomorrow's vote.", "tomorrow", "2024-10-31"),
    ],
)
def test_capitalised_time_words_still_count(text: str, span: str, value: str) -> None:
    t = only(text, WED)
    assert (t.text, t.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Troops crossed on Oct. 3, 2021, and later that day they withdrew.",
         ["2021-10-03", "2021-10-03"]),
        ("The ship sailed on May 2, 2022. Early that morning the crew had gathered.",
         ["2022-05-02", "2022-05-02"]),
        ("It is the fourth day of the strike.", ["2024-10-30"]),
        ("Officials said Monday, the first day of fighting, was calm.",
         ["2024-10-28", "2024-10-28"]),
        # no day to anchor to: left untagged rather than guessed
        ("Later that day the crowd left.", []),
        ("The first day of fighting was the worst.", []),
        # a calendar day, not the day of an event
        ("Rents rise on the first day of the month.", []),
    ],
)  # fmt: skip
def test_days_anchored_to_a_named_day(text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text, WED)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegates met on the eve of the Nov. 5 election.",
         [("the eve of the Nov. 5", "2024-11-04")]),
        ("Markets were calm on the eve of Christmas.",
         [("the eve of Christmas", "2024-12-24")]),
        ("A ruling is due the week of March 6, 2023.",
         [("the week of March 6, 2023", "2023-W10")]),
        ("The day before last Tuesday's hearing he fled.",
         [("The day before last Tuesday", "2024-10-28")]),
        # no date after "the eve of": nothing to anchor to
        ("Talks stalled on the eve of the summit.", []),
    ],
)  # fmt: skip
def test_expressions_built_on_a_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, WED)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output fell in 1994-97 across the region.", [("1994", "1994"), ("97", "1997")]),
        ("The summit will be held on April 24 and 25 in Lisbon.",
         [("April 24", "2025-04-24"), ("25", "2025-04-25")]),
        ("Strikes were held on March 3-5, 2021.",
         [("March 3", "2021-03-03"), ("5, 2021", "2021-03-05")]),
        ("Ferries run from Monday to Friday next door.",
         [("Monday", "2024-11-04"), ("Friday", "2024-11-08")]),
        # counts, not ranges of days or years
        ("The index rose 3 to 20 on Oct. 5 to 20 percent.", [("Oct. 5", "2024-10-05")]),
        ("Ten envoys left on May 2, 2020 and 30 others stayed.",
         [("May 2, 2020", "2020-05-02")]),
    ],
)  # fmt: skip
def test_ranges_give_both_ends(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, WED)] == expected


def test_participle_adjectives_are_not_past_tenses() -> None:
    text = "The bonus would be paid on a still unannounced date in January."
    assert only(text, date(2024, 10, 30)).value == "2025-01"


def test_comparison_quarters_do_not_replace_the_reported_one() -> None:
    text = (
        "Profit rose in the third quarter. After a weak second quarter, sales "
        "recovered. The year-earlier period included a charge."
    )
    values = [t.value for t in tag(text, date(2024, 10, 30))]
    assert values == ["2024-Q3", "2024-Q2", "2023-Q3"]


def test_that_quarter_is_the_quarter_just_named() -> None:
    text = "Profit rose in the third quarter. In the second quarter of 2022, results for that quarter fell."
    values = [t.value for t in tag(text, date(2024, 10, 30))]
    assert values == ["2024-Q3", "2022-Q2", "2022-Q2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the third quarter. In the year-ago third quarter it lost $2 million.",
         [("the third quarter", "2024-Q3"), ("the year-ago third quarter", "2023-Q3")]),
        ("In the comparable year-earlier quarter, sales were flat.",
         [("the comparable year-earlier quarter", "2023-Q3")]),
        ("In the year-earlier fourth quarter, sales were flat.",
         [("the year-earlier fourth quarter", "2023-Q4")]),
    ],
)  # fmt: skip
def test_year_ago_quarters_are_one_expression(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, date(2024, 10, 30))] == expected


def test_overnight_does_not_move_the_reference_day() -> None:
    text = (
        "Shares fell Friday after overnight losses in New York. The index ended "
        "4% below the previous Friday."
    )
    values = [t.value for t in tag(text, date(1989, 10, 30))]
    assert values == ["1989-10-27", "1989-10-30", "1989-10-20"]


def test_year_earlier_after_nine_month_figures_is_a_year() -> None:
    text = (
        "Net rose in the third quarter from $5 million a year earlier. For the nine "
        "months, net was $9 million, up from $7 million a year earlier."
    )
    values = [t.value for t in tag(text, date(1989, 10, 26))]
    assert values == ["1989-Q3", "1988-Q3", "P9M", "1988"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Shares fell Friday. Dealers placed buy orders in the morning.",
         ["1989-10-27", "1989-10-27TMO"]),
        ("The vote was on May 3. In the evening, crowds gathered.",
         ["1989-05-03", "1989-05-03TEV"]),
        # no day named before it: a habit, not a time
        ("He likes to run in the morning.", []),
    ],
)  # fmt: skip
def test_in_the_morning_is_the_named_day(text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text, date(1989, 10, 30))] == values
