"""Build ``timeline/extract/data/gazetteer.json`` from pycountry plus the hand-kept tables.

Run ``python -m timeline.extract.entities.build_gazetteer`` after editing
``tables.py`` or upgrading pycountry. The engine only reads the JSON, so
extraction never depends on pycountry's data at run time and the shipped
gazetteer is reviewable in diffs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline.extract.entities import tables
from timeline.extract.entities.slug import slugify

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"


def _plural(demonym: str) -> str | None:
    """English plural of a demonym noun ("Russians"), None for "-ese"/"-ish"/"-ch"/"Swiss"."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "ese")) or demonym in {"Thai", "Iraqi"}:
        return demonym + "s" if demonym in {"Thai", "Iraqi"} else None
    return demonym + "s"


def build() -> dict[str, Any]:
    """The gazetteer as a JSON-ready dict: entities and a surface-form index."""
    import pycountry  # only needed to build

    entities: list[dict[str, Any]] = []
    # surface form -> [entity index, role]; roles: name, alias, demonym, capital
    surface: dict[str, list[Any]] = {}
    index: dict[str, int] = {}

    def add_entity(name: str, kind: str) -> int:
        if name in index:
            return index[name]
        index[name] = len(entities)
        entities.append({"name": name, "slug": slugify(name), "kind": kind, "aliases": []})
        return index[name]

    def add_surface(form: str, idx: int, role: str) -> None:
        form = form.replace("’", "'")
        if form.startswith("the "):
            form = form[4:]
        if not form or form in surface:
            return
        surface[form] = [idx, role]
        if form != entities[idx]["name"] and form not in entities[idx]["aliases"]:
            entities[idx]["aliases"].append(form)

    for c in pycountry.countries:
        name = tables.COUNTRY_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        idx = add_entity(name, "country")
        add_surface(name, idx, "name")
    for c in pycountry.countries:
        name = tables.COUNTRY_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        idx = index[name]
        for form in (c.name, getattr(c, "official_name", None)):
            if form and "," not in form and "(" not in form:
                add_surface(form, idx, "alias")
    for name, aliases in tables.COUNTRY_ALIASES.items():
        for form in aliases:
            add_surface(form, index[name], "alias")
    for name, demonyms in tables.DEMONYMS.items():
        for form in demonyms:
            add_surface(form, index[name], "demonym")
            plural = _plural(form)
            if plural:
                add_surface(plural, index[name], "demonym")
    for org, kind, aliases in tables.ORGANIZATIONS:
        idx = add_entity(org, kind)
        add_surface(org, idx, "name")
        for form in aliases:
            add_surface(form, idx, "alias")
    for place, kind, aliases in tables.PLACES:
        idx = add_entity(place, kind)
        add_surface(place, idx, "name")
        for form in aliases:
            add_surface(form, idx, "alias")
    capitals: dict[str, int] = {}
    for name, cities in tables.CAPITALS.items():
        for city in cities:
            capitals[city] = add_entity(city, "city")
            add_surface(city, index[name], "capital")
    return {
        "entities": entities,
        "surface": dict(sorted(surface.items())),
        "capitals": capitals,
        "national_bodies": tables.NATIONAL_BODIES,
        "us_bodies": tables.US_BODIES,
    }


def main() -> None:
    """Write the gazetteer JSON next to the other engine data."""
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['entities'])} entities, {len(data['surface'])} surface forms)")


if __name__ == "__main__":
    main()
