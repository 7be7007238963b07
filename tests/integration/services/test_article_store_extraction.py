from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from tests.factories import ArticleFactory, EventFactory
from tests.integration.services.helpers import TEXT, accord_event, extraction, polk_statement
from timeline.enums import ReviewState
from timeline.models import Entity, EntityAlias, Event, EventSource, Statement, StatementSource
from timeline.services.extraction import article_store_extraction

pytestmark = pytest.mark.django_db


def store(article, result):
    with transaction.atomic():
        return article_store_extraction(article=article, extraction=result)


def test_store_creates_entities_events_statements_with_sources():
    article = ArticleFactory(text=TEXT)
    store(article, extraction())
    event = Event.objects.get()
    assert event.type == "agreement"
    assert (event.date_start, event.date_end, event.date_precision) == (
        dt.date(2024, 6, 1),
        dt.date(2024, 6, 30),
        "month",
    )
    assert event.source_count == 1
    assert event.change_seq is not None
    assert {e.slug for e in event.entities.all()} == {"freedonia", "sylvania"}
    statement = Statement.objects.get()
    assert statement.speaker.slug == "ana-polk"
    assert statement.speaker_title == "Freedonian trade minister"
    assert statement.source_count == 1
    assert EntityAlias.objects.filter(entity__slug="freedonia", alias="Freedonian").exists()


def test_store_is_idempotent_when_run_twice():
    article = ArticleFactory(text=TEXT)
    store(article, extraction())
    first = (Event.objects.get().pk, Statement.objects.get().pk)
    store(article, extraction())
    assert (Event.objects.count(), Statement.objects.count()) == (1, 1)
    assert (EventSource.objects.count(), StatementSource.objects.count()) == (1, 1)
    assert (Event.objects.get().pk, Statement.objects.get().pk) == first
    assert Entity.objects.count() == 3


def test_same_event_in_two_articles_is_one_event_with_two_sources():
    store(ArticleFactory(text=TEXT), extraction())
    store(
        ArticleFactory(text=TEXT + " More."),
        extraction(events=(accord_event(title="Sylvania, Freedonia sign trade accord"),)),
    )
    event = Event.objects.get()
    assert event.source_count == 2
    statement = Statement.objects.get()
    assert statement.source_count == 2


def second_report(**event: object) -> Event:
    """The accord as a first article reports it, then as a second one does (with `event`)."""
    store(ArticleFactory(text=TEXT), extraction())
    second = accord_event(title="Sylvania, Freedonia sign trade accord", **event)
    store(ArticleFactory(text=TEXT + " More."), extraction(events=(second,)))
    return Event.objects.get()


def test_second_article_keeps_the_first_reports_wording():
    event = second_report(status="reported", confidence=0.95)
    assert (event.title, event.status) == ("Freedonia and Sylvania sign trade accord", "happened")
    assert event.confidence == 0.95


def test_later_report_that_a_scheduled_event_happened_takes_its_wording():
    store(
        ArticleFactory(text=TEXT),
        extraction(events=(accord_event(title="Freedonia to sign accord", status="scheduled"),)),
    )
    store(ArticleFactory(text=TEXT + " More."), extraction())
    event = Event.objects.get()
    assert (event.title, event.status) == ("Freedonia and Sylvania sign trade accord", "happened")


def test_later_report_with_a_finer_date_sharpens_it():
    day = dt.date(2024, 6, 19)
    event = second_report(date="2024-06-19", date_start=day, date_end=day, precision="day")
    assert (event.date_start, event.date_end, event.date_precision) == (
        dt.date(2024, 6, 19),
        dt.date(2024, 6, 19),
        "day",
    )
    assert event.title == "Freedonia and Sylvania sign trade accord"


def test_different_places_are_different_events():
    article = ArticleFactory(text=TEXT)
    result = extraction(
        events=(
            accord_event(
                type="attack",
                title="Attack hits Avalon",
                places=("Sylvania",),
                actors=("Freedonia",),
            ),
            accord_event(
                type="attack",
                title="Attack hits Avalon",
                places=("Freedonia",),
                actors=("Freedonia",),
                start=0,
                end=10,
            ),
        )
    )
    store(article, result)
    assert Event.objects.count() == 2


def test_reextraction_keeps_edited_fields_and_rejects_orphans():
    article = ArticleFactory(text=TEXT)
    store(article, extraction())
    event = Event.objects.get()
    event.title = "Editor's title"
    event.edited_fields = ["title"]
    event.save()
    store(
        article,
        extraction(
            events=(accord_event(title="Freedonia and Sylvania sign accord"),), statements=()
        ),
    )
    event.refresh_from_db()
    assert event.title == "Editor's title"
    assert Statement.objects.get().review_state == ReviewState.REJECTED


def test_low_confidence_items_wait_for_review(settings):
    settings.TIMELINE = {**settings.TIMELINE, "AUTO_PUBLISH_MIN_CONFIDENCE": 0.95}
    store(ArticleFactory(text=TEXT), extraction())
    assert Event.objects.get().review_state == ReviewState.PENDING
    assert Statement.objects.get().review_state == ReviewState.PENDING


def test_change_seq_increases_with_every_store():
    EventFactory()  # a row made outside services keeps its own number
    article = ArticleFactory(text=TEXT)
    store(article, extraction())
    first = Statement.objects.get().change_seq
    store(article, extraction(statements=(polk_statement(confidence=0.95),)))
    assert Statement.objects.get().change_seq > first


def test_event_named_twice_in_one_article_has_two_spans_and_counts_one_source():
    article = ArticleFactory(text=TEXT)
    twice = accord_event(evidence=((36, 65), (0, 20)))
    store(article, extraction(events=(twice,)))
    event = Event.objects.get()
    assert sorted(EventSource.objects.values_list("start", "end")) == [(0, 20), (36, 65)]
    assert event.source_count == 1  # corroboration counts articles, not mentions
