"""When the agents get a conversation back from staff, the question the customer asked meanwhile is answered.

While a person is needed (the customer asked for one, or a staff member has the conversation),
the customer's messages are stored without a run; a conversation that waits only for an approval
is still answered by the agents. Deciding the last approval, or handing the conversation back,
gives the latest unanswered message a run, unless a person wrote after it.
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

from supportsite.conversations import runner, staff
from supportsite.conversations.actions import action_decide
from supportsite.conversations.models import AgentAction, AgentRun, Conversation, ConversationEvent, Message
from tests.staff.factories import bob_duplicate_refund_pending
from tests.staff.wsutil import communicator, session_cookie


def _waiting_for_approval(action: AgentAction) -> Conversation:
    conversation = action.conversation
    conversation.status = Conversation.Status.WAITING
    conversation.handoff_reason = Conversation.HandoffReason.POLICY_NEEDS_APPROVAL
    conversation.save(update_fields=["status", "handoff_reason"])
    return conversation


def _ask(conversation: Conversation, text: str) -> Message:
    """A customer's message stored while a person is needed: no run, as message_receive stores it."""
    return Message.objects.create(conversation=conversation, role=Message.Role.USER, text=text,
                                  client_id=f"c-{Message.objects.count()}")


@pytest.mark.django_db
def test_deciding_the_last_approval_gives_the_agents_the_conversation_and_the_question_asked_meanwhile(
        demo, staff_user):
    action = bob_duplicate_refund_pending(demo["bob"])
    conversation = _waiting_for_approval(action)
    _ask(conversation, "what plan am I on?")
    latest = _ask(conversation, "hello? what plan am I on?")

    action_decide(action_id=action.pk, approve=True, staff_user=staff_user)

    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.OPEN
    # The latest question only: the earlier one reaches the agents as its history.
    assert list(AgentRun.objects.filter(conversation=conversation, status="pending").values_list(
        "message_id", flat=True)) == [latest.id]
    assert ConversationEvent.objects.filter(conversation=conversation, kind="handed_back", actor=staff_user).exists()
    # The decision is still told in the chat, after the question it does not answer.
    told = Message.objects.filter(conversation=conversation, role=Message.Role.STAFF).get()
    assert "approved your refund" in told.text and told.created_at > latest.created_at


@pytest.mark.django_db
def test_a_conversation_that_waits_for_another_approval_stays_with_staff(demo, staff_user):
    action = bob_duplicate_refund_pending(demo["bob"])
    conversation = _waiting_for_approval(action)
    AgentAction.objects.create(conversation=conversation, customer=demo["bob"], run=action.run,
                               kind=AgentAction.Kind.ACCOUNT_UNLOCK, status=AgentAction.Status.PENDING_APPROVAL,
                               request_key=f"{action.run_id}:unlock")
    _ask(conversation, "any news?")

    action_decide(action_id=action.pk, approve=True, staff_user=staff_user)

    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.WAITING
    assert not AgentRun.objects.filter(conversation=conversation, status="pending").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "reason"), [
    (Conversation.Status.WITH_PERSON, Conversation.HandoffReason.POLICY_NEEDS_APPROVAL),
    (Conversation.Status.WAITING, Conversation.HandoffReason.CUSTOMER_ASKED),
])
def test_a_conversation_a_person_has_or_that_waits_for_a_person_stays_with_staff(demo, staff_user, status, reason):
    action = bob_duplicate_refund_pending(demo["bob"])
    conversation = action.conversation
    conversation.status, conversation.handoff_reason = status, reason
    conversation.save(update_fields=["status", "handoff_reason"])
    _ask(conversation, "any news?")

    action_decide(action_id=action.pk, approve=False, staff_user=staff_user, note="Not a duplicate.")

    conversation.refresh_from_db()
    assert conversation.status == status
    assert not AgentRun.objects.filter(conversation=conversation, status="pending").exists()


@pytest.mark.django_db
def test_handing_back_answers_the_question_no_person_answered(demo, staff_user):
    action = bob_duplicate_refund_pending(demo["bob"])
    conversation = action.conversation
    staff.conversation_take(conversation_id=conversation.id, staff_user=staff_user)
    staff.staff_reply(conversation_id=conversation.id, staff_user=staff_user, text="Looking into it, Bob.")
    question = _ask(conversation, "and when is my next payment?")

    staff.conversation_hand_back(conversation_id=conversation.id, staff_user=staff_user)

    assert AgentRun.objects.get(conversation=conversation, status="pending").message_id == question.id


@pytest.mark.django_db
def test_handing_back_after_a_persons_reply_leaves_the_answered_question_alone(demo, staff_user):
    action = bob_duplicate_refund_pending(demo["bob"])
    conversation = action.conversation
    staff.conversation_take(conversation_id=conversation.id, staff_user=staff_user)
    _ask(conversation, "and when is my next payment?")
    staff.staff_reply(conversation_id=conversation.id, staff_user=staff_user, text="On 15 December, Bob.")

    staff.conversation_hand_back(conversation_id=conversation.id, staff_user=staff_user)

    assert not AgentRun.objects.filter(conversation=conversation, status="pending").exists()


def test_a_process_that_serves_no_event_loop_leaves_the_run_to_a_servers_recovery(monkeypatch):
    monkeypatch.setattr(runner, "_serving_loop", None)
    assert runner.run_start_from_sync(run_id="00000000-0000-0000-0000-000000000000") is False


