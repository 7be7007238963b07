"""The public timeline page in real headless Chromium, on the demo data.

Loads `/` against pytest-django's live server, checks the Lighthouse-style basics (no console
errors, a text alternative on every icon, page weight before data), scrolls to load the next
page, filters by North Korea through the entity combobox (keyboard only), checks the order of
the story and the URL state (back/forward), saves screenshots at desktop and phone widths to
artifacts/screenshots/ (gitignored; CI keeps them) and opens a source link.

Drives Debian's /usr/bin/chromium through Playwright (it cannot download its own browsers
here). All ORM work happens before Playwright starts: its sync API runs an event loop in this
thread and Django refuses ORM calls from inside one.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command

from tests.e2e.browser import CHROMIUM_ARGS, SCREENSHOTS
from timeline.enums import ReviewState
from timeline.models import Event, Statement
from timeline.web.dates import date_label

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MAX_PAGE_BYTES = 200_000

PACT = "Russia and North Korea sign comprehensive strategic partnership treaty"
MEETING = "Lloyd Austin meets Kim Yong-hyun in Pentagon"

pytestmark = [
    pytest.mark.browser,
    # The live server runs in another thread: data must be committed for it to see it.
    pytest.mark.django_db(transaction=True),
]

# Every <img> needs alt; every <svg> is either hidden decoration or a labelled image.
ICONS_WITHOUT_TEXT = """() => [
  ...[...document.querySelectorAll("img")].filter((img) => !img.hasAttribute("alt")),
  ...[...document.querySelectorAll("svg")].filter((svg) => {
    if (svg.getAttribute("aria-hidden") === "true") return false;
    const label = svg.getAttribute("aria-label") || svg.querySelector("title")?.textContent;
    return !(svg.getAttribute("role") === "img" && label && label.trim());
  }),
].map((el) => el.outerHTML.slice(0, 120))"""

# dates.js must label dates exactly like timeline/web/dates.py (the export).
DATE_CASES: list[tuple[str, str | None, str | None, str]] = [
    ("DAY", "2024-10-30", "2024-10-30", "2024-10-30"),
    ("WEEK", "2024-10-21", "2024-10-27", "2024-10-21"),
    ("MONTH", "2024-06-01", "2024-06-30", "2024-06-01"),
    ("SEASON", "2024-12-01", "2025-02-28", "2024-12-01"),
    ("QUARTER", "2024-07-01", "2024-09-30", "2024-07-01"),
    ("YEAR", "2025-01-01", "2025-12-31", "2025-01-01"),
    ("DECADE", "2020-01-01", "2029-12-31", "2020-01-01"),
    ("CENTURY", "2000-01-01", "2099-12-31", "2000-01-01"),
    ("UNKNOWN", None, None, "2024-10-29"),
]


@dataclass(frozen=True)
class Demo:
    pact_source_url: str
    item_count: int


@pytest.fixture
def demo(transactional_db: None) -> Demo:
    """The five demo articles through the real pipeline (no hand-made rows)."""
    call_command("timeline_demo", "--no-user", stdout=io.StringIO())
    meeting = Event.objects.get(title=MEETING)
    # The meeting's evidence names North Korea, so the entity filter finds it.
    assert meeting.entities.filter(slug="north-korea").exists()
    pact = Event.objects.prefetch_related("sources__article").get(title=PACT)
    return Demo(
        pact_source_url=pact.sources.all()[0].article.url,
        item_count=Event.objects.filter(review_state=ReviewState.PUBLISHED).count()
        + Statement.objects.filter(review_state=ReviewState.PUBLISHED).count(),
    )


def page_weight(requests: list[Any], origin: str) -> dict[str, int]:
    """Transferred bytes (headers + body) per URL of the page's own files, GraphQL left out."""
    weights: dict[str, int] = {}
    for request in requests:
        if not request.url.startswith(origin) or "/graphql/" in request.url:
            continue
        sizes = request.sizes()
        weights[request.url] = sizes["responseHeadersSize"] + sizes["responseBodySize"]
    return weights


