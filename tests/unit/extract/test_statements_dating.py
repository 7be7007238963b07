"""Statement dates (time attached to the cue, inheritance, fallback) and venues."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from timeline.extract.entities import recognize
from timeline.extract.statements import extract_statements
from timeline.extract.text import make_document
from timeline.extract.types import ExtractedStatement

DCT = date(2025, 3, 12)  # a Wednesday


@dataclass(frozen=True)
class StubTimex:
    """A hand-made time expression, so these tests do not depend on the temporal engine."""

    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: date | None
    date_end: date | None
    precision: str | None


def _run(text: str, times: dict[str, str]) -> list[ExtractedStatement]:
    """Statements of ``text`` with the given phrases tagged as day-precision dates."""
    timexes = []
    for phrase, value in times.items():
        i = text.index(phrase)
        d = date.fromisoformat(value)
        timexes.append(StubTimex(i, i + len(phrase), phrase, "DATE", value, d, d, "day"))
    timexes.sort(key=lambda t: t.start)
    doc = dataclasses.replace(make_document(text, DCT), timexes=tuple(timexes))
    return extract_statements(doc, recognize(text))


def test_time_right_after_the_cue() -> None:
    (s,) = _run("Mayor Jo Pelt said Monday that the bridge would reopen.", {"Monday": "2025-03-10"})
    assert s.date == "2025-03-10"
    assert s.precision == "day"
    assert s.quote == "the bridge would reopen"


def test_time_after_the_addressee() -> None:
    text = "Gen. Ivo Rask told CNN Friday that the drills were over."
    (s,) = _run(text, {"Friday": "2025-03-07"})
    assert s.date == "2025-03-07"


def test_time_between_speaker_and_cue() -> None:
    text = "Premier Lia Sand last Tuesday denied that talks had stalled."
    (s,) = _run(text, {"last Tuesday": "2025-03-04"})
    assert s.date == "2025-03-04"


def test_time_at_the_start_of_the_sentence() -> None:
    text = "Earlier on Monday, the central bank said rates would hold."
    (s,) = _run(text, {"Monday": "2025-03-10"})
    assert s.date == "2025-03-10"


def test_undated_statement_inherits_a_recent_explicit_date() -> None:
    text = (
        "The utility said Monday that power was restored.\n\n"
        "“Crews worked all night,” spokesman Eli Varga said."
    )
    first, second = _run(text, {"Monday": "2025-03-10"})
    assert first.date == "2025-03-10"
    assert second.date == "2025-03-10"


def test_statement_without_any_date_gets_the_publication_date() -> None:
    (s,) = _run("Mayor Jo Pelt said the bridge would reopen.", {})
    assert s.date == "2025-03-12"
    assert s.date_start == DCT


def test_a_time_inside_the_content_does_not_date_the_statement() -> None:
    text = "Mayor Jo Pelt said the bridge would reopen on Friday."
    (s,) = _run(text, {"Friday": "2025-03-14"})
    assert s.date == "2025-03-12"


def test_venue_of_the_attribution() -> None:
    text = "Minister Oren Dahl said at a news conference in Oslo that the tax would go."
    (s,) = _run(text, {})
    assert s.venue == "at a news conference in Oslo"
    assert s.quote == "the tax would go"


def test_venue_of_a_social_media_post() -> None:
    (s,) = _run("Governor Ada Pike said on Telegram the shelling had stopped.", {})
    assert s.venue == "on Telegram"
    assert s.quote == "the shelling had stopped"


def test_told_reporters_in_a_city_is_the_venue() -> None:
    text = "“We stand together,” Chancellor Rolf Imm told reporters in Vienna."
    (s,) = _run(text, {})
    assert s.venue == "in Vienna"


def test_time_inside_a_leading_adverbial() -> None:
    text = "In a statement released Monday, the port authority said the berths were full."
    (s,) = _run(text, {"Monday": "2025-03-10"})
    assert s.date == "2025-03-10"


def test_time_in_a_relative_clause_after_the_speaker_does_not_date_the_statement() -> None:
    text = "“The bridge is unsafe,” said engineer Ola Berg, who inspected it last Tuesday."
    (s,) = _run(text, {"last Tuesday": "2025-03-04"})
    assert s.date == "2025-03-12"
