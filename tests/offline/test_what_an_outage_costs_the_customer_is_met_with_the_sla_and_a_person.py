""""This is costing me money" right after the open incident was told got the invoice list (read as a refund question
at 0.75), and "we are losing customers because of this" the incident's status again. What an outage costs the
customer is met with sorry, where the incident stands, the uptime SLA's service credits for their plan, and a
person offered."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.service import reports_what_the_outage_costs
from tests.offline.test_sla_questions_by_plan import SLA_FIGURE

DOWN = "my app is down!!"


@pytest.mark.parametrize("loss", ["this is costing me money", "we are losing customers because of this",
                                  "we've lost sales all morning"])
async def test_a_pro_customer_is_told_their_plan_earns_no_credits_and_offered_a_person(converse, loss):
    _, outcome = await converse("cus_alice", DOWN, loss)
    assert outcome.intent.label == "technical", outcome.intent
    assert outcome.reply.startswith("I'm sorry this is costing you."), outcome.reply
    assert "“Elevated API error rates in eu-west” is still open" in outcome.reply
    assert SLA_FIGURE in outcome.reply and "which has no SLA" in outcome.reply
    assert "pass you to a person" in outcome.reply and "NW-1003" not in outcome.reply
    assert {s.kind for s in outcome.sources} >= {"incident", "faq"}


async def test_a_business_customers_claim_is_for_a_person_to_weigh(converse):
    _, outcome = await converse("cus_bob", DOWN, "this is costing us money")
    assert "You're on the Business plan. Whether an outage earns credits is for a person" in outcome.reply, \
        outcome.reply


async def test_costing_money_with_no_outage_told_before_is_not_read_as_one(converse):
    [outcome] = await converse("cus_alice", "this is costing me money")
    assert "I'm sorry this is costing you." not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "cited", "reports"), [
    ("this is costing me money", ["incident"], True), ("we're losing customers", ["incident", "article"], True),
    ("this is costing me money", ["article"], False), ("how much does pro cost me?", ["incident"], False),
    ("I lost my phone", ["incident"], False),
])
def test_what_the_outage_costs_them_is_read_only_after_an_incident(message, cited, reports):
    ctx = SupportContext(conversation_id="c", run_id="r", message=message,
                         history=[HistoryTurn(role="user", text=DOWN), HistoryTurn(role="assistant", text="…", cited=cited)])
    assert reports_what_the_outage_costs(ctx) is reports
