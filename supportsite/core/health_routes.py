"""/healthz and /readyz, answered before Django: the ASGI edge of supportsite.core.health.

A load balancer probes each process by its own address over plain HTTP, from inside the network.
Through Django those probes would meet ALLOWED_HOSTS (400 for a Host header that is an internal
IP) and, in production, the redirect to HTTPS (301): neither says anything about the process.
Nothing here reads a cookie, a session or the request body.
"""

from __future__ import annotations

import json
from typing import Any

from supportsite.core.health import readiness

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
ALLOWED_METHODS = ("GET", "HEAD")


class HealthRoutes:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path not in (LIVENESS_PATH, READINESS_PATH):
            await self.app(scope, receive, send)
            return
        method = scope.get("method", "GET")
        if method not in ALLOWED_METHODS:
            body = {"code": "method_not_allowed", "detail": f"{path} answers GET and HEAD only."}
            await _respond(send, 405, body, head=False, extra=[(b"allow", b"GET, HEAD")])
            return
        if path == LIVENESS_PATH:
            await _respond(send, 200, {"status": "ok"}, head=method == "HEAD")
            return
        ready = await readiness()
        await _respond(send, 200 if ready.status == "ok" else 503, ready.model_dump(), head=method == "HEAD")


async def _respond(send: Any, status: int, body: dict[str, Any], *, head: bool,
                   extra: list[tuple[bytes, bytes]] | None = None) -> None:
    payload = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
               (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else payload})
