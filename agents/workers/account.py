"""Account agent: the signed-in customer's account state (locked, 2FA, plan)."""

from __future__ import annotations

from agents.envelope import AgentRequest, AgentResponse
from agents.workers.base import RunDeps, metadata, tool


async def account_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    ctx = request.context
    if ctx.customer is None:
        return AgentResponse(status="success", result={"skipped": "not signed in"}, metadata=metadata("account"))
    customer_id = ctx.customer.external_id
    account = await tool(
        deps, "account.account", lambda: deps.ports.account.account(customer_id=customer_id), customer_id=customer_id,
    )
    return AgentResponse(
        status="success", result={"account": account.model_dump(mode="json") if account else None},
        metadata=metadata("account"),
    )
