"""Mutations: refused for anonymous callers, allowed for editors, typed errors, same services."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from tests.factories import EventEntityFactory, EventFactory, EventSourceFactory, UserFactory
from tests.integration.graphql.scenario import World
from tests.integration.graphql.test_queries import gid
from timeline.enums import ArticleOrigin, ReviewState
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

SUBMIT = """
mutation($input: SubmitArticleInput!) {
  submitArticle(input: $input) {
    __typename
    ... on SubmitArticleSuccess { created article { id url title } }
    ... on OperationError { code message fieldErrors { field message } }
  }
}
"""
UPDATE = """
mutation($id: ID!, $input: UpdateEventInput!) {
  updateEvent(id: $id, input: $input) {
    __typename
    ... on EventMutationSuccess { changed event { title type dateStart dateEnd } }
    ... on OperationError { code message fieldErrors { field message } }
  }
}
"""
REVIEW = """
mutation($id: ID!) {
  publishEvent(id: $id) { ...R }
}
fragment R on EventMutationPayload {
  __typename
  ... on EventMutationSuccess { changed event { reviewState } }
  ... on OperationError { code fieldErrors { field message } }
}
"""
REJECT = REVIEW.replace("publishEvent", "rejectEvent")
MERGE = """
mutation($into: ID!, $others: [ID!]!) {
  mergeEvents(into: $into, others: $others) {
    __typename
    ... on MergeEventsSuccess { merged event { id sourceCount actors { entity { slug } } } }
    ... on OperationError { code message fieldErrors { field message } }
  }
}
"""


@pytest.fixture
def editor(client):
    user = UserFactory(staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_article", "change_event"])
    )
    client.force_login(user)
    return user


def result(body: dict, field: str) -> dict:
    assert "errors" not in body, body.get("errors")
    return body["data"][field]


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        (SUBMIT, {"input": {"url": "https://example.org/a"}}),
        (UPDATE, {"id": "RXZlbnQ6MQ==", "input": {"title": "x"}}),
        (REVIEW, {"id": "RXZlbnQ6MQ=="}),
        (REJECT, {"id": "RXZlbnQ6MQ=="}),
        (MERGE, {"into": "RXZlbnQ6MQ==", "others": ["RXZlbnQ6Mg=="]}),
    ],
    ids=["submit", "update", "publish", "reject", "merge"],
)
def test_anonymous_mutations_are_refused_with_a_clear_error(graphql, world, document, variables):
    before = Event.objects.values_list("pk", "title", "review_state").order_by("pk")
    before = list(before)
    body = graphql(document, variables)
    assert body["data"] is None
    assert body["errors"][0]["message"].startswith("Authentication required")
    assert body["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
    assert list(Event.objects.values_list("pk", "title", "review_state").order_by("pk")) == before
    assert not Article.objects.filter(url="https://example.org/a").exists()


def test_signed_in_user_without_the_permission_is_refused(client, graphql, world: World):
    client.force_login(UserFactory(staff=True))
    body = graphql(REVIEW, {"id": gid("Event", world.unpublished.pk)})
    assert "needs the 'timeline.change_event' permission" in body["errors"][0]["message"]
    assert body["errors"][0]["extensions"] == {"code": "FORBIDDEN"}
    world.unpublished.refresh_from_db()
    assert world.unpublished.review_state == ReviewState.PENDING


def test_editor_submits_an_article_by_url_once(graphql, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        first = result(
            graphql(SUBMIT, {"input": {"url": "https://example.org/news/1"}}), "submitArticle"
        )
    assert first["__typename"] == "SubmitArticleSuccess"
    assert first["created"] is True
    assert len(callbacks) == 1  # processing is enqueued after commit, by the service
    again = result(
        graphql(SUBMIT, {"input": {"url": "https://example.org/news/1"}}), "submitArticle"
    )
    assert again["created"] is False
    assert again["article"]["id"] == first["article"]["id"]
    article = Article.objects.get()
    assert article.submitted_by == editor
    assert article.origin == ArticleOrigin.URL


def test_submit_text_needs_title_and_published_at(graphql, editor):
    body = graphql(SUBMIT, {"input": {"text": "Officials met on Tuesday."}})
    error = result(body, "submitArticle")
    assert error["__typename"] == "OperationError"
    assert error["code"] == "invalid"
    assert {e["field"] for e in error["fieldErrors"]} == {"title", "publishedAt"}
    ok = result(
        graphql(
            SUBMIT,
            {
                "input": {
                    "text": "Officials met on Tuesday.",
                    "title": "Talks",
                    "publishedAt": "2024-10-29T12:00:00Z",
                }
            },
        ),
        "submitArticle",
    )
    assert ok["__typename"] == "SubmitArticleSuccess"
    assert ok["article"]["title"] == "Talks"


def test_submit_html_needs_a_url(graphql, editor):
    error = result(graphql(SUBMIT, {"input": {"html": "<p>hi</p>"}}), "submitArticle")
    assert error["fieldErrors"] == [{"field": "url", "message": "Required with html."}]


def test_editor_updates_an_event_and_the_edit_is_remembered(graphql, editor, world: World):
    variables = {
        "id": gid("Event", world.pact.pk),
        "input": {
            "title": "Treaty signed",
            "type": "AGREEMENT",
            "dateStart": "2024-06-20",
            "dateEnd": "2024-06-21",
        },
    }
    ok = result(graphql(UPDATE, variables), "updateEvent")
    assert ok == {
        "__typename": "EventMutationSuccess",
        "changed": True,
        "event": {
            "title": "Treaty signed",
            "type": "AGREEMENT",
            "dateStart": "2024-06-20",
            "dateEnd": "2024-06-21",
        },
    }
    world.pact.refresh_from_db()
    assert world.pact.title == "Treaty signed"
    assert world.pact.sort_date.isoformat() == "2024-06-20"
    assert {"title", "date_start", "date_end"} <= set(world.pact.edited_fields)
    assert result(graphql(UPDATE, variables), "updateEvent")["changed"] is False


def test_update_with_bad_dates_is_a_typed_error(graphql, editor, world: World):
    body = graphql(
        UPDATE,
        {
            "id": gid("Event", world.pact.pk),
            "input": {"dateStart": "2024-06-20", "dateEnd": "2024-06-01"},
        },
    )
    error = result(body, "updateEvent")
    assert error["__typename"] == "OperationError"
    assert error["fieldErrors"] == [{"field": "dateEnd", "message": "Ends before it starts."}]


def test_update_of_an_unknown_or_foreign_id_is_not_found(graphql, editor, world: World):
    missing = result(
        graphql(UPDATE, {"id": gid("Event", 99999), "input": {"title": "x"}}), "updateEvent"
    )
    assert missing["code"] == "not_found"
    assert missing["fieldErrors"][0]["field"] == "id"
    foreign = result(
        graphql(UPDATE, {"id": gid("Entity", world.north_korea.pk), "input": {"title": "x"}}),
        "updateEvent",
    )
    assert foreign["code"] == "not_found"


def test_publish_and_reject(graphql, editor, world: World):
    event_id = gid("Event", world.unpublished.pk)
    published = result(graphql(REVIEW, {"id": event_id}), "publishEvent")
    assert published == {
        "__typename": "EventMutationSuccess",
        "changed": True,
        "event": {"reviewState": "PUBLISHED"},
    }
    again = result(graphql(REVIEW, {"id": event_id}), "publishEvent")
    assert again["changed"] is False
    rejected = result(graphql(REJECT, {"id": event_id}), "rejectEvent")
    assert rejected["event"] == {"reviewState": "REJECTED"}
    world.unpublished.refresh_from_db()
    assert world.unpublished.review_state == ReviewState.REJECTED


def test_merge_events_moves_sources_and_actors(graphql, editor, world: World):
    duplicate = EventFactory(title="Pact signed (duplicate)", date_start=world.pact.date_start)
    EventSourceFactory(event=duplicate)
    EventEntityFactory(event=duplicate, entity=world.north_korea)
    body = graphql(
        MERGE, {"into": gid("Event", world.pact.pk), "others": [gid("Event", duplicate.pk)]}
    )
    ok = result(body, "mergeEvents")
    assert ok["__typename"] == "MergeEventsSuccess"
    assert ok["merged"] == [gid("Event", duplicate.pk)]
    assert ok["event"]["sourceCount"] == 3
    duplicate.refresh_from_db()
    assert duplicate.review_state == ReviewState.MERGED
    assert duplicate.merged_into == world.pact


def test_merge_into_a_merged_event_is_a_conflict(graphql, editor, world: World):
    merged = EventFactory(review_state=ReviewState.MERGED, merged_into=world.pact)
    body = graphql(
        MERGE, {"into": gid("Event", merged.pk), "others": [gid("Event", world.meeting.pk)]}
    )
    error = result(body, "mergeEvents")
    assert error["code"] == "conflict"
    assert error["fieldErrors"][0]["field"] == "into"
    empty = result(
        graphql(MERGE, {"into": gid("Event", world.pact.pk), "others": []}), "mergeEvents"
    )
    assert empty["code"] == "invalid"
    assert empty["fieldErrors"][0]["field"] == "others"


def test_nul_characters_are_a_typed_error_not_a_crash(graphql, editor, world: World):
    submit = result(
        graphql(
            SUBMIT,
            {"input": {"text": "a\u0000b", "title": "t", "publishedAt": "2024-10-29T12:00:00Z"}},
        ),
        "submitArticle",
    )
    assert submit["fieldErrors"] == [
        {"field": "text", "message": "Null characters are not allowed."}
    ]
    update = result(
        graphql(UPDATE, {"id": gid("Event", world.pact.pk), "input": {"title": "a\u0000b"}}),
        "updateEvent",
    )
    assert update["__typename"] == "OperationError"
    assert update["fieldErrors"][0]["field"] == "title"
