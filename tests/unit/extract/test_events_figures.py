"""Figures: troops, killed, injured, drones; digits, number words, qualifiers."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.events.figures import figures, number
from timeline.extract.pipeline import extract

DCT = date(2025, 3, 12)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("10,000", 10000),
        ("1.5 million", 1_500_000),
        ("four", 4),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("six hundred", 600),
        ("3,000", 3000),
    ],
)
def test_number(words: str, value: float) -> None:
    assert number(words) == value


def _figs(text: str, type_: str) -> dict[str, float]:
    ev = next(e for e in extract(text, DCT).events if e.type == type_)
    return dict(ev.figures)


def test_killed_at_least_number_word() -> None:
    assert _figs("A car bomb killed at least four people in Mogadishu on Monday.", "attack") == {
        "killed": 4
    }


def test_injuring_at_least() -> None:
    figs = _figs("Rockets hit Haifa overnight, injuring at least six people.", "attack")
    assert figs == {"injured": 6}


def test_troops_with_about() -> None:
    text = "Pyongyang has sent about 12,000 troops to Russia, officials said."
    assert _figs(text, "deployment") == {"troops": 12000}


def test_killed_or_wounded_is_one_casualty_figure() -> None:
    text = "More than 70,000 soldiers have been killed or wounded since the war began."
    assert _figs(text, "casualties") == {"casualties": 70000}


def test_drones_shot_down() -> None:
    assert _figs("Air defenses shot down seven drones over Kursk.", "air-defense") == {"drones": 7}


def test_figures_fit_the_event_type() -> None:
    # a protest does not report "troops"
    assert figures("5,000 troops watched as 300 protesters marched", 0, 52, "protest") == [
        ("protesters", 300)
    ]


def test_a_share_is_not_a_count() -> None:
    from timeline.extract.events.figures import figures

    text = "The plague spread across the region, killing up to 60 percent of the population."
    assert figures(text, 0, len(text), "casualties") == []
    text = "The fever killed 60 people and 12% of the herd."
    assert figures(text, 0, len(text), "casualties") == [("killed", 60)]
