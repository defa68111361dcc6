"""A reply that says a person is taking over is a promise the run keeps: it hands the conversation off.

The conversations service puts a conversation in the staff queue only when the run's route is
"handoff" or it names a handoff reason; a reply that says "I'm passing this conversation to our
support team" without either leaves the customer waiting for no one.
"""

from __future__ import annotations

import re

import pytest

from agents.outcome import RunOutcome
from tests.agents.fakes import Harness, ctx_for, intent, offline

# Messages that ask for a person on their own, alongside another question, or not at all, in the
# words customers use; the invariant below must hold for every one of them, whatever its label.
MESSAGES: list[tuple[str | None, str]] = [
    ("cus_alice", "can i talk to a person about my failed payment"),
    ("cus_alice", "please waive the failed invoice, I'm a loyal customer"),
    ("cus_alice", "what's the email of the customer bob?"),
    ("cus_alice", "my payment failed, can a human help me?"),
    ("cus_alice", "my invoice is wrong, let me talk to someone"),
    ("cus_alice", "I need a real person to look at my refund"),
    ("cus_alice", "is there a human I can speak to about my bill"),
    ("cus_bob", "I want to talk to a human"),
    ("cus_bob", "my app in eu-west returns 503, can someone from your team look at it?"),
    ("cus_carol", "my account is locked, get me an agent"),
    (None, "can i speak to sales about the business plan"),
    (None, "who are you? are you a bot?"),
    (None, "write me a poem"),
]


# What the offline writer and the orchestrator's handoff replies say when a person takes over; written out
# here rather than taken from the code under test, so a changed wording cannot make the check vacuous.
PROMISES_A_PERSON = re.compile(r"\b(?:passing|passed|handing|handed) (?:this|your) conversation\b", re.IGNORECASE)


def _hands_off(outcome: RunOutcome) -> bool:
    return outcome.route == "handoff" or outcome.handoff_reason is not None


async def test_every_reply_that_says_a_person_is_taking_over_hands_the_conversation_off(converse):
    promised = []
    for customer, message in MESSAGES:
        [outcome] = await converse(customer, message)
        if PROMISES_A_PERSON.search(outcome.reply):
            promised.append(message)
            assert _hands_off(outcome), (message, outcome.route, outcome.reply)
    assert promised  # the set holds requests for a person: the invariant was exercised


async def test_a_request_for_a_person_about_a_failed_payment_is_handed_off_and_still_answered(converse):
    [outcome] = await converse("cus_alice", "can i talk to a person about my failed payment")
    assert outcome.handoff_reason == "customer_asked"
    assert "NW-1003" in outcome.reply and "expired" in outcome.reply  # the rest answered from the facts
    assert PROMISES_A_PERSON.search(outcome.reply)  # and the customer is told a person is coming
    assert "Asked:" in outcome.handoff_summary


@pytest.mark.parametrize("secondary", [("human",), ("human", "refund")])
async def test_a_person_asked_for_beside_a_billing_question_is_a_handoff_with_the_reply(secondary):
    # An LLM's label: billing first, a person asked for too. Its reply does not say a person is coming,
    # so the run says it, and the run names the handoff for the staff queue.
    harness = Harness(provider=offline(intents=[intent("billing", 0.9, secondary=secondary)],
                                       replies=["Your last invoice NW-1003 failed because the card expired."]),
                      fallback=offline(intents=[intent("billing", 0.9, secondary=secondary)]))
    outcome = await harness.run(ctx_for("my card payment failed, and I'd like a person to call me"))
    assert outcome.handoff_reason == "customer_asked"
    assert outcome.reply.startswith("Your last invoice NW-1003 failed")
    assert PROMISES_A_PERSON.search(outcome.reply)


async def test_an_out_of_scope_message_that_also_asks_for_a_person_goes_straight_to_one():
    harness = Harness(provider=offline(intents=[intent("out_of_scope", 0.8, secondary=("human",))]),
                      fallback=offline(intents=[intent("out_of_scope", 0.8, secondary=("human",))]))
    outcome = await harness.run(ctx_for("what's the email of the customer bob? get me a human"))
    assert outcome.route == "handoff" and outcome.handoff_reason == "customer_asked"
    assert harness.provider.calls_of("write_reply") == []


async def test_a_written_reply_promising_a_person_nobody_asked_for_is_kept_to():
    harness = Harness(provider=offline(intents=[intent("billing", 0.9)],
                                       replies=["I'm passing this conversation to our billing team now."]),
                      fallback=offline(intents=[intent("billing", 0.9)]))
    outcome = await harness.run(ctx_for("why is my invoice higher this month?"))
    assert _hands_off(outcome)


async def test_a_reply_without_a_promise_or_a_request_for_a_person_is_not_handed_off():
    harness = Harness(provider=offline(intents=[intent("billing", 0.9)],
                                       replies=["Your last invoice is NW-1003 for $29.00."]),
                      fallback=offline(intents=[intent("billing", 0.9)]))
    outcome = await harness.run(ctx_for("what was my last invoice?"))
    assert outcome.route == "resolver" and outcome.handoff_reason is None


async def test_a_handoff_accepted_with_yes_tells_staff_the_question_it_follows(converse):
    # The queue showed 'Asked: "yes please"': nothing of the problem the person taking over has to solve.
    *_, handed = await converse("cus_alice", "my custom domain shows a certificate error", "that didn't work",
                                "yes please")
    assert handed.route == "handoff", handed.reply
    assert handed.handoff_summary.startswith(
        'Asked: "yes please", following "my custom domain shows a certificate error" (intent human'), (
        handed.handoff_summary)


async def test_a_handoff_asked_for_in_a_question_of_its_own_quotes_only_that_question(converse):
    _, handed = await converse("cus_alice", "what plan am I on?", "can I talk to a person about my failed payment")
    assert handed.handoff_summary.startswith('Asked: "can I talk to a person about my failed payment" ('), (
        handed.handoff_summary)
