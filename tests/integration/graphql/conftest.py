"""GraphQL test helpers: a `graphql` fixture posting to /graphql/ like a real client."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.integration.graphql.scenario import World, build_world

GraphQL = Callable[..., dict[str, Any]]


def post(
    client: Client, query: str, variables: dict[str, Any] | None = None, **headers: Any
) -> dict[str, Any]:
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
        **headers,
    )
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    body = response.json()
    body["_status"] = response.status_code
    return body


@pytest.fixture
def graphql(client: Client) -> GraphQL:
    """Run a document as the test client's current user; returns the JSON body."""

    def run(query: str, variables: dict[str, Any] | None = None, **headers: Any):
        return post(client, query, variables, **headers)

    return run


@pytest.fixture
def world(db: None) -> World:
    return build_world()
