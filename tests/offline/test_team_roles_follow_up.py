""""What can they do?" right after "how do I add a teammate?" asks what the people just named may do: it is
answered from the help centre's entry on team members (the roles a member is given), not from the plans price
list whose words it happens to share, and what that entry doesn't say is offered to a person, not guessed."""

from __future__ import annotations

import pytest

TEAM_ENTRY = "Go to **Settings → Team → Invite**, enter your colleague's email and pick a role."
PLANS_ENTRY = "We have three plans"
NOT_SAID = "It doesn't say what each role lets a member see or do"


@pytest.mark.parametrize("customer", ["cus_bob", "cus_alice"])
async def test_what_they_can_do_after_adding_a_teammate_quotes_the_team_entry_and_offers_a_person(converse, customer):
    _, outcome = await converse(customer, "how do i add a teammate", "what can they do?")
    assert outcome.route == "resolver" and outcome.intent.label == "account", (outcome.route, outcome.intent)
    assert outcome.reply.startswith("Here's what our help centre says about team members:"), outcome.reply
    assert TEAM_ENTRY in outcome.reply and PLANS_ENTRY not in outcome.reply, outcome.reply
    assert NOT_SAID in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply
    assert outcome.handoff_reason is None
    assert [s.title for s in outcome.sources if s.kind == "faq"] == ["How do I add team members?"], outcome.sources


async def test_the_team_entry_found_for_the_question_before_never_reaches_the_faq_shortcut(converse):
    _, outcome = await converse("cus_bob", "how do i add a teammate", "what can they do?")
    faq = outcome.summary["faq"]
    assert faq["question"] == "How do I add team members?" and faq["score"] < 0.3 and not faq["used"], faq
