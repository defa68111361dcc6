"""The context workers hand the writers what a reply needs: the plan and the sums, and for a follow-up
the articles and incident of the question it follows."""

from __future__ import annotations

from agents.providers.scripted import ScriptedProvider
from agents.workers.billing import billing_totals
from tests.agents.fakes import INVOICES, PAYMENTS, Harness, ctx_for, intent, offline


def test_totals_count_every_successful_charge_and_what_is_unpaid():
    alice = billing_totals(INVOICES["cus_alice"], PAYMENTS["cus_alice"], [])
    assert alice == {"paid": "58.00", "payments_succeeded": 2, "first_payment_on": "2026-09-01",
                     "paid_back": "0", "outstanding": "29.00"}
    # Bob's duplicate was a real charge until it is paid back.
    assert billing_totals(INVOICES["cus_bob"], PAYMENTS["cus_bob"], [])["paid"] == "297.00"
    assert billing_totals([], [], []) == {"paid": "0", "payments_succeeded": 0, "first_payment_on": None,
                                          "paid_back": "0", "outstanding": "0"}


async def test_the_writer_gets_the_subscription_and_the_totals_with_the_invoices():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)],
                                replies=["Your plan renews on 2026-12-15."])
    harness = Harness(provider=provider, fallback=offline())
    await harness.run(ctx_for("when is my next payment due?", customer="cus_bob"))
    [call] = provider.calls_of("write_reply")
    billing = call.facts["billing"]
    assert billing["subscription"] == {"plan": "Business", "price_monthly": "99.00", "status": "active",
                                       "started_on": "2026-08-01", "renews_on": "2026-12-15"}
    assert billing["totals"]["paid"] == "297.00" and billing["totals"]["outstanding"] == "0"
    assert ("subscription", "cus_bob") in harness.ports.calls


async def test_the_technical_worker_searches_a_follow_up_with_the_question_it_follows():
    from agents.context import HistoryTurn

    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("technical", 0.9)],
                                replies=["Still being worked on."])
    harness = Harness(provider=provider, fallback=offline())
    follow_up = ctx_for("is it fixed yet?", customer="cus_bob")
    follow_up.history = [HistoryTurn(role="user", text="my app in eu-west returns 503"),
                         HistoryTurn(role="assistant", text="There's an active incident in eu-west.")]
    await harness.run(follow_up)
    [call] = provider.calls_of("write_reply")
    assert call.facts["technical"]["incident"]["regions"] == ["eu-west"]
    # Alone, the same words name no region or component: no incident is picked.
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("technical", 0.9)], replies=["?"])
    await Harness(provider=provider, fallback=offline()).run(ctx_for("is it fixed yet?", customer="cus_bob"))
    assert provider.calls_of("write_reply")[0].facts["technical"]["incident"] is None
