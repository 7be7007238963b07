"""Generated queries and mutations (schemathesis, GraphQL mode) never make the server fail.

Schemathesis reads the schema by introspection and generates documents for every Query and
Mutation field, with arbitrary arguments and selections. The check is `not_a_server_error`:
no 5xx, and no top-level error that is not labelled as the client's fault (see errors.py:
BAD_USER_INPUT etc.). The run is authenticated as a superuser so mutations reach the services
instead of stopping at the permission check.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from config.wsgi import application
from tests.factories import UserFactory
from tests.integration.graphql.scenario import build_world

schema = schemathesis.graphql.from_wsgi("/graphql/", application)


@pytest.fixture
def token(db: None) -> Iterator[str]:
    """A superuser's API token, with the world built and DB connections kept open.

    Schemathesis calls the WSGI app directly; Django would close the test's connection
    (still inside the test transaction) at the end of each request. Its own test Client
    disconnects these handlers for the same reason.
    """
    build_world()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield Token.objects.create(user=UserFactory(superuser=True)).key
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_documents_cause_no_server_error(case, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=[not_a_server_error])
