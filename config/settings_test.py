"""Test settings: only what makes tests fast and self-contained (see STYLE.md §9)."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "False")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "False")

from config.settings import *  # noqa: F403
from config.settings import REST_FRAMEWORK, STORAGES, TIMELINE

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
# Tests call tasks directly; nothing is ever sent to a broker from the fast layer.
# (The e2e layer runs a real worker with its own environment.)
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "memory://")
TIMELINE = {**TIMELINE, "FETCH_ALLOW_PRIVATE": True}
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "user": "100000/min"},
}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