def test_timeline_page_in_chromium(live_server: Any, demo: Demo, chromium_path: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expected_dates = [
        date_label(
            precision=precision.lower(),
            start=date.fromisoformat(start) if start else None,
            end=date.fromisoformat(end) if end else None,
            sort_date=date.fromisoformat(sort),
        )
        for precision, start, end, sort in DATE_CASES
    ]
    errors: list[str] = []
    requests: list[Any] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=DESKTOP)
        # The demo articles live on a reserved domain: answer for it instead of the network.
        context.route(
            "https://demo.timeline.invalid/**",
            lambda route: route.fulfill(
                status=200,
                content_type="text/html",
                body="<!doctype html><title>Demo article</title><h1>Demo article</h1>",
            ),
        )
        page = context.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("requestfinished", lambda request: requests.append(request))
        status = page.locator("#timeline-status")
        cards = page.locator("#timeline .card")

        # 1. The first page, from GraphQL.
        page.goto(f"{live_server.url}/")
        expect(status).to_have_text(re.compile(r"^Showing 25 items; more load as you scroll\.$"))
        expect(cards).to_have_count(25)
        page.wait_for_load_state("networkidle")

        # 2. Lighthouse-style basics.
        weights = page_weight(requests, live_server.url)
        assert any(url.endswith("/static/web/app.js") for url in weights)
        assert any(url.endswith("/static/web/icons.svg") for url in weights), weights
        (SCREENSHOTS / "timeline-page-weight.json").write_text(
            json.dumps({"total": sum(weights.values()), "files": weights}, indent=2)
        )
        assert sum(weights.values()) < MAX_PAGE_BYTES, weights
        assert page.evaluate(ICONS_WITHOUT_TEXT) == []
        assert page.locator("svg.type-icon[role=img]").count() == 25
        assert (
            page.evaluate(
                """async (cases) => {
              const { describeDate } = await import("/static/web/dates.js");
              return cases.map(([datePrecision, dateStart, dateEnd, sortDate]) =>
                describeDate({ datePrecision, dateStart, dateEnd, sortDate }).label);
            }""",
                DATE_CASES,
            )
            == expected_dates
        )

        # 3. Infinite scroll: the sentinel below the list loads the rest.
        page.locator("#timeline-sentinel").scroll_into_view_if_needed()
        expect(status).to_have_text(f"Showing all {demo.item_count} items.")
        expect(page.locator("#load-more")).to_be_hidden()

        # 4. Filter by North Korea with the keyboard only.
        combobox = page.get_by_role("combobox", name="Entity")
        combobox.focus()
        page.keyboard.type("north k")
        expect(page.get_by_role("option", name=re.compile(r"^North Korea"))).to_be_visible()
        page.keyboard.press("ArrowDown")
        expect(combobox).to_have_attribute("aria-activedescendant", re.compile(r"f-entity-list-0"))
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/\?entity=north-korea$"))
        expect(page.locator(".chip__label")).to_have_text(["North Korea"])
        expect(status).to_have_text(re.compile(r"^Showing all \d+ items\.$"))

        # 5. The story in order: the June pact before the 30 Oct meeting, each under its date.
        titles = page.locator("#timeline .card--event .card__title").all_inner_texts()
        assert PACT in titles, titles
        assert MEETING in titles, titles
        # Speakers the engine could not name ("officials") still read as a heading.
        speakers = page.locator("#timeline .card--statement .card__title").all_inner_texts()
        assert speakers
        assert all(s[:1].isupper() for s in speakers), speakers
        assert titles.index(PACT) < titles.index(MEETING)
        pact_group = page.locator(".group", has=page.get_by_role("heading", name=PACT, exact=True))
        meeting_group = page.locator(
            ".group", has=page.get_by_role("heading", name=MEETING, exact=True)
        )
        expect(pact_group.locator(".group__date time")).to_have_text("19 Jun 2024")
        expect(pact_group.locator(".group__date time")).to_have_attribute("datetime", "2024-06-19")
        expect(meeting_group.locator(".group__date time")).to_have_text("30 Oct 2024")
        # Claims about an event are listed under it, with their stance.
        troops = page.locator(
            ".card--event",
            has=page.get_by_role("heading", name="North Korea sends 10,000 troops to Russia"),
        )
        expect(troops.locator(".said__item.stance--asserts").first).to_contain_text("confirms")
        expect(page.locator("#export-timelinejs")).to_have_attribute(
            "href", "/feeds/timeline.timelinejs.json?entity=north-korea"
        )

        page.screenshot(path=str(SCREENSHOTS / "timeline-page-desktop.png"))
        page.screenshot(path=str(SCREENSHOTS / "timeline-page-desktop-full.png"), full_page=True)
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(200)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.screenshot(path=str(SCREENSHOTS / "timeline-page-phone.png"))
        page.set_viewport_size(DESKTOP)

        # 6. Back and forward restore the filter state from the URL.
        page.go_back()
        expect(page).to_have_url(f"{live_server.url}/")
        expect(page.locator(".chip__label")).to_have_count(0)
        expect(status).to_have_text(re.compile(r"^Showing 25 items"))
        page.go_forward()
        expect(page.locator(".chip__label")).to_have_text(["North Korea"])
        expect(status).to_have_text(re.compile(r"^Showing all \d+ items\.$"))

        # 7. Every item links to its sources: open the pact's article.
        pact_card = page.locator(".card", has=page.get_by_role("heading", name=PACT, exact=True))
        pact_card.locator("a.source-link").first.click()
        expect(page).to_have_url(demo.pact_source_url)
        expect(page).to_have_title("Demo article")

        browser.close()

    assert errors == []
