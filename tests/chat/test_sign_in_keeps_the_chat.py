"""A visitor who chats, then signs in, keeps the conversation; nobody else's moves with it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from supportsite.conversations.models import Conversation
from supportsite.conversations.selectors import conversation_latest_for_owner
from supportsite.conversations.services import conversation_start, message_receive

pytestmark = pytest.mark.django_db

PASSWORD = "northwind-demo"


def visitor_with_a_question(text: str) -> tuple[Client, Conversation]:
    client = Client()
    client.get("/")  # the chat page gives the visitor a session, as a browser gets
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    conversation = conversation_start(customer=None, session_key=session_key)
    message_receive(conversation_id=conversation.id, text=text, client_id="before-sign-in")
    return client, conversation


def test_signing_in_makes_the_visitors_conversation_the_customers(demo):
    client, conversation = visitor_with_a_question("Why did my last payment fail?")
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.customer == demo["alice"]
    assert conversation.session_key == ""
    resumed = conversation_latest_for_owner(customer=demo["alice"], session_key="")
    assert resumed == conversation
    assert [m.text for m in resumed.messages.all()] == ["Why did my last payment fail?"]


def test_another_visitors_conversation_stays_where_it_was(demo):
    client, _mine = visitor_with_a_question("hello")
    _other_client, theirs = visitor_with_a_question("a stranger's question")
    client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    theirs.refresh_from_db()
    assert theirs.customer is None and theirs.session_key


def test_a_failed_sign_in_moves_nothing(demo):
    client, conversation = visitor_with_a_question("hello")
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    conversation.refresh_from_db()
    assert conversation.customer is None


def test_staff_signing_in_takes_no_visitor_conversation(demo):
    client, conversation = visitor_with_a_question("hello")
    client.post("/accounts/login/", {"username": "staff", "password": PASSWORD})
    conversation.refresh_from_db()
    assert conversation.customer is None
