"""Abusive documents are refused before execution, with errors that say which limit was hit."""

from __future__ import annotations

import pytest
from django.db import connection
from graphql import get_introspection_query

from timeline.graphql.schema import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS

pytestmark = pytest.mark.django_db


def nested(levels: int) -> str:
    """`entity { locatedIn { locatedIn { ... slug } } }`: `levels` selections deep."""
    inner = "slug"
    for _ in range(levels - 2):
        inner = f"locatedIn {{ {inner} }}"
    return f'{{ entity(slug: "north-korea") {{ {inner} }} }}'


def aliases(count: int, selection: str = "__typename") -> str:
    return "{ " + " ".join(f"a{i}: {selection}" for i in range(count)) + " }"


def refused(body: dict) -> str:
    assert body["data"] is None
    assert len(body["errors"]) == 1
    return body["errors"][0]["message"]


def test_a_20_deep_query_is_rejected(graphql, world):
    message = refused(graphql(nested(20)))
    assert message == f"'anonymous' exceeds maximum operation depth of {MAX_DEPTH}"


def test_a_query_at_the_depth_limit_runs(graphql, world):
    body = graphql(nested(MAX_DEPTH + 1))  # the root field is depth 0
    assert "errors" not in body


def test_a_500_alias_query_is_rejected(graphql, world):
    message = refused(graphql(aliases(500)))
    assert message == f"500 aliases found. Allowed: {MAX_ALIASES}"


def test_30_aliases_are_allowed(graphql, world):
    body = graphql(aliases(MAX_ALIASES, 'entity(slug: "north-korea") { slug }'))
    assert "errors" not in body
    assert body["data"]["a29"] == {"slug": "north-korea"}


def test_a_500_alias_query_of_real_fields_hits_the_token_limit_first(graphql, world):
    message = refused(graphql(aliases(500, 'entity(slug: "north-korea") { slug }')))
    assert f"more than {MAX_TOKENS} tokens" in message


def test_graphiql_introspection_fits_within_every_limit(graphql):
    query = get_introspection_query(descriptions=True, input_value_deprecation=True)
    body = graphql(query)
    assert "errors" not in body
    assert any(t["name"] == "TimelineItem" for t in body["data"]["__schema"]["types"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL setting")
def test_postgres_kills_long_statements():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        (value,) = cursor.fetchone()
    assert value not in ("0", "")
