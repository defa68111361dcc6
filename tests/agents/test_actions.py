"""Sensitive actions: the approval limit, idempotency, and never for another customer."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from agents.facts import AccountFact
from agents.outcome import Draft, ProposedAction
from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import ACCOUNTS, FakePorts, Harness, ctx_for, intent, offline


def refund_writer(text: str, invoice: str, amount: str) -> ScriptedProvider:
    draft = Draft(text=text, actions=[ProposedAction(kind="refund", invoice_number=invoice, amount=Decimal(amount),
                                                     reason="customer asked")])
    return ScriptedProvider(name="openai", model="gpt-test", intents=[intent("refund", 0.93)], replies=[draft])


async def test_duplicate_charge_of_99_dollars_is_stored_pending_approval_and_the_customer_is_told():
    harness = Harness(provider=refund_writer("You were charged twice for NW-2002.", "NW-2002", "99.00"),
                      fallback=offline())
    outcome = await harness.run(ctx_for("I was charged twice this month, refund the duplicate", customer="cus_bob"))
    assert [(a.kind, a.status, a.invoice_number, a.amount) for a in outcome.actions] == [
        ("refund", "pending_approval", "NW-2002", Decimal("99.00"))]
    request = harness.ports.refund_requests[0]
    assert request["customer_id"] == "cus_bob" and request["needs_approval"] is True
    assert "sent it to a member of our staff for approval" in outcome.reply
    assert "hasn't been refunded yet" in outcome.reply
    assert outcome.handoff_reason == "policy_needs_approval"
    assert "refund NW-2002 $99.00 pending_approval" in outcome.handoff_summary


async def test_refund_within_the_agents_limit_is_completed():
    # On 2026-10-05 alice's $29.00 NW-1002 (paid 2026-10-01) is inside the 14-day window.
    harness = Harness(provider=refund_writer("NW-1002 is within the refund window.", "NW-1002", "29.00"),
                      fallback=offline())
    outcome = await harness.run(ctx_for("please refund my last invoice", today="2026-10-05"))
    assert [(a.status, a.invoice_number) for a in outcome.actions] == [("completed", "NW-1002")]
    assert harness.ports.refund_requests[0]["needs_approval"] is False
    assert "I've refunded $29.00 for invoice NW-1002" in outcome.reply
    assert outcome.handoff_reason is None


async def test_the_amount_refunded_comes_from_the_facts_not_from_the_model():
    harness = Harness(provider=refund_writer("NW-1002 is within the refund window.", "NW-1002", "5000"),
                      fallback=offline())
    outcome = await harness.run(ctx_for("refund my last invoice", today="2026-10-05"))
    assert harness.ports.refund_requests[0]["amount"] == Decimal("29.00")
    assert outcome.actions[0].amount == Decimal("29.00")


async def test_a_retried_run_reaches_the_port_with_the_same_request_key_and_refunds_once():
    harness = Harness(provider=refund_writer("You were charged twice for NW-2002.", "NW-2002", "99.00"),
                      fallback=offline())
    ctx = ctx_for("refund the duplicate charge", customer="cus_bob", run_id="run-42")
    # The same run picked up again while its first execution still goes (its process looked dead): both read
    # the account before either files, so only the request key stands between them and a second refund.
    # (Run one after the other, the second reads the refund the first filed and asks for nothing.)
    first, second = await asyncio.gather(harness.run(ctx), harness.run(ctx))
    keys = [r["request_key"] for r in harness.ports.refund_requests]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert len(harness.ports.refunds_by_key) == 1
    assert first.actions[0].reference == second.actions[0].reference


async def test_the_same_action_proposed_twice_in_one_draft_is_carried_out_once():
    action = ProposedAction(kind="refund", invoice_number="NW-2002", amount=Decimal("99.00"))
    provider = ScriptedProvider(name="openai", intents=[intent("refund", 0.9)],
                                replies=[Draft(text="Duplicate on NW-2002.", actions=[action, action])])
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("refund the duplicate", customer="cus_bob"))
    assert len(outcome.actions) == 1 and len(harness.ports.refund_requests) == 1


async def test_a_refund_already_requested_is_not_requested_again():
    from agents.facts import RefundFact

    harness = Harness(provider=refund_writer("Your NW-2002 duplicate is being looked at.", "NW-2002", "99.00"),
                      fallback=offline())
    harness.ports.existing_refunds["cus_bob"] = [RefundFact(reference="RF-0001", invoice_number="NW-2002",
                                                            amount=Decimal("99.00"), status="pending_approval",
                                                            reason="duplicate_charge")]
    outcome = await harness.run(ctx_for("refund the duplicate again", customer="cus_bob"))
    assert harness.ports.refund_requests == []
    assert outcome.actions == []


async def test_a_refund_of_another_customers_invoice_is_never_carried_out():
    # alice's session, a draft proposing bob's NW-2002: the port is never asked.
    harness = Harness(provider=refund_writer("Refunding NW-2002 now.", "NW-2002", "99.00"), fallback=offline())
    outcome = await harness.run(ctx_for("refund invoice NW-2002 for bob@example.com"))
    assert harness.ports.refund_requests == []
    assert outcome.actions == []
    assert harness.ports.customer_ids_seen() == {"cus_alice"}
    assert "NW-2002" not in outcome.reply


async def test_a_refund_outside_the_policy_is_not_carried_out():
    harness = Harness(provider=refund_writer("NW-1001 is old.", "NW-1001", "29.00"), fallback=offline())
    outcome = await harness.run(ctx_for("refund my september invoice"))
    assert harness.ports.refund_requests == []
    assert any("outside_window" in r for r in outcome.summary["critic_rounds"][0]["reasons"])


async def test_locked_account_is_unlocked_through_the_action_port():
    draft = Draft(text="Your account was locked after five failed sign-ins.",
                  actions=[ProposedAction(kind="account_unlock")])
    provider = ScriptedProvider(name="openai", intents=[intent("account", 0.9)], replies=[draft])
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("I'm locked out", customer="cus_carol"))
    assert harness.ports.unlocked == ["cus_carol"]
    assert outcome.actions[0].kind == "account_unlock" and outcome.actions[0].status == "completed"
    assert "I've unlocked your account" in outcome.reply


@pytest.mark.parametrize("state", [{"unlock_declined": True, "unlock_declined_note": "identity not confirmed"},
                                   {"unlock_pending": True}])
async def test_an_unlock_staff_declined_or_still_to_decide_is_not_requested_again_whoever_proposes_it(monkeypatch, state):
    from tests.agents import fakes

    monkeypatch.setitem(fakes.ACCOUNTS, "cus_carol", fakes.ACCOUNTS["cus_carol"].model_copy(update=state))
    draft = Draft(text="Your account was locked after five failed sign-ins.",
                  actions=[ProposedAction(kind="account_unlock")])
    provider = ScriptedProvider(name="openai", intents=[intent("account", 0.9)], replies=[draft, draft])
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("please unlock my account", customer="cus_carol"))
    assert harness.ports.unlocked == [] and outcome.actions == []
    assert any("declined" in r or "already waits" in r for r in outcome.summary["critic_rounds"][0]["reasons"])


async def test_anonymous_visitor_can_trigger_no_action():
    harness = Harness(provider=refund_writer("Refunding.", "NW-2002", "99.00"), fallback=offline())
    outcome = await harness.run(ctx_for("refund NW-2002", customer=None))
    assert outcome.actions == [] and harness.ports.refund_requests == []


async def test_a_failing_action_port_is_recorded_and_handed_to_a_person():
    harness = Harness(provider=refund_writer("NW-1002 is within the window.", "NW-1002", "29.00"),
                      fallback=offline())
    harness.ports.fail.add("refund_request")
    outcome = await harness.run(ctx_for("refund my last invoice", today="2026-10-05"))
    assert outcome.actions[0].status == "failed"
    assert outcome.handoff_reason == "tool_failure"
    assert "couldn't record the refund" in outcome.reply


async def test_a_refund_above_the_limit_is_said_to_need_staff_approval_exactly_once():
    from agents.providers.offline import OfflineProvider

    local = OfflineProvider()
    harness = Harness(provider=local, fallback=local)  # type: ignore[arg-type]
    outcome = await harness.run(ctx_for("I was charged twice this month, can I get a refund?", customer="cus_bob"))
    assert [(a.status, a.invoice_number) for a in outcome.actions] == [("pending_approval", "NW-2002")]
    assert outcome.reply.count("staff") == 1, outcome.reply
    assert outcome.reply.count("$50.00") == 1, outcome.reply
    assert "sent it to a member of our staff for approval" in outcome.reply


async def test_an_unlock_the_port_holds_for_staff_is_reported_as_pending_not_as_a_failure():
    class HoldingPorts(FakePorts):
        async def account_unlock(self, *, customer_id: str, request_key: str) -> AccountFact:
            await super().account_unlock(customer_id=customer_id, request_key=request_key)
            return ACCOUNTS[customer_id]  # still locked: the app keeps unlocks for a staff member to confirm

    draft = Draft(text="Your account was locked after five failed sign-ins.",
                  actions=[ProposedAction(kind="account_unlock")])
    provider = ScriptedProvider(name="openai", intents=[intent("account", 0.9)], replies=[draft])
    harness = Harness(provider=provider, fallback=offline(), ports=HoldingPorts())
    outcome = await harness.run(ctx_for("I'm locked out", customer="cus_carol"))
    assert [(a.kind, a.status) for a in outcome.actions] == [("account_unlock", "pending_approval")]
    assert "asked them to do it" in outcome.reply and "I've unlocked" not in outcome.reply
    assert "couldn't unlock" not in outcome.reply
    assert outcome.handoff_reason == "policy_needs_approval"


@pytest.mark.parametrize("message", ["dont unlock my account", "someone else knows my password, keep it locked"])
async def test_an_unlock_its_owner_refused_or_an_attack_reported_is_refused_whoever_proposes_it(message):
    # An LLM writer proposing the unlock anyway (talked into it, or misreading "unlock") is stopped by the guard.
    draft = Draft(text="Your account was locked after five failed sign-ins.",
                  actions=[ProposedAction(kind="account_unlock")])
    provider = ScriptedProvider(name="openai", intents=[intent("account", 0.9)], replies=[draft, draft])
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert harness.ports.unlocked == [] and outcome.actions == []
    assert any("wants kept locked" in r for r in outcome.summary["critic_rounds"][0]["reasons"])


async def test_a_refund_the_customer_said_they_dont_want_is_refused_whoever_proposes_it():
    provider = ScriptedProvider(name="openai", intents=[intent("refund", 0.93)], replies=[
        Draft(text="You were charged twice for NW-2002.", actions=[ProposedAction(
            kind="refund", invoice_number="NW-2002", amount=Decimal("99.00"), reason="duplicate")])] * 2)
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("i dont want a refund, just tell me why i was charged twice",
                                        customer="cus_bob"))
    assert harness.ports.refund_requests == [] and outcome.actions == []
    assert any("don't want" in r for r in outcome.summary["critic_rounds"][0]["reasons"])
