""""How do I download all my invoices?" got the list of invoices and no how-to: "all" made the data export's entry
outscore the one on invoices, and the list answered nothing of how. The invoices entry now follows the list whenever
the message asks how."""

from __future__ import annotations

import pytest

HOW = "How to do it: All your invoices are under **Billing → Invoices**, where you can download each one as a PDF."


@pytest.mark.parametrize("message", ["how do I download all my invoices?", "how do i get my invoices?",
                                     "how can I download every invoice as pdf"])
async def test_asking_how_to_get_the_invoices_gets_the_list_and_the_how_to_once(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "Here are your most recent invoices:" in outcome.reply and "NW-2002" in outcome.reply, outcome.reply
    assert outcome.reply.count(HOW) == 1, outcome.reply
    assert "export" not in outcome.reply.lower(), outcome.reply


async def test_asking_only_to_see_them_gets_the_list_without_the_how_to(converse):
    (outcome,) = await converse("cus_bob", "show me my invoices")
    assert "Here are your most recent invoices:" in outcome.reply and HOW not in outcome.reply, outcome.reply
