"""Custom migration operations."""

from __future__ import annotations

from typing import Any

from django.db.migrations.operations import AddIndex


class PostgresOnlyAddIndex(AddIndex):
    """AddIndex that only touches PostgreSQL (GIN full-text indexes); state changes everywhere.

    SQLite keeps the embedded default working; its full-text fallback needs no index.
    """

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
