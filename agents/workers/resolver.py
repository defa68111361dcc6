"""Resolver agent: writes the reply from the whole context, streaming it to the customer.

The same agent drafts for the expert panel: parameters.persona picks the specialist
("billing", "account", "technical", "general") or "critic" for the panel's synthesis, and
parameters.stream says whether the pieces go to the customer.
"""

from __future__ import annotations

from agents.envelope import AgentRequest, AgentResponse
from agents.outcome import Draft
from agents.workers.base import RunDeps, call_llm, metadata


async def _discard(_: str) -> None:
    return None


async def resolver_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    ctx = request.context
    persona = str(request.parameters.get("persona", "resolver"))
    notes = list(request.parameters.get("revision_notes") or []) or None
    stream = bool(request.parameters.get("stream", True))
    on_delta = deps.stream.delta if stream else _discard
    if stream:
        deps.stream.begin_draft(ctx)

    async def restart_stream() -> None:
        # The first provider may have streamed half a reply; the fallback's replaces it.
        if stream:
            await deps.stream.reset()
            deps.stream.begin_draft(ctx)

    draft, provider = await call_llm(
        deps, agent=request.target, operation="write_reply",
        call=lambda p: p.write_reply(ctx, on_delta=on_delta, revision_notes=notes, persona=persona),
        usage_of=lambda d: d.usage,
        describe=lambda d: {"persona": persona, "chars": len(d.text), "actions": [a.kind for a in d.actions]},
        before_fallback=restart_stream,
    )
    if stream:
        await deps.stream.finish_draft()
    assert isinstance(draft, Draft)
    return AgentResponse(
        status="success", result={"draft": draft.model_dump(mode="json"), "persona": persona, "provider": provider.name},
        metadata=metadata(request.target, usage=draft.usage,
                          fallback=provider.name if provider is not deps.provider else ""),
    )
