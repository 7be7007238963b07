"""Read queries: the timeline, filters, paging, lists with ordering, entity pages, node ids."""

from __future__ import annotations

import base64

import pytest

from tests.integration.graphql.scenario import NORTH_KOREA_TIMELINE, World

pytestmark = pytest.mark.django_db


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def nodes(body: dict, field: str = "timeline") -> list[dict]:
    assert "errors" not in body, body.get("errors")
    return [edge["node"] for edge in body["data"][field]["edges"]]


def titles(body: dict, field: str = "timeline") -> list[str]:
    return [n.get("title") or n.get("quote") for n in nodes(body, field)]


TIMELINE = """
query T($filter: TimelineFilterInput, $first: Int, $after: String, $last: Int,
        $before: String, $descending: Boolean! = false) {
  timeline(filter: $filter, first: $first, after: $after, last: $last, before: $before,
           descending: $descending) {
    edges { cursor node { __typename id ... on Event { title } ... on Statement { quote } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


def test_north_korea_timeline_has_the_pact_then_the_meeting_with_sources(graphql, world: World):
    items = nodes(graphql(NORTH_KOREA_TIMELINE, {"first": 50}))
    assert [(n["__typename"], n.get("title") or n.get("quote")) for n in items] == [
        ("Event", world.pact.title),
        ("Event", world.meeting.title),
        ("Statement", world.statement.quote),
    ]
    pact, meeting, statement = items
    assert pact["id"] == gid("Event", world.pact.pk)
    assert pact["type"] == "AGREEMENT"
    assert pact["sourceCount"] == 2
    assert {s["article"]["outlet"]["domain"] for s in pact["sources"]} == {"wire.example.org"}
    assert pact["sources"][0]["sentence"].startswith("The two countries")
    assert {(a["role"], a["entity"]["slug"]) for a in meeting["actors"]} >= {
        ("TARGET", "north-korea"),
        ("PARTICIPANT", "lloyd-austin"),
    }
    assert meeting["statements"] == [
        {
            "quote": world.statement.quote,
            "stance": "ASSERTS",
            "sourceCount": 1,
            "speaker": {"slug": "lloyd-austin"},
        }
    ]
    assert statement["speaker"]["slug"] == "lloyd-austin"
    assert statement["event"]["title"] == world.meeting.title
    assert statement["sources"][0]["start"] == 4
    assert statement["sources"][0]["end"] == 30
    assert {"role": "MENTIONED", "entity": {"slug": "north-korea"}} in statement["mentions"]


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"types": ["AGREEMENT"]}, ["pact"]),
        ({"kind": "STATEMENT"}, ["statement"]),
        ({"kind": "EVENT"}, ["pact", "meeting"]),
        ({"speakers": ["lloyd-austin"]}, ["statement"]),
        ({"minSources": 2}, ["pact"]),
        ({"outlets": ["daily.example.org"]}, ["meeting", "statement"]),
        ({"q": "partnership"}, ["pact"]),
        ({"precisions": ["MONTH"]}, []),
        ({"entities": ["north-korea", "russia"], "entityMatch": "ALL"}, ["pact"]),
    ],
)
def test_timeline_filters_use_the_shared_vocabulary(graphql, world: World, filter_, expected):
    base = {"entities": ["north-korea"], "dateFrom": "2024-06-01", "dateTo": "2024-12-31"}
    body = graphql(TIMELINE, {"filter": {**base, **filter_}, "first": 50})
    by_title = {
        world.pact.title: "pact",
        world.meeting.title: "meeting",
        world.statement.quote: "statement",
    }
    assert [by_title[t] for t in titles(body)] == expected


def test_date_range_and_entity_leave_out_other_items(graphql, world: World):
    everything = titles(graphql(TIMELINE, {"first": 50}))
    assert world.old.title in everything
    assert world.elsewhere.title in everything
    nk = titles(graphql(NORTH_KOREA_TIMELINE, {"first": 50}))
    assert world.old.title not in nk
    assert world.elsewhere.title not in nk


def test_cursor_paging_forward_and_backward(graphql, world: World):
    walked, after = [], None
    while True:
        body = graphql(TIMELINE, {"first": 2, "after": after})
        walked += titles(body)
        info = body["data"]["timeline"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    everything = titles(graphql(TIMELINE, {"first": 200}))
    assert walked == everything
    assert len(everything) == 5
    last_two = graphql(TIMELINE, {"last": 2})
    assert titles(last_two) == everything[-2:]
    assert last_two["data"]["timeline"]["pageInfo"]["hasPreviousPage"] is True
    before = last_two["data"]["timeline"]["pageInfo"]["startCursor"]
    assert titles(graphql(TIMELINE, {"last": 2, "before": before})) == everything[-4:-2]
    assert titles(graphql(TIMELINE, {"first": 200, "descending": True})) == everything[::-1]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"first": 201}, "first must be between 1 and 200 (got 201)"),
        ({"first": 0}, "first must be between 1 and 200"),
        ({"first": 1, "last": 1}, "either first or last"),
        ({"after": "not-a-cursor"}, "after is not a timeline cursor"),
        ({"filter": {"dateFrom": "2024-12-01", "dateTo": "2024-01-01"}}, "dateFrom is after"),
        ({"filter": {"entities": ["no spaces allowed"]}}, "is not a valid value"),
        ({"filter": {"q": "x" * 201}}, "at most 200 characters"),
        ({"filter": {"q": "a\u0000b"}}, "q must not contain NUL characters"),
    ],
)
def test_bad_timeline_arguments_are_clear_errors(graphql, world: World, variables, message):
    body = graphql(TIMELINE, variables)
    assert body["data"] is None
    assert message in body["errors"][0]["message"]
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


EVENTS = """
query E($filter: TimelineFilterInput, $ordering: [EventOrder!], $first: Int) {
  events(filter: $filter, ordering: $ordering, first: $first) {
    totalCount
    edges { node { id title sourceCount } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


def test_events_connection_filters_and_orders(graphql, world: World):
    body = graphql(EVENTS, {"filter": {"entities": ["north-korea"]}})
    assert titles(body, "events") == [world.old.title, world.pact.title, world.meeting.title]
    assert body["data"]["events"]["totalCount"] == 3
    body = graphql(EVENTS, {"ordering": [{"sourceCount": "DESC"}, {"sortDate": "DESC"}]})
    assert titles(body, "events")[:2] == [world.pact.title, world.meeting.title]
    assert graphql(EVENTS, {"filter": {"kind": "STATEMENT"}})["data"]["events"]["edges"] == []


def test_connections_refuse_pages_over_200(graphql, world: World):
    body = graphql(EVENTS, {"first": 201})
    assert "cannot be higher than 200" in body["errors"][0]["message"]


def test_statements_connection(graphql, world: World):
    body = graphql(
        """query { statements(filter: {speakers: ["lloyd-austin"]}) {
             edges { node { quote stance speakerTitle event { title } } } } }"""
    )
    assert nodes(body, "statements") == [
        {
            "quote": world.statement.quote,
            "stance": "ASSERTS",
            "speakerTitle": "Defense Secretary",
            "event": {"title": world.meeting.title},
        }
    ]


def test_entities_connection_filters_by_kind_and_alias(graphql, world: World):
    query = """query($f: EntityFilterInput, $o: [EntityOrder!]) {
      entities(filter: $f, ordering: $o) { edges { node { slug kind aliases { alias } } } } }"""
    body = graphql(query, {"f": {"q": "dprk"}})
    assert nodes(body, "entities") == [
        {"slug": "north-korea", "kind": "COUNTRY", "aliases": [{"alias": "DPRK"}]}
    ]
    body = graphql(query, {"f": {"kinds": ["PERSON"]}, "o": [{"name": "DESC"}]})
    assert [n["slug"] for n in nodes(body, "entities")] == ["lloyd-austin", "kim-yong-hyun"]


def test_entity_by_slug_with_nested_connections(graphql, world: World):
    body = graphql(
        """query {
          entity(slug: "north-korea") {
            name kind aliases { alias }
            events(filter: {dateFrom: "2024-06-01"}, first: 10) {
              edges { node { title } } pageInfo { hasNextPage } }
            statements { edges { node { quote } } }
          }
          pyongyang: entity(slug: "pyongyang") { locatedIn { slug } }
          missing: entity(slug: "atlantis") { name }
        }"""
    )
    assert "errors" not in body, body["errors"]
    nk = body["data"]["entity"]
    assert nk["name"] == "North Korea"
    assert nk["kind"] == "COUNTRY"
    assert [e["node"]["title"] for e in nk["events"]["edges"]] == [
        world.pact.title,
        world.meeting.title,
    ]
    assert [e["node"]["quote"] for e in nk["statements"]["edges"]] == [world.statement.quote]
    assert body["data"]["pyongyang"] == {"locatedIn": {"slug": "north-korea"}}
    assert body["data"]["missing"] is None


def test_event_by_id_with_sources_actors_and_statements(graphql, world: World):
    body = graphql(
        """query($id: ID!) { event(id: $id) {
             id title sourceCount
             sources { sentence article { url outlet { name } } }
             actors { role entity { slug } }
             statements { quote stance sourceCount speaker { name } }
        } }""",
        {"id": gid("Event", world.meeting.pk)},
    )
    event = body["data"]["event"]
    assert event["title"] == world.meeting.title
    assert event["sourceCount"] == 1
    assert len(event["sources"]) == 1
    assert ("PARTICIPANT", "kim-yong-hyun") in {
        (a["role"], a["entity"]["slug"]) for a in event["actors"]
    }
    assert event["statements"] == [
        {
            "quote": world.statement.quote,
            "stance": "ASSERTS",
            "sourceCount": 1,
            "speaker": {"name": "Lloyd Austin"},
        }
    ]


def test_node_resolves_every_node_type(graphql, world: World):
    body = graphql(
        """query($e: ID!, $s: ID!, $n: ID!) {
          e: node(id: $e) { __typename ... on Event { title } }
          s: node(id: $s) { __typename ... on Statement { quote } }
          n: node(id: $n) { __typename ... on Entity { slug } }
        }""",
        {
            "e": gid("Event", world.pact.pk),
            "s": gid("Statement", world.statement.pk),
            "n": gid("Entity", world.north_korea.pk),
        },
    )
    assert body["data"] == {
        "e": {"__typename": "Event", "title": world.pact.title},
        "s": {"__typename": "Statement", "quote": world.statement.quote},
        "n": {"__typename": "Entity", "slug": "north-korea"},
    }


def test_updated_since_takes_64_bit_change_numbers(graphql, world: World):
    variables = {"filter": {"updatedSince": world.meeting.change_seq}, "first": 50}
    assert titles(graphql(TIMELINE, variables)) == [
        world.old.title,
        world.elsewhere.title,
        world.statement.quote,
    ]
    body = graphql(TIMELINE, {"filter": {"updatedSince": 2**40}})
    assert body["data"]["timeline"]["edges"] == []
    edges = graphql("{ timeline(first: 1) { edges { node { changeSeq } } } }")
    assert edges["data"]["timeline"]["edges"][0]["node"]["changeSeq"] == world.old.change_seq


def test_entity_slug_that_cannot_exist_is_null(graphql, world: World):
    body = graphql('{ a: entity(slug: "north\\u0000korea") { name } b: entity(slug: "") { name } }')
    assert body["data"] == {"a": None, "b": None}
    assert "errors" not in body
