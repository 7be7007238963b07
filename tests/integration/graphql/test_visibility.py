"""The public sees published items only, through every path; staff see every review state."""

from __future__ import annotations

import pytest

from tests.factories import EventFactory, StatementFactory, UserFactory
from tests.integration.graphql.scenario import World
from tests.integration.graphql.test_queries import gid
from timeline.enums import ReviewState

pytestmark = pytest.mark.django_db

EVERY_PATH = """
query($id: ID!, $sid: ID!) {
  timeline(first: 200) { edges { node { id ... on Statement { event { id } } } } }
  events(first: 100) { edges { node { id } } }
  event(id: $id) { id }
  node(id: $id) { id }
  entity(slug: "north-korea") { events { edges { node { id } } } }
  statement(id: $sid) { event { id } }
  statements(first: 100) { edges { node { id event { id } } } }
}
"""


@pytest.fixture
def hidden(world: World):
    """A pending statement, and a published statement about the pending event."""
    pending_statement = StatementFactory(review_state=ReviewState.PENDING)
    about_hidden = StatementFactory(event=world.unpublished)
    return pending_statement, about_hidden


def run(graphql, world: World, hidden) -> dict:
    body = graphql(
        EVERY_PATH,
        {"id": gid("Event", world.unpublished.pk), "sid": gid("Statement", hidden[1].pk)},
    )
    assert "errors" not in body, body["errors"]
    return body["data"]


def ids(connection: dict) -> set[str]:
    return {edge["node"]["id"] for edge in connection["edges"]}


def test_public_never_sees_unpublished_items(graphql, world: World, hidden):
    data = run(graphql, world, hidden)
    hidden_event = gid("Event", world.unpublished.pk)
    hidden_statement = gid("Statement", hidden[0].pk)
    assert hidden_event not in ids(data["timeline"]) | ids(data["events"])
    assert hidden_statement not in ids(data["timeline"]) | ids(data["statements"])
    assert data["event"] is None
    assert data["node"] is None
    assert hidden_event not in ids(data["entity"]["events"])
    # A published statement about an unpublished event: the statement shows, the event doesn't.
    assert data["statement"] == {"event": None}
    linked = [e["node"]["event"] for e in data["timeline"]["edges"] if "event" in e["node"]]
    assert {"id": hidden_event} not in linked
    assert {"id": hidden_event} not in [e["node"]["event"] for e in data["statements"]["edges"]]


def test_staff_see_every_review_state(client, graphql, world: World, hidden):
    client.force_login(UserFactory(staff=True))
    data = run(graphql, world, hidden)
    hidden_event = gid("Event", world.unpublished.pk)
    assert hidden_event in ids(data["timeline"])
    assert hidden_event in ids(data["events"])
    assert gid("Statement", hidden[0].pk) in ids(data["timeline"])
    assert data["event"] == {"id": hidden_event}
    assert data["node"] == {"id": hidden_event}
    assert data["statement"] == {"event": {"id": hidden_event}}


def test_review_state_filter_cannot_widen_what_the_public_sees(graphql, world: World):
    body = graphql("""{ timeline(filter: {reviewStates: [PENDING]}) { edges { node { id } } } }""")
    assert body["data"]["timeline"]["edges"] == []


def test_signed_in_non_staff_user_is_public(client, graphql, world: World):
    client.force_login(UserFactory())
    body = graphql(
        """query($id: ID!) { event(id: $id) { id } }""", {"id": gid("Event", world.unpublished.pk)}
    )
    assert body["data"]["event"] is None
    EventFactory(review_state=ReviewState.REJECTED)
    assert graphql("{ events(filter: {reviewStates: [REJECTED]}) { totalCount } }")["data"] == {
        "events": {"totalCount": 0}
    }
