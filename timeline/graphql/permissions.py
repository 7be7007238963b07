"""Who is asking, and what they may do: the GraphQL side of authentication and permissions.

Row visibility (the public sees published items) is decided by the selectors; this module only
finds the user and declares the permission extensions the mutations use. Every extension here
has `fail_silently=False`: a refused mutation is a top-level GraphQL error with a clear message,
never a silent `null`.
"""

from __future__ import annotations

from typing import Any

from strawberry import Info
from strawberry_django.permissions import HasPerm, IsAuthenticated

AUTH_REQUIRED = (
    "Authentication required: send 'Authorization: Token <key>' or sign in (session + CSRF)."
)


def request_user(info: Info) -> Any:
    """The user of the current request (AnonymousUser when nobody signed in)."""
    request = getattr(info.context, "request", None)
    return getattr(request, "user", None)


def is_authenticated() -> IsAuthenticated:
    return IsAuthenticated(message=AUTH_REQUIRED, fail_silently=False)


def has_perm(perm: str) -> HasPerm:
    """The model permission editors hold (the same one REST's DjangoModelPermissions checks)."""
    return HasPerm(
        perm, message=f"Permission denied: this needs the '{perm}' permission.", fail_silently=False
    )


def editor_extensions(perm: str) -> list[IsAuthenticated | HasPerm]:
    """Anonymous callers get AUTH_REQUIRED; signed-in ones without `perm` a permission error."""
    # Field extensions wrap each other: the last one listed runs first.
    return [has_perm(perm), is_authenticated()]
