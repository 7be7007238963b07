"""Django admin: the editors' workspace. One module per area, registered on import."""

from timeline.admin import articles, entities, events, statements  # noqa: F401
