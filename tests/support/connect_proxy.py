"""A forward proxy on 127.0.0.1 that tunnels (HTTP CONNECT), as egress proxies do for https.

It records each CONNECT target as the client asked for it, and each Proxy-Authorization header
sent with it, then tunnels bytes both ways (any other request is recorded and answered 405). Where a tunnel really goes is `route`'s answer: tests
stand a local receiver in for a public address, so nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Callable
from types import TracebackType

Route = Callable[[str, int], tuple[str, int]]


def _as_asked(host: str, port: int) -> tuple[str, int]:
    return host, port


def _host_and_port(authority: str) -> tuple[str, int]:
    """"93.184.216.34:443" or "[2606:4700::1111]:443" as (host, port)."""
    host, _, port = authority.rpartition(":")
    return host.removeprefix("[").removesuffix("]"), int(port)


class ConnectProxy:
    """Use as `async with ConnectProxy(...) as proxy:`; `proxy.url` is what a client is given."""

    def __init__(self, *, route: Route = _as_asked, required_authorization: str | None = None,
                 tls: ssl.SSLContext | None = None) -> None:
        self.route = route
        self.tls = tls  # an https:// proxy: clients speak TLS to the proxy itself, with this context
        # When set, a CONNECT without exactly this Proxy-Authorization is answered 407.
        self.required_authorization = required_authorization
        self.connects: list[str] = []                  # "host:port" as each CONNECT asked
        self.authorizations: list[str | None] = []     # the Proxy-Authorization of each CONNECT
        self.plain_requests: list[str] = []            # "GET http://…" request lines: forwarding, refused here
        self._server: asyncio.Server | None = None
        self._port: int | None = None  # kept once closed, for assertions about the URL
        self._handlers: set[asyncio.Task] = set()
        self._open: set[asyncio.StreamWriter] = set()  # both ends of every tunnel, closed on exit

    @property
    def port(self) -> int:
        assert self._port is not None, "not started"
        return self._port

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    async def __aenter__(self) -> ConnectProxy:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.tls)
        self._port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        assert self._server is not None
        self._server.close()
        # Closing both ends ends every tunnel's pipes (each reads end of file) without cancelling them.
        for writer in list(self._open):
            writer.close()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        self._open.add(writer)
        try:
            await self._tunnel(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass  # the client went away (or refused the proxy's certificate): nothing to tunnel
        finally:
            self._handlers.discard(task)
            self._open.discard(writer)
            writer.close()

    async def _tunnel(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        method, target, _version = head[0].split(" ")
        headers = {name.strip().lower(): value.strip()
                   for name, _, value in (line.partition(":") for line in head[1:] if line)}
        if method != "CONNECT":  # only tunnels: forwarding plain http is not what these tests expect
            self.plain_requests.append(head[0])
            writer.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        self.connects.append(target)
        self.authorizations.append(headers.get("proxy-authorization"))
        if self.required_authorization is not None and headers.get("proxy-authorization") != self.required_authorization:
            writer.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.route(*_host_and_port(target)))
        except OSError:
            writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        self._open.add(upstream_writer)
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        try:
            await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))
        finally:
            self._open.discard(upstream_writer)
            upstream_writer.close()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()
    if writer.can_write_eof():
        with contextlib.suppress(OSError):
            writer.write_eof()
