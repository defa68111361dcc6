"""Request and response bodies of the REST API (they are the OpenAPI document's schemas)."""

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from django.conf import settings
from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, ModelWrapValidatorHandler, StringConstraints, model_validator
from pydantic_core import PydanticCustomError


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL; refuse it at the edge rather than fail in the database.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class RequestBody(Schema):
    """A request body: always a JSON object.

    ninja's Schema reads fields from attributes too (DjangoGetter), so a body of `[]`, `"text"` or
    `null` would pass as an object with every field at its default: for ConversationIn, a silent
    anonymous conversation. A wrap validator, as it runs outside (before) ninja's own.

    A field it does not have is refused (422 naming it), not ignored: `{"published": false}` for
    `is_published` created a published FAQ entry, the opposite of what was meant.
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="wrap")
    @classmethod
    def _is_a_json_object(cls, value: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        if not isinstance(value, dict):
            raise PydanticCustomError("json_object", "Input should be a JSON object")
        return handler(value)


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    code: str = Field(description="Stable machine-readable error code, e.g. missing_scope, not_found.")
    detail: str
    errors: list[FieldError] = Field(default=[], description="For validation errors: which field and why.")


class ConversationIn(RequestBody):
    # An empty string is refused, not taken as "anonymous". The limits go before the NUL check:
    # after it, pydantic words a too-short string as "at least 1 item".
    customer: Annotated[str, StringConstraints(min_length=1, max_length=64), AfterValidator(_no_nul)] | None = Field(
        None, description="The customer's external id (cus_alice). Omit, or send null, for an anonymous conversation.",
        examples=["cus_alice"],
    )
    external_ref: Text = Field("", max_length=200, description="Your own reference, e.g. a ticket id.")


class ConversationOut(Schema):
    id: UUID
    customer: str | None
    status: str
    channel: str
    external_ref: str
    created_at: datetime
    last_message_at: datetime | None


class ConversationPage(Schema):
    items: list[ConversationOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")


class MessageIn(RequestBody):
    text: Text = Field(min_length=1, max_length=settings.SUPPORT["MAX_MESSAGE_CHARS"])
    client_id: Text | None = Field(
        None, min_length=1, max_length=64,
        description="Your id for this message: sending it again with the same text stores it once (with other "
                    "text it is a 422 `client_id_reused`). Defaults to the Idempotency-Key.",
    )


class MessageOut(Schema):
    id: UUID
    role: str
    text: str
    created_at: datetime
    client_id: str | None = None
    run_id: UUID | None = None
    route: str | None = None
    intent: str | None = None
    confidence: float | None = None
    author: str | None = None


class MessagePage(Schema):
    items: list[MessageOut]
    next_cursor: str | None


class ReplyOut(Schema):
    message_id: UUID
    text: str
    route: str
    intent: str
    confidence: float | None
    run_id: UUID
    sources: list[dict[str, Any]] = []


class MessageReplyOut(Schema):
    message: MessageOut
    reply: ReplyOut
    conversation_status: str


class MessagePendingOut(Schema):
    message: MessageOut
    run_id: UUID | None = Field(description="Read GET /runs/{run_id} or the conversation's messages later.")
    run_status: str | None
    conversation_status: str
    detail: str


class StepOut(Schema):
    id: UUID
    parent_id: UUID | None
    agent: str
    kind: str
    name: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    duration_ms: float
    model: str
    input_tokens: int
    output_tokens: int
    error: str


class RunOut(Schema):
    id: UUID
    conversation_id: UUID
    message_id: UUID
    status: str
    provider: str
    model: str
    intent: str
    confidence: float | None
    route: str
    critic_verdict: str
    handoff_reason: str
    fallbacks: list[Any]
    summary: dict[str, Any]
    input_tokens: int
    output_tokens: int
    latency_ms: float | None
    error: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    steps: list[StepOut]


class FaqIn(RequestBody):
    question: Text = Field(min_length=1, max_length=300)
    answer: Text = Field(min_length=1, max_length=10000)
    alternatives: list[Annotated[Text, Field(max_length=300)]] = Field(default=[], max_length=50)
    tags: list[Annotated[Text, Field(max_length=50)]] = Field(default=[], max_length=20)
    is_published: bool = True


class FaqPatch(RequestBody):
    question: Text | None = Field(None, min_length=1, max_length=300)
    answer: Text | None = Field(None, min_length=1, max_length=10000)
    alternatives: list[Annotated[Text, Field(max_length=300)]] | None = Field(None, max_length=50)
    tags: list[Annotated[Text, Field(max_length=50)]] | None = Field(None, max_length=20)
    is_published: bool | None = None


class FaqOut(Schema):
    id: int
    question: str
    answer: str
    alternatives: list[str]
    tags: list[str]
    is_published: bool
    updated_at: datetime


class FaqPage(Schema):
    items: list[FaqOut]
    next_cursor: str | None


class FeedbackIn(RequestBody):
    message_id: UUID = Field(description="An assistant reply in this conversation.")
    rating: Literal["up", "down"]
    comment: Text = Field("", max_length=2000)


class FeedbackOut(Schema):
    id: int
    message_id: UUID
    run_id: UUID | None
    rating: str
    comment: str
    created_at: datetime
