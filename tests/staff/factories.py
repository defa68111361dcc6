"""Building conversations, runs and steps the way the orchestrator stores them, for staff-console tests."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from supportsite.conversations.actions import action_refund_record
from supportsite.conversations.models import (
    AgentAction,
    AgentRun,
    AgentStep,
    Conversation,
    ConversationEvent,
    Feedback,
    Message,
)
from supportsite.customers.models import CustomerProfile


def conversation_with_message(
    *, customer: CustomerProfile | None, text: str, status: str = Conversation.Status.OPEN, session_key: str = ""
) -> tuple[Conversation, Message]:
    conversation = Conversation.objects.create(customer=customer, session_key=session_key, status=status)
    message = Message.objects.create(conversation=conversation, role=Message.Role.USER, text=text,
                                     client_id=f"c-{conversation.id}-{Message.objects.count()}")
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["last_message_at"])
    return conversation, message


def step(run: AgentRun, *, agent: str, kind: str, start_ms: float, end_ms: float, parent: AgentStep | None = None,
         name: str = "", status: str = "finished", **fields: Any) -> AgentStep:
    origin = run.started_at
    return AgentStep.objects.create(
        run=run, parent=parent, agent=agent, kind=kind, name=name or agent, status=status,
        started_at=origin + timedelta(milliseconds=start_ms), finished_at=origin + timedelta(milliseconds=end_ms),
        duration_ms=end_ms - start_ms, **fields,
    )


def billing_run(
    *, customer: CustomerProfile, text: str = "Why did my last payment fail?", reply: str = "",
    route: str = "resolver", intent: str = "billing", latency_ms: float = 1800.0, fallbacks: list[str] | None = None,
    draft_text: str = "", model: str = "gpt-4o-mini", conversation: Conversation | None = None,
) -> AgentRun:
    """A finished run whose billing and account workers ran at the same time, as the orchestrator runs them."""
    if conversation is None:
        conversation, message = conversation_with_message(customer=customer, text=text)
    else:
        message = Message.objects.create(conversation=conversation, role=Message.Role.USER, text=text,
                                         client_id=f"c-{Message.objects.count()}")
    started = timezone.now() - timedelta(seconds=5)
    run = AgentRun.objects.create(
        conversation=conversation, message=message, status=AgentRun.Status.SUCCEEDED, provider="openai", model=model,
        intent=intent, confidence=0.87, route=route, critic_verdict="revise" if draft_text else "approve",
        fallbacks=fallbacks or [], draft_text=draft_text, input_tokens=1200, output_tokens=300,
        latency_ms=latency_ms, started_at=started, finished_at=started + timedelta(milliseconds=latency_ms),
        summary={
            "intent": {"label": intent, "confidence": 0.87},
            "faq": {"top_id": None, "question": "Why was my payment declined?", "score": 0.62, "threshold": 0.9,
                    "used": False},
            "route": route,
            "workers": {"billing": {"status": "success", "duration_ms": 570.0, "ahead_of_intent": True},
                        "account": {"status": "success", "duration_ms": 385.0}},
            "critic": {"verdict": "revise" if draft_text else "approve",
                       "reasons": ["The draft did not name the invoice."] if draft_text else []},
            "fallbacks": fallbacks or [],
            "actions": [],
        },
    )
    root = step(run, agent="orchestrator", kind="agent", start_ms=0, end_ms=1700)
    step(run, agent="intent", kind="agent", start_ms=5, end_ms=120, parent=root)
    billing = step(run, agent="billing", kind="agent", start_ms=130, end_ms=700, parent=root,
                   input={"customer_id": customer.external_id}, output={"invoices": ["NW-1001", "NW-1002", "NW-1003"]})
    step(run, agent="billing", kind="tool", name="invoices", start_ms=140, end_ms=420, parent=billing,
         output={"count": 3})
    account = step(run, agent="account", kind="agent", start_ms=135, end_ms=520, parent=root)
    step(run, agent="account", kind="tool", name="account", start_ms=150, end_ms=500, parent=account)
    resolver = step(run, agent="resolver", kind="agent", start_ms=720, end_ms=1400, parent=root)
    step(run, agent="resolver", kind="llm", name="chat gpt-4o-mini", start_ms=730, end_ms=1390, parent=resolver,
         model=model, input_tokens=1000, output_tokens=250, input={"messages": [{"role": "user", "content": text}]},
         output={"text": reply or "Your invoice NW-1003 failed because the card ending 4242 expired."})
    critic = step(run, agent="critic", kind="agent", start_ms=1410, end_ms=1690, parent=root)
    step(run, agent="critic", kind="llm", name="chat gpt-4o-mini", start_ms=1415, end_ms=1685, parent=critic,
         model=model, input_tokens=200, output_tokens=50)
    Message.objects.create(
        conversation=conversation, role=Message.Role.ASSISTANT, run=run,
        text=reply or "Your invoice NW-1003 for $29.00 failed because the card ending 4242 expired.",
    )
    return run


def handoff_conversation(*, customer: CustomerProfile, minutes_ago: int, reason: str = "customer_asked",
                         summary: str = "Customer wants to talk to a person.") -> Conversation:
    conversation, _ = conversation_with_message(customer=customer, text="Can I talk to a person please?")
    conversation.status = Conversation.Status.WAITING
    conversation.handoff_reason = reason
    conversation.handoff_summary = summary
    conversation.handoff_at = timezone.now() - timedelta(minutes=minutes_ago)
    conversation.save()
    ConversationEvent.objects.create(conversation=conversation, kind=ConversationEvent.Kind.HANDOFF,
                                     note=summary, data={"reason": reason})
    return conversation


def bob_duplicate_refund_pending(bob: CustomerProfile) -> AgentAction:
    """Bob asks for his duplicate $99 charge back: above the agent's $50 limit, so it waits for staff."""
    run = billing_run(customer=bob, text="I was charged twice for NW-2002, please refund the duplicate.",
                      intent="refund", route="resolver",
                      reply="I've asked our team to approve a refund of $99.00 for the duplicate charge on NW-2002.")
    with transaction.atomic():  # the bridge calls it inside a transaction: it locks the charge
        action_refund_record(
            customer_pk=bob.pk, run_id=str(run.id), conversation_id=str(run.conversation_id),
            invoice_number="NW-2002", amount=Decimal("99.00"), reason="Duplicate charge on NW-2002",
            request_key=f"{run.id}:NW-2002", needs_approval=False,
        )
    return AgentAction.objects.get(run=run)


def feedback(run: AgentRun, rating: str, comment: str = "") -> Feedback:
    reply = run.replies.get()
    return Feedback.objects.create(message=reply, run=run, rating=rating, comment=comment)
