"""REST timeline latency against the raw SQL floor and a naive DRF view; 304 throughput.

    .venv/bin/python bench/bench_rest.py                 # timeline_bench on PostgreSQL
    .venv/bin/python bench/bench_rest.py --iterations 600 --wrk-seconds 20 --json out.json

One run measures, on the same database and the same requests (the timeline filtered by one
entity and a date range, page of 50; the entity and the year window rotate over --variants
combinations so no single page stays hot):

- floor: the SQL statements our endpoint runs for that request (captured once from Django),
  replayed with a raw psycopg connection, rows assembled into nested dicts (children under
  their parents) and encoded with orjson. Same database work and payload volume, no Django.
- flat floor (for information): a single hand-written SQL statement returning the 50 merged
  items as flat rows (no sources, entities or statements), encoded with orjson; it walks the
  entity links in date order like the endpoint's key queries.
- ours: GET /api/v1/timeline/?entity=…&date_from=…&date_to=… through Django's test client
  (the whole middleware stack, DRF, our selectors and representations, orjson), no cache.
- naive: a DRF APIView with nested ModelSerializers (fields="__all__", no prefetching) and
  DRF's JSONRenderer over the same filter: the reference point of issue 6.
- 304s: CPU per anonymous 304 in this process (early middleware vs the full stack), then
  gunicorn on 127.0.0.1 serving the real app in each configuration of SERVERS (the full
  stack without the early 304 middleware as the baseline, sync and gthread workers); `wrk`
  sends the page's ETag as If-None-Match for --wrk-seconds and reports requests per second.

Settings: config.settings (production settings) with DEBUG off, SSL redirect off and the
anonymous throttle raised so the load generator is not throttled (the throttle still runs).
Data: `manage.py timeline_seed_bench` (1,000,000 events, 300,000 statements) in the database
named by --database-url (created and seeded by --seed if empty).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/timeline_bench"
RANK_FROM = 100  # a typical entity (~2,500 events); --rank-from 3 for the most linked ones
ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_SECRET_KEY": "bench-only-secret-key",
    "DJANGO_DEBUG": "False",
    "DJANGO_SECURE_SSL_REDIRECT": "False",
    "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
    "TIMELINE_THROTTLE_ANON": "100000000/min",
    "TIMELINE_THROTTLE_USER": "100000000/min",
    "LOG_LEVEL": "WARNING",
}


def setup(database_url: str) -> None:
    os.environ.update(ENV)
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


# --- the naive reference view ---------------------------------------------------------------


def naive_urlconf() -> Any:
    """A module-like urlconf: the real URLs plus /bench/naive/ (DRF ModelSerializers)."""
    import types

    from django.db.models import Q
    from django.urls import include, path
    from rest_framework import serializers
    from rest_framework.renderers import JSONRenderer
    from rest_framework.response import Response
    from rest_framework.views import APIView

    from timeline.models import (
        Article,
        Event,
        EventEntity,
        EventSource,
        Statement,
        StatementEntity,
        StatementSource,
    )

    def meta(model_: Any, depth: int = 0) -> type:
        return type("Meta", (), {"model": model_, "fields": "__all__", "depth": depth})

    def model_serializer(name: str, model_: Any, depth: int = 0, **fields: Any) -> Any:
        attrs = {"Meta": meta(model_, depth), **fields}
        return type(name, (serializers.ModelSerializer,), attrs)

    article = model_serializer("ArticleS", Article, depth=1)
    event_source = model_serializer("EventSourceS", EventSource, article=article())
    event_entity = model_serializer("EventEntityS", EventEntity, depth=1)
    statement_brief = model_serializer("StatementBriefS", Statement, depth=1)
    event_s = model_serializer(
        "EventS",
        Event,
        sources=event_source(many=True),
        event_entities=event_entity(many=True),
        statements=statement_brief(many=True),
    )
    statement_source = model_serializer("StatementSourceS", StatementSource, article=article())
    statement_entity = model_serializer("StatementEntityS", StatementEntity, depth=1)
    statement_s = model_serializer(
        "StatementS",
        Statement,
        depth=1,
        sources=statement_source(many=True),
        statement_entities=statement_entity(many=True),
    )

    class NaiveTimeline(APIView):
        renderer_classes = [JSONRenderer]
        permission_classes: list[Any] = []

        def get(self, request: Any) -> Response:
            slug = request.query_params["entity"]
            start, end = request.query_params["date_from"], request.query_params["date_to"]
            overlap = Q(date_start__isnull=False, date_start__lte=end, date_end__gte=start) | Q(
                date_start__isnull=True, sort_date__gte=start, sort_date__lte=end
            )
            events = list(
                Event.objects.filter(overlap, review_state="published", entities__slug=slug)
                .distinct()
                .order_by("sort_date", "id")[:50]
            )
            statements = list(
                Statement.objects.filter(overlap, review_state="published", entities__slug=slug)
                .distinct()
                .order_by("sort_date", "id")[:50]
            )
            merged = sorted(
                [(e.sort_date, "event", e.pk, e) for e in events]
                + [(s.sort_date, "statement", s.pk, s) for s in statements]
            )[:50]
            data = [
                event_s(obj).data if kind == "event" else statement_s(obj).data
                for _, kind, _, obj in merged
            ]
            return Response({"results": data})

    module = types.ModuleType("bench_urls")
    module.urlpatterns = [  # type: ignore[attr-defined]
        path("bench/naive/", NaiveTimeline.as_view()),
        path("", include("config.urls")),
    ]
    return module


# --- the floors ------------------------------------------------------------------------------


def capture_sql(client: Any, url: str) -> list[str]:
    """The SQL our endpoint runs for `url` (without the change-mark lookup)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in ctx.captured_queries if "timeline_changecounter" not in q["sql"]]


