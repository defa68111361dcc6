"""The customer's list of conversations names each by the first thing asked in it, not by the "hi" that opened it."""

from __future__ import annotations

import pytest
from django.test import Client

from supportsite.conversations.models import Message
from supportsite.conversations.services import conversation_start
from supportsite.conversations.titles import TITLE_CHARS, conversation_title


@pytest.mark.parametrize(("messages", "title"), [
    (["hi", "hello?", "Why did my payment fail?"], "Why did my payment fail?"),
    (["Good morning, anyone there?", "I was charged twice"], "I was charged twice"),
    (["hey team 👋", "is anyone there", "my deploy is stuck"], "my deploy is stuck"),
    (["hi, my invoice is wrong"], "hi, my invoice is wrong"),
    (["hi"], "hi"),  # nothing else asked yet: the greeting is all there is to show
    (["hello", "hi again"], "hello"),
    ([], "New conversation"),
    (["  ", "where is\nmy   invoice?"], "where is my invoice?"),
])
def test_the_title_is_the_first_message_that_says_what_the_conversation_is_about(messages, title):
    assert conversation_title(messages) == title


def test_a_long_first_question_is_cut_at_a_word_and_marked_as_cut():
    question = "Why was I charged " + "twice and then three times " * 6 + "this month?"
    title = conversation_title([question])
    assert len(title) <= TITLE_CHARS and title.endswith("…")
    assert question.startswith(title[:-1]) and question[len(title) - 1] == " "


def _conversation_with(customer, *texts: str):
    conversation = conversation_start(customer=customer)
    for number, text in enumerate(texts):
        Message.objects.create(conversation=conversation, role="user", text=text, client_id=f"c{number}")
        Message.objects.create(conversation=conversation, role="assistant", text="Hi! What can I help you with?")
    return conversation


def test_the_conversation_list_titles_each_conversation_by_its_first_question(demo):
    greeted = _conversation_with(demo["bob"], "hi", "hello?", "I was charged twice for NW-2002")
    asked = _conversation_with(demo["bob"], "How do I add a custom domain?", "thanks")
    # Only the first few customer messages are read for a title: a question after four greetings is not looked for.
    late = _conversation_with(demo["bob"], "hi", "hello", "hey", "anyone?", "where is my invoice?")
    client = Client()
    client.force_login(demo["bob"].user)
    titles = {c["conversation_id"]: c["title"] for c in client.get("/chat/conversations/").json()["conversations"]}
    assert titles == {str(greeted.id): "I was charged twice for NW-2002", str(asked.id): "How do I add a custom domain?",
                      str(late.id): "hi"}
