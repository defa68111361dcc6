"""Keeping the traces of old runs small: their steps' inputs and outputs are let go, their shape stays.

Every reply stores 15-25 step rows, each with the JSON a step read and wrote (prompts, facts, drafts): the bulk of the
database after a few months. Staff read a trace while a conversation is fresh; an old run keeps its steps with their
names, timings, statuses, models, tokens and errors, so the timeline and the figures still show, and the run keeps its
summary, its reply and its sources.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from supportsite.conversations.models import AgentStep

PRUNED_MARK = "payload_pruned_at"


def step_payloads_to_prune(*, finished_before: datetime):
    """The steps of runs that finished before the cutoff whose payloads are still kept."""
    return (AgentStep.objects.filter(run__finished_at__lt=finished_before)
            .exclude(attributes__has_key=PRUNED_MARK))


def step_payloads_prune(*, finished_before: datetime, now: datetime, batch_size: int = 500) -> int:
    """Empty the input, output and attributes of those steps, batch by batch (each its own short transaction, so the
    database's write lock is never held long), marking each with when; return how many steps were pruned."""
    pruned = 0
    while True:
        batch = list(step_payloads_to_prune(finished_before=finished_before).values_list("pk", flat=True)[:batch_size])
        if not batch:
            return pruned
        with transaction.atomic():
            pruned += AgentStep.objects.filter(pk__in=batch).update(
                input={}, output={}, attributes={PRUNED_MARK: now.isoformat()})
