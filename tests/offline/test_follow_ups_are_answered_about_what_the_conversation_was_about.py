"""Follow-ups answered about what the conversation was about: the app limit on the customer's own plan, how long
what the last answer explained takes (from its help-centre entry, or that it gives no time), how long an unlock
waits for staff (never a refund's time to a customer without one), and "did it work?" with nothing done (a
question back, never the out-of-scope reply nor a claim that something was done)."""

from __future__ import annotations

import pytest

from tests.agents.fakes import FakePorts

SCOPE_REPLY = "I can only help with your Northwind account"
REPEAT = "My answer is the same"
STAFF_HOURS = "Monday to Friday, 08:00 to 20:00 UTC"


@pytest.mark.parametrize("question", ["what's the app limit on my plan", "what's the limit on apps on my plan"])
async def test_the_app_limit_on_my_plan_is_the_count_of_the_plan_the_customer_is_on(converse, question):
    (answer,) = await converse("cus_alice", question)
    assert "Pro" in answer.reply and "up to 10 apps" in answer.reply, answer.reply
    assert "Free plan costs $0" not in answer.reply and "one app" not in answer.reply.lower(), answer.reply


async def test_how_long_an_export_takes_says_the_help_centre_gives_no_time_and_what_it_does_say(converse):
    _, asked = await converse("cus_alice", "how do I export my data?", "how long does it take?")
    reply = asked.reply
    assert REPEAT not in reply and "refund" not in reply.lower(), reply
    assert "doesn't say how long" in reply and "download link that works for 7 days" in reply, reply
    assert not asked.actions, asked.actions


async def test_how_long_a_custom_domain_takes_is_the_dns_time_the_help_centre_gives(converse):
    _, asked = await converse("cus_alice", "how do I add a custom domain?", "how long does it take?")
    reply = asked.reply
    assert REPEAT not in reply and "refund" not in reply.lower(), reply
    assert "DNS has updated, usually within an hour" in reply and "doesn't say" not in reply, reply


async def test_how_long_an_unlock_waiting_for_staff_takes_says_it_waits_for_staff_and_when_they_are_in(converse):
    ports = FakePorts(unlocks_need_staff=True)
    *_, asked = await converse("cus_carol", "is my account locked?", "yes please", "how long will approval take?",
                               ports=ports)
    assert ports.unlocks_waiting == ["cus_carol"], ports.unlocks_waiting
    reply = asked.reply
    assert "unlock" in reply and "waiting for a member of our staff" in reply and "confirm it's you" in reply, reply
    assert "doesn't give a time" in reply and STAFF_HOURS in reply, reply
    assert "refund" not in reply.lower(), reply
    assert not asked.actions, asked.actions


async def test_how_long_approval_takes_after_the_unlock_went_through_says_nothing_waits_and_she_can_sign_in(converse):
    *_, asked = await converse("cus_carol", "is my account locked?", "yes please", "how long will approval take?")
    reply = asked.reply
    assert "Nothing is waiting for approval" in reply and "sign in" in reply, reply
    assert "refund" not in reply.lower(), reply


@pytest.mark.parametrize("messages", [("did it work?",), ("what's the app limit?", "did it work?"),
                                      ("how do I add a custom domain?", "did it work?")])
@pytest.mark.parametrize("customer", ["cus_alice", None])
async def test_did_it_work_with_nothing_done_asks_what_they_tried_and_claims_nothing(converse, customer, messages):
    *_, asked = await converse(customer, *messages)
    reply = asked.reply
    assert SCOPE_REPLY not in reply and REPEAT not in reply, reply
    assert "What did you try" in reply and "haven't done anything" in reply, reply
    assert not asked.actions and asked.handoff_reason is None, (asked.actions, asked.handoff_reason)



async def test_did_it_work_after_the_unlock_is_answered_by_the_account_and_nothing_is_called_unanswered(converse):
    *_, asked = await converse("cus_carol", "is my account locked?", "yes please", "did it work?")
    assert "active again" in asked.reply and "I unlocked it for you" in asked.reply, asked.reply
    assert "don't have enough information" not in asked.reply, asked.reply
    assert not asked.actions and asked.handoff_reason is None
