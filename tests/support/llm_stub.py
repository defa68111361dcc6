"""A small, real OpenAI-compatible server for tests and the benchmark.

It serves POST /v1/chat/completions (plain and streamed, with or without
response_format) on 127.0.0.1, and can be scripted per agent (intent, critic, reply):
latency, time to first token, token rate, and failures (429 with Retry-After, 500,
hanging past the client's timeout, invalid JSON, a stream cut halfway). A responder
function can make it answer anything, e.g. obey a prompt injection.

In tests:
    async with LLMStub() as stub:
        stub.script("intent", Reply.rate_limited(retry_after=0.1), Reply.json({...}))
        client = openai.AsyncOpenAI(base_url=stub.base_url, api_key="x", max_retries=0)

From a shell (the benchmark):
    python -m tests.support.llm_stub --port 8011 --ttft-ms 300 --tokens-per-s 40 --failure-rate 0.1
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

AgentKind = Literal["intent", "critic", "reply"]


@dataclass
class Reply:
    """One scripted answer. content=None means "what the default responder would say"."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    raw_body: str | None = None  # sent as is (e.g. not JSON at all)
    delay_s: float = 0.0  # before the response starts: longer than the client's timeout = a timeout
    ttft_s: float | None = None  # stream: wait before the first token (overrides the server's)
    tokens_per_s: float | None = None  # stream: pace (overrides the server's)
    cut_after_chunks: int | None = None  # stream: drop the connection after this many content chunks
    usage: bool = True  # report token usage

    @classmethod
    def text(cls, content: str, **kwargs: Any) -> Reply:
        return cls(content=content, **kwargs)

    @classmethod
    def json(cls, data: dict[str, Any], **kwargs: Any) -> Reply:
        return cls(content=json.dumps(data), **kwargs)

    @classmethod
    def rate_limited(cls, retry_after: float = 1.0) -> Reply:
        return cls(status=429, headers={"Retry-After": f"{retry_after:g}"},
                   raw_body=json.dumps({"error": {"message": "Rate limit reached", "type": "rate_limit_error"}}))

    @classmethod
    def server_error(cls, status: int = 500) -> Reply:
        return cls(status=status, raw_body=json.dumps({"error": {"message": "boom", "type": "server_error"}}))

    @classmethod
    def hang(cls, seconds: float = 5.0) -> Reply:
        return cls(delay_s=seconds)

    @classmethod
    def invalid_json(cls) -> Reply:
        """A 200 whose message content is not the JSON that was asked for."""
        return cls(content="Sure! The label is {billing, probably")

    @classmethod
    def garbage_body(cls) -> Reply:
        """A 200 whose HTTP body is not JSON at all."""
        return cls(raw_body="<html>upstream proxy error</html>", headers={"Content-Type": "application/json"})

    @classmethod
    def cut(cls, content: str, after_chunks: int = 3) -> Reply:
        return cls(content=content, cut_after_chunks=after_chunks)


Responder = Callable[[AgentKind, dict[str, Any]], "Reply | None"]

_TOKEN = re.compile(r"\S+\s*|\s+")


def agent_of(body: dict[str, Any]) -> AgentKind:
    """Which of our agents sent this request: from the schema name, else the system prompt."""
    schema = ((body.get("response_format") or {}).get("json_schema") or {}).get("name", "")
    if schema == "intent_result":
        return "intent"
    if schema == "critic_verdict":
        return "critic"
    system = next((m.get("content", "") for m in body.get("messages", []) if m.get("role") == "system"), "")
    if "You classify" in system:
        return "intent"
    if "You review" in system:
        return "critic"
    return "reply"


def user_document(body: dict[str, Any]) -> dict[str, Any]:
    """The JSON data our prompts put in the user turn (empty if it is not JSON)."""
    user = next((m.get("content", "") for m in reversed(body.get("messages", [])) if m.get("role") == "user"), "")
    try:
        document = json.loads(user)
    except (TypeError, json.JSONDecodeError):
        return {"customer_message": user}
    return document if isinstance(document, dict) else {}


def default_reply(agent: AgentKind, body: dict[str, Any]) -> Reply:
    """A plausible, well-behaved model: keyword intents, approving critic, a polite reply."""
    document = user_document(body)
    message = str(document.get("customer_message", "")).lower()
    if agent == "intent":
        rules = [
            ("human", ("person", "human", "real agent", "someone")),
            ("refund", ("refund", "money back", "charged twice")),
            ("billing", ("invoice", "charge", "payment", "bill", "card", "plan", "price")),
            ("account", ("password", "locked", "sign in", "log in", "login", "2fa", "account")),
            ("technical", ("error", "deploy", "api", "429", "domain", "dns", "tls", "down", "timeout")),
        ]
        label = next((name for name, words in rules if any(w in message for w in words)), "general")
        return Reply.json({"label": label, "confidence": 0.92, "secondary": []})
    if agent == "critic":
        return Reply.json({"verdict": "approve", "reasons": []})
    return Reply.text(
        "Thanks for getting in touch. I've looked at the details we have for you, and here is what I can "
        "tell you: everything I found is shown in your account, and I'm happy to help with anything else."
    )


