"""Choice vocabularies shared by models, APIs and the extraction layer.

The string values are part of the public API (REST, GraphQL, feeds): add values, never rename.
"""

from __future__ import annotations

from django.db import models


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    FETCHING = "fetching", "Fetching"
    EXTRACTING = "extracting", "Extracting"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Skipped"


# States a worker is (or should be) working on; the sweeper watches these.
ARTICLE_IN_FLIGHT = (ArticleStatus.QUEUED, ArticleStatus.FETCHING, ArticleStatus.EXTRACTING)


class ArticleOrigin(models.TextChoices):
    URL = "url", "Submitted URL"
    TEXT = "text", "Pasted text"
    HTML = "html", "Pasted HTML"
    FEED = "feed", "Feed entry"


class DateSource(models.TextChoices):
    """Where an article's publication date (the anchor for relative dates) came from."""

    SUBMITTED = "submitted", "Given by the submitter"
    TRAFILATURA = "trafilatura", "Page metadata (trafilatura)"
    HTMLDATE = "htmldate", "Page heuristics (htmldate)"
    FEED = "feed", "Feed entry date"
    FETCHED = "fetched", "Time of fetching (no date found)"
    NONE = "none", "Unknown"


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    COUNTRY = "country", "Country"
    REGION = "region", "Region"
    CITY = "city", "City"
    PLACE = "place", "Place"
    GROUP = "group", "Group"


class EventType(models.TextChoices):
    """The event taxonomy (docs/taxonomy.md explains each type with examples)."""

    AGREEMENT = "agreement", "Agreement"
    MEETING = "meeting", "Meeting"
    DEPLOYMENT = "deployment", "Deployment"
    INVASION = "invasion", "Invasion"
    INCURSION = "incursion", "Incursion"
    ATTACK = "attack", "Attack"
    AIR_DEFENSE = "air-defense", "Air defense"
    CASUALTIES = "casualties", "Casualties"
    ELECTION = "election", "Election"
    SANCTIONS = "sanctions", "Sanctions"
    PROTEST = "protest", "Protest"
    STATEMENT_OF_POLICY = "statement-of-policy", "Statement of policy"
    OTHER = "other", "Other"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    SEASON = "season", "Season"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"
    DECADE = "decade", "Decade"
    CENTURY = "century", "Century"
    UNKNOWN = "unknown", "Unknown"


class OccurrenceStatus(models.TextChoices):
    HAPPENED = "happened", "Happened"
    SCHEDULED = "scheduled", "Scheduled"
    REPORTED = "reported", "Reported"
    DENIED = "denied", "Denied"


class ReviewState(models.TextChoices):
    PENDING = "pending", "Pending review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    MERGED = "merged", "Merged"


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    INDIRECT = "indirect", "Indirect (reported) speech"
    MIXED = "mixed", "Paraphrase with quoted words"


class Stance(models.TextChoices):
    ASSERTS = "asserts", "Asserts"
    DENIES = "denies", "Denies"
    NEUTRAL = "neutral", "Neutral"


class EventRole(models.TextChoices):
    ACTOR = "actor", "Actor"
    TARGET = "target", "Target"
    PARTICIPANT = "participant", "Participant"
    LOCATION = "location", "Location"
    # Named in the evidence sentence without a role in the event ("to discuss the North
    # Korean troops"): enough for "everything about North Korea" timelines.
    MENTIONED = "mentioned", "Mentioned"


class StatementRole(models.TextChoices):
    SPEAKER = "speaker", "Speaker"
    MENTIONED = "mentioned", "Mentioned"


class ItemKind(models.TextChoices):
    EVENT = "event", "Event"
    STATEMENT = "statement", "Statement"
