"""A count the customer writes in words is read as its figure wherever a count is read: the rules that read one share
one list of number words (`agents.number_words`), where each had its own and some stopped at ten."""

from __future__ import annotations

import pytest

from agents.number_words import count_of, said_in_words, words_alternation

_NOT_ENOUGH = "I don't have enough information to answer that properly"


@pytest.mark.parametrize(("text", "number"), [("12", 12), ("Twelve", 12), ("fifteen", 15), (" five ", 5)])
def test_a_count_in_figures_or_words_is_read_as_its_number(text, number):
    assert count_of(text) == number


@pytest.mark.parametrize("text", ["a few", "several", "twelfth", ""])
def test_words_that_are_no_count_are_read_as_none(text):
    assert count_of(text) is None


def test_a_number_is_said_back_in_words_and_one_as_a():
    assert (said_in_words(1), said_in_words(3), said_in_words(12), said_in_words(13)) == ("a", "three", "twelve", None)


def test_the_alternation_holds_only_the_counts_asked_for():
    assert words_alternation(least=2, most=4).split("|") == ["two", "three", "four"]


@pytest.mark.parametrize("number", ["twelve", "fifteen"])
async def test_a_number_of_apps_needed_in_words_past_ten_is_weighed_against_the_plans(converse, number):
    # "Not enough information": the follow-up's number words stopped at ten.
    *_, outcome = await converse("cus_alice", "how many apps can I deploy?", f"what if I need {number}?")
    assert outcome.reply.startswith("No: your plan, Pro, includes up to 10 apps."), outcome.reply
    assert _NOT_ENOUGH not in outcome.reply


async def test_a_number_of_apps_needed_in_words_within_ten_is_still_weighed(converse):
    *_, outcome = await converse("cus_alice", "how many apps can I deploy?", "what if I need five?")
    assert outcome.reply.startswith("Yes"), outcome.reply


@pytest.mark.parametrize(("age", "told"), [
    ("twelve days ago", "Yes: a charge paid twelve days ago is within our 14-day refund window"),
    ("a couple of weeks ago", "Yes: a charge paid two weeks ago is within our 14-day refund window"),
    ("a month ago", "No: a charge paid a month ago is outside our 14-day refund window"),
])
async def test_the_age_of_a_charge_in_words_is_still_weighed_against_the_window(converse, age, told):
    _, turn = await converse("cus_alice", "refund policy?", f"what if it was {age}")
    assert turn.reply.startswith(told), turn.reply
