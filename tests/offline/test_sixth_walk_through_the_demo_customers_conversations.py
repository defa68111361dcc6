"""Found chatting through the demo customers' conversations a sixth time (stop 37): a rate the customer needs answered
with the steps for a fault, a limit's follow-up read as another question, and a question about the chat itself
answered from the help centre."""

from __future__ import annotations

import pytest

RETRY_STEP = "2. Retry with exponential back-off and jitter"
REMAINING_STEP = "4. Check the `X-RateLimit-Remaining` header to slow down before you hit the limit."
TEAM_COUNTS = "Free and Pro accounts can invite up to 3 members; Business accounts have no limit and can use custom roles."


@pytest.mark.parametrize("message", ["we need more than 3000 requests a minute", "we need 5k requests a minute"])
async def test_a_rate_no_plan_allows_is_said_to_be_more_than_any_plan_allows_with_a_person(converse, message):
    # The 429 guide's steps, its step on retrying "as fitting what you describe".
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro"), outcome.reply
    assert ("No plan allows that many. The API allows 3,000 requests a minute on Business, per account. A person from "
            "our team would need to look at your case: would you like me to pass you to a person?") in outcome.reply
    assert RETRY_STEP not in outcome.reply


async def test_a_rate_past_the_top_plan_from_the_top_plan_says_no_plan_allows_more(converse):
    [outcome] = await converse("cus_bob", "we need more than 3000 requests a minute")
    assert outcome.reply.startswith("You're on the Business plan: the API allows 3,000 requests a minute on Business"), \
        outcome.reply
    assert "No plan allows more than Business does." in outcome.reply and RETRY_STEP not in outcome.reply


async def test_a_rate_a_plan_above_allows_gets_that_plan(converse):
    [outcome] = await converse("cus_alice", "I need 1000 requests a minute")
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro"), outcome.reply
    assert "The API allows 3,000 requests a minute on Business, per account." in outcome.reply
    assert "No plan allows" not in outcome.reply and RETRY_STEP not in outcome.reply


async def test_a_rate_within_the_plan_is_said_to_be_within_it(converse):
    [outcome] = await converse("cus_alice", "we make about 200 requests per minute, is that ok?")
    assert "the API allows 600 requests a minute on Pro" in outcome.reply, outcome.reply
    assert "What you describe is within that." in outcome.reply
    assert "Business" not in outcome.reply and "left out details" not in outcome.reply


@pytest.mark.parametrize("follow_up", ["how do I check how many I have left?", "how can I see my remaining requests?"])
async def test_asking_what_is_left_of_the_limit_after_the_429_guide_leads_with_the_step_on_the_header(
        converse, follow_up):
    # The guide's four steps again, in their order.
    _, outcome = await converse("cus_alice", "I'm getting 429 errors", follow_up)
    assert f"The step that fits what you describe:\n{REMAINING_STEP}" in outcome.reply, outcome.reply


async def test_api_calls_left_asked_alone_gets_the_limit_and_the_step_on_the_header(converse):
    # Out of scope at 0.75: the scope reply.
    [outcome] = await converse("cus_alice", "how do I know how many api calls I have left?")
    assert outcome.intent.label == "technical", outcome.intent
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro"), outcome.reply
    assert f"Our guide “API rate limits and HTTP 429” says:\n{REMAINING_STEP}" in outcome.reply


async def test_going_back_to_revert_still_gets_the_step_on_rolling_back(converse):
    [outcome] = await converse("cus_alice", "how do I roll back a deploy?")
    assert "The step that fits what you describe:\n5. Roll back to the last good deploy" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "lead"), [
    ("cus_alice", "You're on the Pro plan. Our help centre says: "),
    ("cus_carol", "You're on the Free plan. Our help centre says: "),
    (None, "Our help centre says: "),
])
async def test_going_past_the_member_limit_gets_the_plans_counts_and_that_the_help_centre_says_no_more(
        converse, customer, lead):
    # The scope reply (out of scope), then the billing part's invoice list once read as a plan's limit.
    [outcome] = await converse(customer, "what happens if we exceed the member limit?")
    assert outcome.reply.startswith(lead + TEAM_COUNTS), outcome.reply
    assert "It doesn't say what happens if you try to invite more than your plan allows" in outcome.reply
    assert "pass you to a person" in outcome.reply and "NW-" not in outcome.reply
    assert [source.kind for source in outcome.sources] == ["faq"]


async def test_going_past_the_member_limit_on_a_plan_with_none_is_told_there_is_none(converse):
    [outcome] = await converse("cus_bob", "what happens if we exceed the member limit?")
    assert outcome.reply.startswith("You're on the Business plan, which has no limit on team members, so there's none "
                                    "to go over."), outcome.reply
    assert "doesn't say what happens" not in outcome.reply


async def test_going_over_after_the_team_entry_is_the_member_limit(converse):
    # "Our help centre says: Go to **Settings → Team → Invite** …": the entry's first sentence again.
    _, outcome = await converse("cus_alice", "how many members can I add?", "what happens if we go over that?")
    assert outcome.reply.startswith("You're on the Pro plan. Our help centre says: " + TEAM_COUNTS), outcome.reply


@pytest.mark.parametrize("recap", ["what did I ask you?", "can you remind me what we talked about?",
                                   "what was my first question?", "summarise our conversation please"])
async def test_asking_what_the_chat_was_about_lists_what_the_customer_asked(converse, recap):
    # "What did I ask you?" got the refund policy by the FAQ shortcut; the others the scope reply.
    *_, outcome = await converse("cus_alice", "hi", "my card expired", "thanks", recap)
    assert outcome.reply.startswith("Here's what you asked me most recently in this chat, oldest first:\n"
                                    "- “my card expired”\n\n"), outcome.reply
    assert "“hi”" not in outcome.reply and "“thanks”" not in outcome.reply
    assert outcome.intent.label == "general" and outcome.sources == []


async def test_asking_what_the_chat_was_about_before_anything_was_asked_says_so(converse):
    [outcome] = await converse("cus_alice", "what did I ask you?")
    assert outcome.reply.startswith("We haven't talked about anything yet: this is the first message in this chat."), \
        outcome.reply
    _, outcome = await converse("cus_alice", "hello", "what did we talk about?")
    assert outcome.reply.startswith("You haven't asked me anything yet in this chat."), outcome.reply


@pytest.mark.parametrize("message", ["what did i ask you to remind me of", "can you remind me what i put on my shopping list"])
def test_a_reminder_of_their_own_is_no_request_for_a_recap(message):
    from agents.recap import asks_for_a_recap

    assert not asks_for_a_recap(message)
