"""Web page fixtures: a small story with every date precision the page has to be honest about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from tests.factories import (
    ArticleFactory,
    EntityAliasFactory,
    EntityFactory,
    EventEntityFactory,
    EventFactory,
    EventSourceFactory,
    OutletFactory,
    StatementEntityFactory,
    StatementFactory,
    StatementSourceFactory,
)
from timeline.enums import EntityKind, EventRole, OccurrenceStatus, ReviewState, Stance
from timeline.models import Entity, Event, Statement


@dataclass
class Story:
    north_korea: Entity
    russia: Entity
    pact: Event
    meeting: Event
    deployment: Event
    exercises: Event
    hidden: Event
    denial: Statement


@pytest.fixture
def story(db: None) -> Story:
    outlet = OutletFactory(name="Daily Example", domain="daily.example.org")
    north_korea = EntityFactory(name="North Korea", slug="north-korea")
    EntityAliasFactory(entity=north_korea, alias="DPRK")
    russia = EntityFactory(name="Russia", slug="russia")
    kremlin = EntityFactory(name="Kremlin", slug="kremlin", kind=EntityKind.ORGANIZATION)
    pact = EventFactory(
        title="Russia and North Korea sign a pact",
        type="agreement",
        date_start=dt.date(2024, 6, 1),
        date_end=dt.date(2024, 6, 30),
        date_precision="month",
        source_count=1,
    )
    EventSourceFactory(
        event=pact,
        article=ArticleFactory(
            extracted=True, outlet=outlet, url="https://daily.example.org/pact", title="Pact"
        ),
    )
    meeting = EventFactory(
        title="Defense ministers meet at the Pentagon",
        type="meeting",
        date_start=dt.date(2024, 10, 30),
        source_count=2,
    )
    deployment = EventFactory(
        title="Troops sent to Russia",
        type="deployment",
        status=OccurrenceStatus.REPORTED,
        date_start=dt.date(2024, 10, 21),
        date_end=dt.date(2024, 10, 27),
        date_precision="week",
    )
    exercises = EventFactory(
        title="Joint exercises",
        type="other",
        status=OccurrenceStatus.SCHEDULED,
        date_start=dt.date(2025, 1, 1),
        date_end=dt.date(2025, 12, 31),
        date_precision="year",
    )
    hidden = EventFactory(title="Unreviewed rumour", review_state=ReviewState.PENDING)
    for event in (pact, meeting, deployment):
        EventEntityFactory(event=event, entity=north_korea, role=EventRole.ACTOR)
    EventEntityFactory(event=pact, entity=russia, role=EventRole.ACTOR)
    EventEntityFactory(event=hidden, entity=north_korea)
    denial = StatementFactory(
        speaker=kremlin,
        speaker_text="The Kremlin",
        quote="Reports of the deployment are fake news",
        kind="indirect",
        event=deployment,
        stance=Stance.DENIES,
        date_start=dt.date(2024, 10, 29),
    )
    StatementEntityFactory(statement=denial, entity=north_korea)
    StatementSourceFactory(statement=denial, article=ArticleFactory(extracted=True, outlet=outlet))
    return Story(north_korea, russia, pact, meeting, deployment, exercises, hidden, denial)
