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

from timeline.models import Article, Entity, Event, Feed, Outlet, Statement
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


def _entity_of(row: dict[str, Any], prefix: str, links: Links) -> dict[str, Any] | None:
    slug = row[f"{prefix}__slug"]
    if slug is None:
        return None
    return {
        "slug": slug,
        "name": row[f"{prefix}__name"],
        "kind": row[f"{prefix}__kind"],
        "url": links.entity(slug),
    }


def _link(row: dict[str, Any], links: Links) -> dict[str, Any]:
    slug = row["entity__slug"]
    return {
        "slug": slug,
        "name": row["entity__name"],
        "kind": row["entity__kind"],
        "url": links.entity(slug),
        "role": row["role"],
    }


def _source(row: dict[str, Any], links: Links) -> dict[str, Any]:
    outlet_id = row["article__outlet_id"]
    return {
        "article_id": row["article_id"],
        "article": links.article(row["article_id"]),
        "url": row["article__url"],
        "title": row["article__title"],
        "published_at": row["article__published_at"],
        "outlet": None
        if outlet_id is None
        else {
            "id": outlet_id,
            "name": row["article__outlet__name"],
            "domain": row["article__outlet__domain"],
        },
        "sentence": row["sentence"],
        "sentence_start": row["sentence_start"],
    }


def event_source(row: dict[str, Any], links: Links) -> dict[str, Any]:
    out = _source(row, links)
    out.update(start=row["start"], end=row["end"])
    return out


def statement_source(row: dict[str, Any], links: Links) -> dict[str, Any]:
    out = _source(row, links)
    out.update(
        quote_start=row["quote_start"],
        quote_end=row["quote_end"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
    )
    return out


def _dated(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "date_start": row["date_start"],
        "date_end": row["date_end"],
        "date_precision": row["date_precision"],
        "date_value": row["date_value"],
        "date_text": row["date_text"],
        "sort_date": row["sort_date"],
        "review_state": row["review_state"],
        "confidence": row["confidence"],
        "source_count": row["source_count"],
        "edited_fields": row["edited_fields"],
        "change_seq": row["change_seq"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def event(row: dict[str, Any], links: Links) -> dict[str, Any]:
    """An event row (selectors.rows.event_rows) with entities, sources and statements."""
    pk = row["id"]
    return {
        "kind": "event",
        "id": pk,
        "url": links.event(pk),
        "title": row["title"],
        "summary": row["summary"],
        "type": row["type"],
        "status": row["status"],
        "figures": row["figures"],
        "merged_into": row["merged_into_id"],
        **_dated(row),
        "entities": [_link(link, links) for link in row["entities"]],
        "sources": [event_source(source, links) for source in row["sources"]],
        "statements": [
            {
                "id": s["id"],
                "url": links.statement(s["id"]),
                "speaker": _entity_of(s, "speaker", links),
                "speaker_text": s["speaker_text"],
                "speaker_title": s["speaker_title"],
                "quote": s["quote"],
                "stance": s["stance"],
            }
            for s in row["statements"]
        ],
    }


def statement(row: dict[str, Any], links: Links) -> dict[str, Any]:
    """A statement row (selectors.rows.statement_rows) with speaker, event, mentions, sources."""
    pk, event_id = row["id"], row["event_id"]
    return {
        "kind": "statement",
        "id": pk,
        "url": links.statement(pk),
        "speaker": _entity_of(row, "speaker", links),
        "speaker_text": row["speaker_text"],
        "speaker_title": row["speaker_title"],
        "quote": row["quote"],
        "quote_kind": row["kind"],
        "cue": row["cue"],
        "venue": row["venue"],
        "stance": row["stance"],
        "event": (
            {"id": event_id, "url": links.event(event_id), "title": row["event__title"]}
            if event_id is not None
            else None
        ),
        **_dated(row),
        "entities": [_link(link, links) for link in row["entities"]],
        "sources": [statement_source(source, links) for source in row["sources"]],
    }


def timeline_item(kind: str, row: dict[str, Any], links: Links) -> dict[str, Any]:
    return event(row, links) if kind == "event" else statement(row, links)


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
