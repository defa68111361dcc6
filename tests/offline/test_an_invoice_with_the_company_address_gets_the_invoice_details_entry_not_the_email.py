"""Alice's "hi, i need an invoice for my accountant with our company address on it" (account, 0.82) opened with "The
email address on your account is alice@example.com." and gave the help centre's entry on invoice details only as a
"probably": the address printed on invoices is not the account's email, and that entry is the answer."""

from __future__ import annotations

EMAIL_LINE = "The email address on your account is alice@example.com."
DETAILS_ENTRY = "Go to **Billing → Details** and fill in your company name, address and VAT number."


async def test_the_company_address_on_an_invoice_is_answered_with_the_invoice_details_entry(converse):
    (outcome,) = await converse("cus_alice", "hi, i need an invoice for my accountant with our company address on it")
    assert outcome.reply.startswith(DETAILS_ENTRY), outcome.reply
    assert EMAIL_LINE not in outcome.reply and "I think you're asking about" not in outcome.reply, outcome.reply


async def test_the_email_on_the_account_is_still_told_when_asked(converse):
    # Near miss: an email address asked about is the account's.
    (outcome,) = await converse("cus_alice", "what is my email address")
    assert EMAIL_LINE in outcome.reply, outcome.reply
