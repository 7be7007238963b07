"""Errors the GraphQL layer reports at the top level (`errors[]`), with a machine `code`.

Domain failures of mutations are *not* raised: they come back as typed `OperationError`
payloads (see mutations.py). These are for requests that are wrong as a whole: a bad filter,
a page size over the limit, a cursor we did not make.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError


class BadInput(GraphQLError):
    """The request's arguments are invalid; `extensions.code` is BAD_USER_INPUT."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        extensions: dict[str, Any] = {"code": "BAD_USER_INPUT"}
        if field:
            extensions["field"] = field
        super().__init__(message, extensions=extensions)
