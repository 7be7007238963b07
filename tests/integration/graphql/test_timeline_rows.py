"""The timeline read from row objects answers exactly what the model path answers.

`resolve_timeline` serves a selection from `selectors.rows` dicts (graphql/rows.py, read by
graphql/execution.py) when the rows hold every selected field, else from model instances.
Each query here runs both ways (the model path forced by patching `rows_cover`) and the JSON
must be identical, for the public and for staff.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import StatementFactory, UserFactory
from tests.integration.graphql.conftest import post
from tests.integration.graphql.scenario import NORTH_KOREA_TIMELINE, World
from timeline.enums import ReviewState
from timeline.graphql import rows as rows_module
from timeline.graphql import timeline as timeline_module

pytestmark = pytest.mark.django_db

ITEM = """
  sortDate dateStart dateEnd datePrecision dateValue dateText reviewState confidence
  sourceCount changeSeq createdAt updatedAt
"""
SOURCE = "sentence sentenceStart start end article { id url title publishedAt outlet { id name domain } }"
ENTITY = "id slug name kind"
FULL = f"""
query Full($first: Int, $after: String) {{
  timeline(filter: {{entities: ["north-korea"]}}, first: $first, after: $after) {{
    __typename
    edges {{ __typename cursor node {{
      __typename id {ITEM}
      ... on Event {{
        title summary type status figures
        actors {{ __typename role entity {{ {ENTITY} }} }}
        sources {{ {SOURCE} }}
        statements {{ id speaker {{ {ENTITY} }} speakerText speakerTitle quote stance sourceCount }}
      }}
      ... on Statement {{
        speaker {{ {ENTITY} }} speakerText speakerTitle quote kind cue venue stance
        event {{ id title }}
        mentions {{ role entity {{ {ENTITY} }} }}
        sources {{ {SOURCE} speakerStart speakerEnd }}
      }}
    }} }}
    pageInfo {{ __typename hasNextPage hasPreviousPage startCursor endCursor }}
  }}
}}
"""
FRAGMENTS = """
query Fragments {
  t: timeline(filter: {entities: ["north-korea"]}, last: 3) {
    edges { node { ...Item ... on Node { nodeId: id } } }
    info: pageInfo { start: startCursor hasPreviousPage }
  }
}
fragment Item on TimelineItem {
  when: sortDate
  ... on Event { headline: title sources { ... on Source { sentence article { url } } } }
  ... on Statement { said: quote event { ... on Event { title } } }
}
"""
# Fields the rows do not hold: the model path answers, as before.
UNCOVERED = [
    "query { timeline(first: 5) { edges { node { ... on Event { actors { entity { aliases { alias } } } } } } } }",
    "query { timeline(first: 5) { edges { node { ... on Statement { event { summary } } } } } }",
    "query { timeline(first: 5) { edges { node { ... on Event { sources { article { author } } } } } } }",
    "query { timeline(first: 5) { edges { node { sortDate @include(if: true) } } } }",
    "query { timeline(first: 5) { edges { node { ... on Event { statements { cue } } } } } }",
]


@pytest.fixture
def about_hidden(world: World):
    """A published statement about an unpublished event, and a pending one about the pact."""
    StatementFactory(event=world.unpublished, quote="about the hidden event")
    StatementFactory(event=world.pact, quote="pending words", review_state=ReviewState.PENDING)


@pytest.fixture
def paths(monkeypatch):
    """run(client, query, variables) -> (rows body, model body, whether rows were used)."""

    def run(client: Client, query: str, variables: dict | None = None):
        used = []
        real = timeline_module.rows_cover
        monkeypatch.setattr(
            timeline_module, "rows_cover", lambda info: used.append(real(info)) or used[-1]
        )
        lean = post(client, query, variables)
        monkeypatch.setattr(timeline_module, "rows_cover", lambda info: False)
        model = post(client, query, variables)
        monkeypatch.setattr(timeline_module, "rows_cover", real)
        return lean, model, any(used)

    return run


def _staff_client() -> Client:
    client = Client()
    client.force_login(UserFactory(staff=True))
    return client


@pytest.mark.parametrize("who", ["public", "staff"])
@pytest.mark.parametrize(
    "query", [FULL, NORTH_KOREA_TIMELINE, FRAGMENTS], ids=["full", "docs", "fragments"]
)
def test_rows_and_models_answer_the_same(world, about_hidden, paths, who, query):
    client = _staff_client() if who == "staff" else Client()
    after = None
    for _ in range(3):  # page through: cursors must agree too
        variables = {"first": 2, "after": after} if "$after" in query else {"first": 50}
        lean, model, used = paths(client, query, variables)
        assert used, "the rows cover this selection"
        assert "errors" not in lean, lean["errors"]
        assert lean == model
        data = lean["data"].get("timeline")
        if data is None or not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]


def test_the_public_never_sees_hidden_items_through_rows(world, about_hidden, paths):
    lean, _, used = paths(Client(), FULL, {"first": 50})
    assert used
    text = str(lean)
    assert "Unreviewed claim" not in text  # the pending event, also as a statement's event
    assert "pending words" not in text
    events = [e["node"] for e in lean["data"]["timeline"]["edges"]]
    about = [n for n in events if n.get("quote") == "about the hidden event"]
    assert about == [] or about[0]["event"] is None


@pytest.mark.parametrize("query", UNCOVERED)
def test_uncovered_selections_take_the_model_path(world, paths, query):
    lean, model, used = paths(Client(), query)
    assert not used
    assert "errors" not in lean, lean["errors"]
    assert lean == model


def test_a_broken_row_is_reported_like_graphql_core_does(world, monkeypatch):
    real = rows_module.event_row

    def broken(row):
        obj = real(row)
        obj.sort_date = None  # non-null in the schema
        return obj

    monkeypatch.setattr(rows_module, "event_row", broken)
    body = post(Client(), "query { timeline(first: 1) { edges { node { id sortDate } } } }")
    error = body["errors"][0]
    # A server-side fault: masked like any other (graphql-core's own non-null TypeError too),
    # located at the field.
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["path"] == ["timeline", "edges", 0, "node", "sortDate"]
