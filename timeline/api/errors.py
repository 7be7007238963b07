"""One JSON error shape for every API failure (400/401/403/404/405/406/409/415/429/500).

    {"error": {"status": 400, "code": "invalid", "message": "Invalid input.",
               "fields": {"date_from": ["Enter a valid date."]}}}

`api_exception_handler` is DRF's EXCEPTION_HANDLER (it also maps service-layer
`ServiceError`s); `handler404`/`handler500` give the same shape for /api/ and /feeds/ paths that
never reach a DRF view (unknown URLs, crashes).
"""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from timeline.exceptions import ServiceError

JSON_PREFIXES = ("/api/", "/feeds/")


def error_body(
    status_code: int, code: str, message: str, fields: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status_code, "code": code, "message": message}
    if fields:
        error["fields"] = fields
    error.update(extra)
    return {"error": error}


class ServiceAPIException(exceptions.APIException):
    """A ServiceError in DRF clothing (keeps its status code and machine code)."""

    def __init__(self, exc: ServiceError) -> None:
        self.status_code = exc.status_code
        self.code = exc.code
        super().__init__(detail=exc.detail, code=exc.code)


def _fields(detail: Any) -> dict[str, Any]:
    if isinstance(detail, dict):
        return {
            key: value if isinstance(value, list | dict) else [value]
            for key, value in detail.items()
        }
    if isinstance(detail, list):
        return {"non_field_errors": detail}
    return {"non_field_errors": [detail]}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF exception handler: the one error shape, `Retry-After` kept on 429."""
    if isinstance(exc, ServiceError):
        if isinstance(exc.detail, dict):
            # Field-level service errors: a validation error with the service's status/code.
            body = error_body(
                exc.status_code, exc.code, _message(exc.status_code), _fields(exc.detail)
            )
            return Response(body, status=exc.status_code)
        exc = ServiceAPIException(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return None  # unexpected: Django's handler500 answers (JSON for /api/, see below)
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(
            response.status_code, "invalid", "Invalid input.", _fields(exc.detail)
        )
        return response
    codes = exc.get_codes()
    code = codes if isinstance(codes, str) else _default_code(response.status_code)
    detail = exc.detail
    message = str(detail) if isinstance(detail, str) else _message(response.status_code)
    fields = None if isinstance(detail, str) else _fields(detail)
    extra: dict[str, Any] = {}
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        extra["retry_after"] = math.ceil(exc.wait)
        response["Retry-After"] = str(math.ceil(exc.wait))
    response.data = error_body(response.status_code, code, message, fields, **extra)
    return response


_MESSAGES = {
    400: "Invalid input.",
    401: "Authentication credentials were not provided.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    405: "Method not allowed.",
    409: "Conflict.",
    429: "Request was throttled.",
    500: "Server error.",
}
_CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    429: "throttled",
    500: "server_error",
}


def _message(status_code: int) -> str:
    return _MESSAGES.get(status_code, "Error.")


def _default_code(status_code: int) -> str:
    return _CODES.get(status_code, "error")


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith(JSON_PREFIXES)


def json_error(status_code: int) -> JsonResponse:
    return JsonResponse(
        error_body(status_code, _default_code(status_code), _message(status_code)),
        status=status_code,
    )


def handler404(request: HttpRequest, exception: Exception) -> HttpResponse:
    """JSON 404 under /api/ and /feeds/; Django's page elsewhere."""
    if _wants_json(request):
        return json_error(status.HTTP_404_NOT_FOUND)
    return defaults.page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    """JSON 500 under /api/ and /feeds/ (no traceback leaks); Django's page elsewhere."""
    if _wants_json(request):
        return json_error(status.HTTP_500_INTERNAL_SERVER_ERROR)
    return defaults.server_error(request)
