"""Celery application. Periodic work is declared here, in one place (STYLE.md §6.7)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["timeline.ingest"])

# Sweepers only: each finds due rows and enqueues one task per row.
app.conf.beat_schedule = {
    "feeds-poll-due": {"task": "timeline.feeds_poll_due", "schedule": 60.0},
    "articles-requeue-stuck": {"task": "timeline.articles_requeue_stuck", "schedule": 60.0},
}
