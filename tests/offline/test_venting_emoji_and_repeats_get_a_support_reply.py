"""A customer who vents ("this is useless", "😡😡😡"), sends only a sign ("👍", "??") or says the assistant repeats
itself gets a reply a support product should give: an apology and a person offered (called in only on a yes), an
acknowledgement, a question about what they need; an offer made before is asked about again, never taken up on a
sign. A reply the same as the assistant's last turn is not sent again. A message that also asks something, or
names something of its own, is answered as before."""

from __future__ import annotations

import itertools

import pytest

from agents.follow_ups.offers import OFFER_PERSON
from agents.frustration import mood_only

NOT_AN_ANSWER = ("I don't have a guide on that", "I don't have enough information", "outside what I can help with",
                 "I can only help with")
PASSED_ON = "I've passed your conversation"

VENTS = ["this is useless", "you're not helping", "this bot is useless", "worst support ever",
         "this is so frustrating", "😡😡😡", "this isn't helping at all", "😭"]


def _refunds_filed(outcome) -> list:
    return [a for a in outcome.actions if a.kind == "refund"]


@pytest.mark.parametrize("message", VENTS)
async def test_a_vent_gets_an_apology_and_a_person_offered_whom_a_yes_calls_in(converse, message):
    vent, yes = await converse("cus_alice", message, "yes")
    assert "sorry" in vent.reply.lower() and OFFER_PERSON in vent.reply, vent.reply
    assert "what you need" in vent.reply, vent.reply  # they are asked what they need
    assert not any(words in vent.reply for words in NOT_AN_ANSWER), vent.reply
    assert vent.handoff_reason is None and vent.route != "handoff", (vent.route, vent.handoff_reason)
    assert yes.handoff_reason == "customer_asked", (yes.route, yes.reply)


async def test_a_vent_after_an_answer_apologises_for_the_help_so_far(converse):
    _, vent = await converse("cus_bob", "what plan am I on?", "😡😡😡")
    assert "haven't been more help" in vent.reply and OFFER_PERSON in vent.reply, vent.reply
    assert not vent.reply.startswith(("Of course", "Hi")), vent.reply  # no cheerful greeting to an angry face


@pytest.mark.parametrize(("customer", "vent", "with_a_question", "answered"), [
    ("cus_bob", "this is useless", "this is useless, why was I charged twice?", "NW-2002"),
    ("cus_bob", "😡", "😡 why was I charged twice?", "NW-2002"),
    ("cus_alice", "this is useless", "my deploy is useless slow", "Failed deploys and build timeouts"),
    ("cus_bob", "I'm so frustrated", "I'm frustrated that my payment failed, why?", "none of your payments has failed"),
])
async def test_only_a_vent_alone_gets_the_apology_one_that_also_asks_is_still_answered(
        converse, customer, vent, with_a_question, answered):
    (alone,) = await converse(customer, vent)
    assert OFFER_PERSON in alone.reply and answered not in alone.reply, alone.reply
    assert not any(words in alone.reply for words in NOT_AN_ANSWER), alone.reply
    (asking,) = await converse(customer, with_a_question)
    assert answered in asking.reply, asking.reply
    assert "mood_only" not in asking.summary, asking.summary.get("mood_only")


@pytest.mark.parametrize(("alone", "mood", "naming_something"), [
    ("this is useless", "vent", "this is useless, why was I charged twice?"),
    ("useless", "vent", "my deploy is useless slow"),
    ("useless", "vent", "is the API useless without a key?"),
    ("I'm frustrated", "vent", "I'm frustrated that my payment failed, why?"),
    ("bad", "vent", "502 bad gateway"),
    ("no help", "vent", "no help articles on domains?"),
    ("this is bad", "vent", "this is not bad"),
    ("you're not being helpful", "vent", "I don't need help"),
    ("why is this so useless", "vent", "why is my app so slow and useless?"),
    ("👍", "acknowledged", "ok"),
    ("??", "unclear", "I need help"),
])
def test_a_message_that_names_something_of_its_own_is_not_read_as_mood_alone(alone, mood, naming_something):
    assert mood_only(alone) == mood
    assert mood_only(naming_something) is None


