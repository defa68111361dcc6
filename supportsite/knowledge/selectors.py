"""Reads of the knowledge base."""

from __future__ import annotations

from supportsite.knowledge.models import FaqEntry, faq_question_key


def faq_question_owner(*, question: str, exclude_id: int | None = None) -> int | None:
    """The id of the FAQ entry that already asks this question (whatever its case, spacing and punctuation), if any."""
    return (
        FaqEntry.objects.filter(question_key=faq_question_key(question)).exclude(pk=exclude_id)
        .values_list("pk", flat=True).first()
    )


def faq_question_of(*, faq_id: int) -> str | None:
    """The question an FAQ entry asks, or None when there is no such entry."""
    return FaqEntry.objects.filter(pk=faq_id).values_list("question", flat=True).first()


def faq_entry_get(*, faq_id: int) -> FaqEntry | None:
    """An FAQ entry by id, or None when there is no such entry."""
    return FaqEntry.objects.filter(pk=faq_id).first()
