"""ASGI entry point: HTTP to Django, websockets to Channels (session auth, origin checked)."""

import logging
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportsite.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from supportsite.a2a.router import HttpRouter  # noqa: E402
from supportsite.api.webhooks import WebhooksOnStart, webhook_delivery_schedule_at_boot  # noqa: E402
from supportsite.chat.routing import websocket_urlpatterns  # noqa: E402
from supportsite.conversations.engine import llm_clients_close_at_shutdown, provider_description  # noqa: E402
from supportsite.core.daphne_limits import daphne_line_limits_answer  # noqa: E402
from supportsite.core.health_routes import HealthRoutes  # noqa: E402

logging.getLogger("supportsite").info("Northwind Support: answers come from %s", provider_description())
# A request line over 16 KB gets 414 with a reason, not a connection closed without a word.
daphne_line_limits_answer()
llm_clients_close_at_shutdown()

application = ProtocolTypeRouter(
    {
        # The A2A agent card and JSON-RPC endpoint (a2a-sdk, Starlette) beside Django, in one process.
        # /healthz and /readyz for load balancers, before Django's host check and HTTPS redirect.
        "http": HealthRoutes(HttpRouter(django_asgi_app)),
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)

# Runs left unfinished by a process that died are picked up again (supportsite/conversations/recovery.py).
from supportsite.conversations.recovery import RecoveryOnStart, recovery_schedule_at_boot  # noqa: E402

application = RecoveryOnStart(application)
recovery_schedule_at_boot()

# Webhook deliveries are sent by a loop in every server process (supportsite/api/webhooks.py).
application = WebhooksOnStart(application)
webhook_delivery_schedule_at_boot()
