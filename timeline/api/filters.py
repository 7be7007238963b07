"""The timeline's one filter vocabulary as django-filter FilterSets.

The FilterSets only parse and validate query parameters; their `filter_queryset` turns the
cleaned data into a `selectors.filters.TimelineFilter` and hands it to the selectors' apply
functions, so there is no second implementation of any filter. `timeline_filter_from_query` is
the same conversion for callers without a queryset (the timeline view, the outgoing feeds, and
GraphQL or the web page if they want the REST vocabulary).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import django_filters as df
from django import forms
from django.db.models import Model, QuerySet
from django.utils.datastructures import MultiValueDict
from rest_framework.exceptions import ValidationError

from timeline.enums import (
    ArticleStatus,
    DatePrecision,
    EntityKind,
    EventType,
    ItemKind,
    OccurrenceStatus,
    ReviewState,
)
from timeline.models import Event
from timeline.selectors.articles import apply_article_filter
from timeline.selectors.entities import apply_entity_filter
from timeline.selectors.filters import TimelineFilter, apply_event_filter, apply_statement_filter

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,300}$")
DOMAIN = re.compile(r"^[a-zA-Z0-9.-]{1,253}$")
MAX_VALUES = 20
MAX_CHANGE_SEQ = 2**63 - 1


class ListField(forms.MultipleChoiceField):
    """Repeatable parameter (`?type=a&type=b`, also `?type=a,b`): choices or a pattern."""

    def __init__(
        self, *, pattern: re.Pattern[str] | None = None, lower: bool = False, **kwargs: Any
    ) -> None:
        self.pattern = pattern
        self.lower = lower
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        raw = [value] if isinstance(value, str) else list(value)
        values = [part.strip() for item in raw for part in str(item).split(",")]
        values = [v.lower() if self.lower else v for v in values if v]
        return list(dict.fromkeys(values))  # de-duplicated, order kept

    def validate(self, value: list[str]) -> None:
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(f"At most {MAX_VALUES} values.", code="max_values")
        for item in value:
            if self.pattern is not None:
                if not self.pattern.match(item):
                    raise forms.ValidationError(
                        f"{item!r} is not a valid value.", code="invalid_choice"
                    )
            elif not self.valid_value(item):
                allowed = ", ".join(str(k) for k, _ in self.choices)
                raise forms.ValidationError(
                    f"{item!r} is not one of the available choices ({allowed}).",
                    code="invalid_choice",
                )


class ListFilter(df.Filter):
    field_class = ListField


class IntFilter(df.Filter):
    field_class = forms.IntegerField


class IsoDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]  # type: ignore[assignment]


class IsoDateFilter(df.Filter):
    field_class = IsoDateField


class TimelineFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "date_to must not be before date_from.")
        return data


class BaseTimelineFilterSet(df.FilterSet):
    """Parameters shared by every timeline resource; subclasses add their own and `apply`."""

    entity = ListFilter(pattern=SLUG, lower=True, help_text="Entity slug (repeatable).")
    entity_mode = df.ChoiceFilter(
        choices=[("any", "any"), ("all", "all")], help_text="any (default) or all of the entities."
    )
    date_from = IsoDateFilter(help_text="Item's date interval ends on/after this day.")
    date_to = IsoDateFilter(help_text="Item's date interval starts on/before this day.")
    precision = ListFilter(choices=DatePrecision.choices, help_text="Date precision.")
    q = df.CharFilter(max_length=200, help_text="Full-text search.")
    outlet = ListFilter(pattern=DOMAIN, lower=True, help_text="Outlet domain of a source.")
    min_sources = IntFilter(
        min_value=0,
        max_value=100_000,
        help_text="At least this many reporting articles (corroboration).",
    )
    review_state = ListFilter(
        choices=ReviewState.choices,
        help_text="Staff: review state (the public sees published only).",
    )
    updated_since = IntFilter(
        min_value=0, max_value=MAX_CHANGE_SEQ, help_text="Change number: items changed after it."
    )

    class Meta:
        form = TimelineFilterForm
        fields: list[str] = []

    def timeline_filter(self) -> TimelineFilter:
        """The cleaned parameters as a TimelineFilter (call after is_valid())."""
        data = self.form.cleaned_data
        return TimelineFilter(
            entities=tuple(data.get("entity") or ()),
            entity_mode=data.get("entity_mode") or "any",
            types=tuple(data.get("type") or ()),
            kind=data.get("kind") or None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            precisions=tuple(data.get("precision") or ()),
            q=(data.get("q") or "").strip(),
            speakers=tuple(data.get("speaker") or ()),
            outlets=tuple(data.get("outlet") or ()),
            min_sources=data.get("min_sources"),
            statuses=tuple(data.get("status") or ()),
            review_states=tuple(data.get("review_state") or ()),
            updated_since=data.get("updated_since"),
        )

    def apply(self, queryset: QuerySet[Any], f: TimelineFilter) -> QuerySet[Any]:
        return queryset

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return self.apply(queryset, self.timeline_filter())


class EventFilterSet(BaseTimelineFilterSet):
    type = ListFilter(choices=EventType.choices, help_text="Event type (repeatable).")
    status = ListFilter(
        choices=OccurrenceStatus.choices, help_text="Occurrence status (repeatable)."
    )

    def apply(self, queryset: QuerySet[Any], f: TimelineFilter) -> QuerySet[Any]:
        return apply_event_filter(queryset, f)


class StatementFilterSet(BaseTimelineFilterSet):
    speaker = ListFilter(pattern=SLUG, lower=True, help_text="Speaker entity slug (repeatable).")

    def apply(self, queryset: QuerySet[Any], f: TimelineFilter) -> QuerySet[Any]:
        return apply_statement_filter(queryset, f)


class TimelineFilterSet(EventFilterSet, StatementFilterSet):
    """Every parameter (the FilterSet metaclass merges the bases' declared filters)."""

    kind = df.ChoiceFilter(choices=ItemKind.choices, help_text="event or statement.")

    def apply(self, queryset: QuerySet[Any], f: TimelineFilter) -> QuerySet[Any]:
        raise NotImplementedError("the merged timeline is paged by selectors.timeline")


def timeline_filter_from_query(
    data: Mapping[str, Any],
    *,
    request: Any = None,
    filterset_class: type[BaseTimelineFilterSet] = TimelineFilterSet,
) -> TimelineFilter:
    """Validate query parameters (a QueryDict or plain mapping) into a TimelineFilter.

    Raises rest_framework.exceptions.ValidationError({param: [messages]}) on bad values;
    `.detail` is a plain dict for non-DRF callers. `request` is accepted for callers' sake;
    validation does not depend on it.
    """
    if not isinstance(data, MultiValueDict):
        multi: MultiValueDict[str, Any] = MultiValueDict()
        for key, value in data.items():
            multi.setlist(key, list(value) if isinstance(value, list | tuple) else [value])
        data = multi
    try:
        key = tuple(sorted((name, tuple(values)) for name, values in data.lists()))
        hash(key)
    except TypeError:  # unhashable values (never from a query string): no memo
        return _parse(filterset_class, data)
    return _parse_memo(filterset_class, key)


def _parse(filterset_class: type[BaseTimelineFilterSet], data: Any) -> TimelineFilter:
    # Validation depends on the parameters only (not on the request or user).
    filterset = filterset_class(data=data, queryset=Event.objects.none())
    if not filterset.is_valid():
        raise ValidationError(
            {
                field: [str(message) for message in messages]
                for field, messages in filterset.errors.items()
            }
        )
    return filterset.timeline_filter()


@lru_cache(maxsize=512)
def _parse_memo(
    filterset_class: type[BaseTimelineFilterSet], key: tuple[tuple[str, tuple[Any, ...]], ...]
) -> TimelineFilter:
    """`_parse` remembered per parameter set: pollers repeat the same few queries, and
    building the FilterSet's form (deep copies of every field) was ~10 % of a page's CPU.
    Only valid parameters are kept (errors raise, and exceptions are never cached); the
    result is a frozen TimelineFilter. Bounded, so arbitrary input cannot grow it."""
    data: MultiValueDict[str, Any] = MultiValueDict()
    for name, values in key:
        data.setlist(name, list(values))
    return _parse(filterset_class, data)


# --- other resources ------------------------------------------------------------------------


class ArticleFilterSet(df.FilterSet):
    status = ListFilter(choices=ArticleStatus.choices, help_text="Article status (repeatable).")
    outlet = ListFilter(pattern=DOMAIN, lower=True, help_text="Outlet domain (repeatable).")

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        data = self.form.cleaned_data
        return apply_article_filter(
            queryset,
            statuses=tuple(data.get("status") or ()),
            outlets=tuple(data.get("outlet") or ()),
        )


class EntityFilterSet(df.FilterSet):
    kind = ListFilter(choices=EntityKind.choices, help_text="Entity kind (repeatable).")
    q = df.CharFilter(max_length=100, help_text="Name or alias contains this text.")

    def filter_queryset(self, queryset: QuerySet[Model]) -> QuerySet[Any]:
        data = self.form.cleaned_data
        return apply_entity_filter(
            queryset, kinds=tuple(data.get("kind") or ()), q=(data.get("q") or "").strip()
        )
