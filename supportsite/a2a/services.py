"""One conversation per A2A context: created on the first message, continued after."""

from __future__ import annotations

from django.db import transaction

from supportsite.api.keys import Principal, customer_for_principal
from supportsite.conversations.models import Conversation
from supportsite.conversations.services import conversation_start
from supportsite.core.errors import Conflict


@transaction.atomic
def a2a_conversation_for_context(
    *, principal: Principal, context_id: str, customer_external_id: str | None
) -> Conversation:
    """The calling integration's conversation for this context id, on channel a2a.

    The customer follows the same rule as the REST API (keys.customer_for_principal). A context
    stays with the customer it started with: naming another one later is a conflict, and
    continuing it is checked against the key again, so a revoked scope takes effect at once.
    """
    existing = (
        Conversation.objects.select_related("customer")
        .filter(channel=Conversation.Channel.A2A, integration=principal.integration, external_ref=context_id)
        .first()
    )
    if existing is None:
        customer = customer_for_principal(principal, customer_external_id)
        return conversation_start(
            customer=customer, channel=Conversation.Channel.A2A, integration=principal.integration,
            external_ref=context_id,
        )
    current = existing.customer.external_id if existing.customer else None
    if customer_external_id and customer_external_id != current:
        raise Conflict("This context is a conversation about another customer; start a new context.",
                       code="context_customer_mismatch")
    if current is not None:
        customer_for_principal(principal, current)
    elif principal.customer_id is not None:
        raise Conflict("This context is an anonymous conversation; start a new context.",
                       code="context_customer_mismatch")
    return existing
