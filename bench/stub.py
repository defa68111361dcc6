"""The benchmark's LLM: tests.support.llm_stub with a model's latency on every call.

The test stub answers structured (non-streamed) calls at once; a real model takes its time
to first token and its token pace for those too. This wraps the same server with a responder
that (a) charges every call time to first token plus its tokens at the configured pace, and
(b) labels a message that names several domains with secondary intents, so the orchestrator's
context stage runs several workers at once. The stub's own time per call is deterministic,
so the benchmark can subtract it exactly: see call_seconds().

    python -m bench.stub --port N --ttft-ms 200 --tokens-per-s 200
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from typing import Any

from aiohttp import web

from tests.support.llm_stub import _TOKEN, AgentKind, LLMStub, Reply, agent_of, default_reply, user_document

DOMAINS = {
    "billing": ("invoice", "charge", "payment", "bill", "card", "plan", "price"),
    "account": ("password", "locked", "sign in", "log in", "login", "2fa", "account"),
    "technical": ("error", "deploy", "api", "429", "domain", "dns", "tls", "down", "timeout"),
}
OPERATION_AGENT: dict[str, AgentKind] = {"classify": "intent", "review": "critic", "write_reply": "reply"}
# Set on each completion request by the middleware: its kind of call, and when the stub got it.
BENCH_KIND = web.RequestKey("bench_kind", str)
BENCH_STARTED = web.RequestKey("bench_started", float)


def reply_for(agent: AgentKind, body: dict[str, Any]) -> Reply:
    reply = default_reply(agent, body)
    if agent == "intent":
        message = str(user_document(body).get("customer_message", "")).lower()
        data = json.loads(reply.content or "{}")
        touched = [name for name, words in DOMAINS.items() if any(w in message for w in words)]
        data["secondary"] = [name for name in touched if name != data.get("label")][:2] if len(touched) > 1 else []
        reply = Reply.json(data)
    return reply


def tokens_of(agent: AgentKind) -> int:
    content = reply_for(agent, {"messages": [{"role": "user", "content": "{}"}]}).content or ""
    return max(1, len(_TOKEN.findall(content)))


def call_seconds(agent: AgentKind, *, ttft_s: float, tokens_per_s: float) -> float:
    """The stub's own time for one call: first token, then every token at the pace."""
    return ttft_s + (tokens_of(agent) / tokens_per_s if tokens_per_s else 0.0)


def make_responder(*, ttft_s: float, tokens_per_s: float):
    def responder(agent: AgentKind, body: dict[str, Any]) -> Reply:
        reply = reply_for(agent, body)
        if not body.get("stream"):
            # Unstreamed: the whole answer arrives after the model has generated it.
            reply.delay_s = call_seconds(agent, ttft_s=ttft_s, tokens_per_s=tokens_per_s)
        return reply

    return responder


class TimedStub(LLMStub):
    """The stub, timing its own work per request: the benchmark subtracts what it really took.

    Asleep-until timers overshoot a little (more so under load), so the configured latency is a
    floor; the measured time is what the app could not have avoided.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.requests = _Discard()  # bounded memory: the benchmark sends thousands of requests
        self.timings: dict[str, list[float]] = {}

    async def _completions(self, request: web.Request) -> web.StreamResponse:
        try:
            return await super()._completions(request)
        finally:
            body_kind = request.get(BENCH_KIND, "")
            if body_kind:
                self.timings.setdefault(body_kind, []).append(time.perf_counter() - request[BENCH_STARTED])

    def first_token_sent(self, request: web.Request) -> None:
        # The stub's own time to first token: its timer overshoots under load, and it reads the
        # request before it starts; the benchmark counts neither against the app (#9).
        if request.get(BENCH_KIND):
            self.timings.setdefault(f"{request[BENCH_KIND]}-ttft", []).append(
                time.perf_counter() - request[BENCH_STARTED])

    async def stats(self, request: web.Request) -> web.Response:
        return web.json_response({kind: {"n": len(v), "mean_s": statistics.fmean(v), "p50_s": statistics.median(v)}
                                  for kind, v in self.timings.items() if v})

    async def reset(self, request: web.Request) -> web.Response:
        self.timings.clear()
        return web.json_response({})


@web.middleware
async def _kind_of_request(request: web.Request, handler: Any) -> web.StreamResponse:
    if request.path.endswith("/chat/completions"):
        request[BENCH_STARTED] = time.perf_counter()  # the stub's time includes reading the request
        body = await request.json()
        request[BENCH_KIND] = f"{agent_of(body)}{'-stream' if body.get('stream') else ''}"
    return await handler(request)


def stub_app(*, ttft_s: float, tokens_per_s: float) -> web.Application:
    """The benchmark stub's web application: the OpenAI-compatible routes and its own timings."""
    stub = TimedStub(ttft_s=ttft_s, tokens_per_s=tokens_per_s or None,
                     responder=make_responder(ttft_s=ttft_s, tokens_per_s=tokens_per_s))
    app = web.Application(middlewares=[_kind_of_request])
    app.router.add_post("/v1/chat/completions", stub._completions)
    app.router.add_get("/v1/models", stub._models)
    app.router.add_get("/bench/stats", stub.stats)
    app.router.add_post("/bench/reset", stub.reset)
    return app


async def _serve(args: argparse.Namespace) -> None:
    app = stub_app(ttft_s=args.ttft_ms / 1000, tokens_per_s=args.tokens_per_s)
    runner = web.AppRunner(app, shutdown_timeout=0.5, handler_cancellation=True, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", args.port).start()
    print(f"bench stub on http://127.0.0.1:{args.port}/v1", flush=True)
    await asyncio.Event().wait()


class _Discard(list):
    def append(self, item: Any) -> None:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description="The benchmark's OpenAI-compatible stub.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ttft-ms", type=float, default=200.0)
    parser.add_argument("--tokens-per-s", type=float, default=200.0)
    args = parser.parse_args()
    asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
