""""Can you extend my trial?" got the scope reply; "is there a free trial?" got "I don't have enough information", and
"do you offer a free trial of pro?" the Pro plan's list with "it doesn't mention what you asked about". The help
centre describes no trial: that is said, with what it says of the Free plan (which costs nothing) when that entry was
found, and a person offered."""

from __future__ import annotations

import pytest

from agents.service_terms import PHRASES

NONE_DESCRIBED = "I can't find anything about free trials in our help centre, so I'd rather not guess."


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_bob", "can you extend my trial?"), ("cus_carol", "is there a free trial?"),
    ("cus_alice", "do you offer a free trial of pro?"),
])
async def test_a_trial_is_said_to_be_undescribed_with_a_person_offered(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(NONE_DESCRIBED) and "pass you to a person" in outcome.reply, outcome.reply
    assert outcome.intent.label == "billing", outcome.intent


@pytest.mark.parametrize(("message", "billing"), [
    ("can you extend my trial?", True), ("is there a free trial?", True), ("trial period", True),
    ("I'm on trial for my app", False), ("the clinical trials near me", False),
])
def test_a_trial_of_ours_is_billings(message, billing):
    assert bool(PHRASES["billing"].search(message)) is billing
