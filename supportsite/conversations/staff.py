"""What staff do to conversations and knowledge: each write records who and when, and tells the chat.

Every service here is a transaction that locks the conversation row it changes, records a
ConversationEvent with the acting staff member, and publishes its websocket frame only after
the transaction commits, so no socket ever sees a change the database then rolls back.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from supportsite.api import webhooks
from supportsite.conversations.events import conversation_event_publish
from supportsite.conversations.models import (
    AgentRun,
    Conversation,
    ConversationEvent,
    Feedback,
    Message,
    RegressionCase,
)
from supportsite.conversations.serializers import conversation_status_frame, staff_message_frame
from supportsite.conversations.services import conversation_agents_resume
from supportsite.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from supportsite.customers.selectors import customer_details_in
from supportsite.knowledge.models import FaqEntry, faq_question_key
from supportsite.knowledge.selectors import faq_question_of, faq_question_owner
from supportsite.knowledge.services import faq_refuse_customer_details, faq_refuse_other_entries_questions

MAX_STAFF_REPLY_CHARS = 4000


def _require_staff(user: AbstractBaseUser) -> None:
    if not (getattr(user, "is_active", False) and getattr(user, "is_staff", False)):
        raise PermissionDenied("Only staff can do this.")


def _conversation_locked(conversation_id: UUID | str) -> Conversation:
    conversation = Conversation.objects.select_for_update().filter(id=conversation_id).first()
    if conversation is None:
        raise NotFound("No such conversation.", code="conversation_not_found")
    return conversation


def _run_get(run_id: UUID | str) -> AgentRun:
    run = (
        AgentRun.objects.select_related("conversation__customer", "message").filter(id=run_id).first()
    )
    if run is None:
        raise NotFound("No such run.", code="run_not_found")
    return run


def _take(conversation: Conversation, staff_user: AbstractBaseUser, *, note: str = "") -> None:
    """Assign a locked conversation to this staff member; the agents stop answering it."""
    conversation.status = Conversation.Status.WITH_PERSON
    conversation.assigned_to = staff_user
    conversation.save(update_fields=["status", "assigned_to", "updated_at"])
    ConversationEvent.objects.create(
        conversation=conversation, kind=ConversationEvent.Kind.TAKEN, actor=staff_user, note=note,
        data={"handoff_reason": conversation.handoff_reason},
    )
    conversation_event_publish(conversation_id=conversation.id, payload=conversation_status_frame(conversation))


@transaction.atomic
def conversation_take(*, conversation_id: UUID | str, staff_user: AbstractBaseUser) -> Conversation:
    """Assign the conversation to a staff member; refused if a colleague already has it."""
    _require_staff(staff_user)
    conversation = _conversation_locked(conversation_id)
    if conversation.status == Conversation.Status.CLOSED:
        raise Conflict("This conversation is closed.", code="conversation_closed")
    if conversation.status == Conversation.Status.WITH_PERSON:
        if conversation.assigned_to_id == staff_user.pk:
            return conversation
        holder = conversation.assigned_to.get_username() if conversation.assigned_to else "someone"
        raise Conflict(f"{holder} already has this conversation.", code="already_taken")
    _take(conversation, staff_user)
    return conversation


@transaction.atomic
def staff_reply(*, conversation_id: UUID | str, staff_user: AbstractBaseUser, text: str) -> Message:
    """Store a staff member's message and send it to every open socket of the conversation.

    Replying to a conversation the agents still hold takes it first: the agents must not talk
    over a person.
    """
    _require_staff(staff_user)
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("The reply is empty.", code="empty_message")
    if len(cleaned) > MAX_STAFF_REPLY_CHARS:
        raise InvalidInput(f"Replies can be at most {MAX_STAFF_REPLY_CHARS} characters.", code="message_too_long")
    conversation = _conversation_locked(conversation_id)
    if conversation.status == Conversation.Status.CLOSED:
        raise Conflict("This conversation is closed; the customer reopens it by writing again.",
                       code="conversation_closed")
    if conversation.status != Conversation.Status.WITH_PERSON:
        _take(conversation, staff_user, note="Taken by replying.")
    message = Message.objects.create(conversation=conversation, role=Message.Role.STAFF, text=cleaned, author=staff_user)
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["last_message_at", "updated_at"])
    ConversationEvent.objects.create(
        conversation=conversation, kind=ConversationEvent.Kind.STAFF_REPLIED, actor=staff_user,
        data={"message_id": str(message.id)},
    )
    conversation_event_publish(conversation_id=conversation.id, payload=staff_message_frame(message))
    webhooks.webhook_message_created(message, conversation)
    return message


@transaction.atomic
def conversation_hand_back(*, conversation_id: UUID | str, staff_user: AbstractBaseUser, note: str = "") -> Conversation:
    """Give the conversation back to the agents, with a note they see as context."""
    _require_staff(staff_user)
    conversation = _conversation_locked(conversation_id)
    if conversation.status == Conversation.Status.CLOSED:
        raise Conflict("This conversation is closed.", code="conversation_closed")
    conversation_agents_resume(conversation=conversation, actor=staff_user, note=note.strip(), staff_note=note.strip())
    conversation_event_publish(conversation_id=conversation.id, payload=conversation_status_frame(conversation))
    return conversation


@transaction.atomic
def conversation_close(*, conversation_id: UUID | str, staff_user: AbstractBaseUser, note: str = "") -> Conversation:
    _require_staff(staff_user)
    conversation = _conversation_locked(conversation_id)
    if conversation.status == Conversation.Status.CLOSED:
        return conversation
    conversation.status = Conversation.Status.CLOSED
    conversation.save(update_fields=["status", "updated_at"])
    ConversationEvent.objects.create(
        conversation=conversation, kind=ConversationEvent.Kind.CLOSED, actor=staff_user, note=note.strip()
    )
    conversation_event_publish(conversation_id=conversation.id, payload=conversation_status_frame(conversation))
    return conversation


@transaction.atomic
def reply_flag(*, message_id: UUID | str, staff_user: AbstractBaseUser, reason: str) -> Feedback:
    """A staff member marks an assistant reply as wrong, so it shows in the feedback list."""
    _require_staff(staff_user)
    if not reason.strip():
        raise InvalidInput("Say what is wrong with the reply.", code="reason_required")
    message = Message.objects.select_related("run").filter(id=message_id, role=Message.Role.ASSISTANT).first()
    if message is None:
        raise NotFound("No such assistant reply.", code="message_not_found")
    feedback = Feedback.objects.create(
        message=message, run=message.run, rating=Feedback.Rating.FLAG, comment=reason.strip(),
        author=staff_user, by_staff=True,
    )
    ConversationEvent.objects.create(
        conversation_id=message.conversation_id, kind=ConversationEvent.Kind.FLAGGED, actor=staff_user,
        note=reason.strip(), data={"message_id": str(message.id), "run_id": str(message.run_id or "")},
    )
    return feedback


def _clean_list(values: list[str] | None) -> list[str]:
    return [v.strip() for v in (values or []) if v and v.strip()]


def _customer_wording(text: str) -> str:
    """The customer's words as a phrasing of the question, unless they name their own records
    ("I was charged twice for NW-2002"): such a phrasing would publish them."""
    text = text.strip()
    return "" if customer_details_in(text=text) else text


@transaction.atomic
def faq_from_run(
    *, run_id: UUID | str, staff_user: AbstractBaseUser, question: str, answer: str,
    alternatives: list[str] | None = None, tags: list[str] | None = None,
) -> FaqEntry:
    """Turn a reviewed exchange into a new published FAQ entry; the customer's wording becomes a phrasing."""
    _require_staff(staff_user)
    run = _run_get(run_id)
    if not question.strip() or not answer.strip():
        raise InvalidInput("A FAQ entry needs a question and an answer.", code="faq_incomplete")
    phrasings = _clean_list(alternatives)
    faq_refuse_customer_details(question, answer, *phrasings)
    faq_refuse_other_entries_questions(phrasings=phrasings, entry_id=None)
    customer_wording = _customer_wording(run.message.text)
    # The customer's words are added unasked, so when they are another entry's question they are
    # left out rather than refused: staff wrote nothing wrong, and that entry keeps its question.
    if (customer_wording and faq_question_key(customer_wording) != faq_question_key(question)
            and customer_wording not in phrasings and faq_question_owner(question=customer_wording) is None):
        phrasings.append(customer_wording)
    faq = FaqEntry.objects.create(
        question=question.strip(), answer=answer.strip(), alternatives=phrasings, tags=_clean_list(tags),
        is_published=True, updated_by=staff_user,
    )
    ConversationEvent.objects.create(
        conversation_id=run.conversation_id, kind=ConversationEvent.Kind.FAQ_EDITED, actor=staff_user,
        data={"faq_id": faq.pk, "created": True, "run_id": str(run.id)},
    )
    return faq


