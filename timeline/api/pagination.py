"""Keyset (cursor) pagination: no OFFSET, no COUNT(*), opaque cursors.

A cursor is base64url(JSON ["<direction>", "<keyset>", "<value>", ...]) where direction is
`n` (rows after the key) or `p` (rows before it). Each list declares its `Keyset`: an indexed
ordering that ends in a unique column, e.g. (sort_date, id) for events, (change_seq,) when
following changes.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class Cursor:
    direction: str  # "n" (next: after the key) or "p" (previous: before the key)
    tag: str  # which ordering the key belongs to
    values: tuple[str, ...]

    def encode(self) -> str:
        raw = json.dumps([self.direction, self.tag, *self.values], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, raw: str) -> Cursor:
        """Raises ValueError on anything that is not a cursor we made."""
        try:
            parts = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError("not a cursor") from exc
        if (
            not isinstance(parts, list)
            or len(parts) < 3
            or not all(isinstance(p, str) for p in parts)
            or parts[0] not in ("n", "p")
        ):
            raise ValueError("bad cursor")
        return cls(parts[0], parts[1], tuple(parts[2:]))


class PageParamsForm(forms.Form):
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)
    cursor = forms.CharField(max_length=400, required=False)
    order = forms.ChoiceField(choices=[("asc", "asc"), ("desc", "desc")], required=False)


@dataclass(frozen=True, slots=True)
class PageParams:
    page_size: int
    cursor: Cursor | None
    descending: bool


def page_params(request: Request) -> PageParams:
    """`page_size` (1–200, default 50), `cursor`, `order`; 400 naming the parameter if bad."""
    form = PageParamsForm(request.query_params)
    if not form.is_valid():
        raise ValidationError({k: [str(m) for m in v] for k, v in form.errors.items()})
    raw = form.cleaned_data.get("cursor") or ""
    cursor = None
    if raw:
        try:
            cursor = Cursor.decode(raw)
        except ValueError as exc:
            raise ValidationError({"cursor": ["Invalid cursor."]}) from exc
    return PageParams(
        page_size=form.cleaned_data.get("page_size") or DEFAULT_PAGE_SIZE,
        cursor=cursor,
        descending=form.cleaned_data.get("order") == "desc",
    )


def page_link(request: Request, cursor: Cursor | None) -> str | None:
    if cursor is None:
        return None
    return replace_query_param(request.build_absolute_uri(), "cursor", cursor.encode())


def first_page_link(request: Request) -> str:
    return remove_query_param(request.build_absolute_uri(), "cursor")


@dataclass(frozen=True, slots=True)
class Keyset:
    """An ordering usable for keyset paging: fields (with parsers) ending in a unique one."""

    tag: str
    fields: tuple[tuple[str, Callable[[str], Any]], ...]
    descending: bool = False

    def key_of(self, row: Any) -> tuple[str, ...]:
        return tuple(str(getattr(row, name)) for name, _ in self.fields)

    def parse(self, values: Sequence[str]) -> tuple[Any, ...]:
        if len(values) != len(self.fields):
            raise ValueError("wrong arity")
        return tuple(parse(value) for (_, parse), value in zip(self.fields, values, strict=True))

    def after(self, values: tuple[Any, ...], *, backwards: bool) -> Q:
        """Rows strictly after the key in this ordering (before it when `backwards`)."""
        greater = self.descending == backwards
        op = "gt" if greater else "lt"
        names = [name for name, _ in self.fields]
        condition = Q(**{f"{names[-1]}__{op}": values[-1]})
        for name, value in zip(reversed(names[:-1]), reversed(values[:-1]), strict=True):
            condition = Q(**{f"{name}__{op}": value}) | (Q(**{name: value}) & condition)
        if len(names) == 1:
            return condition
        # The redundant bound on the leading column lets the index scan start at the key.
        return Q(**{f"{names[0]}__{op}e": values[0]}) & condition

    def order_by(self, *, backwards: bool) -> list[str]:
        prefix = "-" if self.descending != backwards else ""
        return [f"{prefix}{name}" for name, _ in self.fields]


BY_DATE = Keyset("d", (("sort_date", date.fromisoformat), ("id", int)))
BY_CHANGE = Keyset("c", (("change_seq", int),))
NEWEST_FIRST = Keyset("i", (("id", int),), descending=True)
BY_NAME = Keyset("a", (("name", str), ("id", int)))


class KeysetPagination(BasePagination):
    """DRF pagination over the view's `get_keyset()`; envelope {next, previous, results}."""

    def paginate_queryset(
        self, queryset: QuerySet[Any], request: Request, view: Any = None
    ) -> list[Any]:
        params = page_params(request)
        keyset: Keyset = view.get_keyset() if view is not None else BY_DATE
        cursor = params.cursor
        backwards = cursor is not None and cursor.direction == "p"
        if cursor is not None:
            if cursor.tag != keyset.tag:
                raise ValidationError({"cursor": ["This cursor belongs to another ordering."]})
            try:
                values = keyset.parse(cursor.values)
            except ValueError as exc:
                raise ValidationError({"cursor": ["Invalid cursor."]}) from exc
            queryset = queryset.filter(keyset.after(values, backwards=backwards))
        rows = list(
            queryset.order_by(*keyset.order_by(backwards=backwards))[: params.page_size + 1]
        )
        more = len(rows) > params.page_size
        rows = rows[: params.page_size]
        if backwards:
            rows.reverse()
        has_next = more if not backwards else True
        has_previous = (cursor is not None) if not backwards else more
        self.request = request
        self.next_cursor = (
            Cursor("n", keyset.tag, keyset.key_of(rows[-1])) if rows and has_next else None
        )
        self.previous_cursor = (
            Cursor("p", keyset.tag, keyset.key_of(rows[0])) if rows and has_previous else None
        )
        return rows

    def get_paginated_response(self, data: Any) -> Response:
        return Response(self.envelope(data))

    def envelope(self, data: Any) -> dict[str, Any]:
        return {
            "next": page_link(self.request, self.next_cursor),
            "previous": page_link(self.request, self.previous_cursor),
            "results": data,
        }

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return paginated_schema(schema)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return PAGE_PARAMETERS


def paginated_schema(schema: dict[str, Any]) -> dict[str, Any]:
    link = {"type": "string", "format": "uri", "nullable": True}
    return {
        "type": "object",
        "required": ["next", "previous", "results"],
        "properties": {
            "next": {**link, "description": "The next page, null at the end."},
            "previous": {**link, "description": "The previous page."},
            "results": schema,
        },
    }


PAGE_PARAMETERS: list[dict[str, Any]] = [
    {
        "name": "cursor",
        "in": "query",
        "required": False,
        "description": "Opaque cursor from a `next` or `previous` link.",
        "schema": {"type": "string", "maxLength": 400},
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "description": f"Items per page (default {DEFAULT_PAGE_SIZE}, max {MAX_PAGE_SIZE}).",
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PAGE_SIZE,
            "default": DEFAULT_PAGE_SIZE,
        },
    },
]
