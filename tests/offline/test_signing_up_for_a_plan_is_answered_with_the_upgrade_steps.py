""""How do I sign up for the business plan?" from a customer on Pro got their plan and invoices, and from a visitor the
plans, that the sign-up steps aren't described, and a request to sign in to see invoices they never asked about.
Signing up for a plan is moving to it, which the help centre's entry on upgrading answers."""

from __future__ import annotations

import pytest

from agents.providers.offline.text import search_normalise

UPGRADE_STEPS = "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm."
SIGN_IN = "while you're not signed in"


async def test_a_customer_signing_up_for_another_plan_gets_the_upgrade_steps(converse):
    (outcome,) = await converse("cus_alice", "how do I sign up for the business plan?")
    assert UPGRADE_STEPS in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply, outcome.reply
    assert "How do I upgrade my plan?" in {s.title for s in outcome.sources}


async def test_a_visitor_signing_up_for_a_plan_gets_the_plans_and_the_steps_and_is_not_asked_to_sign_in(converse):
    (outcome,) = await converse(None, "how do I sign up for the business plan?")
    assert UPGRADE_STEPS in outcome.reply and "**Business** at $99/month" in outcome.reply, outcome.reply
    assert SIGN_IN not in outcome.reply, outcome.reply


async def test_a_visitor_asking_about_their_own_invoices_is_still_asked_to_sign_in(converse):
    (outcome,) = await converse(None, "why was I charged twice?")
    assert SIGN_IN in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "searched"), [
    ("how do I sign up for the business plan?", "how do i upgrade to business plan"),
    ("can I subscribe to pro?", "can i upgrade to pro"),
    ("how do I sign up?", "how do i sign up"),
])
def test_signing_up_for_a_named_plan_is_searched_as_upgrading_to_it(message, searched):
    assert search_normalise(message) == searched
