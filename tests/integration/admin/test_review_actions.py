"""Review-queue bulk actions: publish, reject, merge (with its survivor page), re-extract."""

from __future__ import annotations

import pytest

from tests.factories import (
    ArticleFactory,
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    EventSourceFactory,
    StatementFactory,
    StatementSourceFactory,
)
from tests.integration.admin.conftest import action_post
from timeline.enums import ArticleStatus, ReviewState
from timeline.models import Article, Event, EventSource, Statement

pytestmark = pytest.mark.django_db

EVENTS = "/admin/timeline/event/"
STATEMENTS = "/admin/timeline/statement/"


def pending_event(**kwargs):
    return EventFactory(review_state=ReviewState.PENDING, **kwargs)


def test_publish_action_publishes_and_records_who_did_it(editor_client, editor):
    chosen, other = pending_event(), pending_event()
    before = chosen.change_seq
    response = action_post(editor_client, EVENTS, "publish_selected", [chosen.pk])
    assert response.status_code == 302
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert chosen.review_state == ReviewState.PUBLISHED
    assert other.review_state == ReviewState.PENDING
    assert chosen.change_seq != before
    # The bulk UPDATE is in the history, with the editor as its author.
    latest = chosen.history.latest()
    assert (latest.review_state, latest.history_user) == (ReviewState.PUBLISHED, editor)


def test_reject_action_hides_events_and_statements(editor_client):
    event = pending_event()
    statement = StatementFactory(review_state=ReviewState.PENDING)
    action_post(editor_client, EVENTS, "reject_selected", [event.pk])
    action_post(editor_client, STATEMENTS, "reject_selected", [statement.pk])
    event.refresh_from_db()
    statement.refresh_from_db()
    assert event.review_state == ReviewState.REJECTED
    assert statement.review_state == ReviewState.REJECTED


def test_publish_statements(editor_client):
    statement = StatementFactory(review_state=ReviewState.PENDING)
    action_post(editor_client, STATEMENTS, "publish_selected", [statement.pk])
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.PUBLISHED


def test_published_event_leaves_the_default_queue(editor_client):
    event = pending_event(title="Queue member")
    assert "Queue member" in editor_client.get(EVENTS).content.decode()
    action_post(editor_client, EVENTS, "publish_selected", [event.pk])
    assert "Queue member" not in editor_client.get(EVENTS).content.decode()
    assert "Queue member" in editor_client.get(EVENTS + "?review=all").content.decode()


def test_merge_asks_for_the_survivor_first(editor_client):
    a, b = pending_event(title="Talks in Geneva"), pending_event(title="Geneva talks")
    response = action_post(editor_client, EVENTS, "merge_selected", [a.pk, b.pk])
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="into"' in page
    assert "Talks in Geneva" in page
    assert "Geneva talks" in page
    # Nothing happened yet.
    assert Event.objects.filter(review_state=ReviewState.MERGED).count() == 0


def test_merge_moves_sources_actors_statements_to_the_chosen_survivor(editor_client):
    country = EntityFactory(name="Freedonia")
    keep, dup = pending_event(), pending_event()
    EventSourceFactory(event=keep)
    moved = EventSourceFactory(event=dup)
    EventEntityFactory(event=dup, entity=country)
    statement = StatementFactory(event=dup)
    response = action_post(
        editor_client, EVENTS, "merge_selected", [keep.pk, dup.pk], post="yes", into=keep.pk
    )
    assert response.status_code == 302
    dup.refresh_from_db()
    keep.refresh_from_db()
    assert (dup.review_state, dup.merged_into_id) == (ReviewState.MERGED, keep.pk)
    assert EventSource.objects.get(pk=moved.pk).event_id == keep.pk
    assert keep.source_count == 2
    assert list(keep.entities.all()) == [country]
    assert Statement.objects.get(pk=statement.pk).event_id == keep.pk
    assert dup.history.latest().history_change_reason == f"merged into {keep.pk}"


def test_merge_needs_two_events(editor_client):
    lonely = pending_event()
    response = action_post(editor_client, EVENTS, "merge_selected", [lonely.pk], follow=True)
    lonely.refresh_from_db()
    assert lonely.review_state == ReviewState.PENDING
    assert "Select at least two events to merge." in response.content.decode()


def test_merge_into_an_already_merged_event_is_refused_with_a_message(editor_client):
    target = pending_event()
    ghost = EventFactory(review_state=ReviewState.MERGED, merged_into=target)
    other = pending_event()
    response = editor_client.post(
        EVENTS + "?review=all",
        {
            "action": "merge_selected",
            "_selected_action": [ghost.pk, other.pk],
            "post": "yes",
            "into": ghost.pk,
        },
        follow=True,
    )
    other.refresh_from_db()
    assert other.review_state == ReviewState.PENDING
    assert "Not merged" in response.content.decode()


def test_reextract_action_queues_the_source_articles(
    editor_client, django_capture_on_commit_callbacks
):
    event = pending_event()
    done = EventSourceFactory(event=event).article
    busy = ArticleFactory(status=ArticleStatus.FETCHING)
    EventSourceFactory(event=event, article=busy)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = action_post(editor_client, EVENTS, "reextract_selected", [event.pk], follow=True)
    page = response.content.decode()
    assert Article.objects.get(pk=done.pk).status == ArticleStatus.QUEUED
    assert Article.objects.get(pk=busy.pk).status == ArticleStatus.FETCHING
    assert len(callbacks) == 1  # one task enqueued, after commit
    assert "1 article(s) queued for re-extraction" in page
    assert "1 article(s) already in progress" in page


def test_statement_reextract_action_uses_statement_sources(
    editor_client, django_capture_on_commit_callbacks
):
    source = StatementSourceFactory(statement__review_state=ReviewState.PENDING)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        action_post(editor_client, STATEMENTS, "reextract_selected", [source.statement_id])
    assert Article.objects.get(pk=source.article_id).status == ArticleStatus.QUEUED
    assert len(callbacks) == 1


def test_merge_refuses_a_huge_selection(editor_client, monkeypatch):
    monkeypatch.setattr("timeline.admin.events.MAX_MERGE", 2)
    events = [pending_event() for _ in range(3)]
    response = action_post(
        editor_client, EVENTS, "merge_selected", [e.pk for e in events], follow=True
    )
    assert "Merge at most 2 events at a time." in response.content.decode()
    assert Event.objects.filter(review_state=ReviewState.MERGED).count() == 0