@pytest.mark.django_db(transaction=True)
async def test_a_customer_whose_refund_waits_for_approval_is_answered_meanwhile_and_not_twice_after(demo_tx):
    action = await sync_to_async(bob_duplicate_refund_pending)(demo_tx["bob"])
    conversation = await sync_to_async(_waiting_for_approval)(action)
    customer = communicator(f"/ws/chat/?conversation={conversation.id}", await sync_to_async(session_cookie)("bob"))
    assert (await customer.connect())[0]
    assert (await customer.receive_json_from())["type"] == "conversation.state"
    await customer.send_json_to({"type": "user.message", "text": "When is my next payment due?", "client_id": "q1"})
    frames = []
    while not frames or frames[-1]["type"] != "assistant.message":
        frames.append(await customer.receive_json_from(timeout=20))
    assert "2026-12-15" in frames[-1]["text"] and "$99.00" in frames[-1]["text"], frames[-1]["text"]
    await runner.runs_drain()
    await conversation.arefresh_from_db()
    # Still in the staff queue: the refund waits for a decision all the same.
    assert (conversation.status, conversation.handoff_reason) == ("waiting", "policy_needs_approval")

    answers = Message.objects.filter(conversation=conversation, role=Message.Role.ASSISTANT)
    answered = await answers.acount()
    # The decision is made in a thread, as the staff console's view makes it.
    staff_user = await get_user_model().objects.aget(username="staff")
    await sync_to_async(action_decide)(action_id=action.pk, approve=True, staff_user=staff_user)
    decided = [await customer.receive_json_from(timeout=20) for _ in range(2)]
    assert [f["type"] for f in decided] == ["conversation.status", "staff.message"] or [
        f["type"] for f in decided] == ["staff.message", "conversation.status"]
    assert next(f for f in decided if f["type"] == "conversation.status")["status"] == "open"
    await runner.runs_drain()
    assert await customer.receive_nothing(timeout=0.5)  # the question was answered: no second reply to it
    assert await answers.acount() == answered
    await customer.disconnect()


@pytest.mark.django_db
def test_handing_back_does_not_answer_an_old_question_once_a_later_one_was_answered(demo, staff_user):
    action = bob_duplicate_refund_pending(demo["bob"])  # its question has its run and reply
    conversation = action.conversation
    staff.conversation_take(conversation_id=conversation.id, staff_user=staff_user)
    earlier = _ask(conversation, "is anyone there?")  # to the person, who closed without a word
    later = Message.objects.create(conversation=conversation, role=Message.Role.USER, text="thanks anyway",
                                   client_id="c-later")
    AgentRun.objects.create(conversation=conversation, message=later, status=AgentRun.Status.SUCCEEDED)
    assert earlier.created_at < later.created_at

    staff.conversation_hand_back(conversation_id=conversation.id, staff_user=staff_user)

    assert not AgentRun.objects.filter(conversation=conversation, status="pending").exists()


@pytest.mark.django_db
def test_an_approval_decided_before_its_run_finished_leaves_nothing_to_wait_for(demo, staff_user):
    from agents.context import IntentResult
    from agents.outcome import RunOutcome
    from supportsite.conversations import services

    action = bob_duplicate_refund_pending(demo["bob"])
    question = _ask(action.conversation, "and the other charge?")
    run = AgentRun.objects.create(conversation=action.conversation, message=question)
    action_decide(action_id=action.pk, approve=True, staff_user=staff_user)  # quick: the run is still going
    outcome = RunOutcome(reply="I've asked our team to approve it.", route="resolver",
                         intent=IntentResult(label="refund", confidence=0.9), handoff_reason="policy_needs_approval")

    services.run_complete(run_id=run.id, outcome=outcome)

    action.conversation.refresh_from_db()
    assert action.conversation.status == Conversation.Status.OPEN


@pytest.mark.django_db
def test_a_run_whose_approval_is_still_pending_puts_the_conversation_in_the_staff_queue(demo):
    from agents.context import IntentResult
    from agents.outcome import RunOutcome
    from supportsite.conversations import services

    action = bob_duplicate_refund_pending(demo["bob"])
    question = _ask(action.conversation, "and the other charge?")
    run = AgentRun.objects.create(conversation=action.conversation, message=question)
    outcome = RunOutcome(reply="I've asked our team to approve it.", route="resolver",
                         intent=IntentResult(label="refund", confidence=0.9), handoff_reason="policy_needs_approval")

    services.run_complete(run_id=run.id, outcome=outcome)

    action.conversation.refresh_from_db()
    assert (action.conversation.status, action.conversation.handoff_reason) == (
        Conversation.Status.WAITING, Conversation.HandoffReason.POLICY_NEEDS_APPROVAL)


@pytest.mark.django_db
def test_a_decision_is_told_too_in_the_customers_other_conversations_that_named_the_refund(demo, staff_user):
    from supportsite.conversations.services import conversation_start

    action = bob_duplicate_refund_pending(demo["bob"])
    reference = action.refund.reference
    told_elsewhere = conversation_start(customer=demo["bob"])
    Message.objects.create(conversation=told_elsewhere, role=Message.Role.ASSISTANT,
                           text=f"A refund for invoice NW-2002 has already been requested ({reference}) and is waiting.")
    unrelated = conversation_start(customer=demo["bob"])
    Message.objects.create(conversation=unrelated, role=Message.Role.ASSISTANT, text="You're on the Business plan.")

    action_decide(action_id=action.pk, approve=True, staff_user=staff_user)

    def decisions(conversation_id):
        return list(Message.objects.filter(conversation_id=conversation_id, role=Message.Role.STAFF)
                    .values_list("text", flat=True))
    assert len(decisions(action.conversation_id)) == 1
    [told] = decisions(told_elsewhere.id)
    assert "approved your refund" in told and reference in told
    assert decisions(unrelated.id) == []
