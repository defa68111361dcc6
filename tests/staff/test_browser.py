"""A staff member in a real browser: the run page, the queue, and a live takeover with the customer's chat.

Daphne runs as a separate process on a free port with its own SQLite file, so the browser sees
exactly what a deployment serves; screenshots go to docs/screenshots/ for the README.
"""

from __future__ import annotations

import pytest

from tests.conftest import chromium_path, screenshot_dir
from tests.staff.servers import daphne_servers, database_prepare, script_run, server_env

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
SHOTS = screenshot_dir()

SEED = """
from supportsite.conversations.models import Message
from supportsite.customers.models import CustomerProfile
from tests.staff.factories import billing_run, bob_duplicate_refund_pending, feedback, handoff_conversation
alice, bob, carol = (CustomerProfile.objects.get(external_id=f"cus_{n}") for n in ("alice", "bob", "carol"))
run = billing_run(customer=alice, draft_text="Your payment failed. Please update your card.",
                  reply="Invoice NW-1003 ($29.00, 2026-11-01) failed because the Visa ending 4242 expired in "
                        "10/2026. Update your card under Billing → Payment methods and we retry the charge.")
feedback(run, "down", "Didn't tell me when the retry happens")
carol_conv = handoff_conversation(customer=carol, minutes_ago=42, reason="policy_needs_approval",
    summary="Carol is locked out after five failed sign-ins and asks for an unlock; identity check needed.")
bob_duplicate_refund_pending(bob)  # first, so the handoff below is bob's latest conversation
bob_conv = handoff_conversation(customer=bob, minutes_ago=7, reason="customer_asked",
    summary="Bob was charged twice for NW-2002 ($99.00) and wants to talk to a person about the refund.")
Message.objects.create(conversation=bob_conv, role="assistant", run=None,
    text="I'm passing you to a member of our team, who will reply here.")
print(json.dumps({"run": str(run.id), "bob_conv": str(bob_conv.id), "carol_conv": str(carol_conv.id)}))
"""


@pytest.fixture
def console_server(tmp_path):
    env = server_env(tmp_path)
    database_prepare(env)
    ids = script_run(env, SEED)
    with daphne_servers(env, 1) as (host,):
        yield f"http://{host}", ids, env.get("DEMO_PASSWORD", "northwind-demo")


def _sign_in(page, base: str, path: str, username: str, password: str) -> None:
    page.goto(f"{base}{path}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form input[type=submit], form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
@pytest.mark.slow
def test_staff_reads_a_run_takes_the_oldest_waiting_conversation_and_replies_live(console_server):
    from playwright.sync_api import expect, sync_playwright

    # expect() waits 5 s unless told otherwise (the context's default timeout does not reach it).
    expect.set_options(timeout=20_000)
    base, ids, password = console_server
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        staff_ctx = browser.new_context(viewport={"width": 1360, "height": 900})
        staff_ctx.set_default_timeout(20_000)
        page = staff_ctx.new_page()
        _sign_in(page, base, "/admin/login/?next=/admin/", "staff", password)

        # The run page: why-card, totals, draft beside final, and a waterfall with overlapping workers.
        page.goto(f"{base}/admin/conversations/agentrun/{ids['run']}/trace/")
        expect(page.locator("#why")).to_contain_text("Why this path")
        expect(page.locator("#draft-vs-final")).to_be_visible()
        worker = ".nw-wf-row[data-agent={}][data-kind=agent] > summary"
        billing = page.locator(worker.format("billing") + " .nw-wf-bar").bounding_box()
        account = page.locator(worker.format("account") + " .nw-wf-bar").bounding_box()
        assert billing["x"] < account["x"] + account["width"] and account["x"] < billing["x"] + billing["width"]
        page.locator(worker.format("billing")).click()
        expect(page.locator(".nw-wf-row[open] .nw-json")).to_contain_text("NW-1003")
        page.screenshot(path=str(SHOTS / "admin-run.png"), full_page=True)

        # The queue: oldest first, with reason and summary.
        page.goto(f"{base}/admin/conversations/conversation/queue/")
        rows = page.locator("#queue tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.nth(0)).to_contain_text("locked out")
        expect(rows.nth(1)).to_contain_text("charged twice")
        page.screenshot(path=str(SHOTS / "admin-queue.png"), full_page=True)

        # Bob has his chat open; staff take his conversation and reply from the live view.
        bob_ctx = browser.new_context(viewport={"width": 900, "height": 760})
        bob_ctx.set_default_timeout(20_000)
        bob = bob_ctx.new_page()
        _sign_in(bob, base, "/accounts/login/", "bob", password)
        bob.goto(f"{base}/")
        expect(bob.locator("#log")).to_contain_text("passing you to a member of our team")

        rows.nth(1).get_by_role("button", name="Take").click()
        page.wait_for_url(f"**/{ids['bob_conv']}/live/")
        expect(page.locator("#conn")).to_have_text("live")
        expect(page.locator("#status")).to_have_text("With a person")
        page.fill("#reply-text", "Hi Bob, Sam here. I can see the duplicate $99.00 charge on NW-2002 — "
                                 "I'm approving the refund now.")
        page.get_by_role("button", name="Send reply").click()
        expect(page.locator("#transcript li.staff")).to_contain_text("approving the refund now")
        expect(bob.locator("#log")).to_contain_text("approving the refund now")

        # Bob answers; the live view shows it without a reload.
        bob.fill("#message", "Great, thank you!")
        bob.locator("#composer button[type=submit], #composer input[type=submit]").first.click()
        expect(page.locator("#transcript li.user").last).to_contain_text("Great, thank you!")
        page.screenshot(path=str(SHOTS / "admin-takeover.png"), full_page=True)

        bob_ctx.close()
        staff_ctx.close()
        browser.close()
