"""``python -m timeline.extract.eval pages``: article text and dates from real web pages.

Ingestion turns a fetched page into the text the engine reads and the date that anchors its
relative expressions (``timeline.ingest.parse.parse_html``). Scored here on
``shared/data/news-html``: hand-annotated article bodies (Zyte's article-extraction-benchmark,
token F1 as that benchmark scores it) and publication dates (htmldate's evaluation sets,
day-exact accuracy). Baselines in the same run: all visible text of the page, trafilatura
with its default settings, and htmldate's default ``find_date``. Writes the ``pages``
section of docs/quality.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from timeline.extract.eval.quotes import SHARED
from timeline.extract.eval.report import write_section

PAGES = SHARED / "data" / "news-html"
_TOKEN = re.compile(r"\w+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``pages`` subcommand."""
    parser.add_argument("--data", type=Path, default=PAGES, help="the news-html folder")
    parser.add_argument("--limit", type=int, default=0, help="at most this many pages per part")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/quality.md")


def token_f1(gold: str, predicted: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of word tokens, as the article-extraction-benchmark counts."""
    g = Counter(_TOKEN.findall(gold.lower()))
    p = Counter(_TOKEN.findall(predicted.lower()))
    overlap = sum((g & p).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def _ours_text(html: bytes, url: str) -> str:
    from timeline.exceptions import ParseError
    from timeline.ingest.parse import parse_html

    try:
        return parse_html(html, url=url).text
    except ParseError:
        return ""


def _trafilatura_default(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _visible_text(html: bytes, url: str) -> str:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for node in tree.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    body = tree.find("body")
    return str((body if body is not None else tree).text_content())


def _ours_date(html: bytes, url: str) -> date | None:
    from timeline.exceptions import ParseError
    from timeline.ingest.parse import parse_html

    try:
        return parse_html(html, url=url).published
    except ParseError:
        return None


def _htmldate_default(html: bytes, url: str) -> date | None:
    import htmldate

    try:
        found = htmldate.find_date(html, url=url)
    except (ValueError, TypeError):
        return None
    return date.fromisoformat(found[:10]) if found else None


def _read(folder: Path, page_id: str) -> bytes:
    with gzip.open(folder / "pages" / f"{page_id}.html.gz", "rb") as fh:
        return fh.read()


def _bodies(
    folder: Path, truth: dict[str, Any], ids: list[str]
) -> list[tuple[str, dict[str, float]]]:
    systems: list[tuple[str, Callable[[bytes, str], str]]] = [
        ("engine (`parse_html`: trafilatura, precision mode, headline dropped)", _ours_text),
        ("trafilatura, default settings", _trafilatura_default),
        ("all visible text of the page", _visible_text),
    ]
    pages = [(_read(folder, i), str(truth[i]["url"]), str(truth[i]["body"])) for i in ids]
    rows = []
    for name, system in systems:
        scores = []
        started = time.process_time()
        for html, url, gold in pages:
            scores.append(token_f1(gold, system(html, url)))
        elapsed = time.process_time() - started
        f1s = [s[2] for s in scores]
        rows.append(
            (
                name,
                {
                    "precision": statistics.mean(s[0] for s in scores),
                    "recall": statistics.mean(s[1] for s in scores),
                    "f1": statistics.mean(f1s),
                    "median": statistics.median(f1s),
                    "pages_per_s": len(pages) / elapsed if elapsed else 0.0,
                },
            )
        )
    return rows


def _dates(
    folder: Path, truth: dict[str, Any], ids: list[str]
) -> list[tuple[str, dict[str, float]]]:
    systems: list[tuple[str, Callable[[bytes, str], date | None]]] = [
        ("engine (`parse_html`: trafilatura metadata, then htmldate extensive)", _ours_date),
        ("htmldate `find_date`, default settings", _htmldate_default),
    ]
    rows = []
    for name, system in systems:
        right = found = 0
        started = time.process_time()
        for page_id in ids:
            got = system(_read(folder, page_id), str(truth[page_id]["url"]))
            found += got is not None
            right += got is not None and got.isoformat() == truth[page_id]["date"]
        elapsed = time.process_time() - started
        rows.append(
            (
                name,
                {
                    "accuracy": right / len(ids),
                    "found": found / len(ids),
                    "precision": right / found if found else 0.0,
                    "pages_per_s": len(ids) / elapsed if elapsed else 0.0,
                },
            )
        )
    return rows


def run(args: argparse.Namespace) -> int:
    """Score both parts, print them and (unless --no-docs) rewrite the docs section."""
    folder: Path = args.data
    truth_file = folder / "ground-truth.json"
    if not truth_file.exists():
        print(f"{truth_file} not found")
        return 2
    truth: dict[str, Any] = json.loads(truth_file.read_text(encoding="utf-8"))
    body_ids = sorted(k for k, v in truth.items() if v.get("body"))
    date_ids = sorted(k for k, v in truth.items() if v.get("date"))
    if args.limit:
        body_ids, date_ids = body_ids[: args.limit], date_ids[: args.limit]
    bodies = _bodies(folder, truth, body_ids)
    dates = _dates(folder, truth, date_ids)
    lines = [
        "## Article text and dates from web pages (ingestion)",
        "",
        "`python -m timeline.extract.eval pages` — `shared/data/news-html`: "
        f"{len(body_ids)} pages with hand-annotated bodies (article-extraction-benchmark; "
        "token precision/recall/F1 averaged over pages, as that benchmark scores) and "
        f"{len(date_ids)} pages with gold publication dates (htmldate's evaluation sets; "
        "day-exact). The date decides how relative expressions are anchored. Baselines from the "
        "same run; speed is CPU time in one process.",
        "",
        "| article text | precision | recall | F1 (mean) | F1 (median) | pages/s |",
        "|---|---|---|---|---|---|",
    ]
    for name, m in bodies:
        lines.append(
            f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} "
            f"| {m['median']:.3f} | {m['pages_per_s']:.0f} |"
        )
    lines += [
        "",
        "| publication date | accuracy | dates given | right when given | pages/s |",
        "|---|---|---|---|---|",
    ]
    for name, m in dates:
        lines.append(
            f"| {name} | {m['accuracy']:.3f} | {m['found']:.3f} | {m['precision']:.3f} "
            f"| {m['pages_per_s']:.0f} |"
        )
    body = "\n".join(lines)
    print(body)
    if not args.no_docs:
        write_section("pages", body)
    return 0
