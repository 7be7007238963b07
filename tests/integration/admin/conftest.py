"""Admin test fixtures: staff users in the groups made by migration 0003_roles."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import UserFactory


def member(group_name: str, **kwargs: object):
    """A staff user in a role group; fails if the migration did not create the group."""
    user = UserFactory(staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member("editor", username="eddie")


@pytest.fixture
def viewer(db):
    return member("viewer", username="vera")


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(viewer) -> Client:
    client = Client()
    client.force_login(viewer)
    return client


def action_post(
    client: Client, url: str, action: str, ids, *, follow: bool = False, **extra: object
):
    """POST a changelist action the way the admin's action bar does (`extra`: more fields)."""
    data = {"action": action, "_selected_action": [str(i) for i in ids], "index": "0"}
    data.update(extra)
    return client.post(url, data, follow=follow)


def _form_fields(form) -> dict[str, object]:
    data: dict[str, object] = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
    return data


def change_form_data(response) -> dict[str, object]:
    """The POST data of an admin change page as rendered (main form + every inline formset)."""
    data = _form_fields(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_fields(formset.management_form))
        for form in formset.forms:
            data.update(_form_fields(form))
    return data
