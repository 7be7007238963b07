"""Input serializers: validate request bodies; services do the writing."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers as s

from timeline.enums import DatePrecision, EventType, OccurrenceStatus, Stance, StatementKind
from timeline.services.articles import MAX_HTML_CHARS, MAX_TEXT_CHARS


class ArticleSubmitInputSerializer(s.Serializer[Any]):
    """One of: `{url}`; `{text, title, published_at, url?}`; `{html, url}`."""

    url = s.CharField(required=False, max_length=2048, allow_blank=False)
    text = s.CharField(required=False, max_length=MAX_TEXT_CHARS, trim_whitespace=False)
    html = s.CharField(required=False, max_length=MAX_HTML_CHARS, trim_whitespace=False)
    title = s.CharField(required=False, max_length=1000, allow_blank=True, default="")
    author = s.CharField(required=False, max_length=500, allow_blank=True, default="")
    published_at = s.DateTimeField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not any(attrs.get(key) for key in ("url", "text", "html")):
            raise s.ValidationError(
                {"url": "Send a url, text (with title and published_at) or html (with url)."}
            )
        return attrs


class EventUpdateInputSerializer(s.Serializer[Any]):
    """The fields an editor may change (services.events.EVENT_EDITABLE)."""

    title = s.CharField(required=False, max_length=300)
    summary = s.CharField(required=False, allow_blank=True, max_length=20_000)
    type = s.ChoiceField(required=False, choices=EventType.choices)
    date_start = s.DateField(required=False, allow_null=True)
    date_end = s.DateField(required=False, allow_null=True)
    date_precision = s.ChoiceField(required=False, choices=DatePrecision.choices)
    status = s.ChoiceField(required=False, choices=OccurrenceStatus.choices)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = set(self.initial_data) - set(self.fields)
        if unknown:
            raise s.ValidationError(dict.fromkeys(sorted(unknown), "Not editable."))
        return attrs


class StatementUpdateInputSerializer(s.Serializer[Any]):
    """The fields an editor may change on a statement (services.events.STATEMENT_EDITABLE)."""

    quote = s.CharField(required=False, max_length=20_000)
    speaker_title = s.CharField(required=False, allow_blank=True, max_length=300)
    quote_kind = s.ChoiceField(required=False, choices=StatementKind.choices)
    venue = s.CharField(required=False, allow_blank=True, max_length=300)
    date_start = s.DateField(required=False, allow_null=True)
    date_end = s.DateField(required=False, allow_null=True)
    date_precision = s.ChoiceField(required=False, choices=DatePrecision.choices)
    stance = s.ChoiceField(required=False, choices=Stance.choices)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = set(self.initial_data) - set(self.fields)
        if unknown:
            raise s.ValidationError(dict.fromkeys(sorted(unknown), "Not editable."))
        if "quote_kind" in attrs:  # the API calls the model's `kind` quote_kind
            attrs["kind"] = attrs.pop("quote_kind")
        return attrs


class EventMergeInputSerializer(s.Serializer[Any]):
    into = s.IntegerField(min_value=1, max_value=2**63 - 1, help_text="The surviving event.")
    others = s.ListField(
        child=s.IntegerField(min_value=1, max_value=2**63 - 1),
        min_length=1,
        max_length=100,
        help_text="Duplicates to fold into it.",
    )


class FeedCreateInputSerializer(s.Serializer[Any]):
    url = s.CharField(max_length=2048)
    title = s.CharField(required=False, allow_blank=True, max_length=500, default="")
    poll_interval_seconds = s.IntegerField(
        required=False, min_value=60, max_value=7 * 86400, default=900
    )


class FeedUpdateInputSerializer(s.Serializer[Any]):
    title = s.CharField(required=False, allow_blank=True, max_length=500)
    active = s.BooleanField(required=False)
    poll_interval_seconds = s.IntegerField(required=False, min_value=60, max_value=7 * 86400)
