"""The staff console's websocket: a staff member's live view joins the conversation's groups.

It receives the frames the customer's sockets receive, and the staff-only ones (the customer's words
as they arrive), from any server process through the channel layer; staff write through the admin's
reply endpoint, never through this socket.
"""

from __future__ import annotations

import json
from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer

from supportsite.chat.present import frame_with_html
from supportsite.conversations.events import conversation_group, conversation_staff_group
from supportsite.conversations.models import Conversation
from supportsite.conversations.selectors import message_list_for_conversation
from supportsite.conversations.staff_selectors import live_message_frame
from supportsite.core.db import db_async

CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404


def _state(conversation_id: str) -> dict[str, Any] | None:
    conversation = Conversation.objects.filter(id=conversation_id).first()
    if conversation is None:
        return None
    messages = message_list_for_conversation(conversation=conversation, include_undelivered=True)
    return {
        "type": "conversation.state", "conversation_id": str(conversation.id), "status": conversation.status,
        "messages": [live_message_frame(m) for m in messages],
    }


class StaffConversationConsumer(AsyncWebsocketConsumer):
    groups_joined: tuple[str, ...] = ()

    async def connect(self) -> None:
        user = self.scope.get("user")
        if not (user is not None and user.is_authenticated and user.is_active and user.is_staff):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        conversation_id = str(self.scope["url_route"]["kwargs"]["conversation_id"])
        state = await db_async(_state)(conversation_id)
        if state is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.groups_joined = (conversation_group(conversation_id), conversation_staff_group(conversation_id))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send(text_data=json.dumps(state, default=str))

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """Staff reply over HTTP (a stored, audited write); frames sent here are ignored."""

    # Replies and staff messages carry the HTML the customer's chat renders, so staff read what
    # the customer reads (bold, links, lists), never the raw Markdown.
    async def conversation_event(self, event: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(frame_with_html(event["payload"]), default=str))

    async def conversation_events(self, event: dict[str, Any]) -> None:
        for payload in event["payloads"]:
            await self.send(text_data=json.dumps(frame_with_html(payload), default=str))
