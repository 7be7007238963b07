"""Direct quotes: attribution after, before and between fragments; multi-paragraph quotes."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedStatement

DCT = date(2025, 3, 12)


def _statements(text: str) -> list[ExtractedStatement]:
    return list(extract(text, DCT).statements)


def test_quote_then_name_and_cue() -> None:
    text = "“The harbour will reopen next month,” Port Director Ilse Maren said."
    (s,) = _statements(text)
    assert s.kind == "direct"
    assert s.quote == "The harbour will reopen next month"
    assert s.speaker == "Ilse Maren"
    assert s.speaker_title == "Port Director"
    assert text[s.speaker_start : s.speaker_end].endswith("Ilse Maren")
    assert s.cue == "said"


def test_quote_then_inverted_cue_and_name() -> None:
    text = '"We have no more water," said Tomas Reyes, a farmer near the river.'
    (s,) = _statements(text)
    assert s.speaker == "Tomas Reyes"
    assert s.quote == "We have no more water"


def test_cue_then_colon_then_quote() -> None:
    text = "Councillor Maya Lind told the assembly: “This budget is a promise we can keep.”"
    (s,) = _statements(text)
    assert s.speaker == "Maya Lind"
    assert s.quote.startswith("This budget is a promise")
    assert s.kind == "direct"


def test_split_quote_is_one_statement_with_two_fragments() -> None:
    text = "“The storm is over,” Gov. Hal Prentiss said, “but the cleanup has only begun.”"
    (s,) = _statements(text)
    assert len(s.quote_spans) == 2
    first, second = s.quote_spans
    assert text[first[0] : first[1]] == "The storm is over"
    assert text[second[0] : second[1]] == "but the cleanup has only begun."
    assert s.quote_start == first[0]
    assert s.quote_end == second[1]


def test_quote_continues_after_attribution_sentence() -> None:
    text = "“Prices are falling,” Dr. Ada Quist said. “Rents will follow in the spring.”"
    (s,) = _statements(text)
    assert len(s.quote_spans) == 2


def test_quote_running_over_paragraphs_is_one_statement() -> None:
    text = (
        "Coach Rui Alves said: “We trained hard all winter.\n\n"
        "“Nobody expected us to reach the final, but here we are.”\n\n"
        "The final is on Sunday."
    )
    (s,) = _statements(text)
    assert s.speaker == "Rui Alves"
    assert "Nobody expected us" in s.quote
    assert len(s.quote_spans) == 2


def test_pronoun_speaker_resolves_to_the_last_compatible_speaker() -> None:
    text = (
        "“The vote was fair,” electoral chief Maria Duval said on Monday.\n\n"
        "“Every ballot was counted twice,” she added."
    )
    _first, second = _statements(text)
    assert text[second.speaker_start : second.speaker_end] == "she"
    assert second.speaker == "Maria Duval"
    assert second.speaker_title == "electoral chief"
    assert second.cue == "added"


def test_scare_quote_without_cue_is_not_a_statement() -> None:
    assert _statements("The so-called “peace dividend” never arrived in the valley.") == []
