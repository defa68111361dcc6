"""FAQ agent: the best help-centre entries for the message, with calibrated scores."""

from __future__ import annotations

from agents.envelope import AgentRequest, AgentResponse
from agents.workers.base import RunDeps, metadata


async def faq_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    k = int(request.parameters.get("k", 3))
    # On the event loop: a search is a fraction of a millisecond of Python and numpy, and under
    # the GIL a thread would not let other chats run meanwhile; it only added two hops and GIL
    # hand-offs, 3-5 ms before the intent call at one conversation (#9).
    matches = deps.faq.search(request.context.message, k=k)
    matches = sorted(matches, key=lambda match: match.score, reverse=True)
    return AgentResponse(
        status="success", result={"matches": [match.model_dump(mode="json") for match in matches]},
        metadata=metadata("faq"),
    )
