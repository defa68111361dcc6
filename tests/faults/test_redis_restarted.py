"""Redis restarted while customers are connected: sockets recover and nothing is lost.

A private redis-server on a spare port stands in for the shared one, so the test can kill it.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import time
import urllib.error
import urllib.request

import pytest

from bench.procs import free_port, port_open
from tests.faults.servers import assistant_texts, connect, send, site

pytestmark = [pytest.mark.slow, pytest.mark.redis,
              pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs the redis-server binary")]

QUESTIONS = ["Why did my last payment fail?", "My deploy fails with a build timeout error, what should I check?",
             "Can you explain the charge on my card this month?"]


def _readiness(port: int) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _start_redis(s, port: int):
    child = s.children.start(f"redis-{time.monotonic_ns()}", ["redis-server", "--port", str(port), "--save", "",
                                                               "--appendonly", "no", "--bind", "127.0.0.1"],
                             env=s.env(), port=port, log_dir=s.tmp)
    deadline = time.monotonic() + 10
    while not port_open(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    return child


async def _live_or_stored_reply(port: int, customer: dict[str, str], socket, *, within_s: float) -> list[str]:
    """The reply, live on the old socket if it survived, else from the database on reconnect."""
    deadline = time.monotonic() + within_s
    try:
        async with asyncio.timeout(3):
            while True:
                frame = json.loads(await socket.recv())
                if frame["type"] == "assistant.message":
                    return [frame["text"]]
    except Exception:  # closed by the server when its layer broke, or silent: reconnect
        await socket.close()
    while time.monotonic() < deadline:
        try:
            fresh, state = await connect(port, customer)
        except Exception:  # as the chat page does: a failed reconnect is tried again shortly
            await asyncio.sleep(0.5)
            continue
        await fresh.close()
        if replies := assistant_texts(state):
            return replies
        await asyncio.sleep(0.5)
    return []


def test_customers_get_every_reply_and_can_go_on_chatting_after_redis_restarts(tmp_path, site_template):
    with site(tmp_path, site_template) as s:
        redis_port = free_port()
        redis = _start_redis(s, redis_port)
        s.extra_env = {"REDIS_URL": f"redis://127.0.0.1:{redis_port}/0"}
        s.start_stub(ttft_ms=800)
        (server,) = s.start_servers(1)
        customers = s.customers(len(QUESTIONS))

        async def scenario() -> tuple[list[list[str]], list[str]]:
            sockets = []
            for number, (customer, text) in enumerate(zip(customers, QUESTIONS, strict=True)):
                socket, _ = await connect(server.port, customer)
                sockets.append(socket)
                await send(socket, text, f"redis-{number}")
            # Redis dies while the runs are waiting on the LLM, and stays down until they have
            # finished (three 0.8 s LLM calls each): their replies can only come from the database.
            s.children.stop(redis, sig=signal.SIGKILL)
            await asyncio.sleep(2.0)
            # A load balancer asking meanwhile is told the process cannot serve, and why.
            down = await asyncio.to_thread(_readiness, server.port)
            await asyncio.sleep(2.0)
            _start_redis(s, redis_port)
            replies = await asyncio.gather(*(
                _live_or_stored_reply(server.port, customer, socket, within_s=60)
                for customer, socket in zip(customers, sockets, strict=True)
            ))
            # Chatting goes on over fresh sockets: a new message gets its reply live.
            socket, _ = await connect(server.port, customers[0])
            await send(socket, "What are your support hours?", "after-restart")
            async with asyncio.timeout(30):
                while (frame := json.loads(await socket.recv()))["type"] != "assistant.message":
                    pass
            await socket.close()
            return list(replies), [frame["text"]], down, await asyncio.to_thread(_readiness, server.port)

        replies, after, down, back = asyncio.run(scenario())
        assert down[0] == 503 and not down[1]["checks"]["channel_layer"]["ok"], down
        assert down[1]["checks"]["database"]["ok"] and down[1]["checks"]["agents"]["ok"], down
        assert back[0] == 200 and back[1]["status"] == "ok", back
        assert all(len(r) == 1 for r in replies), (replies, s.logs())
        assert after and after[0]
        counts = s.query("SELECT role, count(*) FROM conversations_message GROUP BY role ORDER BY role")
        assert counts == [("assistant", len(QUESTIONS) + 1), ("user", len(QUESTIONS) + 1)], counts
