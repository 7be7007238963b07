"""Answer anonymous pollers' conditional GETs before the rest of the stack runs.

Pollers send `If-None-Match` (or `If-Modified-Since`) over and over and nearly always get 304.
Through the whole stack a 304 cost ~2 ms of CPU: sessions, CSRF, authentication, messages,
history, DRF's request wrapping, content negotiation, throttling, then one primary-key lookup.
Only that lookup decides the answer, so this middleware (placed right after SecurityMiddleware)
makes the same decision first for requests that carry no credentials:

- GET or HEAD with `If-None-Match` or `If-Modified-Since`;
- no `Authorization` header and no session cookie: the caller can only be anonymous, so the
  audience is "public" — staff or token users always take the full path (their validators
  differ, and their responses are private);
- a route whose view declared its scope: DRF viewsets with `ConditionalMixin` (list and
  retrieve) and plain views marked with `conditional.conditional_view` (the feeds).

The validators come from the same `conditional.validators_for` (same ETag function, scope and
audience) the views use, so the shortcut answers 304 exactly when the view would. For DRF routes
it also steps aside when DRF would refuse before the view (a `format` it may not render, an
`Accept` header without JSON). Anything else falls through to the full stack; when the
validators did not match, the view reuses them instead of looking the change mark up again.

Not throttled: an anonymous 304 costs one indexed lookup, less than the throttle itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponseBase
from django.urls import Resolver404, resolve

from timeline.api import conditional

_CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
_JSON_RANGES = frozenset({"*/*", "application/*", "application/json"})


@lru_cache(maxsize=1024)
def _route(path: str, urlconf: Any) -> tuple[str, bool] | None:
    """(scope, negotiated by DRF) when the view at `path` is conditional on the change mark."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    func = match.func
    scope = getattr(func, "conditional_scope", None)
    if isinstance(scope, str):
        return scope, False
    cls = getattr(func, "cls", None)
    actions = getattr(func, "actions", None) or {}
    if (
        cls is not None
        and getattr(cls, "conditional", False)
        and actions.get("get") in getattr(cls, "conditional_actions", ())
        and "format" not in match.kwargs  # a format suffix (`.json`): DRF decides first
    ):
        return str(getattr(func, "initkwargs", {}).get("basename") or ""), True
    return None


def route_scope(path: str) -> tuple[str, bool] | None:
    return _route(path, settings.ROOT_URLCONF)


def _clear_routes(*, setting: str, **kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":
        _route.cache_clear()


setting_changed.connect(_clear_routes)


def _accepts_json(accept: str) -> bool:
    """Whether DRF's content negotiation would pick our JSON renderer for this Accept header."""
    return any(part.split(";", 1)[0].strip().lower() in _JSON_RANGES for part in accept.split(","))


def anonymous(request: HttpRequest) -> bool:
    """No credentials at all: no Authorization header and no session cookie."""
    meta = request.META
    if "HTTP_AUTHORIZATION" in meta:
        return False
    return "HTTP_COOKIE" not in meta or settings.SESSION_COOKIE_NAME not in request.COOKIES


class AnonymousNotModifiedMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.not_modified(request)
        return response if response is not None else self.get_response(request)

    @staticmethod
    def not_modified(request: HttpRequest) -> HttpResponseBase | None:
        meta = request.META
        if request.method not in ("GET", "HEAD"):
            return None
        if not any(header in meta for header in _CONDITIONAL_HEADERS) or not anonymous(request):
            return None
        route = route_scope(request.path_info)
        if route is None:
            return None
        scope, negotiated = route
        if negotiated and (
            any(key == "format" for key, _ in conditional.query_items(request))
            or not _accepts_json(meta.get("HTTP_ACCEPT") or "*/*")
        ):
            return None
        # The change-mark lookup doubles as the connection's health check: CONN_HEALTH_CHECKS
        # would first send a `SELECT 1`, a second round trip for every poll. Should the
        # persistent connection be dead, the full stack runs its check and reconnects.
        db: Any = connection  # `health_check_done`: Django >= 4.1, not in the stubs
        check_pending = not db.health_check_done
        db.health_check_done = True
        try:
            validators = conditional.validators_for(request, user=None, scope=scope)
        except DatabaseError:
            db.health_check_done = not check_pending
            return None
        if conditional.is_not_modified(request, validators):
            return conditional.not_modified_response(validators, user=None)
        return None
