"""The chat websocket: a thin adapter between frames and the conversation services."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qs

from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.db import DatabaseError
from pydantic import ValidationError

from supportsite.chat.frames import client_frame_adapter, error_frame
from supportsite.chat.session import conversation_for_socket
from supportsite.conversations.events import conversation_group
from supportsite.conversations.runner import message_submit
from supportsite.core.errors import DomainError

logger = logging.getLogger(__name__)


class ChatConsumer(AsyncWebsocketConsumer):
    conversation_id: str | None = None

    async def connect(self) -> None:
        await self.accept()
        query = parse_qs(self.scope.get("query_string", b"").decode())
        requested = (query.get("conversation") or [""])[0]
        try:
            state = await conversation_for_socket(scope=self.scope, requested_id=requested)
        except DomainError as exc:
            await self.send_json(error_frame(exc.code, exc.detail))
            await self.close(code=4403)
            return
        self.conversation_id = state["conversation_id"]
        await self.channel_layer.group_add(conversation_group(self.conversation_id), self.channel_name)
        await self.send_json({"type": "conversation.state", **state})

    async def disconnect(self, code: int) -> None:
        if self.conversation_id:
            await self.channel_layer.group_discard(conversation_group(self.conversation_id), self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.conversation_id is None:
            return
        raw = text_data if text_data is not None else (bytes_data or b"").decode("utf-8", "replace")
        if len(raw.encode("utf-8")) > settings.SUPPORT["MAX_FRAME_BYTES"]:
            await self.send_json(error_frame("frame_too_large", f"Frames can be at most {settings.SUPPORT['MAX_FRAME_BYTES']} bytes."))
            return
        try:
            content = json.loads(raw)
        except ValueError:
            await self.send_json(error_frame("bad_json", "The frame is not valid JSON."))
            return
        try:
            frame = client_frame_adapter.validate_python(content)
        except ValidationError as exc:
            await self.send_json(error_frame("bad_frame", exc))
            return
        try:
            message, _run, _created = await message_submit(
                conversation_id=self.conversation_id, text=frame.text, client_id=frame.client_id
            )
        except DomainError as exc:
            await self.send_json(error_frame(exc.code, exc.detail) | {"client_id": frame.client_id})
            return
        except DatabaseError:
            logger.exception("Could not store a message for %s", self.conversation_id)
            await self.send_json(
                error_frame("unavailable", "We could not save your message just now. Please send it again.")
                | {"client_id": frame.client_id}
            )
            return
        await self.send_json({"type": "message.ack", "client_id": frame.client_id, "message_id": str(message.id)})

    async def conversation_event(self, event: dict[str, Any]) -> None:
        """Frames published to the conversation's group, from any server process."""
        await self.send_json(event["payload"])

    async def send_json(self, content: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(content, default=str))
