"""Fixing the FAQ from a run's page: an FAQ entry is shown to everyone, so what one customer was told
(their invoices, references, email) can never be published through it, by default or by mistake."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supportsite.conversations import staff
from supportsite.core.errors import Conflict, InvalidInput
from supportsite.customers.models import Payment
from supportsite.customers.selectors import customer_details_in
from supportsite.knowledge.models import FaqEntry
from tests.staff.factories import billing_run

pytestmark = pytest.mark.django_db(transaction=False)

BOBS_REPLY = ("You're right: invoice NW-2002 was charged twice on 2026-11-15. I've asked for a refund of $99.00 "
              "(reference {ref}) to bob@example.com's card.")


def test_the_customer_details_in_a_text_are_the_ones_the_database_holds(demo):
    text = "Invoice NW-2002 for cus_bob, mail bob@example.com; HTTP-2 and NW-9999 are nobody's, nor is help@northwind.test."
    assert customer_details_in(text=text) == ["NW-2002", "cus_bob", "bob@example.com"]
    assert customer_details_in(text="Receipts are under Billing → Invoices.") == []


def test_customer_details_are_found_whatever_their_case_and_inside_longer_names(demo):
    payment = Payment.objects.filter(invoice__number="NW-2002").order_by("pk").last()
    assert payment.reference.islower()  # payment references are written in lower case
    text = f"Your charge {payment.reference} was refunded. CUS_BOB, Bob@Example.com: see Invoice-NW-2002.pdf"
    assert customer_details_in(text=text) == [payment.reference, "CUS_BOB", "NW-2002", "Bob@Example.com"]


def test_a_corrected_answer_holding_a_customers_invoice_is_refused_and_the_entry_is_unchanged(demo, staff_user):
    run = billing_run(customer=demo["bob"])
    faq = FaqEntry.objects.order_by("pk").first()
    before = faq.answer
    with pytest.raises(InvalidInput) as refused:
        staff.faq_correct(faq_id=faq.pk, staff_user=staff_user, answer=BOBS_REPLY.format(ref="none"), run_id=run.id)
    assert refused.value.code == "faq_customer_details"
    assert "NW-2002" in str(refused.value) and "bob@example.com" in str(refused.value)
    faq.refresh_from_db()
    assert faq.answer == before


def test_a_new_entry_holding_a_customers_details_is_refused_and_none_is_created(demo, staff_user):
    run = billing_run(customer=demo["bob"])
    count = FaqEntry.objects.count()
    with pytest.raises(InvalidInput):
        staff.faq_from_run(run_id=run.id, staff_user=staff_user, question="I was charged twice for NW-2002",
                           answer="Duplicate charges are refunded once confirmed.")
    with pytest.raises(InvalidInput):
        staff.faq_from_run(run_id=run.id, staff_user=staff_user, question="What if I'm charged twice?",
                           answer="Refunded.", alternatives=["charged twice cus_bob"])
    assert FaqEntry.objects.count() == count


def test_the_customers_wording_is_not_added_as_a_phrasing_when_it_names_their_records(demo, staff_user):
    run = billing_run(customer=demo["bob"], text="why was NW-2002 charged twice?")
    faq = staff.faq_from_run(run_id=run.id, staff_user=staff_user, question="What if I'm charged twice?",
                             answer="A duplicate charge is refunded once we confirm it.")
    assert faq.alternatives == []
    corrected = staff.faq_correct(faq_id=faq.pk, staff_user=staff_user, answer="Refunded within 5 days.",
                                  run_id=run.id, add_alternative=run.message.text)
    assert corrected.alternatives == []


def test_the_run_page_form_starts_from_the_matched_entrys_answer_not_from_the_reply(staff_client, demo):
    run = billing_run(customer=demo["bob"], reply=BOBS_REPLY.format(ref="RF-TEST0001"))
    entry = FaqEntry.objects.order_by("pk").first()
    run.summary["faq"]["top_id"] = entry.pk
    run.save(update_fields=["summary"])
    html = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.id])).content.decode()
    form = html[html.index('id="faq-answer"'):]
    form = form[:form.index("</textarea>")]
    assert entry.answer.split("**")[0][:40] in form.replace("&#x27;", "'")
    assert "NW-2002" not in form


def test_saving_the_run_page_form_with_the_reply_pasted_in_says_why_and_publishes_nothing(staff_client, demo):
    run = billing_run(customer=demo["bob"])
    entry = FaqEntry.objects.order_by("pk").first()
    response = staff_client.post(reverse("admin:conversations_agentrun_faq", args=[run.id]),
                                 {"faq_id": str(entry.pk), "answer_for": str(entry.pk),
                                  "answer": BOBS_REPLY.format(ref="none"), "add_alternative": run.message.text},
                                 follow=True)
    assert "can&#x27;t hold one customer&#x27;s details" in response.content.decode()
    entry.refresh_from_db()
    assert "NW-2002" not in entry.answer


def test_a_new_entry_is_all_or_nothing_with_its_audit_record(demo, staff_user, monkeypatch):
    from supportsite.conversations.models import ConversationEvent

    run = billing_run(customer=demo["alice"])
    count = FaqEntry.objects.count()

    def audit_fails(*args, **kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(ConversationEvent.objects, "create", audit_fails)
    with pytest.raises(RuntimeError):
        staff.faq_from_run(run_id=run.id, staff_user=staff_user, question="Where are receipts?",
                           answer="Under Billing → Invoices.")
    assert FaqEntry.objects.count() == count  # no entry published without its record of who did it


def test_publishing_or_correcting_an_entry_onto_a_question_another_asks_is_refused_naming_it(demo, staff_user):
    run = billing_run(customer=demo["bob"])
    first, second = FaqEntry.objects.order_by("pk")[:2]
    count = FaqEntry.objects.count()
    with pytest.raises(Conflict) as published:
        staff.faq_from_run(run_id=run.id, staff_user=staff_user, question=f" {first.question.upper()}",
                           answer="A second answer.")
    with pytest.raises(Conflict) as corrected:
        staff.faq_correct(faq_id=second.pk, staff_user=staff_user, answer="Changed.", question=first.question.lower())
    for refused in (published.value, corrected.value):
        assert refused.code == "duplicate_question" and f"FAQ entry {first.pk}" in refused.detail
    assert FaqEntry.objects.count() == count
    second_now = FaqEntry.objects.get(pk=second.pk)
    assert (second_now.question, second_now.answer) == (second.question, second.answer)


# --- the form is saved onto the entry whose answer it showed ---------------------------------------

def _upgrade_and_free_plan() -> tuple[FaqEntry, FaqEntry]:
    return (FaqEntry.objects.get(question="How do I upgrade my plan?"),
            FaqEntry.objects.get(question="What's included in the Free plan?"))


def test_a_correction_written_against_another_entrys_answer_is_refused_and_saves_nothing(demo, staff_user):
    run = billing_run(customer=demo["alice"], text="what's included in the free plan?")
    upgrade, free_plan = _upgrade_and_free_plan()
    with pytest.raises(Conflict) as refused:
        staff.faq_correct(faq_id=upgrade.pk, staff_user=staff_user, answer=free_plan.answer, run_id=run.id,
                          answer_loaded_for=free_plan.pk)
    assert refused.value.code == "faq_answer_stale"
    assert "Nothing was saved" in refused.value.detail and free_plan.question in refused.value.detail
    upgrade_now = FaqEntry.objects.get(pk=upgrade.pk)
    assert (upgrade_now.answer, upgrade_now.alternatives) == (upgrade.answer, upgrade.alternatives)
    corrected = staff.faq_correct(faq_id=upgrade.pk, staff_user=staff_user, answer="Billing → Change plan.",
                                  answer_loaded_for=upgrade.pk)
    assert corrected.answer == "Billing → Change plan."


def test_another_entrys_question_is_refused_as_a_phrasing_naming_that_entry(demo, staff_user):
    run = billing_run(customer=demo["alice"], text="What\u2019s included in the free plan")
    upgrade, free_plan = _upgrade_and_free_plan()
    with pytest.raises(Conflict) as refused:
        staff.faq_correct(faq_id=upgrade.pk, staff_user=staff_user, answer=upgrade.answer, run_id=run.id,
                          add_alternative=run.message.text, answer_loaded_for=upgrade.pk)
    assert refused.value.code == "phrasing_is_other_question"
    assert f"FAQ entry {free_plan.pk} (“{free_plan.question}”)" in refused.value.detail
    assert FaqEntry.objects.get(pk=upgrade.pk).alternatives == upgrade.alternatives
    with pytest.raises(Conflict):
        staff.faq_from_run(run_id=run.id, staff_user=staff_user, question="Can I try Northwind for free?",
                           answer="Yes, on the Free plan.", alternatives=["WHAT'S INCLUDED IN THE FREE PLAN?"])
    assert not FaqEntry.objects.filter(question="Can I try Northwind for free?").exists()


def test_a_new_entry_leaves_out_the_customers_wording_when_it_is_another_entrys_question(demo, staff_user):
    run = billing_run(customer=demo["alice"], text="whats included in the free plan?")
    faq = staff.faq_from_run(run_id=run.id, staff_user=staff_user, question="Can I try Northwind for free?",
                             answer="Yes, on the Free plan.")
    assert faq.alternatives == []


def _post_correction(staff_client, run, **fields):
    return staff_client.post(reverse("admin:conversations_agentrun_faq", args=[run.id]), fields)


def test_the_run_page_saves_nothing_when_the_entry_changed_and_shows_the_chosen_entrys_answer(staff_client, demo):
    run = billing_run(customer=demo["alice"], text="what's included in the free plan?")
    upgrade, free_plan = _upgrade_and_free_plan()
    for loaded_for in ({"answer_for": str(free_plan.pk)}, {}):  # the other entry's answer; a form from before the field
        response = _post_correction(staff_client, run, faq_id=str(upgrade.pk), answer=free_plan.answer,
                                    add_alternative=run.message.text, **loaded_for)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Nothing was saved" in html and "review the answer and save again" in html
        assert f'<option value="{upgrade.pk}" selected>' in html
        assert f'name="answer_for" id="faq-answer-for" value="{upgrade.pk}"' in html
        form = html[html.index('id="faq-answer"'):]
        assert upgrade.answer.split("\n")[0][:40] in form[:form.index("</textarea>")].replace("&#x27;", "'")
    upgrade_now = FaqEntry.objects.get(pk=upgrade.pk)
    assert (upgrade_now.answer, upgrade_now.alternatives) == (upgrade.answer, upgrade.alternatives)


def test_the_run_page_refuses_another_entrys_question_as_a_phrasing_and_saves_a_clean_correction(staff_client, demo):
    run = billing_run(customer=demo["alice"], text="what's included in the free plan?")
    upgrade, free_plan = _upgrade_and_free_plan()
    refused = staff_client.post(reverse("admin:conversations_agentrun_faq", args=[run.id]),
                                {"faq_id": str(upgrade.pk), "answer_for": str(upgrade.pk), "answer": "Changed.",
                                 "add_alternative": run.message.text}, follow=True)
    assert f"is the question of FAQ entry {free_plan.pk}" in refused.content.decode()
    assert FaqEntry.objects.get(pk=upgrade.pk).answer == upgrade.answer
    saved = _post_correction(staff_client, run, faq_id=str(upgrade.pk), answer_for=str(upgrade.pk),
                             answer="Billing → Change plan.", add_alternative="")
    assert saved.status_code == 302
    assert FaqEntry.objects.get(pk=upgrade.pk).answer == "Billing → Change plan."


def test_the_run_page_can_fetch_an_entrys_current_answer_for_its_script(staff_client, demo):
    run = billing_run(customer=demo["alice"])
    upgrade, _ = _upgrade_and_free_plan()
    url = reverse("admin:conversations_agentrun_faq", args=[run.id])
    assert staff_client.get(url, {"entry": upgrade.pk}).json() == {
        "id": upgrade.pk, "question": upgrade.question, "answer": upgrade.answer}
    assert staff_client.get(url, {"entry": "0"}).status_code == 404
