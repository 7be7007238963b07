"""Conditional GET for pollers: ETag / Last-Modified decided from one primary-key lookup.

The validators come from `selectors.timeline.change_mark()` (the global change number and when
it last moved), the normalised query and the caller's visibility class. They are computed
BEFORE any list query runs, so a client polling with `If-None-Match` costs one indexed lookup
and no serialisation. Shared by the REST views and the outgoing feeds (plain Django views).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from timeline.selectors.timeline import change_mark
from timeline.selectors.visibility import is_staff

# Bump when a representation changes shape so clients do not keep a stale 304 across deploys.
REPRESENTATION_VERSION = "1"
# Shared caches may keep anonymous responses this long; pollers revalidate with the ETag.
PUBLIC_MAX_AGE_SECONDS = 15
# Query parameters that never change the response body.
_IGNORED_PARAMS = frozenset({"format"})

V = TypeVar("V", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str
    last_modified: datetime | None
    audience: str  # "public" or "staff": who may cache the response


def audience_of(user: Any) -> str:
    return "staff" if is_staff(user) else "public"


def query_items(request: HttpRequest) -> list[tuple[str, str]]:
    """The query string's (key, value) pairs, decoded as Django decodes `request.GET`.

    Parsed directly (and remembered on the request) rather than through `request.GET`: a
    QueryDict costs more than the rest of an early 304 put together.
    """
    cached: list[tuple[str, str]] | None = getattr(request, "_timeline_query_items", None)
    if cached is None:
        raw = request.META.get("QUERY_STRING", "").encode("iso-8859-1", "replace")
        try:
            text = raw.decode()
        except UnicodeDecodeError:
            text = raw.decode("iso-8859-1")
        cached = parse_qsl(text, keep_blank_values=True)
        request._timeline_query_items = cached  # type: ignore[attr-defined]
    return cached


def normalised_query(request: HttpRequest) -> str:
    """The query pairs sorted (keys, then values): equal filters, equal tag. Only hashed."""
    return repr(sorted(item for item in query_items(request) if item[0] not in _IGNORED_PARAMS))


def conditional_view(scope: str) -> Callable[[V], V]:
    """Mark a plain Django view whose GETs are conditional on the change mark under `scope`.

    The view must decide 304s with `validators_for(request, user=request.user, scope=scope)`
    before anything else (see feeds.common.feed_view). The mark lets
    `AnonymousNotModifiedMiddleware` answer an anonymous poller's 304 before the rest of the
    stack runs, with the very same validators. DRF views use `ConditionalMixin` instead.
    """

    def mark(view: V) -> V:
        view.conditional_scope = scope  # type: ignore[attr-defined]
        return view

    return mark


def validators_for(request: HttpRequest, *, user: Any, scope: str = "") -> Validators:
    """Weak ETag from (change mark, path, normalised query, audience); one PK lookup.

    Remembered on the request: when the early middleware computed them for a poll that was
    not a 304, the view reuses them instead of looking the change mark up again.
    """
    audience = audience_of(user)
    cached = getattr(request, "_timeline_validators", None)
    if cached is not None and cached[0] == (scope, audience):
        return cached[1]  # type: ignore[no-any-return]
    mark = change_mark()
    basis = "|".join(
        (REPRESENTATION_VERSION, scope, request.path, normalised_query(request), audience)
    )
    digest = hashlib.blake2b(basis.encode(), digest_size=8).hexdigest()
    validators = Validators(
        etag=f'W/"{mark.seq}-{digest}"', last_modified=mark.changed_at, audience=audience
    )
    request._timeline_validators = ((scope, audience), validators)  # type: ignore[attr-defined]
    return validators


def _weak_match(etag: str, candidates: list[str]) -> bool:
    bare = etag.removeprefix("W/")
    return any(c == "*" or c.removeprefix("W/") == bare for c in candidates)


def is_not_modified(request: HttpRequest, validators: Validators) -> bool:
    """RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only when it is absent."""
    if request.method not in ("GET", "HEAD"):
        return False
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        return _weak_match(validators.etag, parse_etags(if_none_match))
    if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since and validators.last_modified is not None:
        since = parse_http_date_safe(if_modified_since)
        return since is not None and int(validators.last_modified.timestamp()) <= since
    return False


def poll_interval_hint() -> int:
    return int(settings.TIMELINE.get("POLL_INTERVAL_HINT_SECONDS", 60))


def apply_cache_headers(
    response: HttpResponseBase, validators: Validators | None, *, user: Any
) -> HttpResponseBase:
    """ETag, Last-Modified, Cache-Control, Vary and the poll-interval hint."""
    if validators is not None:
        response["ETag"] = validators.etag
        if validators.last_modified is not None:
            response["Last-Modified"] = http_date(validators.last_modified.timestamp())
    authenticated = bool(getattr(user, "is_authenticated", False))
    if authenticated:
        # Staff see unpublished items and tokens identify a person: never in a shared cache.
        response["Cache-Control"] = "private, max-age=0, must-revalidate"
    else:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE_SECONDS}"
    response["X-Poll-Interval"] = str(poll_interval_hint())
    patch_vary_headers(response, ("Authorization", "Cookie"))
    return response


def not_modified_response(validators: Validators, *, user: Any) -> HttpResponse:
    response = HttpResponse(status=304)
    apply_cache_headers(response, validators, user=user)
    return response
