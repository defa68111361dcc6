"""Safe Markdown, the sliding-window rate limiter, and the chat's HTTP views."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from supportsite.chat.markdown import markdown_html
from supportsite.chat.ratelimit import Limit, limits_hit, limits_release
from supportsite.conversations.models import Conversation, Message
from supportsite.core.errors import RateLimited


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("**bold** and `code`", ["<strong>bold</strong>", "<code>code</code>"], []),
        ("- one\n- two", ["<ul>", "<li>one</li>"], []),
        ("[guide](/help/tls/)", ['<a href="/help/tls/"', 'rel="noopener noreferrer nofollow"'], []),
        ("<script>alert(1)</script>", ["&lt;script&gt;alert(1)&lt;/script&gt;"], ["<script"]),
        ('<img src=x onerror="alert(1)">', ["&lt;img"], ["<img"]),
        ("[x](javascript:alert(1))", [], ['href="javascript']),
        ("![pixel](https://tracker.example/p.png)", [], ["<img"]),
    ],
)
def test_markdown_keeps_the_safe_subset_and_shows_any_html_as_text(text, present, absent):
    html = markdown_html(text)
    for fragment in present:
        assert fragment in html
    for fragment in absent:
        assert fragment not in html


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_rate_limit_refuses_over_the_window_says_when_to_retry_and_frees_up_as_time_passes():
    limit = [Limit("user", "u1", max_messages=3, window_s=60)]
    clock = Clock(6000.0)  # the start of a window
    for _ in range(3):
        limits_hit(limit, clock=clock)
    with pytest.raises(RateLimited) as refused:
        limits_hit(limit, clock=clock)
    assert 60 <= refused.value.retry_after_s <= 120  # 80 s: a third of the next window
    clock.now += refused.value.retry_after_s - 5
    with pytest.raises(RateLimited):  # not yet
        limits_hit(limit, clock=clock)
    clock.now += 5
    limits_hit(limit, clock=clock)  # room again once the retry_after has passed
    other = [Limit("user", "u2", max_messages=3, window_s=60)]
    limits_hit(other, clock=clock)  # limits are per sender


def test_a_released_message_does_not_count():
    limit = [Limit("ip", "198.51.100.1", max_messages=1, window_s=60)]
    clock = Clock(1200.0)
    limits_hit(limit, clock=clock)
    limits_release(limit, clock=clock)
    limits_hit(limit, clock=clock)
    with pytest.raises(RateLimited):
        limits_hit(limit, clock=clock)


def test_an_anonymous_visitors_session_ends_with_the_browser(demo):
    client = Client()
    response = client.get("/")
    assert response.status_code == 200
    assert client.session.get_expire_at_browser_close()
    page = response.content.decode()
    assert 'id="chat-config"' in page and 'for="message"' in page


def test_the_conversation_list_holds_only_the_customers_own_web_conversations(demo):
    from supportsite.conversations.services import conversation_start

    mine = conversation_start(customer=demo["alice"])
    Message.objects.create(conversation=mine, role="user", text="where is my invoice?", client_id="c1")
    conversation_start(customer=demo["bob"])
    conversation_start(customer=demo["alice"], channel=Conversation.Channel.API)
    client = Client()
    client.force_login(demo["alice"].user)
    listed = client.get("/chat/conversations/").json()["conversations"]
    assert [(c["conversation_id"], c["title"]) for c in listed] == [(str(mine.id), "where is my invoice?")]


def test_starting_a_new_conversation_needs_csrf_and_reuses_an_empty_one(demo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(demo["carol"].user)
    assert client.post("/chat/conversations/").status_code == 403
    client.get("/")
    token = client.cookies["csrftoken"].value
    first = client.post("/chat/conversations/", HTTP_X_CSRFTOKEN=token)
    second = client.post("/chat/conversations/", HTTP_X_CSRFTOKEN=token)
    assert first.status_code == 201
    assert json.loads(first.content)["conversation_id"] == json.loads(second.content)["conversation_id"]
    assert Conversation.objects.filter(customer=demo["carol"]).count() == 1


def test_help_articles_have_a_page_and_unknown_slugs_are_not_found(demo):
    client = Client()
    response = client.get("/help/api-rate-limits-429/")
    assert response.status_code == 200
    assert "<h1>API rate limits and HTTP 429</h1>" in response.content.decode()
    assert "<code>Retry-After</code>" in response.content.decode()
    assert client.get("/help/no-such-article/").status_code == 404


class _UnreachableCache:
    """A cache whose server is down, as Redis is during a restart."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache server unreachable")

        return fail


def test_messages_go_through_when_the_rate_limit_cache_is_unreachable(monkeypatch):
    import supportsite.chat.ratelimit as ratelimit

    monkeypatch.setattr(ratelimit, "cache", _UnreachableCache())
    limit = [Limit("user", "u-outage", max_messages=1, window_s=60)]
    for _ in range(3):
        limits_hit(limit, clock=Clock(100.0))  # counted nowhere, refused never
    limits_release(limit, clock=Clock(100.0))
