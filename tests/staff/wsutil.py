"""Opening websockets through the real ASGI application (origin check and session auth included)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from supportsite.asgi import application
from tests.support.ws import Communicator


def session_cookie(username: str | None) -> bytes:
    if username is None:
        return b""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()


def communicator(path: str, cookie: bytes = b"") -> Communicator:
    """With generous waits for what does arrive (see Communicator); receive_nothing() stays short."""
    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", cookie))
    return Communicator(application, path, headers=headers)
