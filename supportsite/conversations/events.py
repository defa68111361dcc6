"""Sending events to every socket of a conversation, on any server process, after commit."""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def conversation_group(conversation_id: UUID | str) -> str:
    return f"conversation.{conversation_id}"


async def conversation_events_send(*, conversation_id: UUID | str, payloads: list[dict[str, Any]]) -> None:
    """Send frames to the conversation's group now, in order, with one group_send (a run's
    progress and streamed pieces: ephemeral events the database does not keep)."""
    if not payloads:
        return
    message = ({"type": "conversation.event", "payload": payloads[0]} if len(payloads) == 1
               else {"type": "conversation.events", "payloads": payloads})
    try:
        await get_channel_layer().group_send(conversation_group(conversation_id), message)
    except Exception:  # a full or unreachable layer must not fail the run; the DB keeps the truth
        logger.warning("Could not send %d frame(s) to conversation %s", len(payloads), conversation_id, exc_info=True)


async def _group_send(group: str, message: dict[str, Any]) -> None:
    # The layer is looked up on the event loop that sends, never in the calling thread: a layer's
    # connections and locks belong to one loop (one per server process; tests run several).
    await get_channel_layer().group_send(group, message)


def conversation_event_publish(*, conversation_id: UUID | str, payload: dict[str, Any]) -> None:
    """Send a frame once the current transaction commits (for events about stored changes)."""

    def send() -> None:
        try:
            async_to_sync(_group_send)(conversation_group(conversation_id), {"type": "conversation.event", "payload": payload})
        except Exception:
            logger.warning("Could not publish %s to %s", payload.get("type"), conversation_id, exc_info=True)

    transaction.on_commit(send)
