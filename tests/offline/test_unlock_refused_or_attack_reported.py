"""A locked customer who says not to unlock the account, or that someone else is getting at it, is never unlocked:
the lock stays, with its reason; a password reset (which also unlocks it, as the help centre's entry on locks says)
and two-factor are advised, and a person is offered, first when it is an attack. An open account asked to be
locked is told the agents can't do that from the chat, gets the same advice, and is handed over when the customer
says yes. Asking for the unlock in plain words still unlocks it."""

from __future__ import annotations

import pytest

from agents.follow_ups.offers import OFFER_PERSON
from agents.own_data import about_own_lock, asks_to_unlock, refuses_unlock, reports_intrusion, wants_it_kept_locked

LOCK_REASON = "Your account (carol) is locked — five failed sign-ins"
STAYS_LOCKED = "it stays locked"
RESET_UNLOCKS = "reset your password from the sign-in page (choose **Forgot password**): that also unlocks your account"
TWO_FACTOR_OFF = "Two-factor authentication is currently off for your account"
UNLOCK_STARTED = "I'll start the unlock for you"
UNLOCKED = "unlocked your account"
PERSON_NOW = f"would you like me to {OFFER_PERSON} now?"
CANT_LOCK = "I can't do that from this chat"

REFUSALS = ["pls dont unlock, i want to keep it locked, someone else knows my password", "dont unlock my account",
            "please keep my account locked", "leave my account locked", "i dont want it unlocked"]
ATTACKS = ["im being hacked, lock my account", "someone is trying to hack my account! i got 5 failed login emails",
           "someone else knows my password", "pls dont unlock, i want to keep it locked, someone else knows my password"]


@pytest.mark.parametrize("message", [*REFUSALS, *ATTACKS])
async def test_a_locked_customer_who_refuses_the_unlock_or_reports_an_attack_is_not_unlocked(converse, message):
    (outcome,) = await converse("cus_carol", message)
    reply = outcome.reply
    assert outcome.actions == [], (outcome.actions, reply)
    assert UNLOCK_STARTED not in reply and UNLOCKED not in reply, reply
    assert LOCK_REASON in reply and STAYS_LOCKED in reply, reply
    assert RESET_UNLOCKS in reply and TWO_FACTOR_OFF in reply and "turn it on" in reply, reply
    assert OFFER_PERSON in reply, reply
    assert outcome.critic.verdict == "approve", outcome.critic


@pytest.mark.parametrize("message", ATTACKS)
async def test_a_reported_attack_offers_a_person_before_the_advice(converse, message):
    (outcome,) = await converse("cus_carol", message)
    reply = outcome.reply
    assert PERSON_NOW in reply, reply
    assert reply.index(PERSON_NOW) < reply.index(RESET_UNLOCKS) < reply.index(TWO_FACTOR_OFF), reply
    assert "Choose a new password that nobody else knows" in reply, reply


async def test_saying_yes_to_the_person_offered_after_an_attack_hands_over(converse):
    _, yes = await converse("cus_carol", "someone is trying to hack my account! i got 5 failed login emails",
                            "yes please")
    assert yes.route == "handoff" and yes.handoff_reason == "customer_asked", (yes.route, yes.reply)
    assert yes.actions == []


async def test_after_refusing_the_unlock_a_question_about_the_lock_does_not_unlock_it_but_asking_does(converse):
    refused, still, asked = await converse("cus_carol", "dont unlock my account", "is it still locked?",
                                           "ok unlock it now")
    assert refused.actions == [] and still.actions == [], still.reply
    assert "It stays locked, as you asked" in still.reply and UNLOCK_STARTED not in still.reply, still.reply
    assert [a.kind for a in asked.actions] == ["account_unlock"] and UNLOCK_STARTED in asked.reply, asked.reply


@pytest.mark.parametrize("message", ["please unlock me", "im locked out pls unlock", "unlock my account"])
async def test_asking_for_the_unlock_in_plain_words_still_unlocks_it(converse, message):
    (outcome,) = await converse("cus_carol", message)
    assert [a.kind for a in outcome.actions] == ["account_unlock"], outcome.reply
    assert LOCK_REASON in outcome.reply and UNLOCK_STARTED in outcome.reply, outcome.reply