_TABLE = re.compile(r'FROM "(timeline_\w+)"')
# child table -> (foreign key to the parent, parent kind)
_CHILDREN = {
    "timeline_evententity": ("event_id", "event"),
    "timeline_eventsource": ("event_id", "event"),
    "timeline_statemententity": ("statement_id", "statement"),
    "timeline_statementsource": ("statement_id", "statement"),
}


def floor_request(conn: Any, statements: list[str]) -> bytes:
    """Replay the statements, nest child rows under their parents, encode with orjson."""
    import orjson

    parents: dict[str, dict[int, dict[str, Any]]] = {"event": {}, "statement": {}}
    children: list[tuple[str, str, list[dict[str, Any]]]] = []
    with conn.cursor() as cur:
        for sql in statements:
            cur.execute(sql)
            names = [d.name for d in cur.description]
            # Joined (select_related) columns repeat names: keep the main table's (first) ones.
            rows = [dict(zip(names[::-1], row[::-1], strict=True)) for row in cur.fetchall()]
            table = _TABLE.search(sql).group(1)  # type: ignore[union-attr]
            if names in (
                ["sort_date", "id"],
                ["sort_date", "event_id"],
                ["sort_date", "statement_id"],
            ):
                continue  # a key query: its ids are already in the row queries' SQL
            if table in _CHILDREN:
                children.append((*_CHILDREN[table], rows))
            elif table == "timeline_statement" and '"timeline_statement"."event_id" IN' in sql:
                children.append(("event_id", "event", rows))  # statements about events
            else:
                kind = "event" if table == "timeline_event" else "statement"
                parents[kind] = {row["id"]: row for row in rows}
    for key, kind, rows in children:
        for row in rows:
            parent = parents[kind].get(row[key])
            if parent is not None:
                parent.setdefault(key.replace("_id", "_children"), []).append(row)
    items = sorted(
        [*parents["event"].values(), *parents["statement"].values()],
        key=lambda r: (r["sort_date"], "quote" in r, r["id"]),
    )
    return orjson.dumps({"results": items}, option=orjson.OPT_NON_STR_KEYS)


