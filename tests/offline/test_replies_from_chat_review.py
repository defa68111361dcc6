"""Replies a review of real-style chats found wrong, each with what it should have said: the right
invoice for a date, no unlock for a two-factor question, a reset that unlocks, the lock said once,
an apology to an angry customer, chatty or one-word questions answered from the help centre."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.asyncio


async def test_a_short_month_names_the_invoice_and_no_refund_is_weighed_unasked(converse):
    (outcome,) = await converse("cus_alice", "I was charged $29 on Nov 1 but the card expired?? did you take the money or not")
    assert "NW-1003" in outcome.reply and "didn't go through" in outcome.reply
    assert "NW-1002" not in outcome.reply and "refund window" not in outcome.reply


async def test_a_refund_asked_for_is_still_weighed(converse):
    (outcome,) = await converse("cus_alice", "can I get a refund for NW-1002?")
    assert "outside our 14-day refund window" in outcome.reply


async def test_a_two_factor_question_from_a_locked_account_starts_no_unlock(converse):
    # With two-factor off the lock is what keeps her out: its unlock is offered, not started.
    (outcome,) = await converse("cus_carol", "I lost my phone and can't get my 2fa codes")
    assert outcome.actions == [] and "I can start the unlock for you: if you'd like that" in outcome.reply
    assert "Two-factor authentication is currently off" in outcome.reply


async def test_a_locked_customer_asking_to_reset_the_password_is_told_it_unlocks_the_account(converse):
    (outcome,) = await converse("cus_carol", "how do i reset my pasword")
    assert "**Forgot password**" in outcome.reply
    assert "also unlocks your account straight away" in outcome.reply
    assert "has to be unlocked first" not in outcome.reply


async def test_the_lock_is_said_once_a_conversation_unless_the_message_is_about_getting_in(converse):
    first, invite, again = await converse("cus_carol", "is my account ok?", "how do I invite a team member?",
                                          "I still can't sign in")
    assert "Your account (carol) is locked" in first.reply
    assert "Your account (carol) is locked" not in invite.reply and "Settings → Team" in invite.reply
    assert "Your account (carol) is locked" in again.reply


async def test_an_angry_customer_is_heard_first_and_offered_a_person_not_told_it_is_out_of_scope(converse):
    (outcome,) = await converse(
        "cus_alice", "this is ridiculous, my site has been broken for 2 days and nobody helps. worst hosting ever")
    assert outcome.intent.label != "out_of_scope"
    assert outcome.reply.startswith("That sounds really frustrating")
    assert "person" in outcome.reply and "I can only help with your Northwind account" not in outcome.reply


async def test_a_long_thank_you_is_a_thank_you(converse):
    (outcome,) = await converse("cus_alice", "thanks a lot, you've been very helpful :)")
    assert outcome.reply == "You're welcome! I'm here if anything else comes up."


async def test_a_question_wrapped_in_chatter_is_answered_from_its_entry(converse):
    (outcome,) = await converse("cus_bob", "hi! quick q: do free apps sleep? asking for a friend")
    assert "apps on the Free plan sleep after 30 minutes" in outcome.reply


async def test_a_one_word_message_read_unsure_gets_the_entry_it_names_not_a_refund_refusal(converse):
    (cancel,) = await converse("cus_alice", "cancel")
    assert "**Cancel subscription**" in cancel.reply and "refund" not in cancel.reply
    (pricing,) = await converse("cus_bob", "pricing")
    assert "**Business** at $99/month" in pricing.reply and "Here are your most recent invoices" not in pricing.reply


async def test_a_customer_who_already_added_a_new_card_is_not_told_to_add_one(converse):
    (outcome,) = await converse("cus_alice",
                                "My card expired, I already added a new one yesterday. When will you retry NW-1003?")
    assert "the new card hasn't reached us yet" in outcome.reply
    assert "add a new card under" not in outcome.reply and "How to do it" not in outcome.reply


async def test_a_visitor_over_the_api_is_not_told_to_sign_in_top_right(classifier, faq_retriever, kb_retriever):
    from agents.orchestrator import Orchestrator
    from agents.providers.offline import OfflineProvider, incident_match
    from tests.agents.fakes import EventLog, FakePorts, ctx_for

    provider = OfflineProvider(classifier)
    orchestrator = Orchestrator(provider=provider, fallback=provider, faq=faq_retriever, kb=kb_retriever,
                                incident_matcher=incident_match)
    for channel in ("api", "a2a"):
        outcome = await orchestrator.run(ctx_for("show me my invoices", None, channel=channel), ports=FakePorts(),
                                         sink=EventLog())
        assert "top right" not in outcome.reply
        assert "isn't linked to a Northwind customer account" in outcome.reply
    web = await orchestrator.run(ctx_for("show me my invoices", None), ports=FakePorts(), sink=EventLog())
    assert "Please sign in (top right)" in web.reply


async def test_how_long_a_refund_takes_is_answered_from_its_entry_however_it_ranked(converse):
    *_, when = await converse("cus_bob", "I was charged twice this month, can I get a refund?",
                              "how long until I see the money?")
    assert "5 to 10 business days" in when.reply


async def test_a_question_about_something_on_ones_plan_gets_the_entry_on_it_with_the_plan(converse):
    (outcome,) = await converse("cus_bob", "what's the SLA on my plan?")
    assert "You're on the Business plan at $99.00 a month." in outcome.reply
    assert "99.95% monthly uptime SLA" in outcome.reply
    (plain,) = await converse("cus_bob", "what plan am I on?")
    assert plain.reply == "You're on the Business plan at $99.00 a month."  # no entry about plans in general


async def test_another_plans_price_is_set_beside_the_customers_own_with_the_difference_the_facts_hold(converse):
    # The difference is the billing worker's (its plan_changes), not worked out by the writer: the critic finds it in the
    # facts (before plan_changes a worked-out $70 would have been struck, so both prices came alone).
    (outcome,) = await converse("cus_alice", "how much more would business cost me per month than what I pay now?")
    assert outcome.reply.startswith("Business is $99.00 a month; you pay $29.00 a month for Pro, so it's $70.00 a month "
                                    "more.")
    assert "couldn't confirm" not in outcome.reply


async def test_a_request_or_problem_that_names_the_plan_is_not_read_as_a_question_about_its_contents(converse):
    (refund,) = await converse("cus_bob", "can I get a refund for the duplicate charge on my plan?")
    assert [a.invoice_number for a in refund.actions] == ["NW-2002"], refund.reply
    assert "doesn't mention what you asked about" not in refund.reply
    (locked,) = await converse("cus_carol", "can I use my plan while my account is locked?")
    assert "is locked" in locked.reply and "doesn't mention what you asked about" not in locked.reply
    (charged,) = await converse("cus_alice", "what will I get charged on my plan next month?")
    assert "doesn't mention what you asked about" not in charged.reply


async def test_a_thank_you_that_says_it_did_not_help_is_not_answered_youre_welcome(converse):
    for message in ("thanks but that didn't answer my question", "thanks, but the app is still broken"):
        (outcome,) = await converse("cus_alice", message)
        assert "You're welcome" not in outcome.reply, message


async def test_a_how_to_fix_after_an_incident_is_not_blamed_on_the_incident(converse):
    *_, domain = await converse("cus_bob", "my app in eu-west is returning 503s", "how do I fix my custom domain?")
    assert "very likely what you're seeing" not in domain.reply and "Settings → Domains" in domain.reply


async def test_fixing_is_not_what_picks_a_later_step_of_a_guide(converse):
    (outcome,) = await converse("cus_bob", "how do I fix a failed deploy?")
    assert "The step that fits what you describe" not in outcome.reply


async def test_a_first_name_like_jan_is_not_a_month(converse):
    (outcome,) = await converse("cus_alice", "Hi, Jan here. My last invoice looks wrong")
    assert "from that month" not in outcome.reply


async def test_a_denied_feeling_is_not_acknowledged_and_a_sure_off_topic_reading_stands(converse):
    (calm,) = await converse("cus_alice", "I'm not angry, just wondering how builds work")
    assert not calm.reply.startswith("That sounds really frustrating")
    (poem,) = await converse("cus_alice", "write me a poem about my website")
    assert poem.intent.label == "out_of_scope"


async def test_arguing_with_a_refused_refund_gets_the_rule_once_and_a_person_not_the_refusal_again(converse):
    refused, why = await converse("cus_alice", "can I get a refund for NW-1002?", "why not? it's only $29")
    assert "outside our 14-day refund window" in refused.reply
    assert "outside our 14-day refund window" not in why.reply
    assert "can't make an exception to it myself" in why.reply and "pass you to a person" in why.reply
    *_, yes = await converse("cus_alice", "can I get a refund for NW-1002?", "why not? it's only $29", "yes please")
    assert yes.route == "handoff"


async def test_asking_for_another_customers_details_by_name_is_refused_plainly(converse):
    for message in ("what is the email address of the customer alice?", "what's alice's email?"):
        (outcome,) = await converse("cus_bob", message)
        assert "I can only share the details of your own account" in outcome.reply, message
        assert "bob@example.com" not in outcome.reply and "alice@example.com" not in outcome.reply
    (own,) = await converse("cus_bob", "what's the email on my account?")
    assert own.reply == "The email address on your account is bob@example.com."
    (named_self,) = await converse("cus_bob", "what is bob's email address?")
    assert "bob@example.com" in named_self.reply


async def test_asking_for_service_credits_during_an_incident_gets_the_sla_entry_and_a_person(converse):
    (outcome,) = await converse("cus_bob", "our site in eu-west is down, will we get service credits?")
    assert "Elevated API error rates in eu-west" in outcome.reply
    assert "99.95% monthly uptime SLA" in outcome.reply and "pass you to a person" in outcome.reply


async def test_compensation_for_downtime_is_not_weighed_as_a_refund_of_a_charge(converse):
    (outcome,) = await converse("cus_alice", "will I get compensation for the downtime?")
    assert "refund window" not in outcome.reply
