"""An unlocked account remembers the lock it had: the bridge carries it from the database to the agents,
and carol, unlocked by staff or on her own request, is told why she had been locked when she asks."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

from supportsite.conversations import bridge
from supportsite.conversations.actions import action_decide, action_unlock_by_staff
from supportsite.conversations.models import AgentAction
from supportsite.customers.models import CustomerProfile
from tests.bridge.conftest import say, start_conversation
from tests.support.llm_stub import user_document

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

CAROLS_LOCK = "Locked after five failed sign-ins."


async def _staff():
    return await get_user_model().objects.aget(username="staff")


async def test_the_bridge_carries_carols_lifted_lock_and_drops_it_when_she_is_locked_again(demo_tx):
    carol = demo_tx["carol"]
    conversation = await start_conversation(carol)
    await sync_to_async(action_unlock_by_staff)(conversation_id=conversation.id, staff_user=await _staff())
    profile = await CustomerProfile.objects.aget(pk=carol.pk)
    assert (profile.account_status, profile.locked_reason, profile.last_lock_reason) == ("active", "", CAROLS_LOCK)
    assert profile.unlocked_at is not None and profile.unlocked_on_request is False

    # Both ways the bridge reads an account: the port's compiled read and the fact from a row.
    port = bridge.AccountPortDB(carol.pk, carol.external_id)
    for fact in (await port.account(customer_id=carol.external_id),
                 await sync_to_async(bridge.account_fact)(
                     await CustomerProfile.objects.select_related("user", "plan").aget(pk=carol.pk))):
        assert (fact.status, fact.locked_reason, fact.last_lock_reason) == ("active", "", CAROLS_LOCK)
        assert fact.unlocked_at == profile.unlocked_at and fact.unlocked_on_request is False

    # Locked again, for another reason: that lock is the one the agents are given.
    await CustomerProfile.objects.filter(pk=carol.pk).aupdate(
        account_status=CustomerProfile.Status.LOCKED, locked_reason="Locked after a password spray.")
    locked = await port.account(customer_id=carol.external_id)
    assert (locked.status, locked.locked_reason) == ("locked", "Locked after a password spray.")
    assert (locked.last_lock_reason, locked.unlocked_at) == ("", None)


async def test_an_account_never_locked_has_no_lifted_lock_in_its_facts(demo_tx):
    alice = demo_tx["alice"]
    fact = await bridge.AccountPortDB(alice.pk, alice.external_id).account(customer_id=alice.external_id)
    assert (fact.status, fact.last_lock_reason, fact.unlocked_at) == ("active", "", None)


async def test_after_staff_unlock_carol_asking_why_she_was_locked_is_told_the_earlier_reason(demo_tx):
    carol = demo_tx["carol"]
    conversation = await start_conversation(carol)
    await sync_to_async(action_unlock_by_staff)(conversation_id=conversation.id, staff_user=await _staff(),
                                                note="Identity confirmed by phone.")
    unlocked_on = (await CustomerProfile.objects.aget(pk=carol.pk)).unlocked_at.date().isoformat()

    for number, question in enumerate(("why was my account locked?", "why was it locked?")):
        reply = await say(conversation, question, f"why-{number}")
        assert "isn't locked" not in reply.text, reply.text
        assert "active again" in reply.text and unlocked_on in reply.text, reply.text
        assert "locked after five failed sign-ins" in reply.text, reply.text
        # Staff unlocked it unasked: "after your request" would be untrue.
        assert "after your request" not in reply.text
        assert "I'll start the unlock" not in reply.text


async def test_after_staff_approve_the_unlock_carol_asked_for_she_is_told_it_followed_her_request(demo_tx):
    carol = demo_tx["carol"]
    conversation = await start_conversation(carol)
    await say(conversation, "my account is locked, please unlock it", "c-1")
    action = await AgentAction.objects.aget(customer=carol, kind="account_unlock")
    await sync_to_async(action_decide)(action_id=action.pk, approve=True, staff_user=await _staff())
    profile = await CustomerProfile.objects.aget(pk=carol.pk)
    assert (profile.account_status, profile.last_lock_reason, profile.unlocked_on_request) == (
        "active", CAROLS_LOCK, True)

    reply = await say(conversation, "why was my account locked?", "c-2")
    assert "active again" in reply.text and "after your request" in reply.text, reply.text
    assert "locked after five failed sign-ins" in reply.text and "isn't locked" not in reply.text


async def test_the_llm_writing_carols_reply_after_an_unlock_is_given_the_lock_that_was_lifted(demo_tx, llm_stub):
    carol = demo_tx["carol"]
    conversation = await start_conversation(carol)
    await sync_to_async(action_unlock_by_staff)(conversation_id=conversation.id, staff_user=await _staff())

    await say(conversation, "why was my account locked?", "llm-1")

    replies = llm_stub.requests_of("reply")
    assert replies, "the LLM resolver was never asked: the LLM path was not taken"
    account = user_document(replies[-1])["facts"]["account"]["account"]
    assert (account["status"], account["locked_reason"], account["last_lock_reason"]) == ("active", "", CAROLS_LOCK)
    assert account["unlocked_at"] and account["unlocked_on_request"] is False
    # The rules the model writes under name the field, so the past lock is given as past, not as "never locked".
    system = next(m["content"] for m in replies[-1]["messages"] if m["role"] == "system")
    assert "last_lock_reason" in system and "unlocked_at" in system
