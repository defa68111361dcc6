"""The run page's "Fix the FAQ" form in a real browser: choosing another entry loads that entry's
answer, so a correction is written against the answer it replaces, never another entry's."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from supportsite.knowledge.models import FaqEntry
from tests.browser.conftest import staff_sign_in
from tests.staff.factories import billing_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]




def test_choosing_another_entry_loads_its_answer_and_saving_changes_only_that_entry(demo_tx, page):
    upgrade = FaqEntry.objects.get(question="How do I upgrade my plan?")
    free_plan = FaqEntry.objects.get(question="What's included in the Free plan?")
    run = billing_run(customer=demo_tx["alice"], text="what's included in the free plan?", route="faq")
    run.summary["faq"] = {**run.summary["faq"], "top_id": free_plan.pk, "question": free_plan.question}
    run.save(update_fields=["summary"])
    staff_sign_in(page)
    page.goto(f"/admin/conversations/agentrun/{run.id}/trace/")
    answer, loaded_for = page.locator("#faq-answer"), page.locator("#faq-answer-for")
    expect(answer).to_have_value(free_plan.answer)
    expect(loaded_for).to_have_value(str(free_plan.pk))

    page.locator("#faq-id").select_option(str(upgrade.pk))
    expect(answer).to_have_value(upgrade.answer)
    expect(loaded_for).to_have_value(str(upgrade.pk))
    expect(page.locator("#faq-answer-status")).to_contain_text(upgrade.question)

    page.locator("#faq-id").select_option(str(free_plan.pk))  # and back again
    expect(answer).to_have_value(free_plan.answer)
    page.locator("#faq-id").select_option(str(upgrade.pk))
    expect(answer).to_have_value(upgrade.answer)
    answer.fill(upgrade.answer + " Plan changes apply at once.")
    page.locator("#faq-add-alt").fill("")
    page.locator("#faq-form").evaluate("(form) => form.scrollIntoView()")
    page.screenshot(path="/tmp/helper_f.png", full_page=False)
    page.get_by_role("button", name="Save FAQ").click()
    expect(page.locator(".messagelist")).to_contain_text("FAQ entry corrected")

    upgrade_now, free_plan_now = (FaqEntry.objects.get(pk=entry.pk) for entry in (upgrade, free_plan))
    assert upgrade_now.answer == upgrade.answer + " Plan changes apply at once."
    assert upgrade_now.alternatives == upgrade.alternatives
    assert (free_plan_now.answer, free_plan_now.alternatives) == (free_plan.answer, free_plan.alternatives)
