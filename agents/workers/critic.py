"""Critic agent: approve, ask for one revision, or hand off.

The verdict is the stricter of two reviewers: the deterministic guard (facts, policy,
identity: cannot be talked round) and the provider's review (is it on the question, does
it read well). If the provider cannot review, the guard alone decides, and that is recorded.
"""

from __future__ import annotations

from agents.envelope import AgentRequest, AgentResponse
from agents.outcome import CriticVerdict, Draft
from agents.workers.base import RunDeps, call_llm, error_kind, metadata
from agents.workers.guard import Grounding, honesty_violations, validate_actions

_SEVERITY = {"approve": 0, "revise": 1, "handoff": 2}


async def critic_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    ctx = request.context
    draft = Draft.model_validate(request.parameters["draft"])
    valid_actions, action_reasons = validate_actions(ctx, draft.actions)
    guard_reasons = (
        Grounding.from_context(ctx).text_violations(draft.text)
        + action_reasons
        + honesty_violations(ctx, draft.text, valid_actions)
    )
    reviewer = ""
    try:
        review, provider = await call_llm(
            deps, agent="critic", operation="review", call=lambda p: p.review(ctx, draft),
            usage_of=lambda v: v.usage, describe=lambda v: {"verdict": v.verdict, "reasons": v.reasons},
        )
        reviewer = provider.name
    except Exception as exc:  # no reviewer left: the guard alone decides, and that is recorded
        deps.record_fallback(f"critic: no reviewer ({error_kind(exc)}) → grounding guard only")
        review = CriticVerdict(verdict="approve", reasons=[])
    verdict = review.verdict
    if guard_reasons and _SEVERITY[verdict] < _SEVERITY["revise"]:
        verdict = "revise"
    combined = CriticVerdict(
        verdict=verdict,
        reasons=[*guard_reasons, *review.reasons],
        usage=review.usage,
    )
    return AgentResponse(
        status="success",
        result={
            "verdict": combined.model_dump(mode="json"),
            "guard_reasons": guard_reasons,
            "valid_actions": [a.model_dump(mode="json") for a in valid_actions],
            "reviewer": reviewer or "guard",
        },
        metadata=metadata("critic", usage=review.usage),
    )
