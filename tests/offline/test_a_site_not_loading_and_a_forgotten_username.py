""""My website is not loading" and "my site doesn't load" got "I don't have a guide on that", though an incident was open
that could be the cause (as "my app is down" is told); "down" in other words now is. A visitor's "I forgot my username"
was asked to sign in and ask again, which is what they cannot do: told it can't be looked up, and offered a person."""

from __future__ import annotations

import pytest

from agents.providers.offline.kb import reports_a_fault


@pytest.mark.parametrize("message", ["my website is not loading", "my site doesn't load", "the site won't open"])
async def test_a_site_not_loading_is_told_of_the_open_incident_that_may_cause_it(converse, message):
    [outcome] = await converse(None, message)
    assert "Elevated API error rates in eu-west" in outcome.reply and "If your app runs in eu-west" in outcome.reply, (
        outcome.reply)


@pytest.mark.parametrize(("message", "fault"), [
    ("my site doesn't load", True), ("the page won't open", True), ("how do I load environment variables?", False),
    ("can I open a second account?", False),
])
def test_only_a_site_that_does_not_load_or_open_is_a_fault(message, fault):
    assert reports_a_fault(message) is fault


async def test_a_visitor_who_forgot_their_username_is_offered_a_person_not_asked_to_sign_in(converse):
    [outcome] = await converse(None, "I forgot my username")
    assert "doesn't say how to recover a username" in outcome.reply and "pass you to a person" in outcome.reply
    assert "Please sign in" not in outcome.reply, outcome.reply
