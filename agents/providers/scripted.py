"""An in-process provider that plays a script: for testing the orchestrator's decisions.

Each of classify / write_reply / review takes its answers from a queue (the last one
repeats) or from a function of the context, and any answer may be an exception to raise.
Every call is recorded so a test can say what was asked of the "model".
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agents.context import IntentResult, SupportContext
from agents.outcome import CriticVerdict, Draft, Usage
from agents.providers.base import DeltaSink

IntentScript = IntentResult | BaseException | Callable[[SupportContext], IntentResult]
DraftScript = Draft | str | BaseException | Callable[[SupportContext, str, list[str] | None], Draft | str]
VerdictScript = CriticVerdict | BaseException | Callable[[SupportContext, Draft], CriticVerdict]


@dataclass
class ScriptedCall:
    operation: str  # classify | write_reply | review
    persona: str = ""
    message: str = ""
    revision_notes: list[str] | None = None
    draft: str = ""
    facts: dict[str, Any] = field(default_factory=dict)


def _next(queue: list[Any]) -> Any:
    return queue.pop(0) if len(queue) > 1 else queue[0]


class ScriptedProvider:
    def __init__(
        self, *, name: str = "scripted", model: str = "scripted-1",
        intents: list[IntentScript] | None = None, replies: list[DraftScript] | None = None,
        verdicts: list[VerdictScript] | None = None, personas: dict[str, DraftScript] | None = None,
        delay_s: float = 0.0, chunk_words: int = 3, usage: Usage | None = None,
    ):
        self.name = name
        self.model = model
        self.intents: list[IntentScript] = intents or [IntentResult(label="general", confidence=0.8)]
        self.replies: list[DraftScript] = replies or ["Thanks for your message."]
        self.verdicts: list[VerdictScript] = verdicts or [CriticVerdict(verdict="approve")]
        self.personas = personas or {}  # persona → script, for panel specialists
        self.delay_s = delay_s
        self.chunk_words = chunk_words
        self.usage = usage or Usage(model=model, input_tokens=10, output_tokens=5)
        self.calls: list[ScriptedCall] = []

    def calls_of(self, operation: str) -> list[ScriptedCall]:
        return [call for call in self.calls if call.operation == operation]

    async def classify(self, ctx: SupportContext) -> tuple[IntentResult, Usage]:
        self.calls.append(ScriptedCall("classify", message=ctx.message))
        await asyncio.sleep(self.delay_s)
        script = _next(self.intents)
        if isinstance(script, BaseException):
            raise script
        result = script(ctx) if callable(script) else script
        return result, self.usage

    async def write_reply(
        self, ctx: SupportContext, *, on_delta: DeltaSink, revision_notes: list[str] | None = None,
        persona: str = "resolver",
    ) -> Draft:
        self.calls.append(ScriptedCall(
            "write_reply", persona=persona, message=ctx.message, revision_notes=revision_notes,
            facts=ctx.facts,
        ))
        await asyncio.sleep(self.delay_s)
        script = self.personas[persona] if persona in self.personas else _next(self.replies)
        if isinstance(script, BaseException):
            raise script
        result = script(ctx, persona, revision_notes) if callable(script) else script
        draft = Draft(text=result) if isinstance(result, str) else result
        if draft.usage == Usage():  # scripts rarely bother with usage; report the provider's
            draft = draft.model_copy(update={"usage": self.usage})
        words = draft.text.split(" ")
        for start in range(0, len(words), self.chunk_words):
            piece = " ".join(words[start:start + self.chunk_words])
            await on_delta(piece if start + self.chunk_words >= len(words) else piece + " ")
        return draft

    async def review(self, ctx: SupportContext, draft: Draft) -> CriticVerdict:
        self.calls.append(ScriptedCall("review", message=ctx.message, draft=draft.text))
        await asyncio.sleep(self.delay_s)
        script = _next(self.verdicts)
        if isinstance(script, BaseException):
            raise script
        verdict = script(ctx, draft) if callable(script) else script
        return verdict if verdict.usage != Usage() else verdict.model_copy(update={"usage": self.usage})
