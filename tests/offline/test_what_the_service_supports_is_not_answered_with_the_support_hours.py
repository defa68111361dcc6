""""What languages do you support?" found the help centre's entry on support hours at 0.50 and was told them: "support"
is the verb there. Such a message no longer gets that entry (the run's trace says why it was dropped); questions
about the support itself still do."""

from __future__ import annotations

import pytest

from agents.about_service import asks_if_supported

HOURS = "Our support staff are here Monday to Friday"


async def test_what_languages_are_supported_is_not_told_the_support_hours_and_the_trace_says_why(converse):
    (outcome,) = await converse(None, "what languages do you support?")
    assert HOURS not in outcome.reply, outcome.reply
    assert outcome.summary["faq"]["dropped"]["why"] == "about our support's hours; the message asks what the service supports"


@pytest.mark.parametrize("message", ["what are your support hours?", "when is support available?"])
async def test_the_support_hours_are_still_told_when_asked(converse, message):
    (outcome,) = await converse(None, message)
    assert HOURS in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "verb"), [
    ("what languages do you support?", True), ("is websocket supported?", True), ("does it support http/2?", True),
    ("do you support weekends?", False), ("do you have weekend support?", False), ("what are your support hours?", False),
])
def test_support_as_the_verb_is_told_from_support_the_service(message, verb):
    assert asks_if_supported(message) is verb
