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

from supportsite.chat.frames import (
    FeedbackFrame,
    HandoffRequestFrame,
    UserMessageFrame,
    client_frame_adapter,
    error_frame,
)
from supportsite.chat.present import frame_with_html
from supportsite.chat.ratelimit import MessageLimits, message_limits
from supportsite.chat.session import conversation_for_socket, sender_keys
from supportsite.conversations.events import conversation_group
from supportsite.conversations.runner import message_submit
from supportsite.conversations.serializers import conversation_status_frame
from supportsite.conversations.services import conversation_handoff_request, feedback_submit
from supportsite.core.db import db_async
from supportsite.core.errors import DomainError, RateLimited

logger = logging.getLogger(__name__)
# The customer's own words as they arrive are for staff live views, not the chat page: they go to the
# conversation's staff group, and are dropped here too should one ever reach the conversation's group.
STAFF_ONLY_FRAMES = {"customer.message"}
RUN_FRAMES = {"agent.step", "assistant.delta", "assistant.message"}  # each names its run_id


class ChatConsumer(AsyncWebsocketConsumer):
    conversation_id: str | None = None
    answered_runs: set[str]  # runs whose reply this socket has: set on connect

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
        # The group is joined before the conversation is read, so frames a run sent in between can
        # arrive after the state that already holds its reply; the channel layer may also deliver
        # frames it had in flight when this socket joined. Neither is news to this socket.
        self.answered_runs = {m["run_id"] for m in state["messages"] if m.get("run_id")}

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
            reply = error_frame("bad_frame", exc)
            # Say which message failed when the frame names one, so the page can mark it.
            if isinstance(content, dict) and isinstance(content.get("client_id"), str):
                reply["client_id"] = content["client_id"][:64]
            await self.send_json(reply)
            return
        if isinstance(frame, UserMessageFrame):
            await self.user_message(frame)
        elif isinstance(frame, FeedbackFrame):
            await self.feedback(frame)
        elif isinstance(frame, HandoffRequestFrame):
            await self.handoff_request()

    async def user_message(self, frame: UserMessageFrame) -> None:
        user_key, ip = sender_keys(self.scope)
        try:
            message, _run, _created = await message_submit(
                conversation_id=self.conversation_id, text=frame.text, client_id=frame.client_id,
                quota=MessageLimits(message_limits(user_key=user_key, ip=ip)),
            )
        except RateLimited as exc:
            await self.send_json(
                error_frame(exc.code, exc.detail) | {"client_id": frame.client_id, "retry_after": exc.retry_after_s}
            )
            return
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

    async def feedback(self, frame: FeedbackFrame) -> None:
        try:
            stored = await db_async(feedback_submit)(
                conversation_id=self.conversation_id, message_id=frame.message_id, rating=frame.rating,
                comment=frame.comment, author=self.scope.get("user"),
            )
        except DomainError as exc:
            await self.send_json(error_frame(exc.code, exc.detail) | {"message_id": frame.message_id})
            return
        await self.send_json(
            {"type": "feedback.ack", "message_id": frame.message_id, "rating": stored.rating,
             "comment": stored.comment}
        )

    async def handoff_request(self) -> None:
        try:
            conversation = await db_async(conversation_handoff_request)(conversation_id=self.conversation_id)
        except DomainError as exc:
            await self.send_json(error_frame(exc.code, exc.detail))
            return
        # Every page of the conversation hears of a change after it commits; this page is also
        # answered now, so a request that changed nothing (a person is already on the way) is
        # answered too. Pages ignore a status they already show.
        await self.send_json(conversation_status_frame(conversation))

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels closes stale database connections before every handler, a hop to its one
        # sync thread per event; forwarding a group event touches no database, and under load
        # (a frame per streamed piece per socket) that hop was a serial bottleneck (bench, #9).
        if message.get("type") == "conversation.event":
            await self.conversation_event(message)
            return
        if message.get("type") == "conversation.events":
            await self.conversation_events(message)
            return
        await super().dispatch(message)

    async def conversation_event(self, event: dict[str, Any]) -> None:
        """Frames published to the conversation's group, from any server process."""
        payload = event["payload"]
        kind = payload.get("type")
        if kind in STAFF_ONLY_FRAMES:
            return
        if kind in RUN_FRAMES:
            if payload.get("run_id") in self.answered_runs:
                return
            if kind == "assistant.message":
                self.answered_runs.add(payload.get("run_id"))
        await self.send_json(frame_with_html(payload))

    async def conversation_events(self, event: dict[str, Any]) -> None:
        """Several frames in one group message (a run's progress and streamed pieces), in order."""
        for payload in event["payloads"]:
            await self.conversation_event({"payload": payload})

    async def send_json(self, content: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(content, default=str))
