"""Expert panel: the relevant specialists draft independently and at the same time.

The orchestrator then has the critic persona synthesise one answer from these drafts
(resolving conflicts by the shared constraints) and reviews it like any other reply.
"""

from __future__ import annotations

import asyncio

from agents.envelope import AgentRequest, AgentResponse
from agents.workers.base import RunDeps, invoke, metadata
from agents.workers.resolver import resolver_agent


async def panel_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    specialists: list[str] = list(request.parameters.get("specialists") or ["general"])
    timeout_s = request.parameters.get("timeout_s")
    responses = await asyncio.gather(*(
        invoke(
            resolver_agent,
            AgentRequest(
                caller="panel", target="panel", task=f"draft as the {specialist} specialist",
                parameters={"persona": specialist, "stream": False}, context=request.context,
            ),
            deps, agent="panel", name=f"{specialist} specialist", timeout_s=timeout_s,
        )
        for specialist in specialists
    ))
    drafts = [
        {"persona": specialist, "text": response.result["draft"]["text"],
         "actions": response.result["draft"].get("actions", [])}
        for specialist, response in zip(specialists, responses, strict=True) if response.status == "success"
    ]
    failed = [s for s, r in zip(specialists, responses, strict=True) if r.status != "success"]
    status = "error" if not drafts else "partial" if failed else "success"
    return AgentResponse(
        status=status, result={"drafts": drafts, "failed": failed},
        error=f"specialists failed: {', '.join(failed)}" if failed else "", metadata=metadata("panel"),
    )
