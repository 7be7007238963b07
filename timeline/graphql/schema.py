"""The GraphQL schema: each area's Query/Mutation merged, plus the always-on extensions.

Safety limits are enforced before execution (validation rules), so an abusive document costs
one parse: depth, aliases and tokens are bounded; page sizes are capped at 200 (relay
connections via `relay_max_results`, the timeline in its resolver); PostgreSQL kills any
statement running longer than DATABASE_STATEMENT_TIMEOUT_MS (config/settings.py).
"""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry_django.optimizer import DjangoOptimizerExtension

from timeline.graphql.errors import ErrorCodes
from timeline.graphql.mutations import EventMutation, SubmitMutation
from timeline.graphql.queries import EntityQuery, EventQuery, StatementQuery, TimelineQuery
from timeline.graphql.scalars import SCALARS
from timeline.graphql.types import EventSourceType, EventType, StatementSourceType, StatementType
from timeline.selectors.timeline import MAX_PAGE

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 2000

Query = merge_types("Query", (TimelineQuery, EventQuery, StatementQuery, EntityQuery))
Mutation = merge_types("Mutation", (SubmitMutation, EventMutation))

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    # Interface implementations are not reachable from a field's declared type: list them.
    types=[EventType, StatementType, EventSourceType, StatementSourceType],
    config=StrawberryConfig(relay_max_results=MAX_PAGE, scalar_map=SCALARS),
    extensions=[
        DjangoOptimizerExtension,
        ErrorCodes,
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ],
)