@transaction.atomic
def faq_correct(
    *, faq_id: int, staff_user: AbstractBaseUser, answer: str, run_id: UUID | str | None = None,
    question: str | None = None, add_alternative: str = "", answer_loaded_for: int | None = None,
) -> FaqEntry:
    """Correct an existing FAQ entry's answer (and optionally question), noting the run that showed the fault.

    `answer_loaded_for` is the entry whose answer a form loaded for editing (0 for none), given by
    callers that edit in a form: a different entry means the text was written against another
    entry's answer, and saving it would replace this entry's answer with that one, so nothing is
    saved and Conflict("faq_answer_stale") says which answer to review.
    """
    _require_staff(staff_user)
    faq = FaqEntry.objects.select_for_update().filter(pk=faq_id).first()
    if faq is None:
        raise NotFound("No such FAQ entry.", code="faq_not_found")
    if answer_loaded_for is not None and answer_loaded_for != faq.pk:
        loaded_question = faq_question_of(faq_id=answer_loaded_for) if answer_loaded_for else None
        loaded = f"entry {answer_loaded_for} (“{loaded_question}”)" if loaded_question else "no entry"
        raise Conflict(
            f"Nothing was saved: the answer in the form was the one for {loaded}, not for “{faq.question}”. "
            f"“{faq.question}” and its current answer are in the form now: review the answer and save again.",
            code="faq_answer_stale")
    if not answer.strip():
        raise InvalidInput("The corrected answer is empty.", code="faq_incomplete")
    faq_refuse_customer_details(answer, question or "")
    add_alternative = _customer_wording(add_alternative)
    faq_refuse_other_entries_questions(phrasings=[add_alternative] if add_alternative else [], entry_id=faq.pk)
    before = {"question": faq.question, "answer": faq.answer}
    faq.answer = answer.strip()
    if question and question.strip():
        faq.question = question.strip()
    if add_alternative.strip() and add_alternative.strip() not in faq.alternatives:
        faq.alternatives = [*faq.alternatives, add_alternative.strip()]
    faq.updated_by = staff_user
    faq.save()
    if run_id is not None:
        run = _run_get(run_id)
        ConversationEvent.objects.create(
            conversation_id=run.conversation_id, kind=ConversationEvent.Kind.FAQ_EDITED, actor=staff_user,
            data={"faq_id": faq.pk, "created": False, "run_id": str(run.id), "before": before},
        )
    return faq


