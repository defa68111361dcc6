from django.contrib import admin

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


class MessageInline(admin.TabularInline):
    model = Message
    fields = ("created_at", "role", "text", "run", "delivered")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ("id", "customer", "channel", "status", "last_message_at")
    list_filter = ("status", "channel")
    search_fields = ("id", "customer__external_id", "messages__text")
    inlines = [MessageInline]


class StepInline(admin.TabularInline):
    model = AgentStep
    fields = ("started_at", "agent", "kind", "name", "status", "duration_ms", "model", "input_tokens", "output_tokens", "error")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(AgentRun)
class AgentRunAdmin(admin.ModelAdmin):
    list_display = ("id", "conversation", "status", "intent", "confidence", "route", "latency_ms", "created_at")
    list_filter = ("status", "route", "intent")
    search_fields = ("id", "message__text")
    inlines = [StepInline]


admin.site.register([Message, AgentStep, AgentAction, Feedback, ConversationEvent, RegressionCase])
