""""My payment failed, can I pay by bank transfer?" from a customer on Pro was told "So yes, bank transfer is among
them": the help centre gives bank transfer to Business customers only. A way to pay that the entry gives one plan is
said to be that plan's; other ways to pay it lists are still a plain yes."""

from __future__ import annotations

ONLY_BUSINESS = "Bank transfer is only for Business customers, though, and you're on the Pro plan."


async def test_bank_transfer_asked_by_a_pro_customer_is_said_to_be_for_business_only(converse):
    (outcome,) = await converse("cus_alice", "my payment failed, can I pay by bank transfer?")
    assert ONLY_BUSINESS in outcome.reply and "So yes, bank transfer" not in outcome.reply, outcome.reply


async def test_a_way_to_pay_for_everyone_is_still_a_yes(converse):
    (outcome,) = await converse("cus_alice", "do you take paypal or visa?")
    assert "So yes, Visa is among them." in outcome.reply and "only for" not in outcome.reply, outcome.reply
