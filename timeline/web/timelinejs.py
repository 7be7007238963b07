"""The filtered timeline as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Precision-aware: a month-precise event has no `day`, a year-precise one neither `month` nor
`day`; spans (week, season, quarter, decade, century) get an `end_date` and a `display_date`
that says what is known. Undated items sit on their reporting date and say so.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NotRequired, TypedDict

from django.utils.html import escape, format_html, format_html_join

from timeline.enums import (
    DatePrecision,
    EventRole,
    EventType,
    OccurrenceStatus,
    Stance,
    StatementKind,
)
from timeline.models import Event, Statement
from timeline.selectors.timeline import TimelineItem
from timeline.web.dates import date_label


class TjsDate(TypedDict):
    year: int
    month: NotRequired[int]
    day: NotRequired[int]


class TjsText(TypedDict):
    headline: str
    text: str


class TjsSlide(TypedDict):
    start_date: TjsDate
    end_date: NotRequired[TjsDate]
    display_date: str
    text: TjsText
    group: str
    unique_id: str


class TjsTimeline(TypedDict):
    title: dict[str, TjsText]
    events: list[TjsSlide]


# Which parts of a date each precision knows.
_PARTS: dict[str, tuple[str, ...]] = {
    DatePrecision.DAY: ("year", "month", "day"),
    DatePrecision.WEEK: ("year", "month", "day"),
    DatePrecision.MONTH: ("year", "month"),
    DatePrecision.SEASON: ("year", "month"),
    DatePrecision.QUARTER: ("year", "month"),
    DatePrecision.YEAR: ("year",),
    DatePrecision.DECADE: ("year",),
    DatePrecision.CENTURY: ("year",),
}
WHO_ROLES = (EventRole.ACTOR, EventRole.PARTICIPANT, EventRole.TARGET)
STANCE_VERBS: dict[str, str] = {
    Stance.ASSERTS: "confirms",
    Stance.DENIES: "denies",
    Stance.NEUTRAL: "says",
}


def tjs_date(day: date, precision: str) -> TjsDate:
    parts = _PARTS.get(precision, ("year", "month", "day"))
    result: TjsDate = {"year": day.year}
    if "month" in parts:
        result["month"] = day.month
    if "day" in parts:
        result["day"] = day.day
    return result


def _dates(item: Event | Statement) -> tuple[TjsDate, TjsDate | None, str]:
    label = date_label(
        precision=item.date_precision,
        start=item.date_start,
        end=item.date_end,
        sort_date=item.sort_date,
    )
    if item.date_start is None or item.date_precision == DatePrecision.UNKNOWN:
        return tjs_date(item.sort_date, DatePrecision.DAY), None, label
    start = tjs_date(item.date_start, item.date_precision)
    end = None
    if item.date_end is not None and item.date_precision != DatePrecision.MONTH:
        candidate = tjs_date(item.date_end, item.date_precision)
        if candidate != start:
            end = candidate
    return start, end, label


def _sources_count(count: int) -> str:
    return f"{count} source" if count == 1 else f"{count} sources"


def _sources_html(item: Event | Statement) -> str:
    seen: dict[str, tuple[str, str]] = {}
    for source in item.sources.all():
        article = source.article
        if article.url and article.url not in seen:
            outlet = article.outlet.name if article.outlet else ""
            seen[article.url] = (article.title or article.url, outlet)
    if not seen:
        return ""
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a>{}',
        ((url, title, f" ({outlet})" if outlet else "") for url, (title, outlet) in seen.items()),
    )
    return format_html("<p>Sources: {}</p>", links)


def _event_slide(event: Event) -> TjsSlide:
    start, end, label = _dates(event)
    status = OccurrenceStatus(event.status).label if event.status else ""
    links = event.event_entities.all()
    who = [link.entity.name for link in links if link.role in WHO_ROLES]
    where = [link.entity.name for link in links if link.role == EventRole.LOCATION]
    said = format_html_join(
        "",
        "<li>{} {}: “{}”</li>",
        (
            (s.speaker_text, STANCE_VERBS.get(s.stance, "says"), s.quote)
            for s in event.statements.all()
        ),
    )
    parts = [
        format_html("<p>{}</p>", event.summary) if event.summary else "",
        format_html("<p>{} · {} · {}</p>", status, label, _sources_count(event.source_count)),
        format_html("<p>Who: {}</p>", ", ".join(who)) if who else "",
        format_html("<p>Where: {}</p>", ", ".join(where)) if where else "",
        format_html("<ul>{}</ul>", said) if said else "",
        _sources_html(event),
    ]
    slide: TjsSlide = {
        "start_date": start,
        "display_date": f"{label} (upcoming)"
        if event.status == OccurrenceStatus.SCHEDULED
        else label,
        "text": {"headline": escape(event.title), "text": "".join(parts)},
        "group": EventType(event.type).label if event.type in EventType.values else event.type,
        "unique_id": f"event-{event.pk}",
    }
    if end is not None:
        slide["end_date"] = end
    return slide


def _statement_slide(statement: Statement) -> TjsSlide:
    start, end, label = _dates(statement)
    who = statement.speaker.name if statement.speaker else statement.speaker_text
    kind = StatementKind(statement.kind).label if statement.kind in StatementKind.values else ""
    parts = [
        format_html("<blockquote>{}</blockquote>", statement.quote),
        format_html("<p>{}</p>", statement.speaker_title) if statement.speaker_title else "",
        format_html("<p>{} · {}</p>", kind, label),
        format_html("<p>Venue: {}</p>", statement.venue) if statement.venue else "",
        _sources_html(statement),
    ]
    slide: TjsSlide = {
        "start_date": start,
        "display_date": label,
        "text": {"headline": escape(who), "text": "".join(parts)},
        "group": "Statements",
        "unique_id": f"statement-{statement.pk}",
    }
    if end is not None:
        slide["end_date"] = end
    return slide


def timelinejs_document(items: list[TimelineItem], *, title: str, subtitle: str) -> TjsTimeline:
    """The TimelineJS3 document for these items (in the given order)."""
    slides = [
        _event_slide(entry.item) if isinstance(entry.item, Event) else _statement_slide(entry.item)
        for entry in items
    ]
    return {
        "title": {"text": {"headline": escape(title), "text": format_html("<p>{}</p>", subtitle)}},
        "events": slides,
    }


def describe_filters(params: dict[str, Any]) -> str:
    """ "Filtered by entity=north-korea, type=meeting" or "All published items"."""
    shown = [f"{key}={','.join(values)}" for key, values in params.items() if any(values)]
    return "Filtered by " + "; ".join(shown) if shown else "All published items"
