"""The staff console in a real browser, at desktop and phone widths: the run timeline, and no page
scrolling sideways on a phone."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from supportsite.conversations.models import AgentAction, AgentRun, Conversation, Message
from tests.browser.conftest import staff_sign_in
from tests.conftest import screenshot_dir
from tests.staff.factories import (
    billing_run,
    bob_duplicate_refund_pending,
    conversation_with_message,
    feedback,
    handoff_conversation,
    step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = screenshot_dir()




def _overlaps(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    ordered = sorted(enumerate(boxes), key=lambda item: item[1]["x"])
    return [(a, b) for (a, left), (b, right) in pairwise(ordered)
            if left["x"] + left["width"] > right["x"]]


@pytest.mark.parametrize(("name", "width", "height"), [("trace-desktop", 1280, 900), ("trace-phone", 390, 844)])
def test_the_run_timeline_is_readable_at_desktop_and_phone_widths(demo_tx, page_for, name, width, height):
    run: AgentRun = billing_run(customer=demo_tx["alice"])
    page = page_for(width, height)
    staff_sign_in(page)
    page.goto(f"/admin/conversations/agentrun/{run.id}/trace/")
    expect(page.locator(".nw-wf-row")).to_have_count(run.steps.count())
    labels = page.locator(".nw-wf-axis span:visible")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert len(boxes) >= (3 if width > 600 else 2) and all(box is not None for box in boxes)
    assert _overlaps(boxes) == [], f"axis labels overlap at {width}px: {labels.all_inner_texts()}"
    axis = page.locator(".nw-wf-axis").bounding_box()
    assert all(axis["x"] - 1 <= b["x"] and b["x"] + b["width"] <= axis["x"] + axis["width"] + 1 for b in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


# --- No page scrolls sideways on a phone --------------------------------------------------------------

PHONE = (390, 844)
# What customers paste and staff write: a long link with no place to break, and ids run together.
LONG_LINK = ("https://status.northwind.example/incidents/2026-12-03/deploy-failure-" + "x" * 60
             + "?ref=ticket_9f8e7d6c5b4a39281706f5e4d3c2b1a0")
LONG_ID = "build_id_" + "a1b2c3d4" * 8


@dataclass
class Console:
    """What the staff console shows in these tests: a queue, an approval, a decision, a traced run."""

    waiting: Conversation
    run: AgentRun
    pending: AgentAction
    decided: AgentAction


@pytest.fixture
def console(demo_tx) -> Console:
    alice, bob, carol = demo_tx["alice"], demo_tx["bob"], demo_tx["carol"]
    staff = get_user_model().objects.get(username="staff")
    waiting = handoff_conversation(
        customer=alice, minutes_ago=12,
        summary=f'Asked: "my deploy fails, see {LONG_LINK}" (intent technical)\nFacts: {LONG_ID}',
    )
    run = billing_run(customer=alice, conversation=waiting, text=f"Why did it fail? {LONG_LINK}",
                      reply=f"Invoice NW-1003 failed; the details are at {LONG_LINK}.",
                      draft_text=f"See {LONG_LINK}")
    feedback(run, "down", comment=f"The link {LONG_LINK} is not the right one")
    handoff_conversation(customer=bob, minutes_ago=3, reason="policy_needs_approval")
    pending = bob_duplicate_refund_pending(bob)
    with_person, _ = conversation_with_message(customer=carol, text="Can you unlock my account?",
                                               status=Conversation.Status.WITH_PERSON)
    with_person.assigned_to = staff
    with_person.save(update_fields=["assigned_to"])
    decided = AgentAction.objects.create(
        run=run, conversation=waiting, customer=alice, kind=AgentAction.Kind.ACCOUNT_UNLOCK,
        status=AgentAction.Status.COMPLETED, request_key=f"{run.id}:unlock", payload={"reference": LONG_ID},
        decided_by=staff, decided_at=timezone.now(), decision_note=f"Checked by phone, see {LONG_LINK}",
    )
    return Console(waiting=waiting, run=run, pending=pending, decided=decided)


@dataclass
class StaffPage:
    path: Callable[[Console], str]
    shows: Callable[[Console], str]  # a selector that proves the page shows what the test is about


STAFF_PAGES = {
    "home": StaffPage(lambda c: "/admin/", lambda c: "#staff-console"),
    "queue": StaffPage(lambda c: "/admin/conversations/conversation/queue/",
                       lambda c: f"#queue tr[data-conversation='{c.waiting.pk}']"),
    "dashboard": StaffPage(lambda c: "/admin/conversations/conversation/dashboard/", lambda c: "#chart-per-day"),
    "approvals": StaffPage(lambda c: "/admin/conversations/agentaction/approvals/",
                           lambda c: f"#action-{c.pending.pk}"),
    "conversation": StaffPage(lambda c: f"/admin/conversations/conversation/{c.waiting.pk}/change/",
                              lambda c: ".nw-transcript li.user"),
    "live view": StaffPage(lambda c: f"/admin/conversations/conversation/{c.waiting.pk}/live/",
                           lambda c: "#transcript li.assistant"),
    "run": StaffPage(lambda c: f"/admin/conversations/agentrun/{c.run.pk}/change/",
                     lambda c: ".inline-group tbody tr.has_original"),
    "run trace": StaffPage(lambda c: f"/admin/conversations/agentrun/{c.run.pk}/trace/", lambda c: "#draft-vs-final"),
    **{
        f"{name} list": StaffPage(lambda c, name=name: f"/admin/conversations/{name}/",
                                  lambda c: "#result_list tbody tr")
        for name in ("conversation", "agentrun", "agentaction", "feedback", "message", "agentstep")
    },
}

# Elements on the console's own pages that hold text: none may be wider than the screen, nor its text
# wider than the element (a long link that runs out of its bubble is cut off, or pushes the page wide).
TEXT_BOXES = (".nw-transcript li, .nw-bubble, .nw-card dd, .nw-card p, .nw-stack td, .nw-run > ul li, "
              "#staff-console td, #staff-console th")
OVERFLOWING = """(selector) => [...document.querySelectorAll(selector)]
    .filter((el) => el.getClientRects().length
            && (el.getBoundingClientRect().right > window.innerWidth + 1 || el.scrollWidth > el.clientWidth + 1))
    .map((el) => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 60)}`)"""


def _page_width(page: Any) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("name", list(STAFF_PAGES))
def test_no_staff_page_scrolls_sideways_on_a_phone(console, page_for, name):
    staff_page = STAFF_PAGES[name]
    page = page_for(*PHONE)
    staff_sign_in(page)
    page.goto(staff_page.path(console))
    expect(page.locator(staff_page.shows(console)).first).to_be_visible()
    scroll_width, inner_width = _page_width(page)
    assert inner_width == PHONE[0]
    assert scroll_width <= inner_width + 1, f"the {name} page is {scroll_width}px wide on a {inner_width}px screen"
    assert page.evaluate(OVERFLOWING, TEXT_BOXES) == [], f"text runs out of its box on the {name} page"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-{name.replace(' ', '-')}.png"), full_page=True)


def test_on_a_phone_each_queue_row_is_a_card_whose_cells_name_their_column_and_whose_buttons_are_on_screen(
    console, page_for
):
    page = page_for(*PHONE)
    staff_sign_in(page)
    page.goto("/admin/conversations/conversation/queue/")
    row = page.locator(f"#queue tr[data-conversation='{console.waiting.pk}']")
    expect(row.locator(".summary")).to_contain_text(LONG_LINK[:40])
    labels = row.locator("td").evaluate_all(
        "(cells) => cells.map((td) => getComputedStyle(td, '::before').content.replaceAll('\"', ''))")
    assert labels[:4] == ["Waiting since", "Customer", "Reason", "Summary"]
    for button in (row.get_by_role("button", name="Take"), row.get_by_role("link", name="View")):
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0]
    # The summary takes the card's whole width and wraps the link inside it.
    summary, card = row.locator(".summary").bounding_box(), row.bounding_box()
    assert summary["width"] >= card["width"] - 30 and summary["height"] > 100


def test_on_a_desktop_the_queue_stays_a_table_with_its_header_row(console, page_for):
    page = page_for(1280, 800)
    staff_sign_in(page)
    page.goto("/admin/conversations/conversation/queue/")
    expect(page.locator("#queue thead th").first).to_be_visible()
    row = page.locator(f"#queue tr[data-conversation='{console.waiting.pk}']")
    tops = [round(box["y"]) for box in (row.locator("td").nth(i).bounding_box() for i in range(5))]
    assert len(set(tops)) == 1, f"the row's cells are not side by side: {tops}"
    take, view = row.get_by_role("button", name="Take").bounding_box(), row.get_by_role("link", name="View").bounding_box()
    assert abs(take["y"] - view["y"]) < 4, "Take and View are no longer on one line"
    assert _page_width(page)[0] <= 1280


# How many lines an element's text is laid out on: the distinct tops of its text nodes' line boxes.
TEXT_LINES = """(el) => {
    const tops = new Set(), walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange(); range.selectNodeContents(node);
        for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
    }
    return tops.size; }"""


def test_on_a_phone_an_inline_tables_one_word_cells_are_not_broken_letter_by_letter(console, page_for):
    page = page_for(*PHONE)
    staff_sign_in(page)
    page.goto(f"/admin/conversations/conversation/{console.waiting.pk}/change/")
    status = page.locator(".inline-group td.field-status").filter(has_text="Completed").first
    expect(status).to_be_visible()
    # The decision note beside it is a long link: it must not squeeze its neighbours to a few letters a line;
    # the inline table scrolls inside its own box instead of widening the page.
    assert status.evaluate(TEXT_LINES) == 1, "'Completed' is broken over several lines"
    assert _page_width(page)[0] <= PHONE[0] + 1


@pytest.mark.parametrize("name", list(STAFF_PAGES))
def test_no_staff_page_scrolls_sideways_on_a_laptop(console, page_for, name):
    # A run's steps table is wider than a laptop's screen: it scrolls inside its own box.
    staff_page = STAFF_PAGES[name]
    page = page_for(1280, 800)
    staff_sign_in(page)
    page.goto(staff_page.path(console))
    expect(page.locator(staff_page.shows(console)).first).to_be_visible()
    scroll_width, inner_width = _page_width(page)
    assert scroll_width <= inner_width + 1, f"the {name} page is {scroll_width}px wide on a {inner_width}px screen"


# --- What staff read: replies, times, the latest messages, charts, the timeline, the FAQ list -------------

WIDTHS = [("desktop", 1280, 900), ("phone", 390, 844)]
# The transcript's times, as the server writes them (Django's "M j, H:i:s").
TRANSCRIPT_TIME = r"· [A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2}:\d{2}"


@pytest.mark.parametrize(("name", "width", "height"), WIDTHS)
def test_a_reply_sent_from_the_live_view_reads_as_the_customer_sees_it_with_the_transcripts_times(
    demo_tx, page_for, name, width, height
):
    waiting = handoff_conversation(customer=demo_tx["alice"], minutes_ago=2)
    page = page_for(width, height)
    staff_sign_in(page)
    page.goto(f"/admin/conversations/conversation/{waiting.pk}/live/")
    expect(page.locator("#conn")).to_have_text("live")
    take = page.get_by_role("button", name="Take this conversation")
    expect(take).to_be_visible()
    page.fill("#reply-text", "I'll refund **$29.00** today. <img src=x onerror=\"window.__xss=1\">")
    page.get_by_role("button", name="Send reply").click()
    expect(take).to_be_hidden()  # the reply took the conversation
    reply = page.locator("#transcript > li.staff").last
    expect(reply.locator("strong")).to_have_text("$29.00")
    expect(reply.locator(".text")).to_contain_text('<img src=x onerror="window.__xss=1">')  # as text
    assert page.locator("#transcript img").count() == 0 and page.evaluate("window.__xss") is None
    metas = page.locator("#transcript > li:not(.event) > .meta").all_inner_texts()
    assert len(metas) >= 2 and all(re.search(TRANSCRIPT_TIME, meta) for meta in metas), metas
    page.screenshot(path=str(SCREENSHOTS / f"live-reply-{name}.png"), full_page=True)


@pytest.mark.parametrize(("name", "width", "height"), WIDTHS)
def test_the_conversation_page_opens_its_transcript_on_the_latest_messages(demo_tx, page_for, name, width, height):
    conversation, _ = conversation_with_message(customer=demo_tx["alice"], text="The first question")
    for i in range(30):
        Message.objects.create(conversation=conversation, role=Message.Role.USER, text=f"Question {i}",
                               client_id=f"q-{i}")
        Message.objects.create(conversation=conversation, role=Message.Role.ASSISTANT, text=f"Answer {i}")
    Message.objects.create(conversation=conversation, role=Message.Role.USER, text="The latest question",
                           client_id="q-last")
    page = page_for(width, height)
    staff_sign_in(page)
    page.goto(f"/admin/conversations/conversation/{conversation.pk}/change/")
    box = page.locator("#conversation-transcript")
    latest = box.locator("> li").last
    expect(latest).to_contain_text("The latest question")
    page.wait_for_function("(box) => box.scrollTop > 0", arg=box.element_handle())
    box_rect, latest_rect = box.bounding_box(), latest.bounding_box()
    assert box_rect["y"] <= latest_rect["y"] and latest_rect["y"] + latest_rect["height"] <= box_rect["y"] + box_rect["height"] + 1
    box.screenshot(path=str(SCREENSHOTS / f"conversation-transcript-{name}.png"))


@pytest.mark.parametrize(("name", "width", "height"), WIDTHS)
def test_the_dashboards_charts_are_readable_and_whole_at_desktop_and_phone_widths(demo_tx, page_for, name, width,
                                                                                   height):
    for _ in range(3):
        billing_run(customer=demo_tx["alice"], route="resolver")
    billing_run(customer=demo_tx["bob"], route="faq")
    handoff_conversation(customer=demo_tx["carol"], minutes_ago=5, reason="customer_asked")
    handoff_conversation(customer=demo_tx["bob"], minutes_ago=9, reason="policy_needs_approval")
    page = page_for(width, height)
    staff_sign_in(page)
    page.goto("/admin/conversations/conversation/dashboard/")
    expect(page.locator("#period")).to_contain_text("The last 14 days. Show:")
    # The charts' words are drawn at a readable size (they were about 5 px tall, scaled down with the drawing).
    heights = page.locator(".nw-chart text").evaluate_all("(texts) => texts.map((t) => t.getBoundingClientRect().height)")
    assert heights and min(heights) >= 9, f"chart labels {min(heights):.1f}px tall at {width}px"
    clipped = page.locator(".nw-chart text").evaluate_all("""(texts) => texts.filter((t) => {
        const box = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
        return box.left < svg.left - 1 || box.right > svg.right + 1; }).map((t) => t.textContent)""")
    assert clipped == [], f"chart labels cut at the drawing's edge: {clipped}"
    for chart in ("#chart-per-day", "#chart-latency"):
        days = page.locator(f"{chart} text[text-anchor=middle]")
        boxes = [days.nth(i).bounding_box() for i in range(days.count())]
        assert len(boxes) >= 3 and _overlaps(boxes) == [], f"day labels overlap in {chart} at {width}px"
    # Labels and values of the bars are whole: "Customer asked for a person", "75.0% (3)".
    cut = page.evaluate("""() => [...document.querySelectorAll('.nw-hbar')].flatMap((bar) => {
        const card = bar.closest('.nw-card').getBoundingClientRect();
        return [...bar.children].filter((el) => el.scrollWidth > el.clientWidth + 1
            || el.getBoundingClientRect().right > card.right).map((el) => el.textContent); })""")
    assert cut == []
    expect(page.locator("#chart-handoffs")).to_contain_text("Customer asked for a person")
    expect(page.locator("#chart-routes")).to_contain_text("75.0% (3)")
    page.screenshot(path=str(SCREENSHOTS / f"dashboard-{name}.png"), full_page=True)


def test_on_a_phone_the_timeline_tells_sibling_tool_steps_apart(demo_tx, page_for):
    run = billing_run(customer=demo_tx["alice"])
    billing = run.steps.get(agent="billing", kind="agent")
    tools = ("invoices", "payments", "card", "refunds", "subscription", "plans")
    for i, tool in enumerate(tools):
        step(run, agent="tool", kind="tool", name=f"billing.{tool}", start_ms=150 + i, end_ms=400, parent=billing)
    page = page_for(*PHONE)
    staff_sign_in(page)
    page.goto(f"/admin/conversations/agentrun/{run.pk}/trace/")
    names = page.locator(".nw-wf-row[data-agent=tool] .nw-wf-name")
    expect(names).to_have_count(len(tools))
    shown = names.evaluate_all("(els) => els.map((el) => [el.innerText.replace(/^tool\\s*/i, '').trim(), "
                               "el.scrollWidth <= el.clientWidth + 1])")
    assert [text for text, _ in shown] == list(tools), shown
    assert all(whole for _, whole in shown), f"a tool's name is cut off: {shown}"
    page.locator("#waterfall").screenshot(path=str(SCREENSHOTS / "phone-trace-tools.png"))


def test_at_1280_px_the_faq_list_fits_its_column_beside_the_menu_and_the_filters(demo_tx, page_for):
    page = page_for(1280, 900)
    staff_sign_in(page)
    page.goto("/admin/knowledge/faqentry/")
    expect(page.locator("#result_list tbody tr").first).to_be_visible()
    table, column = page.locator("#result_list").bounding_box(), page.locator(".results").bounding_box()
    assert table["width"] <= column["width"] + 1, f"the list is {table['width']}px in a {column['width']}px column"
    last = page.locator("#result_list thead th").last.bounding_box()
    assert last["x"] + last["width"] <= column["x"] + column["width"] + 1
    page.screenshot(path=str(SCREENSHOTS / "faq-list-desktop.png"), full_page=True)
