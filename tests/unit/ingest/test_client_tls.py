"""HTTPS with a pinned IP: SNI and certificate checks still use the host name."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from timeline.dto import FetchPolicy
from timeline.exceptions import PermanentFetchError
from timeline.ingest.client import SafeFetcher

from .conftest import ARTICLE_HTML, PUBLIC_IP, local_dialer, mapping_resolver


class _TLSHandler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(ARTICLE_HTML)))
        self.end_headers()
        self.wfile.write(ARTICLE_HTML)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """A local HTTPS server whose self-signed certificate names ``secure.example``."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl CLI not available")
    tmp = tmp_path_factory.mktemp("tls")
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=secure.example",
            "-addext", "subjectAltName=DNS:secure.example",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TLSHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], cert
    server.shutdown()
    server.server_close()


def _fetcher(cert: Path) -> SafeFetcher:
    policy = FetchPolicy(ca_bundle=str(cert), connect_timeout=2, read_timeout=2, total_timeout=5)
    names = {"secure.example": [PUBLIC_IP], "impostor.example": [PUBLIC_IP]}
    return SafeFetcher(policy, resolver=mapping_resolver(names), dialer=local_dialer)


def test_https_to_pinned_ip_verifies_certificate_against_hostname(
    tls_server: tuple[int, Path],
) -> None:
    port, cert = tls_server
    resp = _fetcher(cert).fetch(f"https://secure.example:{port}/article")
    assert resp.status == 200
    assert resp.body == ARTICLE_HTML


def test_https_certificate_for_another_name_is_refused(tls_server: tuple[int, Path]) -> None:
    port, cert = tls_server
    with pytest.raises(PermanentFetchError) as excinfo:
        _fetcher(cert).fetch(f"https://impostor.example:{port}/article")
    assert excinfo.value.reason == "tls_error"


def test_https_with_untrusted_certificate_is_refused(tls_server: tuple[int, Path]) -> None:
    port, _cert = tls_server
    policy = FetchPolicy(connect_timeout=2, read_timeout=2, total_timeout=5)  # system CAs
    fetcher = SafeFetcher(
        policy, resolver=mapping_resolver({"secure.example": [PUBLIC_IP]}), dialer=local_dialer
    )
    with pytest.raises(PermanentFetchError) as excinfo:
        fetcher.fetch(f"https://secure.example:{port}/article")
    assert excinfo.value.reason == "tls_error"
