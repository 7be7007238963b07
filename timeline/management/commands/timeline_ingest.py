"""Submit articles from URLs, files, folders or stdin (JSON Lines) to the ingestion pipeline."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.dateparse import parse_datetime
from tqdm import tqdm

from timeline.exceptions import ServiceError
from timeline.services.articles import article_submit
from timeline.services.processing import article_process

SUFFIXES = {".jsonl", ".json", ".ndjson", ".html", ".htm", ".txt"}


def _when(raw: Any, where: str) -> datetime | None:
    if raw in (None, ""):
        return None
    value = parse_datetime(str(raw)) or (
        parse_datetime(f"{raw}T12:00:00+00:00") if len(str(raw)) == 10 else None
    )
    if value is None:
        raise CommandError(f"{where}: published_at {raw!r} is not an ISO date/datetime")
    return value


class Command(BaseCommand):
    help = (
        'Ingest articles. Each INPUT is a URL, a file (.jsonl lines like {"url"} or '
        '{"text","title","published_at"} or {"html","url"}; .html; .txt whose first '
        "line is the title), a folder of such files, or '-' for JSON Lines on stdin."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("inputs", nargs="+", metavar="INPUT")
        parser.add_argument(
            "--published", help="publication date for .txt/.html files (ISO date or datetime)"
        )
        parser.add_argument("--url", help="source URL for a single .html file")
        parser.add_argument(
            "--sync",
            action="store_true",
            help="process in this process instead of enqueueing to workers",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        items = list(self._items(options))
        show = sys.stderr.isatty() and not options["no_progress"]
        counts: Counter[str] = Counter()
        for where, payload in tqdm(items, disable=not show, unit="article"):
            try:
                article, created = article_submit(**payload)
            except ServiceError as exc:
                counts["rejected"] += 1
                self.stderr.write(f"{where}: rejected: {exc.detail}")
                continue
            counts["created" if created else "existing"] += 1
            if options["sync"] and created:
                counts[f"status:{article_process(article_id=article.pk)}"] += 1
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"{len(items)} inputs: {summary}"))
        if counts["rejected"] and counts["rejected"] == len(items):
            raise CommandError("every input was rejected")

    def _items(self, options: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        for raw in options["inputs"]:
            if raw == "-":
                yield from self._json_lines(sys.stdin, "<stdin>")
            elif raw.startswith(("http://", "https://")):
                yield raw, {"url": raw}
            else:
                path = Path(raw)
                if path.is_dir():
                    for child in sorted(path.rglob("*")):
                        if child.is_file() and child.suffix.lower() in SUFFIXES:
                            yield from self._file(child, options)
                elif path.is_file():
                    yield from self._file(path, options)
                else:
                    raise CommandError(f"{raw}: not a URL, file or folder")

    def _file(self, path: Path, options: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson", ".json"):
            with path.open(encoding="utf-8") as handle:
                yield from self._json_lines(handle, str(path))
            return
        content = path.read_text(encoding="utf-8", errors="replace")
        published = _when(options.get("published"), str(path))
        if suffix in (".html", ".htm"):
            if not options.get("url"):
                raise CommandError(
                    f"{path}: an .html file needs --url (or use JSON Lines "
                    'with {"html", "url"} per page)'
                )
            yield str(path), {"html": content, "url": options["url"]}
            return
        title, _, body = content.strip().partition("\n")
        if published is None:
            raise CommandError(f"{path}: .txt files need --published (relative dates hang on it)")
        yield str(path), {"text": body.strip(), "title": title.strip(), "published_at": published}

    def _json_lines(self, handle: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            place = f"{where}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{place}: not JSON ({exc.msg})") from exc
            payload = {
                key: row[key]
                for key in ("url", "text", "html", "title", "author")
                if row.get(key) is not None
            }
            published = _when(row.get("published_at") or row.get("published"), place)
            if published is not None:
                payload["published_at"] = published
            yield place, payload
