"""Who may call what: reads are public, each write action names the permissions it needs.

A view declares `action_permissions = {"partial_update": ("timeline.change_event",), ...}` and
optionally `staff_actions` (actions for staff only, e.g. re-extraction) or `staff_only = True`.
Anonymous callers of a protected action get 401 (with `WWW-Authenticate: Token`); signed-in
users without the permission get 403.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from timeline.selectors.visibility import is_staff


class ActionPermission(BasePermission):
    message = "You do not have permission to perform this action."

    def has_permission(self, request: Request, view: Any) -> bool:
        action = getattr(view, "action", None)
        if action is None and hasattr(view, "action_map"):
            return True  # a method this viewset does not route: let DRF answer 405
        perms: tuple[str, ...] = getattr(view, "action_permissions", {}).get(action, ())
        staff_only = getattr(view, "staff_only", False) or action in getattr(
            view, "staff_actions", ()
        )
        if not perms and not staff_only and request.method in SAFE_METHODS:
            return True
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF turns this into 401 because an authenticator offers a challenge
        if staff_only and not is_staff(user):
            return False
        if not perms and request.method not in SAFE_METHODS and not staff_only:
            return False  # an unsafe action nobody declared: refuse rather than guess
        return bool(user.has_perms(perms))
