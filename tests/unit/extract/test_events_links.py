"""Statement ↔ event links: event_index and stance (asserts / denies / neutral)."""

from __future__ import annotations

from datetime import date

from timeline.extract.events.links import ASSERTS, DENIES, NEUTRAL
from timeline.extract.pipeline import extract

DCT = date(2025, 3, 12)


def test_a_statement_reporting_an_event_links_to_it_and_asserts() -> None:
    x = extract("Sudanese officials said Tuesday that an artillery attack killed five people.", DCT)
    (s,) = x.statements
    assert s.event_index is not None
    assert x.events[s.event_index].type == "attack"
    assert s.stance == ASSERTS


def test_dismissed_as_fake_news_denies() -> None:
    text = "The Kremlin dismissed reports about a troop deployment in Serbia as “fake news.”"
    x = extract(text, DCT)
    linked = [s for s in x.statements if s.event_index is not None]
    assert linked
    assert linked[0].stance == DENIES
    assert x.events[linked[0].event_index].status == "denied"


def test_characterised_as_groundless_rumors_denies() -> None:
    text = (
        "An envoy characterized the reports of Minsk's deployment of troops in Russia as "
        "“groundless rumors.”"
    )
    x = extract(text, DCT)
    linked = [s for s in x.statements if s.event_index is not None]
    assert linked
    assert linked[0].stance == DENIES


def test_a_hedged_report_is_neutral() -> None:
    x = extract("The general said Tuesday that troops could be deployed to Latvia.", DCT)
    linked = [s for s in x.statements if s.event_index is not None]
    assert linked
    assert linked[0].stance == NEUTRAL


def test_a_statement_about_no_event_is_not_linked() -> None:
    x = extract("The minister said Tuesday that inflation had slowed.", DCT)
    assert all(s.event_index is None and s.stance is None for s in x.statements)
