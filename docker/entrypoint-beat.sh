#!/bin/sh
# Beat: the same command as `make beat`; keeps its schedule state under var/.
set -e
exec celery -A config beat --loglevel="${LOG_LEVEL:-INFO}" --schedule /app/var/celerybeat-schedule
