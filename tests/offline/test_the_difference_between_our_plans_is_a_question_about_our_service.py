""""Whats the difference between the plans" was read as off topic (0.43) and got "that's outside what I can help
with": comparing our plans, or two of them by name, is a question about our service, answered from the plans."""

from __future__ import annotations

import pytest

from agents.service_terms import domains_named

OUTSIDE = "outside what I can help with"


@pytest.mark.parametrize("message", ["whats the difference between the plans", "compare your plans",
                                     "difference between pro and business"])
async def test_comparing_our_plans_is_answered_with_the_plans(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert OUTSIDE not in outcome.reply and "I can only help with" not in outcome.reply
    assert "$99" in outcome.reply and "Business" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["whats the difference between a cat and a dog", "compare these two phones"])
def test_comparing_other_things_names_none_of_our_domains(message):
    # Neighbour guard.
    assert domains_named(message) == []
