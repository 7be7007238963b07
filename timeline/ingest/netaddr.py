"""URL and address vetting for outgoing fetches (the SSRF guard).

The fetcher (``client.py``) asks three questions before it opens a socket:

1. ``parse_target``: is the URL acceptable at all (scheme allow-list, no userinfo, a sane
   IDNA-normalised host)?
2. ``hostname_block_reason``: is the *name* one we never ask DNS about (cloud metadata names,
   ``localhost``, ``*.internal``, single-label intranet names)?
3. ``address_block_reason``: for EVERY address the name resolved to, is it a public unicast
   address? IPv6 forms that embed an IPv4 address (mapped, compatible, 6to4, Teredo, NAT64) are
   judged by the embedded address too.

The client then connects to one of the addresses it checked, never to the name, so a second DNS
answer (rebinding) cannot change the target.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import idna

from timeline.dto import FetchPolicy
from timeline.exceptions import PermanentFetchError, TransientFetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: ``resolver(host, port) -> addresses``; injectable so tests can map names without DNS.
Resolver = Callable[[str, int], Sequence[str]]

# Names that point at instance metadata services. Refused even with allow_private, because
# metadata endpoints hand out credentials.
METADATA_HOSTNAMES = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.tencentyun.com",
    }
)
# Special-use and de-facto private suffixes (RFC 6761, RFC 8375, ICANN's .internal, mDNS).
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".lan", ".localdomain")

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network

# Metadata service addresses: AWS/GCP/Azure/OpenStack/Oracle (169.254.169.254), AWS ECS task
# metadata (169.254.170.2), AWS IPv6 IMDS, Alibaba (inside CGNAT), Oracle's alternative.
_METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)

# (network, category). ``allow_private`` only relaxes the PRIVATE_OK categories below.
_V4_RANGES: tuple[tuple[_V4, str], ...] = (
    (_V4("0.0.0.0/8"), "unspecified"),  # "this network"; 0.0.0.0 reaches localhost on Linux
    (_V4("10.0.0.0/8"), "private"),
    (_V4("100.64.0.0/10"), "cgnat"),
    (_V4("127.0.0.0/8"), "loopback"),
    (_V4("169.254.0.0/16"), "link_local"),
    (_V4("172.16.0.0/12"), "private"),
    (_V4("192.0.0.0/24"), "reserved"),  # IETF protocol assignments
    (_V4("192.0.2.0/24"), "documentation"),
    (_V4("192.88.99.0/24"), "reserved"),  # 6to4 relay anycast
    (_V4("192.168.0.0/16"), "private"),
    (_V4("198.18.0.0/15"), "benchmark"),
    (_V4("198.51.100.0/24"), "documentation"),
    (_V4("203.0.113.0/24"), "documentation"),
    (_V4("224.0.0.0/4"), "multicast"),
    (_V4("240.0.0.0/4"), "reserved"),  # includes 255.255.255.255 broadcast
)
_V6_RANGES: tuple[tuple[_V6, str], ...] = (
    (_V6("::/128"), "unspecified"),
    (_V6("::1/128"), "loopback"),
    (_V6("64:ff9b:1::/48"), "private"),  # local-use NAT64
    (_V6("100::/64"), "reserved"),  # discard-only
    (_V6("2001:2::/48"), "benchmark"),
    (_V6("2001:10::/28"), "reserved"),  # ORCHID
    (_V6("2001:20::/28"), "reserved"),  # ORCHIDv2
    (_V6("2001:db8::/32"), "documentation"),
    (_V6("3fff::/20"), "documentation"),
    (_V6("5f00::/16"), "reserved"),  # SRv6 SIDs
    (_V6("fc00::/7"), "private"),  # unique local
    (_V6("fe80::/10"), "link_local"),
    (_V6("fec0::/10"), "site_local"),
    (_V6("ff00::/8"), "multicast"),
)
_GLOBAL_UNICAST_V6 = _V6("2000::/3")
PRIVATE_OK = frozenset({"private", "loopback", "cgnat"})

_HOST_LABELS = re.compile(
    r"^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$"
)
# Characters inet_aton accepts in its legacy numeric forms.
_NUMERIC_HOST = re.compile(r"^[0-9a-fA-FxX.]+$")
# Keep existing escapes and RFC 3986 sub-delims; percent-encode spaces, non-ASCII and controls.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~?"


@dataclass(frozen=True, slots=True)
class Target:
    """A vetted URL split into what the connection needs."""

    url: str  # normalised absolute URL (no fragment, IDNA host)
    scheme: str
    host: str  # ASCII hostname, or the canonical text of an IP address (no brackets)
    port: int
    request_target: str  # path + query for the request line
    literal: IPAddress | None  # set when the host is an IP address in any accepted spelling

    @property
    def host_header(self) -> str:
        """The ``Host`` header value: default ports omitted, IPv6 bracketed."""
        return _authority(self.scheme, self.host, self.port)


def _authority(scheme: str, host: str, port: int) -> str:
    bracketed = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return bracketed if port == default else f"{bracketed}:{port}"


def parse_target(url: str, policy: FetchPolicy) -> Target:
    """Validate and normalise ``url``; raise ``PermanentFetchError`` if it is unacceptable."""
    # urlsplit silently drops tab/CR/LF, so "http://127.0.0.\t1/" would parse as something the
    # user never wrote; refuse control characters outright. Spaces get percent-encoded below.
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        raise PermanentFetchError("bad_url", "URL contains control characters")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise PermanentFetchError("bad_url", f"unparseable URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in policy.allowed_schemes:
        raise PermanentFetchError("bad_scheme", f"scheme {scheme or '(none)'!r} is not allowed")
    if "@" in parts.netloc:
        # Userinfo is how "http://trusted.example@evil.example/" tricks humans and parsers.
        raise PermanentFetchError("userinfo", "URLs with user:password@ are refused")
    raw_host = parts.hostname
    if not raw_host:
        raise PermanentFetchError("bad_url", "URL has no host")
    host, literal = _normalise_host(raw_host)
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    query = quote(parts.query, safe=_PATH_SAFE + "=&")
    request_target = f"{path}?{query}" if parts.query else path
    port = port or (443 if scheme == "https" else 80)
    return Target(
        url=f"{scheme}://{_authority(scheme, host, port)}{request_target}",
        scheme=scheme,
        host=host,
        port=port,
        request_target=request_target,
        literal=literal,
    )


def _normalise_host(raw: str) -> tuple[str, IPAddress | None]:
    host = raw[:-1] if raw.endswith(".") else raw
    if not host.isascii():
        # UTS 46 maps full-width digits and dots too, so "１２７．０．０．１" becomes 127.0.0.1
        # here and is then treated as the literal it is.
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise PermanentFetchError("bad_url", f"invalid host name {raw!r}") from exc
    host = host.lower()
    try:
        literal: IPAddress = ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        if isinstance(literal, ipaddress.IPv6Address) and literal.scope_id:
            raise PermanentFetchError("bad_url", "IPv6 zone identifiers are not fetchable")
        return (str(literal), literal)
    if _NUMERIC_HOST.match(host):
        # Legacy numeric spellings (0x7f000001, 2130706433, 0177.0.0.1, 127.1) are what the
        # system resolver would turn them into anyway; decoding them here means they are
        # checked even with an injected resolver.
        try:
            packed = socket.inet_aton(host)
        except OSError:
            pass
        else:
            v4 = ipaddress.IPv4Address(packed)
            return (str(v4), v4)
    if not _HOST_LABELS.match(host):
        raise PermanentFetchError("bad_url", f"invalid host name {raw!r}")
    return (host, None)


def hostname_block_reason(host: str, *, allow_private: bool) -> str | None:
    """Why a host *name* must not be resolved at all, or None."""
    if host in METADATA_HOSTNAMES:
        return "metadata"
    if allow_private:
        return None
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return "local_name"
    if "." not in host:
        # Single-label names resolve through search domains to intranet hosts.
        return "single_label"
    return None


def address_categories(ip: IPAddress) -> set[str]:
    """Every special-purpose category ``ip`` falls into; empty means public unicast."""
    if ip in _METADATA_ADDRESSES:
        return {"metadata"}
    if isinstance(ip, ipaddress.IPv4Address):
        found = {cat for net, cat in _V4_RANGES if ip in net}
        if not found and not ip.is_global:
            found.add("reserved")  # safety net for ranges missing from the table
        return found
    if ip.scope_id:
        ip = ipaddress.IPv6Address(ip.packed)  # drop "%eth0"; the range decides
    embedded = _embedded_ipv4(ip)
    if embedded:
        return set().union(*(address_categories(v4) for v4 in embedded))
    found = {cat for net, cat in _V6_RANGES if ip in net}
    if not found and ip not in _GLOBAL_UNICAST_V6:
        found.add("reserved")  # everything outside 2000::/3 is unassigned or special
    if not found and not ip.is_global:
        found.add("reserved")
    return found


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (and which a gateway may route to)."""
    if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d
        return [ip.ipv4_mapped]
    as_int = int(ip)
    if as_int >> 32 == 0 and as_int > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return [ipaddress.IPv4Address(as_int & 0xFFFFFFFF)]
    if ip in _V6("64:ff9b::/96"):  # well-known NAT64 prefix
        return [ipaddress.IPv4Address(as_int & 0xFFFFFFFF)]
    if ip.sixtofour is not None:  # 2002:aabb:ccdd::/48
        return [ip.sixtofour]
    if ip.teredo is not None:  # 2001:0::/32 -> (server, client)
        return list(ip.teredo)
    return []


