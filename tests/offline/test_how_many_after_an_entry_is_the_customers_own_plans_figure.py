""""How many can I add?" after the steps to invite a teammate got that entry over again ("my answer is the same"), and
"what's the limit?" the whole sentence for every plan: a count asked after an entry is the entry's sentence that
states it, and for a signed-in customer the part of it for their own plan."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import asks_a_detail

ADD_TEAMMATE = "I need to add a teammate"
PRO_PART = "You're on Pro, and our help centre says: Free and Pro accounts can invite up to 3 members."


@pytest.mark.parametrize("follow_up", ["how many can I add?", "how many can I invite?", "is there a limit?",
                                       "what's the limit?"])
async def test_a_count_after_the_invite_steps_is_the_pro_customers_limit(converse, follow_up):
    _, outcome = await converse("cus_alice", ADD_TEAMMATE, follow_up)
    assert outcome.reply.startswith(PRO_PART), outcome.reply
    assert "Business accounts have no limit" not in outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_a_business_customer_is_told_there_is_no_limit(converse):
    _, outcome = await converse("cus_bob", ADD_TEAMMATE, "how many can I add?")
    assert outcome.reply.startswith("You're on Business, and our help centre says: Business accounts have no limit"), \
        outcome.reply


async def test_a_visitor_gets_the_sentence_for_every_plan(converse):
    _, outcome = await converse(None, ADD_TEAMMATE, "how many can I add?")
    assert "Free and Pro accounts can invite up to 3 members; Business accounts have no limit" in outcome.reply, \
        outcome.reply
    assert "Go to **Settings → Team → Invite**" not in outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("how many can I add?", True), ("is there a limit?", True), ("how many can we have then?", True),
    ("how many apps can I have?", False), ("is there a limit on api calls?", False),
])
def test_a_count_that_names_nothing_leans_on_the_question_before(message, asks):
    assert asks_a_detail(message) is asks
