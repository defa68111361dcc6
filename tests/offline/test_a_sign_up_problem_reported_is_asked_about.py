""""Need help reporting errors with registrations", "I do not know how to inform of registration problems" got "I don't
have enough information" (and a signed-in customer "you already have an account"): what went wrong is asked for, with a
person offered. A sign-up problem described ("the email never came") is the agents' to answer."""

from __future__ import annotations

import pytest

from agents.providers.offline.training_data import read_examples
from agents.sign_up_problems import SIGN_UP_PROBLEM_REPLY, reports_a_sign_up_problem


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "need help reporting errors with registrations"), (None, "I do not know how to inform of registration problems"),
    (None, "is it possible to notify of sign-up issues?"), ("cus_bob", "can I report issues with signup?"),
])
async def test_a_sign_up_problem_to_report_is_asked_about_with_a_person_offered(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply == SIGN_UP_PROBLEM_REPLY, outcome.reply
    assert outcome.summary["sign_up_problem"]["why"] == "wants to report a problem signing up, with nothing of it yet"


@pytest.mark.parametrize(("message", "reports"), [
    ("registration error", True), ("i try to reoprt issues with sign-up", True),
    ("I had a problem with sign up, the email never came", False), ("my deploy has an error", False),
    ("how do I sign up?", False),
])
def test_a_report_with_nothing_of_the_problem_in_it(message, reports):
    assert reports_a_sign_up_problem(message) is reports


def test_only_account_examples_read_as_a_sign_up_problem_report():
    assert {e.label for e in read_examples() if reports_a_sign_up_problem(e.text)} == {"account"}
