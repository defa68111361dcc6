""""Can you help me seeing in which cases can I request refunds?" from Bob filed his duplicate charge's refund for a
member of staff to approve: the polite opening made it read as a request. Asking when refunds are given is a
question, answered with the policy (and a charge that qualifies offered, not filed), however the clause opens."""

from __future__ import annotations

import pytest

from agents.refund_requests import is_question
from tests.agents.fakes import FakePorts

POLICY = "Our refund policy: A charge can be refunded within 14 days of being paid."


@pytest.mark.parametrize("message", ["can you help me seeing in which cases can I request refunds?",
                                     "help seeing in which situations can I request refunds"])
async def test_asking_when_refunds_are_given_gets_the_policy_and_files_nothing(converse, message):
    ports = FakePorts()
    [outcome] = await converse("cus_bob", message, ports=ports)
    assert outcome.reply.startswith(POLICY), outcome.reply
    assert ports.refund_requests == [] and not outcome.actions
    assert "tell me if you'd like me to ask for it" in outcome.reply


async def test_asking_for_the_refund_still_files_it(converse):
    ports = FakePorts()
    await converse("cus_bob", "I was charged twice, can you refund it please", ports=ports)
    assert [r["invoice_number"] for r in ports.refund_requests] == ["NW-2002"]


@pytest.mark.parametrize(("clause", "question"), [
    ("can you help me seeing in which cases can I request refunds", True),
    ("help seeing in which situations can I request refunds", True), ("when can I ask for a refund", True),
    ("can I get a refund", False), ("please refund my last payment", False),
])
def test_when_refunds_are_given_is_asked_not_requested(clause, question):
    assert is_question(clause) is question


async def test_not_knowing_how_to_ask_for_a_refund_gets_the_policy_like_how_do_i_ask(converse):
    ports = FakePorts()
    [outcome] = await converse("cus_bob", "i dont know what i need to do to request refunds", ports=ports)
    assert outcome.reply.startswith(POLICY), outcome.reply
    assert ports.refund_requests == []


async def test_not_knowing_how_to_check_a_refunds_status_gets_the_status_not_the_policy(converse):
    [outcome] = await converse("cus_alice", "I don't know how I can check the refund status")
    assert outcome.reply.startswith("I can't find a refund request on your account"), outcome.reply
