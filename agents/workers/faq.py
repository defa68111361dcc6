"""FAQ agent: the best help-centre entries for the message, with calibrated scores."""

from __future__ import annotations

import asyncio

from agents.envelope import AgentRequest, AgentResponse
from agents.workers.base import RunDeps, metadata


async def faq_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    k = int(request.parameters.get("k", 3))
    # Retrieval is CPU work (TF-IDF, embeddings): off the event loop so other chats keep flowing.
    matches = await asyncio.to_thread(deps.faq.search, request.context.message, k=k)
    matches = sorted(matches, key=lambda match: match.score, reverse=True)
    return AgentResponse(
        status="success", result={"matches": [match.model_dump(mode="json") for match in matches]},
        metadata=metadata("faq"),
    )
