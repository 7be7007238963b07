"""Throughput of the whole extraction pipeline on TempEval-3 (TBAQ) texts, on one core.

usage: python bench/bench_extract.py [--repeat 4] [--rounds 3] [--write]

Two measurements, both pinned to a single CPU and timed in CPU seconds (user + system) so
that other jobs on a shared machine do not distort "articles per second per core":
  in-process  extract() + to_json() + JSON encoding per article, best of --rounds passes;
  CLI         `python -m timeline.extract` fed the corpus --repeat times on stdin, the child's
              CPU time including interpreter start-up and imports (a start-up-free figure is
              also printed: the same run minus an empty-input run).
--write rewrites the bench-extract section of bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "tempeval3" / "tbaq.json"
README = ROOT / "bench" / "README.md"
TARGET = 300.0


def _pin() -> str:
    """Run this process (and its children) on one CPU; returns a description."""
    if hasattr(os, "sched_setaffinity"):
        cpu = sorted(os.sched_getaffinity(0))[-1]
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def in_process(docs: list[dict[str, str]], rounds: int) -> float:
    """Articles per second through extract() + to_json() + json.dumps, best round."""
    sys.path.insert(0, str(ROOT))
    from timeline.extract.pipeline import extract, to_json

    items = [(d["id"], d["text"], date.fromisoformat(d["dct"][:10])) for d in docs]
    for doc_id, text, dct in items[:20]:  # warm-up: lazy loads, regex caches
        json.dumps(to_json(extract(text, dct), doc_id))
    best = 0.0
    for _ in range(rounds):
        t0 = time.process_time()
        for doc_id, text, dct in items:
            json.dumps(to_json(extract(text, dct), doc_id))
        best = max(best, len(items) / (time.process_time() - t0))
    return best


def stages(docs: list[dict[str, str]]) -> dict[str, float]:
    """CPU milliseconds per article spent in each stage (best of three passes)."""
    import dataclasses

    from timeline.extract import pipeline
    from timeline.extract.entities import recognize
    from timeline.extract.statements import extract_statements
    from timeline.extract.text import make_document

    items = [(d["text"], date.fromisoformat(d["dct"][:10])) for d in docs]
    best: dict[str, float] = {}
    for _ in range(3):
        spent = dict.fromkeys(("segmentation", "temporal", "entities", "statements", "events"), 0.0)
        for text, dct in items:
            t0 = time.process_time()
            doc = make_document(text, dct)
            t1 = time.process_time()
            doc = dataclasses.replace(doc, timexes=pipeline._tag(text, dct))
            t2 = time.process_time()
            index = recognize(text)
            doc = dataclasses.replace(doc, mentions=tuple(index.mentions))
            t3 = time.process_time()
            statements = extract_statements(doc, index)
            t4 = time.process_time()
            if pipeline._EVENTS is not None:
                events = pipeline._EVENTS[0](doc, statements)
                pipeline._EVENTS[1](doc, events, statements)
            t5 = time.process_time()
            for name, dt in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                spent[name] += dt
        for name, total in spent.items():
            ms = 1000 * total / len(items)
            best[name] = min(best.get(name, ms), ms)
    return best


def cli(docs: list[dict[str, str]], repeat: int) -> tuple[float, float, int]:
    """(articles/s with start-up, articles/s without start-up, articles) for the CLI."""
    lines = (
        "".join(
            json.dumps({"id": d["id"], "text": d["text"], "published": d["dct"][:10]}) + "\n"
            for d in docs
        )
        * repeat
    )
    cmd = [sys.executable, "-m", "timeline.extract"]

    def timed(stdin: str) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(f"CLI failed: {proc.stderr[-2000:]}")
        return elapsed

    startup = min(timed("") for _ in range(2))
    full = timed(lines)
    n = len(docs) * repeat
    return n / full, n / max(full - startup, 1e-9), n


def write_readme(body: str) -> None:
    """Replace the bench-extract section of bench/README.md (creating the file if needed)."""
    begin, end = "<!-- bench-extract:begin -->", "<!-- bench-extract:end -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def main() -> int:
    """Run both measurements and print (and optionally record) them."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=4, help="corpus copies fed to the CLI")
    parser.add_argument("--rounds", type=int, default=3, help="in-process passes (best kept)")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    args = parser.parse_args()
    docs = json.loads(CORPUS.read_text(encoding="utf-8"))
    pinned = _pin()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    chars = sum(len(d["text"]) for d in docs) / len(docs)
    rate = in_process(docs, args.rounds)
    per_stage = stages(docs)
    cli_rate, cli_warm, n = cli(docs, args.repeat)
    verdict = "meets" if min(rate, cli_warm) >= TARGET else "BELOW"
    print(f"corpus: {len(docs)} TBAQ articles, {chars:.0f} chars on average; {pinned}")
    print(f"machine load average when started: {load:.1f} on {os.cpu_count()} CPUs")
    print(f"in-process extract+to_json: {rate:.0f} articles/s")
    print(f"CLI ({n} articles): {cli_rate:.0f} articles/s with start-up, {cli_warm:.0f} without")
    print(f"target {TARGET:.0f} articles/s per core: {verdict}")
    print("CPU ms per article by stage: " + ", ".join(f"{k} {v:.2f}" for k, v in per_stage.items()))
    if args.write:
        write_readme(
            "\n".join(
                [
                    "## Extraction pipeline throughput",
                    "",
                    "`python bench/bench_extract.py --write` — the whole pipeline (segmentation, "
                    "time expressions, entities, statements, JSON output) on the "
                    f"{len(docs)} TempEval-3 TBAQ texts ({chars:.0f} characters on average), "
                    "pinned to one CPU. Target: ≥ 300 articles/s per core.",
                    "",
                    "| measurement | articles/s |",
                    "|---|---|",
                    f"| in-process `extract()` + `to_json()` (best of {args.rounds}) | {rate:.0f} |",
                    f"| `python -m timeline.extract`, {n} articles, start-up excluded "
                    f"| {cli_warm:.0f} |",
                    f"| `python -m timeline.extract`, {n} articles, start-up included "
                    f"| {cli_rate:.0f} |",
                    "",
                    "CPU milliseconds per article by stage: "
                    + ", ".join(f"{k} {v:.2f}" for k, v in per_stage.items())
                    + ".",
                    "",
                    f"Machine: {platform.processor() or platform.machine()}, Python "
                    f"{platform.python_version()}; {pinned}; load average {load:.1f} on "
                    f"{os.cpu_count()} CPUs when measured; timed in CPU seconds, so other "
                    "jobs on a shared machine matter less (cache and frequency effects remain: "
                    "expect ±15 %).",
                ]
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
