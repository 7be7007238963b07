"""The ``python -m timeline.extract`` contract (run as a subprocess) and ``to_json``."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.pipeline import extract, to_json

STATEMENT_KEYS = {
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_title",
    "quote",
    "quote_start",
    "quote_end",
    "cue",
    "kind",
    "date",
    "venue",
}
TEXT = "“The dam is safe,” Mayor Lena Kovacs said Tuesday.\n\nThe Kremlin declined to comment."


def _cli(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "timeline.extract"],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_cli_writes_one_line_per_input_line_in_order() -> None:
    lines = [
        {"id": "a", "text": TEXT, "published": "2025-03-12"},
        {"id": 7, "text": "Nothing was said.", "published": "2025-03-12T09:30:00Z"},
    ]
    proc = _cli("".join(json.dumps(x) + "\n" for x in lines).encode())
    assert proc.returncode == 0
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a", 7]
    first = out[0]
    assert set(first) >= {"id", "timexes", "entities", "statements", "events"}
    assert first["events"] == []
    (st,) = first["statements"]
    assert set(st) >= STATEMENT_KEYS
    assert st["speaker"] == "Lena Kovacs"
    assert TEXT[st["quote_start"] : st["quote_end"]] == "The dam is safe"
    assert {"start", "end", "text", "name", "kind"} <= set(first["entities"][0])


def test_cli_reports_bad_lines_and_goes_on() -> None:
    stdin = (
        b"not json\n"
        b'{"id": "x", "text": 3, "published": "2025-03-12"}\n'
        b'{"id": "y", "text": "ok", "published": "12/03/2025"}\n'
        b"\n"
        b'{"id": "z", "text": "ok", "published": "2025-03-12"}\n'
    )
    proc = _cli(stdin)
    assert proc.returncode == 0
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(out) == 4
    assert out[0]["id"] is None
    assert "error" in out[0]
    assert out[1]["id"] == "x"
    assert "error" in out[1]
    assert out[2]["id"] == "y"
    assert "error" in out[2]
    assert out[3]["id"] == "z"
    assert "error" not in out[3]


def test_cli_fails_on_unreadable_input() -> None:
    proc = _cli(b"\xff\xfe\xfa broken\n")
    assert proc.returncode != 0


def test_to_json_offsets_point_into_the_text() -> None:
    x = extract(TEXT, date(2025, 3, 12))
    doc = to_json(x, "id-1")
    for m in doc["entities"]:
        assert TEXT[m["start"] : m["end"]] == m["text"]
    for s in doc["statements"]:
        assert TEXT[s["speaker_start"] : s["speaker_end"]] == s["speaker_text"]
        assert TEXT[s["cue_start"] : s["cue_end"]] == s["cue"]
    assert json.loads(json.dumps(doc)) == doc


def test_extract_accepts_a_datetime_and_exposes_the_document() -> None:
    x = extract(TEXT, datetime(2025, 3, 12, 23, 59))
    assert x.document is not None
    assert x.document.published == date(2025, 3, 12)
    assert len(x.document.paragraphs) == 2
    assert x.document.sentence_at(TEXT.index("Kremlin")).start == TEXT.index("The Kremlin")


_ALPHABET = "abc XYZ said told “”\"'.,:;—-\n0123 Mr. Gen. According to, he she Russia U.S. ("


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_extract_never_fails_and_spans_stay_inside_the_text(text: str) -> None:
    x = extract(text, date(2025, 3, 12))
    for m in x.entities:
        assert text[m.start : m.end] == m.text
    for s in x.statements:
        assert 0 <= s.quote_start <= s.quote_end <= len(text)
        assert text[s.cue_start : s.cue_end] == s.cue
        if s.speaker_start is not None:
            assert s.speaker_end is not None
            assert text[s.speaker_start : s.speaker_end] == s.speaker_text
