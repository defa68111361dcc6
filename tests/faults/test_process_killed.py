"""A server process killed with SIGKILL in the middle of runs: nothing is lost, nothing is answered twice."""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from tests.faults.servers import assistant_texts, connect, send, site

pytestmark = pytest.mark.slow

QUESTIONS = [
    "Why did my last payment fail?",
    "My deploy fails with a build timeout error, what should I check?",
    "Can you explain the charge on my card this month?",
]


async def _reply_after_reconnect(port: int, customer: dict[str, str], *, within_s: float) -> list[str]:
    """Reconnect as the customer until the reply is in the conversation (or arrives live)."""
    deadline = time.monotonic() + within_s
    while True:
        socket, state = await connect(port, customer)
        try:
            if replies := assistant_texts(state):
                return replies
            try:
                async with asyncio.timeout(1.0):
                    while True:
                        frame = json.loads(await socket.recv())
                        if frame["type"] == "assistant.message":
                            return [frame["text"]]
            except TimeoutError:
                pass
        finally:
            await socket.close()
        if time.monotonic() > deadline:
            return []


@pytest.mark.parametrize("restarted_processes", [1, 2])
def test_runs_of_a_killed_server_are_finished_once_after_restart_and_reach_the_customer(
    tmp_path, site_template, restarted_processes
):
    with site(tmp_path, site_template) as s:
        s.start_stub(ttft_ms=1500)  # every LLM call takes 1.5 s: runs are mid-flight when the server dies
        (server,) = s.start_servers(1)
        customers = s.customers(len(QUESTIONS))

        async def before_kill() -> None:
            sockets = []
            for number, (customer, text) in enumerate(zip(customers, QUESTIONS, strict=True)):
                socket, _ = await connect(server.port, customer)
                sockets.append(socket)
                await send(socket, text, f"kill-{number}")
            await asyncio.sleep(1.0)  # the runs are claimed and waiting on the LLM

        asyncio.run(before_kill())
        s.kill_servers()
        unfinished = s.query("SELECT status FROM conversations_agentrun")
        assert len(unfinished) == len(QUESTIONS) and {status for (status,) in unfinished} <= {"running", "pending"}
        assert s.query("SELECT count(*) FROM conversations_message WHERE role = 'assistant'") == [(0,)]

        restarted = s.start_servers(restarted_processes)

        async def after_restart() -> list[list[str]]:
            return list(await asyncio.gather(*(
                _reply_after_reconnect(restarted[i % len(restarted)].port, customer, within_s=60)
                for i, customer in enumerate(customers)
            )))

        replies = asyncio.run(after_restart())
        assert all(len(r) == 1 for r in replies), (replies, s.logs())
        # Exactly once: one reply per message, every run finished, each run claimed twice in all
        # (the dead process, then exactly one of the restarted ones).
        per_message = s.query(
            "SELECT u.id, (SELECT count(*) FROM conversations_message a WHERE a.run_id = r.id AND a.role = 'assistant') "
            "FROM conversations_message u JOIN conversations_agentrun r ON r.message_id = u.id WHERE u.role = 'user'"
        )
        assert len(per_message) == len(QUESTIONS) and all(count == 1 for _, count in per_message), per_message
        runs = s.query("SELECT status, attempts FROM conversations_agentrun")
        assert runs == [("succeeded", 2)] * len(QUESTIONS), (runs, s.logs())
