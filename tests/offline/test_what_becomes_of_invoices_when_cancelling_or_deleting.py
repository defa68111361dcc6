""""Will my invoices be deleted too?" after asking how to delete the account, and "will I lose my invoices?" after
asking to cancel, got the invoice list: what the help centre's entry says of apps and data, and that it says nothing of
invoices, with a person offered."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("first", "message", "entry"), [
    ("how do I delete my account?", "will my invoices be deleted too?", "about deleting your account"),
    ("I want to cancel my subscription", "will I lose my invoices?", "about cancelling"),
])
async def test_what_becomes_of_invoices_is_what_the_entry_says_and_that_it_says_nothing_of_invoices(
        converse, first, message, entry):
    # It got the invoice list.
    *_, outcome = await converse("cus_bob", first, message)
    assert outcome.reply.startswith(f"What our help centre says {entry}:"), outcome.reply
    assert "It doesn't say whether your invoices are kept" in outcome.reply and "NW-2002" not in outcome.reply
