"""Helpers shared by the evaluation subcommands: run a shared scorer, rewrite a
marked section of docs/quality.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
QUALITY = ROOT / "docs" / "quality.md"


def run_scorer(scorer: Path, gold: Path, system: Path, *extra: str) -> dict[str, Any]:
    """Run a ``shared/tools/score_*.py`` scorer with ``--json`` and return its figures."""
    proc = subprocess.run(  # noqa: S603 - fixed interpreter and repo-relative paths
        [sys.executable, str(scorer), str(gold), str(system), "--json", *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def write_section(name: str, body: str, path: Path = QUALITY) -> None:
    """Replace ``<!-- name:begin -->...<!-- name:end -->`` in ``path``, leaving the rest.

    Creates the file (titled "# Extraction quality") or appends the section when the
    markers are missing.
    """
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Extraction quality\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
