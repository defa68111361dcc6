"""Websocket clients for tests: the real ASGI application, with a real session and origin."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

ORIGIN = b"http://127.0.0.1"
WAIT_S = 10.0


class Communicator(WebsocketCommunicator):
    """A WebsocketCommunicator that waits as long as a busy machine may need, not Channels' 1 s.

    These waits are for something that does come (an accept, a frame, the consumer finishing);
    receive_nothing(), which checks that nothing comes, keeps its own short timeout.
    """

    # Channels' signatures with other defaults; each returns Channels' own coroutine to await.
    def connect(self, timeout: float = WAIT_S) -> Awaitable[Any]:
        return super().connect(timeout)

    def disconnect(self, code: int = 1000, timeout: float = WAIT_S) -> Awaitable[None]:
        return super().disconnect(code, timeout)

    def receive_output(self, timeout: float = WAIT_S) -> Awaitable[Any]:
        return super().receive_output(timeout)

    def receive_from(self, timeout: float = WAIT_S) -> Awaitable[Any]:
        return super().receive_from(timeout)

    def receive_json_from(self, timeout: float = WAIT_S) -> Awaitable[Any]:
        return super().receive_json_from(timeout)


def session_cookie_for(username: str | None) -> str:
    """A session cookie as a browser would hold it: signed in as username, or anonymous."""
    client = Client()
    if username is None:
        client.get("/")
    else:
        assert client.login(username=username, password=settings.DEMO_PASSWORD)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


async def chat_connect(
    username: str | None = None, *, cookie: str | None = None, query: str = "", origin: bytes = ORIGIN
) -> tuple[WebsocketCommunicator, dict[str, Any]]:
    """Open /ws/chat/ through supportsite.asgi.application; return it and the conversation.state frame."""
    from supportsite.asgi import application

    if cookie is None:
        cookie = await sync_to_async(session_cookie_for)(username)
    headers = [(b"origin", origin), (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode())]
    communicator = Communicator(application, f"/ws/chat/{query}", headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    state = await communicator.receive_json_from()
    return communicator, state


async def frames_until(
    communicator: WebsocketCommunicator, frame_type: str, *, within_s: float = 30
) -> list[dict[str, Any]]:
    """Every frame received up to and including the first of frame_type."""
    frames: list[dict[str, Any]] = []
    async with asyncio.timeout(within_s):
        while True:
            frame = await communicator.receive_json_from(timeout=within_s)
            frames.append(frame)
            if frame["type"] == frame_type:
                return frames


async def ask(communicator: WebsocketCommunicator, text: str, client_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Send a message; return the assistant.message frame and every frame before it."""
    await communicator.send_json_to({"type": "user.message", "text": text, "client_id": client_id})
    frames = await frames_until(communicator, "assistant.message")
    return frames[-1], frames
