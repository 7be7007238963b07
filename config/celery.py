"""Celery application. Periodic work is declared here, in one place (STYLE.md §6.7)."""

from __future__ import annotations

import os
from typing import Any

from celery import Celery
from celery.signals import task_postrun, task_prerun
from django.db import close_old_connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["timeline.ingest"])

# Sweepers only: each finds due rows and enqueues one task per row.
_SWEEP_EVERY = float(os.environ.get("TIMELINE_SWEEP_INTERVAL_SECONDS", "60"))
app.conf.beat_schedule = {
    "feeds-poll-due": {"task": "timeline.feeds_poll_due", "schedule": _SWEEP_EVERY},
    "articles-requeue-stuck": {"task": "timeline.articles_requeue_stuck", "schedule": _SWEEP_EVERY},
}


# Database connections outlive tasks, as they outlive web requests: Django's CONN_MAX_AGE and
# CONN_HEALTH_CHECKS decide when to reconnect. Without DB_REUSE_MAX, Celery's Django fix-up
# closes every connection before and after each task (a new PostgreSQL backend per task: about
# half the CPU of a small task). It still recycles them after this many tasks.
app.conf.CELERY_DB_REUSE_MAX = int(os.environ.get("CELERY_DB_REUSE_MAX", "1000"))


@task_prerun.connect
@task_postrun.connect
def _recycle_old_connections(task: Any = None, **kwargs: Any) -> None:
    """What Django does around each request: drop broken or expired connections."""
    if task is not None and getattr(task.request, "is_eager", False):
        return  # called inside the caller's own request or transaction
    close_old_connections()
