"""Found chatting through the demo customers' conversations a seventh time (stop 38): a move up the plans answered
with the customer's invoices, another plan asked for answered with the FAQ entry its words matched, whether anything
binds the customer to stay read as a refund or as off topic, and single sign-on met with "not enough information"."""

from __future__ import annotations

import pytest

UPGRADE_APPLIES = "The upgrade applies at once and we charge the difference for the rest of the month."
PLANS_LISTED = "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month."
CANCEL_STEPS = "Go to **Billing → Plan** and choose **Cancel subscription**."
NO_COMMITMENT = ("Our help centre doesn't mention a contract, a minimum term or a notice period you'd be held to, and I'd "
                 "rather not guess beyond what it says. What it says about cancelling: " + CANCEL_STEPS)
NO_SSO = "Our help centre doesn't mention single sign-on (SSO), or signing in with a Google, GitHub or other outside account"


# ---------------------------------------------------------------- what a move up does to apps

async def test_what_happens_to_apps_on_an_upgrade_from_free_is_when_it_applies_and_what_pro_includes(converse):
    # The customer's plan ("You're on the Free plan, which costs nothing") and "There are no invoices".
    [outcome] = await converse("cus_carol", "what happens to my app when I upgrade?")
    assert outcome.reply.startswith(UPGRADE_APPLIES), outcome.reply
    assert "Pro includes up to 10 apps, custom domains and email support." in outcome.reply
    assert "doesn't say anything else changes for your apps or data" in outcome.reply
    assert "no invoices" not in outcome.reply and "faq" in [source.kind for source in outcome.sources]


async def test_what_happens_to_apps_on_an_upgrade_to_a_named_plan_is_that_plans_contents(converse):
    # Alice's invoice list.
    [outcome] = await converse("cus_alice", "what happens to my apps if I upgrade to business?")
    assert outcome.reply.startswith(UPGRADE_APPLIES), outcome.reply
    assert "Business includes unlimited apps, team members and priority support." in outcome.reply
    assert "NW-1003" not in outcome.reply


async def test_what_happens_on_an_upgrade_after_asking_how_to_move_to_a_plan_is_of_that_plan(converse):
    _, outcome = await converse("cus_carol", "how do I upgrade to business?",
                                "ok, and what happens to my app when I upgrade?")
    assert "Business includes unlimited apps" in outcome.reply, outcome.reply
    assert "Pro includes" not in outcome.reply


@pytest.mark.parametrize(("customer", "message", "said"), [
    ("cus_bob", "what happens to my app when I upgrade?",
     "You're on the Business plan, our highest, so there's no plan to move up to"),
    ("cus_alice", "what happens to my app if I upgrade to pro?",
     "You're on the Pro plan, so there's no move up to Pro to make"),
])
async def test_an_upgrade_there_is_none_to_make_is_said_to_be_none(converse, customer, message, said):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(said), outcome.reply
    assert UPGRADE_APPLIES not in outcome.reply


# ---------------------------------------------------------------- the plan above or below

@pytest.mark.parametrize(("customer", "message", "said"), [
    # The downgrade's steps by the FAQ shortcut.
    ("cus_alice", "is there a cheaper plan?",
     "You're on the Pro plan at $29.00 a month; the plan below it is Free, which costs nothing."),
    # The entry on Free by the FAQ shortcut.
    ("cus_alice", "what is the next tier up?",
     "You're on the Pro plan at $29.00 a month; the next plan up is Business, at $99.00 a month."),
    ("cus_carol", "what is the next tier up?",
     "You're on the Free plan, which costs nothing; the next plan up is Pro, at $29.00 a month."),
])
async def test_the_plan_above_or_below_is_counted_from_the_customers_own_not_the_entry_its_words_match(
        converse, customer, message, said):
    [outcome] = await converse(customer, message)
    assert outcome.route != "faq" and outcome.reply.startswith(said), outcome.reply


async def test_how_to_move_to_a_cheaper_plan_still_gets_the_downgrades_steps(converse):
    [outcome] = await converse("cus_alice", "how do I move to a cheaper plan?")
    assert outcome.route == "faq" and outcome.reply.startswith("Go to **Billing → Plan** and choose the smaller plan"), \
        outcome.reply


