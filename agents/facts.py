"""Facts the ports return: the data agents reason over, detached from any storage."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True)


class CustomerProfile(Fact):
    external_id: str
    name: str
    email: str
    plan: str
    plan_price: Decimal


class InvoiceFact(Fact):
    number: str
    amount: Decimal
    currency: str = "USD"
    status: Literal["paid", "failed", "open", "refunded", "void"]
    issued_on: date
    paid_on: date | None = None
    failure_reason: str = ""
    card_last4: str = ""

    @property
    def unpaid(self) -> bool:
        """Still owed: its payment failed, or it has not been charged yet."""
        return self.status in ("failed", "open")


class PaymentFact(Fact):
    reference: str
    invoice_number: str
    amount: Decimal
    status: Literal["succeeded", "failed", "refunded"]
    created_at: datetime
    card_last4: str = ""
    duplicate: bool = False


class CardFact(Fact):
    brand: str
    last4: str
    expires: str  # "MM/YYYY"
    expired: bool


class SubscriptionFact(Fact):
    plan: str
    price_monthly: Decimal
    status: Literal["active", "past_due", "cancelled"]
    started_on: date
    renews_on: date | None = None  # the next renewal on or after today; None for a free or cancelled plan


class PlanFact(Fact):
    """A plan as the catalogue sells it: the same for every customer, so visitors may be told it too."""

    name: str
    price_monthly: Decimal
    description: str = ""  # what it includes, in a line ("Up to 10 apps, custom domains, email support.")


class RefundFact(Fact):
    reference: str
    invoice_number: str
    amount: Decimal
    status: Literal["pending_approval", "approved", "rejected", "completed"]
    reason: str
    # False for one a member of staff issued with no request behind it: "requested" would be untrue.
    requested: bool = True


class AccountFact(Fact):
    username: str
    email: str
    plan: str
    status: Literal["active", "locked", "suspended"]
    locked_reason: str = ""
    failed_signins: int = 0
    two_factor_enabled: bool = False
    member_since: date | None = None
    # A member of staff reviewed a request to unlock this lock and declined it (with their note):
    # asking again changes nothing until a person has confirmed who the customer is.
    unlock_declined: bool = False
    unlock_declined_note: str = ""
    # A request to unlock it already waits for a member of staff: asking again adds nothing.
    unlock_pending: bool = False
    # The last lock lifted, for an account that is open again (none while it is locked: the lock it
    # has now is the one that counts): "why was it locked?" is still a question after an unlock.
    last_lock_reason: str = ""
    unlocked_at: datetime | None = None
    # That unlock carried out the customer's own request, rather than staff unlocking it unasked.
    unlocked_on_request: bool = False


class FaqFact(Fact):
    id: int
    question: str
    answer: str
    alternatives: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


class ArticleFact(Fact):
    slug: str
    title: str
    summary: str
    body: str
    tags: tuple[str, ...] = ()
    url: str = ""


class IncidentFact(Fact):
    reference: str
    title: str
    status: Literal["investigating", "identified", "monitoring", "resolved"]
    regions: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    started_at: datetime
    summary: str = ""
