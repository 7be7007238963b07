"""factory_boy factories: one per model, valid by default (full_clean passes)."""

from __future__ import annotations

import datetime as dt
import itertools

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from timeline.enums import (
    ArticleOrigin,
    ArticleStatus,
    DatePrecision,
    EntityKind,
    EventRole,
    EventType,
    ReviewState,
    StatementKind,
)
from timeline.models import (
    Article,
    Entity,
    EntityAlias,
    Event,
    EventEntity,
    EventSource,
    Feed,
    Outlet,
    Statement,
    StatementEntity,
    StatementSource,
)
from timeline.normalize import content_hash, normalize_alias, sha256_hex, url_hash

# Change numbers for rows made outside services (services allocate their own, far above).
_seq = itertools.count(10_000_000)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Params:
        staff = factory.Trait(is_staff=True)
        superuser = factory.Trait(is_staff=True, is_superuser=True)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("domain",)

    name = factory.Sequence(lambda n: f"Daily Example {n}")
    domain = factory.Sequence(lambda n: f"daily{n}.example.org")
    homepage = factory.LazyAttribute(lambda o: f"https://{o.domain}/")


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    url = factory.Sequence(lambda n: f"https://news{n}.example.org/rss.xml")
    outlet = factory.SubFactory(OutletFactory)
    next_poll_at = factory.LazyFunction(timezone.now)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    url = factory.Sequence(lambda n: f"https://daily.example.org/2024/10/story-{n}")
    url_hash = factory.LazyAttribute(lambda o: url_hash(o.url))
    title = factory.Sequence(lambda n: f"Story number {n}")
    outlet = factory.SubFactory(OutletFactory)
    origin = ArticleOrigin.URL
    text = factory.Sequence(lambda n: f"Officials said Tuesday that talks would resume ({n}).")
    content_hash = factory.LazyAttribute(lambda o: content_hash(o.text))
    published_at = factory.LazyFunction(lambda: dt.datetime(2024, 10, 29, 12, 0, tzinfo=dt.UTC))
    language = "en"
    status = ArticleStatus.QUEUED

    class Params:
        extracted = factory.Trait(
            status=ArticleStatus.DONE,
            extractor_version="test",
            extracted_at=factory.LazyFunction(timezone.now),
        )


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Entity {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-").replace(".", ""))
    kind = EntityKind.COUNTRY


class EntityAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntityAlias

    entity = factory.SubFactory(EntityFactory)
    alias = factory.Sequence(lambda n: f"Alias {n}")
    normalized = factory.LazyAttribute(lambda o: normalize_alias(o.alias))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    type = EventType.MEETING
    date_start = dt.date(2024, 10, 30)
    date_end = factory.LazyAttribute(lambda o: o.date_start)
    date_precision = DatePrecision.DAY
    date_value = factory.LazyAttribute(lambda o: o.date_start.isoformat() if o.date_start else "")
    sort_date = factory.LazyAttribute(lambda o: o.date_start or dt.date(2024, 10, 29))
    review_state = ReviewState.PUBLISHED
    confidence = 0.8
    change_seq = factory.LazyFunction(lambda: next(_seq))


class EventEntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventEntity

    event = factory.SubFactory(EventFactory)
    entity = factory.SubFactory(EntityFactory)
    role = EventRole.ACTOR


class EventSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSource

    event = factory.SubFactory(EventFactory)
    article = factory.SubFactory(ArticleFactory, extracted=True)
    start = 0
    end = 10
    sentence = factory.LazyAttribute(lambda o: o.article.text[:200])


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    speaker = factory.SubFactory(EntityFactory, kind=EntityKind.PERSON)
    speaker_text = factory.LazyAttribute(lambda o: o.speaker.name if o.speaker else "Officials")
    quote = factory.Sequence(lambda n: f"We will keep talking, number {n}")
    kind = StatementKind.DIRECT
    cue = "said"
    date_start = dt.date(2024, 10, 29)
    date_end = factory.LazyAttribute(lambda o: o.date_start)
    date_precision = DatePrecision.DAY
    sort_date = factory.LazyAttribute(lambda o: o.date_start or dt.date(2024, 10, 29))
    review_state = ReviewState.PUBLISHED
    confidence = 0.8
    fingerprint = factory.LazyAttribute(lambda o: sha256_hex(f"{o.speaker_text}|{o.quote}"))
    change_seq = factory.LazyFunction(lambda: next(_seq))


class StatementEntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementEntity

    statement = factory.SubFactory(StatementFactory)
    entity = factory.SubFactory(EntityFactory)


class StatementSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementSource

    statement = factory.SubFactory(StatementFactory)
    article = factory.SubFactory(ArticleFactory, extracted=True)
    quote_start = 0
    quote_end = 10