FLAT_SQL = """
WITH e AS (
  SELECT DISTINCT 'event' AS kind, ee.event_id AS id, ee.sort_date
  FROM timeline_evententity ee
  WHERE ee.entity_id = (SELECT id FROM timeline_entity WHERE slug = %(slug)s)
    AND ee.review_state = 'published'
    AND ((ee.date_start IS NOT NULL AND ee.date_start <= %(to)s AND ee.date_end >= %(from)s)
         OR (ee.date_start IS NULL AND ee.sort_date BETWEEN %(from)s AND %(to)s))
  ORDER BY ee.sort_date, ee.event_id LIMIT 50),
s AS (
  SELECT DISTINCT 'statement' AS kind, se.statement_id AS id, se.sort_date
  FROM timeline_statemententity se
  WHERE se.entity_id = (SELECT id FROM timeline_entity WHERE slug = %(slug)s)
    AND se.review_state = 'published'
    AND ((se.date_start IS NOT NULL AND se.date_start <= %(to)s AND se.date_end >= %(from)s)
         OR (se.date_start IS NULL AND se.sort_date BETWEEN %(from)s AND %(to)s))
  ORDER BY se.sort_date, se.statement_id LIMIT 50),
k AS (SELECT * FROM (SELECT * FROM e UNION ALL SELECT * FROM s) u
      ORDER BY sort_date, kind, id LIMIT 50)
SELECT k.kind, k.id, k.sort_date, coalesce(ev.title, st.quote) AS text, ev.type,
       coalesce(ev.date_start, st.date_start) AS date_start,
       coalesce(ev.date_end, st.date_end) AS date_end,
       coalesce(ev.date_precision, st.date_precision) AS date_precision,
       coalesce(ev.source_count, st.source_count) AS source_count,
       coalesce(ev.change_seq, st.change_seq) AS change_seq
FROM k
LEFT JOIN timeline_event ev ON k.kind = 'event' AND ev.id = k.id
LEFT JOIN timeline_statement st ON k.kind = 'statement' AND st.id = k.id
ORDER BY k.sort_date, k.kind, k.id
"""


def flat_floor_request(conn: Any, combo: dict[str, str]) -> bytes:
    import orjson

    with conn.cursor() as cur:
        cur.execute(
            FLAT_SQL, {"slug": combo["entity"], "from": combo["date_from"], "to": combo["date_to"]}
        )
        names = [d.name for d in cur.description]
        rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    return orjson.dumps({"results": rows})


# --- measurement -----------------------------------------------------------------------------


