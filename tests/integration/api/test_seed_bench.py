"""timeline_seed_bench: small runs are complete, valid and deterministic."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from timeline.models import (
    ChangeCounter,
    Event,
    EventEntity,
    EventSource,
    Statement,
    StatementSource,
)

pytestmark = pytest.mark.django_db

ARGS = ["--events", "200", "--statements", "60", "--entities", "30", "--articles", "40"]


def fingerprint() -> list[tuple]:
    return list(
        Event.objects.order_by("id").values_list(
            "id", "title", "sort_date", "date_start", "date_end", "review_state", "source_count"
        )
    )


def test_seed_small_is_complete_consistent_and_deterministic(client):
    call_command("timeline_seed_bench", *ARGS, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Event.objects.count(), Statement.objects.count()) == (200, 60)
    first = fingerprint()
    for event in Event.objects.all():
        assert event.source_count == EventSource.objects.filter(event=event).count()
    assert EventEntity.objects.count() >= 200
    assert StatementSource.objects.count() >= 60
    assert ChangeCounter.objects.get(name="timeline").value == 260
    # The API serves it: the most popular entity has a timeline.
    slug = EventEntity.objects.values_list("entity__slug", flat=True).order_by("entity_id")[0]
    response = client.get("/api/v1/timeline/", {"entity": slug, "page_size": 10})
    assert response.status_code == 200
    assert response.json()["results"]
    with pytest.raises(CommandError):
        call_command("timeline_seed_bench", *ARGS)
    call_command("timeline_seed_bench", *ARGS, "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert fingerprint() == first
