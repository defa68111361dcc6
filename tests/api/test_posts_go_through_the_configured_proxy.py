"""With SUPPORT["OUTBOUND_PROXY"] set, a webhook or A2A push POST leaves through that proxy: the
URL is checked first, then the proxy is asked to CONNECT to the checked address (never the host
name, which it could resolve elsewhere), and TLS inside the tunnel is verified for the host name.
HTTPS_PROXY from the environment is never used.

No test here uses the network: hooks.partner.example resolves through a fake getaddrinfo to a
public address, the proxy (tests/support/connect_proxy.py) tunnels a CONNECT to that address to
a TLS receiver on 127.0.0.1, and the receiver's certificate is issued for hooks.partner.example
by a test CA the server is told to trust (SSL_CERT_FILE, which httpx reads).
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import ipaddress
import json
import ssl
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.exceptions import ImproperlyConfigured

from supportsite.api.models import WebhookDelivery
from supportsite.api.webhooks import webhook_deliver_due
from supportsite.core.outbound_urls import OutboundProxyMisconfigured, OutboundURLRefused, outbound_client
from supportsite.settings import env_proxy_url
from tests.api import test_posts_to_configured_urls_go_to_the_checked_address as checked_address
from tests.api.test_posts_to_configured_urls_go_to_the_checked_address import HOST, PUBLIC_ADDRESS, _push_task_to
from tests.api.test_webhook_urls_are_checked import _delivery_for
from tests.api.test_webhooks import Receiver
from tests.support.connect_proxy import ConnectProxy

# That module's fixtures, used here by the same names: HOST's fake DNS, and the refusal to connect
# to public addresses (which would leave the machine), recording the hosts connected to.
rebinding_dns = checked_address.rebinding_dns
offline_connects = checked_address.offline_connects

PORT = 8443  # the receivers' port in URLs; the proxy tunnels to wherever the test receiver listens


# --- A test CA, and a TLS receiver standing in for the partner's server ---------------------------


class CertificateAuthority:
    """Issues certificates for host names; its own certificate is in `path`, for SSL_CERT_FILE."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Northwind tests CA")])
        certificate = (
            self._builder(self.name, self.key.public_key())
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        self.path = folder / "ca.pem"
        self.path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))

    def _builder(self, subject: x509.Name, public_key: ec.EllipticCurvePublicKey) -> x509.CertificateBuilder:
        now = datetime.datetime.now(datetime.UTC)
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(self.name).public_key(public_key)
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1)))

    def server_context(self, host_name: str) -> ssl.SSLContext:
        """A server's TLS context presenting a certificate for `host_name` (or IP address) only."""
        key = ec.generate_private_key(ec.SECP256R1())
        try:
            subject_alternative_name: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host_name))
        except ValueError:
            subject_alternative_name = x509.DNSName(host_name)
        certificate = (
            self._builder(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host_name)]), key.public_key())
            .add_extension(x509.SubjectAlternativeName([subject_alternative_name]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        chain = self.folder / f"{host_name}.pem"
        chain.write_bytes(certificate.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(chain)
        return context


@dataclass
class TLSReceiver:
    """An https server on 127.0.0.1: records the TLS server name each client asked for, and each
    request's Host header and body, and answers 204."""

    port: int = 0
    server_names: list[str | None] = field(default_factory=list)
    requests: list[dict[str, str]] = field(default_factory=list)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()
            return  # no request: the client gave up (a handshake it refused)
        headers = {name.strip().lower(): value.strip()
                   for name, _, value in (line.partition(":") for line in head[1:] if line)}
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        self.requests.append({"request_line": head[0], "host": headers["host"], "body": body.decode(), **headers})
        writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()


@pytest.fixture(scope="module")
def test_ca(tmp_path_factory) -> CertificateAuthority:
    return CertificateAuthority(tmp_path_factory.mktemp("test-ca"))


@pytest.fixture
def server_trusts_test_ca(monkeypatch, test_ca) -> None:
    """The server trusts certificates from the test CA, as an operator's private CA would be."""
    monkeypatch.setenv("SSL_CERT_FILE", str(test_ca.path))


async def _tls_receiver_for(test_ca: CertificateAuthority, certificate_name: str) -> tuple[TLSReceiver, asyncio.Server]:
    receiver = TLSReceiver()
    context = test_ca.server_context(certificate_name)
    context.sni_callback = lambda _ssl_object, name, _context: receiver.server_names.append(name)
    server = await asyncio.start_server(receiver.serve, "127.0.0.1", 0, ssl=context)
    receiver.port = server.sockets[0].getsockname()[1]
    return receiver, server


@pytest.fixture
async def partner(test_ca, server_trusts_test_ca) -> AsyncIterator[TLSReceiver]:
    """The partner's https receiver, with a certificate for HOST."""
    receiver, server = await _tls_receiver_for(test_ca, HOST)
    yield receiver
    server.close()
    await server.wait_closed()


def _to(receiver: TLSReceiver) -> Callable[[str, int], tuple[str, int]]:
    """The proxy's way out: every address it is asked for is, in this test, the receiver."""
    return lambda _host, _port: ("127.0.0.1", receiver.port)


@pytest.fixture
async def proxy(partner, settings) -> AsyncIterator[ConnectProxy]:
    """The network's egress proxy, named in SUPPORT["OUTBOUND_PROXY"]."""
    async with ConnectProxy(route=_to(partner)) as egress:
        settings.SUPPORT = {**settings.SUPPORT, "OUTBOUND_PROXY": egress.url}
        yield egress


# --- Through the proxy ----------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_webhook_goes_through_the_proxy_tunnelled_to_the_checked_address_with_tls_for_its_host_name(
    demo_tx, rebinding_dns, offline_connects, partner, proxy
):
    rebinding_dns([PUBLIC_ADDRESS])
    delivery = await _delivery_for(f"https://{HOST}:{PORT}/hook", demo_tx["bob"])

    await webhook_deliver_due()

    assert proxy.connects == [f"{PUBLIC_ADDRESS}:{PORT}"]  # the checked address, not the name
    assert offline_connects == ["127.0.0.1"]  # only the proxy was connected to
    assert partner.server_names == [HOST]  # and the certificate verified for it: it is for HOST only
    [request] = partner.requests
    assert request["request_line"] == "POST /hook HTTP/1.1" and request["host"] == f"{HOST}:{PORT}"
    assert json.loads(request["body"]) == delivery.payload
    await delivery.arefresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED and delivery.response_code == 204


@pytest.mark.asyncio
async def test_an_a2a_push_goes_through_the_proxy_tunnelled_to_the_checked_address_with_tls_for_its_host_name(
    rebinding_dns, offline_connects, partner, proxy
):
    rebinding_dns([PUBLIC_ADDRESS])

    await _push_task_to(f"https://{HOST}:{PORT}/a2a-events")

    assert proxy.connects == [f"{PUBLIC_ADDRESS}:{PORT}"] and offline_connects == ["127.0.0.1"]
    assert partner.server_names == [HOST]
    [request] = partner.requests
    assert request["host"] == f"{HOST}:{PORT}" and request["x-a2a-notification-token"] == "tok"
    assert "task-1" in request["body"]


@pytest.mark.asyncio
async def test_the_proxy_is_sent_the_credentials_from_its_url(rebinding_dns, offline_connects, partner, settings):
    rebinding_dns([PUBLIC_ADDRESS])
    expected = "Basic " + base64.b64encode(b"support:s3cret").decode()
    async with ConnectProxy(route=_to(partner), required_authorization=expected) as egress:
        settings.SUPPORT = {**settings.SUPPORT, "OUTBOUND_PROXY": f"http://support:s3cret@127.0.0.1:{egress.port}"}
        async with outbound_client(timeout_s=10, allow_http_localhost=lambda: False) as client:
            response = await client.post(f"https://{HOST}:{PORT}/hook", content=b"{}")

    assert response.status_code == 204
    assert egress.authorizations == [expected] and len(partner.requests) == 1


@pytest.mark.asyncio
async def test_an_https_proxy_is_verified_for_its_own_name_and_the_receiver_for_the_urls_host(
    rebinding_dns, offline_connects, test_ca, partner, settings
):
    rebinding_dns([PUBLIC_ADDRESS])
    async with ConnectProxy(route=_to(partner), tls=test_ca.server_context("127.0.0.1")) as egress:
        settings.SUPPORT = {**settings.SUPPORT, "OUTBOUND_PROXY": egress.url}
        async with outbound_client(timeout_s=10, allow_http_localhost=lambda: False) as client:
            response = await client.post(f"https://{HOST}:{PORT}/hook", content=b"{}")

    assert egress.url.startswith("https://") and response.status_code == 204
    assert egress.connects == [f"{PUBLIC_ADDRESS}:{PORT}"] and partner.server_names == [HOST]


@pytest.mark.asyncio
async def test_through_the_proxy_a_receiver_whose_certificate_is_for_another_name_is_not_posted_to(
    rebinding_dns, offline_connects, test_ca, server_trusts_test_ca, settings
):
    rebinding_dns([PUBLIC_ADDRESS])
    impostor, server = await _tls_receiver_for(test_ca, "other.example")
    try:
        async with ConnectProxy(route=_to(impostor)) as egress:
            settings.SUPPORT = {**settings.SUPPORT, "OUTBOUND_PROXY": egress.url}
            async with outbound_client(timeout_s=10, allow_http_localhost=lambda: False) as client:
                with pytest.raises(httpx.ConnectError, match="certificate verify failed"):
                    await client.post(f"https://{HOST}:{PORT}/hook", content=b"{}")
    finally:
        server.close()
        await server.wait_closed()

    assert egress.connects == [f"{PUBLIC_ADDRESS}:{PORT}"]
    assert impostor.server_names == [HOST] and impostor.requests == []


# --- What never goes through it -------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_url_the_policy_refuses_is_refused_before_anything_reaches_the_proxy(
    rebinding_dns, offline_connects, partner, proxy
):
    rebinding_dns(["169.254.169.254", PUBLIC_ADDRESS])  # the metadata service first, then a public address
    url = f"https://{HOST}:{PORT}/hook"
    async with outbound_client(timeout_s=10, allow_http_localhost=lambda: False) as client:
        with pytest.raises(OutboundURLRefused, match=r"resolves to 169\.254\.169\.254, a link-local address"):
            await client.post(url, content=b"{}")
        with pytest.raises(OutboundURLRefused, match=r"127\.0\.0\.1 is a loopback address"):
            await client.post(f"https://127.0.0.1:{partner.port}/hook", content=b"{}")
        assert proxy.connects == [] and partner.requests == []

        # The same client, once the host resolves to a public address: through the proxy.
        response = await client.post(url, content=b"{}")
    assert response.status_code == 204 and proxy.connects == [f"{PUBLIC_ADDRESS}:{PORT}"]


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_local_receiver_allowed_for_development_is_posted_to_directly_not_through_the_proxy(
    demo_tx, local_webhook_receivers_allowed, settings
):
    local = Receiver()
    try:
        async with ConnectProxy() as egress:
            settings.SUPPORT = {**settings.SUPPORT, "OUTBOUND_PROXY": egress.url}
            delivery = await _delivery_for(local.url, demo_tx["bob"])
            await webhook_deliver_due()
    finally:
        local.close()

    assert egress.connects == [] and egress.plain_requests == []
    assert len(local.requests) == 1
    await delivery.arefresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED


@pytest.mark.asyncio
async def test_https_proxy_from_the_environment_is_not_used_when_no_proxy_is_configured(
    monkeypatch, rebinding_dns, offline_connects, partner, settings
):
    rebinding_dns([PUBLIC_ADDRESS])
    settings.SUPPORT = {**settings.SUPPORT, "OUTBOUND_PROXY": ""}
    async with ConnectProxy(route=_to(partner)) as environment_proxy:
        monkeypatch.setenv("HTTPS_PROXY", environment_proxy.url)
        monkeypatch.setenv("ALL_PROXY", environment_proxy.url)
        async with outbound_client(timeout_s=10, allow_http_localhost=lambda: False) as client:
            with pytest.raises(httpx.ConnectError, match="no internet in tests"):
                await client.post(f"https://{HOST}:{PORT}/hook", content=b"{}")

    assert environment_proxy.connects == [] and partner.requests == []
    assert offline_connects == [PUBLIC_ADDRESS]  # straight to the checked address, as without a proxy


@pytest.mark.asyncio
async def test_the_configured_proxy_is_used_and_https_proxy_from_the_environment_is_not(
    monkeypatch, rebinding_dns, offline_connects, partner, proxy
):
    rebinding_dns([PUBLIC_ADDRESS])
    async with ConnectProxy(route=_to(partner)) as environment_proxy:
        monkeypatch.setenv("HTTPS_PROXY", environment_proxy.url)
        async with outbound_client(timeout_s=10, allow_http_localhost=lambda: False) as client:
            response = await client.post(f"https://{HOST}:{PORT}/hook", content=b"{}")

    assert response.status_code == 204
    assert proxy.connects == [f"{PUBLIC_ADDRESS}:{PORT}"] and environment_proxy.connects == []


# --- A setting that names no usable proxy ---------------------------------------------------------


MALFORMED = ["proxy.internal:3128", "socks5://proxy.internal:1080", "http://", "http://proxy.internal:port"]


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_proxy_setting_stops_startup_naming_the_setting(monkeypatch, value):
    monkeypatch.setenv("SUPPORT_OUTBOUND_PROXY", value)
    with pytest.raises(ImproperlyConfigured, match="SUPPORT_OUTBOUND_PROXY must be an http:// or https:// proxy URL"):
        env_proxy_url("SUPPORT_OUTBOUND_PROXY")


def test_a_proxy_setting_is_read_from_the_environment_and_unset_means_none(monkeypatch):
    monkeypatch.setenv("SUPPORT_OUTBOUND_PROXY", "http://support:s3cret@proxy.internal:3128")
    assert env_proxy_url("SUPPORT_OUTBOUND_PROXY") == "http://support:s3cret@proxy.internal:3128"
    monkeypatch.delenv("SUPPORT_OUTBOUND_PROXY")
    assert env_proxy_url("SUPPORT_OUTBOUND_PROXY") == ""


@pytest.mark.parametrize("value", [*MALFORMED, "socks5://support:s3cret@proxy.internal:1080"])
def test_a_malformed_proxy_set_in_code_fails_when_the_client_is_built_naming_the_setting_not_the_password(
    settings, value
):
    settings.SUPPORT = {**settings.SUPPORT, "OUTBOUND_PROXY": value}
    with pytest.raises(OutboundProxyMisconfigured, match="SUPPORT_OUTBOUND_PROXY must be an http:// or https://") as error:
        outbound_client(timeout_s=10, allow_http_localhost=lambda: False)
    assert "s3cret" not in str(error.value)
