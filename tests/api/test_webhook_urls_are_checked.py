"""Webhook URLs are never internal: refused in the admin, and checked again before every POST.

No test here uses the network: URLs name IP literals, or resolution is faked for one host name.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from a2a.utils.push_url_validator import validate_push_notification_url
from asgiref.sync import sync_to_async

from supportsite.api.admin import WebhookEndpointForm
from supportsite.api.models import WebhookDelivery, WebhookEndpoint
from supportsite.api.webhooks import webhook_deliver_due
from supportsite.conversations.services import conversation_start
from supportsite.core.outbound_urls import outbound_url_problem, outbound_url_problem_sync
from supportsite.customers.models import CustomerProfile
from tests.api.test_webhooks import Receiver

PUBLIC_URL = "https://93.184.216.34/hook"


def _form(url: str) -> WebhookEndpointForm:
    return WebhookEndpointForm(data={"url": url, "events": ["message.created"], "active": True, "secret": "whsec_t"})


@pytest.fixture
def resolving(monkeypatch) -> Callable[[str, str], None]:
    """Make one host name resolve to one address (as a partner's DNS might), others as usual."""
    real_getaddrinfo = socket.getaddrinfo
    fakes: dict[str, str] = {}

    def fake_getaddrinfo(host, port, *args, **kwargs):
        if host in fakes:
            return real_getaddrinfo(fakes[host], port, *args, **kwargs)
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    return fakes.__setitem__


@pytest.mark.parametrize(("url", "reason"), [
    ("https://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address (where cloud metadata"),
    ("https://[::ffff:169.254.169.254]/latest/meta-data", "is a link-local address"),
    ("https://10.1.2.3/hook", "10.1.2.3 is a private network address"),
    ("https://192.168.0.7/hook", "is a private network address"),
    ("https://100.64.0.1/hook", "is an address that is not publicly routable"),
    ("https://127.0.0.1:8443/hook", "127.0.0.1 is a loopback address"),
    ("http://127.0.0.1:8000/hook", "must use https"),  # only with the setting, or DEBUG
    ("https://[::1]/hook", "is a loopback address"),
    ("http://93.184.216.34/hook", "must use https"),
    ("https://partner:s3cret@93.184.216.34/hook", "must not carry credentials (user:password@)"),
])
def test_the_admin_form_refuses_an_internal_or_unsafe_url_and_says_why(settings, url, reason):
    settings.DEBUG = False
    form = _form(url)
    assert not form.is_valid()
    message = " ".join(form.errors["url"])
    assert message.startswith("Deliveries cannot be sent to this URL: it ") and reason in message


def test_the_admin_form_accepts_a_public_https_url_and_judges_a_host_name_by_its_addresses(resolving):
    resolving("hooks.partner.example", "93.184.216.34")
    resolving("intranet.partner.example", "10.0.0.5")
    assert _form(PUBLIC_URL).is_valid()
    assert _form("https://hooks.partner.example/hook").is_valid()
    refused = _form("https://intranet.partner.example/hook")
    assert not refused.is_valid()
    assert "its host intranet.partner.example resolves to 10.0.0.5, a private network address" in refused.errors["url"][0]


def test_http_to_localhost_is_accepted_only_with_the_setting_or_debug(settings):
    settings.DEBUG = False
    assert not _form("http://127.0.0.1:8000/hook").is_valid()
    settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_ALLOW_HTTP_LOCALHOST": True}
    assert _form("http://127.0.0.1:8000/hook").is_valid() and _form("http://localhost:8000/hook").is_valid()
    settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_ALLOW_HTTP_LOCALHOST": False}
    settings.DEBUG = True
    assert _form("http://localhost:8000/hook").is_valid()


def test_staff_registering_a_metadata_url_in_the_admin_see_why_and_nothing_is_stored(demo, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="staff"))
    form = {"events": ["message.created"], "active": "on", "secret": "whsec_t",
            "deliveries-TOTAL_FORMS": "0", "deliveries-INITIAL_FORMS": "0"}
    refused = client.post("/admin/api/webhookendpoint/add/", {**form, "url": "https://169.254.169.254/latest/"})
    assert refused.status_code == 200
    assert "Deliveries cannot be sent to this URL" in refused.content.decode()
    assert not WebhookEndpoint.objects.exists()

    accepted = client.post("/admin/api/webhookendpoint/add/", {**form, "url": PUBLIC_URL})
    assert accepted.status_code == 302 and WebhookEndpoint.objects.get().url == PUBLIC_URL


