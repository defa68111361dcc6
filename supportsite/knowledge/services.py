"""Writes to the knowledge base from outside the admin (the REST API)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from supportsite.core.errors import Conflict, InvalidInput, NotFound
from supportsite.customers.selectors import customer_details_in
from supportsite.knowledge.models import FaqEntry, faq_duplicate_question
from supportsite.knowledge.selectors import faq_question_of, faq_question_owner

FAQ_FIELDS = ("question", "answer", "alternatives", "tags", "is_published")


def _clean_list(values: list[str]) -> list[str]:
    return [value.strip() for value in values if value and value.strip()]


def faq_refuse_customer_details(*texts: str) -> None:
    """An FAQ entry is shown to everyone: a reply written for one customer, published as it stands,
    would show their invoices and references to every visitor."""
    details = list(dict.fromkeys(d for text in texts for d in customer_details_in(text=text)))
    if details:
        raise InvalidInput(
            f"An FAQ entry is shown to every customer, so it can't hold one customer's details: "
            f"remove {', '.join(details)} and write it for everyone.", code="faq_customer_details")


def faq_refuse_other_entries_questions(*, phrasings: list[str], entry_id: int | None) -> None:
    """Refuse a phrasing that is another entry's question (whatever its case, spacing and punctuation).

    The matcher treats phrasings like the question itself, so such a phrasing would send customers
    who ask the other entry's question to this entry's answer, and the two entries would compete.
    """
    for phrasing in phrasings:
        other_id = faq_question_owner(question=phrasing, exclude_id=entry_id)
        if other_id is not None:
            raise Conflict(
                f"“{phrasing}” is the question of FAQ entry {other_id} (“{faq_question_of(faq_id=other_id)}”), "
                f"so it can't also be a phrasing of this entry: correct that entry instead, or leave the phrasing "
                f"out.", code="phrasing_is_other_question")


def _faq_apply(entry: FaqEntry, changes: dict[str, Any]) -> None:
    for field in FAQ_FIELDS:
        if field not in changes:
            continue
        value = changes[field]
        if field in ("question", "answer"):
            value = str(value).strip()
            if not value:
                raise InvalidInput(f"The {field} cannot be empty.", code=f"{field}_required")
            if field == "question":
                # One entry per question, whatever its case, spacing and punctuation: two would compete in the FAQ
                # matcher. Checked here so the caller hears of it before any other fault; two creates
                # at the same moment both pass this, and FaqEntry.save() turns the unique
                # constraint's refusal of the second into the same Conflict.
                other_id = faq_question_owner(question=value, exclude_id=entry.pk)
                if other_id is not None:
                    raise faq_duplicate_question(other_id=other_id)
        elif field in ("alternatives", "tags"):
            value = _clean_list(value)
            if field == "alternatives":
                faq_refuse_other_entries_questions(phrasings=value, entry_id=entry.pk)
        setattr(entry, field, value)
    faq_refuse_customer_details(entry.question, entry.answer, *entry.alternatives)


@transaction.atomic
def faq_create(*, question: str, answer: str, alternatives: list[str] | None = None, tags: list[str] | None = None,
               is_published: bool = True) -> FaqEntry:
    """A new FAQ entry; every server process's orchestrator picks it up within seconds."""
    entry = FaqEntry()
    _faq_apply(entry, {"question": question, "answer": answer, "alternatives": alternatives or [],
                       "tags": tags or [], "is_published": is_published})
    entry.save()
    return entry


@transaction.atomic
def faq_update(*, faq_id: int, changes: dict[str, Any]) -> FaqEntry:
    entry = FaqEntry.objects.select_for_update().filter(pk=faq_id).first()
    if entry is None:
        raise NotFound("No such FAQ entry.", code="faq_not_found")
    _faq_apply(entry, changes)
    entry.save()
    return entry


@transaction.atomic
def faq_delete(*, faq_id: int) -> None:
    deleted, _ = FaqEntry.objects.filter(pk=faq_id).delete()
    if not deleted:
        raise NotFound("No such FAQ entry.", code="faq_not_found")
