"""Entity timelines in date order: item dates copied onto the entity links, kept by triggers.

See `timeline.models.event.LinkedItemDates` for why. Order matters: add the columns, fill
them with one UPDATE per table, create the triggers (so the fill does not fire them), then
build the indexes. On a database with millions of links this takes minutes (the bench database:
about 2.7M links).

Triggers (PostgreSQL and SQLite, same behaviour):
- a link copies its item's sort_date, date_start, date_end and review_state whenever it is
  inserted or updated (whatever Django, COPY or raw SQL wrote into those columns);
- an item pushes those four columns to its links when one of them changes.
"""

# ruff: noqa: S608  (SQL built from the constant table and column names below, no input)
from __future__ import annotations

from typing import Any

from django.db import migrations, models

COLUMNS = ("sort_date", "date_start", "date_end", "review_state")
# (link table, its item column, item table)
LINKS = (
    ("timeline_evententity", "event_id", "timeline_event"),
    ("timeline_statemententity", "statement_id", "timeline_statement"),
)


def _postgres(link: str, fk: str, item: str) -> list[str]:
    into = ", ".join(f"NEW.{c}" for c in COLUMNS)
    picked = ", ".join(f"i.{c}" for c in COLUMNS)
    pushed = ", ".join(f"{c} = NEW.{c}" for c in COLUMNS)
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in COLUMNS)
    return [
        f"""UPDATE {link} AS l SET {", ".join(f"{c} = i.{c}" for c in COLUMNS)}
            FROM {item} AS i WHERE i.id = l.{fk}""",
        f"""CREATE OR REPLACE FUNCTION {link}_copy_item_dates() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                SELECT {picked} INTO {into} FROM {item} AS i WHERE i.id = NEW.{fk};
                RETURN NEW;
            END $$""",
        f"""CREATE TRIGGER {link}_copy_item_dates BEFORE INSERT OR UPDATE ON {link}
            FOR EACH ROW EXECUTE FUNCTION {link}_copy_item_dates()""",
        f"""CREATE OR REPLACE FUNCTION {item}_push_link_dates() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE {link} SET {pushed} WHERE {fk} = NEW.id;
                RETURN NULL;
            END $$""",
        f"""CREATE TRIGGER {item}_push_link_dates AFTER UPDATE OF {", ".join(COLUMNS)}
            ON {item} FOR EACH ROW WHEN ({changed})
            EXECUTE FUNCTION {item}_push_link_dates()""",
        f"ANALYZE {link}",
    ]


def _sqlite(link: str, fk: str, item: str) -> list[str]:
    # SQLite cannot change NEW in a BEFORE trigger: rewrite the row after it was written.
    copied = ", ".join(
        f"{c} = (SELECT i.{c} FROM {item} AS i WHERE i.id = NEW.{fk})" for c in COLUMNS
    )
    stale = " OR ".join(
        f"NEW.{c} IS NOT (SELECT i.{c} FROM {item} AS i WHERE i.id = NEW.{fk})" for c in COLUMNS
    )
    pushed = ", ".join(f"{c} = NEW.{c}" for c in COLUMNS)
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COLUMNS)
    fill = ", ".join(
        f"{c} = (SELECT i.{c} FROM {item} AS i WHERE i.id = {link}.{fk})" for c in COLUMNS
    )
    return [
        f"UPDATE {link} SET {fill}",
        f"""CREATE TRIGGER {link}_copy_item_dates_insert AFTER INSERT ON {link}
            FOR EACH ROW BEGIN UPDATE {link} SET {copied} WHERE id = NEW.id; END""",
        # The WHEN guard stops the trigger's own UPDATE from firing it again (should recursive
        # triggers ever be switched on).
        f"""CREATE TRIGGER {link}_copy_item_dates_update AFTER UPDATE ON {link}
            FOR EACH ROW WHEN {stale}
            BEGIN UPDATE {link} SET {copied} WHERE id = NEW.id; END""",
        f"""CREATE TRIGGER {item}_push_link_dates AFTER UPDATE OF {", ".join(COLUMNS)}
            ON {item} FOR EACH ROW WHEN {changed}
            BEGIN UPDATE {link} SET {pushed} WHERE {fk} = NEW.id; END""",
    ]


def _drop(vendor: str, link: str, item: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {item}_push_link_dates ON {item}",
            f"DROP FUNCTION IF EXISTS {item}_push_link_dates()",
            f"DROP TRIGGER IF EXISTS {link}_copy_item_dates ON {link}",
            f"DROP FUNCTION IF EXISTS {link}_copy_item_dates()",
        ]
    return [
        f"DROP TRIGGER IF EXISTS {item}_push_link_dates",
        f"DROP TRIGGER IF EXISTS {link}_copy_item_dates_insert",
        f"DROP TRIGGER IF EXISTS {link}_copy_item_dates_update",
    ]


def create_triggers(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"entity-link date triggers for {vendor}")
    build = _postgres if vendor == "postgresql" else _sqlite
    if vendor == "postgresql":
        # The fill and the index builds run longer than the web's statement timeout.
        schema_editor.execute("SET LOCAL statement_timeout = 0")
    for link, fk, item in LINKS:
        for sql in build(link, fk, item):
            schema_editor.execute(sql)


def drop_triggers(apps: Any, schema_editor: Any) -> None:
    for link, _, item in LINKS:
        for sql in _drop(schema_editor.connection.vendor, link, item):
            schema_editor.execute(sql)


def _copied_fields(model_name: str) -> list[migrations.AddField]:
    return [
        migrations.AddField(model_name=model_name, name=name, field=field)
        for name, field in (
            ("sort_date", models.DateField(editable=False, null=True)),
            ("date_start", models.DateField(editable=False, null=True)),
            ("date_end", models.DateField(editable=False, null=True)),
            ("review_state", models.CharField(editable=False, max_length=10, null=True)),
        )
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0004_event_role_mentioned"),
    ]

    operations = [
        *_copied_fields("evententity"),
        *_copied_fields("statemententity"),
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
        migrations.AddIndex(
            model_name="evententity",
            index=models.Index(
                condition=models.Q(("review_state", "published")),
                fields=["entity", "sort_date", "event"],
                include=("date_start", "date_end"),
                name="event_entity_timeline_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="statemententity",
            index=models.Index(
                condition=models.Q(("review_state", "published")),
                fields=["entity", "sort_date", "statement"],
                include=("date_start", "date_end"),
                name="stmt_entity_timeline_idx",
            ),
        ),
    ]
