"""Which conversation a socket belongs to: the signed-in customer's or the browser session's."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from supportsite.conversations.selectors import (
    conversation_get_for_owner,
    conversation_latest_for_owner,
    customer_for_user,
    message_list_for_conversation,
)
from supportsite.conversations.serializers import message_frame
from supportsite.conversations.services import conversation_start
from supportsite.core.db import db_async
from supportsite.core.errors import NotFound


async def session_key_ensure(scope: dict[str, Any]) -> str:
    """The browser session's key, creating the session if the visitor has none yet."""
    session = scope.get("session")
    if session is None:
        return ""
    if not session.session_key:
        await database_sync_to_async(session.save)()
    return session.session_key or ""


def _conversation_state(*, user: Any, session_key: str, requested_id: str) -> dict[str, Any]:
    customer = customer_for_user(user)
    if requested_id:
        conversation = conversation_get_for_owner(
            conversation_id=requested_id, customer=customer, session_key=session_key
        )
        if conversation is None:
            # The same answer for "not yours" and "not there": ids cannot be probed.
            raise NotFound("No such conversation.", code="conversation_not_found")
    else:
        conversation = conversation_latest_for_owner(customer=customer, session_key=session_key)
        if conversation is None:
            conversation = conversation_start(customer=customer, session_key=session_key)
    messages = message_list_for_conversation(conversation=conversation)
    return {
        "conversation_id": str(conversation.id),
        "status": conversation.status,
        "messages": [message_frame(m) for m in messages],
    }


async def conversation_for_socket(*, scope: dict[str, Any], requested_id: str) -> dict[str, Any]:
    session_key = await session_key_ensure(scope)
    return await db_async(_conversation_state)(
        user=scope.get("user"), session_key=session_key, requested_id=requested_id
    )
