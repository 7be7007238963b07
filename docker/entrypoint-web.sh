#!/bin/sh
# Web: apply migrations, then serve with gunicorn (the README's "Running in production").
# gthread workers: HTTP keep-alive, and a thread waiting on the database does not block the
# worker; 2 workers x 4 threads gave the most 304s/s on a 2-core box (bench/README.md).
set -e
python manage.py migrate --noinput
exec gunicorn config.wsgi:application \
    --bind 0.0.0.0:8000 \
    --workers "${GUNICORN_WORKERS:-3}" \
    --worker-class gthread \
    --threads "${GUNICORN_THREADS:-4}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --access-logfile - \
    --forwarded-allow-ips "*"
