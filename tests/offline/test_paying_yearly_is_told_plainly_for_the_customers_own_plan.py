"""Alice (Pro) asked "can i pay annually instead of monthly?" and got only the help centre's sentence about Business
customers paying yearly: what it means for her plan is said plainly first (not on Pro: only Business, by bank
transfer), from that sentence, and the sentence follows."""

from __future__ import annotations

HELP_CENTRE = ("What our help centre says about paying yearly: Business customers can also pay yearly by bank "
               "transfer against an invoice.")


async def test_a_pro_customer_is_told_first_that_paying_yearly_is_only_for_business(converse):
    (outcome,) = await converse("cus_alice", "can i pay annually instead of monthly?")
    assert outcome.reply.startswith("Not on your Pro plan: our help centre offers paying yearly only to Business "
                                    "customers, by bank transfer against an invoice."), outcome.reply
    assert HELP_CENTRE in outcome.reply, outcome.reply


async def test_a_business_customer_is_told_first_that_they_can_pay_yearly(converse):
    (outcome,) = await converse("cus_bob", "can i pay annually instead of monthly?")
    assert outcome.reply.startswith("Yes: on your Business plan you can pay yearly, by bank transfer against an "
                                    "invoice."), outcome.reply


async def test_a_question_naming_a_plan_or_from_a_visitor_gets_no_verdict_on_an_own_plan(converse):
    # Near misses: "if I move to business" is not about alice's own plan; a visitor has none.
    (moving,) = await converse("cus_alice", "if I move to business can i pay yearly?")
    (visitor,) = await converse(None, "can i pay annually instead of monthly?")
    for outcome in (moving, visitor):
        assert "on your" not in outcome.reply and HELP_CENTRE in outcome.reply, outcome.reply
