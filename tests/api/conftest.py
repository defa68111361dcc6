"""Fixtures for the REST API tests: keys as staff would create them, and a JSON client."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import AsyncClient

from supportsite.api.keys import api_key_create
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install
from tests.support.threads import orm_in_thread

ALL_SCOPES = ["conversations:read", "messages:write", "runs:read", "faq:write", "customers:any", "a2a:invoke"]


@pytest.fixture
def make_key(demo_tx) -> Callable[..., str]:
    def make(name: str = "crm", scopes: list[str] | None = None, customer: str = "", rate_limit: int | None = None) -> str:
        # Called from async tests too: the ORM work runs on a thread of its own.
        _key, raw = orm_in_thread(
            api_key_create, name=name, scopes=ALL_SCOPES if scopes is None else scopes,
            customer_external_id=customer, rate_limit_per_minute=rate_limit,
        )
        return raw

    return make


class Api:
    """An async JSON client for /api/v1 that authenticates with one key."""

    def __init__(self, key: str | None):
        self.key = key
        self.client = AsyncClient()

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        return {**headers, **(extra or {})}

    async def get(self, path: str, **params: Any) -> Any:
        return await self.client.get(f"/api/v1{path}", params, headers=self._headers(None))

    async def post(self, path: str, body: Any = None, headers: dict[str, str] | None = None, raw: str | None = None) -> Any:
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return await self.client.post(f"/api/v1{path}", data, content_type="application/json",
                                      headers=self._headers(headers))

    async def patch(self, path: str, body: Any) -> Any:
        return await self.client.patch(f"/api/v1{path}", json.dumps(body), content_type="application/json",
                                       headers=self._headers(None))

    async def delete(self, path: str) -> Any:
        return await self.client.delete(f"/api/v1{path}", headers=self._headers(None))


@pytest.fixture
def api_as(make_key) -> Callable[..., Api]:
    def build(key: str | None = None, **key_options: Any) -> Api:
        return Api(key if key is not None else make_key(**key_options))

    return build


@pytest.fixture
def local_webhook_receivers_allowed(settings) -> None:
    """Test receivers listen on http://127.0.0.1, which only this setting (or DEBUG) allows."""
    settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_ALLOW_HTTP_LOCALHOST": True}


@pytest.fixture
def scripted(monkeypatch) -> ScriptedOrchestrator:
    return orchestrator_install(monkeypatch, ScriptedOrchestrator())
