"""Errors the GraphQL layer reports at the top level (`errors[]`), each with a machine `code`.

Domain failures of mutations are *not* raised: they come back as typed `OperationError`
payloads (see mutations.py). Top-level errors are for requests that are wrong as a whole, and
every one carries `extensions.code`, so clients (and generated-query tests) can tell a bad
request from a server fault:

- BAD_USER_INPUT: invalid arguments (our filters, relay paging, global ids);
- UNAUTHENTICATED / FORBIDDEN: a mutation without credentials / without the permission;
- INTERNAL_SERVER_ERROR: anything else. Its message is replaced by a generic one (the details
  are in the server log), so internals never leak to clients.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from graphql import GraphQLError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import SchemaExtension
from strawberry.relay.types import GlobalIDValueError

logger = logging.getLogger("timeline.graphql")

# Modules whose ValueError/TypeError can only come from parsing the client's relay arguments
# (first/last over the limit, negative sizes, cursors that do not decode).
_RELAY_ARGUMENT_MODULES = ("strawberry.relay", "strawberry_django.relay")
INTERNAL_MESSAGE = "Internal server error."


class BadInput(GraphQLError):
    """The request's arguments are invalid; `extensions.code` is BAD_USER_INPUT."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        extensions: dict[str, Any] = {"code": "BAD_USER_INPUT"}
        if field:
            extensions["field"] = field
        super().__init__(message, extensions=extensions)


def _raised_in(exc: BaseException, prefixes: tuple[str, ...]) -> bool:
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = str(tb.tb_frame.f_globals.get("__name__", ""))
    return module.startswith(prefixes)


def error_code(original: BaseException | None) -> str | None:
    """The code of an error whose original exception is `original` (None: leave as is)."""
    if original is None:
        return None  # parse and validation errors: graphql-core's messages are clear
    if isinstance(original, StrawberryInputCoercionError | GlobalIDValueError):
        return "BAD_USER_INPUT"  # an argument value strawberry could not convert
    if isinstance(original, GraphQLError):
        return None  # our BadInput carries its own code
    if isinstance(original, PermissionDenied):
        from timeline.graphql.permissions import AUTH_REQUIRED

        return "UNAUTHENTICATED" if str(original) == AUTH_REQUIRED else "FORBIDDEN"
    if isinstance(original, ValueError | TypeError) and _raised_in(
        original, _RELAY_ARGUMENT_MODULES
    ):
        return "BAD_USER_INPUT"
    return "INTERNAL_SERVER_ERROR"


class ErrorCodes(SchemaExtension):
    """Label every error with a code; hide the message of unexpected (server) errors."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        labelled = []
        for error in result.errors:
            if error.path is None:
                # Rejected before execution (syntax, validation, argument literals): the
                # message is graphql-core's explanation of what is wrong with the document.
                labelled.append(error)
                continue
            code = error_code(error.original_error)
            if code is None or (error.extensions or {}).get("code"):
                labelled.append(error)
                continue
            message = error.message
            if code == "INTERNAL_SERVER_ERROR":
                message = INTERNAL_MESSAGE
            labelled.append(
                GraphQLError(
                    message,
                    nodes=error.nodes,
                    source=error.source,
                    positions=error.positions,
                    path=error.path,
                    original_error=error.original_error,
                    extensions={**(error.extensions or {}), "code": code},
                )
            )
        result.errors = labelled
