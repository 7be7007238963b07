"""Custom scalars. GraphQL's Int is 32-bit; change numbers are 64-bit database counters."""

from __future__ import annotations

from typing import NewType

import strawberry


def _parse_big_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("BigInt must be an integer (or a string of digits).")
    number = int(value)
    if not -(2**63) <= number < 2**63:
        raise ValueError("BigInt must fit in 64 bits.")
    return number


BigInt = NewType("BigInt", int)

#: Registered through StrawberryConfig(scalar_map=SCALARS) in schema.py.
SCALARS = {
    BigInt: strawberry.scalar(
        name="BigInt",
        description="A 64-bit integer, serialized as a JSON number.",
        serialize=int,
        parse_value=_parse_big_int,
    )
}
