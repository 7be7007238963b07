"""End-to-end fixtures: a private redis-server, real `celery worker`/`beat` subprocesses and the
PostgreSQL test database shared with them.

These tests need PostgreSQL (DATABASE_URL) and the redis-server binary. They skip on a machine
without them, except under CI=1 where a missing service is a failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
from django.db import connection

REPO = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"e2e prerequisite missing in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RedisServer:
    """A private, non-persistent redis-server on a spare port (never the shared one)."""

    port: int
    workdir: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None:
        _unavailable("redis-server is not installed")
    server = RedisServer(port=_free_port(), workdir=tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def e2e_db(transactional_db: None) -> str:
    """The test database URL, for subprocesses. Requires PostgreSQL."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        _unavailable("e2e tests need PostgreSQL: set DATABASE_URL=postgres://…")
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@dataclass
class Celery:
    """Real worker (and optional beat) processes sharing the test database and private Redis."""

    env: dict[str, str]
    logdir: Path
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def _spawn(self, name: str, args: list[str]) -> None:
        log = (self.logdir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            [CELERY, "-A", "config", *args],
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_worker(self, name: str = "worker", concurrency: int = 2) -> None:
        self._spawn(
            name,
            [
                "worker",
                "--loglevel=WARNING",
                f"--concurrency={concurrency}",
                "--pool=prefork",
                "--without-gossip",
                "--without-mingle",
                f"--hostname={name}@%h",
                "-Q",
                "timeline",
            ],
        )

    def start_beat(self) -> None:
        self._spawn(
            "beat", ["beat", "--loglevel=WARNING", f"--schedule={self.logdir / 'beat-schedule'}"]
        )

    def kill(self, name: str = "worker", sig: int = signal.SIGKILL) -> None:
        """Kill a process group at once (the worker and its pool children), like an OOM kill."""
        proc = self.procs.pop(name)
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=30)

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.kill(name, signal.SIGTERM if name == "beat" else signal.SIGKILL)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-4000:] for p in self.logdir.glob("*.log"))


@pytest.fixture
def celery_procs(
    e2e_db: str, redis_server: RedisServer, tmp_path: Path, settings: object
) -> Iterator[Celery]:
    """Point this process's Celery app at the private Redis and give tests real workers."""
    from config.celery import app

    redis.Redis.from_url(redis_server.url).flushdb()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DATABASE_URL": e2e_db,
        "CELERY_BROKER_URL": redis_server.url,
        "TIMELINE_STUCK_AFTER_SECONDS": "4",
        "TIMELINE_SWEEP_INTERVAL_SECONDS": "1",
        "PYTHONPATH": str(REPO),
    }
    previous = app.conf.broker_url
    app.conf.broker_url = redis_server.url
    app.conf.task_always_eager = False
    _reset_pools(app)
    procs = Celery(env=env, logdir=tmp_path)
    yield procs
    procs.stop_all()
    app.conf.broker_url = previous
    _reset_pools(app)


def _reset_pools(app: object) -> None:
    """Forget cached broker connections (they point at the previous broker URL).

    kombu keeps its connection pools in a global registry keyed by URL: clear it too, or the
    next test on the same private Redis gets the closed pool back.
    """
    from kombu import pools

    pools.reset()
    app._pool = None  # type: ignore[attr-defined]
    amqp = getattr(app, "amqp", None)
    if amqp is not None:
        amqp._producer_pool = None


def wait_until(
    predicate: Callable[[], bool],
    timeout: float,
    interval: float = 0.25,
    message: str = "condition",
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")


@pytest.fixture
def chromium_path() -> str:
    """Debian's chromium; a browser test skips without it, except under CI=1 (then it fails)."""
    from tests.e2e.browser import CHROMIUM

    if not CHROMIUM.exists():
        _unavailable("/usr/bin/chromium is not installed (apt-get install chromium)")
    return str(CHROMIUM)
