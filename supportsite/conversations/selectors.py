"""Reads about conversations, always scoped to who is asking."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from supportsite.conversations.models import AgentAction, AgentRun, Conversation, Feedback, Message
from supportsite.conversations.serializers import conversation_reason
from supportsite.conversations.titles import conversation_title
from supportsite.core.models import reverse_one_to_one_uncache
from supportsite.customers.models import CustomerProfile


def conversation_get_for_owner(
    *, conversation_id: UUID | str, customer: CustomerProfile | None, session_key: str
) -> Conversation | None:
    """The conversation if it belongs to this customer (or, anonymously, to this browser session)."""
    try:
        conversation = Conversation.objects.select_related("customer").get(id=conversation_id)
    except (Conversation.DoesNotExist, ValueError, TypeError):
        return None
    if customer is not None:
        return conversation if conversation.customer_id == customer.pk else None
    if conversation.customer_id is None and session_key and conversation.session_key == session_key:
        return conversation
    return None


def conversation_latest_for_owner(*, customer: CustomerProfile | None, session_key: str) -> Conversation | None:
    """The owner's most recent conversation that is not closed, for resuming on page load."""
    return conversation_list_for_owner(customer=customer, session_key=session_key).exclude(
        status=Conversation.Status.CLOSED
    ).filter(channel=Conversation.Channel.WEB).first()


def conversation_list_for_owner(*, customer: CustomerProfile | None, session_key: str) -> QuerySet[Conversation]:
    if customer is not None:
        qs = Conversation.objects.filter(customer=customer)
    elif session_key:
        qs = Conversation.objects.filter(customer__isnull=True, session_key=session_key)
    else:
        qs = Conversation.objects.none()
    return qs.order_by("-last_message_at", "-created_at")


def message_list_for_conversation(*, conversation: Conversation, include_undelivered: bool = False) -> list[Message]:
    qs = conversation.messages.select_related("run", "author").exclude(role=Message.Role.SYSTEM)
    if not include_undelivered:
        qs = qs.filter(delivered=True)
    return list(qs.order_by("created_at"))


def run_get(*, run_id: UUID | str) -> AgentRun | None:
    try:
        return AgentRun.objects.select_related("conversation", "message", "conversation__customer").get(id=run_id)
    except (AgentRun.DoesNotExist, ValueError, TypeError):
        return None


def customer_for_user(user: object) -> CustomerProfile | None:
    """The signed-in user's customer profile; None for anonymous users and staff without one."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    profile = CustomerProfile.objects.select_related("plan", "user").filter(user=user).first()
    if profile is not None:
        reverse_one_to_one_uncache(profile.user, "customer")  # kept one way: no cycle per connection
    return profile


# --- The web chat: the owner's conversation list and their own feedback ---------------------
# A conversation's title is chosen among its first few customer messages ("hi" names nothing); the rest are not read.
TITLE_CANDIDATES = 3


def conversation_openings(*, conversations: list[Conversation]) -> dict[object, list[str]]:
    """The first TITLE_CANDIDATES customer messages of each conversation, oldest first, by conversation id."""
    openings: dict[object, list[str]] = {}
    for conversation_id, text in (
        Message.objects.filter(conversation__in=conversations, role=Message.Role.USER)
        .annotate(position=Window(RowNumber(), partition_by=[F("conversation_id")], order_by=[F("created_at").asc(),
                                                                                               F("id").asc()]))
        .filter(position__lte=TITLE_CANDIDATES)
        .order_by("conversation_id", "position")
        .values_list("conversation_id", "text")
    ):
        openings.setdefault(conversation_id, []).append(text)
    return openings


def conversation_summaries_for_owner(
    *, customer: CustomerProfile | None, session_key: str, limit: int = 50
) -> list[dict[str, object]]:
    """The owner's web conversations, newest first, each titled by the first question asked in it."""
    conversations = list(
        conversation_list_for_owner(customer=customer, session_key=session_key)
        .filter(channel=Conversation.Channel.WEB)
        .annotate(message_count=Count("messages", filter=~Q(messages__role=Message.Role.SYSTEM)))[:limit]
    )
    openings = conversation_openings(conversations=conversations)
    summaries = [
        {
            "conversation_id": str(c.id),
            "status": c.status,
            "reason": conversation_reason(c),
            "title": conversation_title(openings.get(c.id, [])),
            "message_count": c.message_count,
            "last_message_at": (c.last_message_at or c.created_at).isoformat(),
        }
        for c in conversations
    ]
    # Newest activity first, the same way on every database (PostgreSQL and SQLite sort NULLs apart).
    summaries.sort(key=lambda s: str(s["last_message_at"]), reverse=True)
    return summaries


def feedback_ratings_for_conversation(*, conversation: Conversation) -> dict[str, str]:
    """The customer's own rating of each reply in the conversation, by message id."""
    rows = Feedback.objects.filter(message__conversation=conversation, by_staff=False).order_by("created_at")
    return {str(message_id): rating for message_id, rating in rows.values_list("message_id", "rating")}


def message_get_by_client_id(*, conversation_id: UUID | str, client_id: str) -> Message | None:
    """The customer's message already stored under this client_id, if any (a resend)."""
    return Message.objects.filter(conversation_id=conversation_id, client_id=client_id).first()


def conversation_awaits_approval(*, conversation_id: UUID | str) -> bool:
    """Whether an action the agents proposed in the conversation still waits for a staff decision."""
    return AgentAction.objects.filter(conversation_id=conversation_id,
                                      status=AgentAction.Status.PENDING_APPROVAL).exists()
