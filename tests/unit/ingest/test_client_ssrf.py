"""SSRF: hostile URLs, redirects to internal targets and DNS rebinding are refused with a reason."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote

import pytest

from timeline.dto import FetchPolicy
from timeline.exceptions import FetchError, PermanentFetchError
from timeline.ingest.client import SafeFetcher
from timeline.ingest.netaddr import (
    IPAddress,
    address_block_reason,
    parse_target,
    system_resolver,
)

from .conftest import PUBLIC_IP, LocalServer, local_dialer, mapping_resolver

HOSTILE_URLS = [
    # (url, reason) -- the system resolver is used, so names never leave this machine:
    # they are refused by name, or are numeric and decoded without DNS.
    ("http://127.0.0.1/", "blocked_address"),
    ("http://127.0.0.1:8000/admin/", "blocked_address"),
    ("http://localhost/", "blocked_host"),
    ("http://LOCALHOST./", "blocked_host"),
    ("http://foo.localhost/", "blocked_host"),
    ("http://printer.local/", "blocked_host"),
    ("http://intranet/", "blocked_host"),
    ("http://0x7f000001/", "blocked_address"),
    ("http://2130706433/", "blocked_address"),
    ("http://0177.0.0.1/", "blocked_address"),
    ("http://127.1/", "blocked_address"),
    ("http://0/", "blocked_address"),
    ("http://0.0.0.0/", "blocked_address"),
    ("http://１２７.０.０.１/", "blocked_address"),  # full-width digits and dots
    ("http://[::1]/", "blocked_address"),
    ("http://[::]/", "blocked_address"),
    ("http://[::ffff:127.0.0.1]/", "blocked_address"),
    ("http://[::ffff:a9fe:a9fe]/", "blocked_address"),  # mapped 169.254.169.254
    ("http://[::127.0.0.1]/", "blocked_address"),  # IPv4-compatible
    ("http://[2002:7f00:1::]/", "blocked_address"),  # 6to4 around 127.0.0.1
    ("http://[2002:a00:1::1]/", "blocked_address"),  # 6to4 around 10.0.0.1
    ("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "blocked_address"),  # Teredo, 127.0.0.1
    ("http://[64:ff9b::10.0.0.1]/", "blocked_address"),  # NAT64
    ("http://169.254.169.254/latest/meta-data/", "blocked_address"),
    ("http://169.254.170.2/v2/credentials", "blocked_address"),
    ("http://[fd00:ec2::254]/latest/meta-data/", "blocked_address"),
    ("http://100.100.100.200/latest/meta-data/", "blocked_address"),
    ("http://metadata.google.internal/computeMetadata/v1/", "blocked_host"),
    ("http://metadata/computeMetadata/v1/", "blocked_host"),
    ("http://instance-data/latest/", "blocked_host"),
    ("http://10.0.0.1/", "blocked_address"),
    ("http://192.168.1.1/", "blocked_address"),
    ("http://172.16.0.1/", "blocked_address"),
    ("http://172.31.255.255/", "blocked_address"),
    ("http://100.64.0.1/", "blocked_address"),
    ("http://198.18.0.1/", "blocked_address"),  # benchmarking
    ("http://192.0.2.1/", "blocked_address"),  # documentation
    ("http://224.0.0.1/", "blocked_address"),
    ("http://255.255.255.255/", "blocked_address"),
    ("http://240.0.0.1/", "blocked_address"),
    ("http://[fe80::1]/", "blocked_address"),
    ("http://[fc00::1]/", "blocked_address"),
    ("http://[fec0::1]/", "blocked_address"),
    ("http://[ff02::1]/", "blocked_address"),
    ("http://[2001:db8::1]/", "blocked_address"),
    ("http://[fe80::1%25eth0]/", "bad_url"),
    ("file:///etc/passwd", "bad_scheme"),
    ("gopher://127.0.0.1:70/_HELO", "bad_scheme"),
    ("ftp://ftp.example.com/pub/", "bad_scheme"),
    ("dict://127.0.0.1:11211/stats", "bad_scheme"),
    ("javascript:alert(1)", "bad_scheme"),
    ("//example.com/no-scheme", "bad_scheme"),
    ("http://user:pass@example.com/", "userinfo"),
    ("http://example.com@127.0.0.1/", "userinfo"),
    ("http://127.0.0.\t1/", "bad_url"),  # urlsplit would silently drop the tab
    ("http:///nohost", "bad_url"),
]


@pytest.mark.parametrize(("url", "reason"), HOSTILE_URLS)
def test_hostile_url_is_refused_with_reason(
    url: str, reason: str, strict_policy: FetchPolicy
) -> None:
    fetcher = SafeFetcher(strict_policy)  # the real system resolver
    with pytest.raises(PermanentFetchError) as excinfo:
        fetcher.fetch(url)
    assert excinfo.value.reason == reason
    assert not excinfo.value.retryable


def test_at_least_twenty_hostile_urls_are_covered() -> None:
    assert len(HOSTILE_URLS) >= 20


@pytest.mark.parametrize("host", ["0x7f000001", "2130706433", "0177.0.0.1", "127.1", "localhost"])
def test_system_resolver_turns_odd_numeric_forms_into_loopback(host: str) -> None:
    """Belt and braces: even if a form slipped past parse_target, the resolver outcome is checked."""
    for text in system_resolver(host, 80):
        ip: IPAddress = ipaddress.ip_address(text)
        assert address_block_reason(ip, allow_private=False) == "loopback"


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_block_reason(ipaddress.ip_address(address), allow_private=False) is None


def test_allow_private_relaxes_only_private_ranges() -> None:
    relaxed = ["127.0.0.1", "10.1.2.3", "192.168.0.10", "100.64.0.1", "::1", "fd12::1"]
    still_blocked = ["169.254.169.254", "fd00:ec2::254", "0.0.0.0", "224.0.0.1", "fe80::1"]
    for text in relaxed:
        assert address_block_reason(ipaddress.ip_address(text), allow_private=True) is None
    for text in still_blocked:
        assert address_block_reason(ipaddress.ip_address(text), allow_private=True) is not None


def test_metadata_names_are_blocked_even_with_allow_private() -> None:
    fetcher = SafeFetcher(FetchPolicy(allow_private=True))
    with pytest.raises(PermanentFetchError) as excinfo:
        fetcher.fetch("http://metadata.google.internal/computeMetadata/v1/")
    assert excinfo.value.reason == "blocked_host"


def test_every_resolved_address_is_checked(strict_policy: FetchPolicy) -> None:
    """A record set mixing a public and a private address is refused as a whole."""
    resolver = mapping_resolver({"mixed.example": [PUBLIC_IP, "10.0.0.5"]})
    fetcher = SafeFetcher(strict_policy, resolver=resolver, dialer=local_dialer)
    with pytest.raises(PermanentFetchError) as excinfo:
        fetcher.fetch("http://mixed.example/")
    assert excinfo.value.reason == "blocked_address"
    assert "10.0.0.5" in excinfo.value.message


def test_idna_host_is_normalised(strict_policy: FetchPolicy) -> None:
    target = parse_target("http://Bücher.Example/a b?q=ü#frag", strict_policy)
    assert target.host == "xn--bcher-kva.example"
    assert target.url == "http://xn--bcher-kva.example/a%20b?q=%C3%BC"


# -- through the local server --------------------------------------------------------------------


def test_public_host_fetch_works_and_sends_host_header(
    public_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    resp = public_fetcher.fetch(http_server.url("/echo", host="public.example"))
    assert resp.status == 200
    assert f'"Host": "public.example:{http_server.port}"' in resp.body.decode()


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://127.0.0.1:{port}/article", "blocked_address"),
        ("http://localhost:{port}/article", "blocked_host"),
        ("http://[::1]:{port}/article", "blocked_address"),
        ("http://169.254.169.254/latest/meta-data/", "blocked_address"),
        ("http://metadata.google.internal/", "blocked_host"),
        ("file:///etc/passwd", "bad_scheme"),
        ("gopher://127.0.0.1:70/", "bad_scheme"),
    ],
)
def test_public_host_redirecting_to_internal_target_is_refused(
    location: str, reason: str, public_fetcher: SafeFetcher, http_server: LocalServer
) -> None:
    to = quote(location.format(port=http_server.port), safe="")
    url = http_server.url(f"/redirect?to={to}", host="public.example")
    with pytest.raises(PermanentFetchError) as excinfo:
        public_fetcher.fetch(url)
    assert excinfo.value.reason == reason


def test_dns_rebinding_connects_to_the_checked_address_only(
    strict_policy: FetchPolicy, http_server: LocalServer
) -> None:
    """The resolver answers public first and loopback afterwards; only one lookup happens and
    the socket goes to the public (checked) address."""
    answers = [[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]]
    lookups: list[str] = []
    dialled: list[IPAddress] = []

    def rebinding_resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return answers[len(lookups) - 1]

    def spy_dialer(ip: IPAddress) -> str:
        dialled.append(ip)
        return local_dialer(ip)

    fetcher = SafeFetcher(strict_policy, resolver=rebinding_resolver, dialer=spy_dialer)
    resp = fetcher.fetch(http_server.url("/article", host="rebind.example"))
    assert resp.status == 200
    assert lookups == ["rebind.example"]
    assert dialled == [ipaddress.ip_address(PUBLIC_IP)]


def test_dns_rebinding_on_redirect_hop_is_caught(
    strict_policy: FetchPolicy, http_server: LocalServer
) -> None:
    """Each hop is resolved and vetted afresh: a second name answering loopback is refused."""
    resolver = mapping_resolver({"public.example": [PUBLIC_IP], "evil.example": ["127.0.0.1"]})
    fetcher = SafeFetcher(strict_policy, resolver=resolver, dialer=local_dialer)
    to = quote(f"http://evil.example:{http_server.port}/article", safe="")
    with pytest.raises(PermanentFetchError) as excinfo:
        fetcher.fetch(http_server.url(f"/redirect?to={to}", host="public.example"))
    assert excinfo.value.reason == "blocked_address"


def test_fetch_errors_have_reason_and_message(strict_policy: FetchPolicy) -> None:
    with pytest.raises(FetchError) as excinfo:
        SafeFetcher(strict_policy).fetch("http://10.0.0.1/")
    assert excinfo.value.reason == "blocked_address"
    assert "10.0.0.1" in str(excinfo.value)
