"""Entity recognition: gazetteer (countries, organisations, places), persons, coreference.

``recognize(text)`` returns an ``EntityIndex`` with every mention (canonical
name and kind), the canonical entities with their aliases, and what the text
says about each person (titles, pronoun gender) for speaker resolution.
"""

from __future__ import annotations

from timeline.extract.entities.recognizer import EntityIndex, PersonRecord, recognize

__all__ = ["EntityIndex", "PersonRecord", "recognize"]
