""""I did that but it still says not verified" after the custom-domain steps got "I don't have a guide on that": at nine
words it was too long to read as leaning on the question before, and alone it finds no guide. "Tried that, still
failing with exit code 1" after the failed-deploy steps got the same steps behind "my answer is the same". A message
that opens by saying the steps did not fix it is about them: the step on what is still seen, when one names it, and
otherwise a person, as for "that didn't work" alone."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import leans_back
from agents.set_phrases import opens_with_it_not_fixed


async def test_still_not_verified_after_the_domain_steps_gets_the_step_on_verifying(converse):
    _, outcome = await converse("cus_alice", "how do I set up a custom domain?", "I did that but it still says not verified")
    assert outcome.reply.startswith("The guide from my last message, “Custom domains and DNS”, says this about it:\n5. "
                                    "Once the domain resolves to us, the dashboard shows it as **Verified**"), outcome.reply
    assert "I don't have a guide" not in outcome.reply


async def test_browsers_still_warning_after_the_certificate_steps_gets_the_step_on_warnings(converse):
    _, outcome = await converse("cus_alice", "my ssl certificate is not working", "I did all that and browsers still warn")
    assert "4. If browsers warn that the certificate is not trusted" in outcome.reply, outcome.reply


async def test_still_failing_with_nothing_the_guide_names_is_for_a_person_not_the_same_steps(converse):
    _, outcome = await converse("cus_alice", "my deploy failed", "tried that, still failing with exit code 1")
    assert outcome.reply.startswith("I'm sorry those steps didn't sort it out."), outcome.reply
    assert "My answer is the same" not in outcome.reply
    assert outcome.summary["steps_did_not_help"] == {"why": "says the guide's steps did not fix it"}


@pytest.mark.parametrize(("message", "opens"), [
    ("I did that but it still says not verified", True), ("tried that, still failing with exit code 1", True),
    ("ok I already tried that and it still fails", True), ("that didn't work, same 502", True),
    ("I did a deploy yesterday", False), ("how do I do that?", False),
])
def test_opening_with_the_steps_not_fixing_it(message, opens):
    assert opens_with_it_not_fixed(message) is opens


def test_such_a_message_leans_on_the_question_before_up_to_sixteen_words():
    assert leans_back("I did that but it still says not verified")
    assert not leans_back("I did that but it still says not verified and I have no idea what else to try at all now")
