"""Temporal engine: find TIMEX3 time expressions in news text and anchor them to the DCT.

Public API::

    tag(text, dct) -> list[Timex]           # sorted by start, non-overlapping
    interval_for_value(value) -> (first_day, last_day, precision) | None

Pure Python (stdlib only), no Django.  See ``docs/temporal.md`` for the rule
families, the value conventions and the known limitations.
"""

from __future__ import annotations

from .dates import interval_for_value
from .model import Timex
from .tagger import tag

__all__ = ["Timex", "interval_for_value", "tag"]
