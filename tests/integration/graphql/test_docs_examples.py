"""Every GraphQL example in the docs, the README and GraphiQL is valid against the live schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import parse, validate

from timeline.graphql.schema import schema

REPO = Path(__file__).resolve().parents[3]
DOCS = [
    REPO / "docs" / "graphql.md",
    REPO / "README.md",
    REPO / "timeline" / "templates" / "graphql" / "graphiql.html",
]
FENCE = re.compile(r"```graphql\n(.*?)```", re.S)
TEMPLATE = re.compile(r"const EXAMPLE_QUERY = `(.*?)`;", re.S)


def examples() -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        blocks = FENCE.findall(text) + TEMPLATE.findall(text)
        found += [(f"{path.name}#{i}", block) for i, block in enumerate(blocks)]
    return found


@pytest.mark.parametrize(("where", "document"), examples(), ids=lambda v: v if "#" in v else "")
def test_documented_query_is_valid(where, document):
    errors = validate(schema._schema, parse(document))
    assert errors == [], f"{where}: {errors}"


def test_there_are_examples():
    assert len(examples()) >= 6
