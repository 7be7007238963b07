"""Entity page (aliases, merge into…) and article/feed pages (items, re-extract, refetch)."""

from __future__ import annotations

import pytest

from tests.factories import (
    ArticleFactory,
    EntityAliasFactory,
    EntityFactory,
    EventEntityFactory,
    EventSourceFactory,
    FeedFactory,
    StatementSourceFactory,
)
from tests.integration.admin.conftest import action_post, change_form_data
from timeline.enums import ArticleOrigin, ArticleStatus, EntityKind
from timeline.models import EntityAlias, EventEntity

pytestmark = pytest.mark.django_db

ENTITIES = "/admin/timeline/entity/"


def test_merge_entity_page_offers_a_target_then_folds_the_duplicate(editor_client):
    korea = EntityFactory(name="North Korea", slug="north-korea")
    dprk = EntityFactory(name="DPRK", slug="dprk")
    link = EventEntityFactory(entity=dprk)
    EntityAliasFactory(entity=dprk, alias="Pyongyang government")
    page = action_post(editor_client, ENTITIES, "merge_selected", [dprk.pk])
    assert page.status_code == 200
    assert "admin-autocomplete" in page.content.decode()  # the target box is an autocomplete
    response = action_post(
        editor_client, ENTITIES, "merge_selected", [dprk.pk], post="yes", target=korea.pk
    )
    assert response.status_code == 302
    dprk.refresh_from_db()
    assert dprk.merged_into_id == korea.pk
    assert EventEntity.objects.get(pk=link.pk).entity_id == korea.pk
    assert set(EntityAlias.objects.filter(entity=korea).values_list("alias", flat=True)) == {
        "DPRK",
        "Pyongyang government",
    }


def test_merge_entity_into_a_merged_entity_is_refused(editor_client):
    target = EntityFactory(merged_into=EntityFactory())
    source = EntityFactory()
    response = action_post(
        editor_client, ENTITIES, "merge_selected", [source.pk], post="yes", target=target.pk
    )
    assert response.status_code == 200  # the page again: merged entities are not offered
    source.refresh_from_db()
    assert source.merged_into_id is None


def test_entity_page_has_a_merge_button_and_aliases_inline(editor_client):
    entity = EntityFactory()
    EntityAliasFactory(entity=entity, alias="The Old Name")
    page = editor_client.get(f"{ENTITIES}{entity.pk}/change/").content.decode()
    assert "Merge into…" in page
    assert "The Old Name" in page


def test_alias_added_inline_gets_its_normalised_form(editor_client):
    entity = EntityFactory(kind=EntityKind.COUNTRY)
    url = f"{ENTITIES}{entity.pk}/change/"
    data = change_form_data(editor_client.get(url))
    data.update({"aliases-0-alias": "U.S.A.", "aliases-0-entity": str(entity.pk)})
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    alias = EntityAlias.objects.get(entity=entity)
    assert (alias.alias, alias.normalized) == ("U.S.A.", "usa")


def test_article_page_lists_status_error_and_extracted_items(editor_client):
    article = ArticleFactory(
        status=ArticleStatus.FAILED, error_reason="http_404", error_message="Not Found"
    )
    event_source = EventSourceFactory(article=article, event__title="Border talks")
    StatementSourceFactory(article=article, statement__quote="We are ready")
    page = editor_client.get(f"/admin/timeline/article/{article.pk}/change/").content.decode()
    assert "http_404" in page
    assert "Border talks" in page
    assert f"/admin/timeline/event/{event_source.event_id}/change/" in page
    assert "We are ready" in page
    assert "Re-extract" in page
    assert "Refetch" in page


def test_reextract_button_queues_the_article(editor_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(extracted=True)
    url = f"/admin/timeline/article/{article.pk}/reextract/"
    assert editor_client.get(url).status_code == 405  # never a state change on GET
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = editor_client.post(url)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.QUEUED
    assert len(callbacks) == 1


def test_refetch_button_forgets_the_page_and_queues(
    editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(extracted=True, raw_html="<p>old</p>")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        editor_client.post(f"/admin/timeline/article/{article.pk}/refetch/")
    article.refresh_from_db()
    assert (article.status, article.raw_html) == (ArticleStatus.QUEUED, "")
    assert len(callbacks) == 1


def test_refetch_of_pasted_text_is_refused_with_a_message(editor_client):
    article = ArticleFactory(extracted=True, origin=ArticleOrigin.TEXT, url="")
    response = action_post(
        editor_client, "/admin/timeline/article/", "refetch_selected", [article.pk], follow=True
    )
    assert "Only articles submitted by URL can be refetched." in response.content.decode()
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE


def test_article_reextract_action_in_bulk(editor_client, django_capture_on_commit_callbacks):
    articles = [ArticleFactory(extracted=True) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        action_post(
            editor_client,
            "/admin/timeline/article/",
            "reextract_selected",
            [a.pk for a in articles],
        )
    assert len(callbacks) == 3


def test_feed_list_shows_poll_state_and_filters_failing_feeds(editor_client):
    FeedFactory(title="Healthy feed")
    FeedFactory(title="Broken feed", failure_count=3, last_error="HTTP 500 from upstream")
    page = editor_client.get("/admin/timeline/feed/?health=failing").content.decode()
    assert "Broken feed" in page
    assert "HTTP 500 from upstream" in page
    assert "Healthy feed" not in page


def test_merge_target_autocomplete_answers(editor_client):
    EntityFactory(name="North Korea", slug="north-korea")
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "timeline",
            "model_name": "entity",
            "field_name": "merged_into",
            "term": "korea",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["North Korea"]


def test_buttons_leave_an_article_in_flight_alone(editor_client):
    article = ArticleFactory(status=ArticleStatus.FETCHING, raw_html="<p>kept</p>")
    for button in ("reextract", "refetch"):
        response = editor_client.post(
            f"/admin/timeline/article/{article.pk}/{button}/", follow=True
        )
        assert "1 article(s) already in progress, left alone." in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.raw_html) == (ArticleStatus.FETCHING, "<p>kept</p>")
