""""How do I add a teammate as admin?" and "can I remove a team member?" scored the help centre's team entry low
(0.05), and got only "Your account (alice) is active, on the Pro plan." and "I don't have enough information". The
team entry says how to invite, picking a role; removal it does not describe, which is said plainly, with what else
it says about team members (not its invite steps, which would read as the way to remove) and a person offered."""

from __future__ import annotations

import pytest

from agents.own_data import asks_to_give_a_role

INVITE_STEPS = "Go to **Settings → Team → Invite**, enter your colleague's email and pick a role."
NOT_SURE = "I don't have enough information"
STATUS = "is active, on the"


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", None])
async def test_adding_a_teammate_as_admin_gets_the_invite_steps_without_the_accounts_status(converse, customer):
    (outcome,) = await converse(customer, "how do i add a teammate as admin?")
    assert INVITE_STEPS in outcome.reply, outcome.reply
    assert NOT_SURE not in outcome.reply and STATUS not in outcome.reply, outcome.reply
    assert "I think you're asking about" not in outcome.reply, outcome.reply
    assert "How do I add team members?" in {s.title for s in outcome.sources}


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob"])
async def test_removing_a_team_member_is_said_not_to_be_described_with_the_team_entry_and_a_person_offered(
        converse, customer):
    (outcome,) = await converse(customer, "can i remove a team member?")
    assert "only describes adding team members, not removing them" in outcome.reply, outcome.reply
    assert "Free and Pro accounts can invite up to 3 members" in outcome.reply, outcome.reply
    # The invite steps quoted here would read as the way to remove someone.
    assert INVITE_STEPS not in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply
    assert NOT_SURE not in outcome.reply and STATUS not in outcome.reply, outcome.reply


async def test_a_locked_account_asking_to_add_a_teammate_is_still_told_to_unlock_first(converse):
    (outcome,) = await converse("cus_carol", "how do i add a teammate as admin?")
    assert "is locked" in outcome.reply and INVITE_STEPS in outcome.reply, outcome.reply
    assert "unlocked first" in outcome.reply, outcome.reply


async def test_removing_a_card_or_adding_a_domain_is_not_read_as_a_team_question(converse):
    # Near misses: something is added or removed, but no one on the team is named.
    for message in ("how do i remove my card?", "how do i add a custom domain?"):
        (outcome,) = await converse("cus_alice", message)
        assert INVITE_STEPS not in outcome.reply and "not removing them" not in outcome.reply, outcome.reply


async def test_what_team_members_may_see_is_still_answered_as_before(converse):
    # Near miss: what members may do, not adding or removing one.
    (outcome,) = await converse("cus_alice", "can team members see billing?")
    assert "not removing them" not in outcome.reply, outcome.reply
    assert "whether a member can see your billing" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", [
    "make my colleague an admin", "can you make my teammate an owner?", "promote my coworker to admin",
    "please make my team member a viewer",
    # Named, or the customer themselves: "promote dana to admin" was technical (0.37) with no guide, "make me an
    # admin" off topic (0.74), "how do I make someone an admin?" off topic too.
    "promote dana to admin", "make me an admin", "how do I make someone an admin?",
])
async def test_giving_someone_a_role_gets_the_invite_steps_as_what_they_are_and_a_person_offered(converse, message):
    # "Make my colleague an admin" got "I don't have enough information": the team entry gives a role as picked when
    # inviting, and says nothing of changing the role of someone already on the team.
    (outcome,) = await converse("cus_alice", message)
    assert "describes picking a role when you invite someone to your team" in outcome.reply, outcome.reply
    assert INVITE_STEPS in outcome.reply, outcome.reply
    assert "doesn't say how to change the role of someone who is already on the team" in outcome.reply, outcome.reply
    assert NOT_SURE not in outcome.reply and STATUS not in outcome.reply, outcome.reply
    assert "How do I add team members?" in {s.title for s in outcome.sources}


async def test_a_yes_after_the_role_question_hands_the_conversation_to_a_person(converse):
    _, outcome = await converse("cus_alice", "make my colleague an admin", "yes please")
    assert outcome.route == "handoff", outcome.reply


async def test_making_a_payment_or_an_app_is_not_read_as_giving_someone_a_role(converse):
    for message in ("how do i make a payment?", "make my app faster"):
        (outcome,) = await converse("cus_alice", message)
        assert "change the role of someone" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "gives_a_role"), [
    ("promote dana to admin", True), ("make me an admin", True), ("can you make Sam an owner?", True),
    ("make my colleague an admin", True), ("make sure my admin settings are right", False),
    ("make the admin page faster", False), ("make it an owner", False), ("who is the owner of my account?", False),
])
def test_a_role_is_asked_for_someone_only_when_a_role_is_given(message, gives_a_role):
    assert asks_to_give_a_role(message) is gives_a_role


@pytest.mark.parametrize("customer", ["cus_alice", "cus_carol"])
async def test_inviting_someone_gets_the_team_entry_not_how_to_reach_a_person(converse, customer):
    # "How do I invite someone?" got the entry on talking to a person ("someone"), hedged as a guess.
    (outcome,) = await converse(customer, "how do I invite someone?")
    assert INVITE_STEPS in outcome.reply and "How do I talk to a person?" not in outcome.reply, outcome.reply
