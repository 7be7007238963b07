"""Django settings for Timeline: one module, every deploy-varying value from the environment.

See README.md ("Configuration") and .env.example for the variables.
"""

from __future__ import annotations

import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

from config.env import BASE_DIR, env, env_secret

django_stubs_ext.monkeypatch()

# --- core -------------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
_secret = env_secret("DJANGO_SECRET_KEY")
if not _secret:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required unless DJANGO_DEBUG=True")
    _secret = "insecure-local-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = _secret
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# Cross-origin reads (django-cors-headers): other sites' pages may read the public API, the
# feeds (a newsroom's TimelineJS embed loads /feeds/timeline.timelinejs.json) and GraphQL
# queries. Never with credentials, and without the Authorization header: a cross-origin
# request is always anonymous, so it can read what anyone can read and write nothing.
_CORS_ORIGINS = env.list("DJANGO_CORS_ALLOWED_ORIGINS", default=["*"])
CORS_ALLOW_ALL_ORIGINS = "*" in _CORS_ORIGINS
CORS_ALLOWED_ORIGINS = [] if CORS_ALLOW_ALL_ORIGINS else _CORS_ORIGINS
CORS_URLS_REGEX = r"^/(api/v1|feeds|graphql)/"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS", "POST")  # POST: GraphQL queries
CORS_ALLOW_HEADERS = ("accept", "content-type", "if-modified-since", "if-none-match")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "X-Poll-Interval", "Retry-After")
CORS_PREFLIGHT_MAX_AGE = 86400
VAR_DIR = BASE_DIR / "var"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "strawberry_django",
    "simple_history",
    "timeline.apps.TimelineConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above the 304 shortcut below, so cross-origin pollers' 304s carry CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    # Anonymous pollers' 304s, decided before the rest of the stack (timeline/api/middleware.py).
    "timeline.api.middleware.AnonymousNotModifiedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database ---------------------------------------------------------------------------------
# Embedded default: a SQLite file under var/. Production and CI: postgres://...
if not env.str("DATABASE_URL", default=""):
    VAR_DIR.mkdir(exist_ok=True)  # the embedded default lives in var/ (not in git)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'timeline.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A runaway query (e.g. a pathological GraphQL filter) must not hold a connection forever.
    _timeout_ms = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=15000)
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={_timeout_ms}"
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the web process and an in-process worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache ------------------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- auth, i18n, static -----------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
LOGIN_URL = "admin:login"

# --- security (see `manage.py check --deploy`) -------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Celery -----------------------------------------------------------------------------------
# No broker configured → tasks run in-process (eager). That is ONLY the local-demo default of
# `make run`; every deployment sets CELERY_BROKER_URL (or REDIS_URL).
_BROKER = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not _BROKER
CELERY_BROKER_URL = _BROKER or "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=150)
# Redis redelivers unacked messages after the visibility timeout: keep it above the hard time
# limit plus the longest retry countdown, or a slow task would be run twice while still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = "timeline"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --- Timeline ---------------------------------------------------------------------------------
TIMELINE = {
    # Fetching (timeline.ingest.client): private addresses only for local dev and tests.
    "FETCH_ALLOW_PRIVATE": env.bool("TIMELINE_FETCH_ALLOW_PRIVATE", default=False),
    "FETCH_MAX_BYTES": env.int("TIMELINE_FETCH_MAX_BYTES", default=5 * 1024 * 1024),
    "FETCH_CONNECT_TIMEOUT": env.float("TIMELINE_FETCH_CONNECT_TIMEOUT", default=5.0),
    "FETCH_TOTAL_TIMEOUT": env.float("TIMELINE_FETCH_TOTAL_TIMEOUT", default=30.0),
    "FETCH_USER_AGENT": env.str(
        "TIMELINE_FETCH_USER_AGENT",
        default="TimelineBot/0.1 (+https://github.com/timeline-news/timeline)",
    ),
    # Articles stuck in queued/fetching/extracting longer than this are re-enqueued.
    "STUCK_AFTER_SECONDS": env.int("TIMELINE_STUCK_AFTER_SECONDS", default=300),
    "MAX_ATTEMPTS": env.int("TIMELINE_MAX_ATTEMPTS", default=5),
    # Under a backlog a worker stores up to this many pasted articles in one transaction.
    "INGEST_BATCH": env.int("TIMELINE_INGEST_BATCH", default=16),
    "FEED_DEFAULT_INTERVAL_SECONDS": env.int("TIMELINE_FEED_INTERVAL", default=900),
    "POLL_INTERVAL_HINT_SECONDS": env.int("TIMELINE_POLL_INTERVAL_HINT", default=60),
}

# --- logging ----------------------------------------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOG_JSON = env.bool("LOG_JSON", default=False)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if LOG_JSON else "plain",
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "timeline": {"level": LOG_LEVEL, "propagate": True},
    },
}

# --- REST API (timeline.api) ------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Reads are public; every write needs an authenticated user with the model permission.
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # orjson, JSON only; one error shape; keyset pagination everywhere (docs/api.md).
    "DEFAULT_RENDERER_CLASSES": ["timeline.api.renderers.ORJSONRenderer"],
    "EXCEPTION_HANDLER": "timeline.api.errors.api_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "timeline.api.pagination.KeysetPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("TIMELINE_THROTTLE_ANON", default="600/min"),
        "user": env.str("TIMELINE_THROTTLE_USER", default="3000/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Timeline API",
    "DESCRIPTION": "Dated events and attributed statements extracted from news articles.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI / Redoc assets come from drf-spectacular-sidecar: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Vocabularies sharing a field name ("status", "kind"): name their enums explicitly.
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "timeline.enums.ArticleStatus",
        "OccurrenceStatusEnum": "timeline.enums.OccurrenceStatus",
        "EntityKindEnum": "timeline.enums.EntityKind",
    },
}

# --- GraphQL (timeline.graphql) ---------------------------------------------------------------
STRAWBERRY_DJANGO = {
    "MAP_AUTO_ID_AS_GLOBAL_ID": True,
    "PAGINATION_MAX_LIMIT": 200,
}
TIMELINE["AUTO_PUBLISH_MIN_CONFIDENCE"] = env.float(
    "TIMELINE_AUTO_PUBLISH_MIN_CONFIDENCE", default=0.5
)
