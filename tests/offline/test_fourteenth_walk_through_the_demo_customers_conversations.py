"""What a fourteenth walk through the demo customers' conversations found, each fixed: a reply that lost the thread,
answered another question, or came out broken. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

_NO_GUIDE = "I don't have a guide on that in our help centre"
_LIST = "Here are your most recent invoices:"


@pytest.mark.parametrize("message", ["how do I enable http2?", "how do I enable gzip?", "How do I enable auto-top up?"])
async def test_a_how_to_the_guides_name_nothing_of_gets_no_guide(converse, message):
    # The failed deploys guide's step on enabling the build cache came as "the step that fits": "enable" was all they
    # shared.
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(_NO_GUIDE), outcome.reply
    assert "build cache" not in outcome.reply


@pytest.mark.parametrize(("message", "guide"), [
    ("how do I get more ram", "Scaling and cold starts"),
    ("how do i add a custom domain", "Custom domains and DNS"),
])
async def test_a_how_to_a_guide_names_in_its_own_words_still_gets_the_guide(converse, message, guide):
    [outcome] = await converse("cus_bob", message)
    assert f"“{guide}”" in outcome.reply, outcome.reply


async def test_how_to_fix_it_after_a_fault_still_gets_the_faults_guide(converse):
    *_, outcome = await converse("cus_alice", "my app is slow", "how do I fix it?")
    assert "“Scaling and cold starts”" in outcome.reply, outcome.reply


_FREE = "There's a Free plan, which costs nothing: The Free plan costs $0"


@pytest.mark.parametrize("message", ["does signing up cost anything?", "will registration cost me anything?"])
async def test_what_signing_up_costs_is_the_free_plan(converse, message):
    # "I don't have a guide on that" (off topic, a panel), or "not enough information".
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(_FREE), outcome.reply
    assert "doesn't describe the steps to sign up" in outcome.reply


async def test_what_signing_up_costs_asked_by_a_customer_says_they_have_an_account(converse):
    [outcome] = await converse("cus_alice", "will registration cost me anything?")
    assert outcome.reply.startswith("You already have an account: you're signed in as **alice**"), outcome.reply


@pytest.mark.parametrize("message", ["does it cost anything to top up?", "will it cost me anything to use my card abroad"])
async def test_what_something_else_costs_is_still_not_read_as_signing_up(converse, message):
    [outcome] = await converse(None, message)
    assert "sign up" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["you charged me again!", "you charged me again this month"])
async def test_a_charge_said_to_be_taken_again_is_checked_for_a_duplicate(converse, message):
    # Bob's NW-2002 was charged twice: the invoice list came, as if he had asked for it.
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith("You're right, I can see it: invoice NW-2002 was charged twice"), outcome.reply
    assert "RF-0001" in outcome.reply and _LIST not in outcome.reply


async def test_a_charge_said_to_be_taken_again_with_no_duplicate_says_none_was_found(converse):
    [outcome] = await converse("cus_alice", "you charged me again!")
    assert outcome.reply.startswith("I checked your payments and I can't find a duplicate charge"), outcome.reply


@pytest.mark.parametrize("message", ["I was charged twice", "you charged me again!"])
async def test_a_double_charge_reported_by_a_customer_never_charged_says_nothing_was_taken(converse, message):
    # Carol, on Free, was told "each invoice was paid once" of invoices she doesn't have.
    [outcome] = await converse("cus_carol", message)
    assert outcome.reply.startswith("I checked your account and we haven't taken any payment from you"), outcome.reply
    assert "each invoice" not in outcome.reply


@pytest.mark.parametrize("message", ["I Need A Mattress For Double Bed", "send me a quote from a motivational speaker twice a day"])
async def test_twice_or_double_naming_no_charge_is_still_off_topic(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.intent.label == "out_of_scope" and "NW-2002" not in outcome.reply, outcome.reply


_PORT_STEP = "4. If the app builds but fails on start, check that it listens on the `PORT` environment variable."


@pytest.mark.parametrize("message", ["how do I set the port", "how do I change the port my app uses?",
                                     "can I change the port?"])
async def test_setting_the_port_gets_the_step_on_the_port_variable(converse, message):
    # "I don't have a guide on that": `PORT` is a name in the step, which the message's words never found.
    [outcome] = await converse("cus_bob", message)
    assert f"The step that fits what you describe:\n{_PORT_STEP}" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message", "lead"), [
    # The failed deploys guide's steps, as if a deploy had failed.
    ("cus_alice", "how fast are deploys?", "You're on the Pro plan: Pro and Business have unlimited deploys and builds "
                                          "of up to 45 minutes."),
    ("cus_carol", "how quick is a build?", "You're on the Free plan: Free accounts get 10 deploys a day and builds of up "
                                          "to 15 minutes."),
])
async def test_how_fast_a_deploy_is_gets_the_build_limit_as_how_long_it_takes_does(converse, customer, message, lead):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "1. Open **App → Deploys**" not in outcome.reply


_KEPT = ("Your paid plan stays active until the end of the period you've paid for, then your account moves to the Free "
         "plan; your apps and data are kept.")


async def test_data_asked_after_the_apps_after_cancelling_is_kept_too(converse):
    # "I don't have enough information": the entry on cancelling was not gathered, the cancelling two questions back.
    *_, outcome = await converse("cus_alice", "how do I cancel my subscription?", "will I lose my apps?", "and my data?")
    assert outcome.reply == f"Yes, the same goes for the data. What our help centre says about cancelling: {_KEPT}", \
        outcome.reply


async def test_data_asked_after_the_apps_after_deleting_the_account_is_still_not_the_cancelling_entry(converse):
    *_, outcome = await converse("cus_alice", "how do I delete my account?", "will I lose my apps?", "and my data?")
    assert _KEPT not in outcome.reply, outcome.reply


async def test_what_more_costs_after_the_api_limits_is_the_plan_that_gives_more(converse):
    # "You're on the Pro plan at $29.00 a month.": the customer's own price alone.
    *_, outcome = await converse("cus_alice", "how do I get more api requests?", "how much to get more?")
    assert outcome.reply == "Business costs $99.00 a month. You're on the Pro plan at $29.00 a month.", outcome.reply


async def test_what_more_costs_after_a_reply_with_the_price_is_still_that_price(converse):
    *_, outcome = await converse("cus_carol", "can I have 2 apps?", "how much to get more?")
    assert outcome.reply.startswith("As my last message said: your plan, Free, includes one app. Pro ($29.00 a month)"), \
        outcome.reply


_DOWNLOAD = ("Yes: all your invoices are under **Billing → Invoices**, where you can download each one as a PDF. We also "
             "email every invoice to your billing address when it is issued.")


@pytest.mark.parametrize("turns", [
    # The list again, behind "my answer is the same as in my last message".
    ("show me my invoices", "can I download them?"),
    # The list.
    ("I want to delete my account", "wait, what happens to my invoices?", "can I download them first?"),
])
async def test_downloading_the_invoices_just_talked_of_is_where_they_are(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply == _DOWNLOAD, outcome.reply


async def test_downloading_the_export_just_told_is_still_not_about_invoices(converse):
    *_, outcome = await converse("cus_alice", "how do I export my data?", "can I download it?")
    assert "Billing → Invoices" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["can I use two regions?", "can we have both regions?"])
async def test_running_in_two_regions_is_what_the_entry_says_of_business(converse, message):
    # "I don't have a guide on that" and then the entry as a guess, in one reply.
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("What our help centre says: You can run apps in three regions"), outcome.reply
    assert "several regions at once" in outcome.reply and "I don't have a guide" not in outcome.reply


_ACCESS_UNSAID = ("Our help centre doesn't describe removing team members, so it doesn't say when someone removed loses "
                  "access either, and I'd rather not guess. A person from our support team can tell you: would you like "
                  "me to pass you to a person?")


@pytest.mark.parametrize("turns", [
    # What team members may see or do, and "not enough information", each with a person offered.
    ("we need more team members", "how many can we have?", "will they lose access right away if I remove them?"),
    # The team's entry and its roles, as if what a member may do were asked.
    ("how do I remove a team member?", "will they lose access right away?"),
])
async def test_when_a_removed_member_loses_access_is_said_to_be_undescribed(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply == _ACCESS_UNSAID, outcome.reply


async def test_what_a_member_may_see_is_still_the_roles_answer(converse):
    *_, outcome = await converse("cus_bob", "how do I add a team member?", "can they still see billing?")
    assert outcome.reply.startswith("Here's what our help centre says about team members:"), outcome.reply


async def test_how_long_the_trial_is_after_none_was_found_is_that_free_has_no_limit(converse):
    # The refund's time to arrive, by the FAQ shortcut.
    *_, outcome = await converse(None, "do you have a free trial?", "how long is it?")
    assert outcome.reply.startswith("As there's no free trial in our help centre, there's no trial period I can give "
                                    "you.\n\nOur help centre names no time limit on the Free plan"), outcome.reply
    assert outcome.route != "faq" and "refund" not in outcome.reply


async def test_how_long_it_is_after_anything_else_is_still_not_the_free_plan(converse):
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?", "how long is it?")
    assert "no time limit on the Free plan" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["last month?", "and last week?"])
async def test_a_period_asked_after_the_uptime_is_the_uptime_then(converse, message):
    # "Last month?" alone got the invoice list.
    *_, outcome = await converse("cus_alice", "what's your uptime?", message)
    period = message.removeprefix("and ").rstrip("?")
    assert outcome.reply.startswith(f"I don't have an uptime figure for {period}"), outcome.reply


@pytest.mark.parametrize("turns", [
    ("my invoice is wrong", "the VAT number is missing"),
    ("my VAT number is missing from my invoices",),
])
async def test_a_vat_number_said_to_be_missing_is_not_taken_for_one_given(converse, turns):
    # "Thanks, but I can't add it to your account from this chat, so it hasn't been saved anywhere."
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("Go to **Billing → Details** and fill in your company name, address and VAT number."), \
        outcome.reply


async def test_a_vat_number_given_is_still_said_not_to_be_saved(converse):
    [outcome] = await converse("cus_bob", "my vat number is GB123456789")
    assert outcome.reply.startswith("Thanks, but I can't add it to your account from this chat"), outcome.reply


async def test_signing_in_after_asking_to_delete_the_account_is_the_grace_period_with_the_rest_unsaid(converse):
    # The account's lock status and two-factor.
    *_, outcome = await converse("cus_bob", "I want to delete my account", "will I still be able to log in?")
    assert outcome.reply == ("Our help centre says: Deleting removes your apps and data for good after a 7-day grace "
                             "period, during which you can change your mind. It doesn't say whether you can still sign in "
                             "during that time, and I'd rather not guess: would you like me to pass you to a person from "
                             "our team, who can tell you?"), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "reply"), [
    # The invoice list again, behind "my answer is the same".
    ("cus_alice", ("show me my invoices", "and last month?"),
     "Invoice NW-1002 is for $29.00, issued on 2026-10-01 and was paid on 2026-10-01."),
    ("cus_bob", ("show me my invoices", "what about this month?"),
     "Invoice NW-2002 is for $99.00, issued on 2026-11-15 and was paid on 2026-11-15."),
])
async def test_a_month_counted_from_today_after_the_invoices_is_that_months_invoice(converse, customer, turns, reply):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(reply), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "room"), [
    # "I don't have enough information".
    ("cus_bob", ("what's the difference between pro and business?", "is it worth it for a team of 5?"),
     "You're on Business, which has no limit on members, so there's room for all of you."),
    ("cus_alice", ("is pro enough for 8 developers?",),
     "You're on Pro, which lets you invite up to 3 members: not enough for a team of 8 with you."),
])
async def test_a_plan_weighed_for_a_team_of_a_size_is_what_the_team_entry_allows(converse, customer, turns, room):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("For a team of"), outcome.reply
    assert room in outcome.reply


@pytest.mark.parametrize("message", ["i need a hotel room big enough for 4 people", "book a table for 5 people"])
async def test_people_counted_for_something_else_are_still_no_team(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "For a team of" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "turns", "reply"), [
    # "I don't have a guide on that in our help centre".
    ("cus_carol", ("can I have a custom domain on free?", "why not?"),
     "Our help centre lists custom domains with Pro and the plans above it, not with Free, but doesn't say why, and I'd "
     "rather not guess. If you'd like custom domains, you can move to Pro under **Billing → Plan**; or, if you'd like to "
     "know more, I can pass you to a person from our team."),
    ("cus_alice", ("does pro include an SLA?", "why not?"),
     "Our help centre lists a 99.95% monthly uptime SLA with Business, not with Pro, but doesn't say why, and I'd rather "
     "not guess. If you'd like a 99.95% monthly uptime SLA, you can move to Business under **Billing → Plan**; or, if "
     "you'd like to know more, I can pass you to a person from our team."),
])
async def test_why_a_plan_lacks_something_is_said_to_be_unexplained(converse, customer, turns, reply):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply == reply, outcome.reply


async def test_what_only_the_top_plan_has_names_no_plans_above_it(converse):
    # "It comes with Business and the plans above it": there are none.
    [outcome] = await converse("cus_alice", "does pro include an SLA?")
    assert "It comes with Business; you can change plan" in outcome.reply, outcome.reply
    assert "plans above it" not in outcome.reply


_OVERRUN = ("That's longer than our guide “Custom domains and DNS” expects:\n"
            "4. Wait for DNS to update, usually within an hour; check it with `dig www.example.com`.\n"
            "So something else is likely in the way. Check the record against its steps:\n"
            "2. At your DNS provider, create a CNAME record from that name to the target shown, your-app.northwind.app.\n"
            "3. For an apex domain (example.com) use an ALIAS or ANAME record, or our A record 203.0.113.10.")


@pytest.mark.parametrize("turns", [
    # The step on waiting "usually within an hour" again, as if the wait were still to come.
    ("how do I add a custom domain?", "I did that but it says not verified", "it's been 3 hours"),
    ("how do I add a custom domain?", "I added the CNAME", "still nothing after a day"),
])
async def test_a_wait_past_the_hour_dns_usually_takes_gets_the_records_to_check(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(_OVERRUN), outcome.reply
    assert outcome.reply.endswith("would you like me to pass you to a person?")


async def test_a_wait_after_another_guide_is_still_not_about_dns(converse):
    *_, outcome = await converse("cus_alice", "my app is slow", "it's been 3 hours")
    assert "DNS" not in outcome.reply, outcome.reply


async def test_a_charge_said_to_be_taken_again_after_another_topic_is_still_checked(converse):
    # After the team's turn, the label carried over (account): the entry on double charges as a guess, telling Bob, who
    # is signed in, to sign in.
    *_, outcome = await converse("cus_bob", "you charged me again!", "will they lose access right away if I remove a "
                                 "team member?", "you charged me again!")
    assert outcome.reply.startswith("You're right, I can see it: invoice NW-2002 was charged twice"), outcome.reply
    assert "has already been requested (reference RF-0001" in outcome.reply and "Sign in" not in outcome.reply


async def test_a_refund_for_a_month_whose_payment_failed_says_nothing_was_charged(converse):
    # "I couldn't find a charge on your account that our refund policy covers", with the policy, as if one were refused.
    [outcome] = await converse("cus_alice", "I want a refund for this month")
    assert outcome.reply == ("Invoice NW-1003 ($29.00) was never paid — its payment didn't go through — so nothing was "
                             "charged for it and there's nothing to refund."), outcome.reply


async def test_a_refund_for_a_month_paid_is_still_weighed_against_the_window(converse):
    [outcome] = await converse("cus_alice", "refund last month please")
    assert outcome.reply.startswith("I'm sorry — invoice NW-1002 ($29.00), paid on 2026-10-01, is outside"), outcome.reply
