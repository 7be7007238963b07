"""Titles: one deterministic template per type, from the extracted pieces only."""

from __future__ import annotations

from datetime import date

from timeline.extract.events.titles import TitleParts, title
from timeline.extract.pipeline import extract

DCT = date(2025, 3, 12)


def _title(text: str, type_: str) -> str:
    return next(e.title for e in extract(text, DCT).events if e.type == type_)


def test_agreement_title() -> None:
    text = "Armenia and Azerbaijan signed a peace treaty on Monday."
    assert _title(text, "agreement") == "Armenia and Azerbaijan sign peace treaty"


def test_attack_title_with_killed_and_place() -> None:
    text = "Officials said a Russian missile attack killed three people in the Sumy region."
    assert _title(text, "attack") == "Russian missile attack kills 3 in Sumy"


def test_scheduled_meeting_title() -> None:
    text = "French President Emmanuel Macron will host German Chancellor Olaf Scholz on Friday."
    assert _title(text, "meeting") == "Emmanuel Macron to host Olaf Scholz"


def test_deployment_title_with_troops() -> None:
    text = "Britain sent 900 troops to Estonia on Monday."
    assert _title(text, "deployment") == "United Kingdom sends 900 troops to Estonia"


def test_air_defense_title_names_the_owner_by_demonym() -> None:
    text = "Romania's Defense Ministry said it shot down two Russian drones overnight."
    assert _title(text, "air-defense") == "Romania shoots down 2 Russian drones"


def test_denied_title_says_so() -> None:
    text = "Rwanda denied sending troops into Congo."
    assert _title(text, "deployment").endswith("(denied)")


def test_policy_title_uses_the_verb_and_its_object() -> None:
    text = "Russian President Vladimir Putin announced a partial mobilization on Wednesday."
    assert _title(text, "statement-of-policy") == "Russia announces a partial mobilization"


def test_title_template_without_actors_falls_back_to_the_phrase() -> None:
    parts = TitleParts(
        type="protest",
        status="happened",
        verb="",
        phrase="student protests",
        agent=None,
        others=(),
        people=(),
        places=("Dhaka",),
        figures=(),
    )
    assert title(parts) == "Student protests in Dhaka"


def test_titles_are_short() -> None:
    parts = TitleParts(
        type="other",
        status="happened",
        verb="",
        phrase="x " * 80,
        agent=None,
        others=(),
        people=(),
        places=(),
        figures=(),
    )
    assert len(title(parts)) <= 90


def test_sanctions_phrase_with_its_own_verb() -> None:
    got = _title("Canada raised tariffs on Mexican steel on Monday.", "sanctions")
    assert "imposes raised" not in got
    assert got.startswith("Canada raises tariffs")


def test_policy_title_does_not_end_in_a_function_word() -> None:
    text = "The minister promised to be even better than they were last year."
    got = _title(text, "statement-of-policy")
    assert got.split()[-1] not in ("they", "than", "and", "the")


def test_gerund_verb_is_not_inflected_again() -> None:
    from timeline.extract.events.titles import _verb

    assert _verb("declaring", False, "happened") == "declaring"
    assert _verb("declare", False, "happened") == "declares"
