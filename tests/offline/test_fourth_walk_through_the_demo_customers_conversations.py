"""Found chatting through the demo customers' conversations a fourth time (stop 35): follow-ups that leaned on the turn
before and got the same reply again, or a reply about something else."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("customer", "asked", "follow_up", "answer"), [
    # Billing at 0.6: the plan's price, then the SLA's whole entry; the uptime guarantee names the SLA only in the reply.
    ("cus_carol", "do you offer an uptime guarantee?", "does that apply to my plan?",
     "No, it doesn't: you're on the Free plan, and Free and Pro have no SLA"),
    ("cus_alice", "what is the sla?", "does it apply to me?", "No, it doesn't: you're on the Pro plan"),
])
async def test_whether_the_sla_applies_is_a_plain_yes_or_no_not_the_answer_again(converse, customer, asked, follow_up,
                                                                                  answer):
    _, outcome = await converse(customer, asked, follow_up)
    assert outcome.intent.label == "technical" and outcome.reply.startswith(answer), outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_a_visitor_asking_whether_the_sla_applies_is_told_their_plan_decides(converse):
    _, outcome = await converse(None, "what is the sla?", "does it apply to me?")
    assert outcome.reply.startswith("That depends on your plan, which I can't see as you're not signed in: the "
                                    "Business plan comes with a 99.95% monthly uptime SLA"), outcome.reply
    assert "My answer is the same" not in outcome.reply


STATUS_ENTRY = "Our status page at status.northwind.cloud shows every region and component"
BY_EMAIL = "You can subscribe there to updates by email."


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    # "I don't have a guide on that in our help centre" (technical, a panel).
    ("cus_alice", ("is there a status page?", "can I get notified?"), "Yes, by email. Our help centre says: "),
    # "I don't have enough information to answer that properly".
    ("cus_alice", ("is there a status page?", "how do I subscribe?"), "Our help centre says: "),
    # The scope reply.
    ("cus_bob", ("do you send alerts when something is down?",), "Yes, by email. Our help centre says: "),
    # The open incident and the steps of the guide on API errors, as if the customer had reported them.
    ("cus_carol", ("how can I get notified about outages?",), "Our help centre says: "),
])
async def test_asking_to_be_told_of_outages_gets_the_status_pages_email_updates(converse, customer, turns, lead):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead + STATUS_ENTRY) and BY_EMAIL in outcome.reply, outcome.reply
    assert "guide" not in outcome.reply


async def test_asking_us_to_say_when_the_incident_is_fixed_says_the_chat_cannot_and_the_status_page_will(converse):
    _, outcome = await converse("cus_alice", "is anything down right now?", "can you notify me when it is fixed?")
    assert outcome.reply.startswith("I can't send you updates from this chat myself, but you can get them by email. "
                                    f"Our help centre says: {STATUS_ENTRY}"), outcome.reply
    assert "That includes the updates on “Elevated API error rates in eu-west” (status: investigating), and when " \
           "it's resolved." in outcome.reply


@pytest.mark.parametrize("message", [
    "can you notify me when my refund arrives?", "email me when my invoice is ready", "can I get alerts when my app goes "
    "down?", "let me know when my deploy finishes", "can I get notified?",
])
def test_updates_on_the_customers_own_things_or_out_of_the_blue_are_not_the_status_pages(message):
    from agents.service_status import asks_for_status_updates
    from tests.agents.fakes import ctx_for

    assert not asks_for_status_updates(ctx_for(message))


async def test_how_long_after_a_guide_that_gives_no_time_says_so_with_the_guide_that_does(converse):
    # "My answer is the same as in my last message", and the TLS guide's steps again.
    _, outcome = await converse("cus_alice", "how do I set up https for my domain?", "how long does it take?")
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” doesn't say how long that takes, and I'd "
                                    "rather not guess."), outcome.reply
    assert "Our guide “Custom domains and DNS” says: Wait for DNS to update, usually within an hour" in outcome.reply
    assert "pass you to a person" in outcome.reply and "My answer is the same" not in outcome.reply
    # The renewal's "30 days before they expire" is no wait.
    assert "30 days" not in outcome.reply


async def test_how_long_after_the_upgrades_steps_is_that_it_applies_at_once(converse):
    # "Our help centre doesn't say how long that takes", quoting the entry that says it applies at once.
    _, outcome = await converse("cus_alice", "how do I upgrade my plan?", "how long does it take?")
    assert outcome.reply.startswith("The upgrade applies at once"), outcome.reply


@pytest.mark.parametrize(("text", "takes"), [
    ("Wait for DNS to update, usually within an hour.", True),
    ("The upgrade applies at once and we charge the difference.", True),
    ("Reset your password from the sign-in page to unlock it straight away.", True),
    ("Certificates renew 30 days before they expire.", False),
    ("We email you a download link that works for 7 days.", False),
    ("Business accounts can run an app in several regions at once.", False),
])
def test_a_time_taken_is_told_apart_from_other_times(text, takes):
    from agents.providers.offline.reply_base import TAKES

    assert bool(TAKES.search(text)) is takes
