"""Throughput of the temporal engine vs dateparser's ``search_dates`` on the same texts.

    python bench/bench_temporal.py [--tbaq PATH] [--repeat 5] [--no-dateparser]

Runs ``timeline.extract.temporal.tag`` over every TBAQ document ``--repeat`` times and
keeps the best pass (warm caches, least noise from other processes), then runs
``dateparser.search.search_dates`` (``RELATIVE_BASE`` = document date,
``languages=["en"]``) over the same documents once, and prints MB/s, documents/s and
the ratio.  Single process; only tagging is timed, in CPU time of this process
(``time.process_time``), so the figures are per core and do not depend on what
else the machine is running.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))


def engine(text: str, dct: date) -> int:
    from timeline.extract.temporal import tag

    return len(tag(text, dct))


def dateparser_search(text: str, dct: date) -> int:
    from dateparser.search import search_dates  # type: ignore[import-untyped, unused-ignore]

    base = datetime(dct.year, dct.month, dct.day)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return len(found or [])


def one_pass(fn: Callable[[str, date], int], docs: list[tuple[str, date]]) -> tuple[float, int]:
    t0 = time.process_time()
    n = sum(fn(text, dct) for text, dct in docs)
    return time.process_time() - t0, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tbaq", type=Path, default=SHARED / "data/tempeval3/tbaq.json")
    parser.add_argument("--repeat", type=int, default=5, help="engine passes (best is kept)")
    parser.add_argument("--no-dateparser", action="store_true")
    args = parser.parse_args(argv)
    if not args.tbaq.exists():
        print(f"TBAQ not found at {args.tbaq}; pass --tbaq PATH", file=sys.stderr)
        return 2
    raw: list[dict[str, Any]] = json.loads(args.tbaq.read_text(encoding="utf-8"))
    docs = [(d["text"], date.fromisoformat(d["dct"][:10])) for d in raw]
    mb = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
    print(f"{len(docs)} documents, {mb:.2f} MB, Python {platform.python_version()}, "
          f"{platform.processor() or platform.machine()}")  # fmt: skip
    systems: list[tuple[str, Callable[[str, date], int], int]] = [("engine", engine, args.repeat)]
    if not args.no_dateparser:
        systems.append(("dateparser.search_dates", dateparser_search, 1))
    speed: dict[str, float] = {}
    for name, fn, repeat in systems:
        fn("Warm-up on Monday, June 3, 2024.", date(2024, 6, 5))
        best, found = min(one_pass(fn, docs) for _ in range(max(1, repeat)))
        speed[name] = mb / best
        print(f"{name:26s} {best:8.3f} s  {mb / best:7.2f} MB/s  {len(docs) / best:9.0f} docs/s"
              f"  ({found} expressions)")  # fmt: skip
    if len(speed) == 2:
        print(
            f"ratio engine / dateparser: {speed['engine'] / speed['dateparser.search_dates']:.0f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
