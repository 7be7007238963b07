"""graphql-core execution with a fast path for row objects (rows.py).

For every field graphql-core builds a ResolveInfo, coerces arguments, calls the resolver
(strawberry wraps it; strawberry-django's `get_result` then inspects the model descriptor),
checks for awaitables and dispatches on the return type: ~30 µs per field, ~12,000 fields on
a 200-item timeline page. On a row object the value of a field is simply the attribute of
the field's Python name, so this context reads it and completes it with a completer compiled
once per (type, field): a scalar is coerced, a list completes its items, an object runs its
sub-selection (graphql-core's own `collect_and_execute_subfields`, so fragments, aliases and
`__typename` behave as usual). Errors are located and reported as graphql-core does.

Everything that is not a row object (other queries, the connection and edges, model
instances) takes graphql-core's standard path, resolvers and extensions included. Rows are
only built when `rows.rows_cover` accepted the whole selection, and only hold values the
reader may see, so skipping the resolvers skips no rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLObjectType,
    GraphQLOutputType,
    Undefined,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from timeline.graphql.rows import Row, python_name

Completer = Callable[[Any, Any, Any, Any, Any], Any]  # (context, fields, path, value, position)

# Scalars whose output coercion returns a value of exactly this type unchanged (graphql-core's
# String and Boolean; strawberry's ID is `str`): skip the call. Int is not here (it checks the
# 32-bit range), nor Float (it rejects NaN).
_IDENTITY: dict[str, type] = {"String": str, "Boolean": bool, "ID": str}


def _compile(return_type: GraphQLOutputType, where: str) -> Completer:
    """A function completing a row attribute's value for `return_type`, built once."""
    if is_non_null_type(return_type):
        inner = _compile(return_type.of_type, where)

        def non_null(ctx: Any, fields: Any, path: Any, value: Any, position: Any) -> Any:
            completed = inner(ctx, fields, path, value, position)
            if completed is None:
                raise TypeError(f"Cannot return null for non-nullable field {where}.")
            return completed

        return non_null
    if is_list_type(return_type):
        item = _compile(return_type.of_type, where)

        def items(ctx: Any, fields: Any, path: Any, value: Any, position: Any) -> Any:
            if value is None:
                return None
            add_key = path.add_key
            return [item(ctx, fields, add_key(i, None), v, position) for i, v in enumerate(value)]

        return items
    if is_leaf_type(return_type):
        coerce = return_type.coerce_output_value

        def leaf(ctx: Any, fields: Any, path: Any, value: Any, position: Any) -> Any:
            if value is None:
                return None
            coerced = coerce(value)
            if coerced is None or coerced is Undefined:
                raise TypeError(f"{where}: cannot serialize {value!r}.")
            return coerced

        return leaf
    abstract = is_abstract_type(return_type)

    def obj(ctx: Any, fields: Any, path: Any, value: Any, position: Any) -> Any:
        if value is None:
            return None
        runtime = ctx.schema.get_type(value.graphql_type)
        if runtime is not return_type and not (
            abstract and ctx.schema.is_sub_type(return_type, runtime)
        ):
            raise TypeError(f"{where}: a {value.graphql_type} row is not a {return_type}.")
        return ctx.collect_and_execute_subfields(runtime, fields, path, value, position)

    return obj


_PLANS: dict[tuple[GraphQLObjectType, str], tuple[str, Completer, GraphQLOutputType] | None] = {}


def _plan(
    parent_type: GraphQLObjectType, name: str
) -> tuple[str, Completer, GraphQLOutputType] | None:
    key = (parent_type, name)
    try:
        return _PLANS[key]
    except KeyError:
        pass
    field = parent_type.fields.get(name)
    plan = (
        None
        if field is None
        else (python_name(field), _compile(field.type, f"{parent_type.name}.{name}"), field.type)
    )
    _PLANS[key] = plan
    return plan


class RowExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, reading row objects without resolvers.

    `collect_and_execute_subfields` on a row builds the whole sub-result directly from a
    plan compiled once per (type, field set) and request: (response name, attribute,
    completer) triples, with no per-field Path, ResolveInfo or resolver call. Should anything
    fail there (a null for a non-null field, say), the same object is executed again the
    standard way, field by field (`execute_field` below), which locates and reports the error
    exactly as graphql-core does.
    """

    def _rows_allowed(self) -> bool:
        # Field middleware (an extension's `resolve` hook) must see every field: then no rows.
        middleware = self.middleware_manager
        return middleware is None or not middleware.middlewares

    def collect_and_execute_subfields(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        if isinstance(result, Row) and self._rows_allowed():
            try:
                return self._row_result(return_type, field_details_list, result)
            except Exception:  # noqa: S110 - redone below, where errors are located
                pass
        return super().collect_and_execute_subfields(
            return_type, field_details_list, path, result, position_context
        )

    def _row_result(self, object_type: GraphQLObjectType, fields: Any, row: Any) -> dict[str, Any]:
        plan = self._row_plan(object_type, fields)
        return {
            name: (complete(getattr(row, attr)) if complete is not None else attr)
            for name, attr, complete in plan
        }

    def _row_plan(self, object_type: GraphQLObjectType, fields: Any) -> list[Any]:
        plans: dict[Any, Any] = self.__dict__.setdefault("_row_plans", {})
        key = (object_type, id(fields))
        cached = plans.get(key)
        if cached is not None:
            return cached[1]  # type: ignore[no-any-return]
        grouped, defer_usages, _ = self.collect_subfields(object_type, fields)
        if defer_usages:
            raise ValueError("@defer is executed the standard way")
        plan: list[Any] = []
        for response_name, child_fields in grouped.items():
            name = child_fields[0].node.name.value
            if name == "__typename":
                plan.append((response_name, object_type.name, None))  # a constant
                continue
            field = object_type.fields[name]
            where = f"{object_type.name}.{name}"
            plan.append(
                (
                    response_name,
                    python_name(field),
                    self._completer(field.type, child_fields, where),
                )
            )
        plans[key] = (fields, plan)  # keeps `fields` alive: its id stays unique
        return plan

    def _completer(self, return_type: Any, fields: Any, where: str) -> Callable[[Any], Any]:
        """value -> completed value, for a row attribute of `return_type`."""
        if is_non_null_type(return_type):
            if is_leaf_type(return_type.of_type):  # the commonest field: one call, not two
                coerce_required = return_type.of_type.coerce_output_value
                same = _IDENTITY.get(return_type.of_type.name)

                def required_leaf(value: Any) -> Any:
                    if type(value) is same:
                        return value  # what the scalar's coercion returns for this type
                    if value is None:
                        raise TypeError(f"Cannot return null for non-nullable field {where}.")
                    coerced = coerce_required(value)
                    if coerced is None or coerced is Undefined:
                        raise TypeError(f"{where}: cannot serialize {value!r}.")
                    return coerced

                return required_leaf
            inner = self._completer(return_type.of_type, fields, where)

            def non_null(value: Any) -> Any:
                if value is None:
                    raise TypeError(f"Cannot return null for non-nullable field {where}.")
                return inner(value)

            return non_null
        if is_list_type(return_type):
            item = self._completer(return_type.of_type, fields, where)
            return lambda value: None if value is None else [item(v) for v in value]
        if is_leaf_type(return_type):
            coerce = return_type.coerce_output_value
            same_type = _IDENTITY.get(return_type.name)

            def leaf(value: Any) -> Any:
                if value is None or type(value) is same_type:
                    return value
                coerced = coerce(value)
                if coerced is None or coerced is Undefined:
                    raise TypeError(f"{where}: cannot serialize {value!r}.")
                return coerced

            return leaf
        schema, abstract = self.schema, is_abstract_type(return_type)
        plans: dict[type, list[Any]] = {}  # row class -> plan, for this field's selection

        def obj(value: Any) -> Any:
            if value is None:
                return None
            plan = plans.get(type(value))
            if plan is None:
                runtime = schema.get_type(value.graphql_type)
                if not isinstance(runtime, GraphQLObjectType) or (
                    runtime is not return_type
                    and not (abstract and schema.is_sub_type(return_type, runtime))
                ):
                    raise TypeError(f"{where}: a {value.graphql_type} row is not a {return_type}.")
                plan = plans[type(value)] = self._row_plan(runtime, fields)
            return {
                name: (complete(getattr(value, attr)) if complete is not None else attr)
                for name, attr, complete in plan
            }

        return obj

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        """The standard per-field path, reading a row's attribute instead of a resolver."""
        if isinstance(source, Row) and self._rows_allowed():
            name = field_details_list[0].node.name.value
            if name == "__typename":
                return parent_type.name
            plan = _plan(parent_type, name)
            if plan is not None:
                attr, complete, return_type = plan
                try:
                    return complete(
                        self, field_details_list, path, getattr(source, attr), position_context
                    )
                except Exception as raw_error:  # located and reported as graphql-core does
                    self.handle_field_error(raw_error, return_type, field_details_list, path)
                    return None
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )
