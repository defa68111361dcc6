"""Every error under /api/v1/ is JSON in the API's shape, including the ones no endpoint produced.

The endpoints' own errors are JSON already (the exception handlers in views.py). Two kinds come
from outside them and were Django's HTML or ninja's plain text: a path no endpoint has (Django's
404 page) and a method the path does not serve (ninja's 405 "Method not allowed", sent as
text/html). This middleware turns those, and any other non-JSON error under the API's prefix,
into `{code, detail, errors}`, keeping headers such as Allow.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

from supportsite.api.views import error_response

# Codes for the errors that do not come from an endpoint; any other status is named by its phrase (too_many_requests).
_CODES = {
    400: "bad_request",
    404: "endpoint_not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    500: "internal_error",
}
# Headers of the original response that belong to the error itself, not to its HTML body.
_KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


@functools.cache
def _api_prefix() -> str:
    # Resolved on first use: the URLconf is not loaded when middleware is built.
    return reverse("api-v1:api-root")


def _error_code(status: int) -> str:
    if status in _CODES:
        return _CODES[status]
    try:
        return HTTPStatus(status).name.lower()  # e.g. request_timeout
    except ValueError:
        return "http_error"


def _error_detail(request: HttpRequest, status: int, response: HttpResponseBase) -> str:
    if status == 404:
        return f"There is no {request.path} endpoint; the endpoints are listed at {_api_prefix()}docs."
    if status == 405:
        return f"{request.method} is not allowed on {request.path}; use {response.get('Allow', 'another method')}."
    try:
        return HTTPStatus(status).phrase + "."
    except ValueError:
        return "The request failed."


def _json_error(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    status = response.status_code
    if (
        status < 400
        or not request.path.startswith(_api_prefix())
        or response.get("Content-Type", "").startswith("application/json")
    ):
        return response
    headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
    return error_response(request, status, _error_code(status), _error_detail(request, status, response), headers=headers)


class ApiJsonErrorsMiddleware:
    """Sync and async capable, so it adds no thread switch to requests under ASGI."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase | Awaitable[HttpResponseBase]]):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        if self.is_async:
            return self._acall(request)
        return _json_error(request, self.get_response(request))  # type: ignore[arg-type]

    async def _acall(self, request: HttpRequest) -> HttpResponseBase:
        return _json_error(request, await self.get_response(request))  # type: ignore[misc]
