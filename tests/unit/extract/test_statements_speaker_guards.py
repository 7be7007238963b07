"""Cues that report no speech (negated, "tell" as "make out") and phrases that are no speaker."""

from __future__ import annotations

from datetime import date

from timeline.extract.pipeline import extract
from timeline.extract.types import ExtractedStatement

DCT = date(2025, 3, 12)


def _statements(text: str) -> list[ExtractedStatement]:
    return list(extract(text, DCT).statements)


def test_negated_cue_gives_no_statement() -> None:
    assert _statements("The ministry did not say when the new rules would apply.") == []
    assert _statements("The mayor wouldn’t confirm the bridge would reopen in May.") == []
    assert _statements("Officials have never publicly said the plant was unsafe.") == []


def test_tell_meaning_make_out_is_no_speech() -> None:
    text = "The shelling went on all night, but I couldn't tell who was firing or why."
    assert _statements(text) == []


def test_speaker_phrase_holds_no_negated_auxiliary() -> None:
    text = "The governor, who spoke briefly, wouldn’t say Friday how the budget would be cut, saying only that talks were continuing."
    for s in _statements(text):
        assert s.speaker_text is None or "n’t" not in s.speaker_text
    (s,) = _statements(text)
    assert s.cue == "saying"
    assert s.speaker == "governor"


def test_contracted_pronoun_is_the_speaker() -> None:
    (s,) = _statements("We’ve noted the rate of new cases has fallen since June.")
    assert s.speaker_text == "We"


def test_no_speaker_ends_in_a_preposition_or_degree_word() -> None:
    text = "The festival is a medium for telling stories about the river towns."
    assert all(s.speaker_text != "a medium for" for s in _statements(text))
    text = "Perhaps the most telling detail was the empty chair beside the minister."
    assert _statements(text) == []


def test_quantifier_alone_stays_a_speaker() -> None:
    text = "Voters were asked about the economy; most said they were worried about prices."
    (s,) = _statements(text)
    assert s.speaker_text == "most"


def test_gerund_after_for_takes_the_clause_subject() -> None:
    text = "The senator mocked the mayor for saying the flood plan was a triumph."
    (s,) = _statements(text)
    assert s.speaker_text == "The senator"


def test_brand_with_exclamation_mark_stays_whole() -> None:
    text = "The band will tour again in May, according to a new report by Q! Radio."
    (s,) = _statements(text)
    assert s.speaker == "Q! Radio"
    (s,) = _statements("According to Q! Radio, the band will tour again in May.")
    assert s.speaker == "Q! Radio"


def test_one_letter_name_is_no_speaker() -> None:
    (s,) = _statements("The band will tour again in May, according to Q.")
    assert s.speaker is None


def test_report_by_names_its_author() -> None:
    text = "According to a study from the Lakeside Water Trust, nitrate levels doubled."
    (s,) = _statements(text)
    assert s.speaker == "Lakeside Water Trust"


def test_sentence_period_is_not_part_of_an_inverted_speaker() -> None:
    (s,) = _statements("The harvest will be late this year, says the FAO.")
    assert s.speaker_text == "the FAO"
    (s,) = _statements("The harvest will be late this year, says Acme Inc.")
    assert s.speaker_text == "Acme Inc."


def test_complementizer_that_is_not_a_determiner() -> None:
    (s,) = _statements("It was in 2019 that Brightwater announced it would close two mills.")
    assert s.speaker_text == "Brightwater"


def test_possessive_appositive_and_day_after_the_cue() -> None:
    text = (
        "“We had a few problems with the rollout,” Ruiz, Acme’s chief of sales and "
        "marketing, said Tuesday at a conference in Lisbon."
    )
    (s,) = _statements(text)
    assert s.speaker == "Ruiz"


def test_post_modifier_with_on_belongs_to_the_speaker() -> None:
    (s,) = _statements("A doctor on the scene told reporters that the man had died.")
    assert s.speaker_text == "A doctor on the scene"
    (s,) = _statements("Experts on river flooding told the council that the levees were too low.")
    assert s.speaker_text == "Experts on river flooding"


def test_instead_is_not_part_of_the_speaker() -> None:
    text = "Ana Ruiz spoke first. She instead told the committee that the budget was balanced."
    (s,) = _statements(text)
    assert s.speaker_text == "She"


def test_relative_who_refers_to_the_phrase_before_it() -> None:
    text = (
        "Coach Ana Ruiz said the team had played well. Her assistant, Dr. Tomas Vidal, 41, "
        "who said the ice had been too soft, left early."
    )
    assert [s.speaker for s in _statements(text)] == ["Ana Ruiz", "Tomas Vidal"]
    text = "The manager believed the waitress, who said that the guest had started it."
    (s,) = _statements(text)
    assert s.speaker_text == "who"
    assert s.speaker == "waitress"


def test_question_word_who_is_not_a_relative() -> None:
    text = (
        "Mara Lind said the song moved her. Later Harper and Cole learned who had written it, "
        "and she said the news stunned her."
    )
    speakers = [s.speaker for s in _statements(text)]
    assert "Cole" not in speakers


def test_determined_post_modifier_does_not_swallow_the_clause() -> None:
    text = "One video showed a series of Texans declaring, “We are done with drought.”"
    (s,) = _statements(text)
    assert s.speaker_text == "a series of Texans"
