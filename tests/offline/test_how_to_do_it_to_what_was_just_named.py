""""Ok how do I add it" after "I have a new card now" quoted the entry on adding team members as the way to do it, and
"how do I update it?" after "my card expired" was sent the email change's entry by the FAQ shortcut: the verb alone
found them. "It" is what the turn before named; its entries lead unless the message's own best is about that too."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import asks_how_to_do_it

CARD_STEPS = "Go to **Billing → Payment method**, choose **Replace card** and enter the new card's details."


async def test_how_to_add_it_after_a_new_card_gets_the_card_steps(converse):
    _, outcome = await converse("cus_alice", "I have a new card now", "ok how do I add it")
    assert CARD_STEPS in outcome.reply and "Team → Invite" not in outcome.reply, outcome.reply


async def test_how_to_update_it_after_an_expired_card_is_not_the_email_change(converse):
    _, outcome = await converse("cus_alice", "my card expired", "how do I update it?")
    assert outcome.route != "faq" and "Settings → Profile" not in outcome.reply, outcome.reply
    assert CARD_STEPS in outcome.reply, outcome.reply


async def test_the_messages_own_entry_still_answers_when_it_is_about_the_same_thing(converse):
    _, outcome = await converse("cus_bob", "I forgot my password", "how do I reset it?")
    assert "choose **Forgot password**" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("ok how do I add it", True),
    ("how do I update it?", True),
    ("how can we change that then?", True),
    ("how do I add a custom domain?", False),
    ("how do I reset my password?", False),
    ("and how do i remove one", False),  # one of them: another action on what the how-to before named
])
def test_how_to_do_it_names_nothing_of_its_own(message, asks):
    assert asks_how_to_do_it(message) is asks
