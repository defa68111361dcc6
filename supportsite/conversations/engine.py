"""One orchestrator per process, built from settings, with its knowledge indexes kept fresh.

Staff edit FAQ entries and articles in the admin; every process notices within a few seconds
(a cheap version query) and rebuilds its indexes, which takes milliseconds.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from typing import Any

from django.conf import settings
from django.db.models import Count, Max

from agents.orchestrator import Orchestrator, OrchestratorConfig
from supportsite.core.db import db_async
from supportsite.knowledge.models import Article, FaqEntry

VERSION_CHECK_S = 5.0
logger = logging.getLogger(__name__)


def provider_description() -> str:
    if settings.OPENAI_API_KEY or settings.OPENAI_BASE_URL:
        where = settings.OPENAI_BASE_URL or "api.openai.com"
        return f"OpenAI-compatible model {settings.SUPPORT_LLM_MODEL} at {where}"
    return "the built-in offline provider (no OPENAI_API_KEY set)"


def orchestrator_config(**overrides: Any) -> OrchestratorConfig:
    """The orchestrator's settings (SUPPORT in settings.py), for the server and the evaluation alike."""
    support = settings.SUPPORT
    return OrchestratorConfig(**{
        "faq_threshold": support["FAQ_SHORTCUT_THRESHOLD"], "worker_timeout_s": support["WORKER_TIMEOUT_S"],
        "llm_timeout_s": support["LLM_TIMEOUT_S"], "budget_calls": support["RUN_BUDGET_CALLS"],
        "pipeline": support["PIPELINE"], "trust_local_intent_at": support["TRUST_LOCAL_INTENT_AT"], **overrides,
    })


def knowledge_version() -> tuple[Any, ...]:
    faq = FaqEntry.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    art = Article.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return (faq["n"], faq["t"], art["n"], art["t"])


class _Engine:
    def __init__(self) -> None:
        self.orchestrator: Orchestrator | None = None
        self.version: tuple[Any, ...] | None = None
        self.checked_at = 0.0
        self._providers: tuple[Any, Any] | None = None
        self._lock = asyncio.Lock()
        self._refresh_task: asyncio.Task[None] | None = None
        self._warm_task: asyncio.Task[None] | None = None

    def providers(self) -> tuple[Any, Any]:
        """The main provider and the offline fallback: built once per process (one LLM client)."""
        if self._providers is None:
            from agents.providers.factory import build_provider
            from agents.providers.offline import OfflineProvider

            offline = OfflineProvider()
            # The intent model is read here, on the database thread that builds the agents at
            # start-up; left to the first message, it cost that message 18 ms of the event loop.
            offline.warm_up()
            provider = build_provider(
                api_key=settings.OPENAI_API_KEY, base_url=settings.OPENAI_BASE_URL,
                model=settings.SUPPORT_LLM_MODEL, timeout_s=settings.SUPPORT["LLM_TIMEOUT_S"], offline=offline,
            )
            self._providers = (provider, offline)
        return self._providers

    def build(self) -> tuple[Orchestrator, tuple[Any, ...]]:
        from agents.providers.offline import article_index_build, faq_index_build, incident_match
        from supportsite.conversations.bridge import knowledge_article_facts, knowledge_faq_facts

        version = knowledge_version()
        provider, offline = self.providers()
        # run_complete reads the conversation again under a row lock before it stores the reply.
        config = orchestrator_config(host_checks_before_send=True)
        orchestrator = Orchestrator(
            provider=provider, fallback=offline, faq=faq_index_build(knowledge_faq_facts()),
            kb=article_index_build(knowledge_article_facts()), incident_matcher=incident_match, config=config,
        )
        return orchestrator, version

    async def get(self) -> Orchestrator:
        """The orchestrator; a knowledge check that is due runs beside the caller's run, not before it."""
        if self.orchestrator is None:
            async with self._lock:
                if self.orchestrator is None:
                    await self._refresh()
            assert self.orchestrator is not None
            return self.orchestrator
        if time.monotonic() - self.checked_at >= VERSION_CHECK_S and (self._refresh_task is None
                                                                     or self._refresh_task.done()):
            self.checked_at = time.monotonic()  # one check in flight per process
            self._refresh_task = asyncio.get_running_loop().create_task(self._refresh_in_background())
        return self.orchestrator

    def ready(self) -> bool:
        """Whether the agents are built; if not, start building them in the background (once at a time).

        The readiness check asks this: a process is not ready for customers before its models and knowledge
        indexes are loaded, and the check must not wait for the build itself (nor be the one to cancel it).
        """
        if self.orchestrator is not None:
            return True
        if self._warm_task is None or self._warm_task.done():
            self._warm_task = asyncio.get_running_loop().create_task(self._build_in_background())
        return False

    async def _build_in_background(self) -> None:
        try:
            await self.get()
        except Exception:  # the next readiness check, or the first message, tries again
            logger.warning("Could not prepare the agents", exc_info=True)

    async def _refresh(self) -> None:
        current = await db_async(knowledge_version)()
        if self.orchestrator is None or current != self.version:
            self.orchestrator, self.version = await db_async(self.build)()
        self.checked_at = time.monotonic()

    async def _refresh_in_background(self) -> None:
        try:
            async with self._lock:
                await self._refresh()
        except Exception:  # the current indexes serve on; the next due check tries again
            logger.warning("Could not check the knowledge base for edits", exc_info=True)

    def reset(self) -> None:
        self.orchestrator = None
        self.version = None
        self._providers = None


_engine = _Engine()


async def orchestrator_get() -> Orchestrator:
    return await _engine.get()


def orchestrator_ready() -> bool:
    """True once this process's agents are built; else their build is started and False returned."""
    return _engine.ready()


def orchestrator_reset() -> None:
    """Forget the orchestrator and providers so the next run rebuilds them from settings."""
    global _engine
    _engine = _Engine()


def llm_clients_close_at_shutdown() -> None:
    """Under Daphne, close the LLM clients' connections before the server stops.

    Daphne sends no lifespan events; its Twisted reactor runs "before shutdown" triggers on its
    asyncio loop, where the clients' connections live. Closed, they end cleanly instead of being
    reported as unclosed sessions as the process exits.
    """
    if "daphne.server" not in sys.modules:
        return
    from twisted.internet import defer, reactor

    from agents.providers.factory import clients_close

    def before_shutdown() -> defer.Deferred[None]:
        return defer.Deferred.fromFuture(asyncio.ensure_future(clients_close()))

    reactor.addSystemEventTrigger("before", "shutdown", before_shutdown)  # type: ignore[attr-defined]
