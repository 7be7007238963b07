"""A published statement about an unpublished event must not leak the event to the public."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import EventFactory, StatementFactory, UserFactory
from timeline.enums import ReviewState

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/statements/{pk}/", "/api/v1/statements/"])
def test_hidden_event_is_not_named_for_the_public(path):
    hidden = EventFactory(title="Secret draft event", review_state=ReviewState.PENDING)
    statement = StatementFactory(event=hidden)
    body = APIClient().get(path.format(pk=statement.pk)).json()
    item = body if "quote" in body else body["results"][0]
    assert item["event"] is None
    assert "Secret draft event" not in str(body)


def test_staff_sees_the_pending_event():
    hidden = EventFactory(title="Secret draft event", review_state=ReviewState.PENDING)
    statement = StatementFactory(event=hidden)
    client = APIClient()
    client.force_authenticate(UserFactory(staff=True))
    body = client.get(f"/api/v1/statements/{statement.pk}/").json()
    assert body["event"]["title"] == "Secret draft event"


def test_timeline_hides_the_event_too():
    hidden = EventFactory(title="Secret draft event", review_state=ReviewState.PENDING)
    StatementFactory(event=hidden)
    body = APIClient().get("/api/v1/timeline/").json()
    assert "Secret draft event" not in str(body)
