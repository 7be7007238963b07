"""Casualty events: the agency that reports a toll is not the side that suffered it."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedEvent

DCT = date(2025, 3, 12)


def _event(text: str, type_: str) -> ExtractedEvent:
    return next(e for e in extract(text, DCT).events if e.type == type_)


def test_reporting_agency_is_not_the_victims() -> None:
    ev = _event(
        "The World Health Organization said 312 people had died in the outbreak.", "casualties"
    )
    assert "World Health Organization" not in ev.actors
    assert "World Health Organization" not in ev.title
    assert "312" in ev.title


def test_according_to_source_is_not_the_victims() -> None:
    ev = _event(
        "According to the World Health Organization, the fever has killed 312 people.", "casualties"
    )
    assert "World Health Organization" not in ev.title


def test_a_country_reporting_its_own_dead_stays_the_side() -> None:
    ev = _event("Freedonian shelling killed 12 Ukrainian soldiers, Ukraine said.", "attack")
    assert "Ukraine" in ev.actors


def test_demonym_on_a_thing_is_not_the_victims() -> None:
    text = "The American planemaker has struggled since two crashes of its jet killed 346 people."
    ev = _event(text, "casualties")
    assert "American" not in ev.title
    assert "United States" not in ev.actors


def test_demonym_on_people_is_the_side() -> None:
    ev = _event("More than 2,500 Afghan civilians have been killed this year.", "casualties")
    assert ev.actors == ("Afghanistan",)
