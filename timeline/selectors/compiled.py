"""`.values()` queries by id list, built and compiled by the ORM once per id count.

Why: a timeline page runs seven "rows of these ids" queries (selectors/rows.py). Building each
QuerySet (filter, order_by, values: clones, lookups, one prepared value per id) and compiling
it to SQL cost ~1 ms of CPU per query, more than reading its rows, although only the ids change
from one page to the next. `CompiledValues` asks the ORM for the SQL once per number of ids,
with sentinel ids, remembers where the sentinels landed in the parameters, and from then on
executes that SQL with the real ids, applying the same column converters (JSON, dates) the
ORM would. The rows are the dicts `.values()` returns, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import QuerySet

# Negative ids never exist; spaced far from any real parameter value.
_SENTINEL_BASE = -(2**62)


@dataclass(frozen=True, slots=True)
class _Plan:
    sql: str
    params: tuple[Any, ...]
    positions: tuple[int, ...]  # where id number i goes in `params`
    names: tuple[str, ...]  # the .values() keys, in column order
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]


class CompiledValues:
    """`build(ids)` must return a `.values()` QuerySet filtered by `<field>__in=ids` only."""

    def __init__(self, build: Callable[[list[int]], QuerySet[Any, Any]], using: str = "default"):
        self.build = build
        self.using = using
        self._plans: dict[tuple[str, int], _Plan | None] = {}

    def __call__(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        unique = list(dict.fromkeys(ids))  # the ORM's IN drops duplicates too
        if not unique:
            return []
        connection = connections[self.using]
        key = (connection.vendor, len(unique))
        if key not in self._plans:
            self._plans[key] = self._plan(len(unique))
        plan = self._plans[key]
        if plan is None:  # the ORM did not produce one parameter per id: run it as usual
            return list(self.build(unique))
        params = list(plan.params)
        for position, value in zip(plan.positions, unique, strict=True):
            params[position] = value
        with connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            rows = cursor.fetchall()
        out = []
        for raw in rows:
            row = list(raw)
            for index, functions, expression in plan.converters:
                value = row[index]
                for function in functions:
                    value = function(value, expression, connection)
                row[index] = value
            out.append(dict(zip(plan.names, row, strict=True)))
        return out

    def _plan(self, count: int) -> _Plan | None:
        sentinels = [_SENTINEL_BASE + i for i in range(count)]
        queryset = self.build(sentinels)
        query = queryset.query
        compiler = query.get_compiler(using=self.using)
        sql, params = compiler.as_sql()
        where = {value: i for i, value in enumerate(params) if isinstance(value, int)}
        positions = [where.get(sentinel) for sentinel in sentinels]
        found = [p for p in positions if p is not None]
        if len(found) != count or len(set(found)) != count or query.extra_select:
            return None
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = compiler.get_converters(fields)
        names = (*query.values_select, *query.annotation_select)
        if len(names) != len(fields):
            return None
        return _Plan(
            sql=sql,
            params=tuple(params),
            positions=tuple(found),
            names=tuple(names),
            converters=tuple(
                (index, tuple(functions), expression)
                for index, (functions, expression) in converters.items()
            ),
        )
