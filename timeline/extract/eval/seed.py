"""``python -m timeline.extract.eval extract``: the seed gold article(s) with score_extract.py.

Writes the CLI-format output to ``var/eval/seed-system.jsonl``, scores it with
the shared ``score_extract.py`` (statements: quote overlap + speaker name;
date accuracy on the found ones; events when the events stage exists) and
rewrites the ``seed`` section of docs/quality.md.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from timeline.extract.eval.quotes import OUT_DIR, SHARED, write_jsonl
from timeline.extract.eval.report import run_scorer, write_section


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``extract`` subcommand."""
    parser.add_argument("--gold", type=Path, default=SHARED / "data" / "seed" / "gold.json")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_extract.py")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/quality.md")


def run(args: argparse.Namespace) -> int:
    """Extract, score, print and record."""
    from timeline.extract.pipeline import extract, to_json

    gold: list[dict[str, Any]] = json.loads(args.gold.read_text(encoding="utf-8"))
    rows = [to_json(extract(d["text"], date.fromisoformat(d["dct"])), d["id"]) for d in gold]
    out = OUT_DIR / "seed-system.jsonl"
    write_jsonl(out, rows)
    results = run_scorer(args.scorer, args.gold, out)
    lines = [
        "## Seed article (statements and events)",
        "",
        "`python -m timeline.extract.eval extract` — `shared/data/seed/gold.json`, scored by "
        "`shared/tools/score_extract.py`. Targets: statements F1 ≥ 0.90 and date accuracy ≥ 0.90; "
        "events ≥ 9 of 11 with type and date, actor recall ≥ 0.8.",
        "",
        "| document | part | gold | system | found | precision | recall | F1 | date accuracy "
        "| actor recall |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for doc_id, parts in results.items():
        for part, m in parts.items():
            actor = f"{m['actor_recall']:.3f}" if "actor_recall" in m else "—"
            lines.append(
                f"| {doc_id} | {part} | {m['gold']} | {m['system']} | {m['found']} | "
                f"{m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                f"{m['date_accuracy']:.3f} | {actor} |"
            )
            print(
                f"{doc_id} {part}: "
                + " ".join(
                    f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in m.items()
                )
            )
    if not args.no_docs:
        write_section("seed", "\n".join(lines))
    return 0
