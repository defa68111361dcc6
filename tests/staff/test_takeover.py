"""Takeover: a staff reply reaches the customer's open chat at once, on one process or across two."""

from __future__ import annotations

import asyncio
import json
import re
import uuid

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

from supportsite.conversations import runner, staff
from supportsite.conversations.models import AgentRun, Conversation
from tests.conftest import redis_url_available
from tests.staff.servers import daphne_servers, database_prepare, server_env
from tests.staff.wsutil import communicator, session_cookie


async def _frame_of_type(ws, frame_type: str) -> dict:
    while True:
        frame = await ws.receive_json_from(timeout=10)
        if frame["type"] == frame_type:
            return frame


async def _alices_chat_watched_by_staff():
    """Alice's chat socket, and a staff member's live view of the same conversation."""
    customer = communicator("/ws/chat/", await sync_to_async(session_cookie)("alice"))
    assert (await customer.connect())[0]
    conversation_id = (await _frame_of_type(customer, "conversation.state"))["conversation_id"]
    staff_ws = communicator(f"/ws/staff/conversations/{conversation_id}/", await sync_to_async(session_cookie)("staff"))
    assert (await staff_ws.connect())[0]
    await _frame_of_type(staff_ws, "conversation.state")
    return customer, staff_ws, conversation_id


@pytest.mark.django_db(transaction=True)
async def test_the_staff_live_view_gets_a_runs_batched_progress_as_separate_frames_in_order(demo_tx):
    from supportsite.conversations.events import conversation_events_send

    customer, staff_ws, conversation_id = await _alices_chat_watched_by_staff()
    frames = [{"type": "agent.step", "run_id": "r", "step_id": "s", "agent": "billing", "status": "started",
               "label": "Checking your invoices…"}, {"type": "assistant.delta", "run_id": "r", "text": "Your"}]
    await conversation_events_send(conversation_id=conversation_id, payloads=frames)
    assert [await staff_ws.receive_json_from(timeout=10) for _ in frames] == frames
    await staff_ws.disconnect()
    await customer.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_staff_takeover_and_reply_reach_the_customers_socket_and_the_agents_stay_quiet(demo_tx):
    customer, staff_ws, conversation_id = await _alices_chat_watched_by_staff()

    staff_user = await get_user_model().objects.aget(username="staff")
    await sync_to_async(staff.conversation_take)(conversation_id=conversation_id, staff_user=staff_user)
    assert (await _frame_of_type(customer, "conversation.status"))["status"] == "with_person"
    message = await sync_to_async(staff.staff_reply)(
        conversation_id=conversation_id, staff_user=staff_user, text="Hi Alice, Sam from support here.")
    for ws in (customer, staff_ws):
        frame = await _frame_of_type(ws, "staff.message")
        assert {k: frame[k] for k in ("message_id", "text", "author")} == {
            "message_id": str(message.id), "text": "Hi Alice, Sam from support here.", "author": "Sam"}

    # While a person has the conversation, the customer's message is stored but starts no run;
    # the staff member's live view gets it at once, the customer's own page does not get it echoed.
    await customer.send_json_to({"type": "user.message", "text": "Thanks Sam!", "client_id": "c-1"})
    customer_frames = [await customer.receive_json_from(timeout=10)]
    assert customer_frames[0] == {"type": "message.ack", "client_id": "c-1",
                                  "message_id": customer_frames[0]["message_id"]}
    echoed = await _frame_of_type(staff_ws, "customer.message")
    assert (echoed["text"], echoed["message_id"]) == ("Thanks Sam!", customer_frames[0]["message_id"])
    assert await customer.receive_nothing(timeout=0.3)
    assert not await AgentRun.objects.filter(conversation_id=conversation_id).aexists()

    await sync_to_async(staff.conversation_hand_back)(conversation_id=conversation_id, staff_user=staff_user,
                                                      note="Card updated")
    assert (await _frame_of_type(customer, "conversation.status"))["status"] == "open"
    # What the customer wrote after the person's last reply is not left unanswered: the agents take it up.
    answer = await _frame_of_type(customer, "assistant.message")
    run = await AgentRun.objects.select_related("message").aget(id=answer["run_id"])
    assert run.message.text == "Thanks Sam!"
    await runner.runs_drain()
    await customer.disconnect()
    await staff_ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_the_live_views_json_endpoint_shows_what_the_customer_wrote_after_a_time(demo_tx, client):
    conversation = await Conversation.objects.acreate(customer=demo_tx["alice"], status="with_person")
    ws = communicator(f"/ws/chat/?conversation={conversation.id}", await sync_to_async(session_cookie)("alice"))
    await ws.connect()
    await _frame_of_type(ws, "conversation.state")
    await ws.send_json_to({"type": "user.message", "text": "Are you still there?", "client_id": "c-2"})
    await _frame_of_type(ws, "message.ack")
    await ws.disconnect()

    def fetch() -> dict:
        client.force_login(get_user_model().objects.get(username="staff"))
        return client.get(f"/admin/conversations/conversation/{conversation.id}/messages.json",
                          {"after": "2000-01-01T00:00:00+00:00"}).json()

    data = await sync_to_async(fetch)()
    assert data["status"] == "with_person"
    assert [(m["role"], m["text"]) for m in data["messages"]] == [("user", "Are you still there?")]


