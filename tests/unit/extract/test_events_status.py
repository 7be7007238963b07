"""Occurrence status: happened, scheduled, reported, denied (tense, modality, negation)."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedEvent

DCT = date(2025, 3, 12)  # a Wednesday


def _event(text: str, type_: str) -> ExtractedEvent:
    return next(e for e in extract(text, DCT).events if e.type == type_)


def test_simple_past_with_a_date_happened() -> None:
    assert _event("Egypt hosted talks on Gaza on Monday.", "meeting").status == "happened"


def test_will_host_is_scheduled() -> None:
    ev = _event("Spain will host a migration summit on Friday.", "meeting")
    assert ev.status == "scheduled"
    assert ev.date == "2025-03-14"


def test_expected_to_and_plans_to_are_scheduled() -> None:
    assert _event("Lula is expected to visit Beijing in May.", "meeting").status == "scheduled"
    assert _event("Chad plans to hold elections in December.", "election").status == "scheduled"


def test_noun_with_a_future_verb_after_it_is_scheduled() -> None:
    ev = _event("The truce is scheduled to take effect on Sunday.", "agreement")
    assert ev.status == "scheduled"


def test_a_future_date_makes_it_scheduled() -> None:
    assert _event("The Mercosur summit on March 20 in Asuncion.", "meeting").status == "scheduled"


def test_did_not_and_never_deny_the_event() -> None:
    assert _event("Mali did not sign the accord on Monday.", "agreement").status == "denied"
    assert (
        _event("Officials said Eritrean troops never crossed the border.", "incursion").status
        == "denied"
    )


def test_denied_sending_troops_is_denied() -> None:
    ev = _event("Rwanda denied sending troops into Congo.", "deployment")
    assert ev.status == "denied"


def test_did_not_deny_is_not_a_denial() -> None:
    text = "Belgrade did not deny that its army deployed tanks near the border on Monday."
    assert _event(text, "deployment").status != "denied"


def test_dismissed_reports_as_fake_news_denies_the_event() -> None:
    text = "The ministry dismissed reports about a troop deployment in Armenia as “fake news.”"
    assert _event(text, "deployment").status == "denied"


def test_reportedly_and_could_are_reported() -> None:
    assert _event("Pirates reportedly attacked a tanker on Monday.", "attack").status == "reported"
    assert (
        _event("A deployment of Chinese troops could happen soon.", "deployment").status
        == "reported"
    )


def test_undated_present_perfect_in_a_statement_is_reported_without_a_date() -> None:
    text = "The ministry said on Monday that Belarus has sent about 2,000 troops to the border."
    ev = _event(text, "deployment")
    assert ev.date is None
    assert ev.status == "reported"
