"""A small, fixed world for GraphQL tests: North Korea, Russia and two 2024 events.

Built with factories (not extraction) so the tests do not depend on the NLP pipeline:
the June 2024 Russia–North Korea partnership treaty and the 30 October 2024 meeting of the US
and South Korean defence chiefs, both with article sources, plus items that filters and
visibility must leave out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
from timeline.enums import (
    DatePrecision,
    EntityKind,
    EventRole,
    EventType,
    ReviewState,
    Stance,
    StatementRole,
)
from timeline.models import Entity, Event, Statement


@dataclass
class World:
    north_korea: Entity
    russia: Entity
    pact: Event
    meeting: Event
    statement: Statement
    unpublished: Event
    old: Event
    elsewhere: Event


def _sourced(event: Event, outlet_domain: str, sentence: str, n: int = 1) -> None:
    outlet = OutletFactory(domain=outlet_domain, name=outlet_domain.split(".")[0].title())
    for i in range(n):
        article = ArticleFactory(
            extracted=True,
            outlet=outlet,
            url=f"https://{outlet_domain}/{event.pk}/{i}",
            text=f"{sentence} ({event.pk}-{i})",
        )
        EventSourceFactory(
            event=event, article=article, start=0, end=len(sentence), sentence=sentence
        )
    event.source_count = n
    event.save(update_fields=["source_count"])


def build_world() -> World:
    nk = EntityFactory(name="North Korea", slug="north-korea", kind=EntityKind.COUNTRY)
    EntityAliasFactory(entity=nk, alias="DPRK", normalized="dprk")
    ru = EntityFactory(name="Russia", slug="russia", kind=EntityKind.COUNTRY)
    us = EntityFactory(name="United States", slug="united-states", kind=EntityKind.COUNTRY)
    sk = EntityFactory(name="South Korea", slug="south-korea", kind=EntityKind.COUNTRY)
    austin = EntityFactory(name="Lloyd Austin", slug="lloyd-austin", kind=EntityKind.PERSON)
    kim = EntityFactory(name="Kim Yong-hyun", slug="kim-yong-hyun", kind=EntityKind.PERSON)
    EntityFactory(name="Pyongyang", slug="pyongyang", kind=EntityKind.CITY, located_in=nk)

    pact = EventFactory(
        title="Russia and North Korea sign a mutual defence partnership",
        type=EventType.AGREEMENT,
        date_start=dt.date(2024, 6, 19),
    )
    for entity, role in ((ru, EventRole.ACTOR), (nk, EventRole.ACTOR)):
        EventEntityFactory(event=pact, entity=entity, role=role)
    _sourced(pact, "wire.example.org", "The two countries signed the partnership treaty.", 2)

    meeting = EventFactory(
        title="Austin and Kim meet over North Korean troops in Russia",
        type=EventType.MEETING,
        date_start=dt.date(2024, 10, 30),
    )
    for entity, role in (
        (austin, EventRole.PARTICIPANT),
        (kim, EventRole.PARTICIPANT),
        (us, EventRole.ACTOR),
        (sk, EventRole.ACTOR),
        (nk, EventRole.TARGET),
    ):
        EventEntityFactory(event=meeting, entity=entity, role=role)
    _sourced(meeting, "daily.example.org", "The defence chiefs met at the Pentagon.", 1)

    statement = StatementFactory(
        speaker=austin,
        speaker_text="Lloyd Austin",
        speaker_title="Defense Secretary",
        quote="the troops are a dangerous escalation",
        stance=Stance.ASSERTS,
        event=meeting,
        date_start=dt.date(2024, 10, 30),
    )
    StatementEntityFactory(statement=statement, entity=austin, role=StatementRole.SPEAKER)
    StatementEntityFactory(statement=statement, entity=nk, role=StatementRole.MENTIONED)
    StatementSourceFactory(
        statement=statement,
        article=meeting.sources.first().article,
        quote_start=4,
        quote_end=30,
        speaker_start=0,
        speaker_end=3,
        sentence="Austin said the troops are a dangerous escalation.",
    )
    statement.source_count = 1
    statement.save(update_fields=["source_count"])

    unpublished = EventFactory(
        title="Unreviewed claim about North Korea",
        date_start=dt.date(2024, 9, 1),
        review_state=ReviewState.PENDING,
    )
    EventEntityFactory(event=unpublished, entity=nk)
    old = EventFactory(
        title="An older North Korea event",
        date_start=dt.date(2023, 3, 1),
        date_precision=DatePrecision.MONTH,
    )
    EventEntityFactory(event=old, entity=nk)
    elsewhere = EventFactory(title="Something in Russia only", date_start=dt.date(2024, 8, 1))
    EventEntityFactory(event=elsewhere, entity=ru)
    return World(
        north_korea=nk,
        russia=ru,
        pact=pact,
        meeting=meeting,
        statement=statement,
        unpublished=unpublished,
        old=old,
        elsewhere=elsewhere,
    )


NORTH_KOREA_TIMELINE = """
query NorthKorea($first: Int) {
  timeline(filter: {entities: ["north-korea"], dateFrom: "2024-06-01", dateTo: "2024-12-31"},
           first: $first) {
    edges {
      cursor
      node {
        __typename
        id
        sortDate
        sourceCount
        ... on Event {
          title
          type
          actors { role entity { slug name } }
          sources { start end sentence article { url title outlet { domain name } } }
          statements { quote stance sourceCount speaker { slug } }
        }
        ... on Statement {
          quote
          stance
          speakerText
          speaker { slug name }
          event { id title }
          mentions { role entity { slug } }
          sources { start end sentence article { url } }
        }
      }
    }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
