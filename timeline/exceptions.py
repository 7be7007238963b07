"""Domain exceptions raised by services, ingestion and extraction.

Each area keeps its classes in one block so parallel work does not collide.
"""

from __future__ import annotations

# --- ingestion: fetching and parsing -------------------------------------------------------------
#
# Every ingestion failure carries a short machine ``reason`` (stored on the article/feed row and
# shown in the API) plus a human message. The Celery layer retries ONLY ``TransientFetchError``
# (``autoretry_for=(TransientFetchError,)``); any other ``IngestError`` fails the row with
# ``reason`` and is never retried.


class IngestError(Exception):
    """Base class of fetch/parse failures: ``reason`` is a stable machine code."""

    retryable: bool = False

    def __init__(self, reason: str, message: str | None = None) -> None:
        self.reason = reason
        self.message = message or reason
        super().__init__(f"{reason}: {self.message}")


class FetchError(IngestError):
    """A URL could not be fetched (network, policy, HTTP status, size, type)."""


class TransientFetchError(FetchError):
    """Worth retrying later: timeouts, connection errors, 5xx, 429.

    ``retry_after`` (seconds) comes from the server's Retry-After header when it sent one; the
    task layer should wait at least that long (plus its own backoff and jitter).
    """

    retryable = True

    def __init__(
        self, reason: str, message: str | None = None, *, retry_after: float | None = None
    ) -> None:
        super().__init__(reason, message)
        self.retry_after = retry_after


class PermanentFetchError(FetchError):
    """Retrying will not help: 4xx, blocked address, bad scheme, too large, bad content type."""


class ParseError(IngestError):
    """Fetched bytes could not be turned into an article (e.g. ``no_content``)."""


class FeedError(ParseError):
    """Fetched bytes are not a usable RSS/Atom feed (e.g. ``not_a_feed``, ``xml_entities``)."""


# --- end of ingestion block ----------------------------------------------------------------------


# --- services: domain rules ----------------------------------------------------------------------


class ServiceError(Exception):
    """A domain rule refused the operation. APIs map it to a 4xx with one error shape."""

    status_code = 400
    code = "invalid"

    def __init__(self, detail: str | dict[str, str] | None = None) -> None:
        self.detail = detail or self.code
        super().__init__(str(self.detail))


class ServiceValidationError(ServiceError):
    """Bad input to a service; ``detail`` maps field names to messages."""


class NotFound(ServiceError):
    status_code = 404
    code = "not_found"


class Conflict(ServiceError):
    status_code = 409
    code = "conflict"


# --- end of services block -----------------------------------------------------------------------
