"""The staff console: conversations, runs and their traces, the handoff queue, takeover, approvals.

Everything is a ModelAdmin or a view added with ModelAdmin.get_urls and wrapped in
admin_site.admin_view, so only active staff reach it and it keeps the admin's look and URLs.
Writes go through supportsite.conversations.staff (and actions: action_decide, and the refund and
unlock staff carry out from a conversation's page); a DomainError becomes an admin message.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from supportsite.conversations import staff
from supportsite.conversations.actions import action_decide, action_refund_by_staff, action_unlock_by_staff
from supportsite.conversations.admin_charts import grouped_bars, horizontal_bars, line_series
from supportsite.conversations.models import (
    AgentAction,
    AgentRun,
    AgentStep,
    Conversation,
    ConversationEvent,
    Feedback,
    Message,
    RegressionCase,
)
from supportsite.conversations.staff_selectors import (
    LATENCY_BANDS,
    ROUTES,
    RUN_CSV_COLUMNS,
    approvals_queue,
    conversation_transcript,
    conversations_with_staff,
    customer_actions_for_conversation,
    dashboard_stats,
    handoff_queue,
    handoff_summary_for_staff,
    live_message_frame,
    messages_after,
    run_cost,
    run_llm_calls,
    run_reply,
    run_waterfall,
    run_why_card,
    runs_csv_rows,
    runs_filter_latency_band,
)
from supportsite.core.errors import DomainError
from supportsite.core.forms import PhraseListField
from supportsite.core.http import streaming_response
from supportsite.knowledge.models import FaqEntry
from supportsite.knowledge.selectors import faq_entry_get

admin.site.site_header = "Northwind Support — staff console"
admin.site.site_title = "Northwind staff"
admin.site.index_title = "Staff console"


def run_trace_url(run_id: Any) -> str:
    return reverse("admin:conversations_agentrun_trace", args=[run_id])


def _short(value: Any) -> str:
    return str(value)[:8]


# --- filters --------------------------------------------------------------------------------

class LatencyBandFilter(admin.SimpleListFilter):
    title = "latency"
    parameter_name = "latency"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("fast", "under 1 s"), ("ok", "1–3 s"), ("slow", "3–10 s"), ("very_slow", "10 s or more")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AgentRun]) -> QuerySet[AgentRun]:
        if self.value() in LATENCY_BANDS:
            return runs_filter_latency_band(queryset, self.value())
        return queryset


class FallbackTakenFilter(admin.SimpleListFilter):
    title = "fallback taken"
    parameter_name = "fallback"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AgentRun]) -> QuerySet[AgentRun]:
        if self.value() == "yes":
            return queryset.exclude(fallbacks=[])
        if self.value() == "no":
            return queryset.filter(fallbacks=[])
        return queryset


class FeedbackFilter(admin.SimpleListFilter):
    """Runs (or conversations) by the feedback their replies got."""

    title = "feedback"
    parameter_name = "feedback"
    prefix = ""  # the path from the listed model to Feedback

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("down", "Thumbs down"), ("up", "Thumbs up"), ("flag", "Flagged by staff"), ("none", "No feedback")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value in {"up", "down", "flag"}:
            return queryset.filter(**{f"{self.prefix}__rating": value}).distinct()
        if value == "none":
            return queryset.exclude(**{f"{self.prefix}__isnull": False}).distinct()
        return queryset


class RunFeedbackFilter(FeedbackFilter):
    prefix = "feedback"


class ConversationFeedbackFilter(FeedbackFilter):
    prefix = "messages__feedback"


class ConversationRouteFilter(admin.SimpleListFilter):
    title = "route"
    parameter_name = "route"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(r, r) for r in ROUTES]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Conversation]) -> QuerySet[Conversation]:
        return queryset.filter(runs__route=self.value()).distinct() if self.value() else queryset


class ConversationIntentFilter(admin.SimpleListFilter):
    title = "intent"
    parameter_name = "intent"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(i, i) for i in ("billing", "refund", "account", "technical", "general", "human", "out_of_scope")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Conversation]) -> QuerySet[Conversation]:
        return queryset.filter(runs__intent=self.value()).distinct() if self.value() else queryset


# --- helpers for the custom views ----------------------------------------------------------

def _domain_call(request: HttpRequest, func: Callable[[], Any], success: str | Callable[[Any], str]) -> Any:
    """Run a staff service and turn its outcome into an admin message (`success` may word it from the result)."""
    try:
        result = func()
    except DomainError as exc:
        messages.error(request, exc.detail)
        return None
    messages.success(request, success(result) if callable(success) else success)
    return result


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _redirect_back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next") or default
    # Only ever back into the admin: never an open redirect.
    return HttpResponseRedirect(target if target.startswith("/admin/") else default)


# --- inlines --------------------------------------------------------------------------------

def milliseconds(value: float | None) -> str:
    """A step's or a run's duration as staff read it: "1.52 ms", "1,204 ms"; "—" when not measured."""
    if value is None:
        return "—"
    return f"{value:,.2f} ms" if value < 100 else f"{value:,.0f} ms"


class StepInline(admin.TabularInline):
    model = AgentStep
    fields = ("started_at", "agent", "kind", "name", "status", "duration", "model", "input_tokens",
              "output_tokens", "error")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="duration", ordering="duration_ms")
    def duration(self, obj: AgentStep) -> str:
        return milliseconds(obj.duration_ms)


class ActionInline(admin.TabularInline):
    model = AgentAction
    fk_name = "conversation"
    fields = ("created_at", "kind", "status", "payload", "decided_by", "decided_at", "decision_note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# --- conversations --------------------------------------------------------------------------

@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ("short_id", "customer_name", "channel", "status", "needs_person", "last_message_at",
                    "runs_count", "last_route", "feedback_summary", "assigned_to")
    list_filter = ("status", ConversationRouteFilter, ConversationIntentFilter, "channel",
                   ConversationFeedbackFilter, "handoff_reason")
    search_fields = ("id", "customer__external_id", "customer__user__username", "customer__user__first_name",
                     "customer__user__last_name", "messages__text", "runs__id", "external_ref")
    date_hierarchy = "created_at"
    list_select_related = ("customer__user", "assigned_to")
    readonly_fields = ("id", "customer", "session_key", "channel", "integration", "external_ref", "status",
                       "assigned_to", "handoff_reason", "handoff_summary", "handoff_at", "last_message_at",
                       "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("id", "customer", "channel", "status", "assigned_to", "last_message_at")}),
        ("Handoff", {"fields": ("handoff_reason", "handoff_summary", "handoff_at", "staff_note")}),
        ("Origin", {"classes": ("collapse",), "fields": ("session_key", "integration", "external_ref",
                                                          "created_at", "updated_at")}),
    )
    inlines = [ActionInline]
    change_form_template = "admin/conversations/conversation/change_form.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # conversations start in the chat, the API or A2A

    def get_queryset(self, request: HttpRequest) -> QuerySet[Conversation]:
        last_route = AgentRun.objects.filter(conversation=OuterRef("pk")).exclude(route="").order_by("-created_at")
        return super().get_queryset(request).annotate(
            runs_total=Count("runs", distinct=True),
            last_run_route=Subquery(last_route.values("route")[:1]),
            thumbs_up=Count("messages__feedback", filter=Q(messages__feedback__rating=Feedback.Rating.UP), distinct=True),
            thumbs_down=Count("messages__feedback", filter=Q(messages__feedback__rating__in=[
                Feedback.Rating.DOWN, Feedback.Rating.FLAG]), distinct=True),
        )

    @admin.display(description="conversation", ordering="created_at")
    def short_id(self, obj: Conversation) -> str:
        return _short(obj.id)

    @admin.display(description="customer", ordering="customer__external_id")
    def customer_name(self, obj: Conversation) -> str:
        if obj.customer:
            return str(obj.customer)
        return f"anonymous ({obj.get_channel_display()})"

    @admin.display(description="needs a person", boolean=True)
    def needs_person(self, obj: Conversation) -> bool:
        return obj.status == Conversation.Status.WAITING

    @admin.display(description="runs", ordering="runs_total")
    def runs_count(self, obj: Conversation) -> int:
        return obj.runs_total

    @admin.display(description="last route", ordering="last_run_route")
    def last_route(self, obj: Conversation) -> str:
        return obj.last_run_route or "—"

    @admin.display(description="feedback")
    def feedback_summary(self, obj: Conversation) -> str:
        if not obj.thumbs_up and not obj.thumbs_down:
            return "—"
        return format_html('<span class="nw-up">▲ {}</span> <span class="nw-down">▼ {}</span>',
                           obj.thumbs_up, obj.thumbs_down)

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("queue/", wrap(self.queue_view), name="conversations_conversation_queue"),
            path("dashboard/", wrap(self.dashboard_view), name="conversations_conversation_dashboard"),
            path("<uuid:conversation_id>/live/", wrap(self.live_view), name="conversations_conversation_live"),
            path("<uuid:conversation_id>/take/", wrap(self.take_view), name="conversations_conversation_take"),
            path("<uuid:conversation_id>/reply/", wrap(self.reply_view), name="conversations_conversation_reply"),
            path("<uuid:conversation_id>/hand-back/", wrap(self.hand_back_view),
                 name="conversations_conversation_hand_back"),
            path("<uuid:conversation_id>/close/", wrap(self.close_view), name="conversations_conversation_close"),
            path("<uuid:conversation_id>/refund/", wrap(self.refund_view), name="conversations_conversation_refund"),
            path("<uuid:conversation_id>/unlock/", wrap(self.unlock_view), name="conversations_conversation_unlock"),
            path("<uuid:conversation_id>/messages.json", wrap(self.messages_json_view),
                 name="conversations_conversation_messages"),
            *super().get_urls(),
        ]

    def _context(self, request: HttpRequest, **extra: Any) -> dict[str, Any]:
        # The bar's counts come from the base template (staff_console's console_counts), as on every admin page.
        return {**self.admin_site.each_context(request), "opts": self.model._meta,
                "is_nav_sidebar_enabled": False, **extra}

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict[str, Any] | None = None) -> HttpResponse:
        conversation = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if conversation is not None:
            extra["transcript"] = conversation_transcript(conversation=conversation)
            extra["conversation"] = conversation
            extra["customer_actions"] = customer_actions_for_conversation(conversation=conversation)
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def queue_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        return TemplateResponse(request, "admin/conversations/conversation/queue.html", self._context(
            request, title="Waiting for a person", queue=list(handoff_queue()),
            with_staff=list(conversations_with_staff()),
        ))

    def dashboard_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        try:
            days = min(max(int(request.GET.get("days", 14)), 2), 90)
        except ValueError:
            days = 14
        stats = dashboard_stats(days=days)
        rated_routes = [(route, n) for route, n in stats.route_counts]
        return TemplateResponse(request, "admin/conversations/dashboard.html", self._context(
            request, title="Dashboard", stats=stats, days=days, period_choices=(7, 14, 30),
            per_day_chart=grouped_bars(days=stats.days, series=[stats.conversations_per_day, stats.runs_per_day]),
            route_chart=horizontal_bars(items=rated_routes),
            handoff_chart=horizontal_bars(items=stats.handoff_reasons),
            latency_chart=line_series(days=stats.days, series=[
                [m for m, _ in stats.latency_per_day], [p for _, p in stats.latency_per_day]]),
        ))

    def live_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        conversation = get_object_or_404(
            Conversation.objects.select_related("customer__user", "customer__plan", "assigned_to"), id=conversation_id
        )
        actions = list(conversation.actions.order_by("created_at"))
        return TemplateResponse(request, "admin/conversations/conversation/live.html", self._context(
            request, title=f"Live: {conversation}", conversation=conversation,
            transcript=conversation_transcript(conversation=conversation),
            runs=list(conversation.runs.order_by("-created_at")[:10]),
            pending_actions=[a for a in actions if a.status == AgentAction.Status.PENDING_APPROVAL],
            handoff_summary=handoff_summary_for_staff(conversation=conversation, actions=actions),
            ws_path=f"/ws/staff/conversations/{conversation.id}/",
            mine=conversation.assigned_to_id == request.user.pk,
            customer_actions=customer_actions_for_conversation(conversation=conversation),
        ))

    def _post_service(self, request: HttpRequest, func: Callable[[], Any], success: str | Callable[[Any], str],
                      default_next: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        if not self.has_change_permission(request):
            return HttpResponse(status=403)
        _domain_call(request, func, success)
        return _redirect_back(request, default_next)

    def take_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        live = reverse("admin:conversations_conversation_live", args=[conversation_id])
        return self._post_service(
            request, lambda: staff.conversation_take(conversation_id=conversation_id, staff_user=request.user),
            "You have this conversation now: the agents stay quiet until you hand it back.", live,
        )

    def hand_back_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        return self._post_service(
            request, lambda: staff.conversation_hand_back(
                conversation_id=conversation_id, staff_user=request.user, note=request.POST.get("note", "")),
            "Handed back to the agents.", reverse("admin:conversations_conversation_queue"),
        )

    def close_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        return self._post_service(
            request, lambda: staff.conversation_close(
                conversation_id=conversation_id, staff_user=request.user, note=request.POST.get("note", "")),
            "Conversation closed.", reverse("admin:conversations_conversation_queue"),
        )

    def refund_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        def refunded(action: AgentAction) -> str:
            refund = action.refund
            return (f"Refunded ${refund.amount} on invoice {refund.invoice.number} (reference {refund.reference}); "
                    "the customer was told in the chat.")

        return self._post_service(
            request, lambda: action_refund_by_staff(
                conversation_id=conversation_id, staff_user=request.user,
                invoice_number=request.POST.get("invoice_number", ""), note=request.POST.get("note", "")),
            refunded, reverse("admin:conversations_conversation_change", args=[conversation_id]),
        )

    def unlock_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        return self._post_service(
            request, lambda: action_unlock_by_staff(
                conversation_id=conversation_id, staff_user=request.user, note=request.POST.get("note", "")),
            "Account unlocked; the customer was told in the chat.",
            reverse("admin:conversations_conversation_change", args=[conversation_id]),
        )

    def reply_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        if not self.has_change_permission(request):
            return HttpResponse(status=403)
        text = request.POST.get("text", "")
        if _wants_json(request):
            try:
                message = staff.staff_reply(conversation_id=conversation_id, staff_user=request.user, text=text)
            except DomainError as exc:
                return JsonResponse({"code": exc.code, "detail": exc.detail}, status=exc.status)
            return JsonResponse(live_message_frame(message), status=201)
        _domain_call(request, lambda: staff.staff_reply(conversation_id=conversation_id, staff_user=request.user,
                                                        text=text), "Reply sent.")
        return HttpResponseRedirect(reverse("admin:conversations_conversation_live", args=[conversation_id]))

    def messages_json_view(self, request: HttpRequest, conversation_id: Any) -> HttpResponse:
        """Messages after a time: the live view's fallback when its websocket is down."""
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        conversation = get_object_or_404(Conversation, id=conversation_id)
        after: datetime | None = parse_datetime(request.GET.get("after", "") or "")
        items = messages_after(conversation=conversation, after=after)
        return JsonResponse({
            "status": conversation.status,
            "messages": [live_message_frame(m) for m in items],
        })


