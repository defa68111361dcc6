"""`manage.py eval` with OPENAI_BASE_URL set evaluates the LLM provider too, over real HTTP to a local stub."""

from __future__ import annotations

import asyncio
import io
import json
import threading
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from agents.providers.factory import reset_for_tests
from tests.support.llm_stub import LLMStub

CASES = 4


class StubThread:
    """The stub server on its own event loop and thread: the eval command runs its own asyncio.run()."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.stub = LLMStub()

    def __enter__(self) -> LLMStub:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.stub.start(), self.loop).result(timeout=10)
        return self.stub

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.stub.stop(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


@pytest.fixture
def llm_settings(settings) -> Iterator[LLMStub]:
    with StubThread() as stub:
        settings.OPENAI_BASE_URL = stub.base_url
        settings.OPENAI_API_KEY = "test-key"
        reset_for_tests()  # the client is cached per process; this one must talk to this stub
        yield stub
        reset_for_tests()


@pytest.mark.django_db(transaction=True)
def test_the_eval_command_runs_the_llm_pipeline_and_reports_both_providers_figures(llm_settings):
    call_command("seed_demo", verbosity=0)
    out = io.StringIO()
    call_command("eval", "--json", "--cases", str(CASES), stdout=out)
    figures = json.loads(out.getvalue())

    offline, llm = figures, figures["openai"]
    assert offline["pipeline_provider"] == "offline" and offline["pipeline_cases"] == CASES
    assert llm["pipeline_provider"] == "openai" and llm["pipeline_cases"] == CASES
    for key in ("route_accuracy", "fact_accuracy", "pipeline_routes", "pipeline_runs_with_fallbacks"):
        assert key in offline and key in llm
    assert offline["pipeline_llm_tokens"] == 0
    # The LLM really answered: the stub was asked for replies and reported tokens, with no fallback.
    assert llm_settings.requests_of("reply") and llm["pipeline_llm_tokens"] > 0
    assert llm["pipeline_runs_with_fallbacks"] == 0
    assert llm["pipeline_model"] != "offline"
    # The first case ("why did my last payment fail?") is one the local classifier is sure of: the
    # LLM is not asked to classify it, and the figures say how many runs were settled so.
    assert llm["pipeline_intents_taken_locally"] >= 1 and offline["pipeline_intents_taken_locally"] == 0
    assert len(llm_settings.requests_of("intent")) <= CASES - llm["pipeline_intents_taken_locally"]


@pytest.mark.django_db(transaction=True)
def test_the_eval_table_shows_the_llm_rows_next_to_the_offline_ones(llm_settings):
    call_command("seed_demo", verbosity=0)
    out = io.StringIO()
    call_command("eval", "--cases", "2", stdout=out)
    table = out.getvalue()
    assert "Pipeline route accuracy (demo conversations)" in table
    assert "LLM pipeline route accuracy" in table and "LLM runs that fell back to offline" in table
    assert "LLM runs whose intent the local label settled" in table
    assert "Local intent taken without the LLM: precision" in table
    assert llm_settings.requests_of("reply")
