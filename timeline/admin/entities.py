"""Entities: aliases inline, "merge into…" (through `entity_merge`), slug suggestions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from timeline.admin.common import ReadOnlyHistoryMixin, admin_link, report_service_error
from timeline.exceptions import ServiceError
from timeline.models import Entity, EntityAlias
from timeline.normalize import normalize_alias
from timeline.services.entities import entity_merge

SUGGESTIONS = 20


class EntityAliasForm(forms.ModelForm[EntityAlias]):
    """Editors type the alias; its normalised lookup form is derived, never typed."""

    class Meta:
        model = EntityAlias
        fields = ["alias"]

    def save(self, commit: bool = True) -> EntityAlias:
        self.instance.normalized = normalize_alias(self.instance.alias)[:300]
        return super().save(commit)


class EntityAliasInline(admin.TabularInline[EntityAlias, Entity]):
    model = EntityAlias
    form = EntityAliasForm
    extra = 1
    fields = ["alias", "normalized"]
    readonly_fields = ["normalized"]


class EntityMergeForm(forms.Form):
    """The survivor of an entity merge: any entity not among those being folded."""

    target = forms.ModelChoiceField(
        queryset=Entity.objects.filter(merged_into__isnull=True),
        label="Merge into",
        help_text="The entity that stays. The selected ones become its aliases.",
    )

    def __init__(self, *args: Any, admin_site: admin.AdminSite, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The admin's own select2 autocomplete, fed by EntityAdmin.search_fields.
        field = self.fields["target"]
        assert isinstance(field, forms.ModelChoiceField)
        field.widget = AutocompleteSelect(Entity._meta.get_field("merged_into"), admin_site)
        field.widget.choices = field.choices  # the widget renders the current choice only


@admin.register(Entity)
class EntityAdmin(ReadOnlyHistoryMixin, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "kind", "slug", "located_in", "wikidata_qid", "merged_into_link"]
    list_filter = ["kind", ("merged_into", admin.EmptyFieldListFilter)]
    list_select_related = ["located_in", "merged_into"]
    search_fields = ["name", "slug", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["located_in"]
    readonly_fields = ["merged_into_link", "created_at", "updated_at"]
    fields = [
        "name",
        "slug",
        "kind",
        "description",
        "wikidata_qid",
        "located_in",
        "merged_into_link",
        "created_at",
        "updated_at",
    ]
    inlines = [EntityAliasInline]
    actions = ["merge_selected"]
    show_full_result_count = False
    change_form_template = "admin/timeline/entity/change_form.html"

    @admin.display(description="merged into", ordering="merged_into__name")
    def merged_into_link(self, obj: Entity) -> Any:
        return admin_link(obj.merged_into) if obj.merged_into_id else "—"

    def get_urls(self) -> list[URLPattern]:
        extra = [
            path(
                "suggest/",
                self.admin_site.admin_view(self.suggest_view),
                name="timeline_entity_suggest",
            )
        ]
        urls: list[URLPattern] = [*extra, *super().get_urls()]
        return urls

    def suggest_view(self, request: HttpRequest) -> JsonResponse:
        """Entity slugs for the review queue's entity filter box: `?term=kor`."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("term", "").strip()
        qs = Entity.objects.filter(merged_into__isnull=True).order_by("name")
        if term:
            qs, _ = self.get_search_results(request, qs, term)
        rows = qs.values("slug", "name", "kind").distinct()[:SUGGESTIONS]
        return JsonResponse({"results": list(rows)})

    @admin.action(description="Merge selected into another entity…", permissions=["change"])
    def merge_selected(
        self, request: HttpRequest, queryset: QuerySet[Entity]
    ) -> TemplateResponse | None:
        sources = list(queryset.order_by("name"))
        form = EntityMergeForm(
            request.POST if "post" in request.POST else None, admin_site=self.admin_site
        )
        if form.is_valid():
            target = form.cleaned_data["target"]
            merged = 0
            for source in sources:
                if source.pk == target.pk:
                    continue  # selected the survivor too: nothing to fold
                try:
                    entity_merge(source=source, target=target)
                except ServiceError as error:
                    report_service_error(self, request, error, prefix=f"{source}: ")
                else:
                    merged += 1
            if merged:
                self.message_user(
                    request,
                    format_html("{} entit(y/ies) merged into {}.", merged, admin_link(target)),
                    messages.SUCCESS,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge entities",
            "opts": self.model._meta,
            "form": form,
            "media": self.media + form.media,
            "entities": sources,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action_name": "merge_selected",
        }
        return TemplateResponse(request, "admin/timeline/entity/merge_selected.html", context)


@admin.register(EntityAlias)
class EntityAliasAdmin(admin.ModelAdmin[EntityAlias]):
    """Aliases on their own, mostly to search "which entity is called X"."""

    form = EntityAliasForm
    list_display = ["alias", "entity", "normalized"]
    list_select_related = ["entity"]
    search_fields = ["alias", "normalized"]
    autocomplete_fields = ["entity"]
    show_full_result_count = False

    fields = ["entity", "alias"]
