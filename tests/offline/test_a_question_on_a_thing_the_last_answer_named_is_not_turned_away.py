""""How much credit would I get?" after the SLA's "service credits if we miss it" was turned away as off topic (0.60):
nothing in it points back, but it asks after a thing the last answer named, which is ours; a person is offered where
the help centre says no more. A plan's name or a verb shared with the answer is no such thing ("tell me a joke about
the business", "where do i add VAT" after "Add domain")."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.providers.offline.reply_base import echoes_the_last_answer

SLA = ("The Business plan comes with a 99.95% monthly uptime SLA, with service credits if we miss it. Free and Pro "
       "have no SLA, though they run on the same infrastructure.")
SCOPE = "I can only help with your Northwind account"


async def test_a_question_on_the_credits_the_sla_answer_named_is_answered_not_turned_away(converse):
    answer, outcome = await converse("cus_bob", "do you have an uptime guarantee?", "how much credit would I get?")
    assert "service credits" in answer.reply
    assert SCOPE not in outcome.reply and outcome.intent.label != "out_of_scope", outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("message", "echoes"), [
    ("how much credit would I get?", True), ("tell me a joke about the business", False),
    ("what is the weather in dublin?", False), ("is the same true for netflix?", False)])
def test_only_a_thing_the_answer_named_makes_a_message_a_follow_up_on_it(message, echoes):
    ctx = SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
        HistoryTurn(role="user", text="do you have an uptime guarantee?"), HistoryTurn(role="assistant", text=SLA)])
    assert echoes_the_last_answer(ctx) is echoes


async def test_an_off_topic_question_after_an_answer_is_still_turned_away(converse):
    _, outcome = await converse("cus_bob", "do you have an uptime guarantee?", "tell me a joke about the business")
    assert SCOPE in outcome.reply, outcome.reply
