"""A request line or header line too long for Daphne is answered, not dropped.

Daphne reads HTTP with Twisted's HTTPChannel, a LineReceiver: a line longer than its MAX_LENGTH
(16 KB) without a line end goes to `lineLengthExceeded`, whose default closes the connection with no
response at all. A client with a 17 KB query string (#9, bad input) then sees a reset connection
and cannot tell what it did wrong. Here such a line gets 414 URI Too Long (the request line) or 431
Request Header Fields Too Large (a header), with a line of text saying the limit, and the connection
is closed as before. Nothing else about Twisted's HTTP handling changes.
"""

from __future__ import annotations

from typing import Any

_APPLIED = "_northwind_line_limits"


def _status_line_too_long(channel: Any, line: bytes) -> None:
    # Twisted keeps "still reading the request line" in a name-mangled attribute; should it ever
    # go, a too-long line is answered as a header (431), still a clear answer.
    request_line = bool(getattr(channel, "_HTTPChannel__first_line", 0))
    status = b"414 URI Too Long" if request_line else b"431 Request Header Fields Too Large"
    what = b"request line" if request_line else b"header line"
    body = b"The %s is too long: at most %d bytes.\n" % (what, channel.MAX_LENGTH)
    channel.transport.write(
        b"HTTP/1.1 " + status + b"\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
        + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    channel.loseConnection()


def daphne_line_limits_answer() -> None:
    """Make Twisted's HTTPChannel answer a too-long line (idempotent; only Daphne's HTTP is affected)."""
    from twisted.web import http

    if getattr(http.HTTPChannel, _APPLIED, False):
        return
    http.HTTPChannel.lineLengthExceeded = _status_line_too_long
    setattr(http.HTTPChannel, _APPLIED, True)
