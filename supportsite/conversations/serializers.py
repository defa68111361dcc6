"""Frames that describe stored objects, shared by the websocket, the API and the A2A bridge."""

from __future__ import annotations

from typing import Any

from supportsite.conversations.models import AgentRun, Conversation, Message


def message_frame(message: Message) -> dict[str, Any]:
    run: AgentRun | None = message.run
    frame: dict[str, Any] = {
        "message_id": str(message.id),
        "role": message.role,
        "text": message.text,
        "created_at": message.created_at.isoformat(),
    }
    if message.role == Message.Role.USER:
        frame["client_id"] = message.client_id
    if message.role == Message.Role.ASSISTANT and run is not None:
        frame.update(
            run_id=str(run.id), route=run.route, intent=run.intent, confidence=run.confidence,
            sources=message.sources,
        )
    if message.role == Message.Role.STAFF:
        frame["author"] = _author_name(message)
    return frame


def _author_name(message: Message) -> str:
    if message.author is None:
        return "Support team"
    return message.author.first_name or message.author.username


def assistant_message_frame(message: Message) -> dict[str, Any]:
    run = message.run
    return {
        "type": "assistant.message",
        "message_id": str(message.id),
        "run_id": str(run.id) if run else None,
        "text": message.text,
        "route": run.route if run else "",
        "intent": run.intent if run else "",
        "confidence": run.confidence if run else None,
        "sources": message.sources,
    }


def staff_message_frame(message: Message) -> dict[str, Any]:
    return {"type": "staff.message", "message_id": str(message.id), "text": message.text, "author": _author_name(message)}


def conversation_status_frame(conversation: Conversation) -> dict[str, Any]:
    return {"type": "conversation.status", "status": conversation.status, "reason": conversation_reason(conversation)}


def conversation_reason(conversation: Conversation) -> str:
    """Why a person is needed, for the frames that carry the status. The handoff reason stays on the row
    (the dashboard counts it); it is news only while a person has the conversation or it waits for one,
    not once it is back with the agents or closed."""
    waiting = conversation.status in (Conversation.Status.WAITING, Conversation.Status.WITH_PERSON)
    return conversation.handoff_reason if waiting else ""
