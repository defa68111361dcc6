"""Schemathesis against the live API: generated requests from the OpenAPI document never get a 500
or a response that breaks the document."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from supportsite.api.keys import api_key_create
from supportsite.api.views import api
from tests.support.live import live_server_quiet_at_teardown, live_server_url  # noqa: F401 (autouse)
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install
from tests.support.threads import orm_in_thread

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def fuzz_headers(demo_tx, monkeypatch) -> dict[str, str]:
    orchestrator_install(monkeypatch, ScriptedOrchestrator())
    _key, raw = orm_in_thread(
        api_key_create, name="fuzz", rate_limit_per_minute=1_000_000,
        scopes=["conversations:read", "messages:write", "runs:read", "faq:write", "customers:any"],
    )
    return {"Authorization": f"Bearer {raw}"}


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_get_no_500_and_no_response_outside_the_schema(case, fuzz_headers):
    case.call_and_validate(base_url=live_server_url(), headers=fuzz_headers, checks=CHECKS)
