"""Generated test articles: distinct texts with dated events and attributed statements.

Written for these tests (not taken from any corpus); deterministic for a given index.
"""

from __future__ import annotations

import datetime as dt

COUNTRIES = [
    "Norway",
    "Chile",
    "Kenya",
    "Vietnam",
    "Portugal",
    "Canada",
    "Ghana",
    "Peru",
    "Finland",
    "Morocco",
    "Austria",
    "Uruguay",
    "Nepal",
    "Jordan",
    "Iceland",
    "Qatar",
]
FIRST = [
    "Anna",
    "Marek",
    "Lucia",
    "Tomas",
    "Ingrid",
    "Rafael",
    "Amara",
    "Kenji",
    "Olga",
    "Pedro",
    "Sofia",
    "Emeka",
    "Hana",
    "Luis",
    "Nadia",
    "Piet",
]
LAST = [
    "Berg",
    "Okafor",
    "Castillo",
    "Nguyen",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Silva",
    "Kowalski",
    "Tanaka",
    "Mensah",
    "Duarte",
    "Novak",
    "Ferreira",
    "Achebe",
    "Larsen",
]
MONTHS = [
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
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated_article(i: int) -> dict[str, object]:
    """Article number i: two countries sign a deal, a minister is quoted, a meeting is set."""
    a, b = COUNTRIES[i % 16], COUNTRIES[(i * 7 + 3) % 16]
    if a == b:
        b = COUNTRIES[(i + 1) % 16]
    name = f"{FIRST[i % 16]} {LAST[(i // 16) % 16]}"
    month = MONTHS[i % 10]
    said = WEEKDAYS[i % 5]
    published = dt.datetime(2024, 11, 8, 12, 0, tzinfo=dt.UTC)
    text = (
        f"{a} and {b} signed a fisheries agreement in {month}, officials said, "
        f"covering {1000 + i} fishing licences.\n\n"
        f"\u201cThis deal protects our coastal towns,\u201d {a}n trade minister {name} said "
        f"{said}, adding that talks on a second accord would start soon.\n\n"
        f"{name} will meet {b}'s foreign minister next week to discuss the plan, "
        f"according to a statement from the ministry (reference {i})."
    )
    return {
        "url": f"https://e2e.timeline.invalid/{i}",
        "title": f"Fisheries deal {i}",
        "text": text,
        "published_at": published,
    }
