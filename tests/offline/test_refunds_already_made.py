"""The billing facts and the offline writer once a charge is paid back: the refund stands for its invoice."""

from __future__ import annotations

from decimal import Decimal

from agents.facts import RefundFact
from agents.workers.billing import billing_totals, refund_options
from tests.agents.fakes import INVOICES, PAYMENTS, ctx_for

BOBS_REFUND = RefundFact(reference="RF-0042", invoice_number="NW-2002", amount=Decimal("99.00"), status="completed",
                         reason="Charged twice; confirmed with the bank.", requested=False)


def _bobs_duplicate_refunded() -> list:
    return [p.model_copy(update={"status": "refunded"}) if p.duplicate else p for p in PAYMENTS["cus_bob"]]


def test_a_refunded_duplicate_keeps_its_option_marked_refunded_with_the_refunds_reference():
    options = refund_options(ctx_for("was i charged twice?", "cus_bob"), INVOICES["cus_bob"],
                             _bobs_duplicate_refunded(), [BOBS_REFUND])
    on_2002 = [o for o in options if o["invoice_number"] == "NW-2002"]
    assert {o["reason"] for o in on_2002} == {"duplicate_charge", "within_window"}
    assert all(o["already_requested"] and o["refund_reference"] == "RF-0042" for o in on_2002)
    assert all(o["refund_status"] == "completed" for o in on_2002)
    [on_2001] = [o for o in options if o["invoice_number"] == "NW-2001"]
    assert not on_2001["already_requested"] and on_2001["refund_reference"] == ""


def test_a_rejected_refund_does_not_mark_its_invoice_as_refunded():
    rejected = BOBS_REFUND.model_copy(update={"status": "rejected"})
    options = refund_options(ctx_for("refund NW-2002", "cus_bob"), INVOICES["cus_bob"], PAYMENTS["cus_bob"],
                             [rejected])
    assert not any(o["already_requested"] for o in options)


def test_a_refunded_charge_still_counts_as_paid_and_its_refund_as_paid_back():
    totals = billing_totals(INVOICES["cus_bob"], _bobs_duplicate_refunded(), [BOBS_REFUND])
    assert (totals["paid"], totals["payments_succeeded"], totals["paid_back"]) == ("297.00", 3, "99.00")


async def test_being_upset_about_a_double_charge_is_not_taken_for_a_question_about_a_refund_made(converse):
    # Alice was never charged twice and has no refund: the duplicate check answers, nothing else.
    [outcome] = await converse("cus_alice", "I didn't want to be charged twice, can I get a refund?")
    assert "can't find a duplicate charge" in outcome.reply and "reference" not in outcome.reply


async def test_a_refund_asked_for_is_not_said_to_be_a_staff_members_own_doing(classifier):
    from agents.providers.offline import OfflineProvider
    from tests.offline.test_writer_and_critic import _write, bob_context

    for requested, said, not_said in ((True, "after it was asked for", "by a member of our team"),
                                      (False, "by a member of our team", "after it was asked for")):
        ctx = bob_context("i didnt ask for a refund, what is this for?")
        ctx.facts["billing"]["refunds"] = [BOBS_REFUND.model_copy(update={"requested": requested}).model_dump(
            mode="json")]
        draft, _ = await _write(OfflineProvider(classifier), ctx)
        assert "RF-0042" in draft.text and said in draft.text and not_said not in draft.text, draft.text
