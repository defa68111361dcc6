"""A live Daphne server and Debian's chromium, driven by Playwright for Python.

Daphne serves the real `supportsite.asgi.application` from a thread of the test process, on
127.0.0.1 and a port the OS picks. Sharing the process means the server sees the test
database (including SQLite's in-memory one) and the scripted orchestrator a test installs.
Twisted's reactor runs once per process, so the server lives for the whole session; each test
gets fresh data (demo_tx) and a fresh browser context (no cookies, no storage).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.chat.scripted import ScriptedOrchestrator
from tests.conftest import chromium_path
from tests.support.live import live_server_quiet_at_teardown  # noqa: F401 (autouse)

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def live_server_url() -> str:
    # One Daphne per test process: Twisted's reactor can run only once, and API tests use it too.
    from tests.support import live

    return live.live_server_url()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one test module.

    Playwright's sync API keeps an event loop marked as running on the main thread while it is
    open, so it is closed after each module (async tests elsewhere need the thread to themselves),
    and Django's guard against ORM calls from async code is relaxed meanwhile: the tests' own ORM
    calls run between Playwright calls, never inside its loop.
    """
    from playwright.sync_api import expect, sync_playwright

    # expect() waits 5 s unless told otherwise (a context's default timeout does not reach it):
    # as long as the pages' own actions may take on a busy machine.
    expect.set_options(timeout=20_000)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


@pytest.fixture
def page_for(browser: Any, live_server_url: str) -> Iterator[Any]:
    """A function that opens a new page in a fresh context at the given viewport size."""
    contexts = []

    def open_page(width: int = 1280, height: int = 800) -> Any:
        context = browser.new_context(base_url=live_server_url, viewport={"width": width, "height": height})
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(page_for: Any) -> Any:
    return page_for()


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> ScriptedOrchestrator:
    orchestrator = ScriptedOrchestrator()

    async def orchestrator_get() -> ScriptedOrchestrator:
        return orchestrator

    monkeypatch.setattr("supportsite.conversations.runner.orchestrator_get", orchestrator_get)
    return orchestrator




def sign_in(page: Any, username: str) -> None:
    from django.conf import settings

    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    composer_ready(page)


def composer_ready(page: Any) -> None:
    """Wait until the chat script handles the message box's keys (it is deferred: Enter typed before is a newline)."""
    from playwright.sync_api import expect

    expect(page.locator("#composer[data-ready=true]")).to_have_count(1)


def staff_sign_in(page: Any) -> None:
    """Sign in to the staff console as the demo staff member."""
    from django.conf import settings

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def on_server(func: Any, /, **kwargs: Any) -> Any:
    """Run a sync service as the server would run a request's work: on a thread of its event loop.

    Its after-commit events then reach the page's socket through the server's channel layer,
    as a staff member's action in the admin does.
    """
    import asyncio

    from asgiref.sync import sync_to_async

    from tests.support.live import live_server_loop

    return asyncio.run_coroutine_threadsafe(sync_to_async(func)(**kwargs), live_server_loop()).result(timeout=30)


def release(scripted: ScriptedOrchestrator) -> None:
    """Let the scripted runs the server holds (scripted.hold) go on; they wait on its loop."""
    from tests.support.live import live_server_release

    live_server_release(scripted)
