"""Running the orchestrator for stored messages: scheduling, heartbeats, recovery, delivery.

A user message is committed with a pending run before any agent work starts. The run is then
claimed by this process (exactly once, with a lease), executed, and its outcome stored in one
transaction; the reply frame is sent after that commits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any
from uuid import UUID

from django.conf import settings

from agents.context import IntentResult
from agents.outcome import RunOutcome
from supportsite.conversations import services
from supportsite.conversations.bridge import context_for_run, ports_for_run
from supportsite.conversations.engine import orchestrator_get
from supportsite.conversations.models import AgentRun, Message
from supportsite.conversations.otel import run_steps_export
from supportsite.conversations.streaming import CoalescingSink
from supportsite.core.db import db_async

logger = logging.getLogger(__name__)

_tasks: set[asyncio.Task[Any]] = set()
HEARTBEAT_S = 10.0
MAX_ATTEMPTS = 3  # a run that crashed its process this often is handed to a person instead
UNAVAILABLE_REPLY = (
    "I'm sorry — something went wrong on our side while I was working on your message. "
    "I've passed your conversation to a member of our support team, who will reply here."
)


async def message_submit(*, conversation_id: UUID | str, text: str, client_id: str) -> tuple[Message, AgentRun | None, bool]:
    """Store a customer's message, then start its run in the background once it is committed."""
    message, run, created = await db_async(services.message_receive)(
        conversation_id=conversation_id, text=text, client_id=client_id
    )
    if run is not None:
        run_schedule(run_id=run.id)
    return message, run, created


def run_schedule(*, run_id: UUID | str) -> asyncio.Task[None]:
    task = asyncio.get_running_loop().create_task(run_execute(run_id=run_id), name=f"run-{run_id}")
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task


async def runs_drain(wait_s: float = 30.0) -> None:
    """Wait for this process's runs to finish (tests, shutdown)."""
    if _tasks:
        await asyncio.wait(list(_tasks), timeout=wait_s)


async def _heartbeat(run_id: UUID | str) -> None:
    # Renew well inside the lease, so a live run is never taken for a dead one.
    interval = min(HEARTBEAT_S, settings.SUPPORT["RUN_LEASE_S"] / 3)
    while True:
        await asyncio.sleep(interval)
        with contextlib.suppress(Exception):
            await db_async(services.run_heartbeat)(run_id=run_id)


async def run_execute(*, run_id: UUID | str) -> Message | None:
    """Claim, run and store one run. Never raises: a crash becomes an honest handoff."""
    run = await db_async(services.run_claim)(run_id=run_id)
    if run is None:
        return None  # another process has it, or it already finished
    heartbeat = asyncio.get_running_loop().create_task(_heartbeat(run.id))
    conversation_id = str(run.conversation_id)

    sink = CoalescingSink(conversation_id=conversation_id)  # tokens joined into fewer frames (bench, #9)

    try:
        if run.attempts > MAX_ATTEMPTS:
            raise RuntimeError(f"the run failed {run.attempts - 1} times before")
        ctx = await db_async(context_for_run)(run)
        ports = ports_for_run(run)
        orchestrator = await orchestrator_get()
        outcome = await orchestrator.run(ctx, ports=ports, sink=sink)
        await sink.flush()  # every streamed piece goes out before the reply itself
    except Exception as exc:  # the orchestrator handles its own failures; this is the last net
        logger.exception("Run %s crashed; handing the conversation to a person", run_id)
        outcome = RunOutcome(
            reply=UNAVAILABLE_REPLY, route="handoff", intent=IntentResult(label="general", confidence=0.0),
            handoff_reason="tool_failure", handoff_summary=f"The agents crashed: {type(exc).__name__}: {exc}",
            fallbacks=["crash_handoff"], summary={"error": f"{type(exc).__name__}: {exc}"},
        )
    finally:
        heartbeat.cancel()
    try:
        reply = await db_async(services.run_complete)(run_id=run.id, outcome=outcome)
    except Exception:
        # Leave the run claimed: when its lease runs out, recovery runs it again (a few times at
        # most, then an honest handoff), so the customer's message is never left unanswered.
        logger.exception("Could not store the outcome of run %s; recovery will retry it", run_id)
        return None
    run_steps_export(run_id=str(run.id), conversation_id=conversation_id, steps=outcome.steps)
    return reply


async def runs_recover(*, lease_s: float | None = None) -> int:
    """Pick up runs that a stopped process left unfinished; each is claimed by one process only."""
    run_ids = await db_async(services.run_ids_to_recover)(lease_s=lease_s)
    for run_id in run_ids:
        run_schedule(run_id=run_id)
    if run_ids:
        logger.info("Recovering %d unfinished runs", len(run_ids))
    return len(run_ids)


async def recovery_loop(*, interval_s: float | None = None) -> None:
    """Recover at start, then every interval, so runs of a process that died are never stranded."""
    interval = interval_s or settings.SUPPORT["RECOVERY_INTERVAL_S"]
    try:
        # Load the models and build the knowledge indexes now, not on the first customer's message.
        await orchestrator_get()
        logger.info("Agents ready")
    except Exception:
        logger.warning("Could not prepare the agents at start; the first run will try again", exc_info=True)
    while True:
        try:
            await runs_recover()
        except Exception:
            logger.warning("Run recovery failed; retrying", exc_info=True)
        await asyncio.sleep(interval)
