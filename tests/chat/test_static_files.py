"""The chat page's scripts and styles are served by the ASGI app itself, on its event loop.

Daphne serves everything: with a synchronous middleware in the stack, Django runs each HTTP
request's outer middleware in a thread and hops back to the loop for the rest, and serving a file
from a synchronous iterator made Django warn on every static request.
"""

from __future__ import annotations

import httpx
import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils.module_loading import import_string

from tests.support.live import live_server_url


def test_every_middleware_runs_on_the_event_loop():
    sync_only = [path for path in settings.MIDDLEWARE if not getattr(import_string(path), "async_capable", False)]
    assert sync_only == []


@pytest.mark.django_db(transaction=True)
def test_the_chat_script_is_served_whole_with_caching_headers():
    response = httpx.get(f"{live_server_url()}/static/chat/chat.js", timeout=10)
    again = httpx.get(f"{live_server_url()}/static/chat/chat.js", timeout=10,
                      headers={"If-None-Match": response.headers.get("etag", "")})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "max-age" in response.headers["cache-control"]
    with open(settings.BASE_DIR / "static" / "chat" / "chat.js", "rb") as source:
        assert response.content == source.read()
    assert again.status_code == 304  # a browser's revalidation costs no body


async def test_a_static_file_is_read_by_an_asynchronous_iterator():
    # A synchronous one is read whole in a thread before the first byte goes out, with a warning.
    middleware_path = next(path for path in settings.MIDDLEWARE if "static" in path.lower())

    async def not_static(request):
        raise AssertionError(f"{request.path} should have been served as a static file")

    middleware = import_string(middleware_path)(not_static)
    response = await middleware(RequestFactory().get("/static/chat/chat.css"))
    assert response.status_code == 200 and response.is_async
    body = b"".join([part async for part in response])
    assert body == (settings.BASE_DIR / "static" / "chat" / "chat.css").read_bytes()


@pytest.mark.django_db(transaction=True)
def test_a_missing_static_file_is_a_plain_404():
    response = httpx.get(f"{live_server_url()}/static/chat/no-such-file.js", timeout=10)
    assert response.status_code == 404
