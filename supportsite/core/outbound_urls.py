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
`outbound_url_problem_as_written` judges only what the URL says, with no lookup: a gate just
before a POST with `outbound_client`, whose transport does the lookup, uses it.

A check alone is not enough: httpx would resolve the host again when it connects, and a DNS
answer that changes in between (DNS rebinding) would send the POST to 127.0.0.1 after a public
address passed. `outbound_client` builds the client both callers POST with: its transport
(`CheckedAddressTransport`) checks each request's URL, resolving its host once, and connects to
an address that check found public, with the host name kept as the Host header and as the TLS
server name (httpcore's `sni_hostname` extension), so the certificate is verified for that name.

Where the network lets nothing out but through a forward proxy, SUPPORT["OUTBOUND_PROXY"]
(SUPPORT_OUTBOUND_PROXY) names one, explicitly: HTTPS_PROXY from the environment is never used,
as a proxy would resolve the host itself. A request first passes the same check, then goes
through an HTTP CONNECT tunnel to the checked address (not to the name, which the proxy could
resolve elsewhere), with TLS inside the tunnel verified for the URL's host name.
"""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import os
import socket
import ssl
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import certifi
import httpx
from django.conf import settings

from supportsite.core.proxy_urls import proxy_url_problem

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


class CheckedURL(NamedTuple):
    problem: str | None                # why it must not be called; None when it may
    addresses: tuple[str, ...] = ()    # the public addresses its host resolved to: the only ones to connect to
                                       # (none for an allowed local URL, which is sent as written)


async def outbound_url_checked(
    url: str, *, allow_http_localhost: bool, resolve_timeout_s: float = RESOLVE_TIMEOUT_S,
) -> CheckedURL:
    """The policy's verdict on this URL and, when it may be called, the addresses that were checked
    (resolving on the loop's resolver)."""
    screening = _screen(url, allow_http_localhost=allow_http_localhost)
    if screening.host_to_resolve is None:
        return CheckedURL(screening.problem)
    host = screening.host_to_resolve
    try:
        async with asyncio.timeout(resolve_timeout_s):
            infos = await asyncio.get_running_loop().getaddrinfo(host, screening.port, type=socket.SOCK_STREAM)
    except TimeoutError:
        return CheckedURL(f"{NOT_PUBLIC}, but its host {host} did not resolve within {resolve_timeout_s:g} s")
    except OSError:
        infos = []  # fail closed: an unresolvable host is refused, never waved through
    addresses = _addresses_of(infos)
    problem = _addresses_problem(host, addresses)
    return CheckedURL(problem) if problem is not None else CheckedURL(None, tuple(dict.fromkeys(addresses)))


def outbound_url_problem_as_written(url: str, *, allow_http_localhost: bool) -> str | None:
    """Why the server must not call this URL, judged from its text alone: no DNS lookup.

    For a gate in front of `outbound_client`, whose transport resolves the host and judges its
    addresses as it sends: checking them here too would resolve the host twice per request, and
    only the transport's answer is the one connected to. So None here does not mean the URL may
    be called, only that nothing written in it is refused (its scheme, credentials, host, length,
    and an address written as the host, which needs no lookup to judge).
    """
    screening = _screen(url, allow_http_localhost=allow_http_localhost)
    host = screening.host_to_resolve
    if host is None or not _is_ip_literal(host):
        return screening.problem
    return _addresses_problem(host, [host])


async def outbound_url_problem(
    url: str, *, allow_http_localhost: bool, resolve_timeout_s: float = RESOLVE_TIMEOUT_S,
) -> str | None:
    """Why the server must not call this URL, or None when it may (resolving on the loop's resolver)."""
    checked = await outbound_url_checked(url, allow_http_localhost=allow_http_localhost,
                                         resolve_timeout_s=resolve_timeout_s)
    return checked.problem


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


# --- Sending to the checked address -------------------------------------------------------------


class OutboundURLRefused(httpx.RequestError):
    """The policy refused the request's URL when it was about to be sent: nothing was sent."""

    def __init__(self, problem: str, *, request: httpx.Request) -> None:
        super().__init__(f"Not sent: the URL {problem}.", request=request)
        self.problem = problem


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _request_to_address(request: httpx.Request, address: str, *, tls_name_extension: bool = True) -> httpx.Request:
    """The same request, connecting to `address`: the Host header (set from the URL when the
    request was built) and the TLS server name stay the URL's host name.

    Without `tls_name_extension`, the TLS server name is left to the caller (through a proxy:
    `_tunnel_tls_name`)."""
    host_name = request.url.raw_host.decode("ascii")  # IDNA-encoded, as DNS and SNI want it
    extensions = {**request.extensions, "sni_hostname": host_name} if tls_name_extension else request.extensions
    return httpx.Request(
        request.method, request.url.copy_with(host=address), headers=request.headers,
        stream=request.stream, extensions=extensions,
    )


# --- Through an egress proxy ----------------------------------------------------------------------

PROXY_SETTING = "SUPPORT_OUTBOUND_PROXY"


class OutboundProxyMisconfigured(ValueError):
    """SUPPORT["OUTBOUND_PROXY"] does not name an http:// or https:// proxy."""


def outbound_proxy(url: str) -> httpx.Proxy | None:
    """The forward proxy the setting names ("http://proxy.internal:3128"), or None for "".

    A user:password@ in it is sent to the proxy as Proxy-Authorization with each CONNECT. An
    https:// proxy's certificate is checked against the same trust store as receivers' (httpx's
    default for a proxy would be certifi's alone, ignoring SSL_CERT_FILE).
    """
    if not url:
        return None
    if (problem := proxy_url_problem(PROXY_SETTING, url)) is not None:
        raise OutboundProxyMisconfigured(problem)
    https = urllib.parse.urlsplit(url).scheme == "https"
    return httpx.Proxy(url, ssl_context=httpx.create_ssl_context() if https else None)


# The checked address a request through the proxy was sent to, and the URL's host name its TLS is for.
_tunnel_tls_name: contextvars.ContextVar[tuple[str, str] | None] = contextvars.ContextVar(
    "outbound_tunnel_tls_name", default=None,
)


def _same_address(a: str, b: str) -> bool:
    try:
        return ipaddress.ip_address(a) == ipaddress.ip_address(b)
    except ValueError:
        return False


class _TunnelTLSContext(ssl.SSLContext):
    """Starts TLS inside a proxy's tunnel for the URL's host name rather than the address.

    httpcore 1.x starts that TLS for the request URL's host, here the checked IP address, and
    ignores the `sni_hostname` extension there (encode/httpcore#934), so the certificate would be
    checked against the IP address and the server sent no name. For the handshake with the address
    `_tunnel_tls_name` holds (set around each request, per task), this context puts the name back:
    SNI and the certificate check use it. (anyio calls wrap_bio of a subclass on a worker thread,
    with the task's context variables copied there.)
    """

    def wrap_bio(self, incoming: ssl.MemoryBIO, outgoing: ssl.MemoryBIO, server_side: bool = False,
                 server_hostname: str | bytes | None = None, session: ssl.SSLSession | None = None) -> ssl.SSLObject:
        address_and_name = _tunnel_tls_name.get()
        if address_and_name is not None and server_hostname is not None:
            asked = server_hostname.decode("ascii") if isinstance(server_hostname, bytes) else server_hostname
            address, host_name = address_and_name
            if _same_address(asked, address):
                server_hostname = host_name
        return super().wrap_bio(incoming, outgoing, server_side=server_side,
                                server_hostname=server_hostname, session=session)


def _tunnel_tls_context() -> _TunnelTLSContext:
    """Verifies certificates and host names against the trust store httpx's own transports load
    (SSL_CERT_FILE or SSL_CERT_DIR when set, else certifi's), as direct connections do."""
    context = _TunnelTLSContext(ssl.PROTOCOL_TLS_CLIENT)
    if os.environ.get("SSL_CERT_FILE"):
        context.load_verify_locations(cafile=os.environ["SSL_CERT_FILE"])
    elif os.environ.get("SSL_CERT_DIR"):
        context.load_verify_locations(capath=os.environ["SSL_CERT_DIR"])
    else:
        context.load_verify_locations(cafile=certifi.where())
    return context


# No kept-alive connections: the pool keys a connection by the URL's host, here the checked IP, so
# one opened (and its certificate verified) for one host name could otherwise carry a later request
# for another name that resolves to the same address.
_NO_KEEPALIVE = httpx.Limits(max_keepalive_connections=0)


class CheckedAddressTransport(httpx.AsyncBaseTransport):
    """Checks each request's URL against the policy and connects only to an address that check
    resolved and found public: a host whose DNS answer changes after the check cannot move the
    request to this server or the internal network.

    Addresses are tried in the resolver's order, the next one only when connecting fails (before
    any of the body is sent). `allow_http_localhost` is asked on each request, as settings may change.

    With a `proxy`, a checked request goes through it, in a CONNECT tunnel to the checked address;
    an allowed local URL never does (it is on this machine).
    """

    def __init__(self, *, allow_http_localhost: Callable[[], bool],
                 transport: httpx.AsyncBaseTransport | None = None, proxy: httpx.Proxy | None = None) -> None:
        self._allow_http_localhost = allow_http_localhost
        self._transport = transport or httpx.AsyncHTTPTransport(limits=_NO_KEEPALIVE)
        self._proxied = None if proxy is None else httpx.AsyncHTTPTransport(
            proxy=proxy, verify=_tunnel_tls_context(), limits=_NO_KEEPALIVE,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        checked = await outbound_url_checked(str(request.url), allow_http_localhost=self._allow_http_localhost())
        if checked.problem is not None:
            raise OutboundURLRefused(checked.problem, request=request)
        if not checked.addresses:
            return await self._transport.handle_async_request(request)  # an allowed local URL, as written
        if self._proxied is not None:
            return await self._through_proxy(self._proxied, request, checked.addresses)
        if _is_ip_literal(request.url.host):
            return await self._transport.handle_async_request(request)  # nothing a lookup could change
        failure: httpx.ConnectError | None = None
        for address in checked.addresses:
            try:
                return await self._transport.handle_async_request(_request_to_address(request, address))
            except httpx.ConnectError as exc:
                failure = exc
        assert failure is not None  # checked.addresses is never empty here
        raise failure

    @staticmethod
    async def _through_proxy(proxied: httpx.AsyncBaseTransport, request: httpx.Request,
                             addresses: tuple[str, ...]) -> httpx.Response:
        """CONNECT to each checked address in turn until one is tunnelled to and TLS starts. The
        request carries no `sni_hostname`: httpcore 1.x would copy it onto the CONNECT, and TLS
        with an https:// proxy would then be checked against the receiver's name."""
        if _is_ip_literal(request.url.host):
            return await proxied.handle_async_request(request)
        host_name = request.url.raw_host.decode("ascii")
        failure: httpx.ConnectError | httpx.ProxyError | None = None
        for address in addresses:
            tls_name = _tunnel_tls_name.set((address, host_name))
            try:
                return await proxied.handle_async_request(
                    _request_to_address(request, address, tls_name_extension=False))
            except (httpx.ConnectError, httpx.ProxyError) as exc:  # the proxy could not reach it, or TLS failed
                failure = exc
            finally:
                _tunnel_tls_name.reset(tls_name)
        assert failure is not None  # addresses is never empty here
        raise failure

    async def aclose(self) -> None:
        await self._transport.aclose()
        if self._proxied is not None:
            await self._proxied.aclose()


def outbound_client(*, timeout_s: float, allow_http_localhost: Callable[[], bool],
                    proxy_url: str | None = None) -> httpx.AsyncClient:
    """The client for POSTs to configured URLs: each goes to an address the policy checked.

    No redirects (a public URL must not hand the POST on to an internal one), and nothing from
    the environment: a proxy from HTTPS_PROXY would be used instead of this transport and resolve
    the host itself, and .netrc credentials are not for URLs someone else chose. The one proxy
    used is the one named on purpose: `proxy_url`, by default SUPPORT["OUTBOUND_PROXY"] ("" for
    none); a malformed one raises OutboundProxyMisconfigured here, naming the setting.
    """
    if proxy_url is None:
        proxy_url = settings.SUPPORT.get("OUTBOUND_PROXY", "")
    return httpx.AsyncClient(
        transport=CheckedAddressTransport(allow_http_localhost=allow_http_localhost, proxy=outbound_proxy(proxy_url)),
        timeout=timeout_s, follow_redirects=False, trust_env=False,
    )
