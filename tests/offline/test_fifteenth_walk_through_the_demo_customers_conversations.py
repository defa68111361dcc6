"""What a fifteenth walk through the demo customers' conversations found, each fixed: a reply that answered another
question than the one asked, or read the customer's own words as someone else's. Names with "still" are guards that
held before the fix too."""

from __future__ import annotations

import pytest

_NO_DUPLICATE = "I checked your payments and I can't find a duplicate charge"
_IF_TWICE = "If you're ever charged twice, the duplicate is always refunded in full"
_SOMEONE_ELSES = "I can only share the details of your own account"


@pytest.mark.parametrize("message", ["what happens if I get charged twice?", "what if you charge me twice?",
                                     "in case of a double charge, what do I do?", "what if I'm double charged?"])
async def test_a_double_charge_supposed_is_answered_by_the_policy(converse, message):
    # Alice was told "I can't find a duplicate charge", answering a report she had not made.
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(_IF_TWICE), outcome.reply
    assert "Right now none of your payments was taken twice." in outcome.reply
    assert _NO_DUPLICATE not in outcome.reply


async def test_a_double_charge_supposed_by_a_customer_never_charged_says_none_was_taken(converse):
    [outcome] = await converse("cus_carol", "what if I get double charged?")
    assert outcome.reply.startswith(_IF_TWICE), outcome.reply
    assert "So far we haven't taken any payment from you." in outcome.reply


async def test_a_double_charge_supposed_by_a_customer_who_has_one_still_gets_it(converse):
    [outcome] = await converse("cus_bob", "what happens if I get charged twice?")
    assert "NW-2002 was charged twice" in outcome.reply and _IF_TWICE not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I was charged twice", "I think I was double charged"])
async def test_a_double_charge_reported_is_still_checked(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(_NO_DUPLICATE), outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob"])
async def test_speeding_up_a_refund_never_asked_for_says_none_is_on_its_way_first(converse, customer):
    # "I'm sorry, I can't make a refund arrive any sooner" came first, and only then that there was none.
    *_, outcome = await converse(customer, "where is my refund?", "can you speed it up?")
    assert outcome.reply.startswith("There's no refund on its way to speed up"), outcome.reply
    assert "any sooner" not in outcome.reply


async def test_speeding_up_a_refund_never_asked_for_still_offers_the_charge_that_qualifies(converse):
    *_, outcome = await converse("cus_bob", "when will I get the money back?", "can you make it faster?")
    assert "invoice NW-2002 ($99.00) would qualify for a refund" in outcome.reply, outcome.reply


async def test_speeding_up_a_refund_asked_for_still_says_it_cannot_come_sooner(converse):
    *_, outcome = await converse("cus_bob", "I was charged twice", "can you speed it up?")
    assert outcome.reply.startswith("I'm sorry, I can't make a refund arrive any sooner from here."), outcome.reply
    assert "RF-0001" in outcome.reply


@pytest.mark.parametrize("question", ["someone is trying to hack me?", "am I being hacked?"])
async def test_whether_it_is_an_intrusion_asked_after_the_advice_answers_what_the_lock_shows(converse, question):
    # The same advice came again, behind "My answer is the same as in my last message".
    *_, outcome = await converse("cus_carol", "my account is locked", "it was not me", question)
    assert outcome.reply.startswith("It could be: your account was locked after five failed sign-ins"), outcome.reply
    assert "My answer is the same" not in outcome.reply
    assert "would you like me to pass you to a person now?" in outcome.reply


async def test_whether_it_is_an_intrusion_asked_of_an_account_never_locked_says_nothing_shows_who(converse):
    *_, outcome = await converse("cus_alice", "someone hacked my account", "is someone trying to hack me?")
    assert outcome.reply.startswith("I can't tell from here: nothing I can see on your account shows who"), outcome.reply


async def test_an_intrusion_reported_again_still_gets_the_advice(converse):
    *_, outcome = await converse("cus_alice", "someone hacked my account", "someone hacked my account")
    assert "reset your password" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I think someone is trying to get into my account",
                                     "somebody was trying to get in to my account"])
async def test_someone_trying_to_get_in_is_an_intrusion_not_another_customer(converse, message):
    # "Trying" was read as a customer's name ("is trying to get"): "I can only share the details of your own account".
    [outcome] = await converse("cus_alice", message)
    assert _SOMEONE_ELSES not in outcome.reply, outcome.reply
    assert "If someone else may be getting into your account" in outcome.reply


@pytest.mark.parametrize("message", ["is bob going to get a refund?", "does bob have a refund?"])
async def test_another_customer_named_as_a_subject_is_still_refused(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "I can't share anything about their account" in outcome.reply, outcome.reply
