#!/bin/sh
# Worker: the same command as `make worker`.
set -e
exec celery -A config worker --loglevel="${LOG_LEVEL:-INFO}" --concurrency="${CELERY_CONCURRENCY:-2}"
