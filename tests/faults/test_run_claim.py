"""Claiming a run is exactly-once, even with several recoverers racing (SQLite here; PostgreSQL in .ci/run)."""

from __future__ import annotations

import random
import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections
from django.utils import timezone

from supportsite.conversations import services
from supportsite.conversations.models import AgentRun, Conversation, Message

pytestmark = pytest.mark.django_db(transaction=True)
RUNS = 12
RACERS = 6


def _runs(demo: dict, *, status: str = "pending", claimed_ago_s: float | None = None) -> list[str]:
    conversation = Conversation.objects.create(customer=demo["alice"])
    ids = []
    for number in range(RUNS):
        message = Message.objects.create(conversation=conversation, role="user", text="hi", client_id=f"m{number}")
        claimed_at = timezone.now() - timedelta(seconds=claimed_ago_s) if claimed_ago_s is not None else None
        run = AgentRun.objects.create(conversation=conversation, message=message, status=status,
                                      claimed_at=claimed_at, claimed_by="dead-process" if claimed_at else "")
        ids.append(str(run.id))
    return ids


def _race(run_ids: list[str], *, lease_s: float) -> list[str]:
    """Every racer tries to claim every run, in its own order, all starting together."""
    barrier = threading.Barrier(RACERS)
    won: list[str] = []
    lock = threading.Lock()

    def racer(seed: int) -> None:
        order = list(run_ids)
        random.Random(seed).shuffle(order)
        barrier.wait()
        try:
            for run_id in order:
                if services.run_claim(run_id=run_id, lease_s=lease_s) is not None:
                    with lock:
                        won.append(run_id)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=racer, args=(seed,)) for seed in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return won


def test_concurrent_claimers_take_each_pending_run_exactly_once(demo_tx):
    run_ids = _runs(demo_tx)
    won = _race(run_ids, lease_s=30)
    assert sorted(won) == sorted(run_ids)
    assert set(AgentRun.objects.values_list("attempts", flat=True)) == {1}


def test_concurrent_recoverers_take_each_expired_run_exactly_once(demo_tx):
    run_ids = _runs(demo_tx, status="running", claimed_ago_s=120)
    assert sorted(map(str, services.run_ids_to_recover(lease_s=30))) == sorted(run_ids)
    won = _race(run_ids, lease_s=30)
    assert sorted(won) == sorted(run_ids)
    assert services.run_ids_to_recover(lease_s=30) == []


def test_a_run_whose_holder_still_heartbeats_is_not_recovered(demo_tx):
    run_ids = _runs(demo_tx, status="running", claimed_ago_s=1)
    assert services.run_ids_to_recover(lease_s=30) == []
    assert _race(run_ids, lease_s=30) == []


def test_a_run_claimed_when_its_message_arrives_is_not_recovered_while_its_lease_holds(demo_tx):
    conversation = Conversation.objects.create(customer=demo_tx["alice"])
    _message, run, created = services.message_receive(
        conversation_id=conversation.id, text="Why did my payment fail?", client_id="c-1", claim=True
    )
    assert created and run is not None
    stored = AgentRun.objects.get(id=run.id)
    assert (stored.status, stored.claimed_by, stored.attempts) == (AgentRun.Status.RUNNING, services.PROCESS_ID, 1)
    # Ready to run without another trip: the customer and their plan came with the message.
    assert run.conversation.customer.user.username == "alice" and run.conversation.customer.plan.name
    assert run.id not in services.run_ids_to_recover(lease_s=600)
    assert services.run_claim(run_id=run.id, lease_s=600) is None  # nobody else takes it meanwhile
    # If this process dies before finishing it, the lease runs out and recovery takes it, once.
    assert run.id in services.run_ids_to_recover(lease_s=0)
    reclaimed = services.run_claim(run_id=run.id, lease_s=0)
    assert reclaimed is not None and reclaimed.attempts == 2
