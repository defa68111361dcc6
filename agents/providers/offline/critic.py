"""A deterministic critic: every figure in a draft must come from the context, actions from the policy."""

from __future__ import annotations

import re
from decimal import Decimal

from agents.context import SupportContext
from agents.outcome import CriticVerdict, Draft, Usage
from agents.providers.offline.grounding import Grounding
from agents.providers.offline.reply_base import FactView, money

# A claim that something was already done; only true when an action record says so.
_DONE_CLAIM = re.compile(r"\b(?:I've|I have|we've|we have)\s+(?:already\s+)?(refunded|unlocked|cancelled|canceled)\b",
                         re.IGNORECASE)


def review(ctx: SupportContext, draft: Draft) -> CriticVerdict:
    """Approve, ask for a revision (ungrounded figures, unbacked claims), or hand off (another
    customer's identifiers, an action the policy does not allow)."""
    handoff: list[str] = []
    revise: list[str] = []
    if not draft.text.strip():
        revise.append("The draft is empty.")
    grounding = Grounding.of(ctx)
    for kind, value in grounding.unsupported(draft.text):
        if kind in ("invoice", "card"):
            handoff.append(f"The {kind} {value} is not in the customer's own data.")
        else:
            revise.append(f"The {kind} {value} does not come from the gathered context.")
    if ctx.customer is None and re.search(r"\bNW-\d+\b", draft.text):
        handoff.append("The draft names an invoice while nobody is signed in.")

    facts = FactView(ctx)
    # One invoice can hold two charges of one amount (a duplicate and its original, which may be past
    # the refund window): the action is allowed when either is.
    options: dict[tuple[str | None, Decimal], dict] = {}
    for option in facts.refund_options:
        key = (option.get("invoice_number"), Decimal(str(option.get("amount", "0"))))
        if key not in options or (option.get("allowed") and not options[key].get("allowed")):
            options[key] = option
    for action in draft.actions:
        if action.kind == "refund":
            option = options.get((action.invoice_number, action.amount))
            if option is None or not option.get("allowed"):
                handoff.append(f"The refund of {money(action.amount)} for {action.invoice_number or 'no invoice'} "
                               "is not one the refund policy allows.")
        elif action.kind == "account_unlock" and (facts.account is None or facts.account.status != "locked"):
            handoff.append("The draft unlocks an account that is not locked.")

    done_kinds = {r.kind for r in facts.action_records if r.status == "completed"}
    for verb in _DONE_CLAIM.findall(draft.text):
        kind = "refund" if verb.lower() == "refunded" else "account_unlock" if verb.lower() == "unlocked" else verb
        if kind not in done_kinds:
            revise.append(f"The draft says something was {verb.lower()}, but no completed action records it.")

    if handoff:
        return CriticVerdict(verdict="handoff", reasons=handoff + revise, usage=Usage(model="offline"))
    if revise:
        return CriticVerdict(verdict="revise", reasons=revise, usage=Usage(model="offline"))
    return CriticVerdict(verdict="approve", reasons=[], usage=Usage(model="offline"))
