"""The pages evaluation's own arithmetic (the figures in docs/quality.md rest on it)."""

from __future__ import annotations

import pytest

from timeline.extract.eval.pages import _visible_text, token_f1


def test_token_f1_counts_repeated_words_once_per_occurrence() -> None:
    precision, recall, f1 = token_f1("the cat saw the dog", "the cat the cat")
    assert precision == pytest.approx(3 / 4)  # "the", "the", "cat" of four predicted
    assert recall == pytest.approx(3 / 5)
    assert f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_token_f1_of_nothing_is_zero() -> None:
    assert token_f1("some words", "") == (0.0, 0.0, 0.0)


def test_visible_text_leaves_out_scripts_and_styles() -> None:
    html = (
        b"<html><head><style>p{color:red}</style></head><body><p>Kept words</p>"
        b"<script>var hidden = 1;</script></body></html>"
    )
    text = _visible_text(html, "https://example.org/")
    assert "Kept words" in text
    assert "hidden" not in text
    assert "color" not in text
