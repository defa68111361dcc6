""""How do I add a custom domain on free?": the plans' lists say custom domains come with Pro and the plans above
it, which is said first; the steps alone read as if Free could have one. On a plan that has it, the steps answer."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_plan_features import ASKS_HOW_TO_GET

STEPS = "Settings → Domains → Add domain"


@pytest.mark.parametrize("message", ["how do i add custom domain on free", "How can I set up a custom domain on the "
                                     "free plan?"])
async def test_a_custom_domain_on_free_is_said_to_come_with_pro(converse, message):
    outcome, = await converse(None, message)
    assert outcome.reply.startswith("No: custom domains aren’t part of Free"), outcome.reply
    assert "They come with Pro ($29.00 a month)" in outcome.reply, outcome.reply


async def test_a_custom_domain_on_pro_gets_the_steps(converse):
    outcome, = await converse(None, "how do i add a custom domain on pro")
    assert STEPS in outcome.reply and "No:" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "how_to"), [
    ("how do i add custom domain on free", True),
    ("how can we set up team roles", True),
    # Near misses: not asking how to get or use something.
    ("how do i remove a custom domain on free", False),
    ("how much is a custom domain", False),
    ("why do i need a custom domain", False),
])
def test_only_a_how_to_get_or_use_something_is_checked_against_the_plan(message, how_to):
    assert bool(ASKS_HOW_TO_GET.search(message)) is how_to