class LLMStub:
    def __init__(
        self, *, model: str = "stub-model", ttft_s: float = 0.0, tokens_per_s: float | None = None,
        failure_rate: float = 0.0, seed: int = 0, json_schema_supported: bool = True,
        responder: Responder | None = None,
    ):
        self.model = model
        self.ttft_s = ttft_s
        self.tokens_per_s = tokens_per_s
        self.failure_rate = failure_rate
        self.json_schema_supported = json_schema_supported
        self.responder = responder
        self.requests: list[dict[str, Any]] = []  # every request body received, in order
        # openai clients a test made against this server: closed on stop(), inside the test's loop.
        self.clients: list[Any] = []
        self._scripts: dict[str, deque[Reply]] = {"intent": deque(), "critic": deque(), "reply": deque(), "*": deque()}
        self._random = random.Random(seed)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- scripting

    def script(self, agent: AgentKind | Literal["*"], *replies: Reply) -> None:
        """Queue replies for the next requests of that agent ("*": whichever comes next)."""
        self._scripts[agent].extend(replies)

    def requests_of(self, agent: AgentKind) -> list[dict[str, Any]]:
        return [body for body in self.requests if agent_of(body) == agent]

    def _choose(self, agent: AgentKind, body: dict[str, Any]) -> Reply:
        if self._scripts["*"]:
            return self._scripts["*"].popleft()
        if self._scripts[agent]:
            return self._scripts[agent].popleft()
        if self.responder is not None and (reply := self.responder(agent, body)) is not None:
            return reply
        if self.failure_rate and self._random.random() < self.failure_rate:
            return self._random.choice([Reply.server_error(), Reply.rate_limited(retry_after=0.2)])
        return default_reply(agent, body)

    # -- serving

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> LLMStub:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._completions)
        app.router.add_get("/v1/models", self._models)
        # handler_cancellation: a client that gave up (timeout) ends the handler, so stop() is quick.
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for client in self.clients:
            await client.close()
        self.clients.clear()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LLMStub:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": self.model, "object": "model"}]})

    async def _completions(self, request: web.Request) -> web.StreamResponse:
        try:
            body = await request.json()
        except json.JSONDecodeError:
            return web.json_response({"error": {"message": "bad JSON"}}, status=400)
        self.requests.append(body)
        if body.get("response_format", {}).get("type") == "json_schema" and not self.json_schema_supported:
            return web.json_response(
                {"error": {"message": "response_format json_schema is not supported", "type": "invalid_request_error",
                           "param": "response_format"}}, status=400)
        agent = agent_of(body)
        reply = self._choose(agent, body)
        if reply.delay_s:
            await asyncio.sleep(reply.delay_s)
        if reply.status != 200 or reply.raw_body is not None:
            return web.Response(status=reply.status, text=reply.raw_body or "", headers={
                "Content-Type": "application/json", **reply.headers})
        content = reply.content if reply.content is not None else default_reply(agent, body).content or ""
        if body.get("stream"):
            return await self._stream(request, body, reply, content)
        return web.json_response(self._completion(body, content, reply), headers=reply.headers)

    def first_token_sent(self, request: web.Request) -> None:
        """Called once a streamed reply's first token is written (the benchmark times it)."""

    def _usage(self, body: dict[str, Any], content: str) -> dict[str, int]:
        prompt = sum(len(str(m.get("content", ""))) for m in body.get("messages", [])) // 4
        completion = max(1, len(_TOKEN.findall(content)))
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    def _completion(self, body: dict[str, Any], content: str, reply: Reply) -> dict[str, Any]:
        result: dict[str, Any] = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model", self.model),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        }
        if reply.usage:
            result["usage"] = self._usage(body, content)
        return result

    async def _stream(self, request: web.Request, body: dict[str, Any], reply: Reply, content: str,
                      ) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache",
                                               **reply.headers})
        await response.prepare(request)
        base = {"id": f"chatcmpl-{uuid.uuid4().hex[:12]}", "object": "chat.completion.chunk",
                "created": int(time.time()), "model": body.get("model", self.model)}

        async def send(choices: list[dict[str, Any]], **extra: Any) -> None:
            await response.write(f"data: {json.dumps({**base, 'choices': choices, **extra})}\n\n".encode())

        ttft = reply.ttft_s if reply.ttft_s is not None else self.ttft_s
        rate = reply.tokens_per_s if reply.tokens_per_s is not None else self.tokens_per_s
        await asyncio.sleep(ttft)
        await send([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        for number, token in enumerate(_TOKEN.findall(content)):
            if reply.cut_after_chunks is not None and number >= reply.cut_after_chunks:
                # Drop the connection mid-body: the client sees an incomplete chunked response.
                if request.transport is not None:
                    request.transport.abort()
                return response
            await send([{"index": 0, "delta": {"content": token}, "finish_reason": None}])
            if number == 0:
                self.first_token_sent(request)
            if rate:
                await asyncio.sleep(1 / rate)
        await send([{"index": 0, "delta": {}, "finish_reason": "stop"}])
        if reply.usage and (body.get("stream_options") or {}).get("include_usage"):
            await send([], usage=self._usage(body, content))
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response


async def _serve(args: argparse.Namespace) -> None:
    stub = LLMStub(
        ttft_s=args.ttft_ms / 1000, tokens_per_s=args.tokens_per_s or None, failure_rate=args.failure_rate,
        seed=args.seed, json_schema_supported=not args.no_json_schema,
    )
    await stub.start(host=args.host, port=args.port)
    print(f"LLM stub serving {stub.base_url} (ttft {args.ttft_ms} ms, {args.tokens_per_s} tokens/s, "
          f"failure rate {args.failure_rate})", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await stub.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="OpenAI-compatible stub server for tests and the benchmark.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--ttft-ms", type=float, default=0.0, help="time to first streamed token")
    parser.add_argument("--tokens-per-s", type=float, default=0.0, help="streaming pace; 0 = as fast as possible")
    parser.add_argument("--failure-rate", type=float, default=0.0, help="share of requests answered 500 or 429")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-json-schema", action="store_true", help="reject response_format json_schema")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how a person stops it
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
