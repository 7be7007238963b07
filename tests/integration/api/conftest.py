"""REST test fixtures: clients for each role and a small published timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import (
    ArticleFactory,
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    EventSourceFactory,
    OutletFactory,
    StatementEntityFactory,
    StatementFactory,
    StatementSourceFactory,
    UserFactory,
)
from timeline.enums import EntityKind, EventRole, EventType, ReviewState, Stance


@pytest.fixture(autouse=True)
def change_counter():
    """Start the change counter above the factories' change numbers (10 000 000 + n), as in
    a real database where every change number comes from it."""
    from timeline.models import ChangeCounter

    counter, _ = ChangeCounter.objects.update_or_create(
        name="timeline", defaults={"value": 50_000_000}
    )
    return counter


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def _client_for(user) -> APIClient:
    api = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


@pytest.fixture
def viewer():
    return UserFactory(username="viewer")


@pytest.fixture
def viewer_client(viewer) -> APIClient:
    return _client_for(viewer)


@pytest.fixture
def editor():
    """Staff with the change permissions (what the editor group grants) and add_article."""
    user = UserFactory(username="editor", staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="timeline",
            codename__in=[
                "change_event",
                "change_statement",
                "add_article",
                "change_article",
                "add_feed",
                "change_feed",
            ],
        )
    )
    return user


@pytest.fixture
def editor_client(editor) -> APIClient:
    return _client_for(editor)


@dataclass
class Seed:
    """The seed article's story: a June pact before a 30 October meeting, and a statement."""

    north_korea: object
    russia: object
    pact: object
    meeting: object
    statement: object
    pending: object
    other: object
    article: object


@pytest.fixture
def seed() -> Seed:
    outlet = OutletFactory(domain="voanews.com", name="VOA")
    article = ArticleFactory(
        extracted=True,
        outlet=outlet,
        title="Talks in Moscow",
        url="https://www.voanews.com/a/talks/1.html",
    )
    nk = EntityFactory(name="North Korea", slug="north-korea")
    ru = EntityFactory(name="Russia", slug="russia")
    putin = EntityFactory(name="Vladimir Putin", slug="vladimir-putin", kind=EntityKind.PERSON)
    pact = EventFactory(
        title="Russia and North Korea sign a defence pact",
        type=EventType.AGREEMENT,
        date_start=dt.date(2024, 6, 1),
        date_end=dt.date(2024, 6, 30),
        date_precision="month",
        date_value="2024-06",
        source_count=1,
    )
    meeting = EventFactory(
        title="Foreign ministers meet in Moscow",
        type=EventType.MEETING,
        date_start=dt.date(2024, 10, 30),
        source_count=1,
    )
    for event in (pact, meeting):
        EventEntityFactory(event=event, entity=nk)
        EventEntityFactory(event=event, entity=ru, role=EventRole.PARTICIPANT)
        EventSourceFactory(event=event, article=article, start=0, end=12, sentence="A sentence.")
    statement = StatementFactory(
        speaker=putin,
        speaker_title="President",
        event=meeting,
        stance=Stance.ASSERTS,
        date_start=dt.date(2024, 10, 31),
        quote="Our cooperation is growing",
        source_count=1,
    )
    StatementEntityFactory(statement=statement, entity=nk)
    StatementSourceFactory(
        statement=statement,
        article=article,
        quote_start=20,
        quote_end=40,
        speaker_start=0,
        speaker_end=5,
    )
    pending = EventFactory(
        title="Unreviewed troop movement",
        review_state=ReviewState.PENDING,
        date_start=dt.date(2024, 11, 2),
    )
    EventEntityFactory(event=pending, entity=nk)
    other = EventFactory(
        title="Elections elsewhere", type=EventType.ELECTION, date_start=dt.date(2024, 3, 1)
    )
    return Seed(nk, ru, pact, meeting, statement, pending, other, article)
