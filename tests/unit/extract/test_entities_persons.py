"""Person detection (titles, honorifics, cues) and in-document coreference."""

from __future__ import annotations

from timeline.extract.entities import recognize


def _people(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.name, m.title) for m in recognize(text).mentions if m.kind == "person"]


def test_title_before_name_is_kept_apart_from_the_name() -> None:
    got = _people("Chilean President Ana Torres Vidal opened the summit.")
    assert got == [("Ana Torres Vidal", "Ana Torres Vidal", "Chilean President")]


def test_lowercase_title_with_organisation_inside_is_the_title() -> None:
    got = _people("said senior Treasury press secretary Dana Whitfield on Friday.")
    assert got[0][1] == "Dana Whitfield"
    assert got[0][2] == "senior Treasury press secretary"


def test_abbreviated_rank_is_a_title() -> None:
    got = _people("Lt. Gen. Marcus Obi arrived. Adm. Rhea Castellanos stayed home.")
    assert [g[1] for g in got] == ["Marcus Obi", "Rhea Castellanos"]
    assert got[0][2] == "Lt. Gen."


def test_title_with_of_phrase() -> None:
    got = _people("The Minister of Health Pablo Iriarte resigned.")
    assert got[0][1] == "Pablo Iriarte"
    assert got[0][2] == "Minister of Health"


def test_name_before_a_speech_verb_is_a_person() -> None:
    got = _people("Ondrej Halasz said the bridge would reopen.")
    assert got[0][1] == "Ondrej Halasz"


def test_name_with_appositive_is_a_person() -> None:
    got = _people("The count was confirmed by Tomasz Wrobel, head of the election board.")
    assert got[0][1] == "Tomasz Wrobel"


def test_capitalised_organisation_words_are_not_a_person() -> None:
    assert _people("Officials at Harwick Logistics Company declined to comment.") == []


def test_short_name_resolves_to_the_full_name() -> None:
    got = _people("Mayor Lena Kovacs toured the dam. Later Kovacs said it was safe.")
    assert [g[1] for g in got] == ["Lena Kovacs", "Lena Kovacs"]


def test_ambiguous_short_name_is_not_resolved_to_either_person() -> None:
    text = "Sen. Amy Brandt and Gov. Carl Brandt met. Brandt said nothing."
    names = [g[1] for g in _people(text)]
    assert names[:2] == ["Amy Brandt", "Carl Brandt"]
    assert "Amy Brandt" not in names[2:]
    assert "Carl Brandt" not in names[2:]


def test_title_description_resolves_to_the_one_person_with_that_title() -> None:
    text = "UN Special Envoy Ines Caldera arrived. The UN special envoy said talks would resume."
    got = _people(text)
    assert got[-1][1] == "Ines Caldera"


def test_gender_comes_from_honorific_or_first_name() -> None:
    idx = recognize("Mrs. Odile Frank met Michael Tran.")
    assert idx.gender("Odile Frank") == "f"
    assert idx.gender("Michael Tran") == "m"


def test_title_descriptions_are_not_stored_as_aliases() -> None:
    idx = recognize("UN Special Envoy Ines Caldera arrived. The UN special envoy said little.")
    caldera = next(e for e in idx.entities if e.name == "Ines Caldera")
    assert all(not a.lower().startswith("the ") for a in caldera.aliases)


def test_title_word_before_a_title_is_not_a_person() -> None:
    text = (
        "The budget is fine, said Agriculture Secretary Tom Wells. "
        "The report, said Foreign Minister Ida Berg, was wrong."
    )
    index = recognize(text)
    people = [m.name for m in index.mentions if m.kind == "person"]
    assert people == ["Tom Wells", "Ida Berg"]
    assert {e.slug for e in index.entities}.isdisjoint({"agriculture", "foreign"})


def test_verb_before_a_title_word_is_not_part_of_the_title() -> None:
    got = _people("The premier will host Interior Minister Oskar Lind on Friday.")
    assert got == [("Oskar Lind", "Oskar Lind", "Interior Minister")]


def test_title_after_to_is_still_a_title() -> None:
    got = _people("The speech pointed to author Mara Quist and her novels.")
    assert got[0][1:] == ("Mara Quist", "author")


def test_sentence_adverb_before_a_comma_is_no_person() -> None:
    assert _people("Now, the old keyboard is all but dead.") == []
    assert _people("Separately, the budget office said tariffs would cut growth.") == []
