"""Timeline items as light row objects: the GraphQL timeline from the REST dict rows.

Why: a timeline page selects ~60 fields per item. Resolving them on Django model instances
cost most of a request's CPU: instances, prefetch plumbing, the optimizer's plan, then
strawberry-django's per-field `get_result`. `selectors.rows` already loads exactly the
page's columns as dicts in a fixed number of queries (the REST hot path). Here those dicts
become `__slots__` objects whose attributes are the GraphQL fields' Python names, so every
field is one attribute read (see execution.py, which reads them without a resolver call).

Only when the rows can answer the whole selection: `rows_cover(info)` walks the query's
selection under `timeline` and accepts only fields the row classes define (an attribute per
field; no arguments, no directives). Anything else (an entity's aliases, an article's author,
`entity.events(...)`) takes the model path, unchanged. Visibility is the rows' own: published
statements about events, and a statement's event blanked when the reader may not see it.
"""

from __future__ import annotations

from dataclasses import make_dataclass
from typing import Any, ClassVar

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
    is_abstract_type,
    is_leaf_type,
)
from strawberry import Info, relay
from strawberry.relay.utils import to_base64

from timeline.graphql.types import (
    ActorType,
    ArticleType,
    EntityType,
    EventSourceType,
    EventType,
    MentionType,
    OutletType,
    StatementSourceType,
    StatementType,
)


class Row:
    """A row object: resolved by attribute reads (execution.RowExecutionContext)."""

    __slots__ = ()
    graphql_type: ClassVar[str]
    # Object-valued attributes → their row class (several for an interface-typed field).
    children: ClassVar[dict[str, tuple[type[Row], ...]]] = {}


class NodeRow(Row):
    """A relay Node: `id` is the global id of (graphql_type, pk) (`pk` is a field of each)."""

    __slots__ = ()
    pk: Any

    @property
    def id(self) -> str:
        return to_base64(self.graphql_type, self.pk)


def _row(name: str, base: type[Row], graphql_type: str, strawberry_type: Any, fields: str) -> Any:
    """A slotted row class with a generated keyword `__init__` (a dataclass: cheaper to build
    than setting attributes one by one); `__as_strawberry_type__` makes strawberry resolve it
    as its GraphQL type."""
    names = (["pk"] if issubclass(base, NodeRow) else []) + fields.split()
    return make_dataclass(
        name,
        [(field, Any) for field in names],
        bases=(base,),
        namespace={"graphql_type": graphql_type, "__as_strawberry_type__": strawberry_type},
        slots=True,
        eq=False,
        repr=False,
    )


