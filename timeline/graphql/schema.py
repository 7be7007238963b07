"""The GraphQL schema: each area's Query/Mutation merged, plus the always-on extensions.

Safety limits are enforced before execution (validation rules), so an abusive document costs
one parse: depth, aliases and tokens are bounded; page sizes are capped at 200 (relay
connections via `relay_max_results`, the timeline in its resolver); PostgreSQL kills any
statement running longer than DATABASE_STATEMENT_TIMEOUT_MS (config/settings.py).
"""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry_django.optimizer import DjangoOptimizerExtension

from timeline.graphql.errors import ErrorCodes
from timeline.graphql.execution import RowExecutionContext
from timeline.graphql.mutations import EventMutation, SubmitMutation
from timeline.graphql.queries import EntityQuery, EventQuery, StatementQuery, TimelineQuery
from timeline.graphql.scalars import SCALARS
from timeline.graphql.types import EventSourceType, EventType, StatementSourceType, StatementType
from timeline.selectors.timeline import MAX_PAGE


class Optimizer(DjangoOptimizerExtension):
    """The strawberry-django optimizer, without its per-field `resolve` hook.

    Every QuerySet this schema returns comes from a strawberry-django field (connections,
    lists, relations, nodes), and those call the optimizer themselves from `get_queryset`; the
    timeline plans with it explicitly (timeline.py). The hook only catches QuerySets returned
    by plain strawberry resolvers, which this schema has none of, yet it wraps every one of
    the ~12,000 field resolutions of a 200-item timeline page (about a fifth of its CPU time).
    `tests/integration/graphql/test_query_count.py` guards the query counts this relies on.
    """

    resolve = SchemaExtension.resolve  # type: ignore[assignment]


MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 2000

# The limiters' validation rules, built once. Strawberry's limiter extensions build a new rule
# class per instance, i.e. per request, and a new class defeats the ValidationCache (its key
# includes the rules): every request would re-validate the whole document.
_LIMIT_RULES = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)


class Limits(AddValidationRules):
    """Depth and alias limits (see MAX_DEPTH, MAX_ALIASES), checked before execution."""

    def __init__(self) -> None:
        super().__init__(list(_LIMIT_RULES))


Query = merge_types("Query", (TimelineQuery, EventQuery, StatementQuery, EntityQuery))
Mutation = merge_types("Mutation", (SubmitMutation, EventMutation))

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    # Interface implementations are not reachable from a field's declared type: list them.
    types=[EventType, StatementType, EventSourceType, StatementSourceType],
    config=StrawberryConfig(relay_max_results=MAX_PAGE, scalar_map=SCALARS),
    # Row objects (the timeline's REST rows) are read without resolver calls: execution.py.
    execution_context_class=RowExecutionContext,
    extensions=[
        Optimizer,
        ErrorCodes,
        Limits,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        # Frontends send the same few documents over and over: parse and validate them once.
        # Bounded LRU caches (keyed by the document text), so arbitrary input cannot grow them.
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ],
)
