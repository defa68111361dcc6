""""When will you retry?" after being told a payment failed was read as off topic (0.84) and got the scope reply;
asked with "the payment" it got the failure explained again. It is a follow-up about that payment: it is tried again
by itself once a card that works is saved, which the card on file shows has not happened yet, with the help centre's
timing when its entry was gathered, and no retry is promised from the chat."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import leans_back
from agents.own_data import asks_when_we_retry

ONCE_SAVED = "We'll try the payment for NW-1003 again by ourselves once a new card is saved"
STILL_EXPIRED = "ending 4242, which expired"
SCOPE = "I can only help with your Northwind account"


async def test_a_retry_asked_about_after_a_failed_payment_gets_when_it_happens(converse):
    _, outcome = await converse("cus_alice", "why did my last payment fail?", "when will you retry?")
    assert ONCE_SAVED in outcome.reply and STILL_EXPIRED in outcome.reply, outcome.reply
    assert SCOPE not in outcome.reply and "didn't go through" not in outcome.reply, outcome.reply
    assert "I can't start a retry from this chat" in outcome.reply, outcome.reply


async def test_a_retry_asked_about_in_so_many_words_gets_when_not_why_it_failed(converse):
    (outcome,) = await converse("cus_alice", "when will you retry the payment?")
    assert ONCE_SAVED in outcome.reply and "didn't go through" not in outcome.reply, outcome.reply


async def test_a_deploy_retried_keeps_its_own_topic(converse):
    _, outcome = await converse("cus_alice", "my deploy failed with a build timeout", "should I retry?")
    assert ONCE_SAVED not in outcome.reply and "Failed deploys and build timeouts" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "points_back"), [
    ("when will you retry?", True), ("did the retry work?", True), ("can you try again?", True),
    ("hello there", False), ("how do i change my card", False),
])
def test_a_retry_points_back_at_what_was_spoken_of(message, points_back):
    assert leans_back(message) is points_back


@pytest.mark.parametrize("message", ["when will you retry?", "did you try again yet?", "have you retried the payment?",
                                     "did you retry?"])
async def test_a_retry_asked_about_as_the_first_message_gets_when_the_failed_payment_is_tried_again(converse, message):
    # Asked with nothing before it, "when will you retry?" was off topic (0.84) and got the scope reply; "did you try
    # again yet?" and "have you retried the payment?" got the invoice list.
    (outcome,) = await converse("cus_alice", message)
    assert outcome.intent.label == "billing", outcome.intent
    assert ONCE_SAVED in outcome.reply and STILL_EXPIRED in outcome.reply, outcome.reply
    assert SCOPE not in outcome.reply and "Here are your most recent invoices" not in outcome.reply, outcome.reply


async def test_a_retry_asked_about_with_nothing_failed_is_told_nothing_failed(converse):
    (outcome,) = await converse("cus_bob", "when will you retry?")
    assert "none of your payments has failed" in outcome.reply and SCOPE not in outcome.reply, outcome.reply


async def test_a_visitor_asking_about_a_retry_is_not_read_as_asking_about_a_payment(converse):
    (outcome,) = await converse(None, "when will you retry?")
    assert outcome.intent.label == "out_of_scope", outcome.intent


@pytest.mark.parametrize(("message", "asked_of_us"), [
    ("when will you retry?", True), ("did you try again yet?", True), ("are u going to retry", True),
    ("I tried again and it still fails", False), ("should I retry the deploy?", False), ("retry later", False),
])
def test_a_retry_is_asked_of_us_only_when_we_are_asked(message, asked_of_us):
    assert asks_when_we_retry(message) is asked_of_us
