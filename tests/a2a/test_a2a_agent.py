"""The support agent over A2A, called with the official a2a-sdk client against a live Daphne server."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from a2a.client import A2ACardResolver, AuthInterceptor, ClientConfig, CredentialService, create_client
from a2a.helpers import get_artifact_text, get_message_text
from a2a.types.a2a_pb2 import GetTaskRequest, Message, Part, Role, SendMessageRequest, TaskState
from google.protobuf.struct_pb2 import Struct

from supportsite.api.keys import api_key_create
from supportsite.api.replies import ConversationListener
from supportsite.conversations.events import conversation_staff_group
from supportsite.conversations.models import Conversation
from tests.support.live import live_server_quiet_at_teardown, live_server_release  # noqa: F401 (autouse)
from tests.support.threads import orm_in_thread

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True), pytest.mark.slow]


class KeyCredentials(CredentialService):
    """Hands the client our API key for the bearer scheme the agent card declares."""

    def __init__(self, key: str):
        self.key = key

    async def get_credentials(self, security_scheme_name: str, context: Any) -> str | None:
        return self.key


class StaffView(ConversationListener):
    """What the staff console hears of a conversation: its staff group, where the customer's words
    arrive as they are stored (the customer's own sockets are not sent them)."""

    def __init__(self, conversation_id: Any) -> None:
        super().__init__(conversation_id)
        self.group = conversation_staff_group(conversation_id)


def key_create(name: str = "partner-agent", scopes: tuple[str, ...] = ("a2a:invoke",), customer: str = "",
               rate_limit: int | None = None) -> str:
    return orm_in_thread(api_key_create, name=name, scopes=scopes, customer_external_id=customer,
                         rate_limit_per_minute=rate_limit)[1]


async def client_for(base_url: str, key: str, *, streaming: bool) -> Any:
    return await create_client(
        base_url, client_config=ClientConfig(streaming=streaming, httpx_client=httpx.AsyncClient(timeout=60)),
        interceptors=[AuthInterceptor(KeyCredentials(key))],
    )


def user_message(text: str, *, context_id: str = "", customer: str = "") -> SendMessageRequest:
    message = Message(role=Role.ROLE_USER, message_id=str(uuid.uuid4()), parts=[Part(text=text)], context_id=context_id)
    request = SendMessageRequest(message=message)
    if customer:
        metadata = Struct()
        metadata.update({"customer": customer})
        request.metadata.CopyFrom(metadata)
    return request


async def test_the_agent_card_names_its_skills_the_jsonrpc_url_and_the_bearer_scheme(base_url):
    async with httpx.AsyncClient() as http:
        card = await A2ACardResolver(http, base_url).get_agent_card()
    assert card.name == "Northwind Support" and card.capabilities.streaming
    assert {s.id for s in card.skills} == {"support_question", "billing_lookup", "account_status"}
    assert card.supported_interfaces[0].url == f"{base_url}/a2a/jsonrpc"
    assert card.supported_interfaces[0].protocol_binding == "JSONRPC"
    scheme = card.security_schemes["northwindApiKey"].http_auth_security_scheme
    assert scheme.scheme == "bearer"
    assert "northwindApiKey" in card.security_requirements[0].schemes


async def test_the_raw_agent_card_carries_the_0_3_fields_that_0_3_clients_read(base_url):
    async with httpx.AsyncClient() as http:
        raw = (await http.get(f"{base_url}/.well-known/agent-card.json")).json()
    assert raw["url"] == f"{base_url}/a2a/jsonrpc" and raw["protocolVersion"].startswith("0.3")
    assert {i["protocolVersion"] for i in raw["supportedInterfaces"]} == {"1.0", "0.3"}


async def test_a_message_runs_the_orchestrator_in_a_conversation_per_context_and_the_task_can_be_read(
    base_url, scripted
):
    key = key_create(scopes=("a2a:invoke", "customers:any"))
    client = await client_for(base_url, key, streaming=False)
    events = [e async for e in client.send_message(user_message("Why did my last payment fail?", customer="cus_alice"))]
    task = events[-1].task
    assert task.status.state == TaskState.TASK_STATE_COMPLETED
    assert get_message_text(task.status.message) == scripted.reply
    assert get_artifact_text(task.artifacts[0], delimiter="") == scripted.reply
    run_id = task.status.message.metadata["run_id"]

    fetched = await client.get_task(GetTaskRequest(id=task.id))
    assert fetched.id == task.id and fetched.status.state == TaskState.TASK_STATE_COMPLETED

    conversation = await Conversation.objects.select_related("customer").aget(external_ref=task.context_id)
    assert conversation.channel == "a2a" and conversation.integration == "partner-agent"
    assert conversation.customer.external_id == "cus_alice"
    assert str((await conversation.runs.afirst()).id) == run_id
    assert scripted.seen[-1].customer.external_id == "cus_alice" and scripted.seen[-1].channel == "a2a"

    # A second message in the same context continues the same conversation.
    follow_up = [e async for e in client.send_message(user_message("Thanks!", context_id=task.context_id))]
    assert follow_up[-1].task.context_id == task.context_id
    assert await Conversation.objects.filter(external_ref=task.context_id).acount() == 1
    assert await conversation.messages.filter(role="user").acount() == 2
    await client.close()


async def test_streaming_passes_the_reply_pieces_on_before_the_final_reply(base_url, scripted):
    # The run holds its reply until the caller has every piece. A run that finished before the
    # executor first looked is answered from the database with the whole reply alone, also right,
    # but then this test would not see the pieces stream.
    scripted.release = asyncio.Event()
    client = await client_for(base_url, key_create(), streaming=True)
    events = []
    async for event in client.send_message(user_message("Why did my last payment fail?")):
        events.append(event)
        streamed = [e for e in events if e.HasField("artifact_update") and not e.artifact_update.last_chunk]
        if len(streamed) == len(scripted.pieces):
            live_server_release(scripted)
    chunks = [e.artifact_update for e in events if e.HasField("artifact_update")]
    pieces = [get_artifact_text(c.artifact, delimiter="") for c in chunks if not c.last_chunk]
    assert pieces == scripted.pieces
    assert [c.append for c in chunks[:2]] == [False, True]
    final = chunks[-1]
    assert final.last_chunk and get_artifact_text(final.artifact, delimiter="") == scripted.reply
    states = [e.status_update.status.state for e in events if e.HasField("status_update")]
    assert states[0] == TaskState.TASK_STATE_WORKING and states[-1] == TaskState.TASK_STATE_COMPLETED
    task = await client.get_task(GetTaskRequest(id=chunks[-1].task_id))
    assert get_artifact_text(task.artifacts[0], delimiter="") == scripted.reply
    await client.close()


async def test_the_jsonrpc_endpoint_needs_a_valid_key_with_the_a2a_scope(base_url):
    body = {"jsonrpc": "2.0", "id": 1, "method": "GetTask", "params": {"id": "x"}}
    async with httpx.AsyncClient() as http:
        missing = await http.post(f"{base_url}/a2a/jsonrpc", json=body)
        wrong = await http.post(f"{base_url}/a2a/jsonrpc", json=body, headers={"Authorization": "Bearer nw_nope"})
        no_scope = await http.post(f"{base_url}/a2a/jsonrpc", json=body,
                                   headers={"Authorization": f"Bearer {key_create(scopes=('conversations:read',))}"})
    assert missing.status_code == wrong.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert no_scope.status_code == 403
    # Each refusal is a JSON-RPC error response, as the size limit's is, with the REST code in its data.
    for refused, code in ((missing, "unauthenticated"), (wrong, "unauthenticated"), (no_scope, "missing_scope")):
        answer = refused.json()
        assert answer["jsonrpc"] == "2.0" and answer["id"] is None and "result" not in answer
        assert answer["error"]["code"] == -32600 and answer["error"]["data"]["code"] == code
        assert answer["error"]["message"] == answer["error"]["data"]["detail"]


async def test_a_key_over_its_rate_limit_gets_429_with_retry_after_and_a_jsonrpc_error(base_url):
    body = {"jsonrpc": "2.0", "id": 1, "method": "GetTask", "params": {"id": "x"}}
    headers = {"Authorization": f"Bearer {key_create(name='limited', rate_limit=2)}"}
    async with httpx.AsyncClient() as http:
        answers = [await http.post(f"{base_url}/a2a/jsonrpc", json=body, headers=headers) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    limited = answers[-1]
    assert int(limited.headers["Retry-After"]) >= 1
    error = limited.json()["error"]
    assert error["code"] == -32600 and error["data"]["code"] == "rate_limited"
    assert "2 requests a minute" in error["message"]


async def test_the_key_decides_which_customer_a_message_can_reach(base_url, scripted):
    plain = await client_for(base_url, key_create(name="plain"), streaming=False)
    refused = [e async for e in plain.send_message(user_message("my invoices?", customer="cus_bob"))][-1].task
    assert refused.status.state == TaskState.TASK_STATE_REJECTED
    assert "customers:any" in get_message_text(refused.status.message)
    assert not await Conversation.objects.filter(channel="a2a", customer__isnull=False).aexists()

    bound = await client_for(base_url, key_create(name="alice-app", customer="cus_alice"), streaming=False)
    done = [e async for e in bound.send_message(user_message("my invoices?"))][-1].task
    assert done.status.state == TaskState.TASK_STATE_COMPLETED
    assert scripted.seen[-1].customer.external_id == "cus_alice"
    other = [e async for e in bound.send_message(user_message("and bob's?", customer="cus_bob"))][-1].task
    assert other.status.state == TaskState.TASK_STATE_REJECTED

    # Another integration cannot read the task.
    with pytest.raises(Exception, match=r"(?i)not found"):
        await plain.get_task(GetTaskRequest(id=done.id))
    await plain.close()
    await bound.close()



def _staff_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="staff")


async def _conversation_taken_by_staff(client: Any) -> tuple[str, Conversation]:
    """A context whose conversation the agents answered once, then a person took."""
    from supportsite.conversations import staff

    first = [e async for e in client.send_message(user_message("Why did my last payment fail?",
                                                               customer="cus_alice"))][-1].task
    conversation = await Conversation.objects.aget(external_ref=first.context_id)
    orm_in_thread(lambda: staff.conversation_take(conversation_id=conversation.id, staff_user=_staff_user()))
    return first.context_id, conversation


async def test_while_a_person_has_the_conversation_the_task_answers_with_their_reply(base_url, scripted):
    from supportsite.conversations import staff

    client = await client_for(base_url, key_create(scopes=("a2a:invoke", "customers:any")), streaming=False)
    context_id, conversation = await _conversation_taken_by_staff(client)
    runs_before = await conversation.runs.acount()

    async def answer_when_asked(staff_view: StaffView) -> None:
        # As the staff console does: the person answers once the customer's message arrives. The
        # live server publishes from its own thread's loop, which the in-memory layer does not wake:
        # short waits let this loop see a frame soon after it lands, not at the end of one long wait.
        deadline = asyncio.get_running_loop().time() + 30
        while asyncio.get_running_loop().time() < deadline:
            frame = await staff_view.receive(timeout_s=0.2)
            if frame and frame["type"] == "customer.message" and frame["text"] == "Is anyone there?":
                break
        else:
            raise AssertionError("the customer's message never reached the staff watching the conversation")
        orm_in_thread(lambda: staff.staff_reply(conversation_id=conversation.id, staff_user=_staff_user(),
                                                text="Hi, Sam here: I am looking at your payment now."))

    async with StaffView(conversation.id) as staff_view:
        person = asyncio.ensure_future(answer_when_asked(staff_view))
        task = [e async for e in client.send_message(user_message("Is anyone there?", context_id=context_id))][-1].task
        await person
    assert task.status.state == TaskState.TASK_STATE_COMPLETED
    assert get_message_text(task.status.message) == "Hi, Sam here: I am looking at your payment now."
    metadata = dict(task.status.message.metadata)
    assert (metadata["role"], metadata["conversation_id"]) == ("staff", str(conversation.id))
    assert metadata["author"] == "Sam"
    assert await conversation.runs.acount() == runs_before  # the agents stayed quiet
    await client.close()


async def test_with_no_reply_from_the_person_in_time_the_task_says_a_person_will_answer(base_url, scripted, settings):
    from supportsite.a2a.executor import HANDED_OVER

    settings.SUPPORT = {**settings.SUPPORT, "A2A_STAFF_REPLY_WAIT_S": 0.3}
    client = await client_for(base_url, key_create(scopes=("a2a:invoke", "customers:any")), streaming=False)
    context_id, conversation = await _conversation_taken_by_staff(client)
    task = [e async for e in client.send_message(user_message("Hello?", context_id=context_id))][-1].task
    assert task.status.state == TaskState.TASK_STATE_COMPLETED
    assert get_message_text(task.status.message) == HANDED_OVER
    assert await conversation.messages.filter(role="user", text="Hello?").aexists()  # stored for the person
    await client.close()
