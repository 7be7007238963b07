"""Output serializers: the documented shapes of every response.

Each declares its fields (drf-spectacular turns them into the OpenAPI components) and
delegates `to_representation` to the hand-written functions in `representations.py`, which
the views call directly on hot paths. Input serializers live in `inputs.py`.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from timeline.api import representations as rep
from timeline.enums import (
    ArticleOrigin,
    ArticleStatus,
    DatePrecision,
    DateSource,
    EntityKind,
    EventRole,
    EventType,
    OccurrenceStatus,
    ReviewState,
    Stance,
    StatementKind,
    StatementRole,
)
from timeline.selectors.rows import event_rows, statement_rows


@extend_schema_field({"type": "string", "enum": ["event"]})
class EventKindField(s.CharField):
    """The constant discriminator of timeline items (`kind`)."""


@extend_schema_field({"type": "string", "enum": ["statement"]})
class StatementKindField(s.CharField):
    """The constant discriminator of timeline items (`kind`)."""


def _links(serializer: s.Serializer[Any]) -> rep.Links:
    return rep.Links.for_request(serializer.context["request"])


class EntityRefSerializer(s.Serializer[Any]):
    slug = s.SlugField()
    name = s.CharField()
    kind = s.ChoiceField(choices=EntityKind.choices)
    url = s.URLField()


class EventEntitySerializer(EntityRefSerializer):
    role = s.ChoiceField(choices=EventRole.choices)


class StatementEntitySerializer(EntityRefSerializer):
    role = s.ChoiceField(choices=StatementRole.choices)


class OutletRefSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    name = s.CharField()
    domain = s.CharField()


class SourceSerializer(s.Serializer[Any]):
    article_id = s.IntegerField()
    article = s.URLField(help_text="The article in this API.")
    url = s.CharField(help_text="The article's own URL (empty for pasted text).")
    title = s.CharField()
    published_at = s.DateTimeField(allow_null=True)
    outlet = OutletRefSerializer(allow_null=True)
    sentence = s.CharField(help_text="The evidence sentence.")
    sentence_start = s.IntegerField(help_text="Offset of the sentence in the article text.")


class EventSourceSerializer(SourceSerializer):
    start = s.IntegerField(help_text="Evidence span start (offset in the article text).")
    end = s.IntegerField(help_text="Evidence span end (exclusive).")


class StatementSourceSerializer(SourceSerializer):
    quote_start = s.IntegerField()
    quote_end = s.IntegerField()
    speaker_start = s.IntegerField(allow_null=True)
    speaker_end = s.IntegerField(allow_null=True)


class DatedFieldsSerializer(s.Serializer[Any]):
    date_start = s.DateField(allow_null=True, help_text="Start of the date interval.")
    date_end = s.DateField(allow_null=True, help_text="End of the date interval (inclusive).")
    date_precision = s.ChoiceField(choices=DatePrecision.choices)
    date_value = s.CharField(help_text="TIMEX3 value, e.g. 2024-06 or 2024-W44.")
    date_text = s.CharField(help_text="The date expression as written in the source.")
    sort_date = s.DateField(help_text="Position on the timeline.")
    review_state = s.ChoiceField(choices=ReviewState.choices)
    confidence = s.FloatField()
    source_count = s.IntegerField()
    edited_fields = s.ListField(child=s.CharField(), help_text="Fields an editor changed.")
    change_seq = s.IntegerField(allow_null=True, help_text="Change number (see updated_since).")
    created_at = s.DateTimeField()
    updated_at = s.DateTimeField()


class StatementAboutEventSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    url = s.URLField()
    speaker = EntityRefSerializer(allow_null=True)
    speaker_text = s.CharField()
    speaker_title = s.CharField()
    quote = s.CharField()
    stance = s.ChoiceField(choices=Stance.choices)


class EventOutputSerializer(DatedFieldsSerializer):
    kind = EventKindField(help_text="Always `event`.")
    id = s.IntegerField()
    url = s.URLField()
    title = s.CharField()
    summary = s.CharField()
    type = s.ChoiceField(choices=EventType.choices)
    status = s.ChoiceField(choices=OccurrenceStatus.choices)
    figures = s.DictField(child=s.JSONField(), help_text='Stated figures, e.g. {"troops": 10000}.')
    merged_into = s.IntegerField(allow_null=True)
    entities = EventEntitySerializer(many=True, help_text="Actors, targets, places (with role).")
    sources = EventSourceSerializer(many=True)
    statements = StatementAboutEventSerializer(many=True, help_text="Statements about it.")

    def to_representation(self, instance: Any) -> dict[str, Any]:
        if not isinstance(instance, dict):  # a model instance: load its row (a few queries)
            user = getattr(self.context.get("request"), "user", None)
            instance = event_rows([instance.pk], user=user)[instance.pk]
        return rep.event(instance, _links(self))


class EventRefSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    url = s.URLField()
    title = s.CharField()


class StatementOutputSerializer(DatedFieldsSerializer):
    kind = StatementKindField(help_text="Always `statement`.")
    id = s.IntegerField()
    url = s.URLField()
    speaker = EntityRefSerializer(allow_null=True)
    speaker_text = s.CharField(help_text="The speaker as named in the text.")
    speaker_title = s.CharField(help_text="The speaker's title at the time.")
    quote = s.CharField()
    quote_kind = s.ChoiceField(choices=StatementKind.choices)
    cue = s.CharField()
    venue = s.CharField()
    stance = s.ChoiceField(choices=Stance.choices, help_text="Stance towards `event`.")
    event = EventRefSerializer(allow_null=True)
    entities = StatementEntitySerializer(many=True)
    sources = StatementSourceSerializer(many=True)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        if not isinstance(instance, dict):  # a model instance: load its row (a few queries)
            request = self.context.get("request")
            user = getattr(request, "user", None)
            instance = statement_rows([instance.pk], user=user)[instance.pk]
        return rep.statement(instance, _links(self))


class EntityOutputSerializer(s.Serializer[Any]):
    slug = s.SlugField()
    name = s.CharField()
    kind = s.ChoiceField(choices=EntityKind.choices)
    url = s.URLField()
    description = s.CharField()
    wikidata_qid = s.CharField()
    located_in = EntityRefSerializer(allow_null=True)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return rep.entity_summary(instance, _links(self))


class EntityCountsSerializer(s.Serializer[Any]):
    events = s.IntegerField()
    statements_spoken = s.IntegerField()
    statements_mentioning = s.IntegerField()


class EntityDetailOutputSerializer(EntityOutputSerializer):
    merged_into = EntityRefSerializer(allow_null=True)
    aliases = s.ListField(child=s.CharField())
    counts = EntityCountsSerializer()
    timeline = s.URLField(help_text="The timeline filtered by this entity.")


class ArticleOutputSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    url = s.URLField()
    source_url = s.CharField(help_text="The article's own URL (empty for pasted text).")
    title = s.CharField()
    outlet = OutletRefSerializer(allow_null=True)
    origin = s.ChoiceField(choices=ArticleOrigin.choices)
    status = s.ChoiceField(choices=ArticleStatus.choices)
    published_at = s.DateTimeField(allow_null=True)
    created_at = s.DateTimeField()


class ArticleEventItemSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    url = s.URLField()
    title = s.CharField()
    type = s.ChoiceField(choices=EventType.choices)
    date_start = s.DateField(allow_null=True)
    date_end = s.DateField(allow_null=True)
    date_precision = s.ChoiceField(choices=DatePrecision.choices)
    review_state = s.ChoiceField(choices=ReviewState.choices)


class ArticleStatementItemSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    url = s.URLField()
    speaker_text = s.CharField()
    quote = s.CharField()
    review_state = s.ChoiceField(choices=ReviewState.choices)


class ArticleItemsSerializer(s.Serializer[Any]):
    events = ArticleEventItemSerializer(many=True)
    statements = ArticleStatementItemSerializer(many=True)


class ArticleDetailOutputSerializer(ArticleOutputSerializer):
    canonical_url = s.CharField()
    author = s.CharField()
    language = s.CharField()
    date_source = s.ChoiceField(
        choices=DateSource.choices, help_text="Where the publication date (the anchor) came from."
    )
    error_reason = s.CharField(help_text="Machine reason when failed or skipped.")
    error_message = s.CharField()
    attempts = s.IntegerField()
    extractor_version = s.CharField()
    fetched_at = s.DateTimeField(allow_null=True)
    extracted_at = s.DateTimeField(allow_null=True)
    duplicate_of = s.IntegerField(allow_null=True)
    items = ArticleItemsSerializer(help_text="What was extracted (visible items only).")


class ArticleSubmissionLinksSerializer(s.Serializer[Any]):
    self = s.URLField()


class ArticleSubmissionOutputSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    status = s.ChoiceField(choices=ArticleStatus.choices)
    url = s.CharField(help_text="The normalised source URL (empty for pasted text).")
    links = ArticleSubmissionLinksSerializer()


class OutletOutputSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    url = s.URLField()
    name = s.CharField()
    domain = s.CharField()
    homepage = s.CharField()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return rep.outlet(instance, _links(self))


class FeedOutputSerializer(s.Serializer[Any]):
    id = s.IntegerField()
    url = s.URLField()
    feed_url = s.URLField()
    title = s.CharField()
    outlet = OutletRefSerializer(allow_null=True)
    active = s.BooleanField()
    poll_interval_seconds = s.IntegerField()
    next_poll_at = s.DateTimeField(allow_null=True)
    last_polled_at = s.DateTimeField(allow_null=True)
    last_success_at = s.DateTimeField(allow_null=True)
    failure_count = s.IntegerField()
    last_error = s.CharField()
    entries_seen = s.IntegerField()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return rep.feed(instance, _links(self))


class ErrorDetailSerializer(s.Serializer[Any]):
    status = s.IntegerField()
    code = s.CharField(help_text="Machine code: invalid, not_authenticated, throttled, …")
    message = s.CharField()
    fields = s.DictField(
        required=False,
        child=s.JSONField(),
        help_text="Per-parameter or per-field messages (400 only).",
    )
    retry_after = s.IntegerField(required=False, help_text="Seconds to wait (429 only).")


class ErrorSerializer(s.Serializer[Any]):
    error = ErrorDetailSerializer()
