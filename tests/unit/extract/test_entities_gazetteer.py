"""Gazetteer entities: countries, demonyms, capitals as metonyms, agencies, national bodies."""

from __future__ import annotations

import itertools

from timeline.extract.entities import recognize
from timeline.extract.entities.slug import slugify


def _names(text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.name, m.kind) for m in recognize(text).mentions}


def test_country_short_names_and_abbreviations_resolve_to_one_country() -> None:
    got = _names("Officials in the U.S. and Britain met envoys from America and the U.K.")
    assert got["U.S."] == ("United States", "country")
    assert got["America"] == ("United States", "country")
    assert got["Britain"] == ("United Kingdom", "country")
    assert got["U.K."] == ("United Kingdom", "country")


def test_demonyms_resolve_to_their_country() -> None:
    got = _names("North Korean engineers and Ukrainian farmers spoke to Russians.")
    assert got["North Korean"] == ("North Korea", "country")
    assert got["Ukrainian"] == ("Ukraine", "country")
    assert got["Russians"] == ("Russia", "country")


def test_capital_as_subject_is_the_government_but_after_in_is_the_city() -> None:
    got = recognize("Pyongyang rejected the plan. Talks were held in Pyongyang later.").mentions
    assert (got[0].name, got[0].kind) == ("North Korea", "country")
    assert (got[1].name, got[1].kind) == ("Pyongyang", "city")


def test_seats_of_government_are_organisations_of_their_own() -> None:
    got = _names("The Kremlin and the White House traded barbs.")
    assert got["Kremlin"] == ("Kremlin", "organization")
    assert got["White House"] == ("White House", "organization")


def test_agency_aliases_share_one_canonical_entity() -> None:
    text = "The Pentagon declined. A Defense Department memo and DOD staff agreed."
    names = {m.name for m in recognize(text).mentions}
    assert names == {"U.S. Department of Defense"}


def test_national_body_is_named_after_its_country() -> None:
    got = _names("Spain's Defense Ministry and the Brazilian Foreign Ministry replied.")
    assert got["Spain's Defense Ministry"] == ("Spanish Ministry of Defence", "organization")
    assert got["Brazilian Foreign Ministry"] == (
        "Brazilian Ministry of Foreign Affairs",
        "organization",
    )


def test_regions_with_a_region_word_keep_the_bare_name_as_canonical() -> None:
    got = _names("Shelling hit the Donetsk region and the Black Sea coast.")
    assert got["Donetsk region"] == ("Donetsk", "region")
    assert got["Black Sea"] == ("Black Sea", "place")


def test_canonical_entities_carry_slug_and_aliases() -> None:
    idx = recognize("Moscow and Russian diplomats said Russia would wait.")
    russia = next(e for e in idx.entities if e.name == "Russia")
    assert russia.slug == "russia"
    assert russia.kind == "country"
    assert {"Moscow", "Russian"} <= set(russia.aliases)


def test_slugify_is_ascii_and_dashed() -> None:
    assert slugify("Élysée Palace") == "elysee-palace"
    assert slugify("U.S. Department of Defense") == "u-s-department-of-defense"


def test_mentions_do_not_overlap_and_point_into_the_text() -> None:
    text = "NATO and the EU met South Korean and Japanese officials in Brussels."
    mentions = recognize(text).mentions
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    assert all(text[m.start : m.end] == m.text for m in mentions)
