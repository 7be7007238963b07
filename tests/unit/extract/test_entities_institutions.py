"""Institution names joined by for/of/on and "and" are one organisation; country names used as given names ("Chad Wolf") are persons."""

from __future__ import annotations

from datetime import date

from timeline.extract.entities import recognize
from timeline.extract.pipeline import extract


def _orgs(text: str) -> list[str]:
    return [m.text for m in recognize(text).mentions if m.kind == "organization"]


def test_name_with_and_is_one_organisation() -> None:
    text = "The Freedonian Center for Water Safety and Sanitation said the wells were clean."
    assert _orgs(text) == ["Freedonian Center for Water Safety and Sanitation"]
    assert all(m.kind != "person" for m in recognize(text).mentions)


def test_speaker_is_the_whole_institution() -> None:
    text = "The Freedonian Center for Water Safety and Sanitation said the wells were clean."
    (s,) = extract(text, date(2025, 3, 12)).statements
    assert s.speaker == "Freedonian Center for Water Safety and Sanitation"
    assert s.speaker_kind == "organization"


def test_speaker_fragment_grows_to_the_name() -> None:
    text = "The Regional Institute on Soil Erosion estimated that 40 farms had lost topsoil."
    (s,) = extract(text, date(2025, 3, 12)).statements
    assert s.speaker == "Regional Institute on Soil Erosion"
    assert text[s.speaker_start : s.speaker_end].endswith("Regional Institute on Soil Erosion")


def test_title_and_person_after_the_name_stay_apart() -> None:
    text = "The Office of Rural Roads and Bridges Director Ana Ruiz said repairs would start."
    assert _orgs(text) == ["Office of Rural Roads and Bridges"]
    (s,) = extract(text, date(2025, 3, 12)).statements
    assert s.speaker == "Ana Ruiz"


def test_two_names_joined_by_and_stay_apart() -> None:
    text = "The Bureau of Mines and the Office of Land Records signed the plan."
    assert _orgs(text) == ["Bureau of Mines", "Office of Land Records"]


def test_owner_and_date_words_are_not_part_of_the_name() -> None:
    text = "Freedonia's Ministry of Fisheries on Monday closed the bay."
    assert "Ministry of Fisheries" in _orgs(text)
    text = "A Kyiv-based Council on Grain Trade warned of shortages."
    assert _orgs(text) == ["Council on Grain Trade"]


def test_country_that_is_a_given_name_before_a_surname_is_a_person() -> None:
    mentions = recognize("Acting Secretary Chad Wolf said the program would end.").mentions
    assert [(m.text, m.kind) for m in mentions] == [("Chad Wolf", "person")]
    assert mentions[0].title == "Acting Secretary"


def test_country_after_a_locative_stays_a_country() -> None:
    mentions = recognize("Troops in Chad Monday reported no clashes.").mentions
    assert ("Chad", "country") in [(m.text, m.kind) for m in mentions]
