"""OpenAPI details drf-spectacular cannot infer: error responses, filters, headers, examples.

Filter parameters are generated from the FilterSets' declared filters (one definition of each
parameter), with descriptions and examples added here.
"""

from __future__ import annotations

from typing import Any

import django_filters as df
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiExample, OpenApiParameter

from timeline.api.filters import IntFilter, IsoDateFilter, ListField, ListFilter
from timeline.api.pagination import PAGE_PARAMETERS
from timeline.api.serializers import ErrorSerializer

EXAMPLES: dict[str, list[tuple[str, Any]]] = {
    "entity": [("One entity", ["north-korea"]), ("Two entities", ["russia", "north-korea"])],
    "entity_mode": [("Items involving all the entities", "all")],
    "type": [("Agreements and meetings", ["agreement", "meeting"])],
    "kind": [("Events only", "event")],
    "date_from": [("Second half of 2024", "2024-06-01")],
    "date_to": [("Second half of 2024", "2024-12-31")],
    "precision": [("Day-precise items", ["day"])],
    "q": [("Full text", "ceasefire talks")],
    "speaker": [("A speaker", ["vladimir-putin"])],
    "outlet": [("An outlet", ["voanews.com"])],
    "min_sources": [("Corroborated", 2)],
    "status": [("Scheduled events", ["scheduled"])],
    "review_state": [("Staff: the review queue", ["pending"])],
    "updated_since": [("Changes after change number 1200", 1200)],
}

_DESCRIPTIONS = {
    "entity": "Entity slug; repeat the parameter (or separate with commas) for several.",
    "date_from": "ISO date. Items whose date interval ends on or after it (undated items: "
    "their reporting date).",
    "date_to": "ISO date. Items whose date interval starts on or before it. Must not be "
    "before date_from.",
    "q": "Full-text search (PostgreSQL websearch syntax: quotes, OR, -word).",
    "updated_since": "Change number (`change_seq` of an item you saw). Returns items changed "
    "after it, ordered by change number: what pollers follow.",
    "review_state": "Staff only; everyone else sees published items whatever this says.",
}


def _schema_of(flt: df.Filter) -> tuple[dict[str, Any], bool]:
    """(JSON schema, repeatable) of one filter."""
    if isinstance(flt, ListFilter):
        field = ListField(**flt.extra)
        items: dict[str, Any] = {"type": "string"}
        if field.pattern is not None:
            items["pattern"] = field.pattern.pattern
        else:
            items["enum"] = [str(value) for value, _ in field.choices]
        return {"type": "array", "items": items}, True
    if isinstance(flt, df.ChoiceFilter):
        return {"type": "string", "enum": [str(v) for v, _ in flt.extra["choices"]]}, False
    if isinstance(flt, IsoDateFilter):
        return {"type": "string", "format": "date"}, False
    if isinstance(flt, IntFilter):
        schema = {"type": "integer", "format": "int64"}
        if "min_value" in flt.extra:
            schema["minimum"] = flt.extra["min_value"]
        if "max_value" in flt.extra:
            schema["maximum"] = flt.extra["max_value"]
        return schema, False
    schema = {"type": "string"}
    if flt.extra.get("max_length"):
        schema["maxLength"] = flt.extra["max_length"]
    return schema, False


def filter_parameters(filterset_class: type[df.FilterSet]) -> list[OpenApiParameter]:
    """OpenAPI query parameters for every filter the FilterSet declares."""
    parameters = []
    for name, flt in filterset_class.base_filters.items():
        schema, repeatable = _schema_of(flt)
        parameters.append(
            OpenApiParameter(
                name,
                type=schema,
                location=OpenApiParameter.QUERY,
                required=False,
                description=_DESCRIPTIONS.get(name, str(flt.extra.get("help_text", ""))),
                style="form" if repeatable else None,
                explode=True if repeatable else None,
                examples=[
                    OpenApiExample(summary, value=value)
                    for summary, value in EXAMPLES.get(name, [])
                ],
            )
        )
    return parameters


ORDER_PARAMETER = OpenApiParameter(
    "order",
    type={"type": "string", "enum": ["asc", "desc"]},
    location=OpenApiParameter.QUERY,
    description="Date order: asc (default, oldest first) or desc (newest first).",
)

PAGE_OPENAPI_PARAMETERS = [
    OpenApiParameter(
        p["name"], type=p["schema"], location=OpenApiParameter.QUERY, description=p["description"]
    )
    for p in PAGE_PARAMETERS
]

_HEADER = {"schema": {"type": "string"}}
CONDITIONAL_HEADERS = {
    "ETag": {**_HEADER, "description": "Weak validator; send it back as If-None-Match."},
    "Last-Modified": {**_HEADER, "description": "When anything in the timeline last changed."},
    "Cache-Control": {
        **_HEADER,
        "description": "public, max-age=15 for anonymous callers; private for signed-in users.",
    },
    "X-Poll-Interval": {
        "schema": {"type": "integer"},
        "description": "Suggested seconds between polls.",
    },
}
_ERROR_DESCRIPTIONS = {
    "400": "Invalid parameters or body; `error.fields` names each bad one.",
    "401": "Authentication required (send `Authorization: Token <key>`).",
    "403": "Authenticated but lacking the permission.",
    "404": "No such item (or not visible to you).",
    "409": "Conflicts with the item's state.",
    "415": "Unsupported request body media type.",
    "429": "Throttled; `Retry-After` says how many seconds to wait.",
}


class TimelineAutoSchema(AutoSchema):
    """Adds the shared error responses, 304 and cache headers to every operation."""

    def _is_list_view(self, serializer: Any = None) -> bool:
        # The timeline's `list` answers one envelope object, not an array of them.
        if getattr(self.view, "schema_is_list", None) is False:
            return False
        return bool(super()._is_list_view(serializer))

    def _get_filter_parameters(self) -> list[Any]:
        return []  # documented explicitly via filter_parameters() (see views)

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        codes = ["400", "401", "403", "404", "429"]
        if self.method not in ("GET", "HEAD"):
            codes += ["409", "415"]
        for code in codes:
            if code not in responses:
                response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                response["description"] = _ERROR_DESCRIPTIONS[code]
                if code == "429":
                    response["headers"] = {
                        "Retry-After": {
                            "schema": {"type": "integer"},
                            "description": "Seconds to wait.",
                        }
                    }
                responses[code] = response
        if self.method == "GET" and getattr(self.view, "conditional", False):
            if "200" in responses:
                responses["200"].setdefault("headers", {}).update(CONDITIONAL_HEADERS)
            responses["304"] = {
                "description": "Not modified: your If-None-Match (or "
                "If-Modified-Since) is still current."
            }
        return responses
