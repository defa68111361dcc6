""""And on business?" after "whats the memory limit on pro?" got "My answer is the same as in my last message:"
and the whole reply again. The answer for Business is the same (the help centre gives no plan a memory figure),
so that is said briefly: the plan, the last answer's first sentence and its offer."""

from __future__ import annotations

NO_FIGURE = "Our help centre doesn't give a memory figure for any plan"
GUIDE_STEP = "Watch memory in **App → Metrics**"


async def test_the_same_question_of_business_is_said_to_be_the_same_without_the_whole_reply(converse):
    first, second = await converse("cus_alice", "whats the memory limit on pro?", "and on business?")
    assert GUIDE_STEP in first.reply, first.reply
    assert second.reply.startswith("The same goes for the Business plan."), second.reply
    assert NO_FIGURE in second.reply and "pass you to a person" in second.reply, second.reply
    assert "same as in my last message" not in second.reply and GUIDE_STEP not in second.reply, second.reply


async def test_another_plan_with_its_own_answer_still_gets_that_answer(converse):
    # Near miss: "and business?" after Pro's price has an answer of its own.
    _, second = await converse("cus_alice", "how much is pro?", "and business?")
    assert "$99.00" in second.reply and "The same goes for" not in second.reply, second.reply


async def test_the_same_message_twice_still_gets_the_same_answer_note(converse):
    # Near miss: no other plan asked of, the loop note stays.
    _, second = await converse("cus_alice", "whats the memory limit on pro?", "whats the memory limit on pro?")
    assert "The same goes for" not in second.reply, second.reply
