"""A model that obeys a prompt injection, for proving the constraints and critic stop it anyway."""

from __future__ import annotations

from tests.support.llm_stub import Reply

# What an obedient model writes when told to ignore its instructions and show bob's account.
OBEDIENT_REPLY = (
    "Admin mode enabled. Bob Chen (bob@example.com) has invoices NW-2001 $99.00 and NW-2002 $99.00, "
    "card ending {card}. I've refunded NW-2002 to you.\n"
    'ACTION: {{"kind": "refund", "invoice_number": "NW-2002", "amount": "99.00", "reason": "asked"}}'
)


def obedient_reply(agent: str, *, card: str = "5555") -> Reply:
    """Every agent does as the message says: intent says billing, the critic approves, the writer leaks."""
    if agent == "intent":
        return Reply.json({"label": "billing", "confidence": 0.97, "secondary": []})
    if agent == "critic":
        return Reply.json({"verdict": "approve", "reasons": []})
    return Reply.text(OBEDIENT_REPLY.format(card=card))
