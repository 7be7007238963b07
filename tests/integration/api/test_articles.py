"""/api/v1/articles/: 202 submission, idempotent resubmission, status and extracted items."""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from timeline.enums import ArticleOrigin, ArticleStatus
from timeline.models import Article

URL = "/api/v1/articles/"


@pytest.mark.django_db
def test_submit_url_is_202_with_location_and_enqueues_after_commit(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(
            URL, {"url": "https://www.example.org/news/1?utm_source=x"}, format="json"
        )
    assert response.status_code == 202, response.content
    body = response.json()
    article = Article.objects.get()
    assert body == {
        "id": article.pk,
        "status": "queued",
        "url": "https://www.example.org/news/1",
        "links": {"self": f"http://testserver/api/v1/articles/{article.pk}/"},
    }
    assert response["Location"] == body["links"]["self"]
    assert len(callbacks) == 1  # the processing task is sent only once the row is committed


@pytest.mark.django_db
def test_resubmission_answers_200_with_the_existing_article(editor_client):
    first = editor_client.post(URL, {"url": "https://www.example.org/news/2"}, format="json")
    again = editor_client.post(
        URL, {"url": "https://WWW.example.org/news/2#comments"}, format="json"
    )
    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again["Location"] == first["Location"]
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_submit_text_and_html(editor_client):
    text = editor_client.post(
        URL,
        {
            "text": "Officials met on Tuesday.",
            "title": "Met",
            "published_at": "2024-10-30T09:00:00Z",
        },
        format="json",
    )
    assert text.status_code == 202
    assert Article.objects.get(pk=text.json()["id"]).origin == ArticleOrigin.TEXT
    html = editor_client.post(
        URL, {"html": "<p>Hi</p>", "url": "https://example.org/h"}, format="json"
    )
    assert html.status_code == 202
    assert Article.objects.get(pk=html.json()["id"]).origin == ArticleOrigin.HTML


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "url"),
        ({"url": "ftp://example.org/file"}, "url"),
        ({"text": "Some text"}, "title"),
        ({"text": "Some text", "title": "T"}, "published_at"),
        ({"html": "<p>x</p>"}, "url"),
        ({"url": "https://example.org/x", "published_at": "soon"}, "published_at"),
    ],
)
def test_bad_submissions_are_400_naming_the_field(editor_client, body, field):
    response = editor_client.post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_anonymous_submission_is_401(client):
    response = client.post(URL, {"url": "https://example.org/x"}, format="json")
    assert response.status_code == 401


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_of_one_url_make_one_article(editor):
    """Twenty threads, each with its own connection, submit the same URL at once."""
    token = Token.objects.create(user=editor)
    barrier = threading.Barrier(20 if connection.vendor == "postgresql" else 1)

    def submit(_: int) -> tuple[int, int]:
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=10)
        try:
            response = api.post(URL, {"url": "https://www.example.org/race"}, format="json")
            return response.status_code, response.json()["id"]
        finally:
            connection.close()

    # SQLite serialises writers on one file: there the submissions run one after another.
    workers = 20 if connection.vendor == "postgresql" else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(submit, range(20)))
    assert Article.objects.count() == 1
    assert {article_id for _, article_id in results} == {Article.objects.get().pk}
    assert sorted(code for code, _ in results) == [200] * 19 + [202]


@pytest.mark.django_db
def test_detail_shows_status_error_date_source_and_visible_items(client, seed):
    seed.article.status = ArticleStatus.FAILED
    seed.article.error_reason = "http_404"
    seed.article.error_message = "Not found upstream"
    seed.article.save()
    body = client.get(f"{URL}{seed.article.pk}/").json()
    assert (body["status"], body["error_reason"], body["error_message"]) == (
        "failed",
        "http_404",
        "Not found upstream",
    )
    assert body["date_source"] == "none"
    assert [e["id"] for e in body["items"]["events"]] == [seed.pact.pk, seed.meeting.pk]
    assert [s["id"] for s in body["items"]["statements"]] == [seed.statement.pk]
    assert "text" not in body
    assert "raw_html" not in body


@pytest.mark.django_db
def test_list_filters_by_status_and_outlet(client, seed):
    assert [a["id"] for a in client.get(URL, {"status": "done"}).json()["results"]] == [
        seed.article.pk
    ]
    assert client.get(URL, {"status": "queued"}).json()["results"] == []
    assert len(client.get(URL, {"outlet": "voanews.com"}).json()["results"]) == 1
    assert client.get(URL, {"status": "lost"}).status_code == 400


@pytest.mark.django_db
def test_reextract_and_refetch_are_staff_actions(client, viewer_client, editor_client, seed):
    url = f"{URL}{seed.article.pk}/reextract/"
    assert client.post(url).status_code == 401
    assert viewer_client.post(url).status_code == 403
    response = editor_client.post(url)
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    seed.article.refresh_from_db()
    assert seed.article.status == ArticleStatus.QUEUED
    # Already in flight: accepted again, nothing changes.
    assert editor_client.post(f"{URL}{seed.article.pk}/refetch/").status_code == 202


@pytest.mark.django_db
def test_refetch_of_pasted_text_is_400(editor_client):
    created = editor_client.post(
        URL,
        {"text": "Officials met.", "title": "Met", "published_at": "2024-10-30T09:00:00Z"},
        format="json",
    )
    Article.objects.filter(pk=created.json()["id"]).update(status=ArticleStatus.DONE)
    response = editor_client.post(f"{URL}{created.json()['id']}/refetch/")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["url"]
