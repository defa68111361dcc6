"""A message that asks us to do something and asks a question ("refund the duplicate charge and also what are your
support hours on weekends?") gets both: the request goes through the same rules as when asked alone (a refund is
filed or proposed, an account unlocked), and the question is answered too. A question about a refund files
nothing.

Each conversation goes through the whole offline pipeline (classifier, orchestrator, writer and critic) as one of
the demo customers.
"""

from __future__ import annotations

import pytest

from agents.clauses import question_clauses

NOT_ENOUGH_INFORMATION = "I don't have enough information"


@pytest.mark.parametrize(("message", "parts"), [
    ("refund the duplicate charge and also what are your support hours on weekends?",
     ["refund the duplicate charge", "what are your support hours on weekends"]),
    ("unlock my account and tell me how many apps I can have on free",
     ["unlock my account", "how many apps I can have on free"]),
    ("what are your support hours? also please refund the duplicate charge",
     ["what are your support hours", "please refund the duplicate charge"]),
    # Statements alone still ask nothing of their own.
    ("my deploy failed and I was charged twice", []),
])
def test_a_request_counts_as_one_of_the_things_a_message_asks(message, parts):
    assert question_clauses(message) == parts


@pytest.mark.parametrize(("customer", "message", "action", "answers"), [
    # (who asks, the message, the action its request takes, a phrase of each part's answer)
    ("cus_bob", "refund the duplicate charge and also what are your support hours on weekends?", "refund",
     ["NW-2002", "weekend cover"]),
    ("cus_bob", "refund the duplicate charge. what are your support hours on weekends?", "refund",
     ["NW-2002", "weekend cover"]),
    ("cus_bob", "I want a refund for the duplicate charge and what are your support hours on weekends?", "refund",
     ["NW-2002", "weekend cover"]),
    ("cus_carol", "unlock my account and tell me how many apps I can have on free", "account_unlock",
     ["unlocked your account", "one app"]),
    ("cus_carol", "unlock my account. how many apps can I have on free?", "account_unlock",
     ["unlocked your account", "one app"]),
    ("cus_carol", "unlock my account and let me know how many apps the free plan has", "account_unlock",
     ["unlocked your account", "one app"]),
])
async def test_a_request_and_a_question_in_one_message_both_get_their_answer(converse, customer, message, action,
                                                                            answers):
    (outcome,) = await converse(customer, message)
    assert action in [a.kind for a in outcome.actions]
    for answer in answers:
        assert answer in outcome.reply, (answer, outcome.reply)
    assert NOT_ENOUGH_INFORMATION not in outcome.reply


async def test_a_question_about_refunds_next_to_another_question_files_no_refund(converse):
    (outcome,) = await converse("cus_bob", "what are your support hours on weekends? also do you refund duplicate "
                                           "charges?")
    assert not outcome.actions
    assert "weekend cover" in outcome.reply
    assert "NW-2002" in outcome.reply
