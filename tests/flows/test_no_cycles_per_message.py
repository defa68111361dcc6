"""What a message leaves behind is freed by reference counting, not by the garbage collector.

Objects in a reference cycle wait for the cyclic collector, whose passes stop every conversation
of a process at once, longer the more garbage they find (#9). Django caches a one-to-one relation
on both rows it joins (run.message and message.agent_run; customer.user and user.customer): a
cycle of model rows for every message, until the services kept those relations one way.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import models

from supportsite.conversations import services
from supportsite.conversations.bridge import _account, context_for_run
from supportsite.conversations.models import AgentRun, Message
from supportsite.conversations.selectors import customer_for_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows_left_for_the_collector() -> Iterator[Callable[[Callable[[], Any]], list[str]]]:
    """Calls a function a few times and names the model rows only the cyclic collector freed."""
    saved = gc.get_debug()

    def measure(work: Callable[[], Any]) -> list[str]:
        work()  # first use: caches that live for the process are filled here
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)  # keep what a collection finds, to look at it
        try:
            for _ in range(3):
                work()
            gc.collect()
            return sorted(type(obj).__name__ for obj in gc.garbage if isinstance(obj, models.Model))
        finally:
            gc.set_debug(saved)
            gc.garbage.clear()

    yield measure


def test_storing_a_message_and_reading_its_context_leaves_no_row_in_a_cycle(demo, rows_left_for_the_collector):
    conversation = services.conversation_start(customer=demo["alice"])

    def store() -> None:
        _, run, created = services.message_receive(
            conversation_id=conversation.id, text="Why did my last payment fail?", client_id=uuid.uuid4().hex,
            claim=True,
        )
        assert created and run is not None
        assert context_for_run(run).customer.name == "Alice Martin"  # the customer still comes with the run

    assert rows_left_for_the_collector(store) == []


def test_a_claimed_run_leaves_no_row_in_a_cycle(demo, rows_left_for_the_collector):
    conversation = services.conversation_start(customer=demo["bob"])

    def claim() -> None:
        message, _, _ = services.message_receive(
            conversation_id=conversation.id, text="Was I charged twice?", client_id=uuid.uuid4().hex)
        run = services.run_claim(run_id=AgentRun.objects.get(message=message).id)
        assert run is not None and run.message.text == "Was I charged twice?"
        assert context_for_run(run).customer.email == "bob@example.com"

    assert rows_left_for_the_collector(claim) == []


def test_the_account_look_up_leaves_no_row_in_a_cycle(demo, rows_left_for_the_collector):
    def look_up() -> None:
        assert _account(demo["carol"].pk).status == "locked"

    assert rows_left_for_the_collector(look_up) == []


def test_finding_the_signed_in_customer_leaves_no_row_in_a_cycle(demo, rows_left_for_the_collector):
    # Once per chat connection and page: 1,000 customers connecting is 1,000 of these.
    user = demo["alice"].user

    def find() -> None:
        assert customer_for_user(user).plan.name == "Pro"

    assert rows_left_for_the_collector(find) == []


def test_the_relation_kept_one_way_can_still_be_followed_back(demo):
    conversation = services.conversation_start(customer=demo["alice"])
    message, run, _ = services.message_receive(
        conversation_id=conversation.id, text="Hello", client_id=uuid.uuid4().hex, claim=True)
    assert run is not None and run.message is message
    assert Message.objects.get(id=message.id).agent_run == run  # read back from the database
    assert message.agent_run == run  # not cached any more, so asked for
