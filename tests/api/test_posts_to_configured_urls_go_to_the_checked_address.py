"""A webhook or A2A push POST goes to the address its URL's check found public, never to one a
second DNS answer gives (DNS rebinding), and an https URL keeps its host name as Host and TLS name.

No test here uses the network: hooks.partner.example resolves through a fake getaddrinfo, a
connection to a public address is refused before it leaves the machine, and 127.0.0.1 is a
local listener that counts the connections it is sent.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpcore
import httpx
import pytest
from a2a.server.context import ServerCallContext
from a2a.server.tasks.push_notification_config_store import PushNotificationConfigStore
from a2a.types.a2a_pb2 import Task, TaskPushNotificationConfig, TaskState, TaskStatus

from supportsite.a2a.push import push_client_build, push_sender_build
from supportsite.api.models import WebhookDelivery
from supportsite.api.webhooks import webhook_deliver_due
from tests.api.test_webhook_urls_are_checked import _delivery_for

HOST = "hooks.partner.example"
PUBLIC_ADDRESS = "93.184.216.34"


@pytest.fixture
def rebinding_dns(monkeypatch) -> Callable[[list[str]], list[str]]:
    """HOST's DNS answers with each given address in turn (the last one from then on), as an
    attacker's name server may; returns the list of the addresses it has answered with."""
    real_getaddrinfo = socket.getaddrinfo
    answered: list[str] = []
    answers: list[str] = []

    def fake_getaddrinfo(host, port, *args, **kwargs):
        if (host.decode() if isinstance(host, bytes) else host) != HOST:  # anyio asks with bytes
            return real_getaddrinfo(host, port, *args, **kwargs)
        answered.append(answers.pop(0) if len(answers) > 1 else answers[0])
        return real_getaddrinfo(answered[-1], port, *args, **kwargs)

    def answer_in_turn(addresses: list[str]) -> list[str]:
        answers.extend(addresses)
        return answered

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    return answer_in_turn


class LocalListener:
    """A TCP listener on 127.0.0.1 standing for this server's internal services: counts connections."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, name="local-listener", daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return  # closed
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def local_listener() -> Iterator[LocalListener]:
    listener = LocalListener()
    yield listener
    listener.close()


@pytest.fixture
def offline_connects(monkeypatch) -> list[str]:
    """Connections to public addresses are refused here (they would leave the machine); others,
    to a host name or a local address, go ahead. Returns the hosts connected to, in order."""
    hosts: list[str] = []
    real_connect_tcp = httpcore.AnyIOBackend.connect_tcp

    async def connect_tcp(self, host: str, port: int, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        hosts.append(host)
        try:
            if ipaddress.ip_address(host).is_global:
                raise httpcore.ConnectError(f"no internet in tests: {host} not connected to")
        except ValueError:
            pass  # a host name: resolved by the real backend, through the fake getaddrinfo
        return await real_connect_tcp(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.AnyIOBackend, "connect_tcp", connect_tcp)
    return hosts


@pytest.fixture
def sent_requests(monkeypatch) -> list[httpx.Request]:
    """What the HTTP transport is handed to send, answered 204 without a connection."""
    sent: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204, request=request)

    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", handle_async_request)
    return sent


class OneConfigStore(PushNotificationConfigStore):
    """An integration's single push config for every task (the database store is tested elsewhere)."""

    def __init__(self, url: str) -> None:
        self.config = TaskPushNotificationConfig(id="cfg-1", url=url, token="tok")

    async def set_info(self, task_id: str, notification_config: TaskPushNotificationConfig,
                       context: ServerCallContext) -> TaskPushNotificationConfig:
        raise NotImplementedError

    async def get_info(self, task_id: str, context: ServerCallContext) -> list[TaskPushNotificationConfig]:
        return [self.config]

    async def get_info_for_dispatch(self, task_id: str) -> list[TaskPushNotificationConfig]:
        return [self.config]

    async def delete_info(self, task_id: str, context: ServerCallContext, config_id: str | None = None) -> None:
        raise NotImplementedError


async def _push_task_to(url: str) -> None:
    task = Task(id="task-1", context_id="ctx-1", status=TaskStatus(state=TaskState.TASK_STATE_COMPLETED))
    async with push_client_build() as client:
        await push_sender_build(client, OneConfigStore(url)).send_notification(task.id, task)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_webhook_host_that_rebinds_to_this_server_after_its_check_is_not_connected_to_there(
    demo_tx, settings, rebinding_dns, local_listener, offline_connects
):
    settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_MAX_ATTEMPTS": 1}
    answered = rebinding_dns([PUBLIC_ADDRESS, "127.0.0.1"])
    delivery = await _delivery_for(f"https://{HOST}:{local_listener.port}/hook", demo_tx["bob"])

    await webhook_deliver_due()

    assert local_listener.connections == 0
    assert answered[0] == PUBLIC_ADDRESS and offline_connects == [PUBLIC_ADDRESS]  # the checked address
    await delivery.arefresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.last_error.startswith("ConnectError: no internet in tests")


