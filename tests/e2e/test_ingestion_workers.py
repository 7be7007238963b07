"""Ingestion end to end: real celery workers on Redis and PostgreSQL, with failures injected."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection
from django.db.models import Count

from tests.e2e.articles import generated_article
from tests.e2e.conftest import wait_until
from timeline.enums import ArticleStatus
from timeline.models import Article, Event, EventSource, Statement, StatementSource
from timeline.services.articles import article_submit

pytestmark = [pytest.mark.e2e]

TERMINAL = (ArticleStatus.DONE, ArticleStatus.FAILED, ArticleStatus.SKIPPED)


def statuses() -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in Article.objects.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def all_terminal(expected: int) -> bool:
    connection.close()  # fresh snapshot on every poll
    return Article.objects.filter(status__in=TERMINAL).count() >= expected


def submit(items: list[dict[str, object]]) -> list[int]:
    return [article_submit(**item)[0].pk for item in items]  # type: ignore[arg-type]


def snapshot() -> tuple[int, int, int, int]:
    return (
        Event.objects.count(),
        Statement.objects.count(),
        EventSource.objects.count(),
        StatementSource.objects.count(),
    )


def assert_no_duplicates(celery_procs) -> None:
    """No event or statement exists twice, and re-running every article changes nothing."""
    from timeline.extract.pipeline import extract
    from timeline.services.articles import article_reextract
    from timeline.services.processing import article_process

    celery_procs.stop_all()  # the re-runs below happen in this process only
    live = Event.objects.exclude(review_state__in=["merged", "rejected"])
    twins = (
        live.values("type", "title", "date_start", "date_end")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not list(twins)
    before = snapshot()
    # Re-running a sample is enough to show the store is idempotent after the drills.
    for article in Article.objects.filter(status=ArticleStatus.DONE).order_by("pk")[::8]:
        article_reextract(article=article)
        assert article_process(article_id=article.pk) == ArticleStatus.DONE
        expected = extract(article.text, article.published_at.date())
        assert StatementSource.objects.filter(article=article).count() == len(expected.statements)
        assert EventSource.objects.filter(article=article).count() <= len(expected.events)
    assert snapshot() == before


def test_task_round_trip_through_a_real_worker(celery_procs):
    celery_procs.start_worker()
    [pk] = submit([generated_article(0)])
    wait_until(
        lambda: all_terminal(1),
        60,
        message=f"the worker to process the article; worker logs:\n{celery_procs.logs()}",
    )
    article = Article.objects.get(pk=pk)
    assert article.status == ArticleStatus.DONE, (article.error_reason, celery_procs.logs())
    assert Statement.objects.exists()


def test_sigkill_worker_three_times_during_200_articles(celery_procs):
    celery_procs.start_worker()
    celery_procs.start_beat()  # runs the stuck-article sweeper every second
    ids = submit([generated_article(i) for i in range(200)])
    for _ in range(3):
        wait_until(
            lambda: Article.objects.filter(status=ArticleStatus.DONE).count() > 10,
            60,
            message="progress before the kill",
        )
        time.sleep(0.5)
        celery_procs.kill("worker")
        time.sleep(0.5)
        celery_procs.start_worker()
    wait_until(
        lambda: all_terminal(len(ids)),
        240,
        interval=1,
        message=f"all 200 articles to finish: {statuses()}",
    )
    assert statuses() == {ArticleStatus.DONE: 200}, celery_procs.logs()
    assert_no_duplicates(celery_procs)


def test_redis_stopped_mid_run_loses_nothing(celery_procs, redis_server):
    celery_procs.start_worker()
    celery_procs.start_beat()
    ids = submit([generated_article(i) for i in range(300, 380)])
    wait_until(
        lambda: Article.objects.filter(status=ArticleStatus.DONE).count() > 5,
        60,
        message="progress before stopping Redis",
    )
    redis_server.stop()
    # Submissions while the broker is down are stored and picked up later by the sweeper.
    ids += submit([generated_article(i) for i in range(380, 400)])
    time.sleep(2)
    redis_server.start()
    wait_until(
        lambda: all_terminal(len(ids)),
        240,
        interval=1,
        message=f"all articles to finish after Redis came back: {statuses()}",
    )
    assert statuses() == {ArticleStatus.DONE: 100}, celery_procs.logs()
    assert_no_duplicates(celery_procs)


@pytest.mark.django_db(transaction=True)
def test_same_url_submitted_20_times_concurrently_is_one_article(e2e_db):
    barrier = threading.Barrier(20)
    results: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            article, _ = article_submit(url="https://race.timeline.invalid/story?utm_source=x")
            results.append(article.pk)
        except BaseException as exc:  # collected and re-raised by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(set(results)) == 1
    assert Article.objects.count() == 1
