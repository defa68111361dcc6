""""Am I on the business plan?" from alice, on Pro, was told what Business includes as if she were on it, and "am I on
the free plan?" from carol what Free includes, without a yes: yes or no first, with the plan they are on. "Can you
change my card?" got the card on file and nothing of how to change it: that no action here changes it, and the help
centre's steps."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_billing import ASKS_US_TO_CHANGE_THE_CARD


@pytest.mark.parametrize(("customer", "message", "answer"), [
    ("cus_alice", "am I on the business plan?", "No: you're on the Pro plan at $29.00 a month, not Business."),
    ("cus_alice", "am I on the pro plan?", "Yes: you're on the Pro plan at $29.00 a month."),
    ("cus_carol", "am I on the free plan?", "Yes: you're on the Free plan, which costs nothing."),
    ("cus_bob", "are we on pro?", "No: you're on the Business plan at $99.00 a month, not Pro."),
])
async def test_asked_whether_they_are_on_a_plan_a_customer_is_told_yes_or_no_and_their_plan(
        converse, customer, message, answer):
    [outcome] = await converse(customer, message)
    assert outcome.reply == answer, outcome.reply


@pytest.mark.parametrize("message", ["can you change my card?", "can you update my card to a new one?"])
async def test_a_card_change_asked_of_us_says_it_cannot_be_done_here_and_how_to_do_it(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert "I can't change it for you from this chat, but you can do it yourself: Go to **Billing → Payment method**" in (
        outcome.reply), outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("can you change my card?", True), ("please update the card on my account", True),
    ("could you replace my payment method", True), ("my card changed", False), ("how do I change my card?", False)])
def test_a_card_change_is_asked_of_us_only_when_we_are_asked_to_make_it(message, asks):
    assert bool(ASKS_US_TO_CHANGE_THE_CARD.search(message)) is asks


async def test_a_visitor_asking_whether_they_are_on_a_plan_is_asked_to_sign_in(converse):
    # It got the Free plan's entry from the FAQ shortcut, as if that answered it.
    [outcome] = await converse(None, "am I on the free plan?")
    assert outcome.route != "faq" and outcome.reply.startswith("I can't see which plan your account is on while you're "
                                                               "not signed in."), outcome.reply
