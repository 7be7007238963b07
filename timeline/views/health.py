"""GET /healthz: JSON with database and broker checks; 200 when all pass, else 503."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from timeline.extract import EXTRACTOR_VERSION
from timeline.selectors.health import (
    article_counts_by_status,
    health_check_broker,
    health_check_database,
)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": health_check_database(), "broker": health_check_broker()}
    ok = all(check["ok"] for check in checks.values())
    body: dict[str, object] = {
        "status": "ok" if ok else "unavailable",
        "checks": checks,
        "extractor_version": EXTRACTOR_VERSION,
    }
    if checks["database"]["ok"]:
        body["articles"] = article_counts_by_status()
    return JsonResponse(body, status=200 if ok else 503)
