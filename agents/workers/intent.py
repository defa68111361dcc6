"""Intent agent: what the customer wants, with a confidence.

parameters.use picks who classifies: "chain" (the provider, then the offline fallback),
"local" (the offline classifier only: cheap enough to run before deciding on the FAQ
shortcut) or "primary" (the provider only; the caller already holds the local answer).
"""

from __future__ import annotations

from agents.envelope import AgentRequest, AgentResponse
from agents.workers.base import RunDeps, call_llm, metadata


async def intent_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    ctx = request.context
    use = request.parameters.get("use", "chain")
    providers = {"local": [deps.fallback], "primary": [deps.provider]}.get(use)
    (intent, usage), provider = await call_llm(
        deps, agent="intent", operation="classify", call=lambda p: p.classify(ctx),
        usage_of=lambda result: result[1], providers=providers,
        describe=lambda result: {"label": result[0].label, "confidence": result[0].confidence,
                                 "secondary": list(result[0].secondary)},
    )
    fallback = provider.name if provider is not deps.provider else ""
    return AgentResponse(
        status="success", result={"intent": intent.model_dump(), "provider": provider.name},
        metadata=metadata("intent", usage=usage, fallback=fallback),
    )
