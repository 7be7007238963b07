"""Actors, places and people: demonyms, possessives, capital metonyms, locatives, pronouns."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedEvent

DCT = date(2025, 3, 12)


def _event(text: str, type_: str) -> ExtractedEvent:
    return next(e for e in extract(text, DCT).events if e.type == type_)


def test_a_demonym_is_the_actor() -> None:
    ev = _event("Russian drone attacks hit Odesa on Monday.", "attack")
    assert ev.actors[0] == "Russia"


def test_a_capital_used_as_metonym_is_the_country() -> None:
    ev = _event("Kyiv's forces invaded in a surprise attack in August.", "invasion")
    assert "Ukraine" in ev.actors


def test_a_possessed_region_is_the_place_and_its_country_follows() -> None:
    text = "Troops were deployed to Russia's Belgorod region on Monday."
    ev = _event(text, "deployment")
    assert ev.places[:2] == ("Belgorod", "Russia")


def test_an_invasion_of_a_region_without_a_country_is_an_incursion() -> None:
    text = "Troops massed near Russia's Kursk region, where Ukrainian forces invaded in August."
    ev = _event(text, "incursion")
    assert ev.actors == ("Ukraine",)
    assert "Kursk" in ev.places


def test_a_country_after_a_locative_is_a_place_not_an_actor() -> None:
    ev = _event(
        "Russian missiles struck a school in the Kharkiv region in eastern Ukraine.", "attack"
    )
    assert ev.actors == ("Russia",)
    assert ev.places == ("Kharkiv", "Ukraine")


def test_a_fronted_locative_gives_the_place() -> None:
    text = "In the Donetsk region, officials said a rocket attack killed two people."
    assert "Donetsk" in _event(text, "attack").places


def test_a_national_body_stands_for_its_country() -> None:
    text = "Russia's Defense Ministry said it shot down 12 Ukrainian drones overnight."
    ev = _event(text, "air-defense")
    assert ev.actors[0] == "Russia"
    assert "Ukraine" in ev.actors


def test_people_bring_their_country_through_their_title() -> None:
    text = "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Friday."
    ev = _event(text, "meeting")
    assert {"Antony Blinken", "Wang Yi"} <= set(ev.people)
    assert {"United States", "China"} <= set(ev.actors)


def test_he_inside_reported_speech_is_the_speaker() -> None:
    text = (
        "Russian President Vladimir Putin said on Friday that the treaty he signed with "
        "Belarusian President Alexander Lukashenko in December would stand."
    )
    ev = _event(text, "agreement")
    assert "Vladimir Putin" in ev.people
    assert {"Russia", "Belarus"} <= set(ev.actors)


def test_the_subject_of_a_who_clause_is_the_name_before_it() -> None:
    text = "Hungarian Prime Minister Viktor Orban, who visited Beijing last week, returned home."
    ev = _event(text, "meeting")
    assert "Viktor Orban" in ev.people
    assert ev.actors[:2] == ("Hungary", "China")


def test_the_speakers_of_an_announcement_are_its_actors() -> None:
    text = "The United States and Britain announced new sanctions against Iranian banks on Friday."
    ev = _event(text, "sanctions")
    assert {"United States", "United Kingdom", "Iran"} <= set(ev.actors)


def test_who_denies_sending_troops_is_the_one_said_to_send_them() -> None:
    ev = _event("The Kremlin denied sending troops to Belarus.", "deployment")
    assert ev.status == "denied"
    assert ev.actors[0] == "Russia"