@pytest.mark.parametrize(("message", "lead"), [
    # A sign-in request ("I can't see your invoices"), and the downgrade's steps by the FAQ shortcut.
    ("is there anything cheaper?", "Our cheapest plan is Free, which costs nothing."),
    ("is there a cheaper plan?", "Our cheapest plan is Free, which costs nothing."),
    ("is there a bigger plan?", "Our biggest plan is Business, at $99.00 a month."),
])
async def test_a_visitor_asking_for_a_cheaper_or_bigger_plan_gets_the_edge_plan_and_every_plan(converse, message, lead):
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert PLANS_LISTED in outcome.reply and "sign in" not in outcome.reply.lower()


async def test_a_visitor_asking_the_next_tier_up_with_no_plan_gets_every_plan_not_the_free_entry(converse):
    [outcome] = await converse(None, "what is the next tier up?")
    assert outcome.reply.startswith(PLANS_LISTED), outcome.reply
    assert "biggest" not in outcome.reply


async def test_anything_cheaper_right_after_the_plans_were_listed_is_the_cheapest_without_the_list_again(converse):
    # "My answer is the same as in my last message" and the list again (once a sign-in request).
    _, outcome = await converse(None, "how much does it cost?", "anything cheaper?")
    assert outcome.reply == "Our cheapest plan is Free, which costs nothing.", outcome.reply


# ---------------------------------------------------------------- a contract or a term

@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "can I cancel anytime?"),          # refund at 0.27: "I don't have enough information"
    (None, "can i cancel whenever i want?"),         # refund: the refund policy, then the entry as a guess
    (None, "is there a contract or can I cancel at any time?"),  # out of scope: the scope reply
    ("cus_alice", "is there a minimum contract?"),   # out of scope
    ("cus_carol", "am I locked in?"),
])
async def test_whether_anything_binds_the_customer_to_stay_is_said_to_be_unmentioned_with_the_cancel_entry(
        converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.intent.label == "billing", outcome.intent
    assert outcome.reply.startswith(NO_COMMITMENT), outcome.reply
    assert "refund policy" not in outcome.reply and "support assistant" not in outcome.reply


async def test_a_fee_for_cancelling_is_still_said_to_be_unmentioned_as_a_fee(converse):
    [outcome] = await converse("cus_alice", "is there a cancellation fee?")
    assert outcome.reply.startswith("Our help centre doesn't mention any fee or penalty for cancelling"), outcome.reply


# ---------------------------------------------------------------- tried again and again

async def test_tried_ten_times_after_being_told_the_account_is_not_locked_is_that_it_did_not_sort_it_out(converse):
    # The FAQ entry on deploys ("10 deploys a day") as a guess.
    _, outcome = await converse("cus_alice", "my account is locked", "I have tried 10 times")
    assert outcome.reply.startswith("I'm sorry that didn't sort it out. What happens now when you try?"), outcome.reply
    assert "deploys" not in outcome.reply


@pytest.mark.parametrize("message", ["I have tried 5 times", "tried it a few times already"])
async def test_tried_several_times_after_the_resets_steps_is_that_the_steps_did_not_help(converse, message):
    _, outcome = await converse("cus_alice", "i forgot my password", message)
    assert outcome.reply.startswith("I'm sorry those steps didn't sort it out."), outcome.reply
    assert "pass you to a person" in outcome.reply


# ---------------------------------------------------------------- single sign-on

@pytest.mark.parametrize(("customer", "message"), [
    (None, "do you support sso?"),                # general: "I don't have enough information"
    ("cus_alice", "do you support saml?"),
    (None, "can I log in with google?"),          # account: "I don't have enough information"
])
async def test_single_sign_on_is_said_to_be_unmentioned_with_a_person_offered(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(NO_SSO), outcome.reply
    assert "pass you to a person" in outcome.reply and "enough information" not in outcome.reply


async def test_asking_for_a_person_about_sso_still_hands_over(converse):
    [outcome] = await converse("cus_carol", "i want to talk to someone about sso")
    assert outcome.route == "handoff", outcome.reply
