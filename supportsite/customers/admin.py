"""Customers and billing in the staff console: read the account behind a conversation at a glance.

An account's lock is changed only through services (customer_account_lock, and
action_unlock_from_customer_page, which also settles an unlock the customer asked for), from the forms on
the customer's page: saved by hand on the change
form it would skip the unlock's history and leave the customer's own unlock request waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_POST

from supportsite.conversations.actions import action_unlock_from_customer_page
from supportsite.conversations.models import AgentAction
from supportsite.core.errors import DomainError
from supportsite.customers.models import (
    CustomerProfile,
    Invoice,
    Payment,
    PaymentMethod,
    Plan,
    RefundRequest,
    Subscription,
)
from supportsite.customers.services import LOCK_REASON_MAX_CHARS, customer_account_lock


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

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # charges are the processor's record (see PaymentAdmin)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "price_monthly")


@admin.register(CustomerProfile)
class CustomerProfileAdmin(admin.ModelAdmin):
    list_display = ("external_id", "full_name", "email", "plan", "account_status", "failed_signins")
    list_filter = ("plan", "account_status")
    search_fields = ("external_id", "user__username", "user__email", "user__first_name", "user__last_name")
    list_select_related = ("user", "plan")
    # The lock and the history its unlock writes change only through the Lock and Unlock forms above
    # the change form (the services): saved here, an unlock would keep no record of the lock it lifted.
    readonly_fields = ("account_status", "locked_reason", "failed_signins", "last_lock_reason", "unlocked_at",
                       "unlocked_on_request")
    fieldsets = (
        (None, {"fields": ("user", "external_id", "plan", "two_factor_enabled")}),
        ("Account lock", {
            "description": "Lock or unlock the account with the forms at the top of the page.",
            "fields": ("account_status", "locked_reason", "failed_signins", "last_lock_reason", "unlocked_at",
                       "unlocked_on_request"),
        }),
    )
    inlines = [SubscriptionInline, PaymentMethodInline, InvoiceInline]
    change_form_template = "admin/customers/customerprofile/change_form.html"

    @admin.display(description="name", ordering="user__last_name")
    def full_name(self, obj: CustomerProfile) -> str:
        return obj.user.get_full_name() or obj.user.username

    @admin.display(description="email", ordering="user__email")
    def email(self, obj: CustomerProfile) -> str:
        return obj.user.email

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("<int:customer_pk>/lock/", wrap(require_POST(self.lock_view)),
                 name="customers_customerprofile_lock"),
            path("<int:customer_pk>/unlock/", wrap(require_POST(self.unlock_view)),
                 name="customers_customerprofile_unlock"),
            *super().get_urls(),
        ]

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict[str, Any] | None = None) -> HttpResponse:
        profile = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if profile is not None:
            extra["account"] = {
                "profile": profile,
                "can_change": self.has_change_permission(request, profile),
                "unlock_requested": AgentAction.objects.filter(
                    customer=profile, kind=AgentAction.Kind.ACCOUNT_UNLOCK,
                    status=AgentAction.Status.PENDING_APPROVAL).exists(),
                "reason_max_chars": LOCK_REASON_MAX_CHARS,
            }
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def _account_post(self, request: HttpRequest, customer_pk: int,
                      carry_out: Callable[[CustomerProfile], tuple[str, str]]) -> HttpResponse:
        """Check the permission, run a lock service, and report its outcome as an admin message and in the
        profile's history (the admin log: an account has no conversation to record it in)."""
        profile = get_object_or_404(CustomerProfile.objects.select_related("user"), pk=customer_pk)
        if not self.has_change_permission(request, profile):
            return HttpResponse(status=403)
        try:
            success, logged = carry_out(profile)
        except DomainError as exc:
            messages.error(request, exc.detail)
        else:
            self.log_change(request, profile, logged)
            messages.success(request, success)
        return HttpResponseRedirect(reverse("admin:customers_customerprofile_change", args=[customer_pk]))

    def lock_view(self, request: HttpRequest, customer_pk: int) -> HttpResponse:
        def lock(profile: CustomerProfile) -> tuple[str, str]:
            locked = customer_account_lock(customer_pk=profile.pk, reason=request.POST.get("reason", ""))
            return (f"{self.full_name(locked)}'s account is locked: {locked.locked_reason}",
                    f"Locked the account: {locked.locked_reason}")

        return self._account_post(request, customer_pk, lock)

    def unlock_view(self, request: HttpRequest, customer_pk: int) -> HttpResponse:
        note = request.POST.get("note", "").strip()

        def unlock(profile: CustomerProfile) -> tuple[str, str]:
            unlocked, completed_request = action_unlock_from_customer_page(
                customer_pk=profile.pk, staff_user=request.user, note=note)
            name = self.full_name(unlocked)
            success = (f"{name}'s account is unlocked; the unlock they asked for in the chat is approved, and "
                       "they were told there." if completed_request else f"{name}'s account is unlocked.")
            logged = ("Unlocked the account, completing the customer's request" if completed_request
                      else "Unlocked the account") + (f": {note}" if note else ".")
            return success, logged

        return self._account_post(request, customer_pk, unlock)


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
    # A charge's status and duplicate mark are the refund services' to change (with the refund request,
    # the customer told and the webhooks): set by hand, "refunded" would tell the customer of a refund
    # never made, and "duplicate" would have the agents refund a charge at once. Staff refund from the
    # conversation's page; the rows are the processor's record, only read here.
    readonly_fields = ("invoice", "reference", "amount", "status", "charged_at", "payment_method", "duplicate_of")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

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
