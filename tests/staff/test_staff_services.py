"""Staff services: take, reply, hand back, close, flag, fix the FAQ, save regression cases — each audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supportsite.conversations import staff
from supportsite.conversations.models import Conversation, ConversationEvent, Feedback, Message, RegressionCase
from supportsite.core.errors import Conflict, InvalidInput, PermissionDenied
from supportsite.knowledge.models import FaqEntry
from tests.staff.factories import billing_run, handoff_conversation

pytestmark = pytest.mark.django_db(transaction=False)


def _events(conversation_id, kind):
    return list(ConversationEvent.objects.filter(conversation_id=conversation_id, kind=kind))


def test_taking_a_waiting_conversation_assigns_it_and_records_who(demo, staff_user):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=3)
    staff.conversation_take(conversation_id=conversation.id, staff_user=staff_user)
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.WITH_PERSON and conversation.assigned_to == staff_user
    assert not conversation.agents_may_reply
    [event] = _events(conversation.id, ConversationEvent.Kind.TAKEN)
    assert event.actor == staff_user and event.created_at is not None


def test_a_colleague_cannot_take_a_conversation_someone_already_has(demo, staff_user, second_staff):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=3)
    staff.conversation_take(conversation_id=conversation.id, staff_user=staff_user)
    with pytest.raises(Conflict) as exc:
        staff.conversation_take(conversation_id=conversation.id, staff_user=second_staff)
    assert exc.value.code == "already_taken"
    # Taking it again yourself is harmless.
    staff.conversation_take(conversation_id=conversation.id, staff_user=staff_user)
    assert len(_events(conversation.id, ConversationEvent.Kind.TAKEN)) == 1


def test_staff_reply_is_stored_as_a_staff_message_and_takes_the_conversation(demo, staff_user, django_capture_on_commit_callbacks):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=3)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = staff.staff_reply(conversation_id=conversation.id, staff_user=staff_user, text="  Hi Carol, Sam here. ")
    assert message.role == Message.Role.STAFF and message.author == staff_user and message.text == "Hi Carol, Sam here."
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.WITH_PERSON
    assert conversation.last_message_at == message.created_at
    assert _events(conversation.id, ConversationEvent.Kind.STAFF_REPLIED)[0].actor == staff_user
    assert len(callbacks) == 2  # conversation.status, then staff.message: sent only after commit


def test_staff_reply_refuses_empty_text_closed_conversations_and_non_staff(demo, staff_user):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=3)
    with pytest.raises(InvalidInput):
        staff.staff_reply(conversation_id=conversation.id, staff_user=staff_user, text="   ")
    with pytest.raises(PermissionDenied):
        staff.staff_reply(conversation_id=conversation.id, staff_user=demo["alice"].user, text="hello")
    staff.conversation_close(conversation_id=conversation.id, staff_user=staff_user)
    with pytest.raises(Conflict):
        staff.staff_reply(conversation_id=conversation.id, staff_user=staff_user, text="hello")
    assert not Message.objects.filter(conversation=conversation, role=Message.Role.STAFF).exists()


def test_hand_back_reopens_for_the_agents_with_the_note_as_their_context(demo, staff_user):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=3)
    staff.conversation_take(conversation_id=conversation.id, staff_user=staff_user)
    staff.conversation_hand_back(conversation_id=conversation.id, staff_user=staff_user, note="Identity verified.")
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.OPEN and conversation.assigned_to is None
    assert conversation.staff_note == "Identity verified."
    assert _events(conversation.id, ConversationEvent.Kind.HANDED_BACK)[0].note == "Identity verified."

    from supportsite.conversations.bridge import context_for_run
    from supportsite.conversations.models import AgentRun

    message = Message.objects.create(conversation=conversation, role=Message.Role.USER, text="Thanks!", client_id="t")
    run = AgentRun.objects.create(conversation=conversation, message=message)
    assert context_for_run(run).staff_note == "Identity verified."


def test_closing_is_recorded_once(demo, staff_user):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=3)
    staff.conversation_close(conversation_id=conversation.id, staff_user=staff_user, note="Solved by phone")
    staff.conversation_close(conversation_id=conversation.id, staff_user=staff_user)
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.CLOSED
    assert len(_events(conversation.id, ConversationEvent.Kind.CLOSED)) == 1


def test_staff_flag_on_a_reply_lands_in_feedback_linked_to_its_run(demo, staff_user):
    run = billing_run(customer=demo["alice"])
    feedback = staff.reply_flag(message_id=run.replies.get().id, staff_user=staff_user, reason="Wrong invoice")
    assert feedback.rating == Feedback.Rating.FLAG and feedback.by_staff and feedback.run == run
    assert _events(run.conversation_id, ConversationEvent.Kind.FLAGGED)[0].actor == staff_user
    with pytest.raises(InvalidInput):
        staff.reply_flag(message_id=run.replies.get().id, staff_user=staff_user, reason=" ")


def test_a_new_faq_entry_from_a_run_is_published_with_the_customers_wording(demo, staff_user):
    run = billing_run(customer=demo["alice"], text="how do i get a receipt for my payment")
    faq = staff.faq_from_run(run_id=run.id, staff_user=staff_user, question="Where do I find receipts?",
                             answer="Receipts are under Billing → Invoices.", alternatives=["receipt download"])
    assert faq.is_published and faq.updated_by == staff_user
    assert faq.alternatives == ["receipt download", "how do i get a receipt for my payment"]
    [event] = _events(run.conversation_id, ConversationEvent.Kind.FAQ_EDITED)
    assert event.data == {"faq_id": faq.pk, "created": True, "run_id": str(run.id)} and event.actor == staff_user


def test_correcting_an_faq_entry_keeps_its_question_and_records_the_old_answer(demo, staff_user):
    run = billing_run(customer=demo["alice"])
    faq = FaqEntry.objects.order_by("pk").first()
    old_question, old_answer = faq.question, faq.answer
    staff.faq_correct(faq_id=faq.pk, staff_user=staff_user, answer="The corrected answer.", run_id=run.id,
                      add_alternative=run.message.text)
    faq.refresh_from_db()
    assert faq.question == old_question and faq.answer == "The corrected answer." and faq.updated_by == staff_user
    assert run.message.text in faq.alternatives
    [event] = _events(run.conversation_id, ConversationEvent.Kind.FAQ_EDITED)
    assert event.data["before"] == {"question": old_question, "answer": old_answer}


def test_regression_case_from_a_run_holds_the_message_customer_and_facts_and_eval_picks_it_up(demo, staff_user):
    run = billing_run(customer=demo["alice"])
    case = staff.regression_case_from_run(run_id=run.id, staff_user=staff_user, must_contain=["NW-1003", "4242"],
                                          must_not_contain=["NW-2002"])
    assert (case.message, case.customer_external_id, case.expected_route) == (
        "Why did my last payment fail?", "cus_alice", "resolver")
    assert case.must_contain == ["NW-1003", "4242"] and case.must_not_contain == ["NW-2002"]
    assert case.source_run == run and case.created_by == staff_user
    assert _events(run.conversation_id, ConversationEvent.Kind.REGRESSION_SAVED)[0].actor == staff_user

    from supportsite.knowledge.evaluation import conversation_cases

    [picked] = [c for c in conversation_cases() if c.origin == f"RegressionCase #{case.pk}"]
    assert picked.customer == "cus_alice" and picked.must_contain == ["NW-1003", "4242"]
    assert picked.must_not_contain == ["NW-2002"] and picked.expected_route == "resolver"


def test_a_regression_case_needs_something_to_check(demo, staff_user):
    run = billing_run(customer=demo["alice"])
    with pytest.raises(InvalidInput):
        staff.regression_case_from_run(run_id=run.id, staff_user=staff_user, expected_route="")
    assert staff.regression_case_from_run(run_id=run.id, staff_user=staff_user, expected_route="faq").expected_route == "faq"


def test_run_page_forms_call_the_services(staff_client, demo):
    run = billing_run(customer=demo["alice"])
    trace = reverse("admin:conversations_agentrun_trace", args=[run.id])
    assert staff_client.post(reverse("admin:conversations_agentrun_flag", args=[run.id]),
                             {"reason": "Too vague"}).url == trace
    assert Feedback.objects.filter(run=run, rating="flag", comment="Too vague").exists()
    staff_client.post(reverse("admin:conversations_agentrun_faq", args=[run.id]),
                      {"faq_id": "", "question": "Why did my payment fail?", "answer": "Usually an expired card."})
    assert FaqEntry.objects.filter(question="Why did my payment fail?", updated_by__username="staff").exists()
    staff_client.post(reverse("admin:conversations_agentrun_regression", args=[run.id]),
                      {"must_contain": "NW-1003\n\n4242", "must_not_contain": "", "expected_route": "resolver"})
    assert RegressionCase.objects.get(source_run=run).must_contain == ["NW-1003", "4242"]
    response = staff_client.post(reverse("admin:conversations_agentrun_regression", args=[run.id]),
                                 {"must_contain": "", "must_not_contain": "", "expected_route": ""}, follow=True)
    assert "Say what the reply must" in response.content.decode()  # a DomainError becomes an admin message


def test_queue_lists_waiting_conversations_oldest_first_and_take_button_assigns(staff_client, demo, staff_user):
    newer = handoff_conversation(customer=demo["alice"], minutes_ago=2, summary="Newer")
    older = handoff_conversation(customer=demo["carol"], minutes_ago=30, summary="Older", reason="low_confidence")
    response = staff_client.get(reverse("admin:conversations_conversation_queue"))
    assert [item.conversation.pk for item in response.context["queue"]] == [older.pk, newer.pk]
    html = response.content.decode()
    assert html.index("Older") < html.index("Newer") and "Low confidence" in html
    taken = staff_client.post(reverse("admin:conversations_conversation_take", args=[older.pk]))
    assert taken.url == reverse("admin:conversations_conversation_live", args=[older.pk])
    older.refresh_from_db()
    assert older.assigned_to == staff_user and older.status == "with_person"
    queue = staff_client.get(reverse("admin:conversations_conversation_queue")).context["queue"]
    assert [item.conversation.pk for item in queue] == [newer.pk]
