"""``python -m timeline.extract.eval quotes``: statements vs PolNeAR dev, plus a naive baseline.

Runs the engine over every document of ``shared/data/quotes/dev.json``, writes
the CLI-format system output to ``var/eval/quotes-system.jsonl``, runs the
naive baseline (``baseline_quotes``) the same way, scores both with the
shared ``score_quotes.py`` (its default kinds: direct, mixed and speech-verb
indirect) and rewrites the ``quotes`` section of docs/quality.md.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from timeline.extract.eval.report import ROOT, run_scorer, write_section

SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
OUT_DIR = ROOT / "var" / "eval"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``quotes`` subcommand."""
    parser.add_argument("--gold", type=Path, default=SHARED / "data" / "quotes" / "dev.json")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_quotes.py")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/quality.md")


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_system(
    docs: list[dict[str, Any]], fn: Callable[[str, date, Any], dict[str, Any]]
) -> tuple[list[dict[str, Any]], float]:
    """Apply ``fn(text, date, id)`` to every document; returns rows and seconds taken."""
    t0 = time.perf_counter()
    rows = [fn(d["text"], date.fromisoformat(d["date"]), d["id"]) for d in docs]
    return rows, time.perf_counter() - t0


def _engine(text: str, published: date, doc_id: Any) -> dict[str, Any]:
    from timeline.extract.pipeline import extract, to_json

    return to_json(extract(text, published), doc_id)


def _baseline(text: str, published: date, doc_id: Any) -> dict[str, Any]:
    from timeline.extract.eval.baseline_quotes import baseline_statements

    return {"id": doc_id, "statements": baseline_statements(text)}


def _row(name: str, r: dict[str, Any], secs: float, n: int) -> str:
    return (
        f"| {name} | {r['precision']:.3f} | {r['content_recall']:.3f} | "
        f"{r['attributed_recall']:.3f} | {r['f1']:.3f} | {r['gold']} | {r['system']} | "
        f"{n / secs:.0f} |"
    )


def run(args: argparse.Namespace) -> int:
    """Run engine and baseline, score both, print and record the figures."""
    docs: list[dict[str, Any]] = json.loads(args.gold.read_text(encoding="utf-8"))
    if args.limit:
        docs = docs[: args.limit]
    results = {}
    for name, fn in (("engine", _engine), ("baseline", _baseline)):
        rows, secs = run_system(docs, fn)
        out = OUT_DIR / f"quotes-{name}.jsonl"
        write_jsonl(out, rows)
        res = (
            run_scorer(args.scorer, args.gold, out)
            if not args.limit
            else _score_subset(args, docs, out)
        )
        results[name] = (res, secs)
        print(
            f"{name}: "
            + " ".join(
                f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in res.items()
            )
            + f" docs/s={len(docs) / secs:.0f}"
        )
    if not args.no_docs and not args.limit:
        body = [
            "## Statements vs PolNeAR dev (quotes)",
            "",
            f"`python -m timeline.extract.eval quotes` — {len(docs)} documents of "
            "`shared/data/quotes/dev.json`, scored by `shared/tools/score_quotes.py` with its "
            "default kinds (direct, mixed, speech-verb indirect). Attributed recall needs the "
            "speaker mention to overlap the gold source; F1 combines precision with it.",
            "",
            "| system | precision | content recall | attributed recall | F1 | gold | system "
            "statements | docs/s (wall clock, whole pipeline) |",
            "|---|---|---|---|---|---|---|---|",
            _row("engine", *results["engine"], len(docs)),
            _row(
                "naive baseline (quoted text + nearest capitalised name)",
                *results["baseline"],
                len(docs),
            ),
        ]
        write_section("quotes", "\n".join(body))
    return 0


def _score_subset(
    args: argparse.Namespace, docs: list[dict[str, Any]], out: Path
) -> dict[str, Any]:
    """Score against only the documents that were run (``--limit``)."""
    sub = OUT_DIR / "quotes-gold-subset.json"
    sub.write_text(json.dumps(docs), encoding="utf-8")
    return run_scorer(args.scorer, sub, out)