def combos(n: int, rank_from: int = RANK_FROM) -> list[dict[str, str]]:
    """n entities from popularity rank `rank_from` on (1 = most linked), one-year windows."""
    from django.db.models import Count

    from timeline.models import EventEntity

    ranked = list(
        EventEntity.objects.values("entity__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "entity__slug")
        .values_list("entity__slug", flat=True)[rank_from - 1 : rank_from - 1 + n]
    )
    return [
        {"entity": slug, "date_from": f"{2010 + i % 12}-01-01", "date_to": f"{2010 + i % 12}-12-31"}
        for i, slug in enumerate(ranked)
    ]


def query_string(combo: dict[str, str]) -> str:
    return "&".join(f"{k}={v}" for k, v in combo.items())


def timed(fn: Any) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(iterations: int, variants: int, naive_every: int, rank_from: int) -> dict[str, Any]:
    import psycopg
    from django.db import connection
    from django.test import Client, override_settings

    client = Client()
    chosen = combos(variants, rank_from)
    urls = [f"/api/v1/timeline/?{query_string(c)}" for c in chosen]
    naive_urls = [f"/bench/naive/?{query_string(c)}" for c in chosen]
    sql = [capture_sql(client, url) for url in urls]
    dsn = connection.get_connection_params()
    raw = psycopg.connect(
        **{k: v for k, v in dsn.items() if k != "cursor_factory"}, autocommit=True
    )
    sizes = [len(json.loads(client.get(url).content)["results"]) for url in urls]
    samples: dict[str, list[float]] = defaultdict(list)
    with override_settings(ROOT_URLCONF=naive_urlconf()):
        naive_client = Client()
        for i in range(len(chosen) * 2):  # warm-up: caches, connections, plans
            j = i % len(chosen)
            floor_request(raw, sql[j])
            flat_floor_request(raw, chosen[j])
            client.get(urls[j])
            naive_client.get(naive_urls[j])
        for i in range(iterations):
            j = i % len(chosen)
            samples["floor"].append(timed(lambda j=j: floor_request(raw, sql[j])))
            samples["flat floor"].append(timed(lambda j=j: flat_floor_request(raw, chosen[j])))
            samples["ours"].append(timed(lambda j=j: client.get(urls[j])))
            if i % naive_every == 0:
                samples["naive DRF"].append(timed(lambda j=j: naive_client.get(naive_urls[j])))
    raw.close()
    stats = {
        name: {
            "n": len(v),
            "p50_ms": round(statistics.median(v), 2),
            "p99_ms": round(percentile(v, 0.99), 2),
        }
        for name, v in samples.items()
    }
    floor = stats["floor"]["p50_ms"]
    for row in stats.values():
        row["p50_vs_floor"] = round(row["p50_ms"] / floor, 2)
    return {
        "latency": stats,
        "variants": chosen,
        "items_per_page": sizes,
        "queries_per_request": len(sql[0]) + 1,
    }


# (label, settings module, gunicorn arguments, request sends If-None-Match)
SERVERS = (
    ("304 full stack, sync x2", "bench_full_stack_settings", ["--workers", "2"], True),
    ("304 early, sync x2", "config.settings", ["--workers", "2"], True),
    (
        "304 early, gthread 2x4",
        "config.settings",
        ["--workers", "2", "--worker-class", "gthread", "--threads", "4"],
        True,
    ),
    (
        "200, gthread 2x4",
        "config.settings",
        ["--workers", "2", "--worker-class", "gthread", "--threads", "4"],
        False,
    ),
)


def _gunicorn(database_url: str, settings: str, extra: list[str], port: int) -> Any:
    env = {**os.environ, **ENV, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": settings}
    command = [
        str(REPO / ".venv" / "bin" / "gunicorn"),
        *extra,
        "--pythonpath",
        str(REPO / "bench"),
    ]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", "config.wsgi:application"]
    return subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)


def _etag_of(url: str) -> str | None:
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our http URL)
                return str(response.headers["ETag"])
        except OSError:
            time.sleep(0.2)
    return None


def wrk_304(
    database_url: str, seconds: int, connections: int, port: int, rank: int
) -> dict[str, Any]:
    """For each of SERVERS: gunicorn as configured, then wrk on one timeline URL.

    The full-stack row is the baseline (config.settings without the early 304 middleware,
    bench_full_stack_settings.py), measured in the same run as the others.
    """
    if shutil.which("wrk") is None:
        return {"error": "wrk is not installed (apt-get install -y wrk)"}
    combo = combos(1, rank)[0]
    url = f"http://127.0.0.1:{port}/api/v1/timeline/?{query_string(combo)}"
    results: dict[str, Any] = {"url": url, "connections": connections, "seconds": seconds}
    for label, settings, extra, conditional in SERVERS:
        server = _gunicorn(database_url, settings, extra, port)
        try:
            etag = _etag_of(url)
            if etag is None:
                results[label] = {"error": "gunicorn did not start"}
                continue
            headers = ["-H", f"If-None-Match: {etag}"] if conditional else []
            out = subprocess.run(
                ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *headers, url],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
            non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
            p50 = re.search(r"50%\s+([\d.]+\w+)", out)
            p99 = re.search(r"99%\s+([\d.]+\w+)", out)
            results[label] = {
                "command": "gunicorn " + " ".join(extra) + " config.wsgi:application",
                "settings": settings,
                "requests_per_s": round(rps),
                "p50": p50.group(1) if p50 else None,
                "p99": p99.group(1) if p99 else None,
                "errors": int(non2xx.group(1)) if non2xx else 0,
                "load_average": os.getloadavg(),
            }
            print(label, json.dumps(results[label]), flush=True)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    return results


