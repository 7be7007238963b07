"""Hypothetical events: conditions drop an event, modals and threats keep it below review."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract

_DAY = date(2024, 3, 5)


def _events(text: str) -> list[tuple[str, str, float]]:
    return [(e.type, e.status, e.confidence) for e in extract(text, _DAY).events]


def test_event_inside_a_condition_is_dropped() -> None:
    text = (
        "The pact obliges each side to send aid if the other is attacked, officials said Tuesday."
    )
    assert not [e for e in _events(text) if e[0] == "attack"]


def test_noun_after_in_case_of_is_dropped() -> None:
    assert _events("The shelters are for civilians in case of an attack on Zlatar.") == []


def test_threatened_action_stays_below_review() -> None:
    got = _events("Belgrade threatened on Monday to launch airstrikes on the rebel town of Zlatar.")
    assert [e[0] for e in got] == ["attack"]
    assert got[0][1] != "happened"
    assert got[0][2] < 0.5


def test_could_happen_and_fears_of_stay_below_review() -> None:
    for text in (
        "Officials in Vatra warned that a Belarusian invasion of Moldova could happen soon.",
        "Fears of a Russian invasion of Moldova grew on Monday.",
    ):
        got = _events(text)
        assert got, text
        assert all(c < 0.5 for _, _, c in got), text
        assert all(s != "happened" for _, s, _ in got), text


def test_consequence_of_a_condition_stays_below_review() -> None:
    got = _events("If the deal collapses, Serbian forces will attack the town of Zlatar.")
    attacks = [e for e in got if e[0] == "attack"]
    assert len(attacks) == 1
    assert attacks[0][2] < 0.5


def test_would_with_a_date_is_a_plan() -> None:
    dated = _events("The Serbian government said it would hold talks with Kosovo on Friday.")
    assert dated[0][:2] == ("meeting", "scheduled")
    assert dated[0][2] >= 0.5
    undated = _events("The Serbian government said it would hold talks with Kosovo.")
    assert undated[0][2] < 0.5


def test_real_events_are_untouched() -> None:
    got = _events("Serbian forces attacked the town of Zlatar on Monday, officials said.")
    assert got == [("attack", "happened", got[0][2])]
    assert got[0][2] >= 0.5
    got = _events("Serbian forces attacked Zlatar on Monday, even if officials denied a plan.")
    assert got[0][2] >= 0.5


def test_whether_keeps_the_event_below_review() -> None:
    got = _events("Investigators are checking whether Serbian forces attacked Zlatar on Monday.")
    attacks = [e for e in got if e[0] == "attack"]
    assert len(attacks) == 1
    assert attacks[0][2] < 0.5
