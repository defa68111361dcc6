""""Can I have more than one region for my app?" got "I don't have a guide on that": the help centre's entry on regions
says which plan may run an app in several regions at once, in words the question shares none of. Asked how, it still
gets no guide and a person offered (no guide says how: tests/offline/test_tech_guides_for_subjects_no_guide_covers.py)."""

from __future__ import annotations

import pytest

from agents.providers.offline.text import search_normalise

SEVERAL = "Business accounts can run an app in several regions at once"


@pytest.mark.parametrize("message", ["can I have more than one region for my app?", "can I add a second region?"])
async def test_more_than_one_region_gets_which_plan_may(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert SEVERAL in outcome.reply and "I don't have a guide" not in outcome.reply, outcome.reply
    assert "Which regions can I deploy to?" in {s.title for s in outcome.sources}


@pytest.mark.parametrize(("message", "searched"), [
    ("can I have more than one region?", "can i have several regions"),
    ("how do I deploy to more than one region?", "how do i deploy to more than one region"),
])
def test_more_than_one_region_is_searched_as_several_unless_asked_how(message, searched):
    assert search_normalise(message) == searched
