"""The timeline page and entity pages: server-rendered shells the script fills from GraphQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import EntityFactory, UserFactory
from tests.integration.web.conftest import Story
from timeline.web.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[3] / "timeline" / "static" / "web"


def page_config(html: str) -> dict[str, object]:
    match = re.search(r'<script id="timeline-config" type="application/json">(.*?)</script>', html)
    assert match, "config block missing"
    return json.loads(match.group(1))


def test_timeline_page_renders_the_shell(client: Client, story: Story) -> None:
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<ol id="timeline" class="timeline"' in html
    assert 'role="status" aria-live="polite"' in html
    assert '<main id="main"' in html
    assert '<script type="module" src="/static/web/app.js"></script>' in html
    assert 'href="/feeds/timeline.timelinejs.json"' in html


def test_timeline_page_has_no_executable_inline_script(client: Client, story: Story) -> None:
    html = client.get("/").content.decode()

    scripts = re.findall(r"<script([^>]*)>", html)
    assert all('type="module" src=' in attrs or "application/json" in attrs for attrs in scripts)
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers
    assert "style=" not in html


def test_page_config_points_the_script_at_graphql(client: Client, story: Story) -> None:
    config = page_config(client.get("/").content.decode())

    assert config["graphqlUrl"] == "/graphql/"
    assert config["pageSize"] == PAGE_SIZE
    assert config["fixedEntity"] == ""
    assert config["csrfToken"]
    assert config["iconsUrl"] == "/static/web/icons.svg"


def test_page_sets_the_csrf_cookie_for_signed_in_editors(client: Client, story: Story) -> None:
    response = client.get("/")

    assert "csrftoken" in response.cookies


def test_filter_form_is_filled_from_the_query_string(client: Client, story: Story) -> None:
    response = client.get(
        "/", {"q": "pact", "entity": "north-korea", "type": "agreement", "date_from": "2024-01-01"}
    )

    html = response.content.decode()
    assert 'name="q" value="pact"' in html
    assert '<option value="agreement" selected>' in html
    assert 'name="date_from" value="2024-01-01"' in html
    assert '<input type="hidden" name="entity" value="north-korea">' in html
    assert '<span class="chip__label">North Korea</span>' in html
    assert (
        'href="/feeds/timeline.timelinejs.json?q=pact&amp;entity=north-korea&amp;type=agreement'
        in html
    )


def test_bad_filters_are_reported_on_the_page(client: Client, story: Story) -> None:
    response = client.get("/", {"date_from": "yesterday", "type": "picnic"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "<code>date_from</code>" in html
    assert "<code>type</code>" in html
    assert 'name="date_from" value=""' in html  # a date input cannot show "yesterday"


def test_entity_page_shows_aliases_counts_and_a_fixed_filter(client: Client, story: Story) -> None:
    response = client.get("/entities/north-korea")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>North Korea</h1>" in html
    assert "DPRK" in html
    assert '<dd id="count-events">3</dd>' in html  # the pending event is not counted
    assert '<dd id="count-mentioning">1</dd>' in html
    assert 'id="f-entity"' not in html  # the entity is fixed, not a filter
    assert page_config(html)["fixedEntity"] == "north-korea"
    assert 'href="/feeds/timeline.timelinejs.json?entity=north-korea"' in html


def test_staff_see_pending_items_in_entity_counts(client: Client, story: Story) -> None:
    client.force_login(UserFactory(staff=True))

    html = client.get("/entities/north-korea").content.decode()

    assert '<dd id="count-events">4</dd>' in html


def test_unknown_entity_is_a_404_page(client: Client, story: Story) -> None:
    response = client.get("/entities/atlantis")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "No such entity" in response.content.decode()


def test_merged_entity_redirects_to_the_survivor(client: Client, story: Story) -> None:
    EntityFactory(name="DPR Korea", slug="dpr-korea", merged_into=story.north_korea)

    response = client.get("/entities/dpr-korea?type=meeting")

    assert response.status_code == 302
    assert response["Location"] == "/entities/north-korea?type=meeting"


def test_pages_only_answer_safe_methods(client: Client, story: Story) -> None:
    assert client.post("/").status_code in (403, 405)


def test_static_page_weight_is_under_200_kb(client: Client, story: Story) -> None:
    """HTML + CSS + JS + icons before any data (the browser test measures the transfer)."""
    html = len(client.get("/").content)
    assets = sum(path.stat().st_size for path in STATIC.iterdir() if path.is_file())

    assert html + assets < 200_000
