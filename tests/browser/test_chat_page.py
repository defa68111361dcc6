"""The chat page in a real browser: Debian's chromium, a live Daphne server, the real ASGI app."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from agents.outcome import Source
from supportsite.conversations.models import Conversation, Feedback, Message
from supportsite.conversations.staff import conversation_hand_back, staff_reply
from tests.browser.conftest import composer_ready, on_server, release, sign_in
from tests.conftest import screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = screenshot_dir()

# Every text the streaming bubble shows, recorded as it changes (installed before the page loads).
RECORD_STREAMING = """
window.__streamed = [];
new MutationObserver(() => {
  document.querySelectorAll('.msg-assistant.streaming .msg-body').forEach((body) => {
    const text = body.textContent;
    if (window.__streamed[window.__streamed.length - 1] !== text) window.__streamed.push(text);
  });
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def expect(target: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def send(page: Any, text: str) -> None:
    composer_ready(page)
    page.get_by_label("Message").fill(text)
    page.get_by_label("Message").press("Enter")


def test_a_message_gets_a_reply_streamed_in_pieces_with_a_progress_line(demo_tx, page, scripted):
    # The run is held once its step has started, so the progress line stays up until it was seen,
    # and each piece is its own frame, so the bubble shows each step of the stream.
    scripted.hold = True
    scripted.piece_frames = True
    scripted.pieces = ["Thanks for asking. ", "Here is **the answer** ", "you need."]
    page.add_init_script(RECORD_STREAMING)
    page.goto("/")
    send(page, "Hello there")
    try:
        expect(page.locator("#progress")).to_have_text("Writing a reply…")
    finally:
        release(scripted)
    reply = page.locator(".msg-assistant").last
    expect(reply.locator(".msg-body strong")).to_have_text("the answer")
    expect(page.locator("#progress")).to_have_text("")
    streamed = page.evaluate("window.__streamed")
    assert streamed[:3] == ["Thanks for asking. ", "Thanks for asking. Here is **the answer** ",
                            "Thanks for asking. Here is **the answer** you need."]
    expect(page.locator(".msg-user .msg-body")).to_have_text("Hello there")
    expect(page.locator("#announcer")).to_contain_text("Thanks for asking.")


def test_alice_signs_in_learns_why_her_payment_failed_and_sees_the_history_after_a_reload(demo_tx, page):
    sign_in(page, "alice")
    expect(page.get_by_text("Signed in as")).to_contain_text("Alice Martin")
    send(page, "why did my last payment fail?")
    reply = page.locator(".msg-assistant").last
    expect(reply).to_contain_text("NW-1003", timeout=60_000)
    expect(reply).to_contain_text("4242")

    page.reload()
    expect(page.locator(".msg-user .msg-body")).to_have_text(["why did my last payment fail?"])
    expect(page.locator(".msg-assistant").last).to_contain_text("NW-1003")
    conversations = page.locator("#conversation-list .conversation-item")
    expect(conversations).to_have_count(1)
    expect(conversations.first).to_contain_text("why did my last payment fail?")


def test_a_visitor_who_signs_in_mid_chat_keeps_the_conversation(demo_tx, page, scripted):
    page.goto("/")
    send(page, "my card was charged twice")
    expect(page.locator(".msg-assistant")).to_have_count(1)
    sign_in(page, "bob")
    expect(page.get_by_text("Signed in as")).to_contain_text("Bob")
    expect(page.locator(".msg-user .msg-body")).to_have_text(["my card was charged twice"])
    conversation = Conversation.objects.get()
    assert conversation.customer == demo_tx["bob"]


def test_a_signed_in_customer_starts_a_new_conversation_and_reopens_the_earlier_one(demo_tx, page, scripted):
    sign_in(page, "bob")
    send(page, "first question")
    expect(page.locator(".msg-assistant")).to_have_count(1)
    page.get_by_role("button", name="New conversation", exact=True).click()
    expect(page.locator(".msg")).to_have_count(0)
    send(page, "second question")
    expect(page.locator(".msg-assistant")).to_have_count(1)
    items = page.locator("#conversation-list .conversation-item")
    expect(items).to_have_count(2)
    items.filter(has_text="first question").click()
    expect(page.locator(".msg-user .msg-body")).to_have_text(["first question"])
    page.reload()  # the reopened conversation stays open in this tab
    expect(page.locator(".msg-user .msg-body")).to_have_text(["first question"])
    assert Conversation.objects.filter(customer__user__username="bob").count() == 2


def test_thumbs_down_with_a_comment_is_saved_for_staff(demo_tx, page, scripted):
    page.goto("/")
    send(page, "How do I export my data?")
    reply = page.locator(".msg-assistant").last
    expect(reply.locator(".msg-body")).to_contain_text("what I found")
    reply.get_by_role("button", name="Not helpful").click()
    expect(reply.get_by_role("button", name="Not helpful")).to_have_attribute("aria-pressed", "true")
    comment = reply.get_by_label("Tell us more (optional)")
    expect(comment).to_be_focused()
    comment.fill("It did not answer my question")
    reply.get_by_role("button", name="Send feedback").click()
    expect(reply.locator(".feedback-thanks")).to_have_text("Thanks — your comment was saved.")
    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.comment, feedback.message.role) == ("down", "It did not answer my question", "assistant")
    page.reload()  # the rating is remembered
    expect(page.locator(".msg-assistant").last.get_by_role("button", name="Not helpful")).to_have_attribute(
        "aria-pressed", "true")


def test_html_and_script_in_messages_show_as_text(demo_tx, page, scripted):
    scripted.echo = True
    payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>bold?</b>'
    page.goto("/")
    send(page, payload)
    expect(page.locator(".msg-user .msg-body")).to_have_text(payload)
    expect(page.locator(".msg-assistant .msg-body")).to_contain_text("<script>window.__xss=2</script>")
    assert page.locator("#log img, #log script, #log b").count() == 0
    assert page.evaluate("window.__xss") is None
    page.reload()
    expect(page.locator(".msg-assistant .msg-body")).to_contain_text('<img src=x onerror="window.__xss=1">')
    assert page.locator("#log img, #log script, #log b").count() == 0


def test_a_too_long_message_is_refused_in_the_page_before_sending(demo_tx, page, scripted):
    limit = settings.SUPPORT["MAX_MESSAGE_CHARS"]
    page.goto("/")
    box = page.get_by_label("Message")
    box.fill("x" * (limit + 1))
    expect(page.locator("#composer-error")).to_contain_text(f"the most is {limit}")
    expect(box).to_have_attribute("aria-invalid", "true")
    box.press("Enter")
    expect(page.locator(".msg-user")).to_have_count(0)
    expect(box).to_have_value("x" * (limit + 1))  # kept, so it can be shortened
    assert not Message.objects.exists()


def test_the_page_recovers_from_a_dropped_socket_and_sends_nothing_twice(demo_tx, page, scripted):
    network = {"down": False, "drop_after_text": None, "routes": []}

    def route(ws: Any) -> None:
        if network["down"]:
            ws.close()
            return
        server = ws.connect_to_server()
        network["routes"].append(ws)

        def to_server(message: str | bytes) -> None:
            server.send(message)
            # Lose the connection just after this message reaches the server: its ack never arrives.
            if network["drop_after_text"] and isinstance(message, str) and network["drop_after_text"] in message:
                network["drop_after_text"] = None
                network["down"] = True
                ws.close()

        ws.on_message(to_server)

    page.route_web_socket(re.compile(r".*/ws/chat/.*"), route)
    page.goto("/")
    send(page, "first message")
    expect(page.locator(".msg-assistant")).to_have_count(1)

    # The network goes away: the page says so and queues what is typed meanwhile.
    network["down"] = True
    network["routes"][-1].close()
    expect(page.locator("#connection")).to_contain_text("Reconnecting…")
    send(page, "written while offline")
    expect(page.locator(".msg-user").last.locator(".msg-state")).to_contain_text("will send when we're back")
    network["down"] = False
    expect(page.locator(".msg-assistant")).to_have_count(2, timeout=30_000)
    expect(page.locator("#connection")).to_have_text(re.compile("Connected again|^$"))

    # A message stored by the server whose ack was lost is not stored again on reconnect,
    # and the reply produced meanwhile is shown on return.
    network["drop_after_text"] = "ack never arrives"
    send(page, "the ack never arrives")
    expect(page.locator("#connection")).to_contain_text("Reconnecting…")
    network["down"] = False
    expect(page.locator(".msg-assistant")).to_have_count(3, timeout=30_000)

    expect(page.locator(".msg-user .msg-body")).to_have_text(
        ["first message", "written while offline", "the ack never arrives"])
    stored = list(Message.objects.filter(role="user").order_by("created_at").values_list("text", flat=True))
    assert stored == ["first message", "written while offline", "the ack never arrives"]
    assert Message.objects.filter(role="assistant").count() == 3
    assert scripted.messages == stored  # one run per message
    assert page.evaluate("JSON.parse(sessionStorage.getItem('nw-chat:anonymous:outbox'))") == []


def test_keyboard_only_from_sign_in_to_a_reply(demo_tx, page, scripted):
    page.goto("/accounts/login/")
    expect(page.get_by_label("Username")).to_be_focused()
    page.keyboard.type("carol")
    page.keyboard.press("Tab")
    page.keyboard.type(settings.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/")
    composer_ready(page)  # the chat script handles Enter from here (under load it loaded after typing began: CI)
    box = page.get_by_label("Message")
    expect(box).to_be_focused()
    page.keyboard.type("First line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second line")
    expect(box).to_have_value("First line\nsecond line")
    page.keyboard.press("Enter")
    expect(page.locator(".msg-user .msg-body")).to_have_text("First line\nsecond line")
    expect(page.locator(".msg-assistant .msg-body")).to_contain_text("what I found")
    expect(box).to_be_focused()
    # The feedback buttons and "Talk to a person" are reachable with Tab alone.
    reached = set()
    for _ in range(25):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()"))
    assert {"Talk to a person", "Helpful", "Not helpful", "Sign out"} <= reached


def test_talk_to_a_person_then_a_staff_reply_marked_as_a_person_and_the_hand_back(demo_tx, page, scripted):
    sign_in(page, "alice")
    page.get_by_role("button", name="Talk to a person").click()
    expect(page.locator(".notice").last).to_contain_text("A person from our support team will reply here, usually within")
    expect(page.locator("#status-line")).to_contain_text("Waiting for a person")
    expect(page.get_by_role("button", name="A person is on the way")).to_be_disabled()
    conversation = Conversation.objects.get(customer__user__username="alice")
    assert (conversation.status, conversation.handoff_reason) == ("waiting", "customer_asked")

    staff = User.objects.get(username="staff")
    on_server(staff_reply, conversation_id=conversation.id, staff_user=staff, text="Hello Alice, **I can help**.")
    staff_message = page.locator(".msg-staff")
    expect(staff_message.locator(".badge")).to_have_text("Person")
    expect(staff_message.locator("strong")).to_have_text("I can help")
    expect(page.locator("#status-line")).to_contain_text("chatting with a person")
    expect(page.locator(".conversation-meta").first).to_contain_text("With a person")
    scripted.echo = True
    send(page, "Also, is NW-1002 paid?")  # to the person: stored, and no agent answers it meanwhile
    expect(page.locator(".msg-user").last).to_contain_text("Also, is NW-1002 paid?")
    on_server(conversation_hand_back, conversation_id=conversation.id, staff_user=staff, note="")
    expect(page.locator(".notice").last).to_contain_text("handed the conversation back")
    expect(page.get_by_role("button", name="Talk to a person")).to_be_enabled()
    # The question no person answered is answered by the agents, and the list shows the new status.
    expect(page.locator(".msg-assistant").last).to_contain_text("You wrote: Also, is NW-1002 paid?")
    expect(page.locator(".conversation-meta").first).to_contain_text("Open")
    assert scripted.messages == ["Also, is NW-1002 paid?"]


def test_faq_answers_name_the_help_centre_entry_and_article_links_open_the_article(demo_tx, page, scripted):
    scripted.sources = [
        Source(kind="faq", title="How do I reset my password?", ref="1"),
        Source(kind="article", title="API rate limits and HTTP 429", url="/help/api-rate-limits-429/",
               ref="api-rate-limits-429"),
    ]
    page.goto("/")
    send(page, "password and 429s")
    reply = page.locator(".msg-assistant").last
    expect(reply.locator(".msg-source").first).to_have_text("From the help centre: How do I reset my password?")
    link = reply.get_by_role("link", name="API rate limits and HTTP 429")
    expect(link).to_have_attribute("href", "/help/api-rate-limits-429/")
    page.goto(link.get_attribute("href"))
    expect(page.get_by_role("heading", level=1)).to_have_text("API rate limits and HTTP 429")
    expect(page.locator(".article-body ol li").first).to_contain_text("Retry-After")


def _layout_is_tidy(page: Any) -> None:
    width = page.evaluate("window.innerWidth")
    height = page.evaluate("window.innerHeight")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    for selector in ("#message", "#send", "#handoff"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, selector
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{selector} is off screen"


def test_the_page_is_tidy_at_desktop_and_phone_widths(demo_tx, page_for, scripted):
    scripted.sources = [Source(kind="faq", title="Why did my payment fail?", ref="7")]
    scripted.pieces = [
        "Your last invoice, **NW-1003** ($29.00, 2026-11-01), failed because the card ending 4242 expired.\n\n",
        "To fix it:\n\n1. Open **Billing → Payment methods**.\n2. Add a new card.\n3. Choose *Retry payment*.",
    ]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, width, height in (("chat-desktop", 1280, 800), ("chat-phone", 390, 844)):
        page = page_for(width, height)
        sign_in(page, "alice")
        if name == "chat-desktop":
            send(page, "why did my last payment fail?")
        expect(page.locator(".msg-assistant .msg-source")).to_have_text("From the help centre: Why did my payment fail?")
        if name == "chat-desktop":
            expect(page.locator("#conversation-list .conversation-item")).to_contain_text(["why did my last payment"])
        else:
            expect(page.locator("#sidebar")).to_be_hidden()  # behind the "Conversations" button on phones
        _layout_is_tidy(page)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_a_long_conversation_scrolls_inside_the_chat_and_never_makes_the_page_taller(demo_tx, page_for, scripted):
    scripted.pieces = ["Your last invoice failed because the card ending 4242 expired.\n\n",
                       "1. Open **Billing → Payment methods**.\n2. Add a new card.\n3. Choose *Retry payment*."]
    page = page_for(390, 844)
    sign_in(page, "alice")
    for turn in range(1, 7):
        send(page, f"question {turn}: why did my last payment fail?")
        expect(page.locator(".msg-assistant .feedback")).to_have_count(turn)
    log_heights = page.evaluate("[document.querySelector('.log').scrollHeight, document.querySelector('.log').clientHeight]")
    assert log_heights[0] > 2 * log_heights[1], "the transcript should be several screens long for this check"
    # Every message's visually hidden label must stay inside the scrolling transcript: one that hangs below
    # the page lets a phone scroll the whole page into blank space under the chat.
    assert page.evaluate("document.documentElement.scrollHeight") <= page.evaluate("window.innerHeight")
    _layout_is_tidy(page)


def test_asking_for_a_person_before_the_socket_connects_is_sent_once_it_does(demo_tx, page, scripted):
    network = {"down": True}

    def route(ws: Any) -> None:
        if network["down"]:
            ws.close()
            return
        ws.connect_to_server()

    sign_in(page, "alice")
    page.route_web_socket(re.compile(r".*/ws/chat/.*"), route)
    page.goto("/")
    page.get_by_role("button", name="Talk to a person").click()
    expect(page.get_by_role("alert")).to_contain_text("We'll ask for a person as soon as we're connected.")
    network["down"] = False
    expect(page.locator("#status-line")).to_contain_text("Waiting for a person", timeout=30_000)
    conversation = Conversation.objects.get(customer__user__username="alice")
    assert (conversation.status, conversation.handoff_reason) == ("waiting", "customer_asked")
    expect(page.get_by_text("We'll ask for a person")).to_have_count(0)


def test_a_reply_whose_frame_was_lost_is_shown_once_the_page_reloads_the_conversation(
    demo_tx, page, scripted, monkeypatch, settings
):
    # The layer loses the reply's frame (as when Redis blinks during the send); the socket stays open.
    from supportsite.conversations import services

    settings.SUPPORT = {**settings.SUPPORT, "CHAT_RESYNC_AFTER_S": 1.0}
    publish = services.conversation_event_publish

    def publish_all_but_replies(*, conversation_id: Any, payload: dict[str, Any], **kwargs: Any) -> None:
        if payload.get("type") != "assistant.message":
            publish(conversation_id=conversation_id, payload=payload, **kwargs)

    monkeypatch.setattr(services, "conversation_event_publish", publish_all_but_replies)
    page.goto("/")
    send(page, "Hello there")
    expect(page.locator(".msg-assistant .msg-body strong")).to_have_text("what I found")
    expect(page.locator(".msg-assistant")).to_have_count(1)
    expect(page.locator(".msg-user .msg-body")).to_have_text(["Hello there"])
    expect(page.locator("#progress")).to_have_text("")


def test_progress_of_a_run_already_answered_is_ignored_when_it_arrives_after_the_reload(demo_tx, page, scripted):
    # A socket joins the conversation's group before the server reads the conversation, so a
    # frame sent in between reaches the page after conversation.state, reply included. Here the
    # route plays such late frames (a step starting, a piece of text) of each answered run.
    sockets: list[Any] = []

    def route(ws: Any) -> None:
        server = ws.connect_to_server()
        sockets.append(ws)

        def to_page(message: str | bytes) -> None:
            ws.send(message)
            if not isinstance(message, str) or '"conversation.state"' not in message:
                return
            answered = [m["run_id"] for m in json.loads(message)["messages"] if m.get("run_id")]
            for run_id in answered:
                ws.send(json.dumps({"type": "agent.step", "run_id": run_id, "step_id": f"late-{run_id}",
                                    "agent": "billing", "status": "started", "label": "Checking your billing…"}))
                ws.send(json.dumps({"type": "assistant.delta", "run_id": run_id, "text": "A late piece."}))
            if answered:  # shown only once the frames before it were handled
                ws.send(json.dumps({"type": "staff.message", "message_id": "marker", "text": "Marker.",
                                    "author": "Sam"}))

        server.on_message(to_page)

    page.route_web_socket(re.compile(r".*/ws/chat/.*"), route)
    page.goto("/")
    send(page, "Hello there")
    expect(page.locator(".msg-assistant .msg-body strong")).to_have_text("what I found")
    sockets[-1].close()  # the page reconnects and loads the conversation again
    expect(page.locator(".msg-staff .msg-body")).to_have_text("Marker.", timeout=30_000)
    expect(page.locator("#progress")).to_have_text("")
    expect(page.locator(".msg-body", has_text="A late piece.")).to_have_count(0)
    expect(page.locator(".msg-assistant")).to_have_count(1)
    # The page still follows a new run.
    send(page, "And another thing")
    expect(page.locator(".msg-assistant")).to_have_count(2)


def test_while_only_an_approval_waits_the_assistant_answers_and_a_person_can_still_be_asked_for(
        demo_tx, page, scripted):
    sign_in(page, "alice")
    expect(page.locator("#status-line")).to_contain_text("Our assistant answers")
    # The socket creates the conversation after the page renders; the list shows it once it exists.
    expect(page.locator(".conversation-meta").first).to_contain_text("Open")
    updated = Conversation.objects.filter(customer__user__username="alice").update(
        status="waiting", handoff_reason="policy_needs_approval")
    assert updated == 1
    page.reload()
    expect(page.locator("#status-line")).to_contain_text("reviewing a request of yours; our assistant still answers")
    expect(page.locator(".conversation-meta").first).to_contain_text("Waiting for an approval")
    expect(page.get_by_role("button", name="Talk to a person")).to_be_enabled()
    scripted.echo = True
    send(page, "What plan am I on?")
    expect(page.locator(".msg-assistant").last).to_contain_text("You wrote: What plan am I on?")
    page.get_by_role("button", name="Talk to a person").click()
    expect(page.locator("#status-line")).to_contain_text("Waiting for a person")
    expect(page.get_by_role("button", name="A person is on the way")).to_be_disabled()
    conversation = Conversation.objects.get(customer__user__username="alice")
    assert (conversation.status, conversation.handoff_reason) == ("waiting", "customer_asked")
