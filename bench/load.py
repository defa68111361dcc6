"""The load generator: many concurrent websocket customers, each a conversation.

Every client connects (as a browser would: Origin header, its own session), waits for
conversation.state, and then, once all clients are connected, sends its messages one after
another, waiting for each assistant.message. Connecting is not measured; messages are.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import websockets

CONNECT_CONCURRENCY = 50  # connections opened at once: a burst of 1,000 handshakes is not the scenario
REPLY_TIMEOUT_S = float(os.environ.get("BENCH_REPLY_TIMEOUT_S", "120"))
SEND_PHASE_S = float(os.environ.get("BENCH_SEND_PHASE_S", "150"))  # no new message after this: bounded runs


@dataclass
class Sample:
    """One message: what was asked and when each frame came back (monotonic seconds)."""

    kind: str  # "faq" or "llm": which question set the text came from
    sent_at: float
    first_delta_at: float | None = None
    reply_at: float | None = None
    run_id: str = ""
    route: str = ""
    error: str = ""

    @property
    def e2e_ms(self) -> float | None:
        return (self.reply_at - self.sent_at) * 1000 if self.reply_at else None

    @property
    def ttft_ms(self) -> float | None:
        return (self.first_delta_at - self.sent_at) * 1000 if self.first_delta_at else None


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    connect_errors: int = 0
    started_at: float = 0.0
    finished_at: float = 0.0

    @property
    def errors(self) -> int:
        return self.connect_errors + sum(1 for s in self.samples if s.error)


async def _client(
    *, url: str, origin: str, cookie: str, questions: list[tuple[str, str]], ready: asyncio.Event, gate: asyncio.Semaphore,
    connected: list[int], result: LoadResult, think_s: float, start_offset_s: float = 0.0,
) -> None:
    try:
        async with gate:
            socket = await websockets.connect(
                url, origin=origin, open_timeout=60, max_size=2**20, ping_interval=None, close_timeout=2,
                additional_headers={"Cookie": f"sessionid={cookie}"} if cookie else None,
            )
            state = json.loads(await asyncio.wait_for(socket.recv(), timeout=60))
            if state.get("type") != "conversation.state":
                raise RuntimeError(f"unexpected first frame {state.get('type')}")
    except Exception as exc:
        result.connect_errors += 1
        connected[0] += 1
        result.samples.append(Sample(kind="connect", sent_at=time.monotonic(), error=f"connect: {exc!r}"[:200]))
        return
    connected[0] += 1
    try:
        await ready.wait()
        if think_s:
            # Customers at a human pace do not all press send in the same instant: each starts at
            # its own moment within one pause, as arrivals spread over a working day would.
            await asyncio.sleep(start_offset_s)
        for number, (kind, text) in enumerate(questions):
            if number and think_s:
                await asyncio.sleep(think_s)  # reading the reply and typing the next message
            if time.monotonic() - result.started_at > SEND_PHASE_S:
                break
            sample = Sample(kind=kind, sent_at=time.monotonic())
            result.samples.append(sample)
            client_id = uuid.uuid4().hex[:16]
            try:
                await socket.send(json.dumps({"type": "user.message", "text": text, "client_id": client_id}))
                async with asyncio.timeout(REPLY_TIMEOUT_S):
                    while True:
                        frame = json.loads(await socket.recv())
                        kind_of = frame.get("type")
                        if kind_of == "assistant.delta" and sample.first_delta_at is None:
                            sample.first_delta_at = time.monotonic()
                        elif kind_of == "assistant.message":
                            sample.reply_at = time.monotonic()
                            sample.run_id = frame.get("run_id", "")
                            sample.route = frame.get("route", "")
                            break
                        elif kind_of == "error":
                            sample.error = f"error frame: {frame.get('code')}"
                            break
            except Exception as exc:
                sample.error = f"{type(exc).__name__}: {exc}"[:200]
                break
            if sample.route == "handoff":
                break  # a person has the conversation now: agents will not answer it again
    finally:
        await socket.close()


async def load_run(
    *, ports: list[int], clients: list[dict[str, str]], messages_per_client: int, faq_questions: list[str], llm_questions: list[str],
    faq_every: int = 3, think_s: float = 0.0, on_all_connected: Callable[[], None] | None = None,
) -> LoadResult:
    """Run one conversation per client ({cookie, conversation}), spread over the servers on `ports`.

    Each sends its messages in turn.

    Every faq_every-th message overall is an FAQ question (measured separately); the rest need the LLM.
    `on_all_connected` is called once every client has connected, just before the first message.
    """
    result = LoadResult()
    ready = asyncio.Event()
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    connected = [0]
    counter = itertools.count()
    faq_cycle, llm_cycle = itertools.cycle(faq_questions), itertools.cycle(llm_questions)
    plans: list[list[tuple[str, str]]] = []
    for _ in clients:
        plan = []
        for _ in range(messages_per_client):
            if next(counter) % faq_every == faq_every - 1:
                plan.append(("faq", next(faq_cycle)))
            else:
                plan.append(("llm", next(llm_cycle)))
        plans.append(plan)
    tasks = [
        asyncio.create_task(_client(
            url=f"ws://127.0.0.1:{ports[i % len(ports)]}/ws/chat/?conversation={client['conversation']}",
            origin=f"http://127.0.0.1:{ports[i % len(ports)]}", cookie=client["cookie"],
            questions=plans[i], ready=ready, gate=gate, connected=connected, result=result, think_s=think_s,
            start_offset_s=think_s * i / len(clients),
        ))
        for i, client in enumerate(clients)
    ]
    deadline = time.monotonic() + 180
    while connected[0] < len(clients) and time.monotonic() < deadline:  # noqa: ASYNC110  (a counter, polled)
        await asyncio.sleep(0.05)
    if on_all_connected is not None:
        on_all_connected()
    result.started_at = time.monotonic()
    ready.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    result.finished_at = time.monotonic()
    return result


def percentile(values: list[float], q: float, *, digits: int = 1) -> float | None:
    """The q-th percentile (0–100) by nearest rank, rounded to `digits`; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return round(ordered[rank], digits)


def summary(values: list[float], *qs: int, digits: int = 1) -> dict[str, Any]:
    return {f"p{q}": percentile(values, q, digits=digits) for q in qs}
