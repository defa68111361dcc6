""""I'm on the free plan, what does my plan include?" from alice, who is on Pro: "my plan" is the plan the account
holds. The reply says plainly first that she is on Pro, not Free, then what Pro includes, not Free's features. A claim
that matches the account, a plan asked about by name, and a visitor's claim are answered as before."""

from __future__ import annotations

import pytest

PRO_INCLUDES = "Your plan, Pro ($29.00 a month), includes up to 10 apps, custom domains and email support"


@pytest.mark.parametrize("message", ["i'm on the free plan, what does my plan include?",
                                     "im on the business plan, what does my plan include?"])
async def test_a_pro_customer_claiming_another_plan_is_told_they_are_on_pro_then_what_pro_includes(converse, message):
    (outcome,) = await converse("cus_alice", message)
    claimed = "Free" if "free" in message else "Business"
    assert outcome.reply.startswith(f"You're on the Pro plan, not {claimed}."), outcome.reply
    assert PRO_INCLUDES in outcome.reply
    assert "The Free plan costs $0" not in outcome.reply and "one app" not in outcome.reply


@pytest.mark.parametrize(("customer", "message", "expected"), [
    # Neighbour guards: the plan claimed is the one held; the plan is asked about by name; no "my plan".
    ("cus_alice", "i'm on the pro plan, what does my plan include?", PRO_INCLUDES),
    ("cus_carol", "i'm on the free plan, what does my plan include?", "Your plan, Free, includes one app"),
    ("cus_alice", "i'm on the free plan, what does free include?", "Free includes one app"),
])
async def test_a_claim_that_is_true_or_a_plan_asked_by_name_gets_no_correction(converse, customer, message, expected):
    (outcome,) = await converse(customer, message)
    assert expected in outcome.reply and "not Free" not in outcome.reply and "not Pro" not in outcome.reply, (
        outcome.reply)
