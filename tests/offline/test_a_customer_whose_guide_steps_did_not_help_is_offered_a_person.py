""""That didn't work" after the TLS guide's steps got the same steps again, and "I tried all of that, still broken" or
"still failing" got them behind "My answer is the same as in my last message". The help centre has nothing more, so the
customer is told so and offered a person; "yes" then hands the conversation over. "It doesn't work" to open a chat got the
FAQ's steps to reset a password (its words matched them at 0.93), and is asked what doesn't; "nothing works" after another
answer, read as a technical question with no guide, is heard as the frustration it is.

The same after an FAQ entry's steps ("I tried that" after the password reset got "I don't have enough information"),
and, known by what the reply before cited, after a guide's steps in a model's own words. After a reply that gave no
steps (an unlock started, a refund filed), "that didn't work" got the FAQ's password reset or the refund again: the
customer is asked what happens now, with a person offered. Right after being told to replace the card, "I already did
that" and "still failing" say the card was replaced and the payment still fails: the card on file is checked."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.frustration import it_did_not_work_after_an_answer, steps_that_did_not_help
from tests.agents.fakes import FakePorts

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


NOT_SORTED = "I'm sorry that didn't sort it out. What happens now when you try?"
# A model's reply giving a guide's steps in its own words: no "Our guide “…” covers this".
MODELS_GUIDE_REPLY = "Make sure your DNS points at us, then retry the certificate under Settings → Domains."


def _after(reply: str, message: str, cited: list | None = None) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
        HistoryTurn(role="user", text="…"), HistoryTurn(role="assistant", text=reply, cited=cited or [])])


@pytest.mark.parametrize(("cited", "given"), [
    (["article"], "guide"), (["faq"], "faq"), (["article", "incident"], None), (["incident"], None)])
def test_the_steps_given_before_are_known_by_what_the_reply_cited_whoever_worded_it(cited, given):
    assert steps_that_did_not_help(_after(MODELS_GUIDE_REPLY, "that didn't work", cited)) == given


@pytest.mark.parametrize(("first", "message"), [
    ("how do I reset my password?", "I tried that"),
    ("how do I turn on two-factor authentication?", "no luck"),
])
async def test_faq_steps_that_did_not_fix_it_are_not_given_again_and_a_person_is_offered(converse, first, message):
    answer, outcome = await converse("cus_bob", first, message)
    assert answer.route == "faq", answer.reply
    assert outcome.reply.startswith(NOT_FIXED) and "someone on our team" in outcome.reply, outcome.reply
    assert "pass you to a person" in outcome.reply and outcome.summary["steps_did_not_help"]["why"] == (
        "says the FAQ entry's steps did not fix it")


@pytest.mark.parametrize(("customer", "first", "message"), [
    ("cus_carol", "why can't I log in?", "that didn't work"),        # got the FAQ's password reset
    ("cus_carol", "why can't I log in?", "still not working"),       # got "no guide"
    ("cus_alice", "what plan am I on?", "that didn't work"),         # got the FAQ's password reset
])
async def test_it_did_not_work_after_an_answer_without_steps_asks_what_happens_now(converse, customer, first, message):
    *_, outcome = await converse(customer, first, message)
    assert outcome.reply.startswith(NOT_SORTED), outcome.reply
    assert outcome.route == "resolver" and "Forgot password" not in outcome.reply


async def test_it_did_not_work_while_an_unlock_waits_for_staff_says_it_has_not_been_done_yet(converse):
    ports = FakePorts(unlocks_need_staff=True)
    told, outcome = await converse("cus_carol", "why can't I log in?", "that didn't work", ports=ports)
    assert "It's still locked for now" in told.reply and ports.unlocks_waiting == ["cus_carol"]
    assert outcome.reply.startswith("The unlock hasn't been done yet: a member of our staff has to confirm"), outcome.reply
    assert "What happens now" not in outcome.reply


async def test_it_did_not_work_while_a_refund_waits_for_approval_says_it_has_not_been_made_yet(converse):
    # Bob's $99.00 is over the agent's limit: the refund waits for a member of staff. "That didn't work" got the
    # refund's explanation again.
    told, outcome = await converse("cus_bob", "can I get a refund for the duplicate charge?", "that didn't work")
    assert "It hasn't been refunded yet" in told.reply, told.reply
    assert outcome.reply.startswith("The refund hasn't been made yet: a member of our staff has to approve it"), (
        outcome.reply)


async def test_yes_after_being_asked_what_happens_now_hands_the_conversation_to_a_person(converse):
    *_, handed = await converse("cus_carol", "why can't I log in?", "that didn't work", "yes please")
    assert handed.route == "handoff", handed.reply


def test_after_an_incident_it_did_not_work_asks_after_the_incident_as_before():
    incident = "There's an active incident in eu-west affecting the API: “Elevated API error rates in eu-west”."
    assert not it_did_not_work_after_an_answer(_after(incident, "still not working"))
    assert not it_did_not_work_after_an_answer(_after("Since then it's back up.", "still not working", ["incident"]))


@pytest.mark.parametrize("message", ["I already did that", "still failing", "that didn't work"])
async def test_still_failing_right_after_being_told_to_replace_the_card_checks_the_card_on_file(converse, message):
    told, outcome = await converse("cus_alice", "why did my payment fail?", message)
    assert "Billing → Payment method" in told.reply
    assert outcome.reply.lower().startswith("i still see the visa ending 4242"), outcome.reply
    assert outcome.intent.label == "billing"


@pytest.mark.parametrize(("reply", "message"), [
    (GUIDE_REPLY, "I tried that, now I get error 502"),          # tells something new: read as a question
    ("Your payment for invoice NW-1003 didn't go through.", "still failing"),  # no guide before it
    ("There's an active incident in eu-west … Meanwhile, if it's on your side, our guide “Troubleshooting API "
     "errors” covers this.", "still not working"),               # the incident is what it asks after
])
def test_a_message_that_is_not_only_the_steps_failing_after_a_guide_is_read_as_before(reply, message):
    assert not steps_that_did_not_help(_after(reply, message))


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


@pytest.mark.parametrize("message", ["its been 2 days", "it's been a few hours already", "I've waited a whole day",
                                     "still waiting after 3 hours"])
async def test_waiting_past_what_the_steps_said_is_not_answered_with_the_steps_again(converse, message):
    # "It's been 2 days" after the DNS steps ("usually within an hour") got the whole custom-domain guide again.
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?", "it says DNS not verified", message)
    assert outcome.reply.startswith(NOT_FIXED), outcome.reply
    assert "pass you to a person" in outcome.reply and "Add domain" not in outcome.reply


async def test_time_gone_by_after_a_refund_filed_is_still_where_the_refund_stands(converse):
    # Neighbour guard: no steps were given; the refund waits for approval.
    *_, outcome = await converse("cus_bob", "I was charged twice for my last invoice, can I get a refund?",
                                 "its been 2 days")
    assert NOT_FIXED not in outcome.reply and "RF-0001" in outcome.reply, outcome.reply
