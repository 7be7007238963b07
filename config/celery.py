"""Celery application. Periodic work is declared here, in one place (STYLE.md §6.7)."""

from __future__ import annotations

import os

from celery import Celery

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
