"""The GraphQL endpoint: token or session authentication, CSRF for sessions, GraphiQL offline.

Two kinds of callers:

- API clients send `Authorization: Token <key>` (DRF's token model). A header is never sent
  by a browser on its own, so these requests need no CSRF token.
- Browsers (GraphiQL, the admin's editors) use the session cookie. A cookie *is* sent on its
  own, so every unsafe request authenticated by the session must carry the CSRF token
  (GraphiQL sends the `csrftoken` cookie back as `X-CSRFToken`). This is DRF's rule for
  SessionAuthentication, applied to GraphQL.

Anonymous requests carry no credentials and need no CSRF token: they can only read published
data, and mutations refuse them.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed
from strawberry.django.views import GraphQLView

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


class _CsrfCheck(CsrfViewMiddleware):
    """Django's CSRF middleware, returning the failure reason instead of a response."""

    def _reject(self, request: HttpRequest, reason: str) -> str:  # type: ignore[override]
        return reason


def csrf_failure_reason(request: HttpRequest) -> str | None:
    """None when the request passes Django's CSRF check, else the reason it failed."""
    check = _CsrfCheck(lambda req: HttpResponse())
    check.process_request(request)
    reason = check.process_view(request, lambda req: HttpResponse(), (), {})
    return reason if isinstance(reason, str) else None


def _error(message: str, status: int, code: str) -> JsonResponse:
    return JsonResponse(
        {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]},
        status=status,
    )


# The view itself checks CSRF for session-authenticated requests (see the module docstring);
# the middleware's blanket check would also reject token clients, which send no cookie.
@method_decorator(csrf_exempt, name="dispatch")
class TimelineGraphQLView(GraphQLView):  # type: ignore[type-arg]
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            token_auth = TokenAuthentication().authenticate(request)  # type: ignore[arg-type]
        except AuthenticationFailed as exc:
            return _error(f"Authentication failed: {exc.detail}", 401, "UNAUTHENTICATED")
        if token_auth is not None:
            request.user = token_auth[0]
        elif (
            request.method not in SAFE_METHODS
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            reason = csrf_failure_reason(request)
            if reason is not None:
                return _error(
                    f"CSRF failed: {reason} (session requests must send the "
                    "X-CSRFToken header; API clients use a token instead).",
                    403,
                    "CSRF_FAILED",
                )
        return super().dispatch(request, *args, **kwargs)

    def encode_json(self, data: object) -> bytes:
        # GraphQL results are already JSON-ready (scalars serialized); orjson is several times
        # faster than json.dumps on a 200-item page, and REST renders with it too.
        return orjson.dumps(data)

    def render_graphql_ide(self, request: HttpRequest) -> HttpResponse:
        # Sets the csrftoken cookie GraphiQL echoes back as X-CSRFToken on its POSTs.
        get_token(request)
        return super().render_graphql_ide(request)
