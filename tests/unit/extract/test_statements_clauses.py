"""Clause-shape rules: coordinated and participle cues, questions, labelled and signed quotes."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedStatement

DCT = date(2025, 3, 12)


def _statements(text: str) -> list[ExtractedStatement]:
    return list(extract(text, DCT).statements)


def _speaker_text(text: str, s: ExtractedStatement) -> str:
    assert s.speaker_start is not None
    assert s.speaker_end is not None
    return text[s.speaker_start : s.speaker_end]


def test_non_speech_verb_coordinated_with_said_uses_the_clause_subject() -> None:
    text = "Mayor Ida Brook toured the flooded streets and said the levee would be rebuilt."
    (s,) = _statements(text)
    assert s.speaker == "Ida Brook"
    assert s.quote == "the levee would be rebuilt"


def test_participle_cue_takes_the_subject_of_its_clause() -> None:
    text = "Amid the outcry, the harbour union rejected the offer, saying it ignored safety."
    (s,) = _statements(text)
    assert _speaker_text(text, s) == "the harbour union"
    assert s.quote == "it ignored safety"


def test_participle_after_an_attribution_takes_that_speaker() -> None:
    text = "Attendance fell, Ruben Ortiz said, adding that ticket prices were too high."
    stmts = _statements(text)
    adding = next(s for s in stmts if s.cue == "adding")
    assert _speaker_text(text, adding) == "Ruben Ortiz"


def test_a_later_attribution_in_the_sentence_keeps_its_own_content() -> None:
    text = "Kim Sato said the bridge was safe, but inspectors said cracks had spread."
    first, second = _statements(text)
    assert first.quote == "the bridge was safe"
    assert _speaker_text(text, second) == "inspectors"
    assert second.quote == "cracks had spread"


def test_asked_with_a_request_after_the_addressee() -> None:
    text = "Governor Lea Moss asked the legislature to approve the relief fund quickly."
    (s,) = _statements(text)
    assert s.speaker == "Lea Moss"
    assert s.quote == "to approve the relief fund quickly"


def test_sentence_initial_asked_has_no_expressed_speaker() -> None:
    text = "Asked about the delay, the contractor said the steel arrived late."
    stmts = _statements(text)
    asked = next(s for s in stmts if s.cue == "Asked")
    assert asked.speaker is None
    assert asked.speaker_start is None
    assert asked.quote == "about the delay"


def test_added_with_a_number_is_not_speech() -> None:
    assert _statements("The factory added 2,000 jobs in the spring.") == []


def test_noun_uses_of_cue_words_are_not_cues() -> None:
    text = "The senator dismissed the reports about the merger and his claims were ignored."
    assert all(s.cue != "reports" for s in _statements(text))


def test_transcript_line_is_attributed_to_its_speaker_label() -> None:
    text = "HOLM: Will the tax rise next year?\nBERG: It will not, and I promise that."
    first, second = _statements(text)
    assert _speaker_text(text, first) == "HOLM"
    assert first.quote == "Will the tax rise next year?"
    assert first.cue == ":"
    assert _speaker_text(text, second) == "BERG"


def test_labels_like_editors_note_are_not_speakers() -> None:
    text = "Editor's Note: This story was updated with new figures from the ministry."
    assert _statements(text) == []


def test_quote_signed_with_a_dash() -> None:
    text = "“Cities are built by those who stay.” ― Gov. Mara Lind"
    (s,) = _statements(text)
    assert s.speaker == "Mara Lind"
    assert s.kind == "direct"


def test_inverted_speaker_with_an_honorific() -> None:
    text = "“The numbers do not add up,” said Dr. Ines Vidal, an economist at the bank."
    (s,) = _statements(text)
    assert _speaker_text(text, s) == "Dr. Ines Vidal"
    assert s.speaker == "Ines Vidal"


def test_adverbial_lead_is_not_reported_content() -> None:
    text = "At the hearing on Monday, the minister said the plan was final."
    (s,) = _statements(text)
    assert s.quote == "the plan was final"
