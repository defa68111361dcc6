"""Knowledge in the staff console: FAQ entries (who changed them, and when), articles, incidents."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.text import Truncator

from supportsite.knowledge.models import Article, FaqEntry, Incident


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ("question", "answer_excerpt", "phrasings", "is_published", "updated_by", "updated_at")
    list_filter = ("is_published", ("updated_by", admin.RelatedOnlyFieldListFilter))
    search_fields = ("question", "answer", "alternatives", "tags")
    date_hierarchy = "updated_at"
    readonly_fields = ("updated_by", "created_at", "updated_at")
    fields = ("question", "answer", "alternatives", "tags", "is_published", "updated_by", "created_at", "updated_at")
    actions = ["publish", "unpublish"]

    def save_model(self, request: HttpRequest, obj: FaqEntry, form: Any, change: bool) -> None:
        # Who last changed an answer the agents quote is part of the audit trail.
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="answer")
    def answer_excerpt(self, obj: FaqEntry) -> str:
        return Truncator(obj.answer).chars(90)

    @admin.display(description="phrasings")
    def phrasings(self, obj: FaqEntry) -> int:
        return len(obj.alternatives or [])

    @admin.action(description="Publish the selected entries")
    def publish(self, request: HttpRequest, queryset: Any) -> None:
        for entry in queryset:  # save() per row so updated_at moves and every process reindexes
            entry.is_published, entry.updated_by = True, request.user
            entry.save()

    @admin.action(description="Unpublish the selected entries")
    def unpublish(self, request: HttpRequest, queryset: Any) -> None:
        for entry in queryset:
            entry.is_published, entry.updated_by = False, request.user
            entry.save()


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "summary", "updated_at")
    search_fields = ("title", "slug", "summary", "body", "tags")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "updated_at"


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ("reference", "title", "status", "regions", "started_at", "resolved_at")
    list_filter = ("status",)
    search_fields = ("reference", "title", "summary")
    date_hierarchy = "started_at"
