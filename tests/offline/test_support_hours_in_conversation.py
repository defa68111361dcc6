"""Asked when support can be reached, a visitor and a customer alike get the help centre's entry on support hours
(and, signed in, what their plan gets), never the scope reply or "not enough information"."""

from __future__ import annotations

import pytest

# Written out here rather than taken from the code under test, so a changed wording cannot make the checks vacuous.
SUPPORT_HOURS = ("This chat answers around the clock. Our support staff are here Monday to Friday, 08:00 to 20:00 "
                 "UTC; Business customers also get weekend cover for urgent issues.")
OUT_OF_SCOPE = "I can only help with your Northwind account"
NOT_ENOUGH = "I don't have enough information"


@pytest.mark.parametrize("customer", [None, "cus_alice", "cus_bob"])
@pytest.mark.parametrize("message", [
    "is there 24/7 support",
    "is support 24/7?",
    "do you offer round the clock support",
    "are you open on sundays",
    "what time do you close",
])
async def test_asked_when_support_can_be_reached_the_support_hours_are_given(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert SUPPORT_HOURS in outcome.reply, outcome.reply
    assert OUT_OF_SCOPE not in outcome.reply and NOT_ENOUGH not in outcome.reply, outcome.reply
    assert outcome.route != "handoff" and outcome.handoff_reason is None
