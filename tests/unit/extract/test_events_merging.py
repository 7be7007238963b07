"""Bare events, titles that name someone, repeated mentions in a paragraph, passive agents."""

from __future__ import annotations

from datetime import date

from timeline.extract.events.titles import TitleParts, title
from timeline.extract.pipeline import extract

DCT = date(2025, 3, 12)


def _events(text: str) -> list[tuple[str, str, float]]:
    return [(e.type, e.title, e.confidence) for e in extract(text, DCT).events]


def test_event_naming_nobody_waits_for_review() -> None:
    got = _events("The two ministers also agreed to expand joint military exercises next year.")
    assert got
    assert all(c < 0.5 for _, _, c in got)


def test_clause_without_names_takes_the_participants_of_the_sentence() -> None:
    text = "“It is hard,” Governor Ana Ruiz told Prime Minister Leo Park at a televised meeting."
    meetings = [(t, c) for ty, t, c in _events(text) if ty == "meeting"]
    assert meetings
    assert "Ana Ruiz" in meetings[0][0]
    assert meetings[0][1] >= 0.5


def test_title_names_an_actor_the_event_has() -> None:
    parts = TitleParts(
        type="protest", status="happened", verb="", phrase="protest", agent=None,
        others=("Georgia",), people=(), places=(), figures=(),
    )  # fmt: skip
    assert title(parts) == "Georgia: protest"
    parts = TitleParts(
        type="protest", status="happened", verb="", phrase="protest", agent=None,
        others=(), people=(), places=(), figures=(),
    )  # fmt: skip
    assert title(parts) == "Protest"


def test_anaphoric_mention_borrows_the_earlier_one_off_event() -> None:
    text = (
        "Serbian forces crossed the border into Kosovo's Mitrovica region on Monday.\n\n"
        "Officials in Pristina counted the damage in three villages.\n\n"
        "Residents fled to the hills and many shops stayed closed all week.\n\n"
        "Prime Minister Albin Kurti called the incursion a provocation on Friday."
    )
    incursions = [t for ty, t, _ in _events(text) if ty == "incursion"]
    assert len(incursions) == 2
    assert incursions[1] == incursions[0]


def test_second_mention_in_a_paragraph_is_merged() -> None:
    text = (
        "Russian drones struck the port of Izmail on Tuesday, killing two people. "
        "The strike also damaged grain silos, officials said."
    )
    assert [ty for ty, _, _ in _events(text)] == ["attack"]


def test_two_attacks_on_different_places_stay_apart() -> None:
    text = (
        "Russian missiles struck Odesa on Tuesday, killing two people. "
        "Russian drones struck Izmail on Tuesday, killing three people."
    )
    assert [ty for ty, _, _ in _events(text)] == ["attack", "attack"]


def test_passive_agent_is_the_actor() -> None:
    text = "Romania's air force said it intercepted 12 of 20 drones launched by Russia overnight."
    attacks = [t for ty, t, _ in _events(text) if ty == "attack"]
    assert attacks == ["Russian attack"]


def test_same_event_in_another_paragraph_is_one_event() -> None:
    text = (
        "Officials said Monday that Belarus has sent about 2,000 troops to Serbia.\n\n"
        "The ministry gave no details.\n\n"
        "“Belarus has sent 2,000 soldiers to Serbia,” a spokesman said.\n\n"
        "Belarus sent 500 troops to Hungary last year."
    )
    deployments = [t for ty, t, _ in _events(text) if ty == "deployment"]
    assert len(deployments) == 2


def test_statements_about_any_mention_link_to_the_merged_event() -> None:
    text = (
        "Officials said Monday that Belarus has sent about 2,000 troops to Serbia.\n\n"
        "The ministry gave no details.\n\n"
        "“Belarus has sent 2,000 soldiers to Serbia,” a spokesman said."
    )
    x = extract(text, DCT)
    assert len(x.events) == 1
    assert len(x.events[0].evidence) == 2
    assert [s.event_index for s in x.statements] == [0, 0]
