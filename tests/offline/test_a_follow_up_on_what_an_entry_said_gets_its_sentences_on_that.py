""""What happens if you miss it?" after the SLA's entry was turned away as off topic, and "what about weekends?" after the
support hours got "I don't have enough information". Each asks after something the entry just quoted says: the sentences
of it that say so are the answer. "What about the weather?" names nothing of it and is still turned away."""

from __future__ import annotations


async def test_a_follow_up_gets_the_sentences_of_the_last_entry_on_what_it_asks(converse):
    _, outcome = await converse(None, "what are your support hours?", "what about weekends?")
    assert outcome.reply.startswith("Our help centre says:"), outcome.reply
    assert "Business customers also get weekend cover" in outcome.reply, outcome.reply
    assert "This chat answers around the clock" not in outcome.reply and outcome.intent.label == "general"


async def test_what_happens_if_the_sla_is_missed_gets_the_sentence_on_the_customers_plan_and_how_to_claim(converse):
    # Since stop 39 the SLA's service credits, as the technical part tells them, with how a claim is made.
    _, outcome = await converse("cus_bob", "what's your SLA?", "what happens if you miss it?")
    assert "with service credits if we miss it" in outcome.reply, outcome.reply
    assert "Free and Pro have no SLA" not in outcome.reply and "doesn't say how to claim them" in outcome.reply


async def test_a_follow_up_naming_nothing_the_entry_said_is_still_off_topic(converse):
    _, outcome = await converse(None, "what are your support hours?", "what about the weather?")
    assert outcome.intent.label == "out_of_scope", outcome.reply
    assert "I can only help with your Northwind account" in outcome.reply


async def test_an_email_that_never_came_after_the_reset_steps_gets_what_the_entry_says_of_it_and_a_person(converse):
    # Alone "I didn't get the email" names nothing of the entry ("arrive"), and got "I don't have enough information".
    _, outcome = await converse(None, "how do I reset my password?", "I didn't get the email")
    assert outcome.reply.startswith("Our help centre says: We send a reset link that works for one hour; if it doesn't "
                                    "arrive within a few minutes, check your spam folder."), outcome.reply
    assert "Open the sign-in page" not in outcome.reply and "pass you to a person" in outcome.reply
