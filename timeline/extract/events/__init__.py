"""Events stage: typed, dated events with participants, figures and titles (issue 4).

``extract_events(doc, statements)`` returns the events of one document;
``link_statements(doc, events, statements)`` returns the statements with
``event_index``/``stance`` set for those that report an event. See
``docs/extraction.md`` (Events) and ``docs/taxonomy.md``.
"""

from __future__ import annotations

from timeline.extract.events.extract import extract_events
from timeline.extract.events.links import link_statements, stance

__all__ = ["extract_events", "link_statements", "stance"]
