"""Batched stores under a backlog (PostgreSQL): one worker call takes several queued articles.

No celery here: the service is called directly, as the task would; the queue is the table.
"""

from __future__ import annotations

import pytest

from tests.e2e.articles import generated_article
from timeline.enums import ArticleStatus
from timeline.models import Article, Event, EventSource, Statement, StatementSource
from timeline.services.articles import article_submit
from timeline.services.processing import article_process

pytestmark = pytest.mark.usefixtures("e2e_db")

PAGE = (
    "<html><head><title>Fisheries talks</title></head><body><article>"
    "<h1>Fisheries talks</h1><p>{body}</p></article></body></html>"
)


def submit(n: int, start: int = 0) -> list[int]:
    return [article_submit(**generated_article(start + i))[0].pk for i in range(n)]  # type: ignore[arg-type]


def test_one_call_stores_the_backlog_and_the_other_tasks_find_it_done(settings):
    settings.TIMELINE = {**settings.TIMELINE, "INGEST_BATCH": 4}
    ids = submit(6)
    assert article_process(article_id=ids[0]) == ArticleStatus.DONE
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert [statuses[pk] for pk in ids] == ["done"] * 4 + ["queued"] * 2
    assert [article_process(article_id=pk) for pk in ids[1:4]] == ["not-claimed"] * 3
    assert article_process(article_id=ids[4]) == ArticleStatus.DONE
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    # Every article's items are there, each with its own evidence.
    assert set(EventSource.objects.values_list("article_id", flat=True)) == set(ids)
    assert set(StatementSource.objects.values_list("article_id", flat=True)) == set(ids)


def test_a_batch_stores_what_one_by_one_stores(settings):
    """Same events, statements and source counts whether articles come alone or together."""

    def snapshot() -> tuple[object, ...]:
        return (
            sorted(Event.objects.values_list("title", "date_start", "source_count", "status")),
            sorted(Statement.objects.values_list("quote", "source_count", "event__title")),
            EventSource.objects.count(),
        )

    # Articles 0 and 16 share countries, month and minister: the same deal, reported twice.
    settings.TIMELINE = {**settings.TIMELINE, "INGEST_BATCH": 1}
    ids = submit(3) + submit(3, start=16)
    for pk in ids:
        assert article_process(article_id=pk) == ArticleStatus.DONE
    alone = snapshot()
    assert any(count == 2 for *_, count, _ in alone[0])
    Article.objects.all().delete()
    Event.objects.all().delete()
    Statement.objects.all().delete()

    settings.TIMELINE = {**settings.TIMELINE, "INGEST_BATCH": 16}
    ids = submit(3) + submit(3, start=16)
    assert article_process(article_id=ids[0]) == ArticleStatus.DONE
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    assert snapshot() == alone


def test_a_copy_inside_a_batch_is_skipped_and_the_rest_stored(settings):
    settings.TIMELINE = {**settings.TIMELINE, "INGEST_BATCH": 8}
    body = str(generated_article(3)["text"]).replace("\n\n", "</p><p>")
    first = article_submit(html=PAGE.format(body=body), url="https://a.example.org/story")[0]
    copy = article_submit(html=PAGE.format(body=body), url="https://b.example.org/same-story")[0]
    others = submit(2, start=40)
    assert article_process(article_id=first.pk) == ArticleStatus.DONE
    rows = {a.pk: a for a in Article.objects.all()}
    assert rows[first.pk].status == ArticleStatus.DONE
    assert (rows[copy.pk].status, rows[copy.pk].error_reason) == ("skipped", "duplicate")
    assert rows[copy.pk].duplicate_of_id == first.pk
    assert [rows[pk].status for pk in others] == ["done", "done"]
    assert not EventSource.objects.filter(article_id=copy.pk).exists()


def test_batches_only_take_articles_that_need_no_network(settings):
    settings.TIMELINE = {**settings.TIMELINE, "INGEST_BATCH": 8}
    ids = submit(2)
    by_url = article_submit(url="https://news.example.org/waiting")[0]
    assert article_process(article_id=ids[0]) == ArticleStatus.DONE
    assert Article.objects.get(pk=ids[1]).status == ArticleStatus.DONE
    assert Article.objects.get(pk=by_url.pk).status == ArticleStatus.QUEUED


def test_a_faulty_article_costs_only_itself(settings, monkeypatch):
    """A fault storing one article of a batch: the others are stored, it waits for the sweeper."""
    from timeline.services import processing

    settings.TIMELINE = {**settings.TIMELINE, "INGEST_BATCH": 8}
    ids = submit(4)
    poison = ids[2]
    real = processing.articles_store_extractions

    def faulty(*, jobs):
        if any(job.article.pk == poison for job in jobs):
            raise RuntimeError("a fault in one article's rows")
        return real(jobs=jobs)

    monkeypatch.setattr(processing, "articles_store_extractions", faulty)
    assert article_process(article_id=ids[0]) == ArticleStatus.DONE
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert [statuses[pk] for pk in ids] == ["done", "done", "fetching", "done"]
    assert not EventSource.objects.filter(article_id=poison).exists()
    # The task whose own article is the faulty one fails loudly (celery records it).
    Article.objects.filter(pk=poison).update(status=ArticleStatus.QUEUED)
    with pytest.raises(RuntimeError):
        article_process(article_id=poison)
    assert Article.objects.get(pk=poison).status == ArticleStatus.FETCHING


def test_a_batch_mate_that_cannot_be_prepared_costs_only_itself(settings, monkeypatch):
    from timeline.services import processing

    settings.TIMELINE = {**settings.TIMELINE, "INGEST_BATCH": 8}
    ids = submit(3)
    real = processing._extract

    def faulty(article, *args, **kwargs):
        if article.pk == ids[1]:
            raise ValueError("a parser fault")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(processing, "_extract", faulty)
    assert article_process(article_id=ids[0]) == ArticleStatus.DONE
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert [statuses[pk] for pk in ids] == ["done", "fetching", "done"]
