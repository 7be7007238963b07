"""Canonical entities (people, organisations, places) and the names they go by."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from timeline.enums import EntityKind
from timeline.models.base import TimestampedModel


class Entity(TimestampedModel):
    name = models.CharField(max_length=300)
    # Natural key used in URLs and filters (?entity=north-korea).
    slug = models.SlugField(max_length=300, unique=True)
    kind = models.CharField(max_length=16, choices=EntityKind.choices)
    description = models.TextField(blank=True)
    wikidata_qid = models.CharField(max_length=20, blank=True)
    # "Kursk" is located in "Russia"; places nest.
    located_in = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="contains"
    )
    # Set when an editor folds a duplicate into its survivor.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.CheckConstraint(
                condition=Q(wikidata_qid="") | Q(wikidata_qid__regex=r"^Q[0-9]+$"),
                name="entity_wikidata_qid_format",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="entity_not_merged_into_itself"
            ),
        ]
        indexes = [
            # Entity autocomplete and lists filtered by kind.
            models.Index(fields=["kind", "name"], name="entity_kind_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class EntityAlias(TimestampedModel):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    # casefolded, punctuation-light form used to resolve mentions ("u.s." → "us").
    normalized = models.CharField(max_length=300, db_index=True)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "entity aliases"
        constraints = [
            models.UniqueConstraint(fields=["entity", "normalized"], name="entity_alias_unique"),
        ]

    def __str__(self) -> str:
        return self.alias
