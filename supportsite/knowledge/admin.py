"""Knowledge in the staff console: FAQ entries (who changed them, and when), articles, incidents."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.text import Truncator

from supportsite.core.errors import Conflict, InvalidInput
from supportsite.core.forms import PhraseListField
from supportsite.knowledge.models import Article, FaqEntry, Incident
from supportsite.knowledge.selectors import faq_question_of, faq_question_owner
from supportsite.knowledge.services import faq_refuse_customer_details, faq_refuse_other_entries_questions


class FaqEntryForm(forms.ModelForm):
    alternatives = PhraseListField(
        label="Other phrasings", widget=forms.Textarea(attrs={"rows": 8, "class": "vLargeTextField"}),
        help_text="Other ways customers ask this: one a line.",
    )
    tags = PhraseListField(
        separator=",", widget=forms.TextInput(attrs={"size": 60}), help_text="Separated by commas: billing, refund.",
    )

    class Meta:
        model = FaqEntry
        fields = ("question", "answer", "alternatives", "tags", "is_published")

    def clean_question(self) -> str:
        # The unique key is not a form field, so Django's own unique check skips it: without this
        # the database would refuse the row after validation, as a server error.
        question = self.cleaned_data["question"]
        other_id = faq_question_owner(question=question, exclude_id=self.instance.pk)
        if other_id is not None:
            other = faq_question_of(faq_id=other_id) or ""
            raise forms.ValidationError(
                "FAQ entry %(id)s (“%(question)s”) already asks this question, whatever its case, spacing and "
                "punctuation: edit that entry instead.",
                code="duplicate_question", params={"id": other_id, "question": other})
        return question

    def clean(self) -> dict[str, Any]:
        # The rules the FAQ services hold every other way in (the REST API, a run's page) to: saved
        # here without them, one customer's invoice would be published to every visitor, or a phrasing
        # would send another entry's question to this entry's answer.
        cleaned = super().clean()
        alternatives = cleaned.get("alternatives") or []
        try:
            faq_refuse_customer_details(cleaned.get("question") or "", cleaned.get("answer") or "", *alternatives)
        except InvalidInput as exc:
            raise forms.ValidationError(exc.detail, code=exc.code) from exc
        try:
            faq_refuse_other_entries_questions(phrasings=alternatives, entry_id=self.instance.pk)
        except Conflict as exc:
            self.add_error("alternatives", forms.ValidationError(exc.detail, code=exc.code))
        return cleaned


class ArticleForm(forms.ModelForm):
    tags = PhraseListField(
        separator=",", widget=forms.TextInput(attrs={"size": 60}), help_text="Separated by commas: deploys, domains.",
    )

    class Meta:
        model = Article
        fields = ("slug", "title", "summary", "body", "tags")


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    form = FaqEntryForm
    # Narrow columns only: with the admin's menu and the filters beside it, the table has about 630 px
    # at 1280 px, and the admin never wraps a date ("Dec. 3, 2026, 6:55 a.m." alone took 170 px).
    list_display = ("question", "answer_excerpt", "phrasings", "published", "last_change")
    list_filter = ("is_published", ("updated_by", admin.RelatedOnlyFieldListFilter))
    search_fields = ("question", "answer", "alternatives", "tags")
    date_hierarchy = "updated_at"
    list_select_related = ("updated_by",)
    readonly_fields = ("updated_by", "created_at", "updated_at")
    fields = ("question", "answer", "alternatives", "tags", "is_published", "updated_by", "created_at", "updated_at")
    actions = ["publish", "unpublish"]

    def changeform_view(self, request: HttpRequest, object_id: str | None = None, form_url: str = "",
                        extra_context: dict[str, Any] | None = None) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Conflict as exc:
            if exc.code != "duplicate_question":
                raise
            # Another save took the question between this form's check and its write (FaqEntry.save()
            # turned the constraint's refusal into this Conflict, and the admin's transaction has rolled
            # back). That save has committed by now, so validating the form once more shows the usual
            # error beside the question instead of a server error.
            return super().changeform_view(request, object_id, form_url, extra_context)

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

    @admin.display(description="published", boolean=True, ordering="is_published")
    def published(self, obj: FaqEntry) -> bool:
        return obj.is_published

    @admin.display(description="last change", ordering="updated_at")
    def last_change(self, obj: FaqEntry) -> str:
        when = date_format(timezone.localtime(obj.updated_at), "M j, H:i")
        if obj.updated_by is None:
            return when
        return format_html('{}<br><span class="quiet">by {}</span>', when, obj.updated_by.get_username())

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
    form = ArticleForm
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
