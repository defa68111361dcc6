"""A report of a security weakness in the service goes to a person (offered, and a yes hands over), not answered
with the customer's own sign-in state; the customer's own account security is still the account's to answer."""

from __future__ import annotations

import pytest

from agents.about_service import SECURITY_REPORT_REPLY, reports_a_security_issue


@pytest.mark.parametrize("customer", ["cus_bob", None])
@pytest.mark.parametrize("message", [
    "I found a security vulnerability in your login page, where do I report it?",
    "do you have a bug bounty?",
    "how do i report a security issue",
    "there's an XSS on your dashboard",
])
async def test_a_security_report_is_offered_a_person_and_a_yes_hands_over(converse, customer, message):
    report, yes = await converse(customer, message, "yes please")
    assert report.reply == SECURITY_REPORT_REPLY and report.actions == []
    assert "isn't locked" not in report.reply and "Two-factor" not in report.reply
    assert yes.route == "handoff" and yes.handoff_reason == "customer_asked"


@pytest.mark.parametrize("message", ["is my account secure?", "someone hacked my account", "how do i turn on 2fa"])
def test_the_customers_own_account_security_is_no_security_report(message):
    assert not reports_a_security_issue(message)
