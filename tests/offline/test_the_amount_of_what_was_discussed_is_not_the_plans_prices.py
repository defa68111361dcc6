""""How much will it be?" right after "when is my next payment?" got the plans' prices by the FAQ shortcut (and, kept
from the shortcut, the renewal again as "my answer is the same"): the amount of what was just discussed, the
renewal, is what it asks, said first."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("follow_up", ["how much will it be?", "how much is that?", "and what will it come to?"])
async def test_the_amount_after_the_next_payment_is_the_renewals(converse, follow_up):
    _, outcome = await converse("cus_alice", "when is my next payment?", follow_up)
    assert outcome.route != "faq", outcome.reply
    assert outcome.reply.startswith("It will be $29.00, for your Pro plan, on "), outcome.reply
    assert "We have three plans" not in outcome.reply and "My answer is the same" not in outcome.reply


async def test_the_faq_shortcut_is_passed_over_for_it(converse):
    # Alone, "how much will it be?" matches the plans' entry above the shortcut's threshold.
    _, outcome = await converse("cus_alice", "when is my next payment?", "how much will it be?")
    assert outcome.summary["faq"]["skipped"] == "asks the amount of what was discussed before"


async def test_how_much_is_pro_alone_is_still_the_plans(converse):
    [outcome] = await converse(None, "how much is pro?")
    assert "**Pro** at $29/month" in outcome.reply, outcome.reply