DATED = (
    "sort_date date_start date_end date_precision date_value date_text review_state confidence"
    " source_count change_seq created_at updated_at"
)
OutletRow = _row("OutletRow", NodeRow, "Outlet", OutletType, "name domain")
ArticleRow = _row("ArticleRow", NodeRow, "Article", ArticleType, "url title published_at outlet")
EntityRow = _row("EntityRow", NodeRow, "Entity", EntityType, "name slug kind")
ActorRow = _row("ActorRow", Row, "Actor", ActorType, "role entity")
MentionRow = _row("MentionRow", Row, "Mention", MentionType, "role entity")
SOURCE = "start end sentence sentence_start article"
EventSourceRow = _row("EventSourceRow", Row, "EventSource", EventSourceType, SOURCE)
StatementSourceRow = _row(
    "StatementSourceRow",
    Row,
    "StatementSource",
    StatementSourceType,
    f"{SOURCE} speaker_start speaker_end",
)
# A statement about an event, as nested under Event.statements (the columns rows load).
AboutRow = _row(
    "AboutRow",
    NodeRow,
    "Statement",
    StatementType,
    "speaker speaker_text speaker_title quote stance source_count",
)
EventRefRow = _row("EventRefRow", NodeRow, "Event", EventType, "title")  # Statement.event
EventRow = _row(
    "EventRow",
    NodeRow,
    "Event",
    EventType,
    f"{DATED} title summary type status figures actors sources statements",
)
StatementRow = _row(
    "StatementRow",
    NodeRow,
    "Statement",
    StatementType,
    f"{DATED} quote kind cue venue speaker speaker_text speaker_title stance event mentions"
    " sources",
)
ArticleRow.children = {"outlet": (OutletRow,)}
ActorRow.children = MentionRow.children = {"entity": (EntityRow,)}
EventSourceRow.children = StatementSourceRow.children = {"article": (ArticleRow,)}
AboutRow.children = {"speaker": (EntityRow,)}
EventRow.children = {
    "actors": (ActorRow,),
    "sources": (EventSourceRow,),
    "statements": (AboutRow,),
}
StatementRow.children = {
    "speaker": (EntityRow,),
    "event": (EventRefRow,),
    "mentions": (MentionRow,),
    "sources": (StatementSourceRow,),
}
# The connection itself, so that the whole `timeline` result is read as rows.
PageInfoRow = _row(
    "PageInfoRow",
    Row,
    "PageInfo",
    relay.PageInfo,
    "has_next_page has_previous_page start_cursor end_cursor",
)
EdgeRow = _row("EdgeRow", Row, "TimelineEdge", None, "cursor node")
ConnectionRow = _row("ConnectionRow", Row, "TimelineConnection", None, "edges page_info")
EdgeRow.children = {"node": (EventRow, StatementRow)}
ConnectionRow.children = {"edges": (EdgeRow,), "page_info": (PageInfoRow,)}


# --- building rows from selectors.rows dicts ---------------------------------------------------


def _entity(row: dict[str, Any], prefix: str) -> Any:
    if row[f"{prefix}__slug"] is None:
        return None
    return EntityRow(
        pk=row[f"{prefix}_id"],
        name=row[f"{prefix}__name"],
        slug=row[f"{prefix}__slug"],
        kind=row[f"{prefix}__kind"],
    )


def _article(row: dict[str, Any]) -> Any:
    outlet_id = row["article__outlet_id"]
    outlet = (
        None
        if outlet_id is None
        else OutletRow(
            pk=outlet_id,
            name=row["article__outlet__name"],
            domain=row["article__outlet__domain"],
        )
    )
    return ArticleRow(
        pk=row["article_id"],
        url=row["article__url"],
        title=row["article__title"],
        published_at=row["article__published_at"],
        outlet=outlet,
    )


def _dated(row: dict[str, Any]) -> dict[str, Any]:
    return {name: row[name] for name in DATED.split()}


def event_row(row: dict[str, Any]) -> Any:
    return EventRow(
        pk=row["id"],
        title=row["title"],
        summary=row["summary"],
        type=row["type"],
        status=row["status"],
        figures=row["figures"],
        actors=[
            ActorRow(role=link["role"], entity=_entity(link, "entity")) for link in row["entities"]
        ],
        sources=[
            EventSourceRow(
                start=s["start"],
                end=s["end"],
                sentence=s["sentence"],
                sentence_start=s["sentence_start"],
                article=_article(s),
            )
            for s in row["sources"]
        ],
        statements=[
            AboutRow(
                pk=s["id"],
                speaker=_entity(s, "speaker"),
                speaker_text=s["speaker_text"],
                speaker_title=s["speaker_title"],
                quote=s["quote"],
                stance=s["stance"],
                source_count=s["source_count"],
            )
            for s in row["statements"]
        ],
        **_dated(row),
    )


def statement_row(row: dict[str, Any]) -> Any:
    event_id = row["event_id"]
    return StatementRow(
        pk=row["id"],
        quote=row["quote"],
        kind=row["kind"],
        cue=row["cue"],
        venue=row["venue"],
        speaker=_entity(row, "speaker"),
        speaker_text=row["speaker_text"],
        speaker_title=row["speaker_title"],
        stance=row["stance"],
        event=None if event_id is None else EventRefRow(pk=event_id, title=row["event__title"]),
        mentions=[
            MentionRow(role=link["role"], entity=_entity(link, "entity"))
            for link in row["entities"]
        ],
        sources=[
            StatementSourceRow(
                start=s["quote_start"],
                end=s["quote_end"],
                sentence=s["sentence"],
                sentence_start=s["sentence_start"],
                speaker_start=s["speaker_start"],
                speaker_end=s["speaker_end"],
                article=_article(s),
            )
            for s in row["sources"]
        ],
        **_dated(row),
    )


