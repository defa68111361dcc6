"""The LLM client's HTTP layer logs every request at INFO ("HTTP Request: POST …/chat/completions"): a panel's reply
made five such lines, each already a step of the run's trace. They are shown only with LOG_LEVEL=DEBUG."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_LEVELS = ("import django, logging; django.setup(); "
           "print(*(logging.getLevelName(logging.getLogger(n).getEffectiveLevel()) for n in ('httpx', 'httpx2', 'agents')))")


def _levels(log_level: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "LOG_LEVEL"}
    env["DJANGO_SETTINGS_MODULE"] = "supportsite.settings"
    if log_level is not None:
        env["LOG_LEVEL"] = log_level
    result = subprocess.run([sys.executable, "-c", _LEVELS], env=env, capture_output=True, text=True, check=True)
    return result.stdout.split()


@pytest.mark.parametrize("log_level", [None, "INFO", "info"])
def test_the_client_request_lines_are_left_out_at_the_default_level(log_level):
    assert _levels(log_level) == ["WARNING", "WARNING", "INFO"]


def test_debug_shows_the_client_request_lines():
    assert _levels("DEBUG") == ["DEBUG", "DEBUG", "DEBUG"]
