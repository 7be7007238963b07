#!/bin/sh
# Web: apply migrations, then serve with gunicorn (the README's "Running in production").
set -e
python manage.py migrate --noinput
exec gunicorn config.wsgi:application \
    --bind 0.0.0.0:8000 \
    --workers "${GUNICORN_WORKERS:-3}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --access-logfile - \
    --forwarded-allow-ips "*"
