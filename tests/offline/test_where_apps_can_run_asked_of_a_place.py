""""Can I host in japan?" was turned away as off topic (0.55), and "what about australia?" right after the regions were
listed too: where apps can run, asked of a place, is answered with the help centre's regions and that they are the
only ones it lists; whether the place is near one is the customer's to judge."""

from __future__ import annotations

import pytest

from agents.about_service import asks_where_apps_can_run

REGIONS = "You can run apps in three regions: us-east (Virginia), eu-west (Ireland) and ap-southeast (Singapore)."
ONLY = "Those are the only regions our help centre lists."


@pytest.mark.parametrize("message", ["can I host in japan?", "do you have servers in germany?",
                                     "do you have a region in australia?"])
async def test_hosting_in_a_place_gets_the_regions_and_that_there_are_no_others(converse, message):
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(REGIONS) and ONLY in outcome.reply, outcome.reply
    assert outcome.intent.label == "general"


async def test_what_about_a_place_after_the_regions_is_the_same_question(converse):
    _, outcome = await converse(None, "which regions can I deploy to?", "what about australia?")
    assert outcome.reply.startswith(REGIONS) and ONLY in outcome.reply, outcome.reply


async def test_where_one_of_our_regions_is_is_still_its_own_question(converse):
    [outcome] = await converse(None, "is eu-west in Germany?")
    assert outcome.reply.startswith("eu-west is in Ireland"), outcome.reply


@pytest.mark.parametrize(("message", "last", "asks"), [
    ("can I host in japan?", "", True), ("can I run my app in docker?", "", False),
    ("how do I deploy in production?", "", False), ("what about australia?", "", False),
    ("what about australia?", REGIONS, True), ("what about pricing?", REGIONS, False),
])
def test_a_place_asked_of_where_apps_run(message, last, asks):
    assert asks_where_apps_can_run(message, last_reply=last) is asks
