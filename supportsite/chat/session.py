"""Which conversation a socket belongs to: the signed-in customer's or the browser session's."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from supportsite.chat.present import history_message
from supportsite.conversations.selectors import (
    conversation_get_for_owner,
    conversation_latest_for_owner,
    customer_for_user,
    feedback_ratings_for_conversation,
    message_list_for_conversation,
)
from supportsite.conversations.serializers import conversation_reason, message_frame
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
    ratings = feedback_ratings_for_conversation(conversation=conversation)
    return {
        "conversation_id": str(conversation.id),
        "status": conversation.status,
        # Why it waits, as conversation.status frames say it: waiting only for an approval, the
        # agents still answer, and the page says so (DESIGN's frame, extended).
        "reason": conversation_reason(conversation),
        "messages": [history_message(message_frame(m), rating=ratings.get(str(m.id))) for m in messages],
        "signed_in": customer is not None,
    }


async def conversation_for_socket(*, scope: dict[str, Any], requested_id: str) -> dict[str, Any]:
    session_key = await session_key_ensure(scope)
    return await db_async(_conversation_state)(
        user=scope.get("user"), session_key=session_key, requested_id=requested_id
    )


def sender_keys(scope: dict[str, Any]) -> tuple[str, str]:
    """Who is sending, for rate limits: the user (or browser session), and the client's address."""
    user = scope.get("user")
    if user is not None and getattr(user, "is_authenticated", False):
        user_key = f"user:{user.pk}"
    else:
        session = scope.get("session")
        user_key = f"session:{session.session_key}" if session is not None and session.session_key else ""
    client = scope.get("client") or ("", 0)
    return user_key, str(client[0] or "")
