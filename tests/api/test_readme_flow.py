"""The README's integrator walk-through, with the real orchestrator and offline provider."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def test_an_integrator_asks_why_alices_last_payment_failed_and_reads_the_run(api_as):
    api = api_as(scopes=["conversations:read", "messages:write", "runs:read", "customers:any"])
    conversation = (await api.post("/conversations", {"customer": "cus_alice"})).json()
    response = await api.post(f"/conversations/{conversation['id']}/messages", {"text": "Why did my last payment fail?"},
                              headers={"Idempotency-Key": "alice-q1"})
    assert response.status_code == 200, response.content
    reply = response.json()["reply"]
    assert "NW-1003" in reply["text"] and reply["intent"] == "billing"
    run = (await api.get(f"/runs/{reply['run_id']}")).json()
    assert run["status"] == "succeeded" and {"intent", "billing"} <= {s["agent"] for s in run["steps"]}
    # Bob's data never reaches an answer about Alice.
    for secret in ("NW-2001", "NW-2002", "Bob Chen"):
        assert secret not in reply["text"]
