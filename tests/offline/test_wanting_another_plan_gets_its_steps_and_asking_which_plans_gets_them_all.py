""""I want to upgrade" after asking about Business gets the help centre's upgrade steps to Business (not the invoice
list), and "do it for me" then says the chat can't change a plan, with the steps and a person offered (not a
tool_failure handoff: nothing failed). "Wat plans do u have" gets the three plans and their prices, and its "u" is
no other customer. Neighbours stay as they were: a wish that names a plan, and the chat asked outright."""

from __future__ import annotations

NOT_SURE = "I don't have enough information"
UPGRADE_STEPS = "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm."
NO_PLAN_ACTION = "this chat has no way to change or cancel a plan"
OFFERS_A_PERSON = "I can pass you to a person from our support team: just say so."
THREE_PLANS = "**Free** at $0, **Pro** at $29/month and **Business** at $99/month"
SOMEONE_ELSE = "I can only show you the invoices and payments on your own account"


async def test_alice_wanting_to_upgrade_after_asking_about_business_gets_the_steps_to_business(converse):
    _, wish = await converse("cus_alice", "how much is business", "i want to upgrade")
    assert "You're on the Pro plan at $29.00 a month." in wish.reply, wish.reply
    assert "upgrade to Business" in wish.reply, wish.reply
    assert UPGRADE_STEPS in wish.reply, wish.reply
    assert "NW-1003" not in wish.reply, wish.reply


async def test_alice_asking_the_chat_to_do_the_upgrade_is_told_it_cannot_not_handed_off_as_a_failure(converse):
    *_, do_it = await converse("cus_alice", "how much is business", "i want to upgrade", "do it for me")
    assert do_it.handoff_reason is None, do_it.reply
    assert do_it.route != "handoff", do_it.reply
    assert "I can't upgrade you to Business myself" in do_it.reply, do_it.reply
    assert NO_PLAN_ACTION in do_it.reply, do_it.reply
    assert UPGRADE_STEPS in do_it.reply, do_it.reply
    assert OFFERS_A_PERSON in do_it.reply, do_it.reply


async def test_a_go_ahead_after_a_wish_naming_no_plan_and_no_plan_before_is_not_a_tool_failure(converse):
    *_, do_it = await converse("cus_alice", "i want to upgrade", "do it for me")
    assert do_it.handoff_reason is None, do_it.reply
    assert "I can't upgrade your plan myself" in do_it.reply, do_it.reply
    assert UPGRADE_STEPS in do_it.reply, do_it.reply


async def test_alice_asking_wat_plans_do_u_have_gets_the_three_plans_and_no_note_about_someone_else(converse):
    (outcome,) = await converse("cus_alice", "wat plans do u have")
    assert THREE_PLANS in outcome.reply, outcome.reply
    assert SOMEONE_ELSE not in outcome.reply, outcome.reply
    assert NOT_SURE not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- neighbours

async def test_bob_wanting_to_downgrade_to_pro_still_gets_the_downgrade_steps(converse):
    (outcome,) = await converse("cus_bob", "i want to downgrade to pro")
    assert "Go to **Billing → Plan** and choose the smaller plan." in outcome.reply, outcome.reply


async def test_upgrade_me_to_business_is_still_told_the_chat_cannot(converse):
    (outcome,) = await converse("cus_alice", "upgrade me to Business")
    assert "I can't upgrade you to Business from this chat" in outcome.reply, outcome.reply


async def test_bob_asking_when_a_downgrade_applies_gets_when_and_no_i_dont_know_beside_it(converse):
    _, when = await converse("cus_bob", "i want to downgrade to pro", "when does it apply")
    assert "takes effect at the end of your current billing period" in when.reply, when.reply
    assert NOT_SURE not in when.reply, when.reply


OFF_TOPIC = "I can only help with your Northwind account"
OUTSIDE = "outside what I can help with"


async def test_bob_asking_if_he_loses_the_sla_after_a_downgrade_gets_that_only_business_has_one(converse):
    *_, sla = await converse("cus_bob", "i want to downgrade to pro", "when does it apply", "will i lose the SLA")
    assert sla.intent != "out_of_scope", sla.reply
    assert "Free and Pro have no SLA" in sla.reply, sla.reply


async def test_a_visitor_asking_whats_the_difference_after_two_plans_gets_them_side_by_side(converse):
    *_, difference = await converse(None, "how much does pro cost", "and business?", "whats the difference")
    assert OUTSIDE not in difference.reply and OFF_TOPIC not in difference.reply, difference.reply
    assert "Pro ($29.00 a month)" in difference.reply, difference.reply
    assert "Business ($99.00 a month)" in difference.reply, difference.reply


async def test_alice_asking_how_long_the_export_link_works_gets_the_seven_days(converse):
    _, link = await converse("cus_alice", "export my data", "how long does the link work")
    assert OFF_TOPIC not in link.reply, link.reply
    assert "works for 7 days" in link.reply, link.reply


async def test_carol_asking_how_long_she_has_to_change_her_mind_gets_the_grace_period(converse):
    _, grace = await converse("cus_carol", "delete my account", "how long do i have to change my mind")
    assert OFF_TOPIC not in grace.reply, grace.reply
    assert "7-day grace period, during which you can change your mind" in grace.reply, grace.reply
    assert "I think you're asking about" not in grace.reply, grace.reply  # the entry answers it, no guess


async def test_and_for_pro_after_asking_which_plans_there_are_gets_what_pro_includes(converse):
    _, pro = await converse("cus_alice", "wat plans do u have", "and for pro?")
    assert "Pro ($29.00 a month), includes up to 10 apps, custom domains and email support" in pro.reply, pro.reply
    assert "NW-1003" not in pro.reply, pro.reply
