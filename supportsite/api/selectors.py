"""Reads for integrations: an API key sees only what its integration opened."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from supportsite.api.keys import Principal
from supportsite.conversations.models import AgentRun, Conversation, Message


def conversation_list_for_principal(*, principal: Principal) -> QuerySet[Conversation]:
    """Conversations the caller's integration opened (for a customer-bound key: that customer's only).

    Conversations from the web chat, or opened by other integrations, are never visible: the
    integration name is set by the server from the key, never taken from the request.
    """
    qs = Conversation.objects.select_related("customer").filter(
        integration=principal.integration, channel__in=[Conversation.Channel.API, Conversation.Channel.A2A]
    )
    if principal.customer_id is not None:
        qs = qs.filter(customer_id=principal.customer_id)
    return qs


def conversation_get_for_principal(*, principal: Principal, conversation_id: UUID | str) -> Conversation | None:
    """The conversation if this caller may see it; None for "not yours" and "not there" alike."""
    return conversation_list_for_principal(principal=principal).filter(id=conversation_id).first()


def message_list_for_principal(*, principal: Principal, conversation: Conversation) -> QuerySet[Message]:
    """Messages the customer could see: no system notes, no replies held back after a takeover."""
    return (
        Message.objects.select_related("run", "author")
        .filter(conversation=conversation, delivered=True)
        .exclude(role=Message.Role.SYSTEM)
    )


def run_get_for_principal(*, principal: Principal, run_id: UUID | str) -> AgentRun | None:
    conversations = conversation_list_for_principal(principal=principal)
    return AgentRun.objects.filter(id=run_id, conversation__in=conversations.values("id")).first()


def run_for_message(*, message_id: UUID | str) -> AgentRun | None:
    return AgentRun.objects.filter(message_id=message_id).first()
