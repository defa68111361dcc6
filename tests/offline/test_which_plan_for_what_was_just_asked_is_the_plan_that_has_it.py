""""Which plan do I need for that?" after "why can't I add a custom domain?" got the domains guide's steps, and "how much
would it cost to get it?" every plan's price after "You're on the Free plan". Each asks which plan has what the question
before asked about, and what it costs."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.plans import asked_which_plan_for


@pytest.mark.parametrize(("question", "follow_up", "told"), [
    ("why can't I add a custom domain?", "which plan do I need for that?", "Custom domains come with Pro ($29.00 a month)"),
    ("why can't I add a custom domain?", "how much would it cost to get it?",
     "Custom domains come with Pro ($29.00 a month)"),
    ("can I have priority support?", "what plan has that?", "Priority support comes with Business ($99.00 a month)"),
])
async def test_which_plan_has_what_was_just_asked_about_and_its_price(converse, question, follow_up, told):
    _, outcome = await converse("cus_carol", question, follow_up)
    assert outcome.reply.startswith(told), outcome.reply
    assert "Settings → Domains → Add domain" not in outcome.reply


def _after(question: str, message: str) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
        HistoryTurn(role="user", text=question), HistoryTurn(role="assistant", text="…")])


@pytest.mark.parametrize(("message", "asks"), [
    ("which plan do I need for that?", True), ("how much would it cost to get it?", True), ("what plan has that?", True),
    ("which plan do I need for custom domains?", False), ("how much is it per year?", False), ("which plan am I on?", False),
])
def test_only_a_which_plan_question_naming_nothing_of_its_own_leans_on_the_question_before(message, asks):
    assert (asked_which_plan_for(_after("why can't I add a custom domain?", message)) is not None) is asks
