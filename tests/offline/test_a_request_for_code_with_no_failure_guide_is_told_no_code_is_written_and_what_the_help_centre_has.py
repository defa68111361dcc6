""""Can you write me a script to scale my app?" and "could you generate some code to deploy my app" ask for code,
which the chat does not write. They got the bare "I don't have a guide on that": "scale" never found the guide
"Scaling and cold starts" (the light stemming reads "scale" and "scaling" apart), and "generate" was read as making
a thing a guide's step must create. Now the reply says code can't be written, then what the help centre has (the
scaling guide's steps, or what the failed-deploys guide covers), with a person offered; a request for code about
something no guide covers says so. A plain how-to, and "generate an API key", keep their own answers."""

from __future__ import annotations

import pytest

CANNOT_WRITE = "I can't write scripts or code for you"
SCALING_STEP = "Go to **App → Scaling** and set the number of instances"


async def test_a_request_for_a_script_to_scale_gets_no_code_then_the_scaling_guides_steps(converse):
    (outcome,) = await converse("cus_bob", "can you write me a script to scale my app?")
    assert outcome.reply.startswith(f"{CANNOT_WRITE}, but our guide “Scaling and cold starts” covers this."), (
        outcome.reply)
    assert SCALING_STEP in outcome.reply and "ask for a person" in outcome.reply
    assert "I don't have a guide" not in outcome.reply


async def test_a_request_to_generate_deploy_code_gets_no_code_then_what_the_failure_guide_covers(converse):
    (outcome,) = await converse("cus_bob", "could you generate some code to deploy my app")
    assert outcome.reply.startswith(f"{CANNOT_WRITE}, and our help centre has no guide on how to do that as such."), (
        outcome.reply)
    assert "“Failed deploys and build timeouts” covers what to do when it goes wrong" in outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_a_request_for_code_no_guide_covers_is_told_no_code_is_written_and_no_guide_with_a_person(converse):
    (outcome,) = await converse("cus_bob", "write me a script to set up a cron job")
    assert outcome.reply.startswith(f"{CANNOT_WRITE}, and I don't have a guide on that in our help centre."), (
        outcome.reply)
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("message", "expected"), [
    # Neighbour guards: a plain how-to asks for no code (and "scale" still finds the scaling guide); "generate an
    # API key" makes a thing no guide's step creates.
    ("how do i scale my app?", f"Our guide “Scaling and cold starts” covers this. The steps that usually sort it "
                               f"out:\n1. {SCALING_STEP}"),
    ("how do i generate an api key?", "Our help centre doesn't describe how to create, rotate or revoke API keys"),
])
async def test_a_how_to_that_asks_for_no_code_is_not_told_code_cannot_be_written(converse, message, expected):
    (outcome,) = await converse("cus_bob", message)
    assert expected in outcome.reply and CANNOT_WRITE not in outcome.reply, outcome.reply