@pytest.mark.parametrize(("message", "mood"), [
    ("😡😡😡", "vent"), ("🤬", "vent"), (":(", "vent"), ("👎", "vent"), ("ugh, seriously?", "vent"),
    ("👍", "acknowledged"), ("👍🏽", "acknowledged"), (":)", "acknowledged"),
    ("??", "unclear"), ("...", "unclear"), ("🤔", "unclear"), ("what?", "unclear"), ("huh", "unclear"),
    ("you already said that", "repeated"), ("you're repeating yourself", "repeated"),
    ("that's the same answer", "repeated"), ("ugh, same answer again", "repeated"),
])
def test_signs_and_short_reactions_are_read_for_their_mood(message, mood):
    assert mood_only(message) == mood


async def test_a_thumbs_up_after_an_answer_is_acknowledged(converse):
    _, thumbs, again = await converse("cus_alice", "what plan am I on?", "👍", "👍")
    assert thumbs.reply.startswith("Glad to help"), thumbs.reply
    assert thumbs.handoff_reason is None and not thumbs.actions
    assert again.reply != thumbs.reply and "sorry" not in again.reply.lower(), again.reply


@pytest.mark.parametrize("sign", ["👍", "??"])
async def test_a_sign_after_a_refund_offer_files_nothing_and_a_yes_after_it_still_files_the_refund(converse, sign):
    offer, after_sign, yes = await converse("cus_bob", "why was I charged twice?", sign, "yes")
    assert "tell me if you'd like me to ask for it" in offer.reply, offer.reply
    assert not _refunds_filed(after_sign) and after_sign.handoff_reason is None, after_sign.reply
    assert "tell me if you'd like me to ask for it" in after_sign.reply, after_sign.reply  # the offer, asked again
    assert after_sign.reply != offer.reply
    [refund] = _refunds_filed(yes)
    assert refund.invoice_number == "NW-2002", yes.actions


async def test_a_thumbs_up_to_the_offer_of_a_person_calls_no_one_until_a_yes(converse):
    _, thumbs, yes = await converse("cus_alice", "this is useless", "👍", "yes")
    assert thumbs.handoff_reason is None and PASSED_ON not in thumbs.reply, thumbs.reply
    assert OFFER_PERSON in thumbs.reply, thumbs.reply
    assert yes.handoff_reason == "customer_asked", yes.reply


async def test_question_marks_after_an_answer_ask_what_they_need_with_a_person_offered(converse):
    answer, unclear = await converse("cus_alice", "what plan am I on?", "??")
    assert "what you need" in unclear.reply and OFFER_PERSON in unclear.reply, unclear.reply
    assert unclear.handoff_reason is None and unclear.reply != answer.reply


@pytest.mark.parametrize("complaint", ["you already said that", "you're repeating yourself", "that's the same answer"])
async def test_being_told_it_repeats_itself_gets_an_apology_and_a_person_not_the_answer_again(converse, complaint):
    _, repeated, yes = await converse("cus_bob", "why was I charged twice?", complaint, "yes")
    assert "repeating myself" in repeated.reply and OFFER_PERSON in repeated.reply, repeated.reply
    assert "NW-2002" not in repeated.reply, repeated.reply
    assert repeated.handoff_reason is None and not repeated.actions
    assert yes.handoff_reason == "customer_asked", yes.reply


@pytest.mark.parametrize(("customer", "messages"), [
    ("cus_bob", ("why was I charged twice?", "did it work?", "did it work?")),
    ("cus_alice", ("what plan am I on?", "what plan am I on?")),
])
async def test_no_reply_is_the_same_text_as_the_one_before_it(converse, customer, messages):
    outcomes = await converse(customer, *messages)
    for before, after in itertools.pairwise(outcomes):
        assert after.reply != before.reply, after.reply
    last = outcomes[-1]
    assert "same as in my last message" in last.reply and OFFER_PERSON in last.reply, last.reply
    assert last.handoff_reason is None
