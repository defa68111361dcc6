"""The ASGI "http" branch: A2A paths to the A2A app, everything else to Django.

The A2A app (a2a-sdk and Starlette) is imported on the first A2A request, not at start-up:
it is about a quarter of the server's import time and most deployments serve chat first.
"""

from __future__ import annotations

import asyncio
from typing import Any

# The same paths a2a-sdk uses (a2a.utils.constants.AGENT_CARD_WELL_KNOWN_PATH; checked in tests).
AGENT_CARD_PATH = "/.well-known/agent-card.json"
A2A_PATH_PREFIX = "/a2a/"


class HttpRouter:
    def __init__(self, django_app: Any, a2a_app: Any | None = None) -> None:
        self.django_app = django_app
        self._a2a_app = a2a_app
        self._lock = asyncio.Lock()

    async def a2a_app(self) -> Any:
        if self._a2a_app is None:
            async with self._lock:
                if self._a2a_app is None:
                    from supportsite.a2a.app import a2a_application

                    self._a2a_app = a2a_application()
        return self._a2a_app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if path == AGENT_CARD_PATH or path.startswith(A2A_PATH_PREFIX):
            await (await self.a2a_app())(scope, receive, send)
        else:
            await self.django_app(scope, receive, send)
