""""Is eu-west in Germany?" after the regions entry got "I don't have a guide on that", and "where is ap-southeast?" or "is
us-east in the US?" were turned away as off topic (geography, to the classifier). A region named is one of ours: where
the help centre places it is the answer, "yes" only when that is the very place asked about (whether Virginia is in the
US is not ours to say)."""

from __future__ import annotations

import pytest

from agents.providers.offline.intents import get_classifier


@pytest.mark.parametrize(("message", "reply"), [
    ("is eu-west in germany?", "eu-west is in Ireland, as our help centre lists the regions:"),
    ("is eu-west in Ireland?", "Yes: eu-west is in Ireland, as our help centre lists the regions:"),
    ("where is ap-southeast?", "ap-southeast is in Singapore, as our help centre lists the regions:"),
    ("is us-east in the US?", "us-east is in Virginia, as our help centre lists the regions:"),
])
async def test_where_a_region_is_comes_from_the_regions_entry(converse, message, reply):
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(reply), outcome.reply
    assert "I don't have a guide on that" not in outcome.reply


@pytest.mark.parametrize("message", ["where is ap-southeast?", "is us-east in the US?"])
def test_a_message_naming_one_of_our_regions_is_never_off_topic(message):
    assert get_classifier().classify(message).label != "out_of_scope"


@pytest.mark.parametrize("message", ["is eu-west down?", "is us-east in an outage?"])
async def test_how_a_region_is_running_is_still_answered_from_the_incidents(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "as our help centre lists the regions" not in outcome.reply
    assert "incident" in outcome.reply, outcome.reply
