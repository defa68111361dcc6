"""What a provider of language intelligence must do, whether an LLM or the offline stack."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from agents.context import IntentResult, SupportContext
from agents.outcome import ArticleMatch, CriticVerdict, Draft, FaqMatch, Usage

DeltaSink = Callable[[str], Awaitable[None]]


class Provider(Protocol):
    name: str  # "offline" or "openai"
    model: str

    async def classify(self, ctx: SupportContext) -> tuple[IntentResult, Usage]:
        """The intent of ctx.message, with a calibrated confidence."""
        ...

    async def write_reply(
        self, ctx: SupportContext, *, on_delta: DeltaSink, revision_notes: list[str] | None = None,
        persona: str = "resolver",
    ) -> Draft:
        """A reply grounded in ctx.facts, streamed piece by piece through on_delta."""
        ...

    async def review(self, ctx: SupportContext, draft: Draft) -> CriticVerdict:
        """Approve, ask for one revision, or hand off: grounded, within constraints, on the question."""
        ...


class FaqRetriever(Protocol):
    def search(self, text: str, *, k: int = 3) -> list[FaqMatch]:
        """Best FAQ entries for text; score is a calibrated probability that the top one is right."""
        ...


class ArticleRetriever(Protocol):
    def search(self, text: str, *, k: int = 3) -> list[ArticleMatch]: ...
