"""Starting the run-recovery loop once in every server process, on that server's event loop.

A run whose process died (a deploy, a crash, SIGKILL) is left RUNNING with a lease that is no
longer renewed, or PENDING and never claimed. Each server process runs
``runner.recovery_loop()``, which picks such runs up again; ``services.run_claim`` makes sure
only one process executes each of them.

Daphne sends no lifespan events, so the loop is started two ways, whichever comes first:
queued on Daphne's event loop when the ASGI module is imported by a Daphne server, and by the
first connection that reaches the application.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

_task: asyncio.Task[None] | None = None


def recovery_ensure_started() -> asyncio.Task[None] | None:
    """Start the recovery loop on the running event loop, unless it already runs there."""
    global _task
    if not settings.SUPPORT["RECOVERY_ON_START"]:
        return None
    loop = asyncio.get_running_loop()
    if _task is not None and not _task.done() and _task.get_loop() is loop:
        return _task
    from supportsite.conversations.runner import recovery_loop  # the orchestrator loads lazily

    _task = loop.create_task(recovery_loop(), name="run-recovery")
    logger.info("Run recovery started (lease %ss)", settings.SUPPORT["RUN_LEASE_S"])
    return _task


def recovery_schedule_at_boot() -> None:
    """Under Daphne the application is imported before the server's loop runs: queue the start there."""
    daphne_server = sys.modules.get("daphne.server")
    loop = getattr(daphne_server, "twisted_loop", None)
    if loop is not None and settings.SUPPORT["RECOVERY_ON_START"]:
        loop.call_soon_threadsafe(recovery_ensure_started)


class RecoveryOnStart:
    """ASGI wrapper: makes sure the recovery loop runs once the server handles its first scope, and
    tells the runner which loop serves this process."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if _task is None or _task.done():
            recovery_ensure_started()
        from supportsite.conversations.runner import serving_loop_note  # the orchestrator loads lazily

        # Runs started from sync code (the staff console's views, in threads) run on this loop.
        serving_loop_note(asyncio.get_running_loop())
        return await self.app(scope, receive, send)
