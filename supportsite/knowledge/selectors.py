"""Reads of the knowledge base."""

from __future__ import annotations

from supportsite.knowledge.models import FaqEntry, faq_question_key


def faq_question_owner(*, question: str, exclude_id: int | None = None) -> int | None:
    """The id of the FAQ entry that already asks this question (whatever its case and spacing), if any."""
    return (
        FaqEntry.objects.filter(question_key=faq_question_key(question)).exclude(pk=exclude_id)
        .values_list("pk", flat=True).first()
    )
