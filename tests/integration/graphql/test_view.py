"""The /graphql/ endpoint: tokens for API clients, CSRF for sessions, GraphiQL without a CDN."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.contrib.staticfiles import finders
from django.test import Client
from rest_framework.authtoken.models import Token

from tests.factories import UserFactory
from tests.integration.graphql.conftest import post
from tests.integration.graphql.test_mutations import REVIEW
from tests.integration.graphql.test_queries import gid

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    user = UserFactory(staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_event"))
    return user


def test_token_authenticates_api_clients_without_csrf(world, editor):
    key = Token.objects.create(user=editor).key
    client = Client(enforce_csrf_checks=True)
    body = post(
        client,
        REVIEW,
        {"id": gid("Event", world.unpublished.pk)},
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert body["_status"] == 200
    assert body["data"]["publishEvent"]["event"] == {"reviewState": "PUBLISHED"}


def test_a_bad_token_is_401_not_anonymous(world):
    body = post(Client(), "{ events { totalCount } }", HTTP_AUTHORIZATION="Token nope")
    assert body["_status"] == 401
    assert body["errors"][0]["message"].startswith("Authentication failed: Invalid token")


def test_session_mutation_without_csrf_token_is_refused(world, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    body = post(client, REVIEW, {"id": gid("Event", world.unpublished.pk)})
    assert body["_status"] == 403
    assert body["errors"][0]["extensions"]["code"] == "CSRF_FAILED"
    world.unpublished.refresh_from_db()
    assert world.unpublished.review_state == "pending"


def test_session_mutation_with_csrf_token_from_graphiql_passes(world, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get("/graphql/", HTTP_ACCEPT="text/html")
    token = page.cookies["csrftoken"].value
    body = post(client, REVIEW, {"id": gid("Event", world.unpublished.pk)}, HTTP_X_CSRFTOKEN=token)
    assert body["data"]["publishEvent"]["event"] == {"reviewState": "PUBLISHED"}


def test_anonymous_reads_need_no_csrf_and_work_over_get(world):
    client = Client(enforce_csrf_checks=True)
    assert post(client, "{ events { totalCount } }")["data"] == {"events": {"totalCount": 4}}
    response = client.get("/graphql/", {"query": "{ events { totalCount } }"})
    assert response.json()["data"] == {"events": {"totalCount": 4}}


def test_mutations_are_not_allowed_over_get(world, editor):
    client = Client()
    client.force_login(editor)
    query = 'mutation {{ publishEvent(id: "{}") {{ __typename }} }}'.format(gid("Event", 1))
    response = client.get("/graphql/", {"query": query})
    assert response.status_code == 400
    assert response.content == b"mutations are not allowed when using GET"


def test_graphiql_is_served_from_local_static_files_only():
    response = Client().get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    assert "GraphiQL.createFetcher" in html
    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html) == []
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', html)
    assert len(assets) == 7
    for asset in assets:
        assert finders.find(asset), f"{asset} is not a vendored static file"
    # The example query is the North Korea timeline.
    assert 'entities: ["north-korea"]' in html


def test_unexpected_errors_are_masked_and_labelled(world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("secret internals: password=hunter2")

    monkeypatch.setattr("timeline.graphql.timeline.timeline_page", broken)
    body = post(Client(), "{ timeline { edges { cursor } } }")
    assert body["errors"] == [
        {
            "message": "Internal server error.",
            "locations": [{"line": 1, "column": 3}],
            "path": ["timeline"],
            "extensions": {"code": "INTERNAL_SERVER_ERROR"},
        }
    ]
