"""A real GraphQL client against a live server: the frontends' view of the API.

`gql` over HTTP (requests) fetches the schema by introspection, validates the document against
it on the client side, and runs the North Korea timeline for June–December 2024. No Redis or
Celery is involved: the data is built with factories, not by the extraction pipeline.
"""

from __future__ import annotations

import re

import pytest
import requests
from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportQueryError
from gql.transport.requests import RequestsHTTPTransport
from rest_framework.authtoken.models import Token

from tests.factories import UserFactory
from tests.integration.graphql.scenario import NORTH_KOREA_TIMELINE, build_world
from tests.integration.graphql.test_queries import gid

pytestmark = pytest.mark.django_db(transaction=True)


def client_for(live_server, token: str | None = None) -> Client:
    headers = {"Authorization": f"Token {token}"} if token else {}
    transport = RequestsHTTPTransport(
        url=f"{live_server.url}/graphql/", headers=headers, timeout=30, retries=0
    )
    return Client(transport=transport, fetch_schema_from_transport=True)


def test_gql_client_fetches_the_north_korea_timeline_in_order_with_sources(live_server):
    world = build_world()
    with client_for(live_server) as session:
        result = session.execute(
            GraphQLRequest(NORTH_KOREA_TIMELINE, variable_values={"first": 50})
        )
    edges = result["timeline"]["edges"]
    titles = [e["node"].get("title") for e in edges if e["node"]["__typename"] == "Event"]
    assert titles == [world.pact.title, world.meeting.title]
    pact, meeting = (e["node"] for e in edges if e["node"]["__typename"] == "Event")
    assert pact["sortDate"] == "2024-06-19"
    assert meeting["sortDate"] == "2024-10-30"
    for event in (pact, meeting):
        assert event["sources"], f"{event['title']} has no sources"
        for source in event["sources"]:
            assert source["sentence"]
            assert source["article"]["url"].startswith("https://")
            assert source["article"]["outlet"]["domain"]
    assert meeting["statements"][0]["stance"] == "ASSERTS"
    assert result["timeline"]["pageInfo"]["hasNextPage"] is False


def test_gql_client_mutation_needs_a_token(live_server):
    world = build_world()
    editor = UserFactory(superuser=True)
    token = Token.objects.create(user=editor).key
    publish = GraphQLRequest(
        """mutation($id: ID!) { publishEvent(id: $id) {
             ... on EventMutationSuccess { event { reviewState } } } }""",
        variable_values={"id": gid("Event", world.unpublished.pk)},
    )
    with client_for(live_server) as anonymous, pytest.raises(TransportQueryError) as refused:
        anonymous.execute(publish)
    assert "Authentication required" in str(refused.value)
    with client_for(live_server, token) as session:
        result = session.execute(publish)
    assert result["publishEvent"]["event"] == {"reviewState": "PUBLISHED"}


def test_graphiql_page_and_its_assets_load_from_the_server_itself(live_server):
    page = requests.get(f"{live_server.url}/graphql/", headers={"Accept": "text/html"}, timeout=10)
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="(/static/graphiql/[^"]+)"', page.text)
    assert len(assets) == 7
    for path in assets:
        response = requests.get(f"{live_server.url}{path}", timeout=10)
        assert response.status_code == 200, path
        assert len(response.content) > 500, path
