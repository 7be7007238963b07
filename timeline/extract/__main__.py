"""``python -m timeline.extract``: JSON Lines in, one extraction per line out.

Input lines: ``{"id", "text", "published"}`` (``published`` is ``YYYY-MM-DD`` or
an ISO datetime). Output: one line per input line, in order; a line that
cannot be processed yields ``{"id": ..., "error": "..."}`` and processing goes
on. The exit status is non-zero only when stdin itself cannot be read or
decoded, so one bad article never loses a batch. See docs/extraction.md.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import IO, Any

import orjson

from timeline.extract.pipeline import extract, to_json, warm_up


def _dumps(obj: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(obj) + b"\n"
    except TypeError:
        return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def parse_published(value: Any) -> date | datetime:
    """``YYYY-MM-DD`` or an ISO 8601 datetime (a trailing ``Z`` is accepted)."""
    if not isinstance(value, str) or not value:
        raise ValueError("'published' must be a YYYY-MM-DD date or an ISO datetime string")
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def process_line(line: str) -> dict[str, Any]:
    """The output object for one input line (an error object when the line is bad)."""
    doc_id: Any = None
    try:
        obj = json.loads(line)  # the stdlib keeps big integer ids exact; orjson would not
        if not isinstance(obj, dict):
            raise ValueError("each line must be a JSON object")
        doc_id = obj.get("id")
        text = obj.get("text")
        if not isinstance(text, str):
            raise ValueError("'text' must be a string")
        published = parse_published(obj.get("published"))
        return to_json(extract(text, published), doc_id)
    except Exception as exc:  # one bad article must not stop the batch
        return {"id": doc_id, "error": f"{type(exc).__name__}: {exc}"}


def run(stdin: IO[bytes], stdout: IO[bytes]) -> int:
    """Process every non-blank line of ``stdin``; returns the exit status."""
    try:
        for raw in stdin:
            line = raw.decode("utf-8")
            if not line.strip():
                continue
            stdout.write(_dumps(process_line(line)))
    except (OSError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"timeline.extract: cannot read input: {exc}\n")
        return 2
    stdout.flush()
    return 0


def main() -> int:
    """Entry point of ``python -m timeline.extract``."""
    warm_up()  # compile lazily built tables now: start-up, not the first articles
    return run(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    sys.exit(main())
