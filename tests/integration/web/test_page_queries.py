"""The page's GraphQL documents (static/web/api.js) run against the live schema.

The page is the API's first client: if a field it asks for is renamed, this fails here rather
than as an empty timeline in a browser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.integration.web.conftest import Story

pytestmark = pytest.mark.django_db

API_JS = Path(__file__).resolve().parents[3] / "timeline" / "static" / "web" / "api.js"


def documents() -> dict[str, str]:
    """The `export const NAME = \\`...\\`` documents of api.js, with ${CONSTANT} expanded."""
    source = API_JS.read_text()
    constants = dict(re.findall(r'const (\w+) = "([^"]*)";', source))
    found = dict(re.findall(r"export const (\w+_QUERY) = `(.*?)`;", source, re.S))
    return {
        name: re.sub(r"\$\{(\w+)\}", lambda m: constants[m.group(1)], body)
        for name, body in found.items()
    }


def post(client: Client, document: str, variables: dict[str, Any], **headers: str) -> Any:
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": document, "variables": variables}),
        content_type="application/json",
        **headers,
    )
    return response.status_code, response.json()


def test_api_js_holds_the_three_documents() -> None:
    assert set(documents()) == {"TIMELINE_QUERY", "ENTITIES_QUERY", "ENTITY_NAME_QUERY"}


def test_timeline_query_works_anonymously_without_csrf(story: Story) -> None:
    client = Client(enforce_csrf_checks=True)
    variables = {"filter": {"entities": ["north-korea"]}, "first": 25, "after": None}

    status, body = post(client, documents()["TIMELINE_QUERY"], variables)

    assert status == 200, body
    assert "errors" not in body
    titles = [e["node"].get("title") for e in body["data"]["timeline"]["edges"]]
    assert titles.index("Russia and North Korea sign a pact") < titles.index(
        "Defense ministers meet at the Pentagon"
    )
    assert "Unreviewed rumour" not in titles


def test_timeline_query_returns_denials_under_their_event(story: Story) -> None:
    _status, body = post(Client(), documents()["TIMELINE_QUERY"], {"filter": {"kind": "EVENT"}})

    events = {e["node"]["title"]: e["node"] for e in body["data"]["timeline"]["edges"]}
    said = events["Troops sent to Russia"]["statements"]
    assert [(s["speakerText"], s["stance"]) for s in said] == [("The Kremlin", "DENIES")]


def test_signed_in_session_needs_the_pages_csrf_token(story: Story) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(staff=True))
    html = client.get("/").content.decode()
    token = json.loads(
        re.search(
            r'<script id="timeline-config" type="application/json">(.*?)</script>', html
        ).group(1)  # type: ignore[union-attr]
    )["csrfToken"]
    document = documents()["TIMELINE_QUERY"]

    refused, _ = post(client, document, {"first": 5})
    accepted, body = post(client, document, {"first": 5}, HTTP_X_CSRFTOKEN=token)

    assert refused == 403
    assert accepted == 200
    assert "errors" not in body


def test_entity_suggestions_match_aliases(story: Story) -> None:
    status, body = post(Client(), documents()["ENTITIES_QUERY"], {"q": "dprk"})

    assert status == 200, body
    nodes = [edge["node"] for edge in body["data"]["entities"]["edges"]]
    assert [(n["name"], n["slug"]) for n in nodes] == [("North Korea", "north-korea")]


def test_entity_name_lookup(story: Story) -> None:
    _status, body = post(Client(), documents()["ENTITY_NAME_QUERY"], {"slug": "north-korea"})

    assert body["data"]["entity"] == {"name": "North Korea", "slug": "north-korea"}
