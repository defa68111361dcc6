"""The REST API, /api/v1/: thin async endpoints over the same services the chat uses.

Every endpoint needs `Authorization: Bearer <key>` (401 without a valid one) and a scope (403
without it); errors are JSON `{code, detail, errors}` with a stable code; POSTs honour
`Idempotency-Key`; each key is rate limited (429 with Retry-After).
"""

import asyncio
import logging
import uuid
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Path, Query, Router, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from supportsite.api.idempotency import HEADER, client_id_for_idempotency_key, idempotent
from supportsite.api.keys import Principal, customer_for_principal, principal_for_key, principal_rate_limit
from supportsite.api.models import Scope
from supportsite.api.pagination import DEFAULT_LIMIT, MAX_CURSOR_CHARS, MAX_LIMIT, page_after
from supportsite.api.replies import ConversationListener, run_reply_wait
from supportsite.api.schemas import (
    ConversationIn,
    ConversationOut,
    ConversationPage,
    ErrorOut,
    FaqIn,
    FaqOut,
    FaqPage,
    FaqPatch,
    FeedbackIn,
    FeedbackOut,
    MessageIn,
    MessagePage,
    MessagePendingOut,
    MessageReplyOut,
    RunOut,
    StepOut,
)
from supportsite.api.selectors import (
    conversation_get_for_principal,
    conversation_list_for_principal,
    message_list_for_principal,
    run_for_message,
    run_get_for_principal,
)
from supportsite.conversations.models import AgentRun, Conversation, Feedback, Message
from supportsite.conversations.runner import message_submit
from supportsite.conversations.services import conversation_start, feedback_submit, message_text_clean
from supportsite.core.db import db_async
from supportsite.core.errors import DomainError, InvalidInput, NotFound, RateLimited
from supportsite.knowledge.models import FaqEntry
from supportsite.knowledge.services import faq_create, faq_delete, faq_update

logger = logging.getLogger(__name__)


# --- Authentication ---------------------------------------------------------------------------


def _authenticate(token: str) -> Principal | None:
    principal = principal_for_key(token.strip())
    if principal is not None:
        principal_rate_limit(principal)
    return principal


class ApiKeyAuth(HttpBearer):
    """`Authorization: Bearer nw_…`: an integration's API key."""

    def __call__(self, request: HttpRequest) -> Any:
        # Replaces HttpBearer.__call__, which logs the whole header (with DEBUG on) when its scheme is
        # not Bearer: `Token nw_…`, a bare `nw_…` or Basic credentials put the key in the server log.
        # Any other scheme is simply no credentials here: the usual 401, and nothing logged.
        scheme, _, token = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != self.openapi_scheme:
            return None
        return self.authenticate(request, token)

    async def authenticate(self, request: HttpRequest, token: str) -> Principal | None:
        return await db_async(_authenticate)(token)


