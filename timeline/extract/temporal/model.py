"""The ``Timex`` value object returned by the temporal tagger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# TIMEX3 types.
DATE = "DATE"
TIME = "TIME"
DURATION = "DURATION"
SET = "SET"


@dataclass(frozen=True, slots=True)
class Timex:
    """One TIMEX3 time expression found in a text.

    ``start``/``end`` are Python ``str`` offsets into the exact input (end exclusive)
    and ``text == input[start:end]``.  ``value`` follows TIMEX3 (``2024-10-29``,
    ``2024-W43``, ``P3D``, ``PRESENT_REF`` ...).  For anchored DATE/TIME values
    ``date_start``/``date_end`` give the inclusive calendar interval the value denotes
    and ``precision`` its granularity; they are ``None`` for durations, sets, the
    ``*_REF`` values and partially specified values.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: date | None
    date_end: date | None
    precision: str | None
    mod: str | None = None
