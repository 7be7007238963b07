"""Editorial mutations: submit an article; edit, publish, reject and merge events.

Each resolver authenticates (IsAuthenticated/HasPerm extensions, never failing silently),
translates its input, and calls the same service REST and the admin call. Domain refusals
(`timeline.exceptions.ServiceError`) come back as a typed `OperationError` member of the
payload union, with per-field messages; no ORM write happens here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from strawberry import Info, relay

from timeline.exceptions import NotFound, ServiceError, ServiceValidationError
from timeline.graphql.enums import DatePrecisionEnum, EventTypeEnum, OccurrenceStatusEnum
from timeline.graphql.permissions import editor_extensions, request_user
from timeline.graphql.types import ArticleType, EventType
from timeline.models import Event
from timeline.selectors.events import event_base, event_get
from timeline.services.articles import article_submit
from timeline.services.events import event_update, events_merge, events_publish, events_reject

T = TypeVar("T")


@strawberry.type(name="FieldError")
class FieldError:
    field: str = strawberry.field(description="Input field name (camelCase) or nonFieldErrors.")
    message: str


@strawberry.type(name="OperationError", description="The mutation was refused; nothing changed.")
class OperationError:
    code: str = strawberry.field(description="invalid, not_found or conflict.")
    message: str
    field_errors: list[FieldError]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def operation_error(exc: ServiceError | ValidationError) -> OperationError:
    """The one mapping from service/validation exceptions to the GraphQL error payload."""
    if isinstance(exc, ValidationError):
        exc = ServiceValidationError(
            {k: " ".join(v) for k, v in exc.message_dict.items()}
            if hasattr(exc, "error_dict")
            else " ".join(exc.messages)
        )
    detail = exc.detail
    if isinstance(detail, dict):
        errors = [FieldError(field=_camel(k), message=str(v)) for k, v in detail.items()]
        message = "; ".join(f"{e.field}: {e.message}" for e in errors)
    else:
        errors, message = [], str(detail)
    return OperationError(code=exc.code, message=message, field_errors=errors)


def _refusing(call: Callable[[], T]) -> T | OperationError:
    try:
        return call()
    except (ServiceError, ValidationError) as exc:
        return operation_error(exc)


def refuse_nul(**fields: Any) -> None:
    """NUL characters fit no PostgreSQL text column: refuse them as a field error up front.

    (DRF's CharField does the same for REST; model validation does not check it.)
    """
    bad = {
        name: "Null characters are not allowed."
        for name, value in fields.items()
        if isinstance(value, str) and "\x00" in value
    }
    if bad:
        raise ServiceValidationError(bad)


def _event_pk(gid: relay.GlobalID, field: str) -> int:
    if gid.type_name != "Event" or not gid.node_id.isdigit():
        raise NotFound({field: f"{gid} is not an Event id."})
    return int(gid.node_id)


def _event_for_edit(info: Info, gid: relay.GlobalID, field: str = "id") -> Event:
    """The event, if this editor can see it (visibility is the selectors' rule)."""
    event = event_base(user=request_user(info)).filter(pk=_event_pk(gid, field)).first()
    if event is None:
        raise NotFound({field: "No such event."})
    return event


def _event_out(info: Info, pk: int) -> Any:
    """The event as the caller now sees it, with its evidence prefetched (or None)."""
    return event_get(pk=pk, user=request_user(info))


# --- submitArticle ----------------------------------------------------------------------------


@strawberry.input(
    name="SubmitArticleInput",
    description="Either url; or text + title + publishedAt (+ url); or html + url.",
)
class SubmitArticleInput:
    url: str | None = None
    text: str | None = None
    html: str | None = None
    title: str = ""
    published_at: datetime | None = strawberry.field(
        default=None, description="Required with text: relative dates are anchored on it."
    )
    author: str = ""

    def check(self) -> None:
        refuse_nul(
            url=self.url, text=self.text, html=self.html, title=self.title, author=self.author
        )


@strawberry.type(name="SubmitArticleSuccess")
class SubmitArticleSuccess:
    article: ArticleType
    created: bool = strawberry.field(description="False when the URL or text was known.")


SubmitArticlePayload = Annotated[
    SubmitArticleSuccess | OperationError, strawberry.union("SubmitArticlePayload")
]


@strawberry.type
class SubmitMutation:
    @strawberry_django.mutation(
        extensions=editor_extensions("timeline.add_article"),
        description="Queue an article for fetching and extraction.",
    )
    def submit_article(self, info: Info, input: SubmitArticleInput) -> SubmitArticlePayload:
        def call() -> SubmitArticleSuccess:
            input.check()
            article, created = article_submit(
                url=input.url,
                text=input.text,
                html=input.html,
                title=input.title,
                published_at=input.published_at,
                author=input.author,
                submitted_by=request_user(info),
            )
            return SubmitArticleSuccess(article=article, created=created)  # type: ignore[arg-type]

        return _refusing(call)


# --- event curation ---------------------------------------------------------------------------


@strawberry.input(name="UpdateEventInput", description="Only the fields given are changed.")
class UpdateEventInput:
    title: str | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    type: EventTypeEnum | None = strawberry.UNSET
    date_start: date | None = strawberry.UNSET
    date_end: date | None = strawberry.UNSET
    date_precision: DatePrecisionEnum | None = strawberry.UNSET
    status: OccurrenceStatusEnum | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in (
            "title",
            "summary",
            "type",
            "date_start",
            "date_end",
            "date_precision",
            "status",
        ):
            value = getattr(self, name)
            if value is strawberry.UNSET:
                continue
            out[name] = getattr(value, "value", value)
        refuse_nul(**out)
        return out


@strawberry.type(name="EventMutationSuccess")
class EventMutationSuccess:
    event: EventType | None = strawberry.field(
        description="The event after the change (null if you can no longer see it)."
    )
    changed: bool = strawberry.field(description="False when the event was already so.")


@strawberry.type(name="MergeEventsSuccess")
class MergeEventsSuccess:
    event: EventType = strawberry.field(description="The surviving event.")
    merged: list[relay.GlobalID] = strawberry.field(description="Ids folded into it.")


EventMutationPayload = Annotated[
    EventMutationSuccess | OperationError, strawberry.union("EventMutationPayload")
]
MergeEventsPayload = Annotated[
    MergeEventsSuccess | OperationError, strawberry.union("MergeEventsPayload")
]

_EDIT = "timeline.change_event"
MAX_MERGE = 50


def _reviewed(info: Info, before: Event) -> EventMutationSuccess:
    """The event after a publish/reject; `changed` compares review states (merged stay put)."""
    event = _event_out(info, before.pk)
    state = event.review_state if event is not None else None
    return EventMutationSuccess(event=event, changed=state != before.review_state)


@strawberry.type
class EventMutation:
    @strawberry_django.mutation(
        extensions=editor_extensions(_EDIT),
        description="Edit an event; edited fields survive re-extraction.",
    )
    def update_event(
        self, info: Info, id: relay.GlobalID, input: UpdateEventInput
    ) -> EventMutationPayload:
        def call() -> EventMutationSuccess:
            event = _event_for_edit(info, id)
            before = event.change_seq
            event = event_update(event=event, **input.changes())
            return EventMutationSuccess(
                event=_event_out(info, event.pk), changed=event.change_seq != before
            )

        return _refusing(call)

    @strawberry_django.mutation(
        extensions=editor_extensions(_EDIT), description="Publish an event: the public sees it."
    )
    def publish_event(self, info: Info, id: relay.GlobalID) -> EventMutationPayload:
        def call() -> EventMutationSuccess:
            event = _event_for_edit(info, id)
            events_publish(event_ids=[event.pk])
            return _reviewed(info, event)

        return _refusing(call)

    @strawberry_django.mutation(
        extensions=editor_extensions(_EDIT),
        description="Reject an event: hidden from the public, kept.",
    )
    def reject_event(self, info: Info, id: relay.GlobalID) -> EventMutationPayload:
        def call() -> EventMutationSuccess:
            event = _event_for_edit(info, id)
            events_reject(event_ids=[event.pk])
            return _reviewed(info, event)

        return _refusing(call)

    @strawberry_django.mutation(
        extensions=editor_extensions(_EDIT),
        description="Fold duplicate events into one (sources, actors, statements move to it).",
    )
    def merge_events(
        self, info: Info, into: relay.GlobalID, others: list[relay.GlobalID]
    ) -> MergeEventsPayload:
        def call() -> MergeEventsSuccess:
            if len(others) > MAX_MERGE:
                raise ServiceValidationError({"others": f"At most {MAX_MERGE} events at once."})
            survivor = _event_for_edit(info, into, "into")
            duplicates = [_event_for_edit(info, gid, "others") for gid in others]
            survivor = events_merge(into=survivor, others=duplicates)
            merged = [relay.GlobalID("Event", str(e.pk)) for e in duplicates if e.pk != survivor.pk]
            return MergeEventsSuccess(event=_event_out(info, survivor.pk), merged=merged)

        return _refusing(call)
