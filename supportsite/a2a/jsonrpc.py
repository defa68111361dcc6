"""What the JSON-RPC endpoint adds in front of a2a-sdk's dispatcher.

- A cap on the request body, enforced before anything reads it as JSON: a2a-sdk reads the whole
  body, parses it, and (for a message) stores it in the task and echoes it back, whatever its size.
- JSON-RPC's "invalid params" (-32602) for the 0.3 method names: a2a-sdk's 0.3 adapter validates
  the whole request with pydantic and answers any failure with "invalid request" (-32600) and
  pydantic's text (with links to errors.pydantic.dev), where its 1.0 methods answer -32602.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from a2a.server.jsonrpc_models import InvalidParamsError, InvalidRequestError, JSONRPCError
from a2a.server.request_handlers.response_helpers import build_error_response

# Through the routes package: imported first, a2a-sdk's 0.3 adapter module is a circular import.
from a2a.server.routes.jsonrpc_dispatcher import JSONRPC03Adapter
from django.conf import settings
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

# A JSON-escaped character takes at most 12 bytes ("\ud83d\ude00"); the rest of a request (ids,
# metadata, the JSON-RPC envelope) fits in the allowance with room to spare.
MAX_ESCAPED_BYTES_PER_CHAR = 12
ENVELOPE_ALLOWANCE_BYTES = 64 * 1024
DEFAULT_MAX_REQUEST_BYTES = 256 * 1024
# A body of bad parts could name thousands of them; the first few say what to fix.
MAX_REPORTED_ERRORS = 20


def a2a_max_request_bytes() -> int:
    """The largest JSON-RPC request body taken: SUPPORT["A2A_MAX_REQUEST_BYTES"] if set, else
    256 KiB, or more when the chat's message limit (SUPPORT["MAX_MESSAGE_CHARS"]) needs it, so a
    message the chat would take is never refused for its size, however its client escapes it."""
    configured = settings.SUPPORT.get("A2A_MAX_REQUEST_BYTES")
    if configured:
        return int(configured)
    longest_message = settings.SUPPORT["MAX_MESSAGE_CHARS"] * MAX_ESCAPED_BYTES_PER_CHAR
    return max(DEFAULT_MAX_REQUEST_BYTES, longest_message + ENVELOPE_ALLOWANCE_BYTES)


def _too_large_response(max_bytes: int) -> JSONResponse:
    # The id is unknown (the body is not read) so it is null, as JSON-RPC says; the error is the one
    # a2a-sdk gives itself for a 413 from the server, but with the 413 kept, so proxies and clients
    # that never look inside the body see it too (the SDK's client raises "HTTP Error 413").
    error = InvalidRequestError(message="Payload too large", data={"max_bytes": max_bytes})
    return JSONResponse(build_error_response(None, error), status_code=413)


class RequestSizeLimitMiddleware:
    """Refuses a request body over a2a_max_request_bytes() with a 413, before anything parses it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = a2a_max_request_bytes()
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > max_bytes:
            await _too_large_response(max_bytes)(scope, receive, send)
            return
        # Without a Content-Length (a chunked body), or with a false one, count what arrives. What is
        # held is at most max_bytes, and a2a-sdk would hold all of it anyway.
        chunks: list[bytes] = []
        size = 0
        more_body = True
        while more_body:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the caller went away: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > max_bytes:
                await _too_large_response(max_bytes)(scope, receive, send)
                return
            chunks.append(chunk)
            more_body = message.get("more_body", False)
        body = b"".join(chunks)
        body_sent = False

        async def replay() -> dict[str, Any]:
            nonlocal body_sent
            if not body_sent:
                body_sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # then the server's own messages (a disconnect ends a stream)

        await self.app(scope, replay, send)


def _validation_errors(exc: ValidationError, *, under: str = "") -> list[dict[str, str]]:
    """Each failure as {field, message}, as the REST API and a2a-sdk's 1.0 methods report them."""
    errors = []
    for error in exc.errors(include_url=False, include_input=False)[:MAX_REPORTED_ERRORS]:
        location = [str(part) for part in error["loc"]]
        if under and location[:1] == [under] and len(location) > 1:
            location = location[1:]  # relative to params, as a2a-sdk's 1.0 methods name fields
        errors.append({"field": ".".join(location), "message": error["msg"]})
    return errors


def _v03_request_error(body: dict[str, Any]) -> JSONRPCError | None:
    """The JSON-RPC error for a 0.3 request that a2a-sdk's own models refuse, or None if they take it."""
    model = JSONRPC03Adapter.METHOD_TO_MODEL[body["method"]]
    try:
        model.model_validate(body)
    except ValidationError as exc:
        if all(error["loc"][:1] == ("params",) for error in exc.errors()):
            return InvalidParamsError(data={"errors": _validation_errors(exc, under="params")})
        return InvalidRequestError(data={"errors": _validation_errors(exc)})
    return None


class JsonRpcParamsCheck:
    """Answers a 0.3 request whose params a2a-sdk's models refuse with -32602, then hands the
    rest (every valid request, the 1.0 methods, malformed JSON-RPC) to a2a-sdk's endpoint."""

    def __init__(self, sdk_endpoint: Callable[[Request], Awaitable[Response]]) -> None:
        self.sdk_endpoint = sdk_endpoint

    async def endpoint(self, request: Request) -> Response:
        try:
            body = await request.json()  # kept on the request: the SDK reads it from there
        except (ValueError, RecursionError):
            # Not JSON, not UTF-8, or nested past the parser's depth ([[[…]]] in 100 KB): the SDK
            # answers each with its JSON-RPC error, as it did before this check was in front of it.
            body = None
        if (
            isinstance(body, dict)
            and isinstance(body.get("method"), str)
            and JSONRPC03Adapter.METHOD_TO_MODEL.get(body["method"]) is not None
            # Params that are not an object or array make the request itself invalid (JSON-RPC 4.2);
            # the SDK already answers those -32600.
            and isinstance(body.get("params", {}), dict | list)
            and body.get("jsonrpc") == "2.0"
        ):
            error = _v03_request_error(body)
            if error is not None:
                request_id = body.get("id")
                if isinstance(request_id, bool) or not isinstance(request_id, str | int | None):
                    request_id = None
                return JSONResponse(build_error_response(request_id, error))
        return await self.sdk_endpoint(request)
