"""Running the orchestrator for stored messages: scheduling, heartbeats, recovery, delivery.

A user message is committed with a pending run before any agent work starts. The run is then
claimed by this process (exactly once, with a lease), executed, and its outcome stored in one
transaction; the reply frame is sent after that commits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from typing import Any, Protocol
from uuid import UUID

from django.conf import settings

from agents.context import IntentResult, SupportContext
from agents.outcome import RunOutcome
from supportsite.conversations import services
from supportsite.conversations.bridge import context_for_run, ports_for_run
from supportsite.conversations.engine import orchestrator_get
from supportsite.conversations.events import events_sent_after
from supportsite.conversations.models import AgentRun, Message
from supportsite.conversations.otel import run_steps_export
from supportsite.conversations.selectors import message_get_by_client_id
from supportsite.conversations.streaming import RunEventOutbox
from supportsite.core.db import db_async
from supportsite.core.errors import DomainError
from supportsite.core.memory import gc_tune_after_start

logger = logging.getLogger(__name__)

_tasks: set[asyncio.Task[Any]] = set()
HEARTBEAT_S = 10.0
MAX_ATTEMPTS = 3  # a run that crashed its process this often is handed to a person instead
UNAVAILABLE_REPLY = (
    "I'm sorry — something went wrong on our side while I was working on your message. "
    "I've passed your conversation to a member of our support team, who will reply here."
)


class MessageQuota(Protocol):
    """What a message counts against (the chat's rate limits): taken before it is stored, given
    back when it turns out to be a resend or cannot be stored. hit() raises a DomainError to refuse."""

    def hit(self) -> None: ...

    def release(self) -> None: ...


class _Unlimited:
    """The quota of callers that have none (the API and A2A limit their callers themselves)."""

    def hit(self) -> None:
        return None

    def release(self) -> None:
        return None


UNLIMITED: MessageQuota = _Unlimited()


async def message_submit(
    *, conversation_id: UUID | str, text: str, client_id: str, quota: MessageQuota = UNLIMITED,
) -> tuple[Message, AgentRun | None, bool]:
    """Store a customer's message, then start its run in the background once it is committed.

    The quota is counted on the same database thread trip as the message is stored: one hop
    off the event loop per message, not two (#9). The frame that shows staff the message is sent
    from here once the trip returns, before the run starts.
    """
    message, run, created, ctx = await events_sent_after(
        db_async(_message_receive_with_context),
        conversation_id=conversation_id, text=text, client_id=client_id, quota=quota,
    )
    if run is not None:
        run_schedule(run_id=run.id, claimed=run, ctx=ctx)
    return message, run, created


def _message_receive_with_context(
    *, conversation_id: UUID | str, text: str, client_id: str, quota: MessageQuota = UNLIMITED,
) -> tuple[Message, AgentRun | None, bool, SupportContext | None]:
    """Count the message against its quota and store it (committed on return), then read its run's
    context on the same database thread: one trip instead of three before the agents start. Should
    the read fail, the run reads its context itself; the stored message is what must not be lost."""
    try:
        quota.hit()
    except DomainError:
        # A resend of a message already stored is acknowledged even at the limit: the page
        # lost the first ack (a reconnect) and must not be told to wait for its own message.
        stored = message_get_by_client_id(conversation_id=conversation_id, client_id=client_id)
        if stored is None:
            raise
        return stored, None, False, None
    try:
        message, run, created = services.message_receive(
            conversation_id=conversation_id, text=text, client_id=client_id, claim=True,
        )
    except BaseException:
        quota.release()  # not stored: it does not count
        raise
    if not created:
        quota.release()  # a resend of a message already stored does not count twice
    ctx = None
    if run is not None:
        try:
            ctx = context_for_run(run)
        except Exception:
            logger.warning("Could not read the context of run %s now; the run will", run.id, exc_info=True)
    return message, run, created, ctx


# The event loop this process serves conversations on, noted by the ASGI application for each
# connection (recovery.RecoveryOnStart): sync code, such as a staff console view in its thread, is
# itself served by a connection, and starts runs on it.
_serving_loop: asyncio.AbstractEventLoop | None = None


def serving_loop_note(loop: asyncio.AbstractEventLoop) -> None:
    """Remember the loop this process serves ASGI on (recovery.RecoveryOnStart notes it per scope)."""
    global _serving_loop
    _serving_loop = loop


def run_start_from_sync(*, run_id: UUID | str) -> bool:
    """Start a stored run now from sync code; False when this process serves no event loop (a
    management command), and then a server's recovery loop claims the run within its interval."""
    loop = _serving_loop
    if loop is None or loop.is_closed() or not loop.is_running():
        return False
    loop.call_soon_threadsafe(lambda: run_schedule(run_id=run_id))
    return True


def run_schedule(
    *, run_id: UUID | str, claimed: AgentRun | None = None, ctx: SupportContext | None = None,
) -> asyncio.Task[None]:
    """Execute a run in the background: claim it first, unless `claimed` is it, claimed here already
    (then `ctx`, when given, is its context, read with the message)."""
    task = asyncio.get_running_loop().create_task(run_execute(run_id=run_id, claimed=claimed, ctx=ctx),
                                                  name=f"run-{run_id}")
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


async def run_execute(
    *, run_id: UUID | str, claimed: AgentRun | None = None, ctx: SupportContext | None = None,
) -> Message | None:
    """Claim, run and store one run. Never raises: a crash becomes an honest handoff."""
    run = claimed if claimed is not None else await db_async(services.run_claim)(run_id=run_id)
    if run is None:
        return None  # another process has it, or it already finished
    heartbeat = asyncio.get_running_loop().create_task(_heartbeat(run.id))
    try:
        # Heartbeating already: a run waiting for a slot is alive, not one to recover.
        async with run_slots():
            return await _run_in_slot(run, ctx=ctx)
    finally:
        heartbeat.cancel()


_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def run_slots() -> asyncio.Semaphore:
    """This process's admission limit: at most SUPPORT["MAX_CONCURRENT_RUNS"] runs execute at once.

    Past the point where the CPU is busy, more runs at once only make every run slower: they
    queue for the database threads and the GIL until workers time out and customers are handed
    to a person for no reason of theirs (#9, 1,000 conversations). A stored run waits here, in
    order, and then runs at full speed. One semaphore per event loop (tests run several).
    """
    loop = asyncio.get_running_loop()
    slots = _slots.get(loop)
    if slots is None:
        slots = _slots[loop] = asyncio.Semaphore(settings.SUPPORT["MAX_CONCURRENT_RUNS"])
    return slots


async def _run_in_slot(run: AgentRun, *, ctx: SupportContext | None) -> Message | None:
    conversation_id = str(run.conversation_id)
    sink = RunEventOutbox(conversation_id=conversation_id)  # the run never waits on the channel layer (#9)
    try:
        if run.attempts > MAX_ATTEMPTS:
            raise RuntimeError(f"the run failed {run.attempts - 1} times before")
        if ctx is None:
            ctx = await db_async(context_for_run)(run)
        ports = ports_for_run(run)
        orchestrator = await orchestrator_get()
        outcome = await orchestrator.run(ctx, ports=ports, sink=sink)
    except Exception as exc:  # the orchestrator handles its own failures; this is the last net
        logger.exception("Run %s crashed; handing the conversation to a person", run.id)
        outcome = RunOutcome(
            reply=UNAVAILABLE_REPLY, route="handoff", intent=IntentResult(label="general", confidence=0.0),
            handoff_reason="tool_failure", handoff_summary=f"The agents crashed: {type(exc).__name__}: {exc}",
            fallbacks=["crash_handoff"], summary={"error": f"{type(exc).__name__}: {exc}"},
        )
    # Every progress frame and streamed piece goes out before the reply itself, however the run ended.
    await sink.flush()
    try:
        reply = await events_sent_after(db_async(services.run_complete), run_id=run.id, outcome=outcome)
    except Exception:
        # Leave the run claimed: when its lease runs out, recovery runs it again (a few times at
        # most, then an honest handoff), so the customer's message is never left unanswered.
        logger.exception("Could not store the outcome of run %s; recovery will retry it", run.id)
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
    # What start-up loaded lives as long as the process: out of the collector's full passes.
    gc_tune_after_start()
    while True:
        try:
            await runs_recover()
        except Exception:
            logger.warning("Run recovery failed; retrying", exc_info=True)
        await asyncio.sleep(interval)
