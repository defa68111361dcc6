"""The orchestrator the server and the evaluation build takes its thresholds from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from supportsite.conversations.engine import orchestrator_config
from supportsite.settings import env_threshold

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("raw", "expected"), [("0.9", 0.9), ("1", 1.0), (" off ", None), ("", None), ("NONE", None)])
def test_the_local_intent_threshold_reads_a_probability_or_off(monkeypatch, raw, expected):
    monkeypatch.setenv("SUPPORT_TRUST_LOCAL_INTENT_AT", raw)
    assert env_threshold("SUPPORT_TRUST_LOCAL_INTENT_AT", "0.95") == expected


@pytest.mark.parametrize("raw", ["0", "1.5", "-0.2", "high", "nan"])
def test_a_threshold_that_is_not_a_probability_is_refused_with_its_name(monkeypatch, raw):
    monkeypatch.setenv("SUPPORT_TRUST_LOCAL_INTENT_AT", raw)
    with pytest.raises(ImproperlyConfigured, match="SUPPORT_TRUST_LOCAL_INTENT_AT must be a number in"):
        env_threshold("SUPPORT_TRUST_LOCAL_INTENT_AT", "0.95")


def test_the_server_refuses_to_start_with_a_bad_threshold():
    env = {**os.environ, "SUPPORT_TRUST_LOCAL_INTENT_AT": "sure"}
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and "SUPPORT_TRUST_LOCAL_INTENT_AT must be a number in (0, 1]" in result.stderr


def test_the_orchestrator_config_carries_the_settings(settings):
    settings.SUPPORT = {**settings.SUPPORT, "TRUST_LOCAL_INTENT_AT": None, "FAQ_SHORTCUT_THRESHOLD": 0.8}
    config = orchestrator_config(host_checks_before_send=True)
    assert config.trust_local_intent_at is None and config.faq_threshold == 0.8 and config.host_checks_before_send
    settings.SUPPORT = {**settings.SUPPORT, "TRUST_LOCAL_INTENT_AT": 0.97}
    assert orchestrator_config().trust_local_intent_at == 0.97
