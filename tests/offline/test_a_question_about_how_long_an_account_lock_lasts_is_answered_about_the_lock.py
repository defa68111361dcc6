""""How long does a lock last?" was turned away as off topic, "does the lock expire on its own?" got the guide on TLS
certificates (they expire), and "how long until it unlocks?" after "I'm locked out" got the failed-deploys guide beside
the lock: its body's "lock file" and "ran out of time" met "lock" and "out". The classifier has learnt how customers ask
how long a lock lasts, and the help-centre search reads "lock file" and "locked out" each as one word."""

from __future__ import annotations

import pytest

OFF_TOPIC = "I can only help with your Northwind account"
LOCK_EXPLAINED = "five failed sign-ins"


@pytest.mark.parametrize("message", [
    "how long does a lock last?", "does the lock expire on its own?", "how long am I locked out for?",
    "is the lock permanent?",
])
async def test_a_locked_customer_asking_how_long_the_lock_lasts_is_told_about_their_lock(converse, message):
    [outcome] = await converse("cus_carol", message)
    assert outcome.intent.label == "account", (outcome.intent, outcome.reply)
    assert LOCK_EXPLAINED in outcome.reply and "Forgot password" in outcome.reply, outcome.reply
    assert OFF_TOPIC not in outcome.reply and "our guide" not in outcome.reply, outcome.reply


async def test_how_long_until_it_unlocks_after_being_locked_out_gets_no_deploy_guide(converse):
    _, outcome = await converse("cus_carol", "I'm locked out", "how long until it unlocks?")
    assert outcome.intent.label == "account", outcome.intent
    assert "Failed deploys" not in outcome.reply and "our guide" not in outcome.reply, outcome.reply


async def test_a_visitor_asking_how_long_a_lock_lasts_gets_the_help_centres_entry_on_locks(converse):
    [outcome] = await converse(None, "how long does a lock last?")
    assert "Reset your password from the sign-in page to unlock it straight away" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I'm locked out", "locked out, how long?", "how long does a lock last?"])
def test_an_account_lock_finds_no_guide(kb_retriever, message):
    assert kb_retriever.search(message) == []


@pytest.mark.parametrize("message", ["my build fails, is my lock file wrong?", "my deploy timed out",
                                     "the build ran out of time"])
def test_a_lock_file_or_a_build_out_of_time_still_finds_the_failed_deploys_guide(kb_retriever, message):
    assert kb_retriever.search(message)[0].title == "Failed deploys and build timeouts"
