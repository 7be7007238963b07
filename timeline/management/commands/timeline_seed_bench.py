"""Generate a large, deterministic timeline for benchmarks (bench/bench_rest.py and friends).

    python manage.py timeline_seed_bench                      # 1,000,000 events, 300,000 statements
    python manage.py timeline_seed_bench --events 200 --statements 60   # tests

Rows are written with COPY on PostgreSQL (bulk_create batches elsewhere), bypassing services:
this is synthetic load, not editorial data. The same --seed always produces the same rows.
Entities are linked with a Zipf-like popularity (a few appear everywhere, most rarely), dates
spread over 2000–2025 with mixed precisions, ~90% of items published. Refuses to run on a
database that already has events unless --force (which deletes every timeline row first).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.management.color import no_style
from django.db import connection, models, transaction

from timeline.enums import (
    DatePrecision,
    EntityKind,
    EventRole,
    EventType,
    OccurrenceStatus,
    ReviewState,
    Stance,
    StatementKind,
    StatementRole,
)
from timeline.models import (
    Article,
    ChangeCounter,
    Entity,
    Event,
    EventEntity,
    EventSource,
    Outlet,
    Statement,
    StatementEntity,
    StatementSource,
)

FIRST_DAY = date(2000, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days
NOW = datetime(2026, 1, 1, tzinfo=UTC)
WORDS = ("talks", "troops", "border", "ceasefire", "sanctions", "pact", "summit", "ports")
P, C = EntityKind.PERSON, EntityKind.COUNTRY
KINDS = (C, EntityKind.ORGANIZATION, P, EntityKind.CITY, P, EntityKind.GROUP, EntityKind.REGION, P)
D = DatePrecision
PRECISIONS = ((D.DAY, 0.70), (D.MONTH, 0.14), (D.WEEK, 0.06), (D.YEAR, 0.05), (D.UNKNOWN, 0.05))
STATES = ((ReviewState.PUBLISHED, 0.90), (ReviewState.PENDING, 0.08), (ReviewState.REJECTED, 0.02))


class Zipf:
    """Draws indexes 0..n-1 with probability proportional to 1/(i+1)^s (deterministic rng)."""

    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        self.cum = list(itertools.accumulate(1 / (i + 1) ** s for i in range(n)))
        self.rng = rng

    def draw(self) -> int:
        return bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])

    def distinct(self, k: int) -> list[int]:
        picked: dict[int, None] = {}
        while len(picked) < k:
            picked[self.draw()] = None
        return list(picked)


def _choice(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    roll, acc = rng.random(), 0.0
    for value, weight in weighted:
        acc += weight
        if roll < acc:
            return value
    return weighted[-1][0]


def _interval(rng: random.Random, precision: str) -> tuple[date | None, date | None, date, str]:
    """(date_start, date_end, sort_date, TIMEX3 value) for a random day and a precision."""
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    if precision == DatePrecision.UNKNOWN:
        return None, None, day, ""
    if precision == DatePrecision.MONTH:
        start = day.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return start, end, start, start.strftime("%Y-%m")
    if precision == DatePrecision.WEEK:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6), start, start.strftime("%G-W%V")
    if precision == DatePrecision.YEAR:
        start = day.replace(month=1, day=1)
        return start, day.replace(month=12, day=31), start, str(day.year)
    return day, day, day, day.isoformat()


TABLES: tuple[type[models.Model], ...] = (
    Outlet,
    Article,
    Entity,
    Event,
    EventEntity,
    EventSource,
    Statement,
    StatementEntity,
    StatementSource,
)


def _stamps(i: int) -> dict[str, Any]:
    moment = NOW - timedelta(minutes=i)
    return {"created_at": moment, "updated_at": moment}


def _links(parent: str, links: list[tuple[int, int, str]]) -> Iterator[dict[str, Any]]:
    for n, (item, entity, role) in enumerate(links, 1):
        yield {"id": n, parent: item, "entity_id": entity, "role": role}


def _event_sources(sources: list[tuple[int, int, int, int]]) -> Iterator[dict[str, Any]]:
    for n, (event, article, o, k) in enumerate(sources, 1):
        sentence = f"Evidence {event}.{k}: {WORDS[(event + k) % len(WORDS)]} reported."
        yield {
            "id": n,
            "event_id": event,
            "article_id": article,
            "start": o,
            "end": o + 40,
            "sentence": sentence,
            "sentence_start": o,
            **_stamps(event),
        }


def _statement_sources(sources: list[tuple[int, int, int, int]]) -> Iterator[dict[str, Any]]:
    for n, (item, article, o, k) in enumerate(sources, 1):
        yield {
            "id": n,
            "statement_id": item,
            "article_id": article,
            "quote_start": o,
            "quote_end": o + 60,
            "speaker_start": o + 70,
            "speaker_end": o + 85,
            "sentence": f"Quote {item}.{k}.",
            "sentence_start": o,
            **_stamps(item),
        }


def _dated(rng: random.Random, precision: str, i: int) -> dict[str, Any]:
    """The fields events and statements share: dates, review state, confidence, stamps."""
    start, end, sort_date, value = _interval(rng, precision)
    return {
        "id": i,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_value": value,
        "sort_date": sort_date,
        "review_state": _choice(rng, STATES),
        "confidence": round(rng.uniform(0.5, 1.0), 2),
        "extractor_version": "bench",
        **_stamps(i),
    }


@dataclass
class Plan:
    """Generation state: the rng, popularity laws, and link rows (compact tuples) collected
    while the parent table streams."""

    rng: random.Random
    popular: Zipf
    speakers: Zipf
    persons: list[int]
    articles: int
    e_links: list[tuple[int, int, str]] = field(default_factory=list)
    e_sources: list[tuple[int, int, int, int]] = field(default_factory=list)
    s_links: list[tuple[int, int, str]] = field(default_factory=list)
    s_sources: list[tuple[int, int, int, int]] = field(default_factory=list)


class Writer:
    """Streams rows (dicts keyed by field attname) into a table: COPY or bulk_create."""

    def __init__(self, batch: int) -> None:
        self.batch = batch
        self.postgres = connection.vendor == "postgresql"

    def write(self, model: type[models.Model], rows: Iterator[dict[str, Any]]) -> int:
        fields = list(model._meta.concrete_fields)
        count = 0
        if self.postgres:
            columns = ", ".join(f'"{f.column}"' for f in fields)
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(  # type: ignore[attr-defined]
                    f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN'
                ) as copy,
            ):
                for row in rows:
                    copy.write_row([_db(row.get(f.attname), f) for f in fields])
                    count += 1
            return count
        buffer: list[models.Model] = []
        for row in rows:
            buffer.append(model(**row))
            count += 1
            if len(buffer) >= self.batch:
                model.objects.bulk_create(buffer)  # type: ignore[attr-defined]
                buffer = []
        if buffer:
            model.objects.bulk_create(buffer)  # type: ignore[attr-defined]
        return count


def _db(value: Any, field: models.Field[Any, Any]) -> Any:
    if isinstance(field, models.JSONField):
        return json.dumps(value if value is not None else field.get_default())
    if value is None and not field.null:
        default = field.get_default()
        return default
    return value


class Command(BaseCommand):
    help = "Generate a large deterministic timeline for benchmarks (COPY on PostgreSQL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=int, default=1_000_000)
        parser.add_argument("--statements", type=int, default=300_000)
        parser.add_argument("--entities", type=int, default=2_000)
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--outlets", type=int, default=40)
        parser.add_argument("--seed", type=int, default=20241030)
        parser.add_argument("--batch", type=int, default=5_000, help="bulk_create batch size")
        parser.add_argument(
            "--force", action="store_true", help="delete every existing timeline row first"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        if Event.objects.exists() or Statement.objects.exists():
            if not opts["force"]:
                raise CommandError("The database already has events; use --force to replace.")
            self._wipe()
        rng = random.Random(opts["seed"])
        writer = Writer(opts["batch"])
        started = time.perf_counter()
        n_entities, n_articles = max(opts["entities"], 4), max(opts["articles"], 1)
        n_outlets, n_events = max(opts["outlets"], 1), opts["events"]
        persons = [i + 1 for i in range(n_entities) if KINDS[i % len(KINDS)] == "person"]
        plan = Plan(
            rng, Zipf(n_entities, 1.0, rng), Zipf(len(persons), 1.0, rng), persons, n_articles
        )
        steps: list[tuple[type[models.Model], Iterator[dict[str, Any]]]] = [
            (Outlet, self._outlets(n_outlets)),
            (Article, self._articles(rng, n_articles, n_outlets)),
            (Entity, self._entities(n_entities)),
            (Event, self._events(plan, n_events)),
            (EventEntity, _links("event_id", plan.e_links)),
            (EventSource, _event_sources(plan.e_sources)),
            (Statement, self._statements(plan, opts["statements"], n_events)),
            (StatementEntity, _links("statement_id", plan.s_links)),
            (StatementSource, _statement_sources(plan.s_sources)),
        ]
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # a COPY of a million rows takes minutes
                    cursor.execute("SET LOCAL statement_timeout = 0")
            for model, rows in steps:
                self._step(writer, model, rows)
            last = n_events + opts["statements"]
            ChangeCounter.objects.update_or_create(
                name="timeline", defaults={"value": last, "changed_at": NOW}
            )
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(TABLES)):
                    cursor.execute(sql)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
                # VACUUM sets the visibility map (index-only scans); not possible inside a
                # transaction (tests), where ANALYZE alone must do.
                in_tx = connection.in_atomic_block
                cursor.execute("ANALYZE" if in_tx else "VACUUM ANALYZE")
        self.stdout.write(f"seeded in {time.perf_counter() - started:.0f}s")

    def _step(
        self, writer: Writer, model: type[models.Model], rows: Iterator[dict[str, Any]]
    ) -> None:
        started = time.perf_counter()
        count = writer.write(model, rows)
        name = model._meta.db_table
        self.stdout.write(f"  {name}: {count:,} rows in {time.perf_counter() - started:.1f}s")

    def _wipe(self) -> None:
        if connection.vendor == "postgresql":
            tables = ", ".join(f'"{model._meta.db_table}"' for model in TABLES)
            with connection.cursor() as cursor:
                # Inside a transaction (tests), deferred FK checks must fire before TRUNCATE.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute(f"TRUNCATE {tables} CASCADE")
            return
        for model in reversed(TABLES):
            model.objects.all().delete()  # type: ignore[attr-defined]

    def _outlets(self, n: int) -> Iterator[dict[str, Any]]:
        for i in range(1, n + 1):
            yield {
                "id": i,
                "name": f"Bench Outlet {i}",
                "domain": f"outlet{i}.example.org",
                "homepage": f"https://outlet{i}.example.org/",
                **_stamps(i),
            }

    def _articles(self, rng: random.Random, n: int, outlets: int) -> Iterator[dict[str, Any]]:
        for i in range(1, n + 1):
            outlet = rng.randrange(outlets) + 1
            url = f"https://outlet{outlet}.example.org/news/{i}"
            published = NOW - timedelta(minutes=rng.randrange(DAYS * 1440))
            yield {
                "id": i,
                "url": url,
                "url_hash": hashlib.sha256(url.encode()).hexdigest(),
                "origin": "url",
                "outlet_id": outlet,
                "title": f"Bench story {i}",
                "published_at": published,
                "date_source": "trafilatura",
                "text": f"Bench article {i}.",
                "status": "done",
                "status_changed_at": published,
                "extractor_version": "bench",
                "extracted_at": published,
                **_stamps(i),
            }

    def _entities(self, n: int) -> Iterator[dict[str, Any]]:
        for i in range(1, n + 1):
            kind = KINDS[(i - 1) % len(KINDS)]
            yield {
                "id": i,
                "name": f"Bench {kind.title()} {i}",
                "slug": f"bench-{kind}-{i}",
                "kind": kind,
                **_stamps(i),
            }

    def _events(self, plan: Plan, n: int) -> Iterator[dict[str, Any]]:
        rng = plan.rng
        types = [t.value for t in EventType]
        roles = [r.value for r in EventRole]
        for i in range(1, n + 1):
            precision = _choice(rng, PRECISIONS)
            dated = _dated(rng, precision, i)
            kind = types[rng.randrange(len(types))]
            for entity in plan.popular.distinct(rng.choice((1, 2, 2, 3))):
                plan.e_links.append((i, entity + 1, roles[rng.randrange(len(roles))]))
            n_sources = rng.choice((1, 1, 2, 3))
            for k in range(n_sources):
                # Offsets differ per k, so (event, article, start, end) stays unique.
                plan.e_sources.append(
                    (i, rng.randrange(plan.articles) + 1, rng.randrange(2000) * 4 + k, k)
                )
            happened = dated["sort_date"].year < 2025
            yield {
                **dated,
                "title": f"{kind.title()}: {rng.choice(WORDS)} {i}",
                "summary": f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)}",
                "type": kind,
                "status": OccurrenceStatus.HAPPENED if happened else OccurrenceStatus.SCHEDULED,
                "source_count": n_sources,
                "change_seq": i,
            }

    def _statements(self, plan: Plan, n: int, events: int) -> Iterator[dict[str, Any]]:
        rng = plan.rng
        kinds = [k.value for k in StatementKind]
        stances = [s.value for s in Stance]
        for i in range(1, n + 1):
            speaker = plan.persons[plan.speakers.draw()] if plan.persons else None
            dated = _dated(rng, DatePrecision.DAY, i)
            if speaker is not None:
                plan.s_links.append((i, speaker, StatementRole.SPEAKER))
            for entity in plan.popular.distinct(rng.choice((1, 1, 2))):
                if entity + 1 != speaker:
                    plan.s_links.append((i, entity + 1, StatementRole.MENTIONED))
            n_sources = rng.choice((1, 1, 2))
            for k in range(n_sources):
                plan.s_sources.append(
                    (i, rng.randrange(plan.articles) + 1, rng.randrange(2000) * 4 + k, k)
                )
            event = rng.randrange(events) + 1 if events and rng.random() < 0.3 else None
            yield {
                **dated,
                "speaker_id": speaker,
                "speaker_text": f"Bench Person {speaker}",
                "speaker_title": "Minister",
                "quote": f"We will discuss {rng.choice(WORDS)} and {rng.choice(WORDS)} ({i})",
                "kind": kinds[rng.randrange(len(kinds))],
                "cue": "said",
                "event_id": event,
                "stance": stances[rng.randrange(len(stances))] if event else Stance.NEUTRAL,
                "fingerprint": f"{i:064x}",
                "source_count": n_sources,
                "change_seq": events + i,
            }
