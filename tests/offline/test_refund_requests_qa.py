"""Refund requests as customers put them: a refund is requested only when the message asks for one the policy
covers, and a request the agents can't carry out (withdrawing one, a partial refund) is answered from the
facts and the policy, with a person offered, not by filing the refund that happens to qualify."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agents.facts import RefundFact
from agents.follow_ups.offers import OFFER_PERSON
from agents.providers.offline.writer import compose
from tests.offline.test_writer_and_critic import bob_context

# Bob's November invoice, charged twice: its duplicate qualifies for a refund nobody has asked for yet.
DUPLICATE_TOLD = "charged twice on 2026-11-15"


def _refunds_filed(outcome) -> list:
    return [a for a in outcome.actions if a.kind == "refund"]


async def test_withdrawing_a_refund_request_that_does_not_exist_files_no_refund_and_says_there_is_none(converse):
    [outcome] = await converse("cus_bob", "cancel my refund request")
    assert not _refunds_filed(outcome), outcome.actions
    assert "can't find a refund request" in outcome.reply and "nothing to withdraw" in outcome.reply, outcome.reply
    assert DUPLICATE_TOLD not in outcome.reply and "RF-" not in outcome.reply, outcome.reply
    assert outcome.critic.verdict == "approve"


@pytest.mark.parametrize(("status", "stands"), [
    ("pending_approval", "is waiting for a member of our staff to approve it"),
    ("approved", "has been approved"),
])
def test_withdrawing_a_refund_request_says_where_it_stands_and_offers_a_person_to_withdraw_it(status, stands):
    ctx = bob_context("I'd like to withdraw my refund request please")
    ctx.facts["billing"]["refunds"] = [RefundFact(
        reference="RF-0007", invoice_number="NW-2002", amount=Decimal("99.00"), status=status,
        reason="duplicate_charge").model_dump(mode="json")]
    for option in ctx.facts["billing"]["refund_options"]:
        option.update(already_requested=True, refund_reference="RF-0007", refund_status=status)
    draft = compose(ctx)
    assert not draft.actions, draft.actions
    assert "RF-0007" in draft.text and stands in draft.text, draft.text
    assert "can't withdraw a refund request myself" in draft.text and OFFER_PERSON in draft.text, draft.text


@pytest.mark.parametrize("message", [
    "i want partial refund for the days i didn't use",
    "I downgraded mid month, do I get prorated refund?",
    "do I get a refund if I cancel mid month?",
])
async def test_a_partial_or_prorated_refund_is_answered_with_the_policy_and_a_person_not_the_duplicates_refund(
        converse, message):
    [outcome] = await converse("cus_bob", message)
    assert not _refunds_filed(outcome), outcome.actions
    reply = outcome.reply
    assert "refunded within 14 days of being paid" in reply, reply  # the policy, as the constraints state it
    assert "doesn't say anything about partial or prorated refunds" in reply and OFFER_PERSON in reply, reply
    assert "RF-" not in reply and "I've sent it" not in reply, reply
    # The duplicate that does qualify may be named as available, never as requested.
    assert "NW-2002" not in reply or "just ask and I'll request it" in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_asking_whether_cancelling_brings_a_refund_is_answered_with_the_policy_and_files_nothing(converse):
    [outcome] = await converse("cus_bob", "if i cancel will i get a refund?")
    assert not _refunds_filed(outcome), outcome.actions
    assert "refunded within 14 days of being paid" in outcome.reply and OFFER_PERSON in outcome.reply, outcome.reply
    assert "RF-" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I want refund for the november charge", "refund my november payment"])
async def test_a_refund_for_a_month_whose_payment_failed_says_nothing_was_charged(converse, message):
    [outcome] = await converse("cus_alice", message)
    reply = outcome.reply
    assert not _refunds_filed(outcome), outcome.actions
    assert "NW-1003" in reply and "didn't go through" in reply and "nothing to refund" in reply, reply
    # Not a refusal of a charge that was taken: none was.
    assert "couldn't find a charge on your account that our refund policy covers" not in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_asking_the_policy_and_about_a_month_weighs_that_months_invoice_against_it(converse):
    [outcome] = await converse("cus_alice", "what's your refund policy, and can I get one for october?")
    reply = outcome.reply
    assert "refunded within 14 days of being paid" in reply, reply
    assert "NW-1002" in reply and "paid on 2026-10-01" in reply and "outside our 14-day refund window" in reply, reply
    assert "tell me which invoice" not in reply, reply
    assert not _refunds_filed(outcome)


@pytest.mark.parametrize("message", ["refund my last invoice please", "i was charged twice this month"])
async def test_asking_for_the_duplicates_refund_still_requests_it_once(converse, message):
    [outcome] = await converse("cus_bob", message)
    [refund] = _refunds_filed(outcome)
    assert refund.invoice_number == "NW-2002" and refund.amount == Decimal("99.00"), refund
    assert DUPLICATE_TOLD in outcome.reply



@pytest.mark.parametrize("message", ["cancel my refund request", "I downgraded mid month, do I get prorated refund?"])
def test_a_refund_no_action_covers_is_answered_the_same_when_read_as_a_billing_question(message):
    # A model that reads these as billing must not answer with the plan or the cancellation how-to instead.
    refund_ctx, billing_ctx = bob_context(message), bob_context(message)
    billing_ctx.intent = billing_ctx.intent.model_copy(update={"label": "billing"})
    as_billing = compose(billing_ctx)
    assert as_billing.text == compose(refund_ctx).text, as_billing.text
    assert not as_billing.actions and "Cancel subscription" not in as_billing.text, as_billing.text
