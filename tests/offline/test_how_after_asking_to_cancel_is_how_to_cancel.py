""""How?" and "ok how?" right after "I want to cancel": how to cancel, as the help centre's entry says it. "How?" alone
was turned away as off topic (0.89), and "ok how?" got the customer's invoice list ahead of the steps."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import leans_back

STEPS = "Go to **Billing → Plan** and choose **Cancel subscription**."


@pytest.mark.parametrize("message", ["how?", "ok how?", "but how?", "how exactly?"])
async def test_how_right_after_asking_to_cancel_gets_the_steps_and_nothing_else_of_the_account(converse, message):
    first, outcome = await converse("cus_bob", "I want to cancel", message)
    assert STEPS in first.reply
    assert STEPS in outcome.reply, outcome.reply
    assert "invoices" not in outcome.reply and "NW-2002" not in outcome.reply, outcome.reply
    assert outcome.intent.label != "out_of_scope"


@pytest.mark.parametrize(("message", "leans"), [
    ("how?", True), ("where?", True), ("how so?", True), ("where exactly?", True), ("how do dolphins sleep?", False),
    ("where is ap-southeast?", False),
])
def test_a_bare_how_or_where_points_back_at_what_was_just_said(message, leans):
    assert leans_back(message) is leans
