"""Load the demo articles through the ingestion pipeline and make a local admin user."""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from importlib import resources
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from timeline.enums import ArticleStatus
from timeline.models import Article
from timeline.services.articles import article_submit
from timeline.services.processing import article_process


class Command(BaseCommand):
    help = "Ingest the bundled demo articles (idempotent) and create a local 'admin' user."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-user", action="store_true", help="Do not create the admin user")

    def handle(self, *args: Any, **options: Any) -> None:
        lines = resources.files("timeline.demo").joinpath("articles.jsonl").read_text("utf-8")
        ids = []
        for line in lines.splitlines():
            item = json.loads(line)
            article, _created = article_submit(
                url=item["url"],
                text=item["text"],
                title=item["title"],
                published_at=datetime.fromisoformat(item["published_at"]),
            )
            ids.append(article.pk)
        # With no broker configured the task already ran in-process on commit; otherwise run
        # the same service the worker runs, so `make run` never depends on a worker.
        for pk in ids:
            if Article.objects.filter(pk=pk, status=ArticleStatus.QUEUED).exists():
                article_process(article_id=pk)
        states = list(Article.objects.filter(pk__in=ids).values_list("status", flat=True))
        if any(state != ArticleStatus.DONE for state in states):
            raise CommandError(f"demo articles did not all finish: {states}")
        self.stdout.write(self.style.SUCCESS(f"Demo: {len(ids)} articles ingested."))
        if not options["no_user"]:
            self._admin_user()

    def _admin_user(self) -> None:
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: not creating the demo admin user.")
            return
        user_model = get_user_model()
        if user_model.objects.filter(username="admin").exists():
            self.stdout.write("Admin user 'admin' already exists (password unchanged).")
            return
        password = secrets.token_urlsafe(9)
        user = user_model.objects.create_superuser("admin", "admin@localhost", password)
        editors = Group.objects.filter(name="editor").first()
        if editors:
            user.groups.add(editors)
        self.stdout.write(
            self.style.WARNING(
                f"Local admin user created: admin / {password}  (shown once; for this demo only)"
            )
        )
