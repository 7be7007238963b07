"""Health checks: can we reach the database and the broker?"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count

from timeline.models import Article


def health_check_database() -> dict[str, Any]:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"; the reason is reported
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "latency_ms": round((time.perf_counter() - started) * 1000, 2),
    }


def health_check_broker() -> dict[str, Any]:
    url = settings.CELERY_BROKER_URL
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "in-process (no broker configured: local demo only)"}
    if url.startswith("memory://"):
        return {"ok": True, "mode": "memory"}
    started = time.perf_counter()
    try:
        from config.celery import app

        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # kombu raises many types; all mean "unreachable"
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    return {
        "ok": True,
        "mode": "broker",
        "latency_ms": round((time.perf_counter() - started) * 1000, 2),
    }


def article_counts_by_status() -> dict[str, int]:
    rows = Article.objects.order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}
