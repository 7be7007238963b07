"""Attributed statements: direct quotes, reported speech and mixed forms, with speaker and date.

``extract_statements(doc, index)`` takes a segmented ``Document`` (with its time
expressions) and the ``EntityIndex`` of the entity stage.
"""

from __future__ import annotations

from timeline.extract.statements.extract import extract_statements

__all__ = ["extract_statements"]