async def _delivery_for(url: str, customer: CustomerProfile) -> WebhookDelivery:
    endpoint = await WebhookEndpoint.objects.acreate(url=url, events=["conversation.created"])  # not via the form
    await sync_to_async(conversation_start)(customer=customer)
    return await WebhookDelivery.objects.aget(endpoint=endpoint)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_delivery_to_a_url_that_became_unsafe_is_not_posted_and_the_reason_is_recorded(demo_tx, settings):
    receiver = Receiver()
    try:
        settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_ALLOW_HTTP_LOCALHOST": True}
        delivery = await _delivery_for(receiver.url, demo_tx["bob"])
        # Allowed when registered, refused by the time of sending: the check runs before each POST.
        settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_ALLOW_HTTP_LOCALHOST": False}
        assert await webhook_deliver_due() == 1
        assert receiver.requests == []
        await delivery.arefresh_from_db()
        assert delivery.status == WebhookDelivery.Status.PENDING and delivery.attempts == 1  # retried later
        assert delivery.response_code is None and delivery.last_error == "Not sent: the URL must use https."
    finally:
        receiver.close()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_delivery_whose_host_now_resolves_to_this_server_is_not_sent(demo_tx, settings, resolving):
    settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_ALLOW_HTTP_LOCALHOST": True, "WEBHOOK_MAX_ATTEMPTS": 1}
    resolving("hooks.partner.example", "127.0.0.1")
    delivery = await _delivery_for("https://hooks.partner.example/hook", demo_tx["bob"])
    await webhook_deliver_due()
    await delivery.arefresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.last_error == (
        "Not sent: the URL must reach a public address, but its host hooks.partner.example resolves to "
        "127.0.0.1, a loopback address (this server itself)."
    )


@pytest.fixture
def hanging_resolver(monkeypatch) -> Iterator[threading.Event]:
    """slow.partner.example's DNS does not answer until the test sets the event it is given."""
    real_getaddrinfo, answer = socket.getaddrinfo, threading.Event()

    def fake_getaddrinfo(host, *args, **kwargs):
        if host == "slow.partner.example":
            answer.wait(30)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    yield answer
    answer.set()


def test_the_admin_check_refuses_a_host_that_does_not_resolve_in_time_instead_of_hanging(hanging_resolver):
    problem = outbound_url_problem_sync("https://slow.partner.example/hook", allow_http_localhost=False,
                                        resolve_timeout_s=0.2)
    assert problem == "must reach a public address, but its host slow.partner.example did not resolve within 0.2 s"


@pytest.mark.asyncio
async def test_the_check_before_a_post_refuses_a_host_that_does_not_resolve_in_time(hanging_resolver):
    problem = await outbound_url_problem("https://slow.partner.example/hook", allow_http_localhost=False,
                                         resolve_timeout_s=0.2)
    hanging_resolver.set()  # before the test's loop closes: closing it waits for the lookup's thread
    assert problem == "must reach a public address, but its host slow.partner.example did not resolve within 0.2 s"


@pytest.mark.asyncio
@pytest.mark.parametrize("address", [
    "93.184.216.34", "8.8.8.8", "10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "169.254.169.254",
    "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "192.0.2.1", "[::1]", "[fe80::1]", "[fc00::1]",
    "[::ffff:10.0.0.1]", "[::ffff:93.184.216.34]", "[2606:4700:4700::1111]", "[2001:db8::1]",
])
async def test_the_shared_policy_refuses_exactly_the_addresses_a2a_sdk_refuses(address):
    url = f"https://{address}/hook"
    assert (await outbound_url_problem(url, allow_http_localhost=False) is None) == (
        await validate_push_notification_url(url)
    )