def address_block_reason(ip: IPAddress, *, allow_private: bool) -> str | None:
    """The category that forbids connecting to ``ip`` under the policy, or None."""
    categories = address_categories(ip)
    if allow_private:
        categories -= PRIVATE_OK
    return min(categories) if categories else None


def system_resolver(host: str, port: int) -> list[str]:
    """All TCP addresses for ``host`` from the system resolver (getaddrinfo)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        if exc.errno == socket.EAI_NONAME:
            raise PermanentFetchError("dns_nxdomain", f"{host} does not resolve") from exc
        raise TransientFetchError("dns_error", f"resolving {host} failed: {exc}") from exc
    except UnicodeError as exc:
        raise PermanentFetchError("bad_url", f"invalid host name {host!r}") from exc
    seen: dict[str, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)


def vet_target(target: Target, policy: FetchPolicy, resolver: Resolver) -> list[IPAddress]:
    """Resolve ``target`` ONCE and return its addresses if every one of them is allowed.

    One forbidden address refuses the whole name: a record set mixing public and private
    addresses is a classic way to slip an internal target past a check of "the first" address.
    """
    if target.literal is not None:
        addresses: list[IPAddress] = [target.literal]
    else:
        name_reason = hostname_block_reason(target.host, allow_private=policy.allow_private)
        if name_reason:
            raise PermanentFetchError(
                "blocked_host", f"host {target.host!r} is not fetchable ({name_reason})"
            )
        addresses = []
        for text in resolver(target.host, target.port):
            try:
                addresses.append(ipaddress.ip_address(text))
            except ValueError as exc:
                raise PermanentFetchError("dns_error", f"resolver returned {text!r}") from exc
        if not addresses:
            raise PermanentFetchError("dns_nxdomain", f"{target.host} has no addresses")
    for ip in addresses:
        reason = address_block_reason(ip, allow_private=policy.allow_private)
        if reason:
            raise PermanentFetchError(
                "blocked_address", f"{target.host} resolves to {ip}, a {reason} address"
            )
    return addresses
