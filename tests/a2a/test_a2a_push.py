"""A2A push notifications, with the official a2a-sdk client against the live Daphne server, and a
real HTTP receiver on 127.0.0.1 that records what it is sent."""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from a2a.helpers import get_message_text
from a2a.types.a2a_pb2 import (
    DeleteTaskPushNotificationConfigRequest,
    GetTaskPushNotificationConfigRequest,
    GetTaskRequest,
    ListTaskPushNotificationConfigsRequest,
    SendMessageConfiguration,
    TaskPushNotificationConfig,
    TaskState,
)

from supportsite.a2a.models import A2APushConfig
from tests.a2a.test_a2a_agent import _conversation_taken_by_staff, _staff_user, client_for, key_create, user_message
from tests.support.live import live_server_quiet_at_teardown  # noqa: F401 (autouse)
from tests.support.threads import orm_in_thread

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True), pytest.mark.slow]

TOKEN_HEADER = "X-A2A-Notification-Token"


class Receiver:
    """An integration's webhook: answers each POST with `status`, after `hang` is set if asked to hang."""

    def __init__(self, *, status: int = 200, hangs: bool = False) -> None:
        self.posts: list[dict[str, Any]] = []
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.posts.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(body)})
                if hangs:
                    receiver.release.wait(30)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/a2a-events"
        threading.Thread(target=self.server.serve_forever, name="push-receiver", daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def tasks(self) -> list[dict[str, Any]]:
        return [post["body"]["task"] for post in self.posts]

    async def post_where(self, predicate: Callable[[dict[str, Any]], bool], timeout_s: float = 20) -> dict[str, Any]:
        """The first POST whose task matches, waiting for it (they are sent in the background)."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        while asyncio.get_running_loop().time() < deadline:
            for post in list(self.posts):
                if predicate(post["body"]["task"]):
                    return post
            await asyncio.sleep(0.05)
        raise AssertionError(f"no such notification came; got {[t['status']['state'] for t in self.tasks()]}")


@pytest.fixture
def receivers() -> Iterator[Callable[..., Receiver]]:
    started: list[Receiver] = []

    def start(**options: Any) -> Receiver:
        started.append(Receiver(**options))
        return started[-1]

    yield start
    for receiver in started:
        receiver.close()


@pytest.fixture
def local_receivers_allowed(settings) -> None:
    settings.SUPPORT = {**settings.SUPPORT, "A2A_PUSH_ALLOW_HTTP_LOCALHOST": True}


def completed(task: dict[str, Any]) -> bool:
    return task["status"]["state"] == "TASK_STATE_COMPLETED"


def with_push(request: Any, *, url: str, token: str) -> Any:
    request.configuration.CopyFrom(SendMessageConfiguration(
        task_push_notification_config=TaskPushNotificationConfig(url=url, token=token),
    ))
    return request


async def test_the_agent_card_advertises_push_notifications(base_url):
    async with httpx.AsyncClient() as http:
        raw = (await http.get(f"{base_url}/.well-known/agent-card.json")).json()
    assert raw["capabilities"]["pushNotifications"] is True


async def test_a_push_config_set_with_a_message_is_posted_the_task_with_its_token_when_it_completes(
    base_url, scripted, receivers, local_receivers_allowed
):
    receiver = receivers()
    client = await client_for(base_url, key_create(), streaming=False)
    request = with_push(user_message("Why did my last payment fail?"), url=receiver.url, token="tok-alpha-1")
    task = [e async for e in client.send_message(request)][-1].task
    assert task.status.state == TaskState.TASK_STATE_COMPLETED

    post = await receiver.post_where(completed)
    assert post["headers"][TOKEN_HEADER] == "tok-alpha-1"
    assert post["path"] == "/a2a-events"
    assert post["body"]["task"]["id"] == task.id
    assert post["body"]["task"]["status"]["message"]["parts"][0]["text"] == scripted.reply
    # Each change of state, in the order they happened; not each streamed piece of the reply.
    states = [t["status"]["state"] for t in receiver.tasks()]
    assert states == ["TASK_STATE_SUBMITTED", "TASK_STATE_WORKING", "TASK_STATE_COMPLETED"]

    # The config is stored in the database (every server process sees it) and the caller can list it.
    assert await A2APushConfig.objects.filter(task_id=task.id, owner="partner-agent").acount() == 1
    listed = await client.list_task_push_notification_configs(ListTaskPushNotificationConfigsRequest(task_id=task.id))
    assert [(c.url, c.token) for c in listed.configs] == [(receiver.url, "tok-alpha-1")]
    await client.close()


async def test_a_handed_over_task_is_pushed_again_with_the_persons_reply_when_it_comes(
    base_url, scripted, receivers, local_receivers_allowed, settings
):
    from supportsite.a2a.executor import HANDED_OVER
    from supportsite.conversations import staff

    settings.SUPPORT = {**settings.SUPPORT, "A2A_STAFF_REPLY_WAIT_S": 0.3}
    receiver = receivers()
    client = await client_for(base_url, key_create(scopes=("a2a:invoke", "customers:any")), streaming=False)
    context_id, conversation = await _conversation_taken_by_staff(client)
    task = [e async for e in client.send_message(user_message("Hello?", context_id=context_id))][-1].task
    assert get_message_text(task.status.message) == HANDED_OVER

    created = await client.create_task_push_notification_config(
        TaskPushNotificationConfig(task_id=task.id, id="handoff", url=receiver.url, token="tok-handoff"),
    )
    assert (created.task_id, created.id) == (task.id, "handoff")
    assert receiver.posts == []  # nothing has changed yet

    orm_in_thread(lambda: staff.staff_reply(conversation_id=conversation.id, staff_user=_staff_user(),
                                            text="Hi, Sam here: your card expired, update it and retry."))
    post = await receiver.post_where(lambda t: t["status"]["message"]["metadata"].get("role") == "staff")
    assert post["headers"][TOKEN_HEADER] == "tok-handoff"
    pushed = post["body"]["task"]
    assert pushed["id"] == task.id and completed(pushed)
    assert pushed["status"]["message"]["parts"][0]["text"] == "Hi, Sam here: your card expired, update it and retry."
    assert pushed["status"]["message"]["metadata"]["author"] == "Sam"

    # tasks/get tells the same, with the hand-over note kept in the history.
    fetched = await client.get_task(GetTaskRequest(id=task.id))
    assert get_message_text(fetched.status.message).startswith("Hi, Sam here")
    assert HANDED_OVER in [get_message_text(m) for m in fetched.history]

    # The person's next message is only in the conversation: the task had its answer.
    orm_in_thread(lambda: staff.staff_reply(conversation_id=conversation.id, staff_user=_staff_user(), text="Done?"))
    await asyncio.sleep(0.5)
    again = await client.get_task(GetTaskRequest(id=task.id))
    assert get_message_text(again.status.message).startswith("Hi, Sam here")
    assert len(receiver.posts) == 1
    await client.close()


async def test_another_integration_can_neither_read_list_delete_nor_set_the_push_configs_of_a_task(
    base_url, scripted, receivers, local_receivers_allowed
):
    receiver = receivers()
    owner = await client_for(base_url, key_create(name="owner-app"), streaming=False)
    other = await client_for(base_url, key_create(name="other-app"), streaming=False)
    request = with_push(user_message("Is there an outage?"), url=receiver.url, token="tok-owner")
    task = [e async for e in owner.send_message(request)][-1].task
    config_id = task.id  # a config set without an id takes the task's

    with pytest.raises(Exception, match=r"(?i)not found"):
        await other.get_task_push_notification_config(GetTaskPushNotificationConfigRequest(task_id=task.id, id=config_id))
    with pytest.raises(Exception, match=r"(?i)not found"):
        await other.list_task_push_notification_configs(ListTaskPushNotificationConfigsRequest(task_id=task.id))
    with pytest.raises(Exception, match=r"(?i)not found"):
        await other.delete_task_push_notification_config(
            DeleteTaskPushNotificationConfigRequest(task_id=task.id, id=config_id))
    with pytest.raises(Exception, match=r"(?i)not found"):
        await other.create_task_push_notification_config(
            TaskPushNotificationConfig(task_id=task.id, id="stolen", url=receiver.url, token="tok-other"))

    assert [c.owner async for c in A2APushConfig.objects.all()] == ["owner-app"]
    mine = await owner.get_task_push_notification_config(GetTaskPushNotificationConfigRequest(task_id=task.id, id=config_id))
    assert mine.token == "tok-owner"
    await owner.delete_task_push_notification_config(DeleteTaskPushNotificationConfigRequest(task_id=task.id, id=config_id))
    assert not await A2APushConfig.objects.aexists()
    await owner.close()
    await other.close()


async def _rpc(base_url: str, key: str, method: str, params: dict[str, Any]) -> dict[str, Any]:
    body = {"jsonrpc": "2.0", "id": 3, "method": method, "params": params}
    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(f"{base_url}/a2a/jsonrpc", json=body, headers={
            "Authorization": f"Bearer {key}", "A2A-Version": "1.0",
        })
    return response.json()


@pytest.mark.parametrize(("url", "reason"), [
    ("http://receiver.example.com/hook", "must use https"),
    ("ftp://receiver.example.com/hook", "must use https"),
    ("https://partner:s3cret@receiver.example.com/hook", "must not carry credentials"),
    ("https://10.1.2.3/hook", "must reach a public address"),
    ("https://169.254.169.254/latest/meta-data", "must reach a public address"),
    ("https://127.0.0.1:8443/hook", "must reach a public address"),
    ("https://[::1]/hook", "must reach a public address"),
    ("http://localhost:8000/hook", "must use https"),  # allowed only in DEBUG, or by the setting
])
async def test_an_unsafe_push_url_is_refused_with_a_clear_error_and_nothing_is_stored(
    base_url, scripted, settings, url, reason
):
    settings.DEBUG = False
    key = key_create()
    client = await client_for(base_url, key, streaming=False)
    task = [e async for e in client.send_message(user_message("Hello"))][-1].task

    created = await _rpc(base_url, key, "CreateTaskPushNotificationConfig",
                         {"taskId": task.id, "url": url, "token": "tok"})
    assert created["error"]["code"] == -32602
    assert "Push notification URL refused" in created["error"]["message"] and reason in created["error"]["message"]

    # Nor with a message's own configuration: the message is refused before anything runs.
    message = {"messageId": str(uuid.uuid4()), "role": "ROLE_USER", "parts": [{"text": "Hi again"}]}
    sent = await _rpc(base_url, key, "SendMessage", {
        "message": message, "configuration": {"taskPushNotificationConfig": {"url": url, "token": "tok"}},
    })
    assert sent["error"]["code"] == -32602 and reason in sent["error"]["message"]
    assert not await A2APushConfig.objects.aexists()
    await client.close()


async def test_the_0_3_method_names_set_and_get_a_push_config_too(base_url, scripted, receivers, local_receivers_allowed):
    receiver = receivers()
    key = key_create()
    client = await client_for(base_url, key, streaming=False)
    task = [e async for e in client.send_message(user_message("Hello"))][-1].task
    config = {"id": "v03", "url": receiver.url, "token": "tok-03"}
    body = {"jsonrpc": "2.0", "id": 1, "method": "tasks/pushNotificationConfig/set",
            "params": {"taskId": task.id, "pushNotificationConfig": config}}
    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(f"{base_url}/a2a/jsonrpc", json=body, headers={"Authorization": f"Bearer {key}"})
        assert response.json()["result"]["pushNotificationConfig"]["url"] == receiver.url
        body.update(method="tasks/pushNotificationConfig/get", params={"id": task.id, "pushNotificationConfigId": "v03"})
        response = await http.post(f"{base_url}/a2a/jsonrpc", json=body, headers={"Authorization": f"Bearer {key}"})
    assert response.json()["result"]["pushNotificationConfig"]["token"] == "tok-03"
    await client.close()


async def test_http_to_localhost_is_allowed_in_debug(base_url, scripted, settings, receivers):
    settings.DEBUG = True
    receiver = receivers()
    client = await client_for(base_url, key_create(), streaming=False)
    task = [e async for e in client.send_message(user_message("Hello"))][-1].task
    created = await client.create_task_push_notification_config(
        TaskPushNotificationConfig(task_id=task.id, url=receiver.url.replace("127.0.0.1", "localhost"), token="t"))
    assert created.url.startswith("http://localhost:")
    await client.close()


async def test_a_receiver_that_fails_or_hangs_is_logged_and_never_breaks_the_task(
    base_url, scripted, receivers, local_receivers_allowed, settings, caplog
):
    settings.SUPPORT = {**settings.SUPPORT, "A2A_PUSH_TIMEOUT_S": 0.5}
    failing, hanging = receivers(status=500), receivers(hangs=True)
    client = await client_for(base_url, key_create(), streaming=False)
    for receiver, token in ((failing, "tok-500"), (hanging, "tok-hang")):
        request = with_push(user_message("Why did my last payment fail?"), url=receiver.url, token=token)
        task = [e async for e in client.send_message(request)][-1].task
        assert task.status.state == TaskState.TASK_STATE_COMPLETED
        assert get_message_text(task.status.message) == scripted.reply
        fetched = await client.get_task(GetTaskRequest(id=task.id))
        assert fetched.status.state == TaskState.TASK_STATE_COMPLETED
        # It was tried: the receiver got the task and the token.
        post = await receiver.post_where(lambda t, task_id=task.id: t["id"] == task_id)
        assert post["headers"][TOKEN_HEADER] == token

    deadline = asyncio.get_running_loop().time() + 20
    while asyncio.get_running_loop().time() < deadline:
        logged = [r for r in caplog.records if "Error sending push-notification" in r.getMessage()]
        if any("500" in str(r.exc_info and r.exc_info[1]) for r in logged) and any(
            "Timeout" in type(r.exc_info[1]).__name__ for r in logged if r.exc_info
        ):
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError("the failed and the timed-out notifications were not logged")

    # The chat goes on: the next message in the same context is answered.
    follow_up = [e async for e in client.send_message(user_message("Thanks", context_id=task.context_id))][-1].task
    assert follow_up.status.state == TaskState.TASK_STATE_COMPLETED
    await client.close()


async def test_a_url_the_policy_refuses_by_the_time_of_sending_is_not_posted_to(
    base_url, scripted, receivers, local_receivers_allowed, settings, caplog
):
    from supportsite.conversations import staff

    settings.SUPPORT = {**settings.SUPPORT, "A2A_STAFF_REPLY_WAIT_S": 0.3}
    receiver = receivers()
    client = await client_for(base_url, key_create(scopes=("a2a:invoke", "customers:any")), streaming=False)
    context_id, conversation = await _conversation_taken_by_staff(client)
    task = [e async for e in client.send_message(user_message("Hello?", context_id=context_id))][-1].task
    await client.create_task_push_notification_config(
        TaskPushNotificationConfig(task_id=task.id, url=receiver.url, token="tok"))

    # The URL was fine when set; by the time there is news it is not (as a host may come to
    # resolve to another address): it is checked again before each POST.
    settings.SUPPORT = {**settings.SUPPORT, "A2A_PUSH_ALLOW_HTTP_LOCALHOST": False}
    orm_in_thread(lambda: staff.staff_reply(conversation_id=conversation.id, staff_user=_staff_user(), text="Hi!"))
    deadline = asyncio.get_running_loop().time() + 20
    while not any("Push notification not sent: the URL must use https" in r.getMessage() for r in caplog.records):
        assert asyncio.get_running_loop().time() < deadline, "the refused URL was not logged"
        await asyncio.sleep(0.05)
    assert receiver.posts == []
    assert get_message_text((await client.get_task(GetTaskRequest(id=task.id))).status.message) == "Hi!"
    await client.close()
