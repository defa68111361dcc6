""""Why can't I add a custom domain?" from a customer on Free got the custom-domains guide's steps, which can never work
on Free: custom domains come with Pro and above. The plan lacking it, and which plan has it, is the answer; a customer
whose plan has it still gets the guide."""

from __future__ import annotations

import pytest

from agents.own_data import reports_cannot_add_or_use

LACKS = "No: custom domains aren’t part of your plan, Free"


async def test_a_free_customer_who_cant_add_a_custom_domain_is_told_the_plan_lacks_it(converse):
    (outcome,) = await converse("cus_carol", "why can't I add a custom domain?")
    assert outcome.reply.startswith(LACKS) and "They come with Pro" in outcome.reply, outcome.reply
    assert "Add domain" not in outcome.reply, outcome.reply


async def test_a_customer_whose_plan_has_it_gets_the_guide(converse):
    (outcome,) = await converse("cus_alice", "why can't I add a custom domain?")
    assert LACKS[:20] not in outcome.reply and "Custom domains and DNS" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "reports"), [
    ("why can't I add a custom domain?", True), ("I'm unable to invite more members", True),
    ("it won't let me add a domain", True), ("I can't sign in", False), ("can I add a custom domain?", False),
])
def test_something_the_customer_cannot_add_or_use_is_told_from_other_cannots(message, reports):
    assert reports_cannot_add_or_use(message) is reports