@transaction.atomic
def regression_case_from_run(
    *, run_id: UUID | str, staff_user: AbstractBaseUser, must_contain: list[str] | None = None,
    must_not_contain: list[str] | None = None, expected_route: str = "",
) -> RegressionCase:
    """Save the exchange so `manage.py eval` replays the customer's message as the same customer."""
    _require_staff(staff_user)
    run = _run_get(run_id)
    required, forbidden = _clean_list(must_contain), _clean_list(must_not_contain)
    if not required and not forbidden and not expected_route:
        raise InvalidInput("Say what the reply must or must not contain, or which route it must take.",
                           code="regression_empty")
    customer = run.conversation.customer
    case = RegressionCase.objects.create(
        message=run.message.text, customer_external_id=customer.external_id if customer else "",
        expected_route=expected_route.strip() or run.route, must_contain=required, must_not_contain=forbidden,
        source_run=run, created_by=staff_user,
    )
    ConversationEvent.objects.create(
        conversation_id=run.conversation_id, kind=ConversationEvent.Kind.REGRESSION_SAVED, actor=staff_user,
        data={"regression_case_id": case.pk, "run_id": str(run.id)},
    )
    return case


def split_lines(raw: str) -> list[str]:
    """One entry per non-empty line: how the admin forms take lists of phrases."""
    return [line.strip() for line in (raw or "").splitlines() if line.strip()]

