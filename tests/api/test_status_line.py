"""The status line Daphne writes for the API's errors names the status, over a real socket."""

from __future__ import annotations

import http.client
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
