"""config.settings without the early 304 middleware: bench_rest.py's full-stack baseline.

Every anonymous 304 then goes through sessions, CSRF, authentication, DRF and throttling, as
before timeline.api.middleware existed. Bench only (gunicorn --pythonpath bench).
"""

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE as _MIDDLEWARE

MIDDLEWARE = [
    m for m in _MIDDLEWARE if m != "timeline.api.middleware.AnonymousNotModifiedMiddleware"
]
