""""The last one" after "i need help with my bill" (which listed the invoices) was answered with the last payment and
then the same list again. What answers it is said; the list the customer has just read is not repeated. Asked for
again in so many words, the list is still given (as the same answer)."""

from __future__ import annotations

LISTED = "Here are your most recent invoices:"


async def test_the_last_one_after_the_list_gets_the_last_payment_without_the_list(converse):
    first, second = await converse("cus_alice", "i need help with my bill", "the last one")
    assert LISTED in first.reply, first.reply
    assert "Your last payment was" in second.reply and LISTED not in second.reply, second.reply


async def test_the_list_asked_for_again_is_given_again(converse):
    *_, again = await converse("cus_alice", "show my invoices", "show my invoices")
    assert LISTED in again.reply, again.reply
