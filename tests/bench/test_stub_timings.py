"""The benchmark stub times itself: what it reports is what the figures subtract from the app's times."""

from __future__ import annotations

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bench.run import StubCosts
from bench.stub import call_seconds, stub_app

TTFT_S, TOKENS_PER_S = 0.05, 400.0
REPLY_BODY = {"model": "stub-model", "stream": True, "messages": [
    {"role": "system", "content": "You are Northwind Cloud's support agent writing the reply to the customer."},
    {"role": "user", "content": '{"customer_message": "Why did my last payment fail?"}'},
]}


@pytest.mark.asyncio
async def test_a_streamed_reply_reports_its_time_to_first_token_apart_from_its_whole_time():
    async with TestServer(stub_app(ttft_s=TTFT_S, tokens_per_s=TOKENS_PER_S)) as server, aiohttp.ClientSession() as http:
        for _ in range(2):
            async with http.post(server.make_url("/v1/chat/completions"), json=REPLY_BODY) as response:
                assert response.status == 200
                assert b"[DONE]" in await response.read()
        async with http.get(server.make_url("/bench/stats")) as response:
            stats = await response.json()

    ttft, whole = stats["reply-stream-ttft"], stats["reply-stream"]
    assert ttft["n"] == whole["n"] == 2
    # Never less than the configured latency: the stub sleeps that long before the first token.
    assert ttft["mean_s"] >= TTFT_S
    # The whole stream also paces out the rest of the tokens after the first.
    assert whole["mean_s"] >= call_seconds("reply", ttft_s=TTFT_S, tokens_per_s=TOKENS_PER_S) > ttft["mean_s"]

    costs = StubCosts(ttft_s=TTFT_S, tokens_per_s=TOKENS_PER_S, measured=stats)
    assert costs.first_token() == ttft["mean_s"]  # the figures subtract what the stub measured


def test_without_a_measurement_the_configured_time_to_first_token_is_used():
    assert StubCosts(ttft_s=0.2, tokens_per_s=0.0, measured={}).first_token() == 0.2
