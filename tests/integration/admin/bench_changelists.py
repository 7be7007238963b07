"""Time the admin changelists on a big PostgreSQL database (bench/README.md "Admin changelists").

Read-only: requests are built with RequestFactory for an unsaved superuser, so nothing is
written to the bench database. Not collected by pytest (no `test_` prefix). Run:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/timeline_bench \\
    DJANGO_SETTINGS_MODULE=config.settings_test \\
    .venv/bin/python -m tests.integration.admin.bench_changelists

BENCH_ENTITY / BENCH_BIG_ENTITY / BENCH_OUTLET / BENCH_WORD / BENCH_MONTH pick the filter
values (defaults suit `timeline_seed_bench`). Prints a Markdown table: median and max of five
warm runs (a sixth, first run warms the caches), queries per page and the slowest query.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

import django

django.setup()

from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from timeline.models import Article, Entity, Event, Statement  # noqa: E402

RUNS = 6


def cases() -> list[tuple[type[Any], str, str]]:
    entity = os.environ.get("BENCH_ENTITY", "bench-person-3")
    big = os.environ.get("BENCH_BIG_ENTITY", "bench-country-1")
    outlet = os.environ.get("BENCH_OUTLET", "16")
    word = os.environ.get("BENCH_WORD", "ceasefire")
    month = os.environ.get("BENCH_MONTH", "2020-01")
    return [
        (Event, "", "events: review queue (pending, newest first)"),
        (Event, "?review=all", "events: all states"),
        (Event, "?review=published", "events: published"),
        (Event, "?review=all&p=20", "events: all states, page 20 (last counted page)"),
        (Event, "?confidence=low", "events: queue, low confidence"),
        (Event, "?type__exact=attack", "events: queue, one type"),
        (Event, f"?entity={entity}", "events: queue, one entity"),
        (Event, f"?review=all&entity={big}", "events: all states, most linked entity"),
        (Event, f"?outlet={outlet}", "events: queue, one outlet"),
        (Event, f"?review=all&outlet={outlet}", "events: all states, one outlet"),
        (
            Event,
            f"?review=all&sort_date__gte={month}-01&sort_date__lt={month}-28",
            "events: all states, one month",
        ),
        (Event, f"?q={word}", "events: queue, search"),
        (Event, f"?review=all&q={word}", "events: all states, search"),
        (Event, "?o=4", "events: queue sorted by confidence"),
        (Statement, "", "statements: review queue"),
        (Statement, "?review=all", "statements: all states"),
        (Statement, f"?review=all&q={word}", "statements: all states, search"),
        (Entity, "", "entities"),
        (Article, "", "articles"),
        (Article, "?status__exact=failed", "articles: failed"),
    ]


def timed(view: Any, request: Any, *args: str) -> tuple[float, list[dict[str, str]]]:
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = view(request, *args)
        response.render()
        elapsed = time.perf_counter() - start
    assert response.status_code == 200, (request.path, response.status_code)
    return elapsed * 1000, ctx.captured_queries


def main() -> None:
    user = get_user_model()(username="bench", is_staff=True, is_superuser=True, is_active=True)
    factory = RequestFactory()
    last_event = Event.objects.order_by("-id").values_list("pk", flat=True).first()
    rows = []
    for model, query, label in [*cases(), (Event, None, "event change page (with inlines)")]:
        model_admin = admin.site._registry[model]
        name = model._meta.model_name
        if query is None:
            request = factory.get(f"/admin/timeline/{name}/{last_event}/change/")
            view, args = model_admin.change_view, (str(last_event),)
        else:
            request = factory.get(f"/admin/timeline/{name}/{query}")
            view, args = model_admin.changelist_view, ()
        request.user = user
        times, queries = [], []
        for run in range(RUNS):
            elapsed, queries = timed(view, request, *args)
            if run:
                times.append(elapsed)
        slowest = max(float(q["time"]) * 1000 for q in queries)
        rows.append(
            f"| {label} | `{query or ''}` | {statistics.median(times):.0f} | "
            f"{max(times):.0f} | {len(queries)} | {slowest:.0f} |"
        )
    print(f"events={Event.objects.count()} statements={Statement.objects.count()}")
    print("| page | query string | median ms | max ms | queries | slowest query ms |")
    print("|---|---|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
