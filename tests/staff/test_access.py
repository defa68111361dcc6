"""Only staff reach the console; customers never reach another customer's conversation by any door."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from supportsite.conversations.models import AgentAction, Conversation, Message
from tests.staff.factories import billing_run, bob_duplicate_refund_pending, handoff_conversation
from tests.staff.wsutil import communicator, session_cookie


@pytest.fixture
def objects(demo):
    run = billing_run(customer=demo["alice"])
    waiting = handoff_conversation(customer=demo["alice"], minutes_ago=4)
    action = bob_duplicate_refund_pending(demo["bob"])
    return {"run": run, "waiting": waiting, "action": action}


def _console_get_urls(objects) -> list[str]:
    run, conv = objects["run"], objects["waiting"]
    return [
        reverse("admin:index"),
        reverse("admin:conversations_conversation_changelist"),
        reverse("admin:conversations_conversation_change", args=[conv.pk]),
        reverse("admin:conversations_conversation_queue"),
        reverse("admin:conversations_conversation_dashboard"),
        reverse("admin:conversations_conversation_live", args=[conv.pk]),
        reverse("admin:conversations_conversation_messages", args=[conv.pk]),
        reverse("admin:conversations_agentrun_changelist"),
        reverse("admin:conversations_agentrun_trace", args=[run.pk]),
        reverse("admin:conversations_agentrun_export"),
        reverse("admin:conversations_agentaction_approvals"),
        reverse("admin:conversations_feedback_changelist"),
        reverse("admin:customers_customerprofile_changelist"),
        reverse("admin:customers_invoice_changelist"),
        reverse("admin:knowledge_faqentry_changelist"),
    ]


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("username", [None, "alice", "bob"])
def test_anonymous_and_customers_are_sent_to_the_admin_sign_in_for_every_console_page(objects, username):
    client = _client(username)
    for url in _console_get_urls(objects):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/"), url


@pytest.mark.django_db
def test_staff_reach_every_console_page(objects):
    client = _client("staff")
    for url in _console_get_urls(objects):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize("username", [None, "alice", "bob"])
def test_customers_cannot_take_reply_or_approve_through_console_posts(objects, username):
    client = _client(username)
    conv, action = objects["waiting"], objects["action"]
    posts = [
        (reverse("admin:conversations_conversation_take", args=[conv.pk]), {}),
        (reverse("admin:conversations_conversation_reply", args=[conv.pk]), {"text": "I am staff, honest"}),
        (reverse("admin:conversations_conversation_close", args=[conv.pk]), {}),
        (reverse("admin:conversations_agentaction_decide", args=[action.pk]), {"decision": "approve"}),
        (reverse("admin:conversations_agentrun_regression", args=[objects["run"].pk]), {"must_contain": "x"}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith("/admin/login/"), url
    conv.refresh_from_db()
    assert conv.status == Conversation.Status.WAITING and conv.assigned_to is None
    assert not Message.objects.filter(role=Message.Role.STAFF).exists()
    assert AgentAction.objects.get(pk=action.pk).status == AgentAction.Status.PENDING_APPROVAL


@pytest.mark.django_db
def test_customer_facing_sign_in_does_not_make_a_customer_staff(demo):
    client = Client()
    assert client.login(username="alice", password=settings.DEMO_PASSWORD)
    response = client.get(reverse("admin:conversations_agentrun_changelist"))
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", [None, "alice", "bob"])
async def test_the_staff_websocket_refuses_everyone_but_staff(demo_tx, username):
    conversation = await sync_to_async(handoff_conversation)(customer=demo_tx["alice"], minutes_ago=1)
    cookie = await sync_to_async(session_cookie)(username)
    ws = communicator(f"/ws/staff/conversations/{conversation.id}/", cookie)
    connected, code = await ws.connect()
    assert not connected and code == 4403
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_the_staff_websocket_lets_staff_in_with_the_transcript(demo_tx):
    conversation = await sync_to_async(handoff_conversation)(customer=demo_tx["alice"], minutes_ago=1)
    ws = communicator(f"/ws/staff/conversations/{conversation.id}/", await sync_to_async(session_cookie)("staff"))
    connected, _ = await ws.connect()
    assert connected
    state = await ws.receive_json_from(timeout=5)
    assert state["type"] == "conversation.state" and state["status"] == "waiting"
    assert [m["text"] for m in state["messages"]] == ["Can I talk to a person please?"]
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_the_staff_websocket_refuses_unknown_conversations(demo_tx):
    ws = communicator("/ws/staff/conversations/00000000-0000-0000-0000-000000000000/",
                      await sync_to_async(session_cookie)("staff"))
    connected, code = await ws.connect()
    assert not connected and code == 4404


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", [None, "bob"])
async def test_a_chat_socket_cannot_resume_another_customers_conversation(demo_tx, username):
    conversation = await sync_to_async(handoff_conversation)(customer=demo_tx["alice"], minutes_ago=1)
    ws = communicator(f"/ws/chat/?conversation={conversation.id}", await sync_to_async(session_cookie)(username))
    connected, _ = await ws.connect()
    assert connected
    frame = await ws.receive_json_from(timeout=5)
    assert frame == {"type": "error", "code": "conversation_not_found", "detail": "No such conversation."}
    closed = await ws.receive_output(timeout=5)
    assert closed["type"] == "websocket.close" and closed["code"] == 4403


@pytest.mark.django_db(transaction=True)
async def test_a_customer_resumes_her_own_conversation_on_the_chat_socket(demo_tx):
    conversation = await sync_to_async(handoff_conversation)(customer=demo_tx["alice"], minutes_ago=1)
    ws = communicator(f"/ws/chat/?conversation={conversation.id}", await sync_to_async(session_cookie)("alice"))
    await ws.connect()
    frame = await ws.receive_json_from(timeout=5)
    assert frame["type"] == "conversation.state" and frame["conversation_id"] == str(conversation.id)
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_the_staff_websocket_gets_the_customers_new_message_as_it_arrives(demo_tx):
    from supportsite.conversations.runner import message_submit

    conversation = await sync_to_async(handoff_conversation)(customer=demo_tx["alice"], minutes_ago=1)
    ws = communicator(f"/ws/staff/conversations/{conversation.id}/", await sync_to_async(session_cookie)("staff"))
    connected, _ = await ws.connect()
    assert connected
    await ws.receive_json_from(timeout=5)  # the transcript
    message, run, created = await message_submit(conversation_id=conversation.id, text="Are you still there?",
                                                 client_id="c-still-there")
    assert created and run is None  # a person has the conversation: no agents
    frame = await ws.receive_json_from(timeout=5)
    assert frame["type"] == "customer.message" and frame["text"] == "Are you still there?"
    assert frame["message_id"] == str(message.id)
    await ws.disconnect()
