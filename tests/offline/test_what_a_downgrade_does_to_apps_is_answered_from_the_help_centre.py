""""If I downgrade to free what happens to my apps?" got the customer's plan and invoice list, as did "what happens to
my apps?" after "how do I downgrade?": the help centre says when a downgrade takes effect and the plans say what the
smaller plan includes, and neither says what becomes of apps beyond it, which is said with a person offered. "Will I
lose any features if I downgrade?" was turned away as off topic (0.57), and with no plan named, a customer on Business
was told "I can't see from here what each plan includes": each plan below and what it takes away. On Free, there is no
move down to make."""

from __future__ import annotations

import pytest

from agents.follow_ups.what_becomes_of import asks_what_a_smaller_plan_keeps

WHEN = "The downgrade takes effect at the end of your current billing period"
NOT_SAID = "Our help centre doesn't say what happens to apps or data beyond what the smaller plan includes"


@pytest.mark.parametrize("message", [
    "if I downgrade to free what happens to my apps?",
    "what happens to my apps if I downgrade?",
    "will my apps be deleted if I downgrade to free?",
])
async def test_what_a_downgrade_does_to_apps_is_when_it_happens_what_free_includes_and_what_is_not_said(
        converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(WHEN), outcome.reply
    assert "Free includes one app" in outcome.reply and NOT_SAID in outcome.reply
    assert "pass you to a person" in outcome.reply and "NW-1003" not in outcome.reply


async def test_what_happens_to_my_apps_after_asking_how_to_downgrade_is_about_the_downgrade(converse):
    how, outcome = await converse("cus_alice", "how do I downgrade?", "what happens to my apps?")
    assert "Billing → Plan" in how.reply
    assert outcome.reply.startswith(WHEN) and NOT_SAID in outcome.reply, outcome.reply
    assert "NW-1003" not in outcome.reply


@pytest.mark.parametrize("message", ["will I lose any features if I downgrade?", "if I downgrade do I lose anything?"])
async def test_what_a_downgrade_takes_away_with_no_plan_named_is_each_plan_below_and_what_it_drops(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.intent.label == "billing", outcome.intent
    assert outcome.reply.startswith(
        "You're on Business ($99.00 a month). Moving to Pro, your plan would no longer have unlimited apps"), (
        outcome.reply)
    assert "moving to Free, it would also lose up to 10 apps" in outcome.reply
    assert "can't see from here" not in outcome.reply


async def test_on_the_smallest_plan_there_is_no_move_down_to_tell_of(converse):
    for message in ("will I lose any features if I downgrade?", "what happens to my apps if I downgrade?"):
        [outcome] = await converse("cus_carol", message)
        assert outcome.reply == ("You're on the Free plan, our smallest, so there's no plan to move down to: nothing "
                                 "would be taken away."), outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("do I lose anything if I downgrade?", True), ("will we lose any features?", True),
    ("could I lose something?", True), ("do I lose weight on keto?", False), ("what did I lose?", True),
])
def test_losing_anything_is_asking_what_a_smaller_plan_keeps(message, asks):
    assert asks_what_a_smaller_plan_keeps(message) is asks



async def test_what_happens_to_my_apps_after_asking_what_a_downgrade_loses_tells_what_free_includes(converse):
    # Read alone as off topic (0.36): the plans were not gathered, and what Free includes went untold.
    *_, outcome = await converse("cus_alice", "will I lose any features if I downgrade?", "what happens to my apps?")
    assert outcome.intent.label == "billing", outcome.intent
    assert "Free includes one app" in outcome.reply and NOT_SAID in outcome.reply, outcome.reply
