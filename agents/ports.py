"""Ports: the small protocols through which agents look data up and act.

The conversations app implements them over the ORM (its agent bridge); tests pass fakes.
Every method that touches a customer takes the customer's external id, which the bridge
takes from the signed-in identity, never from the message text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from agents.facts import (
    AccountFact,
    ArticleFact,
    CardFact,
    FaqFact,
    IncidentFact,
    InvoiceFact,
    PaymentFact,
    PlanFact,
    RefundFact,
    SubscriptionFact,
)


class BillingPort(Protocol):
    async def invoices(self, *, customer_id: str) -> list[InvoiceFact]: ...
    async def payments(self, *, customer_id: str) -> list[PaymentFact]: ...
    async def card(self, *, customer_id: str) -> CardFact | None: ...
    async def refunds(self, *, customer_id: str) -> list[RefundFact]: ...
    async def subscription(self, *, customer_id: str) -> SubscriptionFact | None: ...

    async def plans(self) -> list[PlanFact]:
        """Every plan on sale, cheapest first: public, so it names no customer."""
        ...


class AccountPort(Protocol):
    async def account(self, *, customer_id: str) -> AccountFact | None: ...


class KnowledgePort(Protocol):
    async def faq_entries(self) -> list[FaqFact]: ...
    async def articles(self) -> list[ArticleFact]: ...
    async def active_incidents(self) -> list[IncidentFact]: ...


class ActionPort(Protocol):
    async def refund_request(
        self, *, customer_id: str, invoice_number: str, amount: Decimal, reason: str, request_key: str,
        needs_approval: bool,
    ) -> RefundFact: ...

    async def account_unlock(self, *, customer_id: str, request_key: str) -> AccountFact: ...


class ConversationPort(Protocol):
    async def agents_may_reply(self) -> bool:
        """False once a person has the conversation: checked again just before a reply is sent."""
        ...


class Ports(Protocol):
    billing: BillingPort
    account: AccountPort
    knowledge: KnowledgePort
    actions: ActionPort
    conversation: ConversationPort
