"""Knowledge: FAQ entries, help-centre articles and service incidents."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, router, transaction

from supportsite.core.errors import Conflict
from supportsite.core.models import TimeStampedModel

_APOSTROPHES = re.compile("['\u2019]")
_WORDS = re.compile(r"\w+")


def faq_question_key(question: str) -> str:
    """The question as the FAQ tells entries apart: its words, whatever their case, spacing,
    punctuation and apostrophe style, so "What’s included in the Free plan" is "What's included
    in the free plan?" and "How do I reset my password ?" is "How do I reset my password?".

    NFKC first, so full-width letters and ligatures compare as their plain forms; apostrophes are
    dropped rather than split on, so "What's", "What’s" and "whats" agree. A question with no word
    at all keeps its collapsed text, so such questions don't all share the empty key.
    """
    folded = unicodedata.normalize("NFKC", question).casefold()
    words = _WORDS.findall(_APOSTROPHES.sub("", folded))
    return " ".join(words) if words else " ".join(folded.split())


def faq_duplicate_question(*, other_id: int) -> Conflict:
    return Conflict(f"FAQ entry {other_id} already asks this question.", code="duplicate_question")


class FaqEntry(TimeStampedModel):
    question = models.CharField(max_length=300)
    # One entry per question: two would compete in the FAQ matcher. The key is kept by save(), so the
    # REST service, the staff console, the run page and seed_demo all fill it; a text field, as
    # casefolding may lengthen the question ("ß" becomes "ss").
    question_key = models.TextField(editable=False)
    answer = models.TextField()
    alternatives = models.JSONField(default=list, blank=True, help_text="Other ways customers ask this.")
    tags = models.JSONField(default=list, blank=True)
    is_published = models.BooleanField(default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["question"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"
        constraints = [
            models.UniqueConstraint(fields=["question_key"], name="knowledge_faqentry_unique_question_key"),
        ]

    def __str__(self) -> str:
        return self.question

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save with the question's key; a question another entry already asks raises
        Conflict("duplicate_question") naming that entry, even when both saves passed the checks
        in Python at the same moment and the database's unique constraint is what refused."""
        self.question_key = faq_question_key(self.question)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "question" in update_fields:
            kwargs["update_fields"] = {*update_fields, "question_key"}
        using = kwargs.get("using") or router.db_for_write(FaqEntry, instance=self)
        try:
            # A savepoint: the caller's transaction stays usable after the refused write, so
            # the other entry can be looked up and the caller can carry on or roll back itself.
            with transaction.atomic(using=using):
                super().save(*args, **kwargs)
        except IntegrityError as exc:
            other_id = (
                FaqEntry.objects.using(using).exclude(pk=self.pk).filter(question_key=self.question_key)
                .values_list("pk", flat=True).first()
            )
            if other_id is None:  # some other constraint refused the row: not ours to explain
                raise
            raise faq_duplicate_question(other_id=other_id) from exc


class Article(TimeStampedModel):
    slug = models.SlugField(unique=True, max_length=100)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=400)
    body = models.TextField(help_text="Markdown; numbered steps are quoted to customers.")
    tags = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/help/{self.slug}/"


class Incident(TimeStampedModel):
    class Status(models.TextChoices):
        INVESTIGATING = "investigating", "Investigating"
        IDENTIFIED = "identified", "Identified"
        MONITORING = "monitoring", "Monitoring"
        RESOLVED = "resolved", "Resolved"

    reference = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.INVESTIGATING)
    regions = models.JSONField(default=list, blank=True)
    components = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    started_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.status})"
