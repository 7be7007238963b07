"""Reported speech: said (that), according to, inverted, told reporters, characterisations."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedStatement

DCT = date(2025, 3, 12)


def _statements(text: str) -> list[ExtractedStatement]:
    return list(extract(text, DCT).statements)


def test_said_that_clause() -> None:
    text = "The Ministry of Health said that 40 new clinics would open this year."
    (s,) = _statements(text)
    assert s.kind == "indirect"
    assert s.quote == "40 new clinics would open this year"
    assert s.cue == "said"
    assert text[s.speaker_start : s.speaker_end] == "The Ministry of Health"


def test_said_without_that() -> None:
    (s,) = _statements("Mayor Jo Pelt said the bridge would stay closed until June.")
    assert s.speaker == "Jo Pelt"
    assert s.quote == "the bridge would stay closed until June"


def test_told_reporters_skips_the_addressee() -> None:
    text = "Finance Minister Ravi Anand told reporters the deficit had narrowed."
    (s,) = _statements(text)
    assert s.quote == "the deficit had narrowed"
    assert s.speaker == "Ravi Anand"


def test_according_to_at_the_end() -> None:
    text = "Three ferries were cancelled, according to the harbour authority."
    (s,) = _statements(text)
    assert s.quote == "Three ferries were cancelled"
    assert s.cue == "according to"
    assert text[s.speaker_start : s.speaker_end] == "the harbour authority"


def test_according_to_at_the_start() -> None:
    text = "According to Lars Holm, head of the union, the strike will last a week."
    (s,) = _statements(text)
    assert s.quote == "the strike will last a week"
    assert s.speaker == "Lars Holm"
    assert s.speaker_title == "head of the union"  # an appositive title


def test_inverted_attribution_after_the_content() -> None:
    text = "The reservoir is only half full, the water board said Monday."
    (s,) = _statements(text)
    assert s.quote == "The reservoir is only half full"
    assert text[s.speaker_start : s.speaker_end] == "the water board"


def test_parenthetical_attribution_splits_the_content() -> None:
    text = "The new line, officials said, will carry 20,000 riders a day."
    (s,) = _statements(text)
    assert len(s.quote_spans) == 2


def test_dismissed_as_quoted_phrase_is_mixed() -> None:
    text = "The Elysee dismissed the leaked memo as “pure fiction.”"
    (s,) = _statements(text)
    assert s.kind == "mixed"
    assert s.speaker == "Élysée Palace" or s.speaker_text == "The Elysee"
    assert "pure fiction" in s.quote


def test_paraphrase_with_quoted_fragment_is_mixed() -> None:
    text = "Sen. Ruth Okafor said the proposal was “dead on arrival” in its current form."
    (s,) = _statements(text)
    assert s.kind == "mixed"
    assert s.speaker == "Ruth Okafor"


def test_coordinated_cue_reuses_the_speaker_and_splits_the_content() -> None:
    text = "Chief Ana Bell denied that staff were cut and said the budget was stable."
    stmts = _statements(text)
    assert [s.cue for s in stmts] == ["denied", "said"]
    assert stmts[0].quote == "staff were cut"
    assert stmts[1].speaker == "Ana Bell"
    assert stmts[1].quote == "the budget was stable"


def test_added_that_with_short_name() -> None:
    text = "Gov. Pia Lund signed the bill. Lund added that more funding would follow."
    (s,) = _statements(text)
    assert s.speaker == "Pia Lund"
    assert s.cue == "added"


def test_sentence_without_a_cue_has_no_statement() -> None:
    assert _statements("The river rose two metres overnight and flooded the road.") == []


def test_according_to_around_an_attribution_keeps_both() -> None:
    text = "Mayor Jo Pelt said the dam would hold, according to the Valley Courier."
    stmts = _statements(text)
    assert sorted(s.cue for s in stmts) == ["according to", "said"]
    outer = next(s for s in stmts if s.cue == "according to")
    assert text[outer.speaker_start : outer.speaker_end] == "the Valley Courier"


def test_told_a_long_addressee_before_that() -> None:
    text = "Minister Ada Rook told her Finnish counterpart, Eino Salo, that talks would resume."
    (s,) = _statements(text)
    assert s.quote == "talks would resume"