def cpu_304(iterations: int, rank: int) -> dict[str, float]:
    """CPU per anonymous 304 in this process (WSGI handler, no sockets): early vs full stack.

    Robust to other load on a shared machine, unlike requests per second.
    """
    import io

    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler

    combo = combos(1, rank)[0]

    def environ(**extra: str) -> dict[str, Any]:
        return {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/api/v1/timeline/",
            "QUERY_STRING": query_string(combo),
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            **extra,
        }

    headers: list[dict[str, str]] = []
    list(WSGIHandler()(environ(), lambda status, h, exc=None: headers.append(dict(h))))
    etag = headers[-1]["ETag"]

    def per_request(app: Any) -> float:
        statuses: list[str] = []
        for _ in range(50):  # warm-up
            b"".join(app(environ(HTTP_IF_NONE_MATCH=etag), lambda s, h, e=None: None))
        started = time.process_time()
        for _ in range(iterations):
            response = app(
                environ(HTTP_IF_NONE_MATCH=etag), lambda s, h, e=None: statuses.append(s)
            )
            b"".join(response)
            response.close()
        assert set(statuses) == {"304 Not Modified"}, set(statuses)
        return round((time.process_time() - started) / iterations * 1e6)

    early = per_request(WSGIHandler())
    middleware = list(settings.MIDDLEWARE)
    settings.MIDDLEWARE = [m for m in middleware if "AnonymousNotModified" not in m]
    try:
        full = per_request(WSGIHandler())
    finally:
        settings.MIDDLEWARE = middleware
    return {"early_us": early, "full_stack_us": full}


def explain(combo: dict[str, str]) -> list[str]:
    """EXPLAIN ANALYZE of the event key query (the one that walks an index)."""
    from django.db import connection
    from django.test import Client

    statements = capture_sql(Client(), f"/api/v1/timeline/?{query_string(combo)}")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statements[0])
        return [row[0] for row in cursor.fetchall()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--iterations", type=int, default=400)
    parser.add_argument("--variants", type=int, default=20)
    parser.add_argument(
        "--rank-from",
        type=int,
        default=RANK_FROM,
        help="popularity rank of the first entity measured (1 = most linked)",
    )
    parser.add_argument(
        "--naive-every",
        type=int,
        default=4,
        help="measure the (slow) naive view every Nth iteration",
    )
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--wrk-connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-wrk", action="store_true")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    setup(args.database_url)
    from timeline.models import Event, Statement

    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}",
        "events": Event.objects.count(),
        "statements": Statement.objects.count(),
    }
    if args.explain:
        print("\n".join(explain(combos(1, args.rank_from)[0])))
    report["load_average_before"] = os.getloadavg()
    report.update(measure(args.iterations, args.variants, args.naive_every, args.rank_from))
    report["load_average_after_latency"] = os.getloadavg()
    print(json.dumps(report["latency"], indent=2), flush=True)  # before the (long) wrk part
    if not args.no_wrk:
        report["cpu_per_304"] = cpu_304(2000, args.rank_from)
        print("CPU per 304:", report["cpu_per_304"], flush=True)
        report["wrk"] = wrk_304(
            args.database_url, args.wrk_seconds, args.wrk_connections, args.port, args.rank_from
        )
    text = json.dumps(report, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text)


if __name__ == "__main__":
    main()