# --- runs -----------------------------------------------------------------------------------

@admin.register(AgentRun)
class AgentRunAdmin(admin.ModelAdmin):
    list_display = ("trace_link", "created_at", "customer", "message_excerpt", "status", "intent",
                    "confidence_display", "route", "critic_verdict", "fallback_taken", "latency_display",
                    "tokens_display", "feedback_display")
    list_filter = ("status", "route", "intent", FallbackTakenFilter, "critic_verdict", LatencyBandFilter,
                   RunFeedbackFilter, "provider")
    search_fields = ("id", "conversation__id", "message__text", "replies__text", "conversation__customer__external_id",
                     "conversation__customer__user__username")
    date_hierarchy = "created_at"
    list_select_related = ("conversation__customer__user", "message")
    actions = ["export_csv"]
    # The run's record as it was stored; its summary set out to be read (the trace page draws it as a card).
    readonly_fields = [{"summary": "summary_display", "latency_ms": "latency_display"}.get(f.name, f.name)
                       for f in AgentRun._meta.fields]
    exclude = ("summary", "latency_ms")  # shown by their displays above, never as inputs
    inlines = [StepInline]
    change_list_template = "admin/conversations/agentrun/change_list.html"
    change_form_template = "admin/conversations/agentrun/change_form.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # runs come from customers' messages

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict[str, Any] | None = None) -> HttpResponse:
        # Every field is read-only: a Save button here would save nothing (flagging and the FAQ fix have their own
        # forms on the trace page).
        extra = {"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False,
                 **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    @admin.display(description="summary")
    def summary_display(self, obj: AgentRun) -> str:
        return format_html('<pre class="nw-run-summary">{}</pre>', json.dumps(obj.summary, indent=2, ensure_ascii=False))

    def get_queryset(self, request: HttpRequest) -> QuerySet[AgentRun]:
        from django.db.models import F

        return super().get_queryset(request).annotate(
            total_tokens=F("input_tokens") + F("output_tokens"),
            ups=Count("feedback", filter=Q(feedback__rating=Feedback.Rating.UP), distinct=True),
            downs=Count("feedback", filter=Q(feedback__rating__in=[Feedback.Rating.DOWN, Feedback.Rating.FLAG]),
                        distinct=True),
        )

    @admin.display(description="run", ordering="created_at")
    def trace_link(self, obj: AgentRun) -> str:
        return format_html('<a href="{}">{}</a>', run_trace_url(obj.id), _short(obj.id))

    @admin.display(description="customer", ordering="conversation__customer__external_id")
    def customer(self, obj: AgentRun) -> str:
        customer = obj.conversation.customer
        return customer.external_id if customer else "anonymous"

    @admin.display(description="message")
    def message_excerpt(self, obj: AgentRun) -> str:
        return Truncator(obj.message.text).chars(70)

    @admin.display(description="confidence", ordering="confidence")
    def confidence_display(self, obj: AgentRun) -> str:
        return "—" if obj.confidence is None else f"{obj.confidence:.2f}"

    @admin.display(description="fallback", boolean=True)
    def fallback_taken(self, obj: AgentRun) -> bool:
        return bool(obj.fallbacks)

    @admin.display(description="latency", ordering="latency_ms")
    def latency_display(self, obj: AgentRun) -> str:
        return milliseconds(obj.latency_ms)

    @admin.display(description="tokens", ordering="total_tokens")
    def tokens_display(self, obj: AgentRun) -> str:
        return f"{obj.total_tokens:,}"

    @admin.display(description="feedback", ordering="downs")
    def feedback_display(self, obj: AgentRun) -> str:
        if not obj.ups and not obj.downs:
            return "—"
        return format_html('<span class="nw-up">▲ {}</span> <span class="nw-down">▼ {}</span>', obj.ups, obj.downs)

    @admin.action(description="Export the selected runs as CSV")
    def export_csv(self, request: HttpRequest, queryset: QuerySet[AgentRun]) -> HttpResponse:
        return _csv_response(request, queryset)

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("export.csv", wrap(self.export_view), name="conversations_agentrun_export"),
            path("<uuid:run_id>/trace/", wrap(self.trace_view), name="conversations_agentrun_trace"),
            path("<uuid:run_id>/flag/", wrap(self.flag_view), name="conversations_agentrun_flag"),
            path("<uuid:run_id>/faq/", wrap(self.faq_view), name="conversations_agentrun_faq"),
            path("<uuid:run_id>/regression/", wrap(self.regression_view), name="conversations_agentrun_regression"),
            *super().get_urls(),
        ]

    def export_view(self, request: HttpRequest) -> HttpResponse:
        """The runs the changelist shows with its current filters and search, as CSV."""
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        changelist = self.get_changelist_instance(request)
        return _csv_response(request, changelist.get_queryset(request))

    def trace_view(self, request: HttpRequest, run_id: Any) -> HttpResponse:
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        run = get_object_or_404(
            AgentRun.objects.select_related("conversation__customer__user", "message"), id=run_id
        )
        waterfall = run_waterfall(run=run)
        steps = [row.step for row in waterfall.rows]
        card = run_why_card(run=run)
        faq_choices = FaqEntry.objects.order_by("question").only("id", "question")
        matched_faq_id = (card.faq or {}).get("top_id")
        # The form starts from the entry being corrected, never from the reply: a reply written for
        # one customer, saved as it stands, would publish their invoices to everyone.
        matched_faq = faq_entry_get(faq_id=matched_faq_id) if matched_faq_id else None
        # The customer's words start as a new phrasing of that entry only where the entry was a candidate: when it
        # was passed over on purpose ("that didn't work" matched the password reset, and a rule answered), saving
        # the form as it starts would teach the FAQ the very match that was refused.
        phrasing_start = "" if (card.faq or {}).get("skipped") else run.message.text
        return TemplateResponse(request, "admin/conversations/agentrun/trace.html", {
            **self.admin_site.each_context(request), "is_nav_sidebar_enabled": False,
            "opts": self.model._meta, "title": f"Run {_short(run.id)}", "run": run, "card": card,
            "waterfall": waterfall, "reply": run_reply(run=run), "cost": run_cost(run=run, steps=steps),
            "llm_calls": run_llm_calls(steps=steps),
            "actions": list(run.actions.select_related("refund__invoice", "decided_by")),
            "feedback": list(run.feedback.select_related("author")),
            "regression_cases": list(RegressionCase.objects.filter(source_run=run)),
            "faq_choices": faq_choices, "matched_faq_id": matched_faq_id, "routes": ROUTES,
            "faq_answer_start": matched_faq.answer if matched_faq is not None else "", "phrasing_start": phrasing_start,
        })

    def _run_post(self, request: HttpRequest, run_id: Any, func: Callable[[], Any], success: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        if not self.has_change_permission(request):
            return HttpResponse(status=403)
        _domain_call(request, func, success)
        return HttpResponseRedirect(run_trace_url(run_id))

    def flag_view(self, request: HttpRequest, run_id: Any) -> HttpResponse:
        run = get_object_or_404(AgentRun, id=run_id)
        reply = run_reply(run=run)
        if reply is None:
            messages.error(request, "This run has no reply to flag.")
            return HttpResponseRedirect(run_trace_url(run_id))
        return self._run_post(
            request, run_id,
            lambda: staff.reply_flag(message_id=reply.id, staff_user=request.user,
                                     reason=request.POST.get("reason", "")),
            "Reply flagged: it is in the feedback list now.",
        )

    def faq_view(self, request: HttpRequest, run_id: Any) -> HttpResponse:
        if request.method == "GET":
            # The run page's script asks for an entry's current answer when staff choose another
            # entry, so the box always holds the answer of the entry that will be saved.
            if not self.has_view_permission(request):
                return HttpResponse(status=403)
            entry_id = request.GET.get("entry", "")
            entry = faq_entry_get(faq_id=int(entry_id)) if entry_id.isdigit() else None
            if entry is None:
                return JsonResponse({"detail": "No such FAQ entry."}, status=404)
            return JsonResponse({"id": entry.pk, "question": entry.question, "answer": entry.answer})
        post = request.POST
        if post.get("faq_id", "").isdigit():
            if request.method != "POST":
                return HttpResponse(status=405)
            if not self.has_change_permission(request):
                return HttpResponse(status=403)
            faq_id = int(post["faq_id"])
            # Which entry the answer box was filled for; a form without it (a page loaded before
            # the field existed) counts as filled for none, so it can't overwrite an entry unseen.
            loaded_for = post.get("answer_for", "")
            try:
                staff.faq_correct(
                    faq_id=faq_id, staff_user=request.user, answer=post.get("answer", ""),
                    add_alternative=post.get("add_alternative", ""), run_id=run_id,
                    answer_loaded_for=int(loaded_for) if loaded_for.isdigit() else 0)
            except DomainError as exc:
                if exc.code != "faq_answer_stale":
                    messages.error(request, exc.detail)
                    return HttpResponseRedirect(run_trace_url(run_id))
                # Show the page again with the chosen entry and its current answer in the form,
                # so what staff save next is written against the answer it replaces.
                messages.warning(request, exc.detail)
                response = self.trace_view(request, run_id)
                chosen = faq_entry_get(faq_id=faq_id)
                if isinstance(response, TemplateResponse) and chosen is not None:
                    response.context_data.update({"matched_faq_id": chosen.pk, "faq_answer_start": chosen.answer})
                return response
            messages.success(request, "FAQ entry corrected; the agents use it within a few seconds.")
            return HttpResponseRedirect(run_trace_url(run_id))
        return self._run_post(
            request, run_id,
            lambda: staff.faq_from_run(
                run_id=run_id, staff_user=request.user, question=post.get("question", ""),
                answer=post.get("answer", ""), alternatives=staff.split_lines(post.get("alternatives", "")),
                tags=[t.strip() for t in post.get("tags", "").split(",") if t.strip()]),
            "New FAQ entry published; the agents use it within a few seconds.",
        )

    def regression_view(self, request: HttpRequest, run_id: Any) -> HttpResponse:
        post = request.POST
        return self._run_post(
            request, run_id,
            lambda: staff.regression_case_from_run(
                run_id=run_id, staff_user=request.user,
                must_contain=staff.split_lines(post.get("must_contain", "")),
                must_not_contain=staff.split_lines(post.get("must_not_contain", "")),
                expected_route=post.get("expected_route", "")),
            "Saved as a regression case: `manage.py eval` checks it from now on.",
        )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_response(request: HttpRequest, queryset: QuerySet[AgentRun]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield writer.writerow(RUN_CSV_COLUMNS)
        for row in runs_csv_rows(queryset):
            yield writer.writerow(row)

    response = streaming_response(request, rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="runs.csv"'
    return response


@admin.register(AgentStep)
class AgentStepAdmin(admin.ModelAdmin):
    list_display = ("name", "agent", "kind", "status", "run_link", "started_at", "duration", "model",
                    "input_tokens", "output_tokens")
    list_filter = ("kind", "agent", "status", "model")
    search_fields = ("run__id", "name", "agent", "error")
    date_hierarchy = "started_at"
    list_select_related = ("run",)
    readonly_fields = [f.name for f in AgentStep._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="run")
    def run_link(self, obj: AgentStep) -> str:
        return format_html('<a href="{}">{}</a>', run_trace_url(obj.run_id), _short(obj.run_id))

    @admin.display(description="duration", ordering="duration_ms")
    def duration(self, obj: AgentStep) -> str:
        return milliseconds(obj.duration_ms)


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("excerpt", "role", "conversation_link", "run_link", "author", "delivered", "created_at")
    list_filter = ("role", "delivered")
    search_fields = ("text", "conversation__id", "run__id", "client_id")
    date_hierarchy = "created_at"
    list_select_related = ("conversation", "run", "author")
    readonly_fields = ("id", "conversation", "role", "text", "client_id", "run", "author", "sources", "delivered",
                       "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="text")
    def excerpt(self, obj: Message) -> str:
        return Truncator(obj.text).chars(80)

    @admin.display(description="conversation")
    def conversation_link(self, obj: Message) -> str:
        url = reverse("admin:conversations_conversation_change", args=[obj.conversation_id])
        return format_html('<a href="{}">{}</a>', url, _short(obj.conversation_id))

    @admin.display(description="run")
    def run_link(self, obj: Message) -> str:
        return format_html('<a href="{}">{}</a>', run_trace_url(obj.run_id), _short(obj.run_id)) if obj.run_id else "—"


# --- approvals ------------------------------------------------------------------------------

@admin.register(AgentAction)
class AgentActionAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "customer", "status", "amount", "run_link", "created_at", "decided_by",
                    "decided_at")
    list_filter = ("status", "kind")
    search_fields = ("customer__external_id", "request_key", "run__id", "refund__reference",
                     "refund__invoice__number")
    date_hierarchy = "created_at"
    list_select_related = ("customer__user", "decided_by", "run")
    # Decisions go through action_decide (once, locked), never through editing the row.
    readonly_fields = [f.name for f in AgentAction._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="amount")
    def amount(self, obj: AgentAction) -> str:
        value = obj.payload.get("amount") if isinstance(obj.payload, dict) else None
        return f"${value}" if value else "—"

    @admin.display(description="run")
    def run_link(self, obj: AgentAction) -> str:
        return format_html('<a href="{}">{}</a>', run_trace_url(obj.run_id), _short(obj.run_id)) if obj.run_id else "—"

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("approvals/", wrap(self.approvals_view), name="conversations_agentaction_approvals"),
            path("<int:action_id>/decide/", wrap(require_POST(self.decide_view)),
                 name="conversations_agentaction_decide"),
            *super().get_urls(),
        ]

    def approvals_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        recent = (AgentAction.objects.exclude(status=AgentAction.Status.PENDING_APPROVAL)
                  .exclude(decided_at=None).select_related("customer__user", "decided_by").order_by("-decided_at")[:10])
        return TemplateResponse(request, "admin/conversations/agentaction/approvals.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "is_nav_sidebar_enabled": False, "title": "Approvals", "items": approvals_queue(), "recent": list(recent),
        })

    def decide_view(self, request: HttpRequest, action_id: int) -> HttpResponse:
        if not self.has_change_permission(request):
            return HttpResponse(status=403)
        approve = request.POST.get("decision") == "approve"
        _domain_call(
            request,
            lambda: action_decide(action_id=action_id, approve=approve, staff_user=request.user,
                                  note=request.POST.get("note", "").strip()),
            "Approved and carried out; the customer was told in the chat." if approve
            else "Rejected; the customer was told in the chat.",
        )
        return HttpResponseRedirect(reverse("admin:conversations_agentaction_approvals"))


# --- feedback, events, regression cases -----------------------------------------------------

@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("rating", "comment_excerpt", "reply_excerpt", "run_link", "author", "by_staff", "created_at")
    list_filter = ("rating", "by_staff", "run__route", "run__intent")
    search_fields = ("comment", "message__text", "run__id", "run__message__text")
    date_hierarchy = "created_at"
    list_select_related = ("message", "run", "author")
    readonly_fields = ("message", "run", "rating", "comment", "author", "by_staff", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # customers rate in the chat; staff flag from a run's page

    @admin.display(description="comment")
    def comment_excerpt(self, obj: Feedback) -> str:
        return Truncator(obj.comment).chars(60) or "—"

    @admin.display(description="reply")
    def reply_excerpt(self, obj: Feedback) -> str:
        return Truncator(obj.message.text).chars(70)

    @admin.display(description="run")
    def run_link(self, obj: Feedback) -> str:
        return format_html('<a href="{}">open run {}</a>', run_trace_url(obj.run_id), _short(obj.run_id)) \
            if obj.run_id else "—"


@admin.register(ConversationEvent)
class ConversationEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "conversation", "actor", "note")
    list_filter = ("kind", ("actor", admin.RelatedOnlyFieldListFilter))
    search_fields = ("conversation__id", "note", "actor__username")
    date_hierarchy = "created_at"
    list_select_related = ("conversation", "actor")
    readonly_fields = ("conversation", "kind", "actor", "note", "data", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the audit trail is not edited

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class RegressionCaseForm(forms.ModelForm):
    must_contain = PhraseListField(
        label="Must contain", widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text="Words or facts the reply must hold: one a line.",
    )
    must_not_contain = PhraseListField(
        label="Must not contain", widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text="What the reply must never hold (another customer's invoice, …): one a line.",
    )

    class Meta:
        model = RegressionCase
        fields = ("message", "customer_external_id", "expected_route", "must_contain", "must_not_contain")


@admin.register(RegressionCase)
class RegressionCaseAdmin(admin.ModelAdmin):
    form = RegressionCaseForm
    list_display = ("message_excerpt", "customer_external_id", "expected_route", "must_contain", "must_not_contain",
                    "source_run_link", "created_by", "created_at")
    list_filter = ("expected_route", "customer_external_id")
    search_fields = ("message", "customer_external_id", "source_run__id")
    date_hierarchy = "created_at"
    readonly_fields = ("source_run", "created_by", "created_at", "updated_at")

    def save_model(self, request: HttpRequest, obj: RegressionCase, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="message")
    def message_excerpt(self, obj: RegressionCase) -> str:
        return Truncator(obj.message).chars(70)

    @admin.display(description="source run")
    def source_run_link(self, obj: RegressionCase) -> str:
        if not obj.source_run_id:
            return "—"
        return format_html('<a href="{}">{}</a>', run_trace_url(obj.source_run_id), _short(obj.source_run_id))
