"""The agent card: who the support agent is, what it can do, and how to call it."""

from __future__ import annotations

from a2a.types.a2a_pb2 import (
    AgentCapabilities,
    AgentCard,
    AgentInterface,
    AgentProvider,
    AgentSkill,
    HTTPAuthSecurityScheme,
    SecurityRequirement,
    SecurityScheme,
    StringList,
)

JSONRPC_PATH = "/a2a/jsonrpc"
SECURITY_SCHEME = "northwindApiKey"

SKILLS = [
    AgentSkill(
        id="support_question",
        name="Answer a customer-support question",
        description=(
            "Answers questions about Northwind Cloud (plans, billing, accounts, deploys, DNS, TLS, rate limits, "
            "incidents) from the help centre and the customer's own account, and hands over to a person when needed."
        ),
        tags=["support", "faq", "northwind"],
        examples=["How can I reset my password?", "Is there an outage in eu-west?"],
        input_modes=["text/plain"],
        output_modes=["text/plain"],
    ),
    AgentSkill(
        id="billing_lookup",
        name="Look up billing",
        description=(
            "Explains a customer's invoices, payments, failed charges and refunds. Needs a customer: the key's bound "
            "customer, or message metadata {\"customer\": \"cus_…\"} for keys with the customers:any scope."
        ),
        tags=["billing", "invoices", "refunds"],
        examples=["Why did my last payment fail?", "I was charged twice, can I get a refund?"],
        input_modes=["text/plain"],
        output_modes=["text/plain"],
    ),
    AgentSkill(
        id="account_status",
        name="Look up account status",
        description="Explains whether a customer's account is active or locked, and why; unlocking needs staff approval.",
        tags=["account", "sign-in"],
        examples=["Why can't I sign in?", "Is my account locked?"],
        input_modes=["text/plain"],
        output_modes=["text/plain"],
    ),
]


def agent_card_build(base_url: str) -> AgentCard:
    base_url = base_url.rstrip("/")
    return AgentCard(
        name="Northwind Support",
        description=(
            "The customer-support agent of Northwind Cloud, an app-hosting service: an orchestrator of specialised "
            "agents (intent, FAQ, billing, account, technical, resolver, critic). Every message is traced and "
            "reviewed by Northwind's support staff like any chat."
        ),
        supported_interfaces=[
            AgentInterface(url=f"{base_url}{JSONRPC_PATH}", protocol_binding="JSONRPC", protocol_version="1.0"),
            # The same endpoint serves the 0.3 method names (message/send, tasks/get); listing it lets
            # the SDK write the 0.3 card fields (url, protocolVersion) that 0.3 clients read.
            AgentInterface(url=f"{base_url}{JSONRPC_PATH}", protocol_binding="JSONRPC", protocol_version="0.3"),
        ],
        provider=AgentProvider(organization="Northwind Cloud", url=base_url),
        version="1.0.0",
        documentation_url=f"{base_url}/api/v1/docs",
        capabilities=AgentCapabilities(streaming=True, push_notifications=True),
        security_schemes={
            SECURITY_SCHEME: SecurityScheme(
                http_auth_security_scheme=HTTPAuthSecurityScheme(
                    scheme="bearer", bearer_format="Northwind API key (nw_…) with the a2a:invoke scope",
                    description="The same API keys as the REST API; created by Northwind staff.",
                )
            )
        },
        security_requirements=[SecurityRequirement(schemes={SECURITY_SCHEME: StringList(list=["a2a:invoke"])})],
        default_input_modes=["text/plain"],
        default_output_modes=["text/plain"],
        skills=SKILLS,
    )
