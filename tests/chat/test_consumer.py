"""The chat websocket through the real ASGI stack (session auth and origin check included)."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth.models import User

from agents.outcome import Source
from supportsite.conversations.events import conversation_events_send
from supportsite.conversations.models import AgentRun, Conversation, ConversationEvent, Feedback, Message
from supportsite.conversations.runner import runs_drain
from supportsite.conversations.staff import conversation_hand_back, conversation_take, staff_reply
from tests.support.ws import ORIGIN, Communicator, ask, chat_connect, frames_until, session_cookie_for

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def cookie_for(username: str | None) -> str:
    return await sync_to_async(session_cookie_for)(username)


async def test_a_reply_streams_in_pieces_then_arrives_whole_with_safe_html(demo_tx, scripted):
    # Each piece handed over on its own, so each arrives as a frame of its own.
    scripted.piece_frames = True
    communicator, _ = await chat_connect()
    reply, frames = await ask(communicator, "hello", "s-1")
    types = [f["type"] for f in frames]
    assert types[0] == "message.ack"
    deltas = [f["text"] for f in frames if f["type"] == "assistant.delta"]
    assert deltas == scripted.pieces
    assert "".join(deltas) == reply["text"]
    assert types.index("agent.step") < types.index("assistant.delta") < types.index("assistant.message")
    started = next(f for f in frames if f["type"] == "agent.step")
    assert started["status"] == "started" and started["label"] == "Writing a reply…"
    assert "<strong>what I found</strong>" in reply["html"]
    await runs_drain()
    await communicator.disconnect()


async def test_html_and_script_in_a_reply_are_sent_as_text_never_as_markup(demo_tx, scripted):
    scripted.pieces = ["<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"]
    communicator, _ = await chat_connect()
    reply, _ = await ask(communicator, "<b>hi</b>", "x-1")
    assert "<script" not in reply["html"] and "<img" not in reply["html"]
    assert "&lt;script&gt;" in reply["html"] and 'href="javascript' not in reply["html"]
    await runs_drain()
    await communicator.disconnect()


async def test_history_is_replayed_with_rendered_replies_sources_and_the_customers_own_rating(demo_tx, scripted):
    scripted.sources = [Source(kind="faq", title="How do I reset my password?", ref="1")]
    cookie = await cookie_for("alice")
    communicator, _ = await chat_connect(cookie=cookie)
    reply, _ = await ask(communicator, "reset my password", "h-1")
    await communicator.send_json_to({"type": "feedback", "message_id": reply["message_id"], "rating": "up"})
    assert (await frames_until(communicator, "feedback.ack"))[-1]["rating"] == "up"
    await runs_drain()
    await communicator.disconnect()

    again, state = await chat_connect(cookie=cookie)
    user, assistant = state["messages"]
    assert user == {**user, "role": "user", "text": "reset my password", "client_id": "h-1"}
    assert assistant["message_id"] == reply["message_id"] and assistant["feedback"] == "up"
    assert "<strong>" in assistant["html"] and assistant["sources"][0]["title"] == "How do I reset my password?"
    assert state["signed_in"] is True
    await again.disconnect()


async def test_a_reply_finished_while_the_page_was_away_is_shown_on_return(demo_tx, scripted):
    scripted.hold = True
    cookie = await cookie_for(None)
    communicator, _ = await chat_connect(cookie=cookie)
    await communicator.send_json_to({"type": "user.message", "text": "are you there?", "client_id": "away-1"})
    await frames_until(communicator, "message.ack")
    await scripted.started.wait()
    await communicator.disconnect()  # the page goes away mid-run

    scripted.release.set()
    await runs_drain()
    back, state = await chat_connect(cookie=cookie)
    assert [m["role"] for m in state["messages"]] == ["user", "assistant"]
    assert state["messages"][1]["text"] == "".join(scripted.pieces)
    # The page resends what it never saw acknowledged: same client_id, stored once, no new run.
    await back.send_json_to({"type": "user.message", "text": "are you there?", "client_id": "away-1"})
    ack = (await frames_until(back, "message.ack"))[-1]
    assert ack["message_id"] == state["messages"][0]["message_id"]
    assert await back.receive_nothing(timeout=0.3)
    assert await Message.objects.filter(conversation_id=state["conversation_id"], role="user").acount() == 1
    assert await AgentRun.objects.filter(conversation_id=state["conversation_id"]).acount() == 1
    await back.disconnect()


async def test_frames_of_a_run_whose_reply_the_socket_already_has_are_not_forwarded(demo_tx, scripted):
    # Late frames of an answered run (sent before this socket read the conversation, or still in
    # the channel layer's hands when it joined) are dropped; a new run's frames still come.
    cookie = await cookie_for(None)
    first, _ = await chat_connect(cookie=cookie)
    reply, _ = await ask(first, "hello", "late-1")
    await runs_drain()
    await first.disconnect()

    back, state = await chat_connect(cookie=cookie)
    answered = state["messages"][1]["run_id"]
    assert answered == reply["run_id"]
    conversation_id = state["conversation_id"]
    late = [
        {"type": "agent.step", "run_id": answered, "step_id": "s", "agent": "resolver", "status": "started",
         "label": "Writing a reply…"},
        {"type": "assistant.delta", "run_id": answered, "text": "late piece"},
        {**reply, "type": "assistant.message"},
    ]
    fresh = {"type": "agent.step", "run_id": "another-run", "step_id": "t", "agent": "resolver", "status": "started",
             "label": "Writing a reply…"}
    await conversation_events_send(conversation_id=conversation_id, payloads=[*late, fresh])
    assert await back.receive_json_from(timeout=5) == fresh
    assert await back.receive_nothing(timeout=0.3)
    # A reply this socket forwarded counts as answered too.
    await conversation_events_send(conversation_id=conversation_id, payloads=[
        {"type": "assistant.message", "run_id": "another-run", "message_id": "m", "text": "Done."}])
    assert (await back.receive_json_from(timeout=5))["run_id"] == "another-run"
    await conversation_events_send(conversation_id=conversation_id, payloads=[{**fresh, "status": "finished"}])
    assert await back.receive_nothing(timeout=0.3)
    await back.disconnect()


async def test_thumbs_down_with_a_comment_is_stored_for_staff_and_a_second_rating_replaces_the_first(demo_tx, scripted):
    communicator, _state = await chat_connect("alice")
    reply, _ = await ask(communicator, "is my card ok?", "f-1")
    await communicator.send_json_to(
        {"type": "feedback", "message_id": reply["message_id"], "rating": "down", "comment": "  Not my question  "}
    )
    ack = (await frames_until(communicator, "feedback.ack"))[-1]
    assert ack == {"type": "feedback.ack", "message_id": reply["message_id"], "rating": "down",
                   "comment": "Not my question"}
    feedback = await Feedback.objects.select_related("author", "run").aget(message_id=reply["message_id"])
    assert (feedback.rating, feedback.comment, feedback.author.username, feedback.by_staff) == (
        "down", "Not my question", "alice", False)
    assert str(feedback.run_id) == reply["run_id"]

    await communicator.send_json_to({"type": "feedback", "message_id": reply["message_id"], "rating": "up"})
    await frames_until(communicator, "feedback.ack")
    assert await Feedback.objects.filter(message_id=reply["message_id"]).acount() == 1
    assert (await Feedback.objects.aget(message_id=reply["message_id"])).rating == "up"
    await runs_drain()
    await communicator.disconnect()


async def test_feedback_on_a_message_outside_the_conversation_is_refused(demo_tx, scripted):
    bob, _ = await chat_connect("bob")
    bobs_reply, _ = await ask(bob, "hello", "b-1")
    await bob.disconnect()
    alice, _ = await chat_connect("alice")
    for message_id in (bobs_reply["message_id"], "not-a-uuid"):
        await alice.send_json_to({"type": "feedback", "message_id": message_id, "rating": "down"})
        error = await alice.receive_json_from(timeout=5)
        assert (error["type"], error["code"], error["message_id"]) == ("error", "message_not_found", message_id)
    assert not await Feedback.objects.aexists()
    await runs_drain()
    await alice.disconnect()


async def test_talk_to_a_person_waits_for_staff_records_why_and_tells_every_page(demo_tx, scripted):
    cookie = await cookie_for("alice")
    first, state = await chat_connect(cookie=cookie)
    second, _ = await chat_connect(cookie=cookie)
    await first.send_json_to({"type": "handoff.request"})
    for page in (first, second):
        status = (await frames_until(page, "conversation.status"))[-1]
        assert status == {"type": "conversation.status", "status": "waiting", "reason": "customer_asked"}
    conversation = await Conversation.objects.aget(id=state["conversation_id"])
    assert (conversation.status, conversation.handoff_reason) == ("waiting", "customer_asked")
    assert conversation.handoff_at is not None
    event = await ConversationEvent.objects.aget(conversation=conversation)
    assert (event.kind, event.data["reason"]) == ("handoff", "customer_asked")

    # Asking again changes nothing, and a message now waits for the person: no agent run.
    await first.send_json_to({"type": "handoff.request"})
    await frames_until(first, "conversation.status")
    assert await ConversationEvent.objects.filter(conversation=conversation).acount() == 1
    await first.send_json_to({"type": "user.message", "text": "still there?", "client_id": "w-1"})
    await frames_until(first, "message.ack")
    assert await first.receive_nothing(timeout=0.3)
    assert not await AgentRun.objects.filter(conversation=conversation).aexists()
    await first.disconnect()
    await second.disconnect()


async def test_a_staff_reply_arrives_marked_as_from_a_person_and_the_hand_back_is_announced(demo_tx, scripted):
    communicator, state = await chat_connect("alice")
    staff = await User.objects.aget(username="staff")
    conversation_id = state["conversation_id"]

    await sync_to_async(conversation_take)(conversation_id=conversation_id, staff_user=staff)
    assert (await frames_until(communicator, "conversation.status"))[-1]["status"] == "with_person"
    await sync_to_async(staff_reply)(conversation_id=conversation_id, staff_user=staff, text="Hi, I'm **here** to help.")
    message = (await frames_until(communicator, "staff.message"))[-1]
    assert message["author"] and message["text"] == "Hi, I'm **here** to help."
    assert "<strong>here</strong>" in message["html"]
    await sync_to_async(conversation_hand_back)(conversation_id=conversation_id, staff_user=staff, note="sorted")
    assert (await frames_until(communicator, "conversation.status"))[-1]["status"] == "open"

    reply, _ = await ask(communicator, "thanks!", "after-1")  # the agents answer again
    assert reply["type"] == "assistant.message"
    await communicator.disconnect()
    again, replayed = await chat_connect("alice")
    assert [m["role"] for m in replayed["messages"]] == ["staff", "user", "assistant"]
    assert "<strong>here</strong>" in replayed["messages"][0]["html"]
    await runs_drain()
    await again.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ('{"type": "user.message", "text": "hi"', "bad_json"),
        ('["user.message"]', "bad_frame"),
        ('{"type": "nope"}', "bad_frame"),
        ('{"type": "user.message", "text": "hi", "client_id": "has spaces"}', "bad_frame"),
        ('{"type": "feedback", "message_id": "m", "rating": "meh"}', "bad_frame"),
        ('{"type": "feedback", "rating": "up"}', "bad_frame"),
        ('{"type": "user.message", "text": "   ", "client_id": "empty-1"}', "empty_message"),
    ],
)
async def test_a_malformed_frame_gets_an_error_and_the_socket_stays_usable(demo_tx, scripted, frame, code):
    communicator, state = await chat_connect()
    await communicator.send_to(text_data=frame)
    error = await communicator.receive_json_from(timeout=5)
    assert (error["type"], error["code"]) == ("error", code)
    reply, _ = await ask(communicator, "still working?", "ok-1")
    assert reply["type"] == "assistant.message"
    assert await Message.objects.filter(conversation_id=state["conversation_id"], role="user").acount() == 1
    await runs_drain()
    await communicator.disconnect()


async def test_an_oversized_message_is_refused_naming_its_client_id_and_nothing_is_stored(demo_tx, scripted, settings):
    settings.SUPPORT = {**settings.SUPPORT, "MAX_MESSAGE_CHARS": 50}
    communicator, state = await chat_connect()
    await communicator.send_json_to({"type": "user.message", "text": "é" * 51, "client_id": "long-1"})
    error = await communicator.receive_json_from(timeout=5)
    assert (error["code"], error["client_id"]) == ("message_too_long", "long-1")
    assert "50" in error["detail"]
    await communicator.send_to(text_data="x" * (settings.SUPPORT["MAX_FRAME_BYTES"] + 1))
    assert (await communicator.receive_json_from(timeout=5))["code"] == "frame_too_large"
    assert not await Message.objects.filter(conversation_id=state["conversation_id"]).aexists()
    await communicator.disconnect()


async def test_messages_over_the_per_user_limit_are_refused_with_retry_after_and_none_accepted_is_lost(
    demo_tx, scripted, settings
):
    settings.SUPPORT = {**settings.SUPPORT, "RATE_LIMIT_MESSAGES": 2, "RATE_LIMIT_WINDOW_S": 60}
    communicator, state = await chat_connect("alice")
    acks = []
    for n in range(2):
        _reply, frames = await ask(communicator, f"q{n}", f"r-{n}")
        acks.append(frames[0])
    await communicator.send_json_to({"type": "user.message", "text": "one too many", "client_id": "r-2"})
    error = await communicator.receive_json_from(timeout=5)
    assert (error["code"], error["client_id"]) == ("rate_limited", "r-2")
    assert 1 <= error["retry_after"] <= 120 and "wait" in error["detail"]
    # A resend of an accepted message is still acknowledged: reconnecting pages are never stuck.
    await communicator.send_json_to({"type": "user.message", "text": "q0", "client_id": "r-0"})
    assert (await frames_until(communicator, "message.ack"))[-1]["message_id"] == acks[0]["message_id"]
    await runs_drain()
    stored = [m.client_id async for m in Message.objects.filter(conversation_id=state["conversation_id"], role="user")]
    assert sorted(stored) == ["r-0", "r-1"]
    assert await AgentRun.objects.filter(conversation_id=state["conversation_id"]).acount() == 2
    await communicator.disconnect()


async def test_the_per_ip_limit_holds_across_browser_sessions(demo_tx, scripted, settings):
    from supportsite.asgi import application

    settings.SUPPORT = {**settings.SUPPORT, "RATE_LIMIT_MESSAGES": 10, "RATE_LIMIT_IP_MESSAGES": 2}
    codes = []
    for n in range(3):
        cookie = await cookie_for(None)  # a new anonymous visitor each time, from one address
        communicator = Communicator(
            application, "/ws/chat/", headers=[(b"origin", ORIGIN), (b"cookie", f"sessionid={cookie}".encode())]
        )
        communicator.scope["client"] = ("203.0.113.9", 50000 + n)
        assert (await communicator.connect())[0]
        await communicator.receive_json_from(timeout=10)
        await communicator.send_json_to({"type": "user.message", "text": "hi", "client_id": f"ip-{n}"})
        frame = await communicator.receive_json_from(timeout=10)
        codes.append(frame.get("code", frame["type"]))
        await runs_drain()
        await communicator.disconnect()
    assert codes == ["message.ack", "message.ack", "rate_limited"]


async def test_a_socket_from_another_origin_is_refused_before_any_conversation_is_made(demo_tx):
    from supportsite.asgi import application

    cookie = await cookie_for("alice")
    communicator = Communicator(
        application, "/ws/chat/", headers=[(b"origin", b"https://evil.example"), (b"cookie", f"sessionid={cookie}".encode())]
    )
    assert not (await communicator.connect())[0]
    assert not await Conversation.objects.aexists()
    await communicator.disconnect()  # the refusing consumer still listens on the layer until the socket goes


@pytest.mark.parametrize("intruder", ["bob", None])
async def test_someone_elses_conversation_id_is_refused_and_the_socket_closed(demo_tx, scripted, intruder):
    from supportsite.asgi import application

    alice, state = await chat_connect("alice")
    await ask(alice, "my invoices please", "own-1")
    await runs_drain()
    await alice.disconnect()
    cookie = await cookie_for(intruder)
    communicator = Communicator(
        application, f"/ws/chat/?conversation={state['conversation_id']}",
        headers=[(b"origin", ORIGIN), (b"cookie", f"sessionid={cookie}".encode())],
    )
    assert (await communicator.connect())[0]
    error = await communicator.receive_json_from(timeout=5)
    assert (error["type"], error["code"]) == ("error", "conversation_not_found")
    closing = await communicator.receive_output(timeout=5)
    assert (closing["type"], closing["code"]) == ("websocket.close", 4403)


async def test_frames_sent_to_the_conversation_as_one_batch_reach_the_socket_one_by_one_in_order(demo_tx):
    from supportsite.conversations.events import conversation_events_send

    communicator, state = await chat_connect()
    frames = [
        {"type": "agent.step", "run_id": "r", "step_id": "s1", "agent": "intent", "status": "started", "label": "…"},
        {"type": "assistant.delta", "run_id": "r", "text": "Hello"},
        {"type": "agent.step", "run_id": "r", "step_id": "s1", "agent": "intent", "status": "finished", "label": "…"},
    ]
    await conversation_events_send(conversation_id=state["conversation_id"], payloads=frames)
    assert [await communicator.receive_json_from(timeout=5) for _ in frames] == frames
    await communicator.disconnect()
