"""The FAQ entry's change form holds entries to the rules the FAQ services hold the REST API and a run's
page to: no one customer's records in an entry every visitor is shown, no other entry's question as a
phrasing. Before, saving the form skipped both."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supportsite.knowledge.models import FaqEntry

pytestmark = pytest.mark.django_db


def _add(staff_client, **fields: str):
    data = {"question": "Can I get a refund for a duplicate charge?", "answer": "Yes: we refund it.",
            "alternatives": "", "tags": "billing", "is_published": "on"} | fields
    return staff_client.post(reverse("admin:knowledge_faqentry_add"), data)


def test_an_entry_naming_one_customers_invoice_is_refused_and_not_published(staff_client, demo):
    before = FaqEntry.objects.count()

    page = _add(staff_client, answer="Yes: like invoice NW-2002, refunded to the card ending 4242.")

    assert page.status_code == 200
    assert "remove NW-2002 and write it for everyone" in page.content.decode()
    assert FaqEntry.objects.count() == before


def test_a_phrasing_that_is_another_entrys_question_is_refused(staff_client, demo):
    other = FaqEntry.objects.order_by("pk").first()
    before = FaqEntry.objects.count()

    page = _add(staff_client, alternatives=f"Duplicate charge refund\n{other.question}")

    assert page.status_code == 200
    assert page.context["adminform"].form.errors["alternatives"][0].startswith(f"“{other.question}” is the question")
    assert FaqEntry.objects.count() == before


def test_an_entry_for_everyone_is_still_saved(staff_client, demo):
    response = _add(staff_client, alternatives="Duplicate charge refund")
    assert response.status_code == 302
    assert FaqEntry.objects.get(question="Can I get a refund for a duplicate charge?").updated_by.username == "staff"
