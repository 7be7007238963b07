"""Date labels that say no more than the data knows ("June 2024", "week of 21 Oct 2024").

The page renders its labels in JavaScript (static/web/dates.js, the same rules); the TimelineJS
export uses these.
"""

from __future__ import annotations

from datetime import date

from timeline.enums import DatePrecision

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEASONS = {12: "Winter", 1: "Winter", 2: "Winter", 3: "Spring", 4: "Spring", 5: "Spring"}
SEASONS.update({6: "Summer", 7: "Summer", 8: "Summer", 9: "Autumn", 10: "Autumn", 11: "Autumn"})


def day_label(day: date) -> str:
    """ "30 Oct 2024"."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_label(
    *, precision: str, start: date | None, end: date | None, sort_date: date | None = None
) -> str:
    """A human label at the item's own precision; undated items say so."""
    if start is None or precision == DatePrecision.UNKNOWN:
        reported = f" (reported {day_label(sort_date)})" if sort_date else ""
        return f"Date unknown{reported}"
    if precision == DatePrecision.DAY:
        return day_label(start)
    if precision == DatePrecision.WEEK:
        return f"week of {day_label(start)}"
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[start.month - 1]} {start.year}"
    if precision == DatePrecision.SEASON:
        season = SEASONS[start.month]
        if season == "Winter" and end is not None and end.year != start.year:
            return f"Winter {start.year}–{str(end.year)[-2:]}"
        return f"{season} {start.year}"
    if precision == DatePrecision.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision == DatePrecision.YEAR:
        return str(start.year)
    if precision == DatePrecision.DECADE:
        return f"{start.year - start.year % 10}s"
    if precision == DatePrecision.CENTURY:
        return f"{_ordinal(start.year // 100 + 1)} century"
    return day_label(start)