api = NinjaAPI(
    title="Northwind Support API",
    version="1.0.0",
    description=(
        "Open conversations for your customers, send their messages to the support agents and read the "
        "replies, the agent runs behind them, and the FAQ. Authenticate with `Authorization: Bearer <key>` "
        "(keys are created by staff: `python manage.py create_api_key --name NAME --scopes a,b`)."
    ),
    urls_namespace="api-v1",
    auth=ApiKeyAuth(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

# Database integer keys: larger ids cannot exist (and SQLite refuses to compare them).
MAX_ID = 2**31 - 1
COMMON_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}
# Endpoints that read a body can also refuse one over DATA_UPLOAD_MAX_MEMORY_SIZE.
BODY_ERRORS: dict[int, Any] = {**COMMON_ERRORS, 413: ErrorOut}


def _cursor_query() -> Any:
    # Not max_length: a longer cursor is refused by the pagination as bad_cursor, like every other
    # cursor it did not give out, rather than as a validation error of its own.
    return Query(None, description=f"The previous page's next_cursor (at most {MAX_CURSOR_CHARS} characters).")


# --- Errors: every failure is JSON with a stable code; nothing becomes a 500 ------------------


def error_response(request: HttpRequest, status: int, code: str, detail: str,
                   errors: list[dict[str, str]] | None = None, headers: dict[str, str] | None = None) -> HttpResponse:
    """The API's one error shape, `{code, detail, errors}`; also used by middleware.ApiJsonErrorsMiddleware."""
    response = api.create_response(request, {"code": code, "detail": detail, "errors": errors or []}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@csrf_exempt
def api_base_without_slash(request: HttpRequest) -> HttpResponse:
    """`/api/v1` as typed from an integrator's base URL: every method gets the API's JSON 404 that
    `/api/v1/` gives, not Django's slash redirect (for a POST with DEBUG, an HTML error page)."""
    base = request.path + "/"
    return error_response(request, 404, "endpoint_not_found",
                          f"There is no {request.path} endpoint; the endpoints are under {base} and listed at {base}docs.")


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    headers = {"Retry-After": str(exc.retry_after_s)} if isinstance(exc, RateLimited) else None
    errors = [{"field": "text", "message": exc.detail}] if exc.code in ("empty_message", "message_too_long") else None
    return error_response(request, exc.status, exc.code, exc.detail, errors, headers)


def _field_name(loc: list[Any]) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or "body"


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [{"field": _field_name(list(e.get("loc", []))), "message": str(e.get("msg", "invalid"))} for e in exc.errors]
    summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors) or "The request is not valid."
    return error_response(request, 422, "validation_error", summary, errors)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(
        request, 401, "unauthenticated", "Send a valid API key: Authorization: Bearer <key>.",
        headers={"WWW-Authenticate": 'Bearer realm="api"'},
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400 and isinstance(exc.__cause__, ValueError | RecursionError):
        # ninja wraps the JSON parser's error (JSONDecodeError, UnicodeDecodeError, or the recursion limit
        # of a body nested thousands deep) in a 400 HttpError.
        return error_response(request, 400, "bad_json", f"The request body is not valid JSON: {exc.__cause__}.")
    return error_response(request, exc.status_code, "http_error", str(exc))


@api.exception_handler(RequestDataTooBig)
def _payload_too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    # Raised when ninja first reads request.body, before any endpoint code runs: nothing is stored.
    return error_response(
        request, 413, "payload_too_large",
        f"The request body is over {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes; this API's bodies are far smaller.",
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not_found", "Not found.")


@api.exception_handler(DjangoValidationError)
def _model_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return error_response(request, 422, "validation_error", "; ".join(exc.messages))


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    # A bug, not the client's fault: logged with its traceback, answered without one.
    logger.exception("Unhandled error in %s %s", request.method, request.path)
    return error_response(request, 500, "internal_error", "Something went wrong on our side; it has been logged.")


# --- Conversations and messages ---------------------------------------------------------------

conversations = Router(tags=["conversations"])


def _conversation_out(conversation: Conversation) -> dict[str, Any]:
    return {
        "id": conversation.id,
        "customer": conversation.customer.external_id if conversation.customer else None,
        "status": conversation.status,
        "channel": conversation.channel,
        "external_ref": conversation.external_ref,
        "created_at": conversation.created_at,
        "last_message_at": conversation.last_message_at,
    }


def _message_out(message: Message) -> dict[str, Any]:
    out: dict[str, Any] = {"id": message.id, "role": message.role, "text": message.text,
                           "created_at": message.created_at}
    if message.role == Message.Role.USER:
        out["client_id"] = message.client_id
    if message.role == Message.Role.ASSISTANT and message.run is not None:
        out.update(run_id=message.run.id, route=message.run.route, intent=message.run.intent,
                   confidence=message.run.confidence)
    if message.role == Message.Role.STAFF:
        out["author"] = (message.author.first_name or message.author.username) if message.author else "Support team"
    return out


def _conversation_open(principal: Principal, payload: ConversationIn) -> dict[str, Any]:
    customer = customer_for_principal(principal, payload.customer)
    conversation = conversation_start(
        customer=customer, channel=Conversation.Channel.API, integration=principal.integration,
        external_ref=payload.external_ref.strip(),
    )
    conversation.customer = customer
    return _conversation_out(conversation)


@conversations.post("/conversations", response={201: ConversationOut, 404: ErrorOut, 409: ErrorOut, **BODY_ERRORS},
                    summary="Open a conversation", operation_id="conversation_create")
@idempotent
async def conversation_create(request: HttpRequest, payload: ConversationIn) -> Status[Any]:
    """Open a conversation for a customer (by external id), or an anonymous one.

    Naming a customer needs a key bound to that customer or the `customers:any` scope.
    """
    principal: Principal = request.auth
    principal.require(Scope.MESSAGES_WRITE)
    return Status(201, await db_async(_conversation_open)(principal, payload))


def _conversation_page(principal: Principal, cursor: str | None, limit: int, status: str | None) -> dict[str, Any]:
    qs = conversation_list_for_principal(principal=principal)
    if status:
        qs = qs.filter(status=status)
    items, next_cursor = page_after(qs, cursor=cursor, limit=limit, newest_first=True)
    return {"items": [_conversation_out(c) for c in items], "next_cursor": next_cursor}


@conversations.get("/conversations", response={200: ConversationPage, **COMMON_ERRORS},
                   summary="List your conversations", operation_id="conversation_list")
async def conversation_list(
    request: HttpRequest, cursor: str | None = _cursor_query(),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    status: Conversation.Status | None = None,
) -> Any:
    """Conversations your integration opened, newest first."""
    principal: Principal = request.auth
    principal.require(Scope.CONVERSATIONS_READ)
    return await db_async(_conversation_page)(principal, cursor, limit, status)


def _conversation_detail(principal: Principal, conversation_id: UUID) -> dict[str, Any]:
    conversation = conversation_get_for_principal(principal=principal, conversation_id=conversation_id)
    if conversation is None:
        raise NotFound("No such conversation.", code="conversation_not_found")
    return _conversation_out(conversation)


@conversations.get("/conversations/{conversation_id}", response={200: ConversationOut, 404: ErrorOut, **COMMON_ERRORS},
                   summary="Read a conversation", operation_id="conversation_get")
async def conversation_get(request: HttpRequest, conversation_id: UUID) -> Any:
    principal: Principal = request.auth
    principal.require(Scope.CONVERSATIONS_READ)
    return await db_async(_conversation_detail)(principal, conversation_id)


def _message_page(principal: Principal, conversation_id: UUID, cursor: str | None, limit: int) -> dict[str, Any]:
    conversation = conversation_get_for_principal(principal=principal, conversation_id=conversation_id)
    if conversation is None:
        raise NotFound("No such conversation.", code="conversation_not_found")
    qs = message_list_for_principal(principal=principal, conversation=conversation)
    items, next_cursor = page_after(qs, cursor=cursor, limit=limit, newest_first=False)
    return {"items": [_message_out(m) for m in items], "next_cursor": next_cursor}


@conversations.get("/conversations/{conversation_id}/messages",
                   response={200: MessagePage, 404: ErrorOut, **COMMON_ERRORS},
                   summary="List a conversation's messages", operation_id="message_list")
async def message_list(
    request: HttpRequest, conversation_id: UUID, cursor: str | None = _cursor_query(),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> Any:
    """Messages oldest first, as the customer sees them."""
    principal: Principal = request.auth
    principal.require(Scope.CONVERSATIONS_READ)
    return await db_async(_message_page)(principal, conversation_id, cursor, limit)


def _reply_out(reply: Message) -> dict[str, Any]:
    run = reply.run
    return {"message_id": reply.id, "text": reply.text, "route": run.route if run else "",
            "intent": run.intent if run else "", "confidence": run.confidence if run else None,
            "run_id": reply.run_id, "sources": reply.sources or []}


def _message_state(message_id: UUID, conversation_id: UUID, run_id: UUID | None) -> tuple[Message, str, str | None]:
    message = Message.objects.select_related("run", "author").get(id=message_id)
    status = Conversation.objects.filter(id=conversation_id).values_list("status", flat=True).first() or ""
    run_status = AgentRun.objects.filter(id=run_id).values_list("status", flat=True).first() if run_id else None
    return message, status, run_status


REUSED_ID_CODES = {"client_id": "client_id_reused", HEADER: "idempotency_key_reused"}


def _refuse_another_text_under_a_used_id(*, stored: Message, text: str, id_named: str) -> None:
    """A message sent under an id already stored is a resend only if it says the same thing (as stored:
    trimmed). Other text is another message under a used id: answering with the stored message and its
    reply would pass them off as this one's, so it is a 422 (draft-ietf-httpapi-idempotency-key-header)
    and nothing was stored (the service found the id taken before writing anything)."""
    if stored.text == message_text_clean(text):
        return
    raise InvalidInput(
        f"This {id_named} was already used for a message with different text in this conversation; "
        f"send a new message with a new {id_named}.",
        code=REUSED_ID_CODES[id_named],
    )


@conversations.post(
    "/conversations/{conversation_id}/messages",
    response={200: MessageReplyOut, 202: MessagePendingOut, 404: ErrorOut, 409: ErrorOut, **BODY_ERRORS},
    summary="Send a customer's message and get the reply", operation_id="message_create",
)
@idempotent
async def message_create(request: HttpRequest, conversation_id: UUID, payload: MessageIn) -> Status[Any]:
    """Store the message, run the support agents, and answer with their reply (200).

    If the reply takes longer than the configured wait (`SUPPORT_API_REPLY_WAIT_S`), or a person
    has the conversation, the answer is 202 with the run id: read the reply later from
    `GET /conversations/{id}/messages` or `GET /runs/{run_id}`. The same `client_id` (or
    Idempotency-Key) sent again with the same text is answered as the first time; with other text it
    is a 422 (`client_id_reused` / `idempotency_key_reused`) and nothing is stored.
    """
    principal: Principal = request.auth
    principal.require(Scope.MESSAGES_WRITE)
    conversation = await db_async(conversation_get_for_principal)(principal=principal, conversation_id=conversation_id)
    if conversation is None:
        raise NotFound("No such conversation.", code="conversation_not_found")
    client_id = payload.client_id or client_id_for_idempotency_key(request.headers.get(HEADER, "").strip()) \
        or uuid.uuid4().hex
    async with ConversationListener(conversation.id) as listener:
        # Shielded: a client that hangs up mid-request must not leave a stored message without its run.
        message, run, created = await asyncio.shield(
            message_submit(conversation_id=conversation.id, text=payload.text, client_id=client_id)
        )
        if not created:
            _refuse_another_text_under_a_used_id(stored=message, text=payload.text,
                                                 id_named="client_id" if payload.client_id else HEADER)
        if run is None:  # a resend of a stored message: wait for that message's run, if it has one
            run = await db_async(run_for_message)(message_id=message.id)
        reply = None
        if run is not None:
            reply = await run_reply_wait(
                run_id=run.id, listener=listener, timeout_s=float(settings.SUPPORT["API_REPLY_WAIT_S"])
            )
    message, conversation_status, run_status = await db_async(_message_state)(
        message.id, conversation.id, run.id if run else None
    )
    if reply is not None and reply.delivered:
        return Status(200, {"message": _message_out(message), "reply": _reply_out(reply),
                            "conversation_status": conversation_status})
    if run is None or reply is not None:
        detail = "A person from our support team has this conversation and will reply in it."
    else:
        detail = "The agents are still working; read the reply later from the run or the conversation's messages."
    return Status(202, {"message": _message_out(message), "run_id": run.id if run else None,
                        "run_status": run_status, "conversation_status": conversation_status, "detail": detail})


def _feedback_record(principal: Principal, conversation_id: UUID, payload: FeedbackIn) -> Feedback:
    conversation = conversation_get_for_principal(principal=principal, conversation_id=conversation_id)
    if conversation is None:
        raise NotFound("No such conversation.", code="conversation_not_found")
    return feedback_submit(
        conversation_id=conversation.id, message_id=payload.message_id, rating=payload.rating, comment=payload.comment
    )


@conversations.post("/conversations/{conversation_id}/feedback",
                    response={201: FeedbackOut, 404: ErrorOut, 409: ErrorOut, **BODY_ERRORS},
                    summary="Rate a reply", operation_id="feedback_create")
@idempotent
async def feedback_create(request: HttpRequest, conversation_id: UUID, payload: FeedbackIn) -> Status[Any]:
    """Thumbs up or down on one of the agents' replies; a later rating replaces the earlier one."""
    principal: Principal = request.auth
    principal.require(Scope.MESSAGES_WRITE)
    feedback = await db_async(_feedback_record)(principal, conversation_id, payload)
    return Status(201, {"id": feedback.pk, "message_id": feedback.message_id, "run_id": feedback.run_id,
                        "rating": feedback.rating, "comment": feedback.comment, "created_at": feedback.created_at})


# --- Runs -------------------------------------------------------------------------------------

runs = Router(tags=["runs"])


def _run_out(principal: Principal, run_id: UUID) -> dict[str, Any]:
    run = run_get_for_principal(principal=principal, run_id=run_id)
    if run is None:
        raise NotFound("No such run.", code="run_not_found")
    steps = [StepOut.from_orm(step).model_dump() for step in run.steps.order_by("started_at")]
    fields = {name: getattr(run, name) for name in RunOut.model_fields if name != "steps"}
    return {**fields, "steps": steps}


@runs.get("/runs/{run_id}", response={200: RunOut, 404: ErrorOut, **COMMON_ERRORS},
          summary="Read an agent run and its steps", operation_id="run_get")
async def run_get(request: HttpRequest, run_id: UUID) -> Any:
    """What the agents did for one message: intent, route, tokens, timings, and every step."""
    principal: Principal = request.auth
    principal.require(Scope.RUNS_READ)
    return await db_async(_run_out)(principal, run_id)


# --- FAQ --------------------------------------------------------------------------------------

faq = Router(tags=["faq"])


def _faq_page(principal: Principal, cursor: str | None, limit: int) -> dict[str, Any]:
    qs = FaqEntry.objects.all()
    if not principal.has(Scope.FAQ_WRITE):  # drafts are for the people who edit them
        qs = qs.filter(is_published=True)
    items, next_cursor = page_after(qs, cursor=cursor, limit=limit, newest_first=False)
    return {"items": items, "next_cursor": next_cursor}


@faq.get("/faq", response={200: FaqPage, **COMMON_ERRORS}, summary="List FAQ entries", operation_id="faq_list")
async def faq_list(
    request: HttpRequest, cursor: str | None = _cursor_query(),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> Any:
    """Published entries for any key; unpublished ones too for keys with `faq:write`."""
    return await db_async(_faq_page)(request.auth, cursor, limit)


@faq.post("/faq", response={201: FaqOut, 409: ErrorOut, **BODY_ERRORS}, summary="Create an FAQ entry",
          operation_id="faq_create")
@idempotent
async def faq_create_view(request: HttpRequest, payload: FaqIn) -> Status[Any]:
    request.auth.require(Scope.FAQ_WRITE)
    entry = await db_async(faq_create)(**payload.model_dump())
    return Status(201, FaqOut.from_orm(entry))


@faq.patch("/faq/{faq_id}", response={200: FaqOut, 404: ErrorOut, 409: ErrorOut, **BODY_ERRORS},
           summary="Change an FAQ entry", operation_id="faq_update")
async def faq_update_view(request: HttpRequest, payload: FaqPatch, faq_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    request.auth.require(Scope.FAQ_WRITE)
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    return await db_async(faq_update)(faq_id=faq_id, changes=changes)


@faq.delete("/faq/{faq_id}", response={204: None, 404: ErrorOut, **COMMON_ERRORS}, summary="Delete an FAQ entry",
            operation_id="faq_delete")
async def faq_delete_view(request: HttpRequest, faq_id: int = Path(..., ge=1, le=MAX_ID)) -> Status[None]:
    request.auth.require(Scope.FAQ_WRITE)
    await db_async(faq_delete)(faq_id=faq_id)
    return Status(204, None)


api.add_router("/", conversations)
api.add_router("/", runs)
api.add_router("/", faq)
