"""The history a run reads carries the kinds of source each earlier reply cited, so a follow-up that depends on what
was given ("that didn't work" after a guide's steps) is understood whoever wrote the reply: an LLM words a guide's
steps its own way, and only the stored sources say a guide was given."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from supportsite.conversations import bridge
from supportsite.conversations.models import AgentRun, Message
from tests.bridge.conftest import say, start_conversation
from tests.support.llm_stub import Reply

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

NOT_FIXED = "I'm sorry those steps didn't sort it out."
# A model's reply giving the TLS guide's steps without the offline writer's "Our guide “…” covers this".
MODELS_GUIDE_REPLY = ("A certificate error on a custom domain usually means the certificate has not been issued yet. "
                      "Check that your DNS record points at us, then wait for the certificate to be issued.")


async def _context_of(reply: Message):
    run = await AgentRun.objects.select_related("conversation__customer", "message").aget(id=reply.run_id)
    return await sync_to_async(bridge.context_for_run)(run)


async def test_each_earlier_reply_in_a_runs_history_carries_the_kinds_of_source_it_cited(demo_tx):
    conversation = await start_conversation(demo_tx["alice"])
    guide = await say(conversation, "my custom domain shows a certificate error", "c-1")
    assert {source["kind"] for source in guide.sources} >= {"article"}, guide.sources
    second = await say(conversation, "what plan am I on?", "c-2")

    ctx = await _context_of(second)
    assert [(turn.role, turn.cited) for turn in ctx.history] == [("user", []), ("assistant", ["article"])]


async def test_that_did_not_work_after_a_models_guide_reply_offers_a_person_not_the_steps_again(demo_tx, llm_stub):
    llm_stub.script("reply", Reply.text(MODELS_GUIDE_REPLY))
    conversation = await start_conversation(demo_tx["alice"])
    guide = await say(conversation, "my custom domain shows a certificate error", "m-1")
    assert guide.text.startswith("A certificate error") and "covers this" not in guide.text, guide.text
    assert "article" in {source["kind"] for source in guide.sources}

    not_fixed = await say(conversation, "that didn't work", "m-2")
    assert not_fixed.text.startswith(NOT_FIXED), not_fixed.text
    assert "pass you to a person" in not_fixed.text
    run = await AgentRun.objects.aget(id=not_fixed.run_id)
    assert run.summary["steps_did_not_help"]["why"] == "says the guide's steps did not fix it", run.summary
