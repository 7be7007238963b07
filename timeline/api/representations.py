"""Hand-written representations: plain dicts built straight from prefetched rows.

The output serializers in `serializers.py` describe these shapes for OpenAPI and delegate
`to_representation` here, so the hot paths build one dict per row with no per-field
serializer machinery (dates and datetimes stay Python objects; the orjson renderer encodes
them). The schemathesis test checks that the two never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from timeline.models import (
    Article,
    Entity,
    Event,
    EventSource,
    Feed,
    Outlet,
    Statement,
    StatementSource,
)
from timeline.selectors.entities import EntityCounts


@dataclass(frozen=True, slots=True)
class Links:
    """Absolute API URLs, built from one base computed per request."""

    base: str  # e.g. "https://example.org/api/v1/"

    @classmethod
    def for_request(cls, request: Any) -> Links:
        return cls(request.build_absolute_uri(reverse("api-root")))

    def event(self, pk: int) -> str:
        return f"{self.base}events/{pk}/"

    def statement(self, pk: int) -> str:
        return f"{self.base}statements/{pk}/"

    def article(self, pk: int) -> str:
        return f"{self.base}articles/{pk}/"

    def entity(self, slug: str) -> str:
        return f"{self.base}entities/{slug}/"

    def outlet(self, pk: int) -> str:
        return f"{self.base}outlets/{pk}/"

    def feed(self, pk: int) -> str:
        return f"{self.base}feeds/{pk}/"

    def timeline(self, query: str = "") -> str:
        return f"{self.base}timeline/" + (f"?{query}" if query else "")


def entity_ref(entity: Entity | None, links: Links) -> dict[str, Any] | None:
    if entity is None:
        return None
    return {
        "slug": entity.slug,
        "name": entity.name,
        "kind": entity.kind,
        "url": links.entity(entity.slug),
    }


def outlet_ref(outlet: Outlet | None) -> dict[str, Any] | None:
    if outlet is None:
        return None
    return {"id": outlet.pk, "name": outlet.name, "domain": outlet.domain}


def _article_ref(article: Article, links: Links) -> dict[str, Any]:
    return {
        "article_id": article.pk,
        "article": links.article(article.pk),
        "url": article.url,
        "title": article.title,
        "published_at": article.published_at,
        "outlet": outlet_ref(article.outlet),
    }


def event_source(source: EventSource, links: Links) -> dict[str, Any]:
    out = _article_ref(source.article, links)
    out.update(
        sentence=source.sentence,
        sentence_start=source.sentence_start,
        start=source.start,
        end=source.end,
    )
    return out


def statement_source(source: StatementSource, links: Links) -> dict[str, Any]:
    out = _article_ref(source.article, links)
    out.update(
        sentence=source.sentence,
        sentence_start=source.sentence_start,
        quote_start=source.quote_start,
        quote_end=source.quote_end,
        speaker_start=source.speaker_start,
        speaker_end=source.speaker_end,
    )
    return out


def _dated(item: Event | Statement) -> dict[str, Any]:
    return {
        "date_start": item.date_start,
        "date_end": item.date_end,
        "date_precision": item.date_precision,
        "date_value": item.date_value,
        "date_text": item.date_text,
        "sort_date": item.sort_date,
        "review_state": item.review_state,
        "confidence": item.confidence,
        "source_count": item.source_count,
        "edited_fields": item.edited_fields,
        "change_seq": item.change_seq,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
    }


def event(item: Event, links: Links) -> dict[str, Any]:
    """An event with its entities (roles), sources (evidence) and statements about it."""
    return {
        "kind": "event",
        "id": item.pk,
        "url": links.event(item.pk),
        "title": item.title,
        "summary": item.summary,
        "type": item.type,
        "status": item.status,
        "figures": item.figures,
        "merged_into": item.merged_into_id,
        **_dated(item),
        "entities": [
            {**entity_ref(link.entity, links), "role": link.role}  # type: ignore[dict-item]
            for link in item.event_entities.all()
        ],
        "sources": [event_source(s, links) for s in item.sources.all()],
        "statements": [
            {
                "id": s.pk,
                "url": links.statement(s.pk),
                "speaker": entity_ref(s.speaker, links),
                "speaker_text": s.speaker_text,
                "speaker_title": s.speaker_title,
                "quote": s.quote,
                "stance": s.stance,
            }
            for s in item.statements.all()
        ],
    }


def statement(item: Statement, links: Links) -> dict[str, Any]:
    """A statement with its speaker (and title), the event it is about, mentions and sources."""
    return {
        "kind": "statement",
        "id": item.pk,
        "url": links.statement(item.pk),
        "speaker": entity_ref(item.speaker, links),
        "speaker_text": item.speaker_text,
        "speaker_title": item.speaker_title,
        "quote": item.quote,
        "quote_kind": item.kind,
        "cue": item.cue,
        "venue": item.venue,
        "stance": item.stance,
        "event": (
            {"id": item.event_id, "url": links.event(item.event_id), "title": item.event.title}
            if item.event_id is not None
            else None
        ),
        **_dated(item),
        "entities": [
            {**entity_ref(link.entity, links), "role": link.role}  # type: ignore[dict-item]
            for link in item.statement_entities.all()
        ],
        "sources": [statement_source(s, links) for s in item.sources.all()],
    }


def timeline_item(kind: str, item: Event | Statement, links: Links) -> dict[str, Any]:
    if kind == "event":
        return event(item, links)  # type: ignore[arg-type]
    return statement(item, links)  # type: ignore[arg-type]


def entity_summary(item: Entity, links: Links) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "name": item.name,
        "kind": item.kind,
        "url": links.entity(item.slug),
        "description": item.description,
        "wikidata_qid": item.wikidata_qid,
        "located_in": entity_ref(item.located_in, links),
    }


def entity_detail(item: Entity, counts: EntityCounts, links: Links) -> dict[str, Any]:
    out = entity_summary(item, links)
    out.update(
        merged_into=entity_ref(item.merged_into, links),
        aliases=[alias.alias for alias in item.aliases.all()],
        counts={
            "events": counts.events,
            "statements_spoken": counts.statements_spoken,
            "statements_mentioning": counts.statements_mentioning,
        },
        timeline=links.timeline(f"entity={item.slug}"),
    )
    return out


def article_summary(item: Article, links: Links) -> dict[str, Any]:
    return {
        "id": item.pk,
        "url": links.article(item.pk),
        "source_url": item.url,
        "title": item.title,
        "outlet": outlet_ref(item.outlet),
        "origin": item.origin,
        "status": item.status,
        "published_at": item.published_at,
        "created_at": item.created_at,
    }


def article_detail(
    item: Article, events: list[Event], statements: list[Statement], links: Links
) -> dict[str, Any]:
    out = article_summary(item, links)
    out.update(
        canonical_url=item.canonical_url,
        author=item.author,
        language=item.language,
        date_source=item.date_source,
        error_reason=item.error_reason,
        error_message=item.error_message,
        attempts=item.attempts,
        extractor_version=item.extractor_version,
        fetched_at=item.fetched_at,
        extracted_at=item.extracted_at,
        duplicate_of=item.duplicate_of_id,
        items={
            "events": [
                {
                    "id": e.pk,
                    "url": links.event(e.pk),
                    "title": e.title,
                    "type": e.type,
                    "date_start": e.date_start,
                    "date_end": e.date_end,
                    "date_precision": e.date_precision,
                    "review_state": e.review_state,
                }
                for e in events
            ],
            "statements": [
                {
                    "id": s.pk,
                    "url": links.statement(s.pk),
                    "speaker_text": s.speaker_text,
                    "quote": s.quote,
                    "review_state": s.review_state,
                }
                for s in statements
            ],
        },
    )
    return out


def article_submission(item: Article, links: Links) -> dict[str, Any]:
    return {
        "id": item.pk,
        "status": item.status,
        "url": item.url,
        "links": {"self": links.article(item.pk)},
    }


def outlet(item: Outlet, links: Links) -> dict[str, Any]:
    return {
        "id": item.pk,
        "url": links.outlet(item.pk),
        "name": item.name,
        "domain": item.domain,
        "homepage": item.homepage,
    }


def feed(item: Feed, links: Links) -> dict[str, Any]:
    return {
        "id": item.pk,
        "url": links.feed(item.pk),
        "feed_url": item.url,
        "title": item.title,
        "outlet": outlet_ref(item.outlet),
        "active": item.active,
        "poll_interval_seconds": item.poll_interval_seconds,
        "next_poll_at": item.next_poll_at,
        "last_polled_at": item.last_polled_at,
        "last_success_at": item.last_success_at,
        "failure_count": item.failure_count,
        "last_error": item.last_error,
        "entries_seen": item.entries_seen,
    }
