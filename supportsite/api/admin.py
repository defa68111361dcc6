"""Staff create and revoke API keys and register webhook endpoints here.

A new key is shown once, in the message after saving; only its hash is stored.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from supportsite.api.keys import KEY_PREFIX, key_hash
from supportsite.api.models import ApiKey, Scope, WebhookDelivery, WebhookEndpoint, WebhookEvent


class ApiKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(choices=Scope.choices, widget=forms.CheckboxSelectMultiple, required=False)

    class Meta:
        model = ApiKey
        fields = ["name", "scopes", "customer", "rate_limit_per_minute"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    form = ApiKeyForm
    list_display = ["name", "prefix", "scope_list", "customer", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "created_by", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke_keys"]

    @admin.display(description="Scopes")
    def scope_list(self, obj: ApiKey) -> str:
        return ", ".join(obj.scopes)

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        import secrets

        raw_key = KEY_PREFIX + secrets.token_urlsafe(32)
        obj.prefix, obj.key_hash, obj.created_by = raw_key[:11], key_hash(raw_key), request.user
        super().save_model(request, obj, form, change)
        messages.warning(
            request, f"The new key for {obj.name} is {raw_key} — copy it now: it is stored only as a hash "
            "and cannot be shown again.",
        )

    @admin.action(description="Revoke the selected keys")
    def revoke_keys(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} key(s).")


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = WebhookEndpoint
        fields = ["url", "description", "events", "integration", "active", "secret"]

    def clean_url(self) -> str:
        from supportsite.api.webhooks import webhook_url_problem_sync

        url = self.cleaned_data["url"]
        # The server POSTs signed payloads here from inside its own network: never to an internal one.
        problem = webhook_url_problem_sync(url)
        if problem is not None:
            raise forms.ValidationError(f"Deliveries cannot be sent to this URL: it {problem}.", code="unsafe_url")
        return url


class WebhookDeliveryInline(admin.TabularInline):
    model = WebhookDelivery
    fields = ["event", "status", "attempts", "response_code", "next_attempt_at", "last_error", "created_at"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    ordering = ["-created_at"]
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[WebhookDelivery]:
        return super().get_queryset(request).order_by("-created_at")


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["url", "event_list", "integration", "active", "updated_at"]
    list_filter = ["active"]
    inlines = [WebhookDeliveryInline]

    @admin.display(description="Events")
    def event_list(self, obj: WebhookEndpoint) -> str:
        return ", ".join(obj.events)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "endpoint", "status", "attempts", "response_code", "next_attempt_at", "created_at"]
    list_filter = ["status", "event"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
    actions = ["retry_now"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Retry the selected deliveries now")
    def retry_now(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        from supportsite.api.webhooks import webhook_wake

        count = queryset.exclude(status=WebhookDelivery.Status.DELIVERED).update(
            status=WebhookDelivery.Status.PENDING, next_attempt_at=timezone.now(), claimed_at=None
        )
        webhook_wake()
        self.message_user(request, f"{count} deliveries will be retried.")
