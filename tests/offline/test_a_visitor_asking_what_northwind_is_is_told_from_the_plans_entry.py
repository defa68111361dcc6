"""A visitor's "what is northwind?" got "I don't have enough information": the help centre's entry on the plans,
gathered for it, shows what the service is (plans for running apps), so that is said, with the entry quoted and what
this assistant helps with."""

from __future__ import annotations

import pytest

from agents.providers.offline.text import normalise
from agents.providers.offline.writer import ASKS_WHAT_WE_ARE

WHAT_WE_ARE = "Northwind Cloud is a service for running your apps, with Free, Pro and Business plans."
PLANS_ENTRY = "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month."


@pytest.mark.parametrize("message", ["what is northwind?", "What is Northwind Cloud?", "hi, what's northwind"])
async def test_what_northwind_is_is_answered_from_the_plans_entry(converse, message):
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith(WHAT_WE_ARE) and PLANS_ENTRY in outcome.reply, outcome.reply
    assert "I don't have enough information" not in outcome.reply, outcome.reply
    assert any(source.kind == "faq" for source in outcome.sources), outcome.sources


async def test_a_question_about_one_of_northwinds_policies_is_not_told_what_northwind_is(converse):
    # Near miss: "what is northwind's refund policy?" asks about refunds.
    (outcome,) = await converse(None, "what is northwind's refund policy?")
    assert WHAT_WE_ARE not in outcome.reply and "refunded within 14 days" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("what is northwind?", True),
    ("what does northwind do?", True),
    ("what is northwind's refund policy?", False),
    ("what do you do about refunds?", False),
    ("what is northwind status page", False),
])
def test_only_a_question_about_the_service_itself_reads_as_asking_what_it_is(message, asks):
    assert bool(ASKS_WHAT_WE_ARE.search(normalise(message))) is asks, message
