"""Found chatting through the demo customers' conversations a fifth time (stop 36): a follow-up counted from the wrong
thing, a plan's figure left out, and ways of saying "I can't get in" that got another question's answer."""

from __future__ import annotations

import pytest

TEAM_ENTRY = "Go to **Settings → Team → Invite**"


async def test_a_plan_named_after_a_guide_gets_what_the_guide_says_of_that_plan_before_its_steps(converse):
    # "The same goes for the Business plan. Our guide … covers this.", and nothing of Business's limit.
    _, outcome = await converse("cus_bob", "I'm getting 429 errors", "we're on business though")
    assert outcome.reply.startswith("The same goes for the Business plan."), outcome.reply
    assert ("What it says of Business:\nThe Northwind API allows 60 requests a minute on Free, 600 on Pro and 3,000 "
            "on Business, counted per account.") in outcome.reply


def test_an_article_match_carries_what_the_guide_says_before_its_steps(kb_retriever):
    top = kb_retriever.search("429 too many requests", k=1)[0]
    assert top.lead == ("The Northwind API allows 60 requests a minute on Free, 600 on Pro and 3,000 on Business, "
                        "counted per account. Requests over the limit get HTTP 429 Too Many Requests.")
    assert not any(step in top.lead for step in top.steps)


@pytest.mark.parametrize("follow_up", ["and the month before?", "and before that?", "what about the previous month?"])
async def test_the_month_before_counts_from_the_payment_the_answer_led_with_not_its_list(converse, follow_up):
    # The answer leads with NW-1002 and lists all three invoices after it: "I'm not sure which one you're counting
    # from", or (for "and the month before?") the same answer again.
    _, outcome = await converse("cus_alice", "what was I charged last month?", follow_up)
    assert outcome.reply.startswith("Invoice NW-1001 is for $29.00, issued on 2026-09-01"), outcome.reply


async def test_the_month_before_the_first_invoice_is_said_to_be_none(converse):
    _, outcome = await converse("cus_bob", "what did I pay in october?", "and the month before?")
    assert outcome.reply.startswith("NW-2001 is the first invoice on your account, so there's none before it."), \
        outcome.reply


async def test_the_month_before_after_a_list_of_invoices_still_asks_which_one(converse):
    _, outcome = await converse("cus_alice", "show me my invoices", "and the month before?")
    assert outcome.reply.startswith("My last message listed several invoices, newest first"), outcome.reply


@pytest.mark.parametrize(("customer", "message", "lead"), [
    ("cus_alice", "I have no access to my account", "Your account (alice) isn't locked — it's active."),
    ("cus_alice", "I'm unable to access my dashboard", "Your account (alice) isn't locked — it's active."),
    # "Your account (alice) is active, on the Pro plan.", then "I don't have enough information".
    ("cus_alice", "i lost access to my account", "Your account (alice) isn't locked — it's active."),
    ("cus_carol", "I have no access to my account", "Your account (carol) is locked — five failed sign-ins."),
    (None, "I have no access to my account", "Here's what usually gets you back in, from our help centre:"),
    (None, "we've lost access to our account", "Here's what usually gets you back in, from our help centre:"),
])
async def test_saying_you_have_no_access_to_your_account_gets_the_ways_back_in_not_the_team_invite(
        converse, customer, message, lead):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert TEAM_ENTRY not in outcome.reply and "enough information" not in outcome.reply


@pytest.mark.parametrize("message", ["my colleague has no access to my account",
                                     "how do I give my colleague access to my account?"])
async def test_access_for_someone_else_is_still_the_team_invite(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert TEAM_ENTRY in outcome.reply and "isn't locked" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["how do I create an access token?", "where are my access keys?"])
async def test_an_access_token_is_no_question_about_getting_into_the_account(converse, message):
    # "Your account (alice) is active, on the Pro plan.", then "I don't have enough information".
    [outcome] = await converse("cus_alice", message)
    assert "is active" not in outcome.reply and "isn't locked" not in outcome.reply, outcome.reply
