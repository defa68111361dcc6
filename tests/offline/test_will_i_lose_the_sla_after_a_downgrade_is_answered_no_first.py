""""Will I lose the SLA?" after asking what a downgrade from Pro to Free loses: the help centre says Free and Pro
have no SLA, so the plain answer (No: the move doesn't change that) comes before the quote it rests on; from Business
to Pro, it is Yes (Business has it, Pro has none)."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_cancellation import ASKS_IF_LOST


async def test_losing_the_sla_on_a_move_from_pro_to_free_is_answered_no_first(converse):
    _, outcome = await converse("cus_alice", "what do i lose if i downgrade to free", "will i lose the SLA")
    assert outcome.reply.startswith("No: our help centre says the same of Free as of Pro"), outcome.reply
    assert "Free and Pro have no SLA" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("will i lose the SLA", True),
    ("would we loose our custom domain?", True),
    # Near misses: asked the other way round, or about something lost already.
    ("will my custom domain still work?", False),
    ("i lost my phone", False),
])
def test_only_a_question_about_losing_something_is_answered_no_for_kept(message, asks):
    assert bool(ASKS_IF_LOST.search(message)) is asks


async def test_losing_the_sla_on_a_move_from_business_to_pro_is_answered_yes_first(converse):
    # "The Business plan comes with a … SLA. Free and Pro have no SLA": the clause on Pro denies what Business has.
    _, outcome = await converse("cus_bob", "i want to downgrade to pro", "will i lose the SLA")
    assert outcome.reply.startswith("Yes: our help centre says Business has it and Pro doesn't"), outcome.reply
    assert "99.95% monthly uptime SLA" in outcome.reply, outcome.reply
