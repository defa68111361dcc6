"""With no webhook endpoint, a message costs no webhook query; a new endpoint is used at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from supportsite.api.models import WebhookDelivery, WebhookEndpoint
from supportsite.api.webhooks import webhook_endpoints_changed
from supportsite.conversations.services import conversation_start, message_receive

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_endpoint_cache():
    webhook_endpoints_changed()
    yield
    webhook_endpoints_changed()


def test_with_no_endpoint_a_message_runs_no_webhook_query(demo):
    conversation = conversation_start(customer=demo["alice"])
    message_receive(conversation_id=conversation.id, text="first", client_id="c-1")  # learns: no endpoints
    with CaptureQueriesContext(connection) as captured:
        message_receive(conversation_id=conversation.id, text="second", client_id="c-2")
    assert captured.captured_queries, "the message itself was stored"
    assert not [q for q in captured.captured_queries if "api_webhookendpoint" in q["sql"]]


def test_an_endpoint_saved_in_this_process_gets_the_next_event_at_once(demo):
    conversation = conversation_start(customer=demo["alice"])
    message_receive(conversation_id=conversation.id, text="before", client_id="c-1")
    assert WebhookDelivery.objects.count() == 0
    WebhookEndpoint.objects.create(url="https://example.com/hook", events=["message.created"])
    message_receive(conversation_id=conversation.id, text="after", client_id="c-2")
    delivered = WebhookDelivery.objects.get()
    assert delivered.event == "message.created"
    assert delivered.payload["data"]["message"]["text"] == "after"


def test_an_endpoint_deleted_or_paused_stops_getting_events(demo):
    conversation = conversation_start(customer=demo["alice"])
    endpoint = WebhookEndpoint.objects.create(url="https://example.com/hook", events=["message.created"])
    endpoint.active = False
    endpoint.save()
    message_receive(conversation_id=conversation.id, text="paused", client_id="c-1")
    assert WebhookDelivery.objects.count() == 0