@pytest.mark.asyncio
async def test_an_a2a_push_host_that_rebinds_to_this_server_after_its_check_is_not_connected_to_there(
    rebinding_dns, local_listener, offline_connects
):
    answered = rebinding_dns([PUBLIC_ADDRESS, "127.0.0.1"])

    await _push_task_to(f"https://{HOST}:{local_listener.port}/a2a-events")

    assert local_listener.connections == 0
    assert answered[0] == PUBLIC_ADDRESS
    # Whichever lookup answered 127.0.0.1, no connection was made from its answer.
    assert all(ipaddress.ip_address(host).is_global for host in offline_connects)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("address", "url_host"), [
    (PUBLIC_ADDRESS, PUBLIC_ADDRESS), ("2606:4700:4700::1111", "[2606:4700:4700::1111]"),
])
async def test_a_webhook_is_sent_to_the_checked_address_with_its_host_name_as_host_and_tls_name(
    demo_tx, rebinding_dns, sent_requests, address, url_host
):
    rebinding_dns([address])
    delivery = await _delivery_for(f"https://{HOST}/hook", demo_tx["bob"])

    await webhook_deliver_due()

    [request] = sent_requests
    assert str(request.url) == f"https://{url_host}/hook"
    assert request.headers["Host"] == HOST and request.extensions["sni_hostname"] == HOST
    await delivery.arefresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED and delivery.response_code == 204


@pytest.mark.asyncio
async def test_an_a2a_push_is_sent_to_the_checked_address_with_its_host_name_as_host_and_tls_name(
    rebinding_dns, sent_requests
):
    rebinding_dns([PUBLIC_ADDRESS])

    await _push_task_to(f"https://{HOST}:8443/a2a-events")

    [request] = sent_requests
    assert str(request.url) == f"https://{PUBLIC_ADDRESS}:8443/a2a-events"
    assert request.headers["Host"] == f"{HOST}:8443" and request.extensions["sni_hostname"] == HOST
    assert request.headers["X-A2A-Notification-Token"] == "tok"


def _logged_with_reasons(records: list[logging.LogRecord]) -> str:
    """Every log line with the exception it carries: a refusal's reason is in one or the other."""
    return "\n".join(f"{record.getMessage()} {record.exc_info[1] if record.exc_info else ''}" for record in records)


@pytest.mark.asyncio
async def test_an_a2a_push_looks_its_receivers_host_up_once_per_notification(rebinding_dns, sent_requests):
    answered = rebinding_dns([PUBLIC_ADDRESS])

    await _push_task_to(f"https://{HOST}/a2a-events")
    await _push_task_to(f"https://{HOST}/a2a-events")

    assert len(sent_requests) == 2
    assert answered == [PUBLIC_ADDRESS, PUBLIC_ADDRESS]  # one lookup each: the one its POST connected to


@pytest.mark.asyncio
async def test_an_a2a_push_whose_host_now_resolves_to_a_private_address_is_not_posted_and_the_log_says_why(
    rebinding_dns, sent_requests, caplog
):
    rebinding_dns(["10.0.0.5"])

    await _push_task_to(f"https://{HOST}/a2a-events")

    assert sent_requests == []
    assert f"its host {HOST} resolves to 10.0.0.5, a private network address" in _logged_with_reasons(caplog.records)


@pytest.mark.asyncio
@pytest.mark.parametrize(("url", "reason"), [
    ("https://10.1.2.3/a2a-events", "must reach a public address, but 10.1.2.3 is a private network address"),
    ("https://[::ffff:169.254.169.254]/a2a-events", "must reach a public address, but ::ffff:169.254.169.254 is a link-local"),
    (f"http://{HOST}/a2a-events", "must use https"),
    (f"https://partner:s3cret@{HOST}/a2a-events", "must not carry credentials (user:password@); send a token"),
])
async def test_an_a2a_push_to_a_url_refused_as_written_is_not_posted_logs_why_and_looks_nothing_up(
    monkeypatch, sent_requests, caplog, url, reason
):
    looked_up: list[Any] = []
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kwargs: looked_up.append(host) or [])

    await _push_task_to(url)

    assert sent_requests == [] and looked_up == []
    assert f"Push notification not sent: the URL {reason}" in _logged_with_reasons(caplog.records)
