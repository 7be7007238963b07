"""Connection plumbing for ``client.py``: pinned urllib3 pools and a hard total deadline.

Socket timeouts bound each ``recv``, not a whole exchange: a server that sends one byte every
second (headers or body) never trips a 5-second read timeout and could hold a worker forever.
``Deadline`` is a watchdog timer that shuts the hop's socket down when the total deadline
passes; the blocked read then returns at once and the client reports a timeout (it checks
``Deadline.fired`` so a body cut short by the watchdog is never mistaken for a complete one).
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection


class Deadline:
    """Shut tracked sockets down at monotonic time ``at``; thread-safe, one per fetch hop."""

    def __init__(self, at: float) -> None:
        self.at = at
        self.fired = False
        self._lock = threading.Lock()
        self._fds: list[int] = []
        self._done = False
        self._timer = threading.Timer(max(0.0, at - time.monotonic()), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def track(self, sock: socket.socket) -> None:
        """Remember a freshly connected socket (by fd, which survives the TLS wrap)."""
        with self._lock:
            if self._done:
                return
            self._fds.append(sock.fileno())
            if self.fired:
                _shutdown_fd(sock.fileno())

    def stop(self) -> None:
        """Disarm. Must run BEFORE the sockets are closed, so a late timer can never touch a
        recycled file descriptor (the lock orders it against ``_fire``)."""
        with self._lock:
            self._done = True
            self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            for fd in self._fds:
                _shutdown_fd(fd)


def _shutdown_fd(fd: int) -> None:
    # A temporary socket object on the same fd; detach() so it does not close the fd.
    try:
        temp = socket.socket(fileno=fd)
    except OSError:
        return
    try:
        temp.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        temp.detach()


class _GuardedHTTPConnection(HTTPConnection):
    def __init__(self, *args: Any, deadline: Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self._deadline.track(sock)
        return sock


class _GuardedHTTPSConnection(HTTPSConnection):
    def __init__(self, *args: Any, deadline: Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self._deadline.track(sock)  # before the TLS handshake, so that is covered too
        return sock


class _GuardedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


def open_pool(
    *,
    scheme: str,
    dial: str,
    port: int,
    hostname: str,
    hostname_is_ip: bool,
    timeout: urllib3.Timeout,
    deadline: Deadline,
    ca_bundle: str | None,
) -> urllib3.HTTPConnectionPool:
    """A single-connection pool that dials the IP ``dial`` but speaks to ``hostname``.

    For HTTPS the SNI name and the certificate check use ``hostname``, so pinning the IP does
    not weaken TLS; urllib3 never resolves anything because ``dial`` is already an address.
    """
    if scheme == "https":
        return _GuardedHTTPSPool(
            host=dial,
            port=port,
            timeout=timeout,
            maxsize=1,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            ca_certs=ca_bundle,
            server_hostname=None if hostname_is_ip else hostname,
            assert_hostname=hostname,
            deadline=deadline,
        )
    return _GuardedHTTPPool(
        host=dial, port=port, timeout=timeout, maxsize=1, retries=False, deadline=deadline
    )
