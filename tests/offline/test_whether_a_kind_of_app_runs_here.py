""""Do you support python?", "can you host a wordpress site?", then "what about docker?": no help-centre entry lists
the languages, frameworks or kinds of app we run. They got "I don't have enough information" (and "what about
docker?" the scope reply); the reply now says what is not listed, of the kind asked, what is, and offers a person."""

from __future__ import annotations

import pytest

from agents.about_service import RUNS_HERE_UNLISTED, kind_of_app_asked


@pytest.mark.parametrize(("customer", "message", "kind"), [
    (None, "do you support python?", "python"),
    (None, "can you host a wordpress site?", "a wordpress site"),
    ("cus_alice", "can I run my django app on northwind?", "your django app"),
    ("cus_bob", "can you run docker images?", "docker images"),
    # The version is not said back: a figure no fact holds is struck from a reply, and took the sentence with it.
    ("cus_alice", "do you support python 3.12?", "python"),
    (None, "can you run .net apps?", ".net apps"),
    (None, "do you support elixir?", "elixir"),
])
async def test_a_kind_of_app_asked_about_is_said_to_be_unlisted_with_a_person_offered(converse, customer, message, kind):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(f"{RUNS_HERE_UNLISTED}, so I can't tell you for certain about {kind},"), outcome.reply
    assert "would you like me to pass you to a person?" in outcome.reply, outcome.reply


async def test_another_kind_asked_right_after_gets_the_same_of_that_kind(converse):
    _, docker, yes = await converse(None, "do you support python?", "what about docker?", "yes please")
    assert docker.reply.startswith(f"{RUNS_HERE_UNLISTED}, so I can't tell you for certain about docker,"), docker.reply
    assert yes.route == "handoff"


@pytest.mark.parametrize(("message", "last_reply", "kind"), [
    ("can I deploy my app to eu-west?", "", None),  # how to, not whether a kind runs
    ("can you host my website?", "", None),
    ("what about docker?", "", None),  # with nothing before it, docker of what
    ("what about docker?", f"{RUNS_HERE_UNLISTED}, so …", "docker"),
    ("can you host an online store?", "", "an online store"),
])
def test_only_a_named_kind_of_app_is_read_as_asked_about(message, last_reply, kind):
    assert kind_of_app_asked(message, last_reply=last_reply) == kind


async def test_a_place_asked_after_the_regions_gets_the_regions_again(converse):
    # "Is there one in asia?" after the regions got "I don't have a guide on that".
    _, outcome = await converse(None, "what regions do you have?", "is there one in asia?")
    assert "ap-southeast (Singapore)" in outcome.reply and "Those are the only regions" in outcome.reply, outcome.reply
