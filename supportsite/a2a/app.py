"""The A2A endpoints, mounted beside Django in the same ASGI process.

- GET /.well-known/agent-card.json: the agent card (public, as the protocol expects);
- POST /a2a/jsonrpc: the JSON-RPC binding (SendMessage, SendStreamingMessage, GetTask, … and
  the 0.3 names message/send, message/stream, tasks/get), built with a2a-sdk's Starlette routes.

The JSON-RPC endpoint takes the REST API's keys (`Authorization: Bearer nw_…`) with the
`a2a:invoke` scope: 401 without a valid key, 403 without the scope, 429 over the key's rate
limit, and 413 for a body over the size limit (supportsite.a2a.jsonrpc). Each of these is a JSON-RPC
error response too, with the HTTP status kept (see refusal_response).
Tasks belong to the calling integration; which customer's data a message can reach is decided by
the key (supportsite.api.keys.customer_for_principal). So do their push notification configs
(tasks/pushNotificationConfig/*, supportsite.a2a.push).
"""

from __future__ import annotations

from typing import Any

from a2a.auth.user import User
from a2a.server.context import ServerCallContext
from a2a.server.jsonrpc_models import InvalidRequestError
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.request_handlers.response_helpers import agent_card_to_dict, build_error_response
from a2a.server.routes import DefaultServerCallContextBuilder, create_jsonrpc_routes
from a2a.utils.constants import AGENT_CARD_WELL_KNOWN_PATH
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from supportsite.a2a.card import JSONRPC_PATH, agent_card_build
from supportsite.a2a.executor import PRINCIPAL_STATE_KEY, SupportAgentExecutor
from supportsite.a2a.jsonrpc import JsonRpcParamsCheck, RequestSizeLimitMiddleware
from supportsite.a2a.push import DjangoPushConfigStore, TaskPushSender
from supportsite.a2a.router import A2A_PATH_PREFIX
from supportsite.a2a.store import DjangoTaskStore
from supportsite.api.keys import Principal, principal_for_key, principal_rate_limit
from supportsite.api.models import Scope
from supportsite.core.db import db_async
from supportsite.core.errors import DomainError, RateLimited


class IntegrationUser(User):
    """The calling integration, as a2a-sdk sees it: its name scopes the task store."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def user_name(self) -> str:
        return self.principal.integration


class PrincipalContextBuilder(DefaultServerCallContextBuilder):
    def build(self, request: Request) -> ServerCallContext:
        context = super().build(request)
        principal: Principal = request.scope[PRINCIPAL_STATE_KEY]
        context.user = IntegrationUser(principal)
        context.state[PRINCIPAL_STATE_KEY] = principal
        context.state.get("headers", {}).pop("authorization", None)  # never keep the key around
        return context


def _authenticate(header: str) -> Principal:
    scheme, _, token = header.partition(" ")
    principal = principal_for_key(token.strip()) if scheme.lower() == "bearer" else None
    if principal is None:
        raise DomainError("Send a valid API key: Authorization: Bearer <key>.", code="unauthenticated")
    principal.require(Scope.A2A_INVOKE)
    principal_rate_limit(principal)
    return principal


class ApiKeyMiddleware:
    """Authenticates the JSON-RPC endpoint with the REST API's keys before a2a-sdk sees the request."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(A2A_PATH_PREFIX):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"authorization", b"").decode("latin-1")
        try:
            principal = await db_async(_authenticate)(header)
        except DomainError as exc:
            status = 401 if exc.code == "unauthenticated" else exc.status
            headers = {"WWW-Authenticate": 'Bearer realm="a2a"'} if status == 401 else {}
            if isinstance(exc, RateLimited):
                headers["Retry-After"] = str(exc.retry_after_s)
            await refusal_response(exc, status=status, headers=headers)(scope, receive, send)
            return
        scope[PRINCIPAL_STATE_KEY] = principal
        await self.app(scope, receive, send)


def refusal_response(exc: DomainError, *, status: int, headers: dict[str, str]) -> JSONResponse:
    """A request refused before a2a-sdk reads it, as a JSON-RPC client expects an answer to look.

    The HTTP status says it to proxies and to clients that never read the body (a2a-sdk's client
    raises "HTTP Error 401"); the body is a JSON-RPC error, as for every other refusal at this URL,
    with the REST API's stable code and text in its data. The id is null: the body is not read.
    """
    error = InvalidRequestError(message=exc.detail, data={"code": exc.code, "detail": exc.detail})
    return JSONResponse(build_error_response(None, error), status_code=status, headers=headers)


def _base_url(request: Request) -> str | None:
    configured = settings.SUPPORT.get("PUBLIC_BASE_URL", "")
    if configured:
        return configured
    host = request.headers.get("host", "")
    domain, _port = split_domain_port(host)
    # The card names URLs to call: never build them from a Host the site does not serve.
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    return f"{request.url.scheme}://{host}"


async def agent_card(request: Request) -> Response:
    base_url = _base_url(request)
    if base_url is None:
        return JSONResponse({"code": "bad_host", "detail": "Unknown host."}, status_code=400)
    return JSONResponse(agent_card_to_dict(agent_card_build(base_url)), headers={"Cache-Control": "public, max-age=300"})


def a2a_application() -> Any:
    push_configs = DjangoPushConfigStore()
    handler = DefaultRequestHandler(
        agent_executor=SupportAgentExecutor(), task_store=DjangoTaskStore(),
        agent_card=agent_card_build(settings.SUPPORT.get("PUBLIC_BASE_URL", "") or "http://localhost"),
        push_config_store=push_configs, push_sender=TaskPushSender(push_configs),
    )
    (sdk_route,) = create_jsonrpc_routes(
        handler, rpc_url=JSONRPC_PATH, context_builder=PrincipalContextBuilder(), enable_v0_3_compat=True
    )
    routes = [
        Route(JSONRPC_PATH, JsonRpcParamsCheck(sdk_route.endpoint).endpoint, methods=["POST"]),
        Route(AGENT_CARD_WELL_KNOWN_PATH, agent_card, methods=["GET"]),
    ]
    # The key first (a caller without one learns nothing, not even the size limit), then the size
    # limit, before a2a-sdk reads the body.
    return ApiKeyMiddleware(RequestSizeLimitMiddleware(Starlette(routes=routes)))