async def test_an_open_account_asked_to_be_locked_during_an_attack_is_told_it_cant_be_from_here(converse):
    (outcome,) = await converse("cus_alice", "im being hacked, lock my account")
    reply = outcome.reply
    assert outcome.actions == [] and outcome.route != "handoff", (outcome.route, reply)
    assert "Your account (alice) is active: it isn't locked." in reply and CANT_LOCK in reply, reply
    assert PERSON_NOW in reply and "**Forgot password**" in reply and TWO_FACTOR_OFF in reply, reply
    assert "I've locked" not in reply and "I'll lock" not in reply, reply


@pytest.mark.parametrize("then", ["yes", "can I talk to a person please"])
async def test_an_open_account_under_attack_is_handed_to_a_person_when_the_customer_asks(converse, then):
    _, handed = await converse("cus_alice", "im being hacked, lock my account", then)
    assert handed.route == "handoff" and handed.handoff_reason == "customer_asked", (handed.route, handed.reply)


@pytest.mark.parametrize(("message", "refuses", "intrusion"), [
    ("pls dont unlock, i want to keep it locked, someone else knows my password", True, True),
    ("dont unlock my account", True, False), ("don't unlock it", True, False), ("I don’t want you to unlock it", True, False),
    ("keep it locked", True, False), ("can you leave my account locked?", True, False),
    ("im being hacked, lock my account", False, True), ("someone is trying to get into my account", False, True),
    ("that login wasn't me", False, True), ("my account was compromised", False, True), ("lock my account", False, True),
    # Help to get in, a complaint about the lock, or no one else at the account: none of them keeps it locked.
    ("I can not unlock my account", False, False), ("I don't know how to unlock it", False, False),
    ("why don't you unlock it?", False, False), ("why do you keep it locked?", False, False),
    ("I keep getting locked out", False, False), ("why did you lock my account?", False, False),
    ("my website got hacked", False, False), ("someone on my team has access", False, False),
    ("can I move the account to someone else?", False, False), ("i had my phone stolen", False, False),
])
def test_refusals_and_attacks_are_told_apart_from_requests_for_help_to_get_in(message, refuses, intrusion):
    assert refuses_unlock(message) is refuses and reports_intrusion(message) is intrusion
    assert wants_it_kept_locked(message) is (refuses or intrusion)
    if refuses or intrusion:
        assert not asks_to_unlock(message) and about_own_lock(message)


@pytest.mark.parametrize("message", ["leave it locked", "keep it locked", "don't unlock it"])
async def test_a_short_refusal_naming_no_account_reaches_the_account_part_and_keeps_the_lock(converse, message):
    # No "my account" in it: the orchestrator still reads it as about the customer's own lock, so the account's
    # facts are gathered and the account part answers (not the FAQ's entry on locks, nor a guide).
    (outcome,) = await converse("cus_carol", message)
    assert outcome.actions == [], outcome.actions
    assert LOCK_REASON in outcome.reply and STAYS_LOCKED in outcome.reply, outcome.reply
    assert outcome.route != "faq", outcome.route


@pytest.mark.parametrize("message", ["my user account was hacked, help me recover it",
                                     "my account's been hacked and i want to recover it"])
def test_a_hacked_account_said_in_other_words_is_an_attack(message):
    assert reports_intrusion(message)


async def test_an_open_account_reported_hacked_gets_a_person_offered_and_the_reset(converse):
    (outcome,) = await converse("cus_bob", "my user account was hacked, help me recover it")
    assert PERSON_NOW in outcome.reply and "**Forgot password**" in outcome.reply, outcome.reply
    assert "I don't have enough information" not in outcome.reply


async def test_a_visitor_reporting_a_hacked_account_is_not_asked_to_sign_in_first(converse):
    # The intruder may have changed the password: "sign in and ask me again" is what the customer may no longer do.
    (outcome,) = await converse(None, "my account's been hacked and i want to recover it")
    assert "Please sign in" not in outcome.reply, outcome.reply
    assert outcome.reply.startswith("I'm sorry.") and PERSON_NOW in outcome.reply
    assert "you don't need to be signed in for it" in outcome.reply and "**Forgot password**" in outcome.reply
    _, after = await converse(None, "my account's been hacked and i want to recover it", "yes please")
    assert after.route == "handoff", after.reply
