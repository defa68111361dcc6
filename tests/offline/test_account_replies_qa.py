"""Account replies found wrong in QA: a question about the state of the customer's own account or
subscription is answered by the facts, not a how-to entry that shares its words; a lost authenticator
is answered by whether two-factor is on; a reset without the inbox it goes to, getting the data out
of an account, and a lock told once."""

from __future__ import annotations

import pytest

from agents.context import IntentResult
from agents.providers.offline.writer import compose
from tests.agents import fakes
from tests.agents.fakes import ACCOUNTS, CARDS, INVOICES, PAYMENTS, PLANS, SUBSCRIPTIONS, ctx_for

DELETE_STEPS = "Settings → Account → Delete account"
CANCEL_STEPS = "Cancel subscription"
RECOVERY_STEP = "Use a recovery code"
ENABLE_STEPS = "Settings → Security → Two-factor authentication"
EXPORT_STEPS = "Settings → Data → Export"
RESET_STEPS = "choose **Forgot password** and enter your email address"


@pytest.mark.parametrize("message", ["is my account in good standing?", "is everything ok with my account?"])
async def test_asked_whether_the_account_is_in_good_standing_the_reply_is_its_state_not_how_to_delete_it(
        converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert DELETE_STEPS not in outcome.reply, outcome.reply
    assert "Your account (alice) is active" in outcome.reply, outcome.reply
    # The orchestrator gathers billing's facts for a question about the account's standing: the failed
    # payment that makes her subscription past due is part of the answer.
    assert "past due" in outcome.reply and "NW-1003" in outcome.reply, outcome.reply
    assert outcome.critic.verdict == "approve"


async def test_asked_whether_the_subscription_is_active_the_reply_says_it_is_past_due_and_how_to_fix_it(converse):
    (outcome,) = await converse("cus_alice", "is my subscription active?")
    reply = outcome.reply
    assert CANCEL_STEPS not in reply, reply
    assert "past due" in reply and "NW-1003" in reply and "Billing → Payment method" in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_an_active_subscription_is_said_to_be_active(converse):
    (outcome,) = await converse("cus_bob", "is my subscription active?")
    assert "Business subscription is active" in outcome.reply and CANCEL_STEPS not in outcome.reply, outcome.reply


async def test_asking_to_cancel_the_subscription_still_gets_the_how_to(converse):
    (outcome,) = await converse("cus_bob", "how do I cancel my subscription?")
    assert CANCEL_STEPS in outcome.reply, outcome.reply


def _standing_context_with_billing(message: str):
    """Alice's account and billing facts together, as a run that gathered both would hold them."""
    facts = {
        "account": {"account": ACCOUNTS["cus_alice"].model_dump(mode="json")},
        "billing": {"invoices": [i.model_dump(mode="json") for i in INVOICES["cus_alice"]],
                    "payments": [p.model_dump(mode="json") for p in PAYMENTS["cus_alice"]],
                    "card": CARDS["cus_alice"].model_dump(mode="json"),
                    "subscription": SUBSCRIPTIONS["cus_alice"].model_dump(mode="json"),
                    "plans": [p.model_dump(mode="json") for p in PLANS]},
        "faq": {"matches": [{"faq_id": 18, "question": "How do I delete my account?", "score": 0.93,
                             "answer": "Go to **Settings → Account → Delete account**."}]},
    }
    return ctx_for(message, "cus_alice", intent=IntentResult(label="account", confidence=0.9), facts=facts)


def test_the_account_standing_with_billing_facts_names_the_failed_payment_and_its_fix():
    draft = compose(_standing_context_with_billing("is everything ok with my account?"))
    assert DELETE_STEPS not in draft.text
    assert "Your account (alice) is active" in draft.text
    assert "past due" in draft.text and "NW-1003" in draft.text and "Billing → Payment method" in draft.text


async def test_a_lost_authenticator_without_two_factor_on_is_told_the_password_alone_signs_in(converse):
    (outcome,) = await converse("cus_alice", "i got new phone and my authenticator is gone, help")
    reply = outcome.reply
    assert RECOVERY_STEP not in reply, reply
    assert "Two-factor authentication is currently off" in reply and "password alone" in reply, reply
    assert ENABLE_STEPS in reply, reply  # set it up on the new phone, as the help centre says
    assert outcome.critic.verdict == "approve"


async def test_a_lost_authenticator_with_two_factor_on_gets_the_recovery_code_entry(converse, monkeypatch):
    monkeypatch.setitem(fakes.ACCOUNTS, "cus_alice",
                        fakes.ACCOUNTS["cus_alice"].model_copy(update={"two_factor_enabled": True}))
    (outcome,) = await converse("cus_alice", "i got new phone and my authenticator is gone, help")
    assert RECOVERY_STEP in outcome.reply and "password alone" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("customer", [None, "cus_alice"])
async def test_a_password_reset_without_access_to_the_email_offers_a_person(converse, customer):
    (outcome,) = await converse(customer, "how do I reset the password if I don't have access to the email anymore")
    reply = outcome.reply
    assert RESET_STEPS not in reply, reply
    assert "email address on the account" in reply and "pass you to a person" in reply, reply
    # Signed in, the address can be changed before the reset is asked for; a visitor needs a person to verify them.
    assert ("you can change that address first" in reply) is (customer is not None), reply
    assert outcome.critic.verdict == "approve"


async def test_a_plain_password_reset_still_gets_the_reset_steps(converse):
    (outcome,) = await converse(None, "how do I reset my password?")
    assert RESET_STEPS in outcome.reply, outcome.reply


async def test_getting_the_data_out_before_deletion_is_answered_with_the_export_not_the_deletion(converse):
    (outcome,) = await converse("cus_carol", "can I get my data before you delete my free account?")
    reply = outcome.reply
    assert EXPORT_STEPS in reply and DELETE_STEPS not in reply, reply
    # Nothing in the facts says a Free account is deleted: the reply neither confirms nor denies it.
    assert "will be deleted" not in reply and "won't be deleted" not in reply and "isn't deleted" not in reply
    assert outcome.critic.verdict == "approve"


async def test_a_locked_out_customer_hears_why_it_is_locked_once(converse):
    (outcome,) = await converse("cus_carol", "I'm locked out")
    reply = outcome.reply
    assert reply.count("five failed sign-ins") == 1, reply
    assert "start the unlock" in reply, reply


async def test_asked_whether_two_factor_is_on_the_reply_is_the_state_and_how_to_turn_it_on(converse):
    # With it off, how to turn it on is the rest of the answer (the routing QA pass); never the recovery codes.
    (outcome,) = await converse("cus_alice", "is 2fa on for my account?")
    assert "Two-factor authentication is currently off" in outcome.reply, outcome.reply
    assert ENABLE_STEPS in outcome.reply and RECOVERY_STEP not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I lost access to my email, how can I reset my password?",
                                     "forgot password and my old email is gone"])
async def test_other_ways_of_saying_the_email_is_out_of_reach_also_offer_a_person(converse, message):
    (outcome,) = await converse(None, message)
    assert RESET_STEPS not in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply


async def test_a_request_to_cancel_the_subscription_without_how_still_gets_the_steps(converse):
    (outcome,) = await converse("cus_bob", "cancel my subscription")
    assert CANCEL_STEPS in outcome.reply, outcome.reply
