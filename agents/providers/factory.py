"""Build the provider from plain configuration values (the Django settings pass them in).

Without an API key or a base URL the app runs on the offline provider. A local
OpenAI-compatible server (vLLM, Ollama, llama.cpp) usually needs no key: setting
OPENAI_BASE_URL alone is enough.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from agents.providers.base import Provider
from agents.resilience import CircuitBreaker, RetryPolicy

if TYPE_CHECKING:
    # The openai SDK takes about a second to import; offline installs never load it.
    import openai

    from agents.providers.openai_provider import OpenAIProvider

DEFAULT_MODEL = "gpt-4o-mini"
# Per HTTP attempt; the orchestrator's llm_timeout_s caps a whole call with its retries.
DEFAULT_REQUEST_TIMEOUT_S = 20.0
# Local servers ignore the key, but the client refuses to start without one.
PLACEHOLDER_KEY = "not-needed"

_clients: dict[tuple[str, str, float], openai.AsyncOpenAI] = {}
_providers: dict[tuple[str, str, str, float], OpenAIProvider] = {}
_lock = threading.Lock()


def llm_configured(*, api_key: str | None, base_url: str | None) -> bool:
    return bool(api_key or base_url)


def client_build(*, api_key: str | None, base_url: str | None,
                 timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S) -> openai.AsyncOpenAI:
    """A new AsyncOpenAI client as the app uses it.

    max_retries=0 because agents.resilience owns the one retry policy; two layers of retries
    would multiply (3 × 3 attempts against a struggling server). The HTTP transport is the
    client's aiohttp one (`openai[aiohttp]`): its C parser reads a streamed reply for about a
    tenth less server CPU per reply than the default pure-Python stack (#9, measured in README).
    """
    import openai

    from agents.providers.openai_provider import http

    return openai.AsyncOpenAI(
        api_key=api_key or PLACEHOLDER_KEY, base_url=base_url or None, max_retries=0,
        timeout=http.Timeout(timeout_s, connect=min(5.0, timeout_s)),
        http_client=openai.DefaultAioHttpClient(),
    )


def get_client(*, api_key: str | None, base_url: str | None, timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S,
               ) -> openai.AsyncOpenAI:
    """The process's one AsyncOpenAI client for these settings (its connection pool is shared)."""
    key = (api_key or PLACEHOLDER_KEY, base_url or "", timeout_s)
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = _clients[key] = client_build(api_key=api_key, base_url=base_url, timeout_s=timeout_s)
        return client


async def clients_close() -> None:
    """Close the process's clients and forget them and their providers. Their connections belong
    to the event loop that made them: a command that runs its own loop closes them before it ends."""
    with _lock:
        clients = list(_clients.values())
        _clients.clear()
        _providers.clear()
    for client in clients:
        await client.close()


def build_provider(
    *, api_key: str | None, base_url: str | None, model: str | None, offline: Provider,
    timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S, retry: RetryPolicy | None = None,
) -> Provider:
    """OpenAIProvider when a key or base URL is set, else the offline provider given.

    The provider (and so its circuit breaker) is shared per process, like the client, so a
    dead LLM is noticed across conversations, not rediscovered by each one.
    """
    if not llm_configured(api_key=api_key, base_url=base_url):
        return offline
    model_name = model or DEFAULT_MODEL
    key = (api_key or PLACEHOLDER_KEY, base_url or "", model_name, timeout_s)
    with _lock:
        provider = _providers.get(key)
    if provider is None:
        from agents.providers.openai_provider import OpenAIProvider

        client = get_client(api_key=api_key, base_url=base_url, timeout_s=timeout_s)
        provider = OpenAIProvider(
            client=client, model=model_name, retry=retry,
            breaker=CircuitBreaker(name=f"openai:{model_name}"),
        )
        with _lock:
            provider = _providers.setdefault(key, provider)
    return provider


def reset_for_tests() -> None:
    """Forget cached clients and providers (tests start servers on new ports)."""
    with _lock:
        _clients.clear()
        _providers.clear()
