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
