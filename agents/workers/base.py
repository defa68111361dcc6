"""What every worker shares: the per-run dependencies, the agent call, tool and LLM steps.

A worker is an async function `(AgentRequest, RunDeps) -> AgentResponse`. `invoke` runs one
as a traced agent step with its own timeout and never raises; `tool` and `call_llm` make
the nested tool and LLM steps, charge the run budget and walk the fallback chain.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from agents.context import SupportContext
from agents.envelope import AgentRequest, AgentResponse, ResponseMetadata
from agents.events import EventSink
from agents.facts import IncidentFact
from agents.outcome import Usage
from agents.ports import Ports
from agents.providers.base import ArticleRetriever, FaqRetriever, Provider
from agents.resilience import BudgetExhausted, ProviderError, RunBudget
from agents.tracing import Tracer
from agents.workers.guard import Grounding

T = TypeVar("T")
UNAVAILABLE_KINDS = frozenset({"timeout", "connection", "server_error", "rate_limited", "circuit_open"})
IncidentMatcher = Callable[[str, list[IncidentFact]], IncidentFact | None]


# The end of a sentence or line: ".", "!", "?" or ":" followed by white space ("$99.00" is not one).
_SENTENCE_END = re.compile(r"[.!?:…](?=\s)\s*|\n")
# A whole word (white space after it) and the white space.
_WORD = re.compile(r"(\S+)\s+")
# A word that can carry nothing the guard looks for: lower-case letters, an apostrophe or hyphen
# between them, a comma or semicolon after. No digit, "$", "@", "-" run or capital: an invoice,
# amount, email or name always fails this.
_PLAIN_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*[,;]?")
# Capitalised words that open a sentence without naming anyone; any other capital may be a name.
_OPENERS = frozenset({
    "a", "absolutely", "after", "all", "also", "an", "and", "any", "apologies", "as", "at", "because", "before",
    "but", "certainly", "could", "do", "done", "for", "glad", "good", "great", "happy", "hello", "here", "hi", "how",
    "i", "i'd", "i'll", "i'm", "i've", "if", "in", "is", "it", "it's", "just", "let", "let's", "no", "now", "of",
    "ok", "okay", "on", "once", "our", "please", "right", "since", "so", "sorry", "sure", "thank", "thanks", "that",
    "that's", "the", "then", "there", "there's", "these", "this", "those", "to", "unfortunately", "we", "we'd",
    "we'll", "we're", "we've", "welcome", "what", "when", "where", "which", "while", "why", "yes", "you", "you'll",
    "you're", "you've", "your",
})


def _plain_head_end(text: str, *, sentence_start: bool) -> tuple[int, bool]:
    """Where the run of whole, plain words at the start of `text` ends (0: none), and whether a
    whole word that is not plain ends it (then the rest of its sentence is held).

    A sentence's first word may be a capitalised opener ("Thanks", "Your", "I'm").
    """
    end = 0
    for number, match in enumerate(_WORD.finditer(text)):
        if match.start() != end:
            break
        word = match.group(1)
        opener = (number == 0 and sentence_start) or word.startswith("I'") or word.rstrip(",;") == "I"
        if not (_PLAIN_WORD.fullmatch(word) or (opener and word.rstrip(",;").lower().replace("’", "'") in _OPENERS)):
            return end, True
        end = match.end()
    return end, False


class StreamGate:
    """Forwards reply pieces as assistant.delta events, through the grounding guard.

    Text is held until the guard can judge it, and a piece the guard objects to (an invoice,
    amount or email the facts do not hold) closes the gate for that draft: the customer never
    sees it stream past, whatever the model was talked into writing. What can carry such a
    thing is judged with the rest of its sentence: "Bob Chen (bob@example.com) has NW-2001"
    is one piece, or the name streams out before the address that gives it away arrives.
    Plain words (lower-case, no digits or symbols, or a common opener such as "Thanks") can
    carry nothing the guard looks for, so they go out as they come: a reply's first words
    reach the customer with the model's first tokens, not a sentence later. A sentence that
    runs on past MAX_HELD_CHARS is released at its last whole word.

    hold_until() holds every piece until an awaited answer says the agents may still reply
    (False: nothing is streamed), so the writer need not wait for that answer to start.
    """

    MAX_HELD_CHARS = 240

    def __init__(self, *, sink: EventSink, run_id: str, enabled: bool = True):
        self.sink = sink
        self.run_id = run_id
        self.enabled = enabled
        self.emitted = 0
        self._buffer = ""
        self._mid_sentence = False  # the buffer starts inside a sentence whose head went out
        self._holding = False  # a word that is not plain heads the buffer: held to the sentence's end
        self._blocked = False
        self._grounding: Grounding | None = None
        self._allowed: Awaitable[bool] | None = None

    def begin_draft(self, ctx: SupportContext) -> None:
        self._buffer = ""
        self._mid_sentence = False
        self._holding = False
        self._blocked = False
        self._grounding = Grounding.from_context(ctx)

    def hold_until(self, allowed: Awaitable[bool]) -> None:
        self._allowed = allowed

    async def delta(self, text: str) -> None:
        if not self.enabled or self._blocked:
            return
        # What is held has no sentence end in it (or it would have gone out): look only at what is
        # new, and at the character before it (a "." waiting for the space after it).
        search_from = max(0, len(self._buffer) - 1)
        self._buffer += text
        ends = [m.end() for m in _SENTENCE_END.finditer(self._buffer, search_from)]
        cut = ends[-1] if ends else 0
        if not ends and len(self._buffer) > self.MAX_HELD_CHARS:
            cut = max(self._buffer.rfind(" "), self._buffer.rfind("\n")) + 1
        elif not ends and self._holding:
            return
        sentence_start = bool(ends) or (cut == 0 and not self._mid_sentence)
        head, self._holding = _plain_head_end(self._buffer[cut:], sentence_start=sentence_start)
        if cut + head <= 0:
            return
        self._mid_sentence = bool(head) or not ends
        ready, self._buffer = self._buffer[:cut + head], self._buffer[cut + head:]
        await self._release(ready)

    async def finish_draft(self) -> None:
        if self._buffer and self.enabled and not self._blocked:
            await self._release(self._buffer)
        self._buffer = ""

    async def _release(self, text: str) -> None:
        if self._allowed is not None:
            allowed, self._allowed = await self._allowed, None
            if not allowed:
                self.stop()
                return
        if self._grounding is not None and self._grounding.text_violations(text):
            self._blocked = True
            return
        self.emitted += 1
        await self.sink({"type": "assistant.delta", "run_id": self.run_id, "text": text})

    async def reset(self) -> None:
        """Tell the client to drop what streamed so far (a new draft replaces it)."""
        self._buffer = ""
        self._holding = False
        if self.enabled and self.emitted:
            self.emitted = 0
            await self.sink({"type": "assistant.delta", "run_id": self.run_id, "text": "", "reset": True})

    def stop(self) -> None:
        """A person has the conversation: nothing more is streamed."""
        self.enabled = False


@dataclass
class RunDeps:
    ports: Ports
    provider: Provider
    fallback: Provider
    faq: FaqRetriever
    kb: ArticleRetriever
    incident_matcher: IncidentMatcher | None
    tracer: Tracer
    budget: RunBudget
    stream: StreamGate
    llm_timeout_s: float = 30.0
    fallbacks: list[str] = field(default_factory=list)
    # Set when the remote provider failed as unavailable (not merely wrong): the rest of the run
    # goes straight to the fallback instead of waiting on a dead server call after call.
    primary_down: str = ""

    def record_fallback(self, label: str) -> None:
        self.fallbacks.append(label)


Agent = Callable[[AgentRequest, RunDeps], Awaitable[AgentResponse]]


def metadata(agent: str, *, usage: Usage | None = None, fallback: str = "") -> ResponseMetadata:
    usage = usage or Usage()
    return ResponseMetadata(
        agent=agent, model=usage.model, input_tokens=usage.input_tokens, output_tokens=usage.output_tokens,
        fallback=fallback,
    )


def error_kind(exc: BaseException) -> str:
    if isinstance(exc, ProviderError):
        return exc.kind
    if isinstance(exc, TimeoutError):
        return "timeout"
    return type(exc).__name__


async def invoke(
    fn: Agent, request: AgentRequest, deps: RunDeps, *, timeout_s: float | None = None, agent: str | None = None,
    name: str | None = None,
) -> AgentResponse:
    """Run one agent as a traced step; a failure or timeout comes back as status=error."""
    agent_name = agent or request.target
    started = time.perf_counter()
    async with deps.tracer.step(
        agent=agent_name, kind="agent", name=name or request.task,
        input={"task": request.task, "caller": request.caller, **_brief(request.parameters)},
    ) as step:
        try:
            async with asyncio.timeout(timeout_s):
                response = await fn(request, deps)
        except TimeoutError:
            response = AgentResponse(
                status="error", error=f"timeout after {timeout_s}s", metadata=metadata(agent_name),
            )
        except Exception as exc:  # a worker's bug must not take the run down; it is recorded
            response = AgentResponse(
                status="error", error=f"{type(exc).__name__}: {exc}", metadata=metadata(agent_name),
            )
        step.output = {"status": response.status, **_brief(response.result)}
        step.model = response.metadata.model or step.model
        if response.status == "error":
            step.error = response.error
    response.metadata.duration_ms = (time.perf_counter() - started) * 1000
    return response


async def tool(deps: RunDeps, name: str, call: Callable[[], Awaitable[T]], **inputs: Any) -> T:
    """One port call: charged to the run budget and traced as a tool step."""
    deps.budget.spend(f"tool:{name}")
    async with deps.tracer.step(agent="tool", kind="tool", name=name, input=inputs) as step:
        result = await call()
        step.output = _brief({"result": result})
        return result


async def call_llm(
    deps: RunDeps, *, agent: str, operation: str, call: Callable[[Provider], Awaitable[T]],
    usage_of: Callable[[T], Usage], describe: Callable[[T], dict[str, Any]] = lambda _: {},
    before_fallback: Callable[[], Awaitable[None]] | None = None, providers: list[Provider] | None = None,
) -> tuple[T, Provider]:
    """Call the provider, then the offline fallback; each attempt is an llm step.

    Only calls to a remote provider are charged to the budget: the offline provider is
    local computation, and it is what keeps a run answerable once the budget is spent.
    """
    chain = providers or ([deps.provider] if deps.provider is deps.fallback else [deps.provider, deps.fallback])
    if deps.primary_down and len(chain) > 1 and chain[0] is not deps.fallback:
        deps.record_fallback(f"{agent}: {chain[0].name} skipped ({deps.primary_down} earlier in this run) "
                             f"→ {chain[-1].name}")
        chain = chain[1:]
    last_error: BaseException | None = None
    for position, provider in enumerate(chain):
        if position and before_fallback is not None:
            await before_fallback()
        try:
            if provider is not deps.fallback:
                deps.budget.spend(f"llm:{agent}")
            async with deps.tracer.step(
                # GenAI span naming: "{operation} {model}".
                agent=agent, kind="llm", name=f"chat {provider.model}", model=provider.model,
                input={"operation": operation, "provider": provider.name},
            ) as step:
                async with asyncio.timeout(deps.llm_timeout_s):
                    result = await call(provider)
                usage = usage_of(result)
                step.input_tokens, step.output_tokens = usage.input_tokens, usage.output_tokens
                step.output = describe(result)
            return result, provider
        except (ProviderError, TimeoutError, BudgetExhausted) as exc:
            last_error = exc
        except Exception as exc:  # e.g. a bug in a provider: fall back all the same, recorded
            last_error = exc
        if provider is not deps.fallback and error_kind(last_error) in UNAVAILABLE_KINDS:
            deps.primary_down = error_kind(last_error)
        if position + 1 < len(chain):
            deps.record_fallback(f"{agent}: {provider.name} failed ({error_kind(last_error)}) → {chain[-1].name}")
    assert last_error is not None
    raise last_error


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _brief(data: dict[str, Any], limit: int = 600) -> dict[str, Any]:
    """A JSON-safe, size-capped copy for step input/output (steps are stored with the run)."""
    brief: dict[str, Any] = {}
    for key, value in data.items():
        encoded = json.dumps(_plain(value), default=str)
        brief[key] = json.loads(encoded) if len(encoded) <= limit else encoded[:limit] + "…"
    return brief
