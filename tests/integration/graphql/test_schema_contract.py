"""The committed SDL (schema.graphql) is the contract with the frontends: it must be current.

Re-export after a deliberate schema change:
    python manage.py export_schema timeline.graphql.schema:schema --path schema.graphql
"""

from __future__ import annotations

import difflib
from pathlib import Path

from strawberry.printer import print_schema

from timeline.graphql.schema import schema

SDL = Path(__file__).resolve().parents[3] / "schema.graphql"


def test_committed_sdl_matches_the_live_schema():
    live = print_schema(schema)
    committed = SDL.read_text(encoding="utf-8")
    diff = "\n".join(
        difflib.unified_diff(
            committed.splitlines(), live.splitlines(), "schema.graphql", "live", lineterm=""
        )
    )
    assert live == committed, (
        "The GraphQL schema changed without re-exporting schema.graphql. If intended, run "
        "`python manage.py export_schema timeline.graphql.schema:schema --path schema.graphql`"
        f" and commit it.\n{diff}"
    )
