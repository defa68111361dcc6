"""Actions across the turns of one conversation, as customers meet them: a refund accepted once and asked for
again, an unlock asked for and then asked about. What one turn did is there in the next (the conversation keeps
its ports), and each turn is its own run, so only the agents' reading of the account stops a second request."""

from __future__ import annotations

import pytest

from tests.agents.fakes import FakePorts

ALREADY_REQUESTED = "has already been requested"
SENT_FOR_APPROVAL = "I've sent it to a member of our staff for approval"
NO_REFUND_YET = "can't find a refund request"
UNLOCK_WAITS = "already with a member of our staff"
NOT_SURE = "I don't have enough information"


def refund_references(ports: FakePorts) -> list[str]:
    return [refund.reference for refund in ports.refunds_by_key.values()]


async def test_bob_saying_yes_to_the_refund_offer_files_one_refund_pending_approval(converse):
    ports = FakePorts()
    offer, accepted = await converse("cus_bob", "what's the status of my refund?", "yes", ports=ports)
    assert NO_REFUND_YET in offer.reply and offer.actions == [], offer.reply
    [reference] = refund_references(ports)
    assert [(a.kind, a.status, a.invoice_number, a.reference) for a in accepted.actions] == [
        ("refund", "pending_approval", "NW-2002", reference)]
    assert SENT_FOR_APPROVAL in accepted.reply and reference in accepted.reply, accepted.reply


@pytest.mark.parametrize("again", ["yes", "ok do it", "yes please", "go ahead"])
async def test_accepting_the_refund_again_files_no_second_one_and_says_it_is_already_requested(converse, again):
    ports = FakePorts()
    outcomes = await converse("cus_bob", "what's the status of my refund?", again, again, again, ports=ports)
    [reference] = refund_references(ports)
    for later in outcomes[2:]:
        # The agents read the refund the earlier turn filed and ask for nothing: no second request reaches
        # the port, and the customer is told where the first one stands rather than that it was just sent.
        assert later.actions == [], later.actions
        assert ALREADY_REQUESTED in later.reply and reference in later.reply, later.reply
        assert SENT_FOR_APPROVAL not in later.reply, later.reply
    assert len(ports.refund_requests) == 1


async def test_a_refund_filed_on_the_first_message_is_not_filed_again_when_bob_says_yes(converse):
    ports = FakePorts()
    first, yes = await converse("cus_bob", "I was charged twice this month, can I get a refund?", "yes", ports=ports)
    [reference] = refund_references(ports)
    assert [a.reference for a in first.actions] == [reference]
    assert yes.actions == [] and ALREADY_REQUESTED in yes.reply and reference in yes.reply, yes.reply


@pytest.mark.parametrize("follow_up", [
    "did you refund me?",
    "what's the status of my refund?",
    "can you refund the duplicate charge on NW-2002?",
])
async def test_asking_about_the_refund_in_a_later_turn_gives_the_one_already_filed(converse, follow_up):
    ports = FakePorts()
    _, later = await converse("cus_bob", "I was charged twice this month", follow_up, ports=ports)
    [reference] = refund_references(ports)
    assert later.actions == [] and len(ports.refund_requests) == 1
    assert ALREADY_REQUESTED in later.reply and reference in later.reply, later.reply
    assert "waiting for a member of our staff to approve it" in later.reply, later.reply


@pytest.mark.parametrize(("customer", "first"), [
    ("cus_alice", "can I get a refund for NW-1002?"),  # outside the 14-day window
    ("cus_alice", "refund my failed payment NW-1003"),  # never paid
    (None, "I was charged twice, refund me"),  # a visitor: no account to act on
])
@pytest.mark.parametrize("yes", ["yes please", "ok do it"])
async def test_saying_yes_after_a_refund_was_refused_files_nothing(converse, customer, first, yes):
    ports = FakePorts()
    outcomes = await converse(customer, first, yes, ports=ports)
    assert [outcome.actions for outcome in outcomes] == [[], []]
    assert ports.refund_requests == [] and SENT_FOR_APPROVAL not in outcomes[1].reply, outcomes[1].reply
    assert "I've refunded" not in outcomes[1].reply, outcomes[1].reply


async def test_separate_conversations_share_nothing_that_was_done(converse):
    [filed] = await converse("cus_bob", "I was charged twice this month, can I get a refund?")
    [fresh] = await converse("cus_bob", "what's the status of my refund?")
    assert filed.actions and fresh.actions == []
    assert NO_REFUND_YET in fresh.reply and ALREADY_REQUESTED not in fresh.reply, fresh.reply


@pytest.mark.parametrize("follow_up", ["has it been unlocked yet?", "is my account still locked?", "please unlock it",
                                       "can you unlock my account?"])
async def test_carols_unlock_waiting_for_staff_is_said_to_wait_and_not_asked_for_again(converse, follow_up):
    # As the app does it: an unlock after failed sign-ins waits for a member of staff to confirm who she is.
    ports = FakePorts(unlocks_need_staff=True)
    asked, later = await converse("cus_carol", "please unlock my account", follow_up, ports=ports)
    assert [(a.kind, a.status) for a in asked.actions] == [("account_unlock", "pending_approval")]
    assert "It's still locked for now" in asked.reply, asked.reply
    assert later.actions == [] and ports.unlocks_waiting == ["cus_carol"]
    assert UNLOCK_WAITS in later.reply and "still locked" in later.reply, later.reply
    assert "I've unlocked" not in later.reply and "I've asked them" not in later.reply, later.reply


@pytest.mark.parametrize("follow_up", ["has it been unlocked yet?", "can I sign in now?", "unlock my account"])
async def test_carols_account_unlocked_in_one_turn_is_open_in_the_next(converse, follow_up):
    ports = FakePorts()
    asked, later = await converse("cus_carol", "please unlock my account", follow_up, ports=ports)
    assert [(a.kind, a.status) for a in asked.actions] == [("account_unlock", "completed")]
    assert "I've unlocked your account" in asked.reply, asked.reply
    assert later.actions == [] and ports.unlocked == ["cus_carol"]
    assert "active" in later.reply and "is locked" not in later.reply, later.reply


@pytest.mark.parametrize("question", ["is my account unlocked now?", "is my account unlocked?"])
async def test_asked_whether_it_is_unlocked_while_the_unlock_waits_carol_is_told_it_is_still_locked(
        converse, question):
    ports = FakePorts(unlocks_need_staff=True)
    _, later = await converse("cus_carol", "please unlock my account", question, ports=ports)
    assert later.actions == [] and ports.unlocks_waiting == ["cus_carol"]
    assert NOT_SURE not in later.reply and "still locked" in later.reply, later.reply


async def test_asked_whether_it_is_unlocked_after_the_unlock_carol_is_told_it_is_open(converse):
    ports = FakePorts()
    asked, later = await converse("cus_carol", "please unlock my account", "is my account unlocked now?", ports=ports)
    assert [a.status for a in asked.actions] == ["completed"]
    assert "active" in later.reply and NOT_SURE not in later.reply, later.reply


@pytest.mark.parametrize("accepting", ["yes, please", "yes, go ahead", "sure, go ahead", "alright, go ahead",
                                       "absolutely!", "sure thing"])
async def test_accepting_the_refund_offer_with_a_comma_files_the_refund(converse, accepting):
    ports = FakePorts()
    _, accepted = await converse("cus_bob", "what's the status of my refund?", accepting, ports=ports)
    [reference] = refund_references(ports)
    assert [a.reference for a in accepted.actions] == [reference]
    assert SENT_FOR_APPROVAL in accepted.reply, accepted.reply