# --- two server processes, one Redis ------------------------------------------------------

def _sign_in(base: str, username: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=20)
    page = client.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = client.post("/accounts/login/", data={"username": username, "password": password,
                                                     "csrfmiddlewaretoken": token}, headers={"Referer": base})
    assert response.status_code == 302, response.text[:500]
    return client


@pytest.fixture
def two_servers(tmp_path):
    """Two Daphne processes on two ports sharing one Redis (own prefix) and one SQLite file database."""
    env = server_env(tmp_path, REDIS_URL=redis_url_available() or "",
                     CHANNEL_LAYER_PREFIX=f"nw-test-{uuid.uuid4().hex[:10]}")
    database_prepare(env)
    with daphne_servers(env, 2) as hosts:
        yield hosts, env


@pytest.mark.redis
@pytest.mark.slow
def test_a_staff_reply_posted_on_process_b_reaches_the_customers_socket_on_process_a(two_servers):
    from websockets.asyncio.client import connect

    (host_a, host_b), env = two_servers
    password = env.get("DEMO_PASSWORD", "northwind-demo")
    alice = _sign_in(f"http://{host_a}", "alice", password)
    staff_http = _sign_in(f"http://{host_b}", "staff", password)

    async def scenario() -> list[dict]:
        cookie = f"sessionid={alice.cookies['sessionid']}"
        async with connect(f"ws://{host_a}/ws/chat/", additional_headers={
            "Cookie": cookie, "Origin": f"http://{host_a}"}) as customer:
            state = json.loads(await asyncio.wait_for(customer.recv(), 10))
            assert state["type"] == "conversation.state"
            conversation_id = state["conversation_id"]

            def take_and_reply() -> dict:
                token = staff_http.cookies["csrftoken"]
                base = f"/admin/conversations/conversation/{conversation_id}"
                headers = {"X-CSRFToken": token, "Referer": f"http://{host_b}/admin/"}
                assert staff_http.post(f"{base}/take/", headers=headers).status_code == 302
                reply = staff_http.post(f"{base}/reply/", data={"text": "Hello from process B"},
                                        headers={**headers, "Accept": "application/json"})
                assert reply.status_code == 201, reply.text
                return reply.json()

            staff_http.get("/admin/")  # sets the CSRF cookie for the admin
            stored = await asyncio.to_thread(take_and_reply)
            frames = []
            while not any(f["type"] == "staff.message" for f in frames):
                frames.append(json.loads(await asyncio.wait_for(customer.recv(), 15)))
            assert frames[-1]["message_id"] == stored["message_id"]
            return frames

    frames = asyncio.run(scenario())
    assert [f["type"] for f in frames] == ["conversation.status", "staff.message"]
    assert frames[0]["status"] == "with_person"
    assert frames[1]["text"] == "Hello from process B" and frames[1]["author"] == "Sam"
