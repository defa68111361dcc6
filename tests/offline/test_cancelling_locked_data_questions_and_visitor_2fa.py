"""Charges after cancelling and pausing answered from the help centre, a locked account's unrelated question not
answered by the lock alone, and "2fa" alone answered with how to turn it on."""

from __future__ import annotations

import pytest

ENDS_AT_PERIOD_END = "Your paid plan stays active until the end of the period you've paid for"
NOT_SURE = "I don't have enough information"
ENABLE_STEPS = "choose **Enable**, scan the QR code"
RECOVERY_STEPS = "choose **Use a recovery code**"
INVOICE_LIST = "Here are your most recent invoices"


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", None])
@pytest.mark.parametrize("message", ["will i be charged after i cancel", "will i still be billed if i cancel my plan?",
                                     "will you charge me after i cancel?"])
async def test_charges_after_cancelling_are_told_from_the_cancellation_entry(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert ENDS_AT_PERIOD_END in outcome.reply, outcome.reply
    assert INVOICE_LIST not in outcome.reply, outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", None])
@pytest.mark.parametrize("message", ["can i pause my subscription", "can i put my plan on hold?"])
async def test_pausing_is_said_to_be_unknown_with_the_cancel_entry_and_a_person(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert "doesn't mention pausing" in outcome.reply, outcome.reply
    assert "pass you to a person" in outcome.reply and INVOICE_LIST not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "answer"), [
    ("do you use my data to train ai", NOT_SURE),
    ("is my data encrypted", "Our help centre doesn't say how your stored data is encrypted"),
])
async def test_a_locked_customers_data_question_is_not_answered_by_the_lock_alone(converse, message, answer):
    [outcome] = await converse("cus_carol", message)
    assert answer in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["why is my account locked?", "i can't sign in"])
async def test_a_locked_customers_question_about_the_lock_is_still_answered_by_it(converse, message):
    [outcome] = await converse("cus_carol", message)
    assert "Your account (carol) is locked" in outcome.reply and NOT_SURE not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["2fa", "two factor", "2FA?"])
async def test_a_visitor_naming_two_factor_alone_is_told_how_to_turn_it_on(converse, message):
    [outcome] = await converse(None, message)
    assert ENABLE_STEPS in outcome.reply and RECOVERY_STEPS not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["lost 2fa", "i lost my phone with my 2fa"])
async def test_a_visitor_who_lost_the_second_factor_still_gets_the_recovery_entry(converse, message):
    [outcome] = await converse(None, message)
    assert RECOVERY_STEPS in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "refund_told"), [
    ("cus_alice", "outside our 14-day refund window"),
    ("cus_bob", "It qualifies for a full refund of $99.00"),
])
@pytest.mark.parametrize("message", ["i want to cancel and get a refund", "cancel my subscription and refund me"])
async def test_cancelling_and_a_refund_in_one_message_answers_both(converse, customer, refund_told, message):
    [outcome] = await converse(customer, message)
    assert refund_told in outcome.reply, outcome.reply
    assert "choose **Cancel subscription**" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["how do i cancel a deploy that is stuck", "cancel the refund request please"])
async def test_cancelling_something_else_gets_no_cancellation_steps(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "choose **Cancel subscription**" not in outcome.reply, outcome.reply