def item_row(kind: str, row: dict[str, Any]) -> Any:
    return event_row(row) if kind == "event" else statement_row(row)


def connection_row(edges: list[tuple[str, Any]], *, has_next: bool, has_previous: bool) -> Any:
    """The timeline connection from (cursor, item row) pairs."""
    return ConnectionRow(
        edges=[EdgeRow(cursor=cursor, node=node) for cursor, node in edges],
        page_info=PageInfoRow(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=edges[0][0] if edges else None,
            end_cursor=edges[-1][0] if edges else None,
        ),
    )


# --- may the rows answer this query? ------------------------------------------------------------


def rows_cover(info: Info) -> bool:
    """True when every field selected under this `timeline` field can be read off the rows."""
    raw = info._raw_info
    checker = _Coverage(raw.schema, raw.fragments)
    return all(checker.row(ConnectionRow, node.selection_set) for node in raw.field_nodes)


class _Coverage:
    def __init__(self, schema: GraphQLSchema, fragments: dict[str, Any]) -> None:
        self.schema = schema
        self.fragments = fragments

    def fields(
        self, selection_set: SelectionSetNode | None, type_name: str | None
    ) -> list[tuple[str | None, FieldNode]] | None:
        """(type condition, field node) pairs, through fragments; None when unsupported."""
        out: list[tuple[str | None, FieldNode]] = []
        for selection in selection_set.selections if selection_set else ():
            if selection.directives:
                return None  # @include/@skip/@defer: leave them to the standard path
            if isinstance(selection, FieldNode):
                out.append((type_name, selection))
                continue
            if isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is None or fragment.directives:
                    return None
                condition, inner = fragment.type_condition.name.value, fragment.selection_set
            elif isinstance(selection, InlineFragmentNode):
                condition = (
                    selection.type_condition.name.value if selection.type_condition else type_name
                )
                inner = selection.selection_set
            else:
                return None
            nested = self.fields(inner, condition)
            if nested is None:
                return None
            out.extend(nested)
        return out

    def applies(self, condition: str | None, gql_type: GraphQLObjectType) -> bool:
        """Whether a fragment on `condition` applies to objects of `gql_type`."""
        if condition is None or condition == gql_type.name:
            return True
        abstract = self.schema.get_type(condition)
        return is_abstract_type(abstract) and self.schema.is_sub_type(abstract, gql_type)

    def row(self, cls: type[Row], selection_set: SelectionSetNode | None) -> bool:
        """Whether row class `cls` answers the selection (fragments for other types ignored)."""
        fields = self.fields(selection_set, cls.graphql_type)
        gql_type = self.schema.get_type(cls.graphql_type)
        if fields is None or not isinstance(gql_type, GraphQLObjectType):
            return False
        for condition, node in fields:
            if not self.applies(condition, gql_type):
                continue  # a fragment on another type: never applies to this row
            name = node.name.value
            if name == "__typename":
                continue
            field = gql_type.fields.get(name)
            if field is None or node.arguments:
                return False
            attr = python_name(field)
            if not hasattr(cls, attr):
                return False
            children = cls.children.get(attr)
            if children is not None:
                if not all(self.row(child, node.selection_set) for child in children):
                    return False
            elif not is_leaf_type(get_named_type(field.type)):
                return False
        return True


def python_name(field: Any) -> str:
    """The attribute a row stores a GraphQL field under (relay ids under `id`)."""
    definition = (field.extensions or {}).get("strawberry-definition")
    name = getattr(definition, "python_name", None)
    return "id" if name is None or name == "_id" else str(name)
