"""Occurrence dates: the time expression of the event's clause, and the careful fallbacks."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedEvent

DCT = date(2025, 3, 12)  # a Wednesday


def _events(text: str, type_: str) -> list[ExtractedEvent]:
    return [e for e in extract(text, DCT).events if e.type == type_]


def _event(text: str, type_: str) -> ExtractedEvent:
    return _events(text, type_)[0]


def test_since_the_month_year_invasion_dates_the_invasion_not_the_main_verb() -> None:
    text = "More than 4,000 U.S. soldiers have been killed since the March 2003 invasion of Iraq."
    assert _event(text, "invasion").date == "2003-03"
    assert _event(text, "casualties").date is None


def test_in_month_resolves_to_the_last_such_month() -> None:
    ev = _event("Kenya and Somalia signed a border pact in June.", "agreement")
    assert ev.date == "2024-06"
    assert ev.precision == "month"


def test_on_weekday() -> None:
    assert _event("Angola hosted peace talks on Monday.", "meeting").date == "2025-03-10"


def test_overnight_attacks_are_dated_today() -> None:
    assert _event("Drone attacks overnight hit Odesa.", "attack").date == "2025-03-12"


def test_the_date_of_the_saying_is_not_the_date_of_the_event() -> None:
    text = "The ministry said Tuesday that Belarus has sent troops to the border."
    assert _event(text, "deployment").date is None


def test_reported_simple_past_news_takes_the_statement_day() -> None:
    text = "Sudanese officials said Tuesday that an artillery attack killed five people."
    assert _event(text, "attack").date == "2025-03-11"


def test_a_pact_signed_in_background_takes_no_statement_day() -> None:
    text = "The minister said Tuesday that Chad and Niger signed a defense pact."
    assert _event(text, "agreement").date is None


def test_a_meeting_where_words_were_said_takes_the_statement_date() -> None:
    text = (
        "Chilean President Gabriel Boric said on Monday that copper exports would rise.\n\n"
        "The remarks at a Cabinet meeting in Santiago followed weeks of strikes."
    )
    assert _event(text, "meeting").date == "2025-03-10"


def test_an_event_in_an_after_clause_takes_the_speech_day() -> None:
    text = (
        "“We are ready,” NATO Secretary General Mark Rutte told reporters on Monday "
        "after allied ministers received a briefing from Finnish officials."
    )
    assert _event(text, "meeting").date == "2025-03-10"


def test_a_where_clause_shares_the_date_of_its_host_event() -> None:
    text = "The leaders met in Lima on Friday, where they agreed on a deal on fisheries."
    assert _event(text, "agreement").date == "2025-03-07"


def test_a_relative_clause_dates_its_noun() -> None:
    text = "Karim Khan won the election, which ended on Sunday, officials said."
    assert _event(text, "election").date == "2025-03-09"


def test_news_keeps_its_reference_time_for_the_next_sentence() -> None:
    text = "Protesters rallied in Tbilisi on Saturday. Police detained 40 people."
    assert _event(text, "other").date == "2025-03-08"


def test_an_undated_mention_of_a_dated_invasion_shares_its_date() -> None:
    text = (
        "Kuwait has rebuilt since the August 1990 invasion by Iraq. "
        "Iraq's invasion of Kuwait ended in a rout."
    )
    dates = {e.date for e in _events(text, "invasion")}
    assert dates == {"1990-08"}


def test_a_denied_event_borrows_no_date() -> None:
    text = "Protesters rallied in Tbilisi on Saturday. Georgia's premier ruled out holding new elections."
    assert _event(text, "election").date is None
