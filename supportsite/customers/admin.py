"""Customers and billing in the staff console: read the account behind a conversation at a glance."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from supportsite.customers.models import (
    CustomerProfile,
    Invoice,
    Payment,
    PaymentMethod,
    Plan,
    RefundRequest,
    Subscription,
)


class PaymentMethodInline(admin.TabularInline):
    model = PaymentMethod
    extra = 0


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0


class InvoiceInline(admin.TabularInline):
    model = Invoice
    fields = ("number", "amount", "status", "issued_on", "paid_on", "failure_reason")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False


class PaymentInline(admin.TabularInline):
    model = Payment
    fk_name = "invoice"
    fields = ("reference", "amount", "status", "charged_at", "duplicate_of")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "price_monthly")


@admin.register(CustomerProfile)
class CustomerProfileAdmin(admin.ModelAdmin):
    list_display = ("external_id", "full_name", "email", "plan", "account_status", "failed_signins")
    list_filter = ("plan", "account_status")
    search_fields = ("external_id", "user__username", "user__email", "user__first_name", "user__last_name")
    list_select_related = ("user", "plan")
    # History the unlock services write; edited by hand it would tell the customer of a lock never lifted.
    readonly_fields = ("last_lock_reason", "unlocked_at", "unlocked_on_request")
    inlines = [SubscriptionInline, PaymentMethodInline, InvoiceInline]

    @admin.display(description="name", ordering="user__last_name")
    def full_name(self, obj: CustomerProfile) -> str:
        return obj.user.get_full_name() or obj.user.username

    @admin.display(description="email", ordering="user__email")
    def email(self, obj: CustomerProfile) -> str:
        return obj.user.email


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ("number", "customer", "amount", "status", "issued_on", "paid_on", "failure_reason")
    list_filter = ("status",)
    search_fields = ("number", "customer__external_id", "customer__user__username")
    date_hierarchy = "issued_on"
    list_select_related = ("customer__user",)
    inlines = [PaymentInline]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ("reference", "invoice", "amount", "status", "charged_at", "is_duplicate")
    list_filter = ("status",)
    search_fields = ("reference", "invoice__number", "invoice__customer__external_id")
    date_hierarchy = "charged_at"
    list_select_related = ("invoice",)

    @admin.display(description="duplicate", boolean=True)
    def is_duplicate(self, obj: Payment) -> bool:
        return obj.duplicate_of_id is not None


@admin.register(RefundRequest)
class RefundRequestAdmin(admin.ModelAdmin):
    list_display = ("reference", "customer", "invoice", "amount", "status", "decided_by", "decided_at", "created_at")
    list_filter = ("status",)
    search_fields = ("reference", "invoice__number", "customer__external_id", "request_key")
    date_hierarchy = "created_at"
    list_select_related = ("customer__user", "invoice", "decided_by")
    # Refunds are decided in the approvals queue (once, locked), not by editing the row.
    readonly_fields = ("customer", "invoice", "payment", "reference", "amount", "reason", "status", "request_key",
                       "decided_at", "decided_by", "decision_note")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("customer", "plan", "status", "started_on", "renews_on")
    list_filter = ("plan", "status")
    search_fields = ("customer__external_id",)


@admin.register(PaymentMethod)
class PaymentMethodAdmin(admin.ModelAdmin):
    list_display = ("customer", "brand", "last4", "exp_month", "exp_year", "is_default")
    search_fields = ("customer__external_id", "last4")
