"""The status line Daphne writes for the API's errors names the status, over a real socket."""

from __future__ import annotations

import http.client
import socket
from urllib.parse import urlsplit

import pytest

from tests.support.live import live_server_quiet_at_teardown, live_server_url  # noqa: F401 (autouse)

pytestmark = [pytest.mark.django_db(transaction=True)]


def status_line(key: str, path: str) -> tuple[int, str]:
    url = urlsplit(live_server_url())
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Authorization": f"Bearer {key}"})
        response = connection.getresponse()
        response.read()
        return response.status, response.reason
    finally:
        connection.close()


def test_422_and_429_have_their_reason_phrases_not_unknown_status(make_key):
    key = make_key(rate_limit=2)
    assert status_line(key, "/api/v1/conversations?limit=0") == (422, "Unprocessable Entity")
    assert status_line(key, "/api/v1/conversations")[0] == 200
    assert status_line(key, "/api/v1/conversations") == (429, "Too Many Requests")


def raw_response(request: bytes) -> bytes:
    url = urlsplit(live_server_url())
    with socket.create_connection((url.hostname, url.port), timeout=10) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        return received


def test_a_request_line_too_long_for_the_server_gets_414_with_the_limit_not_a_dropped_connection():
    # Twisted's default closed the connection without a word: the client saw only a reset.
    answer = raw_response(b"GET /api/v1/conversations?q=" + b"a" * 17_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 414 URI Too Long\r\n"), answer[:200]
    assert answer.endswith(b"The request line is too long: at most 16384 bytes.\n"), answer[-200:]


def test_a_header_too_long_for_the_server_gets_431():
    answer = raw_response(b"GET /api/v1/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * 17_000
                          + b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"), answer[:200]


def test_the_server_answers_as_usual_after_refusing_a_long_line(make_key):
    raw_response(b"GET /?" + b"a" * 17_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert status_line(make_key(), "/api/v1/conversations")[0] == 200
