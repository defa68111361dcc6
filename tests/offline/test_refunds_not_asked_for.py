"""Refunds the customer didn't ask for: bob's duplicate on NW-2002 qualifies, but a message that says it wants no
refund, asks for a downgrade's difference, a month outside the window or part of a charge is answered without
filing it. The duplicate is explained and offered; "You're right" only agrees with a customer who said they were
charged twice. A customer who describes the double charge by its sum ("198 instead of 99") is answered as for
"I was charged twice"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agents.follow_ups.offers import OFFER_PERSON, OFFER_REFUND
from agents.providers.offline.writer import compose
from tests.offline.test_writer_and_critic import bob_context

DUPLICATE_TOLD = "NW-2002 was charged twice on 2026-11-15, and the second payment of $99.00 is a duplicate"
AGREES = "You're right, I can see it"


def _refunds_filed(outcome) -> list:
    return [a for a in outcome.actions if a.kind == "refund"]


async def test_a_customer_who_wants_no_refund_is_told_why_and_offered_the_duplicates_refund_not_sent_one(converse):
    [outcome] = await converse("cus_bob", "i dont want a refund, i just want to know why i was charged twice")
    reply = outcome.reply
    assert not _refunds_filed(outcome), outcome.actions
    assert outcome.handoff_reason is None, outcome.handoff_reason
    assert DUPLICATE_TOLD in reply and "qualifies for a full refund of $99.00" in reply, reply
    assert "haven't asked for one" in reply and OFFER_REFUND in reply, reply
    assert "RF-" not in reply and "for approval" not in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_yes_to_the_offered_refund_then_requests_it_once(converse):
    _, outcome = await converse("cus_bob", "i dont want a refund, i just want to know why i was charged twice", "yes")
    [refund] = _refunds_filed(outcome)
    assert refund.invoice_number == "NW-2002" and refund.amount == Decimal("99.00"), refund


def test_a_refund_declined_files_nothing_when_the_message_is_read_as_a_billing_question():
    ctx = bob_context("i dont want a refund, i just want to know why i was charged twice")
    ctx.intent = ctx.intent.model_copy(update={"label": "billing"})
    draft = compose(ctx)
    assert not draft.actions, draft.actions
    assert DUPLICATE_TOLD in draft.text and OFFER_REFUND in draft.text, draft.text


async def test_downgrading_and_a_refund_of_the_difference_gets_the_downgrade_answer_and_a_person_not_a_refund(
        converse):
    [outcome] = await converse("cus_bob", "downgrade to pro and refund the difference")
    reply = outcome.reply
    assert not _refunds_filed(outcome), outcome.actions
    # The downgrade, as "can I downgrade to pro?" is answered: the plan, and the help centre's steps.
    assert "You're on the Business plan at $99.00 a month" in reply and "Billing → Plan" in reply, reply
    assert "doesn't say anything about partial or prorated refunds" in reply and OFFER_PERSON in reply, reply
    # The duplicate may be named as available, never requested, and not as agreeing with a claim never made.
    assert "just ask and I'll request it" in reply and AGREES not in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_a_refund_for_last_month_weighs_octobers_invoice_and_only_offers_the_november_duplicate(converse):
    # Today in the fixture is 2026-11-25: last month is October, NW-2001, paid on 2026-10-15.
    [outcome] = await converse("cus_bob", "i want a refund because i didnt use the service last month")
    reply = outcome.reply
    assert not _refunds_filed(outcome), outcome.actions
    assert "NW-2001" in reply and "paid on 2026-10-15" in reply and "outside our 14-day refund window" in reply, reply
    assert "Separately, invoice NW-2002 ($99.00) qualifies for a full refund" in reply, reply
    assert AGREES not in reply and "RF-" not in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_a_refund_of_part_of_a_charge_files_nothing_and_asks_whether_the_full_amount_is_wanted(converse):
    [outcome] = await converse("cus_bob", "refund NW-2002 but only $50")
    reply = outcome.reply
    assert not _refunds_filed(outcome), outcome.actions
    assert DUPLICATE_TOLD in reply and "qualifies for a full refund of $99.00" in reply, reply
    assert "whole charge, not part of it" in reply and "If you'd like the full $99.00 back" in reply, reply
    assert OFFER_REFUND in reply and "person from our team" in reply, reply
    # A "yes" is for the full refund offered: no person is offered in the words that would take it instead.
    assert OFFER_PERSON not in reply, reply
    assert AGREES not in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_a_quoted_amount_below_every_charge_with_no_invoice_named_files_nothing(converse):
    [outcome] = await converse("cus_bob", "refund me $50")
    assert not _refunds_filed(outcome), outcome.actions
    assert "doesn't say anything about partial or prorated refunds" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["i got charged 198 this month instead of 99, wtf", "i was charged $198 this month"])
async def test_the_sum_of_a_double_charge_is_answered_as_a_charge_taken_twice(converse, message):
    [outcome] = await converse("cus_bob", message)
    reply = outcome.reply
    assert DUPLICATE_TOLD in reply, reply
    assert "Your last payment was" not in reply and "can't find a charge of that amount" not in reply, reply
    # As "I was charged twice this month": the duplicate's refund is requested.
    [refund] = _refunds_filed(outcome)
    assert refund.invoice_number == "NW-2002" and refund.amount == Decimal("99.00"), refund


@pytest.mark.parametrize("message", ["I was charged twice this month, can I get a refund?", "I was charged twice"])
async def test_a_customer_who_says_they_were_charged_twice_is_agreed_with_and_the_refund_requested(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith(f"{AGREES}: invoice {DUPLICATE_TOLD}"), outcome.reply
    [refund] = _refunds_filed(outcome)
    assert refund.invoice_number == "NW-2002" and refund.amount == Decimal("99.00"), refund


async def test_a_refund_asked_for_without_claiming_a_double_charge_is_not_answered_you_are_right(converse):
    [outcome] = await converse("cus_bob", "refund my last invoice please")
    assert f"Invoice {DUPLICATE_TOLD}" in outcome.reply and AGREES not in outcome.reply, outcome.reply
    assert len(_refunds_filed(outcome)) == 1


def test_a_refund_for_a_month_with_no_invoice_says_so_and_files_nothing_else():
    # bob_context holds only November's NW-2002; today is 2026-11-25, so last month (October) has no invoice.
    draft = compose(bob_context("i want a refund for last month"))
    assert not draft.actions, draft.actions
    assert "can't find an invoice from last month" in draft.text, draft.text
    assert "Separately, invoice NW-2002 ($99.00) qualifies for a full refund" in draft.text, draft.text
    assert "couldn't find a charge on your account that our refund policy covers" not in draft.text, draft.text
