"""Admin for entities and their aliases."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from timeline.models import Entity, EntityAlias


class EntityAliasInline(admin.TabularInline[EntityAlias, Entity]):
    model = EntityAlias
    extra = 1
    fields = ["alias", "normalized"]


@admin.register(Entity)
class EntityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "slug", "located_in", "wikidata_qid", "merged_into"]
    list_filter = ["kind"]
    list_select_related = ["located_in", "merged_into"]
    search_fields = ["name", "slug", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["located_in", "merged_into"]
    inlines = [EntityAliasInline]
