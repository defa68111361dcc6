"""The context workers hand the writers what a reply needs: the plan, the plans on sale and the sums, and for a
the articles and incident of the question it follows."""

from __future__ import annotations

from agents.providers.scripted import ScriptedProvider
from agents.workers.billing import billing_totals
from tests.agents.fakes import INVOICES, PAYMENTS, FakeKb, FakePorts, Harness, ctx_for, intent, offline


def test_totals_count_every_successful_charge_and_what_is_unpaid():
    alice = billing_totals(INVOICES["cus_alice"], PAYMENTS["cus_alice"], [])
    assert alice == {"paid": "58.00", "payments_succeeded": 2, "first_payment_on": "2026-09-01",
                     "paid_back": "0", "outstanding": "29.00",
                     # November's payment failed: no month of it, and not in the year's sum.
                     "paid_by_period": {"2026": {"paid": "58.00", "payments": 2},
                                        "2026-09": {"paid": "29.00", "payments": 1},
                                        "2026-10": {"paid": "29.00", "payments": 1}}}
    # Bob's duplicate was a real charge until it is paid back.
    bob = billing_totals(INVOICES["cus_bob"], PAYMENTS["cus_bob"], [])
    assert bob["paid"] == "297.00" and bob["paid_by_period"]["2026-11"] == {"paid": "198.00", "payments": 2}
    assert billing_totals([], [], []) == {"paid": "0", "payments_succeeded": 0, "first_payment_on": None,
                                          "paid_back": "0", "outstanding": "0", "paid_by_period": {}}


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
    # Alone, such words name no region or component: no incident is picked. ("Is it fixed yet?" itself, to open a chat,
    # is asked what is meant before any worker runs: tests/offline, the twenty-third walk.)
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("technical", 0.9)], replies=["?"])
    await Harness(provider=provider, fallback=offline()).run(ctx_for("has it been fixed yet?", customer="cus_bob"))
    assert provider.calls_of("write_reply")[0].facts["technical"]["incident"] is None


async def test_the_writer_gets_the_plans_on_sale_cheapest_first_with_the_customers_billing_facts():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)],
                                replies=["The next plan up is Business, at $99.00 a month."])
    harness = Harness(provider=provider, fallback=offline())
    harness.ports.plan_catalogue.reverse()  # whatever order the port gives them in
    outcome = await harness.run(ctx_for("how much is the next tier?"))
    plans = provider.calls_of("write_reply")[0].facts["billing"]["plans"]
    assert [(p["name"], p["price_monthly"]) for p in plans] == [("Free", "0.00"), ("Pro", "29.00"),
                                                                 ("Business", "99.00")]
    assert plans[1]["description"] == "Up to 10 apps, custom domains, email support."
    # One port call, traced as a tool step like the other look-ups, naming no customer: the catalogue is public.
    assert harness.ports.calls.count(("plans", "")) == 1
    assert [s.name for s in outcome.steps if s.kind == "tool"].count("billing.plans") == 1


async def test_a_visitors_billing_question_reads_the_plans_on_sale_and_nothing_of_anyones_account():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)],
                                replies=["Pro is $29 a month."])
    harness = Harness(provider=provider, fallback=offline())
    await harness.run(ctx_for("how much is the next tier?", customer=None))
    billing = provider.calls_of("write_reply")[0].facts["billing"]
    assert list(billing) == ["plans"]  # no invoices, payments, card, refunds or subscription: nobody's
    assert [p["name"] for p in billing["plans"]] == ["Free", "Pro", "Business"]
    assert harness.ports.calls.count(("plans", "")) == 1
    assert harness.ports.customer_ids_seen() == set()


async def test_a_visitor_whose_plans_cannot_be_read_is_answered_without_them_not_handed_off():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)],
                                replies=["Our plans are listed in the help centre."])
    harness = Harness(provider=provider, fallback=offline())
    harness.ports.fail.add("plans")
    outcome = await harness.run(ctx_for("how much is the next tier?", customer=None))
    assert outcome.route != "handoff"
    assert "billing" not in provider.calls_of("write_reply")[0].facts
    assert outcome.summary["workers"]["billing"]["status"] == "partial"


async def test_a_technical_question_about_the_customers_plan_also_gathers_the_billing_facts():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("technical", 0.9)],
                                replies=["Yes, Pro includes custom domains."])
    harness = Harness(provider=provider, fallback=offline())
    await harness.run(ctx_for("is a custom domain included in my plan?"))
    facts = provider.calls_of("write_reply")[0].facts
    assert set(facts) >= {"technical", "billing"}
    assert [p["name"] for p in facts["billing"]["plans"]] == ["Free", "Pro", "Business"]


async def test_a_technical_question_that_names_no_plan_gathers_no_billing_facts():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("technical", 0.9)],
                                replies=["Add a CNAME record."])
    harness = Harness(provider=provider, fallback=offline())
    await harness.run(ctx_for("how do I point my custom domain at my app?"))
    assert "billing" not in provider.calls_of("write_reply")[0].facts
    assert [method for method, _ in harness.ports.calls if method in ("plans", "invoices")] == []


async def test_when_the_plans_cannot_be_read_the_customers_billing_facts_still_reach_the_writer():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)],
                                replies=["Invoice NW-1003 failed."])
    harness = Harness(provider=provider, fallback=offline())
    harness.ports.fail.add("plans")
    outcome = await harness.run(ctx_for("why did my last payment fail?"))
    billing = provider.calls_of("write_reply")[0].facts["billing"]
    assert billing["plans"] == [] and [i["number"] for i in billing["invoices"]] == ["NW-1001", "NW-1002", "NW-1003"]
    assert outcome.summary["workers"]["billing"]["status"] == "partial"


async def test_the_technical_worker_searches_while_its_incident_look_up_is_under_way():
    # The look-up goes to a database thread in the app; the search, on the event loop, runs meanwhile
    # rather than before the look-up has been asked for.
    ports = FakePorts()

    class KbThatSeesTheLookUp(FakeKb):
        def __init__(self) -> None:
            self.asked_before_search: list[bool] = []

        def search(self, text: str, *, k: int = 3):
            self.asked_before_search.append(("active_incidents", "") in ports.calls)
            return super().search(text, k=k)

    kb = KbThatSeesTheLookUp()
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("technical", 0.9)],
                                replies=["Back off and retry."])
    await Harness(provider=provider, fallback=offline(), ports=ports, kb=kb).run(ctx_for("API returns 429"))
    assert kb.asked_before_search and all(kb.asked_before_search)
