"""The event page: edits go through event_update, provenance shows, actors and evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from tests.factories import (
    ArticleFactory,
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    EventSourceFactory,
    StatementFactory,
    StatementSourceFactory,
)
from tests.integration.admin.conftest import change_form_data
from tests.integration.services.helpers import TEXT, accord_event, extraction
from timeline.enums import EventRole, Stance
from timeline.models import Event
from timeline.services.extraction import article_store_extraction

pytestmark = pytest.mark.django_db


def url(event: Event) -> str:
    return f"/admin/timeline/event/{event.pk}/change/"


def store(article, result):
    with transaction.atomic():
        return article_store_extraction(article=article, extraction=result)


def test_saving_records_only_the_changed_fields_as_edited(editor_client, editor):
    event = EventFactory(title="Machine title", summary="Machine summary")
    before = event.change_seq
    data = change_form_data(editor_client.get(url(event)))
    data.update(
        title="Editor title", date_start="2024-06-01", date_end="2024-06-30", date_precision="month"
    )
    response = editor_client.post(url(event), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title == "Editor title"
    assert event.summary == "Machine summary"
    assert set(event.edited_fields) == {"title", "date_start", "date_end", "date_precision"}
    assert event.sort_date == dt.date(2024, 6, 1)
    assert event.change_seq != before
    assert event.history.latest().history_user == editor


def test_saving_without_changes_edits_nothing(editor_client):
    event = EventFactory()
    before = event.change_seq
    editor_client.post(url(event), change_form_data(editor_client.get(url(event))))
    event.refresh_from_db()
    assert event.edited_fields == []
    assert event.change_seq == before


def test_an_invalid_interval_is_refused_by_the_form(editor_client):
    event = EventFactory()
    data = change_form_data(editor_client.get(url(event)))
    data.update(date_start="2024-06-30", date_end="2024-06-01")
    response = editor_client.post(url(event), data)
    assert response.status_code == 200  # the form again, with an error
    event.refresh_from_db()
    assert event.date_start == dt.date(2024, 10, 30)
    assert event.edited_fields == []


def test_page_shows_which_fields_are_edited_and_which_machine_made(editor_client):
    event = EventFactory(edited_fields=["title"])
    page = editor_client.get(url(event)).content.decode()
    assert 'class="provenance edited" title="edited by an editor">✎ title' in page
    assert 'class="provenance machine" title="machine-made">summary' in page
    assert "re-extraction will not overwrite it" in page  # the badge under the title field


def test_page_shows_evidence_actors_and_statements(editor_client):
    source = EventSourceFactory(
        sentence="Leaders met in Geneva on Monday.", sentence_start=100, start=108, end=121
    )
    event = source.event
    EventEntityFactory(event=event, entity=EntityFactory(name="Sylvania"))
    StatementFactory(event=event, quote="We will attend", stance=Stance.DENIES)
    page = editor_client.get(url(event)).content.decode()
    assert "Leaders <mark>met in Geneva</mark> on Monday." in page
    assert source.article.outlet.name in page
    assert f"/admin/timeline/article/{source.article_id}/change/" in page
    assert "Sylvania" in page
    assert "We will attend" in page
    assert "Denies" in page


def test_changing_actors_marks_the_links_curated(editor_client):
    event = EventFactory()
    added = EntityFactory(name="Freedonia")
    data = change_form_data(editor_client.get(url(event)))
    data.update(
        {
            "event_entities-TOTAL_FORMS": "1",
            "event_entities-0-entity": str(added.pk),
            "event_entities-0-role": EventRole.TARGET,
            "event_entities-0-event": str(event.pk),
        }
    )
    response = editor_client.post(url(event), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    event.refresh_from_db()
    assert list(event.event_entities.values_list("entity__name", "role")) == [
        ("Freedonia", EventRole.TARGET)
    ]
    assert "entities" in event.edited_fields


def test_reextraction_keeps_fields_edited_in_the_admin(editor_client):
    article = ArticleFactory(text=TEXT)
    store(article, extraction())
    event = Event.objects.get()
    data = change_form_data(editor_client.get(url(event)))
    data.update(title="Accord signed (editor's wording)", type="meeting")
    assert editor_client.post(url(event), data).status_code == 302
    # Re-run the store with a machine that now says something else about every field.
    store(
        article,
        extraction(
            events=(
                accord_event(
                    title="Freedonia, Sylvania ink accord",
                    date_start=dt.date(2024, 6, 3),
                    date_end=dt.date(2024, 6, 3),
                    precision="day",
                    type="meeting",
                ),
            )
        ),
    )
    event = Event.objects.get()
    assert event.title == "Accord signed (editor's wording)"  # curator wins
    assert event.type == "meeting"
    assert event.date_start == dt.date(2024, 6, 3)  # not edited: the machine may update it
    assert event.date_precision == "day"


def test_reextraction_does_not_re_add_actors_an_editor_removed(editor_client):
    article = ArticleFactory(text=TEXT)
    store(article, extraction())
    event = Event.objects.get()
    assert event.event_entities.count() == 2
    data = change_form_data(editor_client.get(url(event)))
    data["event_entities-0-DELETE"] = "on"
    assert editor_client.post(url(event), data).status_code == 302
    assert event.event_entities.count() == 1
    store(article, extraction())
    assert Event.objects.get().event_entities.count() == 1


def test_statement_page_saves_through_statement_update(editor_client):
    source = StatementSourceFactory(statement__stance=Stance.NEUTRAL)
    statement = source.statement
    event = EventFactory()
    url = f"/admin/timeline/statement/{statement.pk}/change/"
    data = change_form_data(editor_client.get(url))
    data.update(stance=Stance.DENIES, event=str(event.pk))
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert (statement.stance, statement.event_id) == (Stance.DENIES, event.pk)
    assert set(statement.edited_fields) == {"stance", "event"}
