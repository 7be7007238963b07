"""End-to-end ingestion benchmark: text articles → Redis → real celery workers → PostgreSQL.

Measures, in one run:
  * baseline: the extraction pipeline alone on the same texts, in this process (no DB, no queue);
  * end to end: N articles submitted through `article_submit` (the REST/CLI code path) to one
    `celery worker --concurrency=2` (two worker processes) on a private redis-server; throughput
    from the first submission to the last article done, and the submit→visible delay per article
    (created_at → extracted_at; items are visible in the timeline API when the article is done).

Usage (needs PostgreSQL and redis-server; the database is dropped and recreated):
    .venv/bin/python bench/bench_ingest.py [--articles 1000] [--db timeline_bench_ingest]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds() -> dict[str, float]:
    """CPU seconds used so far by process name (postgres backends, celery workers, …)."""
    ticks = os.sysconf("SC_CLK_TCK")
    used: dict[str, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            raw = stat.read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        used[name] = used.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return used


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--db", default="timeline_bench_ingest")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="submit at this many articles/s (default: as fast as possible, one burst)",
    )
    args = parser.parse_args()

    subprocess.run(
        ["psql", f"{args.pg}/postgres", "-qc", f"DROP DATABASE IF EXISTS {args.db}"], check=True
    )
    subprocess.run(["psql", f"{args.pg}/postgres", "-qc", f"CREATE DATABASE {args.db}"], check=True)
    port = free_port()
    workdir = REPO / "var" / "bench-redis"
    workdir.mkdir(parents=True, exist_ok=True)
    redis_proc = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "bench-only",
        "DATABASE_URL": f"{args.pg}/{args.db}",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{port}/0",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from tests.e2e.articles import generated_article
    from timeline.enums import ArticleStatus
    from timeline.extract.pipeline import extract
    from timeline.models import Article
    from timeline.services.articles import article_submit

    items = [generated_article(10_000 + i) for i in range(args.articles)]
    extract(str(items[0]["text"]), items[0]["published_at"])  # type: ignore[arg-type]
    started = time.perf_counter()
    for item in items:
        extract(str(item["text"]), item["published_at"])  # type: ignore[arg-type]
    extract_rate = len(items) / (time.perf_counter() - started)

    # Baseline in the same run: the same pipeline called in this process, no queue, one core.
    from django.conf import settings
    from django.db import connection

    from timeline.services.processing import article_process

    settings.CELERY_TASK_ALWAYS_EAGER = False
    warm = [generated_article(90_000 + i) for i in range(max(20, args.articles // 5))]
    with connection.cursor() as cursor:  # keep the baseline's rows out of the measurement
        cursor.execute("SELECT 1")
    ids = []
    from config.celery import app

    app.conf.broker_url = "memory://"
    for item in warm:
        ids.append(article_submit(**item)[0].pk)  # type: ignore[arg-type]
    started = time.perf_counter()
    for pk in ids:
        article_process(article_id=pk)
    inline_rate = len(ids) / (time.perf_counter() - started)
    Article.objects.all().delete()
    app.conf.broker_url = env["CELERY_BROKER_URL"]

    celery = str(Path(sys.executable).with_name("celery"))
    worker = subprocess.Popen(
        [
            celery,
            "-A",
            "config",
            "worker",
            f"--concurrency={args.concurrency}",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            "timeline",
        ],
        cwd=REPO,
        env=env,
        start_new_session=True,
    )
    try:
        time.sleep(8)  # worker boot (Django + extraction tables) is not part of throughput
        cpu_before, own_before = cpu_seconds(), os.times()
        started = time.perf_counter()
        for n, item in enumerate(items):
            if args.rate:  # paced: a steady stream instead of one burst
                time.sleep(max(0.0, started + n / args.rate - time.perf_counter()))
            article_submit(**item)  # type: ignore[arg-type]
        submitted = time.perf_counter() - started
        while Article.objects.filter(status=ArticleStatus.DONE).count() < len(items):
            time.sleep(0.2)
            if time.perf_counter() - started > 900:
                raise SystemExit("timed out")
        elapsed = time.perf_counter() - started
        cpu_after, own_after = cpu_seconds(), os.times()
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
        redis_proc.kill()
    delays = sorted(
        (a.extracted_at - a.created_at).total_seconds()
        for a in Article.objects.only("created_at", "extracted_at")
    )
    p50 = statistics.median(delays)
    p95 = delays[int(0.95 * (len(delays) - 1))]
    rate = len(items) / elapsed
    pace = f"paced at {args.rate:g}/s" if args.rate else "one burst"
    print(f"articles: {len(items)}, {pace} (submitting took {submitted:.1f} s)")
    print(f"extraction alone (no database), one process: {extract_rate:.0f} articles/s")
    print(f"baseline: the same pipeline in one process, no queue: {inline_rate:.1f} articles/s")
    print(
        f"end to end, {args.concurrency} worker processes: {rate:.1f} articles/s "
        f"({rate / inline_rate:.2f}x the one-process baseline)"
    )
    print(f"submit -> visible delay: p50 {p50:.2f} s, p95 {p95:.2f} s, max {delays[-1]:.2f} s")
    # Where the CPU went during the end-to-end run, in milliseconds per article.
    own = own_after.user + own_after.system - own_before.user - own_before.system
    spent = {
        "submitting (this process)": own,
        "celery workers": sum(
            cpu_after[n] - cpu_before.get(n, 0.0) for n in cpu_after if n.startswith("celery")
        ),
        "postgres": cpu_after.get("postgres", 0.0) - cpu_before.get("postgres", 0.0),
        "redis-server": cpu_after.get("redis-server", 0.0) - cpu_before.get("redis-server", 0.0),
    }
    others = sorted(((cpu_after[n] - cpu_before.get(n, 0.0), n) for n in cpu_after), reverse=True)[
        :8
    ]
    print("top CPU (s):", ", ".join(f"{n} {sec:.1f}" for sec, n in others))
    print(
        "CPU per article: "
        + ", ".join(f"{name} {1000 * sec / len(items):.1f} ms" for name, sec in spent.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
