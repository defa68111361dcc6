"""The policy for URLs the server calls because staff or an integration configured them.

A2A push notification receivers and REST webhook endpoints are URLs chosen by someone else, and
the server POSTs to them from inside its own network. Without a check, a URL such as
http://169.254.169.254/… (a cloud's metadata service) or http://10.0.0.5/admin would have the
server call internal services on that someone's behalf (server-side request forgery). Each
caller applies this policy when a URL is set and again just before each request (a host may come
to resolve elsewhere), and sends nothing, with no redirects followed, when it says no.

A URL may be called when it is https, carries no user:password@, and every address its host
resolves to is public (the rule of a2a-sdk's validate_push_notification_url, which only answers
yes or no; staff and integrators are told here which address was refused, and why; a test holds
the two to the same verdicts). http and https to localhost are allowed only when the caller says
so (DEBUG or a setting, for local development and the test suite).

`outbound_url_problem` resolves without blocking the event loop; `outbound_url_problem_sync` is
for synchronous Django code (an admin form) and gives up on a host that takes too long to resolve.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_URL_CHARS = 2000
RESOLVE_TIMEOUT_S = 3.0

CARRIES_CREDENTIALS = "must not carry credentials (user:password@)"
NOT_HTTPS = "must use https"
NOT_PUBLIC = "must reach a public address"

# getaddrinfo cannot be interrupted: a lookup that hangs keeps its thread until the system
# resolver gives up. A small pool of its own bounds how many such threads there can be; a check
# waiting behind them times out and refuses, like a slow lookup does.
_resolver_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="outbound-url-resolve")


class _Screening(NamedTuple):
    problem: str | None            # refused as written
    host_to_resolve: str | None    # None: nothing to resolve (refused, or an allowed local URL)
    port: int = 443


def _screen(url: str, *, allow_http_localhost: bool) -> _Screening:
    """Everything that can be judged from the URL's text alone."""
    if len(url) > MAX_URL_CHARS:
        return _Screening(f"is longer than {MAX_URL_CHARS} characters", None)
    try:
        parsed = urllib.parse.urlsplit(url)
        explicit_port = parsed.port  # a port that is not a number raises here
    except ValueError:
        return _Screening("is not a valid URL", None)
    if parsed.username is not None or parsed.password is not None:
        return _Screening(CARRIES_CREDENTIALS, None)
    host = (parsed.hostname or "").lower()
    if not host:
        return _Screening("has no host", None)
    if host in LOCAL_HOSTS and allow_http_localhost:
        return _Screening(None if parsed.scheme in ("http", "https") else NOT_HTTPS, None)
    if parsed.scheme != "https":
        return _Screening(NOT_HTTPS, None)
    return _Screening(None, host, explicit_port or 443)


def address_refusal(address: str) -> str | None:
    """What kind of non-public address this is (said to staff), or None for a public one.

    The same rule as a2a-sdk's push URL validator: anything not globally routable is refused,
    and an IPv4-mapped IPv6 address is judged as the IPv4 address inside it.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", maxsplit=1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    except ValueError:
        return "not an IP address"
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    # Most specific first: 127.0.0.1 and 169.254.169.254 also count as "private" to ipaddress.
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address (this server itself)"
    if ip.is_link_local:
        return "a link-local address (where cloud metadata services such as 169.254.169.254 answer)"
    if ip.is_private:
        return "a private network address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "an address that is not publicly routable"
    return None


def _addresses_problem(host: str, addresses: list[str]) -> str | None:
    if not addresses:
        return f"{NOT_PUBLIC}, but its host {host} does not resolve"
    for address in addresses:
        refusal = address_refusal(address)
        if refusal is not None:
            if address == host:  # the URL names the address itself
                return f"{NOT_PUBLIC}, but {address} is {refusal}"
            return f"{NOT_PUBLIC}, but its host {host} resolves to {address}, {refusal}"
    return None


def _addresses_of(infos: list[tuple]) -> list[str]:
    return [str(info[4][0]) for info in infos]


async def outbound_url_problem(
    url: str, *, allow_http_localhost: bool, resolve_timeout_s: float = RESOLVE_TIMEOUT_S,
) -> str | None:
    """Why the server must not call this URL, or None when it may (resolving on the loop's resolver)."""
    screening = _screen(url, allow_http_localhost=allow_http_localhost)
    if screening.host_to_resolve is None:
        return screening.problem
    host = screening.host_to_resolve
    try:
        async with asyncio.timeout(resolve_timeout_s):
            infos = await asyncio.get_running_loop().getaddrinfo(host, screening.port, type=socket.SOCK_STREAM)
    except TimeoutError:
        return f"{NOT_PUBLIC}, but its host {host} did not resolve within {resolve_timeout_s:g} s"
    except OSError:
        infos = []  # fail closed: an unresolvable host is refused, never waved through
    return _addresses_problem(host, _addresses_of(infos))


def outbound_url_problem_sync(
    url: str, *, allow_http_localhost: bool, resolve_timeout_s: float = RESOLVE_TIMEOUT_S,
) -> str | None:
    """The same policy for synchronous code: the lookup runs on a thread, abandoned after the timeout."""
    screening = _screen(url, allow_http_localhost=allow_http_localhost)
    if screening.host_to_resolve is None:
        return screening.problem
    host = screening.host_to_resolve
    lookup = _resolver_pool.submit(socket.getaddrinfo, host, screening.port, type=socket.SOCK_STREAM)
    try:
        infos = lookup.result(timeout=resolve_timeout_s)
    except TimeoutError:  # concurrent.futures' own, the builtin since Python 3.11
        lookup.cancel()  # if it has not started yet, it never will
        return f"{NOT_PUBLIC}, but its host {host} did not resolve within {resolve_timeout_s:g} s"
    except OSError:
        infos = []
    return _addresses_problem(host, _addresses_of(infos))
