"""Who reaches the admin and what each role may do (groups from migration 0003_roles)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import (
    ArticleFactory,
    EntityFactory,
    EventFactory,
    EventSourceFactory,
    StatementFactory,
    UserFactory,
)
from tests.integration.admin.conftest import action_post
from timeline.enums import ArticleStatus, ReviewState

pytestmark = pytest.mark.django_db

EVENTS = "/admin/timeline/event/"


def test_migration_creates_editor_and_viewer_groups():
    editor = set(Group.objects.get(name="editor").permissions.values_list("codename", flat=True))
    viewer = set(Group.objects.get(name="viewer").permissions.values_list("codename", flat=True))
    assert {
        "change_event",
        "change_statement",
        "change_entity",
        "add_entityalias",
        "change_article",
        "add_evententity",
    } <= editor
    assert not {"delete_event", "add_event", "delete_entity"} & editor
    assert "view_event" in viewer
    assert all(code.startswith("view_") for code in viewer)


@pytest.mark.parametrize("url", [EVENTS, "/admin/timeline/entity/", "/admin/"])
def test_anonymous_is_redirected_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_non_staff_user_is_refused_even_in_the_editor_group():
    user = UserFactory(is_staff=False)
    user.groups.add(Group.objects.get(name="editor"))
    client = Client()
    client.force_login(user)
    response = client.get(EVENTS)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_viewer_sees_the_queue_without_write_actions(viewer_client):
    EventFactory(review_state=ReviewState.PENDING, title="Seen by viewer")
    page = viewer_client.get(EVENTS).content.decode()
    assert "Seen by viewer" in page
    for action in ("publish_selected", "reject_selected", "merge_selected", "reextract_selected"):
        assert action not in page


def test_viewer_cannot_run_actions(viewer_client):
    event = EventFactory(review_state=ReviewState.PENDING)
    response = action_post(viewer_client, EVENTS, "publish_selected", [event.pk])
    event.refresh_from_db()
    assert event.review_state == ReviewState.PENDING
    # The admin answers an unavailable action with the changelist, not a change.
    assert response.status_code in (200, 302)


def test_viewer_cannot_merge_entities(viewer_client):
    a, b = EntityFactory(), EntityFactory()
    action_post(
        viewer_client, "/admin/timeline/entity/", "merge_selected", [a.pk], post="yes", target=b.pk
    )
    a.refresh_from_db()
    assert a.merged_into_id is None


def test_viewer_cannot_change_an_event(viewer_client):
    event = EventFactory(title="Original")
    url = f"{EVENTS}{event.pk}/change/"
    page = viewer_client.get(url)
    assert page.status_code == 200  # read-only view
    assert 'name="title"' not in page.content.decode()
    response = viewer_client.post(url, {"title": "Vandalised"})
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title == "Original"


def test_viewer_cannot_press_reextract(viewer_client):
    article = ArticleFactory(extracted=True)
    page = viewer_client.get(f"/admin/timeline/article/{article.pk}/change/").content.decode()
    assert "Re-extract" not in page
    response = viewer_client.post(f"/admin/timeline/article/{article.pk}/reextract/")
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE


def test_viewer_can_read_history(viewer_client):
    statement = StatementFactory()
    response = viewer_client.get(f"/admin/timeline/statement/{statement.pk}/history/")
    assert response.status_code == 200


def test_editor_cannot_add_or_delete_machine_output(editor_client):
    event = EventSourceFactory().event
    assert editor_client.get(f"{EVENTS}add/").status_code == 403
    assert editor_client.post(f"{EVENTS}{event.pk}/delete/").status_code == 403
    assert "delete_selected" not in editor_client.get(EVENTS + "?review=all").content.decode()


def test_history_revert_is_refused(editor_client):
    event = EventFactory(title="Now")
    record = event.history.latest()
    url = f"{EVENTS}{event.pk}/history/{record.history_id}/"
    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, {"title": "Then"}).status_code == 403
