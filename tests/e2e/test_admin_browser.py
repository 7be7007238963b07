"""An editor's morning in real headless Chromium: log in, review, publish, merge, check public.

Drives Debian's /usr/bin/chromium through Playwright (it cannot download its own browsers
here) against pytest-django's live server. The result is checked on the public REST endpoint
/api/v1/timeline/ from a separate, anonymous browser context. Screenshots land in
artifacts/screenshots/ (gitignored; CI keeps them as artifacts).

All ORM work happens before Playwright starts or after it stops: the sync API runs an event
loop in this thread and Django refuses ORM calls from inside one.
"""

from __future__ import annotations

import importlib
import json

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.db.models import F

from tests.e2e.browser import CHROMIUM_ARGS, SCREENSHOTS
from tests.factories import (
    ArticleFactory,
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    EventSourceFactory,
    OutletFactory,
    UserFactory,
)
from timeline.enums import EventType, ReviewState
from timeline.models import Event

PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    # The live server runs in another thread: data must be committed for it to see it.
    pytest.mark.django_db(transaction=True),
]


def sentence_source(event: Event, sentence: str, span: str, outlet_name: str) -> None:
    start = sentence.index(span)
    article = ArticleFactory(extracted=True, outlet=OutletFactory(name=outlet_name), text=sentence)
    EventSourceFactory(
        event=event,
        article=article,
        sentence=sentence,
        sentence_start=0,
        start=start,
        end=start + len(span),
    )
    # What the pipeline's source counting would have done (shown in the queue).
    Event.objects.filter(pk=event.pk).update(source_count=F("source_count") + 1)


def ensure_roles() -> None:
    """Re-create the groups of migration 0003: an earlier transactional test's flush drops them.

    (serialized_rollback would restore them but clashes with the content types post_migrate
    re-creates after a flush.)
    """
    roles = importlib.import_module("timeline.migrations.0003_roles")
    roles.create_roles(django_apps, None)


def make_morning() -> dict[str, int]:
    """The review queue an editor finds: one plain event and two duplicates of a summit."""
    ensure_roles()
    editor = UserFactory(username="editor1", staff=True, password=PASSWORD)
    editor.groups.add(Group.objects.get(name="editor"))
    freedonia = EntityFactory(name="Freedonia", slug="freedonia")
    harbour = EventFactory(
        review_state=ReviewState.PENDING,
        title="Port of Avalon reopens",
        type=EventType.OTHER,
        confidence=0.42,
    )
    sentence_source(
        harbour,
        "The port of Avalon reopened to shipping on Tuesday.",
        "reopened to shipping",
        "Harbour Gazette",
    )
    summit = EventFactory(
        review_state=ReviewState.PENDING, title="Leaders meet in Geneva", confidence=0.61
    )
    sentence_source(
        summit,
        "The two leaders met in Geneva on Wednesday, officials said.",
        "met in Geneva",
        "Daily Example",
    )
    sentence_source(
        summit, "Leaders met in Geneva for three hours.", "met in Geneva", "Evening Post"
    )
    duplicate = EventFactory(
        review_state=ReviewState.PENDING, title="Geneva summit held", confidence=0.55
    )
    sentence_source(
        duplicate,
        "A summit was held in Geneva, the ministry said.",
        "summit was held in Geneva",
        "Morning Herald",
    )
    EventEntityFactory(event=summit, entity=freedonia)
    return {
        "harbour": harbour.pk,
        "harbour_article": harbour.sources.get().article_id,
        "summit": summit.pk,
        "duplicate": duplicate.pk,
    }


def select_and_run(page, ids: list[int], action: str) -> None:
    for pk in ids:
        page.check(f"input.action-select[value='{pk}']")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


def test_editor_reviews_publishes_and_merges(live_server, chromium_path):
    from playwright.sync_api import sync_playwright

    ids = make_morning()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    base = live_server.url
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/admin/login/?next=/admin/timeline/event/")
            page.fill("#id_username", "editor1")
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")

            # The review queue: pending events, evidence spans highlighted.
            page.wait_for_selector("#result_list")
            assert page.locator("#result_list tbody tr").count() == 3
            assert page.locator("#result_list mark", has_text="reopened to shipping").count() == 1
            page.screenshot(path=str(SCREENSHOTS / "01-review-queue.png"), full_page=True)

            # Publish the harbour event.
            select_and_run(page, [ids["harbour"]], "publish_selected")
            page.wait_for_selector("ul.messagelist li.success")
            assert "1 item(s) published" in page.inner_text("ul.messagelist")
            assert page.locator("#result_list tbody tr").count() == 2

            # Merge the duplicates: the survivor page, keep the summit with two sources.
            select_and_run(page, [ids["summit"], ids["duplicate"]], "merge_selected")
            page.wait_for_selector("#merge-candidates")
            page.check(f"#into-{ids['summit']}")
            page.screenshot(path=str(SCREENSHOTS / "02-merge-choose-survivor.png"), full_page=True)
            page.click("input[type=submit][value='Merge into the chosen event']")
            page.wait_for_selector("ul.messagelist li.success")
            assert "merged into" in page.inner_text("ul.messagelist")

            # The survivor on its page: three sources, highlighted, then publish it.
            page.goto(f"{base}/admin/timeline/event/{ids['summit']}/change/")
            assert page.locator("mark", has_text="summit was held in Geneva").count() == 1
            page.screenshot(path=str(SCREENSHOTS / "03-event-page.png"), full_page=True)
            page.goto(f"{base}/admin/timeline/event/")
            select_and_run(page, [ids["summit"]], "publish_selected")
            page.wait_for_selector("ul.messagelist li.success")
            page.goto(f"{base}/admin/timeline/event/{ids['summit']}/history/")
            assert "editor1" in page.inner_text("#change-history")
            page.screenshot(path=str(SCREENSHOTS / "04-history.png"), full_page=True)

            # An article's page: status, extracted items, re-extract / refetch buttons.
            page.goto(f"{base}/admin/timeline/article/{ids['harbour_article']}/change/")
            assert page.locator("button", has_text="Re-extract").count() == 1
            page.screenshot(path=str(SCREENSHOTS / "05-article-page.png"))

            # The public view: an anonymous context, through the REST timeline.
            anonymous = browser.new_context()
            response = anonymous.request.get(f"{base}/api/v1/timeline/?format=json")
            assert response.ok, response.text()
            items = {
                item["id"]: item for item in response.json()["results"] if item["kind"] == "event"
            }
            public_page = anonymous.new_page()
            public_page.goto(f"{base}/api/v1/timeline/")
            public_page.screenshot(path=str(SCREENSHOTS / "06-public-timeline-api.png"))
            anonymous.close()
        finally:
            browser.close()

    assert set(items) == {ids["harbour"], ids["summit"]}, json.dumps(items, default=str)
    assert items[ids["summit"]]["source_count"] == 3
    assert items[ids["harbour"]]["review_state"] == "published"
    duplicate = Event.objects.get(pk=ids["duplicate"])
    assert (duplicate.review_state, duplicate.merged_into_id) == (ReviewState.MERGED, ids["summit"])
