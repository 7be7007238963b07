from __future__ import annotations

import datetime as dt
from datetime import timedelta

import pytest
from django.utils import timezone

from timeline.enums import ArticleOrigin, ArticleStatus, DateSource
from timeline.exceptions import ServiceValidationError
from timeline.models import Article
from timeline.services.articles import article_submit, articles_requeue_stuck
from timeline.services.claims import Claim, article_claim, article_finish

pytestmark = pytest.mark.django_db
WHEN = dt.datetime(2024, 10, 29, 12, tzinfo=dt.UTC)


def test_url_submission_queues_and_enqueues_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        article, created = article_submit(url="https://News.Example.org/a?utm_source=x#top")
    assert created
    assert article.status == ArticleStatus.QUEUED
    assert article.url == "https://news.example.org/a"
    assert article.outlet.domain == "news.example.org"
    assert len(callbacks) == 1


def test_same_url_twice_returns_existing_article():
    first, _ = article_submit(url="https://news.example.org/a")
    again, created = article_submit(url="https://news.example.org/a?utm_medium=feed")
    assert not created
    assert again.pk == first.pk
    assert Article.objects.count() == 1


def test_same_text_twice_returns_existing_article():
    first, _ = article_submit(text="Talks  resumed.", title="T", published_at=WHEN)
    again, created = article_submit(text="Talks resumed.", title="Other", published_at=WHEN)
    assert (again.pk, created) == (first.pk, False)
    assert first.origin == ArticleOrigin.TEXT
    assert first.date_source == DateSource.SUBMITTED


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "non_field_errors"),
        ({"url": "ftp://example.org/x"}, "url"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "/relative/path"}, "url"),
        ({"text": "Body", "title": "T"}, "published_at"),
        ({"text": "Body", "published_at": WHEN}, "title"),
        ({"text": "   ", "title": "T", "published_at": WHEN}, "text"),
        ({"html": "<p>x</p>"}, "url"),
        ({"html": "<p>x</p>", "text": "x", "url": "https://e.org"}, "non_field_errors"),
    ],
)
def test_bad_submissions_name_the_field(payload, field):
    with pytest.raises(ServiceValidationError) as err:
        article_submit(**payload)
    assert field in err.value.detail
    assert Article.objects.count() == 0


def test_claim_is_exclusive_and_fences_stale_workers():
    article, _ = article_submit(url="https://news.example.org/b")
    claim = article_claim(
        article_id=article.pk,
        from_status=ArticleStatus.QUEUED,
        to_status=ArticleStatus.FETCHING,
        bump_attempts=True,
    )
    assert claim == Claim(article.pk, ArticleStatus.FETCHING, 1)
    assert (
        article_claim(
            article_id=article.pk,
            from_status=ArticleStatus.QUEUED,
            to_status=ArticleStatus.FETCHING,
            bump_attempts=True,
        )
        is None
    )
    stale = Claim(article.pk, ArticleStatus.FETCHING, 0)
    assert not article_finish(claim=stale, status=ArticleStatus.DONE)
    assert article_finish(claim=claim, status=ArticleStatus.FAILED, reason="http_404")
    article.refresh_from_db()
    assert (article.status, article.error_reason) == (ArticleStatus.FAILED, "http_404")


def test_sweeper_requeues_stuck_articles_and_fails_exhausted_ones(
    settings, django_capture_on_commit_callbacks
):
    settings.TIMELINE = {**settings.TIMELINE, "MAX_ATTEMPTS": 3}
    stuck, _ = article_submit(url="https://news.example.org/stuck")
    tired, _ = article_submit(url="https://news.example.org/tired")
    fresh, _ = article_submit(url="https://news.example.org/fresh")
    old = timezone.now() - timedelta(hours=1)
    Article.objects.filter(pk=stuck.pk).update(
        status=ArticleStatus.EXTRACTING, status_changed_at=old, attempts=1
    )
    Article.objects.filter(pk=tired.pk).update(
        status=ArticleStatus.FETCHING, status_changed_at=old, attempts=3
    )
    Article.objects.filter(pk=fresh.pk).update(status=ArticleStatus.FETCHING)
    with django_capture_on_commit_callbacks() as callbacks:
        requeued = articles_requeue_stuck()
    assert requeued == [stuck.pk]
    assert len(callbacks) == 1
    states = dict(Article.objects.values_list("pk", "status"))
    assert states == {
        stuck.pk: ArticleStatus.QUEUED,
        tired.pk: ArticleStatus.FAILED,
        fresh.pk: ArticleStatus.FETCHING,
    }


def test_nul_characters_are_refused_before_they_reach_the_database():
    with pytest.raises(ServiceValidationError) as err:
        article_submit(text="bad\x00text", title="T", published_at=WHEN)
    assert "text" in err.value.detail
    assert Article.objects.count() == 0


def test_naive_publication_time_is_taken_as_utc():
    article, _ = article_submit(
        text="Talks resumed.", title="T", published_at=dt.datetime(2024, 10, 29, 12, 0)
    )
    assert article.published_at == WHEN
