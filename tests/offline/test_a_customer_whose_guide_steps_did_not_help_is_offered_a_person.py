""""That didn't work" after the TLS guide's steps got the same steps again, and "I tried all of that, still broken" or
"still failing" got them behind "My answer is the same as in my last message". The help centre has nothing more, so the
customer is told so and offered a person; "yes" then hands the conversation over. "It doesn't work" to open a chat got the
FAQ's steps to reset a password (its words matched them at 0.93), and is asked what doesn't; "nothing works" after another
answer, read as a technical question with no guide, is heard as the frustration it is."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.frustration import steps_did_not_help

NOT_FIXED = "I'm sorry those steps didn't sort it out."
GUIDE_REPLY = "Our guide “TLS (SSL) certificates” covers this. The steps that usually sort it out:\n1. Make sure …"


@pytest.mark.parametrize("message", ["that didn't work", "I tried all of that, still broken", "I already did that",
                                     "still not working", "none of those steps helped", "no luck"])
async def test_steps_that_did_not_fix_it_are_not_given_again_and_a_person_is_offered(converse, message):
    first, outcome = await converse("cus_alice", "my custom domain shows a certificate error", message)
    assert "TLS (SSL) certificates" in first.reply
    assert outcome.reply.startswith(NOT_FIXED), outcome.reply
    assert "pass you to a person" in outcome.reply and "1. Make sure" not in outcome.reply, outcome.reply
    assert outcome.intent.label == "technical"


async def test_yes_after_the_offer_hands_the_conversation_to_a_person(converse):
    *_, handed = await converse("cus_alice", "my deploy fails", "still failing", "yes please")
    assert handed.route == "handoff", handed.reply


def _after(reply: str, message: str) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
        HistoryTurn(role="user", text="…"), HistoryTurn(role="assistant", text=reply)])


@pytest.mark.parametrize(("reply", "message"), [
    (GUIDE_REPLY, "I tried that, now I get error 502"),          # tells something new: read as a question
    ("Your payment for invoice NW-1003 didn't go through.", "still failing"),  # no guide before it
    ("There's an active incident in eu-west … Meanwhile, if it's on your side, our guide “Troubleshooting API "
     "errors” covers this.", "still not working"),               # the incident is what it asks after
])
def test_a_message_that_is_not_only_the_steps_failing_after_a_guide_is_read_as_before(reply, message):
    assert not steps_did_not_help(_after(reply, message))


async def test_nothing_works_after_another_answer_is_heard_as_frustration(converse):
    _, outcome = await converse("cus_alice", "what plan am I on?", "nothing works")
    assert outcome.reply.startswith("I'm sorry this has been frustrating"), outcome.reply
    assert "I don't have a guide on that" not in outcome.reply


@pytest.mark.parametrize("message", ["that didn't work", "it doesnt work", "still not working", "nothing works"])
async def test_it_does_not_work_to_open_a_chat_is_asked_what_does_not(converse, message):
    # Its words matched the FAQ's entry on resetting a password at 0.93, which the shortcut sent.
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("Sorry to hear that. What isn't working?"), outcome.reply
    assert "Forgot password" not in outcome.reply and outcome.route == "resolver"


async def test_a_password_that_does_not_work_still_gets_the_reset(converse):
    [outcome] = await converse(None, "my password doesn't work")
    assert "Forgot password" in outcome.reply, outcome.reply


async def test_the_trace_says_why_a_sure_faq_match_went_unused_when_a_rule_answered(converse):
    # The card showed "How do I reset my password?" at 0.93, over the threshold, and nothing of why it was not sent.
    [outcome] = await converse(None, "that didn't work")
    faq = outcome.summary["faq"]
    assert faq["score"] > faq["threshold"] and not faq["used"]
    assert faq["skipped"] == "a rule answered instead: says something does not work, and nothing of what"


async def test_an_faq_answer_is_never_said_to_be_skipped(converse):
    [outcome] = await converse(None, "how do I reset my password?")
    assert outcome.route == "faq" and "skipped" not in outcome.summary["faq"]
