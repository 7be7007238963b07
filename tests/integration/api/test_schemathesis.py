"""Property-based contract test: ≥ 1,000 generated requests from /api/schema/ against the app.

Every response must be a non-5xx whose status code, content type, headers and body conform to
the OpenAPI document. Requests are sent as a staff editor (so writes get past authentication
and exercise validation and services); hypothesis runs derandomised for a stable CI.
"""

from __future__ import annotations

import time

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXAMPLES_PER_OPERATION = 45
MIN_CASES = 1000
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def keep_test_connection():
    """Requests go through the real WSGI handler, whose request_started/finished signals close
    "obsolete" connections, and a connection inside the test's transaction looks obsolete
    (autocommit is off). Django's own test client disconnects the handler the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def run_operation(operation, token: str, counts: dict[str, int]) -> None:
    label = operation.label

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        response = case.call(headers={"Authorization": f"Token {token}"})
        case.validate_response(response, checks=CHECKS)
        counts[label] = counts.get(label, 0) + 1

    run()


def test_generated_requests_find_no_5xx_and_no_schema_violations(
    editor_client, editor, seed, keep_test_connection
):
    from rest_framework.authtoken.models import Token

    token = Token.objects.get(user=editor).key
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    operations = [op.ok() for op in schema.get_all_operations() if isinstance(op, Ok)]
    assert len(operations) >= 20
    counts: dict[str, int] = {}

    for operation in operations:
        started = time.perf_counter()
        run_operation(operation, token, counts)
        print(
            f"{operation.label}: {counts.get(operation.label, 0)} cases, "
            f"{time.perf_counter() - started:.1f}s"
        )

    total = sum(counts.values())
    assert total >= MIN_CASES, counts
    print(f"schemathesis: {total} cases over {len(counts)} operations")
