"""The deterministic half of the critic: checks no model can be talked out of.

An LLM critic can be fooled by the same injection that fooled the resolver, so these
rules are plain code over the gathered facts:
- every invoice-like identifier, money amount and email in a reply must be in the facts
  (or be the signed-in customer's own email);
- an action is only valid for the signed-in customer, against an option the facts say is
  allowed, for the amount the facts hold (never the amount the model wrote);
- a refund only when the customer's message asks for one of their own charges, or accepts one
  offered: not for a question about refunds, someone else's charge, an approval or an outage;
- an unlock not for a question about the lock ("why is my account locked?");
- a reply must not claim a refund is done when it needs a person's approval.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from agents.context import SupportContext
from agents.outcome import ProposedAction
from agents.own_data import asks_about_the_lock, declines_refund, wants_it_kept_locked
from agents.refund_requests import refund_wanted
from agents.unlock_requests import unlock_wanted

IDENTIFIER_RE = re.compile(r"\b[A-Z]{2,5}-\d{3,}\b")
MONEY_RE = re.compile(r"(?:\$|USD\s?|US\$)\s?(\d[\d,]*(?:\.\d{1,2})?)|(\d[\d,]*(?:\.\d{1,2})?)\s?(?:USD|dollars)\b")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
CLAIMS_REFUND_DONE_RE = re.compile(
    r"\b(?:I|we)(?:'ve| have)? (?:already )?(?:refunded|issued (?:a|the|your) refund|processed (?:a|the|your) refund)"
    r"|\byour refund (?:has been|is) (?:issued|processed|completed|done)\b",
    re.IGNORECASE,
)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class Grounding:
    identifiers: frozenset[str] = frozenset()
    amounts: frozenset[Decimal] = frozenset()
    emails: frozenset[str] = frozenset()

    @classmethod
    def from_context(cls, ctx: SupportContext) -> Grounding:
        """What a reply may mention: the facts, the customer's profile and the policy rules.

        Deliberately not the customer's own message: an invoice number someone types is not
        theirs by being typed, and echoing it back confirms nothing they are owed.
        """
        blob = json.dumps(ctx.facts, default=str)
        if ctx.customer is not None:
            blob += " " + ctx.customer.model_dump_json()
        blob += " " + " ".join(ctx.constraints.rules) + f" {ctx.constraints.agent_refund_limit}"
        return _grounding_of(blob)

    def text_violations(self, text: str) -> list[str]:
        reasons: list[str] = []
        for identifier in dict.fromkeys(IDENTIFIER_RE.findall(text)):
            if identifier not in self.identifiers:
                reasons.append(f"mentions {identifier}, which is not in the customer's gathered facts")
        for match in MONEY_RE.finditer(text):
            raw = match.group(1) or match.group(2)
            value = _decimal(raw)
            if value is not None and value not in self.amounts:
                reasons.append(f"states the amount {match.group(0).strip()}, which the facts do not hold")
        for email in dict.fromkeys(e.lower() for e in EMAIL_RE.findall(text)):
            if email not in self.emails:
                reasons.append("names an email address that is not the signed-in customer's")
        return reasons


@functools.lru_cache(maxsize=256)
def _grounding_of(blob: str) -> Grounding:
    # Asked for by the stream guard and by the critic, with the same facts, on every run; and the
    # same customer's facts come back run after run. The searches over the facts were 3% of the
    # server's CPU at 100 conversations (#9); the text is the key, so changed facts never hit.
    amounts = {value for value in (_decimal(n) for n in NUMBER_RE.findall(blob)) if value is not None}
    return Grounding(
        identifiers=frozenset(IDENTIFIER_RE.findall(blob)),
        amounts=frozenset(amounts),
        emails=frozenset(email.lower() for email in EMAIL_RE.findall(blob)),
    )


def refund_options(ctx: SupportContext) -> list[dict[str, Any]]:
    return list(ctx.facts.get("billing", {}).get("refund_options", []))


def validate_actions(
    ctx: SupportContext, actions: list[ProposedAction],
) -> tuple[list[ProposedAction], list[str]]:
    """The actions that may be carried out (amounts taken from the facts) and why others may not."""
    if not actions:
        return [], []
    if ctx.customer is None:
        return [], ["proposes an action but nobody is signed in"]
    valid: list[ProposedAction] = []
    reasons: list[str] = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        key = (action.kind, action.invoice_number)
        if key in seen:
            continue
        seen.add(key)
        if action.kind == "refund":
            option = _matching_option(ctx, action)
            if declines_refund(ctx.message):
                # Whatever the writer (an LLM talked into it, or a misreading): the customer said no refund.
                reasons.append(f"proposes a refund for {action.invoice_number or 'an invoice'} the customer said "
                               "they don't want")
            elif not refund_wanted(ctx):
                # "How do refunds work?", "refund alice's payment", "a refund for the outage": whatever qualifies
                # on the account, the message neither asks for a refund of it nor accepts one offered.
                reasons.append(f"proposes a refund for {action.invoice_number or 'an invoice'} the customer didn't "
                               "ask for: the message neither asks for a refund of their own charge nor accepts one "
                               "offered")
            elif option is None:
                reasons.append(f"proposes a refund for {action.invoice_number or 'an invoice'} that the customer's "
                               "facts do not offer")
            elif not option.get("allowed"):
                reasons.append(f"proposes a refund for {action.invoice_number} that the policy does not allow "
                               f"({option.get('reason')})")
            elif option.get("already_requested"):
                reasons.append(f"a refund for {action.invoice_number} was already requested")
            else:
                valid.append(ProposedAction(
                    kind="refund", invoice_number=option["invoice_number"], amount=Decimal(str(option["amount"])),
                    reason=str(option.get("reason", action.reason)),
                ))
        elif action.kind == "account_unlock":
            account = (ctx.facts.get("account") or {}).get("account") or {}
            if account.get("status") != "locked":
                reasons.append("proposes unlocking an account that is not locked")
            elif wants_it_kept_locked(ctx.message):
                # "Don't unlock it", "someone else knows my password": an unlock would let them back in.
                reasons.append("proposes unlocking an account its owner wants kept locked, or reports someone else "
                               "getting into")
            elif asks_about_the_lock(ctx.message):
                # "Why is my account locked?", "is it still locked?": the lock and its reason answer it; only a
                # request ("unlock it, please") or a yes to the offer starts the unlock.
                reasons.append("proposes unlocking an account whose owner only asked about the lock")
            elif not unlock_wanted(ctx):
                # "Should I unlock it?", "I'm locked out of my email", "maybe later": the one reading of a request
                # to unlock (or a yes to the offer) that the offline writer proposes it from, for any writer.
                reasons.append("proposes unlocking an account whose owner didn't ask for it: the message neither "
                               "asks for the unlock nor accepts it offered")
            elif account.get("unlock_declined"):
                reasons.append("proposes unlocking an account whose unlock a member of staff declined")
            elif account.get("unlock_pending"):
                reasons.append("proposes unlocking an account whose unlock already waits for a member of staff")
            else:
                valid.append(ProposedAction(kind="account_unlock", reason=action.reason or "locked"))
    return valid, reasons


def _matching_option(ctx: SupportContext, action: ProposedAction) -> dict[str, Any] | None:
    candidates = [o for o in refund_options(ctx) if o.get("invoice_number") == action.invoice_number]
    if not candidates:
        return None
    # Prefer an allowed option (a duplicate charge on an invoice also has its original payment).
    candidates.sort(key=lambda o: (not o.get("allowed"), bool(o.get("already_requested"))))
    return candidates[0]


def honesty_violations(ctx: SupportContext, text: str, valid_actions: list[ProposedAction]) -> list[str]:
    """No claim without a record: "I've refunded" needs a refund this run carries out itself
    (within the agent's limit). Above the limit a refund is only requested, never done."""
    if not CLAIMS_REFUND_DONE_RE.search(text):
        return []
    completing = [a for a in valid_actions
                  if a.kind == "refund" and a.amount <= ctx.constraints.agent_refund_limit]
    if completing:
        return []
    if any(a.kind == "refund" for a in valid_actions):
        return ["says the refund is done, but it needs a staff member's approval first"]
    return ["says a refund is done, but no refund is being carried out"]
