""""Error: Cannot find module 'express'" after "my deploy failed" got "I don't have a guide that fits", and a missing
Python module the whole guide without the step that fits: a dependency the build did not install is what the failed-
deploys guide's step on installing dependencies with the same lock file is about."""

from __future__ import annotations

import pytest

from agents.providers.offline.kb import with_error_meanings

DEPENDENCIES_STEP = "3. Check that dependencies install locally with the same lock file"


async def test_a_missing_node_module_pasted_after_a_failed_deploy_gets_the_step_on_dependencies(converse):
    # Sent when the guide's steps asked for it: the step that fits, thanked for, not the whole guide again (stop 36).
    _, outcome = await converse("cus_alice", "my deploy failed", "here is the error: Error: Cannot find module 'express'")
    assert outcome.reply.startswith("Thanks for sending the error. The step of our guide “Failed deploys and build "
                                    "timeouts” that fits it:\n" + DEPENDENCIES_STEP), outcome.reply


async def test_a_missing_python_module_in_a_build_gets_the_step_on_dependencies(converse):
    [outcome] = await converse("cus_bob", "my build fails with ModuleNotFoundError: No module named 'flask'")
    assert "The step that fits what you describe:\n" + DEPENDENCIES_STEP in outcome.reply, outcome.reply


@pytest.mark.parametrize(("text", "means"), [
    ("Error: Cannot find module 'express'", True), ("ModuleNotFoundError: No module named 'flask'", True),
    ("I cannot find the module settings page", False), ("exited with code 137", False)])
def test_a_missing_dependency_is_read_as_the_words_the_guide_uses(text, means):
    assert ("dependencies install locally lock file" in with_error_meanings(text)) is means
