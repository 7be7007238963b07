"""Who sees what: the public sees published items; staff see every review state."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from timeline.enums import ReviewState


def is_staff(user: Any) -> bool:
    return bool(
        user is not None and getattr(user, "is_active", False) and getattr(user, "is_staff", False)
    )


def visible_q(user: Any) -> Q:
    """Row filter for events and statements."""
    if is_staff(user):
        return Q()
    return Q(review_state=ReviewState.PUBLISHED)
