"""Whether a plan includes something, answered offline from what each plan lists (the catalogue the
billing worker reads, for visitors too), as tiers: a plan has what the plans below it have."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.asyncio


async def reply(converse, customer: str | None, message: str) -> str:
    (outcome,) = await converse(customer, message)
    return outcome.reply


async def test_a_customer_whose_plan_lists_it_is_told_yes_with_their_plan(converse):
    text = await reply(converse, "cus_alice", "is a custom domain included in my plan?")
    assert text.startswith("Yes: custom domains are included in your plan, Pro ($29.00 a month).")
    assert "Settings → Domains" not in text  # not the set-up guide: nobody asked how


async def test_a_plan_above_the_one_that_lists_it_includes_it_too(converse):
    text = await reply(converse, "cus_bob", "does my plan include custom domains?")
    assert text.startswith("Yes: custom domains come with Pro, and your plan, Business ($99.00 a month), "
                           "includes everything Pro does.")


async def test_a_plan_below_it_is_told_no_and_which_plan_has_it(converse):
    text = await reply(converse, "cus_carol", "does my plan include custom domains?")
    assert text.startswith("No: custom domains aren’t part of your plan, Free, which includes one app, shared "
                           "resources and community support.")
    assert "They come with Pro ($29.00 a month) and the plans above it" in text
    assert "**Billing → Plan**" in text


async def test_a_singular_feature_reads_as_one(converse):
    text = await reply(converse, "cus_carol", "is priority support included in my plan?")
    assert "priority support isn’t part of your plan" in text
    assert "It comes with Business ($99.00 a month)" in text


async def test_asking_if_one_can_use_it_on_ones_plan_is_the_same_question(converse):
    text = await reply(converse, "cus_carol", "can I use a custom domain on my plan?")
    assert text.startswith("No: custom domains aren’t part of your plan, Free")


async def test_what_a_plan_includes_is_its_list(converse):
    assert (await reply(converse, "cus_alice", "what does my plan include?")
            == "Your plan, Pro ($29.00 a month), includes up to 10 apps, custom domains and email support.")


async def test_a_visitor_asking_about_a_named_plan_is_answered_from_the_catalogue(converse):
    text = await reply(converse, None, "does the pro plan include custom domains?")
    assert text.startswith("Yes: custom domains are included in Pro ($29.00 a month).")
    assert "your plan" not in text


async def test_a_visitor_asking_which_plan_has_it_is_told_the_cheapest_that_does(converse):
    text = await reply(converse, None, "is there a plan with priority support?")
    assert text == "Priority support comes with Business ($99.00 a month)."


async def test_a_customer_asking_which_plan_has_it_is_told_whether_theirs_does(converse):
    text = await reply(converse, "cus_alice", "which plan has priority support?")
    assert "Priority support comes with Business ($99.00 a month)." in text
    assert "You're on Pro, which does not" in text


async def test_something_no_plan_lists_but_the_help_centre_covers_is_answered_from_the_help_centre(converse):
    text = await reply(converse, "cus_alice", "does my plan include free SSL?")
    assert "free TLS certificate from Let's Encrypt" in text
    assert "includes up to 10 apps" not in text


async def test_something_nothing_lists_is_not_guessed_and_a_person_is_offered(converse):
    text = await reply(converse, "cus_alice", "does my plan include backups?")
    assert "Your plan, Pro ($29.00 a month), includes up to 10 apps, custom domains and email support." in text
    assert "I'd rather not guess" in text and "person" in text
    assert not text.startswith(("Yes", "No"))


async def test_how_to_set_up_a_custom_domain_is_still_the_guide(converse):
    text = await reply(converse, "cus_alice", "how do I add a custom domain to my app?")
    assert "Settings → Domains" in text
    assert "included in your plan" not in text


async def test_whether_ssl_is_free_is_still_the_help_centres_answer(converse):
    text = await reply(converse, "cus_alice", "do you offer free ssl certificates?")
    assert text.startswith("Yes: every app and every custom domain gets a free TLS certificate")
