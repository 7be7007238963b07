"""Event triggers per taxonomy type, and the context that vetoes look-alikes."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedEvent

DCT = date(2025, 3, 12)


def _events(text: str) -> list[ExtractedEvent]:
    return list(extract(text, DCT).events)


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile and Peru signed a fisheries treaty on Monday.", "agreement"),
        ("The two rebel groups agreed to a truce late on Sunday.", "agreement"),
        ("Kenya and Ethiopia reached a deal on water rights on Tuesday.", "agreement"),
        ("Brazil's president met his Argentine counterpart on Monday.", "meeting"),
        ("The foreign ministers held talks in Oslo on Tuesday.", "meeting"),
        ("Japan will host an ASEAN summit in May.", "meeting"),
        ("France deployed 500 troops to Estonia last month.", "deployment"),
        ("Norway sent two warships to the Baltic Sea on Friday.", "deployment"),
        ("Iraq invaded Kuwait in August 1990.", "invasion"),
        ("Gunmen crossed the border into Niger overnight.", "incursion"),
        ("A drone strike hit a fuel depot in Sudan on Monday.", "attack"),
        ("Militants attacked a police station in Mali on Sunday.", "attack"),
        ("Polish air defenses shot down three drones on Tuesday.", "air-defense"),
        ("Floods killed at least 12 people in Nepal on Monday.", "casualties"),
        ("Voters in Moldova went to the polls on Sunday.", "election"),
        ("Senegal held a presidential election in March 2024.", "election"),
        ("Canada imposed sanctions on five Haitian officials on Friday.", "sanctions"),
        ("The European Union banned imports of Belarusian potash last year.", "sanctions"),
        ("Thousands of demonstrators marched through Belgrade on Saturday.", "protest"),
        ("Dock workers went on strike in Antwerp on Monday.", "protest"),
        ("The president vowed to retaliate on Tuesday.", "statement-of-policy"),
        ("The government announced a ban on fireworks on Monday.", "statement-of-policy"),
        ("Police arrested the opposition leader on Friday.", "other"),
        ("Rebels captured the city of Goma in January.", "other"),
    ],
)
def test_trigger_gives_the_type(text: str, expected: str) -> None:
    assert expected in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The senator suffered a heart attack on Tuesday.",
        "The budget fails to meet the demands of teachers.",
        "The minister spoke at a press conference on Monday.",
        "Stocks rallied on Wall Street on Friday.",
        "The deal with the devil never came up, a great deal of people said.",
        "She sent a letter to the council on Monday.",
    ],
)
def test_look_alikes_are_not_events(text: str) -> None:
    assert _types(text) == []


def test_a_general_strike_is_a_protest_not_an_attack() -> None:
    assert _types("Unions held a general strike across Greece on Wednesday.") == ["protest"]


def test_struck_a_deal_is_an_agreement_not_an_attack() -> None:
    types = _types("Ankara and Baghdad struck a deal on oil exports on Monday.")
    assert "attack" not in types
    assert "agreement" in types


def test_a_reaction_to_an_event_named_before_is_no_new_event() -> None:
    text = "Rebels shelled Kassala on Monday. The government condemned the attack on Tuesday."
    assert _types(text) == ["attack"]


def test_an_announcement_of_sanctions_is_one_sanctions_event() -> None:
    assert _types("Britain announced new sanctions on Iran on Monday.") == ["sanctions"]


def test_names_are_not_triggers() -> None:
    # "Treaty" inside an organisation's name is not an event
    assert _types("The North Atlantic Treaty Organization issued a report.") == []


def test_bare_mentions_without_date_participant_place_or_figure_are_dropped() -> None:
    assert _types("They delivered their talks between campaign stops.") == []
    assert _types("In an election year, anything can happen.") == []


def test_an_election_needs_a_verb_of_occurrence_or_a_date() -> None:
    assert _types("Nigeria held a presidential election.") == ["election"]
    assert _types("Nigerian elected officials met in Abuja on Monday.") == ["meeting"]
