"""iCalendar (RFC 5545) of dated and scheduled events, written by hand (no dependency).

Each event is an all-day VEVENT spanning its date interval (DTEND is exclusive, so the day
after `date_end`). Only precise enough intervals make sense on a calendar: by default day,
week and month precision (`precision=` overrides). UIDs are stable per event, so calendar
clients update entries in place when an event is edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from django.http import HttpResponse

from timeline.enums import DatePrecision, OccurrenceStatus
from timeline.feeds.common import FeedContext, item_sources, item_text, item_url
from timeline.models import Event
from timeline.selectors.filters import TimelineFilter

CALENDAR_PRECISIONS = (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH)
PRODID = "-//Timeline//Timeline API 1.0//EN"
UID_DOMAIN = "timeline"
MAX_OCTETS = 75  # RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF


def calendar_filter(filters: TimelineFilter) -> TimelineFilter:
    """Events only; calendar-sized precisions unless the caller chose some."""
    return replace(
        filters,
        kind="event",
        precisions=filters.precisions or tuple(p.value for p in CALENDAR_PRECISIONS),
    )


def escape_text(value: str) -> str:
    """TEXT value escaping (§3.3.11): backslash, semicolon, comma, newline."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into ≤75-octet pieces joined by CRLF + space (§3.1).

    Never splits a UTF-8 sequence: a multi-octet character moves to the next piece whole.
    """
    pieces: list[str] = []
    current, size, limit = [], 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # continuation lines start with " "
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def vevent(event: Event, ctx: FeedContext) -> list[str]:
    assert event.date_start is not None
    end = (event.date_end or event.date_start) + timedelta(days=1)
    sources = item_sources(event)
    description = item_text("event", event)
    if sources:
        description += "\n" + "\n".join(f"{s['outlet'] or s['title']}: {s['url']}" for s in sources)
    status = "CONFIRMED" if event.status == OccurrenceStatus.HAPPENED else "TENTATIVE"
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{UID_DOMAIN}",
        f"DTSTAMP:{_stamp(event.updated_at)}",
        f"CREATED:{_stamp(event.created_at)}",
        f"LAST-MODIFIED:{_stamp(event.updated_at)}",
        f"DTSTART;VALUE=DATE:{_day(event.date_start)}",
        f"DTEND;VALUE=DATE:{_day(end)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL;VALUE=URI:{item_url('event', event, ctx.links)}",
        f"CATEGORIES:{escape_text(event.type)}",
        f"STATUS:{status}",
        "TRANSP:TRANSPARENT",  # news, not the subscriber's own appointments
        "END:VEVENT",
    ]
    return lines


def calendar_lines(ctx: FeedContext) -> Iterable[str]:
    yield from (
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Timeline",
    )
    for entry in ctx.items:
        item = entry.item
        if isinstance(item, Event) and item.date_start is not None:
            yield from vevent(item, ctx)
    yield "END:VCALENDAR"


def render_ical(ctx: FeedContext) -> HttpResponse:
    body = "".join(fold(line) + "\r\n" for line in calendar_lines(ctx))
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="timeline.ics"'
    return response
