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
from typing import Any

from tests.support.llm_stub import _TOKEN, AgentKind, LLMStub, Reply, default_reply, user_document

DOMAINS = {
    "billing": ("invoice", "charge", "payment", "bill", "card", "plan", "price"),
    "account": ("password", "locked", "sign in", "log in", "login", "2fa", "account"),
    "technical": ("error", "deploy", "api", "429", "domain", "dns", "tls", "down", "timeout"),
}
OPERATION_AGENT: dict[str, AgentKind] = {"classify": "intent", "review": "critic", "write_reply": "reply"}


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


async def _serve(args: argparse.Namespace) -> None:
    ttft_s, rate = args.ttft_ms / 1000, args.tokens_per_s
    stub = LLMStub(ttft_s=ttft_s, tokens_per_s=rate or None,
                   responder=make_responder(ttft_s=ttft_s, tokens_per_s=rate))
    stub.requests = _Discard()  # bounded memory: the benchmark sends thousands of requests
    await stub.start(port=args.port)
    print(f"bench stub on {stub.base_url}", flush=True)
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
