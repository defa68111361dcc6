"""Customers and their billing: profiles, plans, subscriptions, cards, invoices, payments, refunds."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supportsite.core.models import TimeStampedModel


class Plan(models.Model):
    code = models.SlugField(unique=True)
    name = models.CharField(max_length=60)
    price_monthly = models.DecimalField(max_digits=8, decimal_places=2)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["price_monthly"]

    def __str__(self) -> str:
        return f"{self.name} (${self.price_monthly}/month)"


class CustomerProfile(TimeStampedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        LOCKED = "locked", "Locked"
        SUSPENDED = "suspended", "Suspended"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="customer")
    external_id = models.CharField(max_length=64, unique=True, help_text="The id integrations use, e.g. cus_alice.")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="customers")
    account_status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    locked_reason = models.CharField(max_length=200, blank=True)
    failed_signins = models.PositiveIntegerField(default=0)
    # The lock an unlock lifted, kept when locked_reason is cleared: "why was my account locked?"
    # is still asked after it is open again, and "it isn't locked" would not answer it.
    last_lock_reason = models.CharField(
        max_length=200, blank=True, help_text="Why the account was locked, the last time it was unlocked.",
    )
    unlocked_at = models.DateTimeField(null=True, blank=True, help_text="When the last lock was lifted.")
    unlocked_on_request = models.BooleanField(
        default=False, help_text="The last unlock carried out the customer's own request (not staff unasked).",
    )
    two_factor_enabled = models.BooleanField(default=False)

    class Meta:
        ordering = ["external_id"]

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.external_id})"


class PaymentMethod(models.Model):
    customer = models.ForeignKey(CustomerProfile, on_delete=models.CASCADE, related_name="payment_methods")
    brand = models.CharField(max_length=20, default="Visa")
    last4 = models.CharField(max_length=4)
    exp_month = models.PositiveSmallIntegerField()
    exp_year = models.PositiveSmallIntegerField()
    is_default = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.brand} ending {self.last4} ({self.exp_month:02d}/{self.exp_year})"


class Subscription(TimeStampedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAST_DUE = "past_due", "Past due"
        CANCELLED = "cancelled", "Cancelled"

    customer = models.ForeignKey(CustomerProfile, on_delete=models.CASCADE, related_name="subscriptions")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    started_on = models.DateField()
    renews_on = models.DateField(
        null=True, blank=True, help_text="The next date the plan renews and is charged; empty for a free plan.",
    )

    def __str__(self) -> str:
        return f"{self.customer.external_id} on {self.plan.name}"


class Invoice(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        PAID = "paid", "Paid"
        FAILED = "failed", "Failed"
        REFUNDED = "refunded", "Refunded"
        VOID = "void", "Void"

    customer = models.ForeignKey(CustomerProfile, on_delete=models.CASCADE, related_name="invoices")
    number = models.CharField(max_length=32, unique=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, default="USD")
    status = models.CharField(max_length=16, choices=Status.choices)
    issued_on = models.DateField()
    paid_on = models.DateField(null=True, blank=True)
    failure_reason = models.CharField(max_length=200, blank=True)
    payment_method = models.ForeignKey(PaymentMethod, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-issued_on", "-number"]

    def __str__(self) -> str:
        return f"{self.number} ${self.amount} {self.status}"


class Payment(TimeStampedModel):
    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        REFUNDED = "refunded", "Refunded"

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="payments")
    reference = models.CharField(max_length=40, unique=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=16, choices=Status.choices)
    charged_at = models.DateTimeField()
    payment_method = models.ForeignKey(PaymentMethod, null=True, blank=True, on_delete=models.SET_NULL)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates",
        help_text="Set when this charge repeats an earlier one for the same invoice.",
    )

    class Meta:
        ordering = ["-charged_at"]

    def __str__(self) -> str:
        return f"{self.reference} ${self.amount} {self.status}"


class RefundRequest(TimeStampedModel):
    class Status(models.TextChoices):
        PENDING_APPROVAL = "pending_approval", "Pending approval"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        COMPLETED = "completed", "Completed"

    customer = models.ForeignKey(CustomerProfile, on_delete=models.CASCADE, related_name="refunds")
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="refunds")
    payment = models.ForeignKey(Payment, null=True, blank=True, on_delete=models.SET_NULL, related_name="refunds")
    reference = models.CharField(max_length=40, unique=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    reason = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices)
    # One refund per request: the agents' request key (run + charge) makes a retry a no-op.
    request_key = models.CharField(max_length=120, unique=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True)

    # The request key of a refund a member of staff issued from the console with no request behind it (one
    # that completed the agents' request keeps the agents' key).
    STAFF_KEY_PREFIX = "staff:"

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A charge is refunded at most once, however many times it is asked for.
            models.UniqueConstraint(
                fields=["payment"], condition=~models.Q(status="rejected"), name="one_live_refund_per_payment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ${self.amount} {self.status}"


def refund_key_is_staffs(request_key: str) -> bool:
    """Whether a refund's request key is one a member of staff issued it under (RefundRequest.STAFF_KEY_PREFIX)."""
    return request_key.startswith(RefundRequest.STAFF_KEY_PREFIX)
