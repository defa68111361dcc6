"""Follow-ups on invoices and refunds: what looks wrong on an invoice, a refund refused for its window and argued
with, a refund asked after, taken back or let go on, when its money arrives, and a card said to be replaced.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.details_for_a_person import CANCELLATION_UNSEEN
from agents.follow_ups.go_aheads import DECLINE, affirms, says_it_is_done, withdraws_request
from agents.follow_ups.history import assistant_texts, last_assistant_text, previous_user_text
from agents.follow_ups.leaning_back import CLOSING, HOW_LONG_TO_WAIT, MAX_WORDS, WHEN_ALONE, asks_about_staff_review
from agents.follow_ups.offers import OFFER_LOOKBACK_TURNS, OFFER_PERSON, OFFER_REFUND
from agents.own_data import MONTH, asks_about_old_invoices, asks_for_document_copy, names_billing_document
from agents.service_terms import asks_a_fate_alone, asks_what_nonpayment_does
from agents.set_phrases import says_only_it_does_not_work

# How the billing part asks what is wrong on an invoice the customer says is wrong (reply_billing.py).
WHAT_LOOKS_WRONG = "looks wrong to you"
# And how it says what the records show of it, which the customer may answer in turn ("it should be $19").
INVOICE_NOT_CHANGED = "I can't change an invoice from this chat"


# "Did it work?", "has it gone through?", "did that go through?", "is it done?", "has it been processed?": whether
# what was just done took. The whole message: "did it work on staging?" asks something of its own.
_ASKS_IF_IT_WENT_THROUGH = re.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?|well|hey|hi)[\s,]+)*(?:did|has|have|is|was)\s+(?:it|that|this|the\s+refund|my\s+refund)"
    r"\s+(?:(?:been|gone|go|went|actually|all|already|finally)\s+)*"
    r"(?:work(?:ed)?|through|done|processed|sorted|complete[d]?|finished|successful|happened)"
    r"(?:\s+(?:yet|now|then|or\s+not|already))*\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# A refund the assistant named by its reference ("… sent it to a member of our staff for approval (reference
# RF-0001)", "has already been requested (reference RF-0001, $99.00)"): one asked for, which "did it work?" asks after.
_REFUND_BY_REFERENCE = re.compile(r"\brefund.*\bRF-[0-9A-Z]+\b", re.IGNORECASE | re.DOTALL)


# How the refund part refuses a charge past the window (reply_refunds.py); and the words that argue with a refusal.
REFUSED_FOR_THE_WINDOW = "refund window, so I can't refund it"
# "I didn't use it", "we never used the plan": a refund argued for as unused (the refund part hears the reason).
SAYS_IT_WENT_UNUSED = re.compile(
    r"\b(?:didn'?t|did\s+not|never|haven'?t|have\s+not|hasn'?t|has\s+not)\s+(?:even\s+|really\s+)?(?:been\s+)?used?\b"
    # "But we barely used it", "I only used it once": little use, the same reason given.
    r"|\b(?:barely|hardly|rarely|scarcely|never\s+really)\s+(?:even\s+)?(?:used|use|touched)\b"
    r"|\bonly\s+used\s+(?:it|them|the\s+\w+)\s+(?:once|twice|a\s+(?:few|couple\s+of)\s+times|for\s+(?:a|one)\s+(?:day|week))\b",
    re.IGNORECASE)
# "Why?" alone argues too: the reason for the refusal, asked (the latest paid invoice's refusal came, as if asked of it).
_PUSHES_BACK = re.compile(r"\b(?:why\s+not|why\s+can'?t|why\s+cannot|why\s+can\s+not|come\s+on|only|exception|unfair"
                          r"|not\s+fair|seriously|really|but|just\s+this\s+once|please)\b|^\W*why\s*[?.!]*\s*$"
                          rf"|{SAYS_IT_WENT_UNUSED.pattern}", re.IGNORECASE)
_NAMES_AN_INVOICE = re.compile(r"\bNW-?\d+\b", re.IGNORECASE)


def _refused_for_the_window_lately(ctx: SupportContext, *, turns: int = 2) -> bool:
    """Whether the last reply, or one of the `turns` before it (when the last said it would be the same, or answered
    an argument with it), refused a refund for its window."""
    return any(REFUSED_FOR_THE_WINDOW in text for text in assistant_texts(ctx)[:turns])


def pushes_back_on_a_refund_refused(ctx: SupportContext) -> bool:
    """"Why not?", "come on, it's only $29" soon after a refund was refused for its window (the last reply, or the one
    before when the last said it would be the same): an argument with the refusal, naming no other charge."""
    return (_refused_for_the_window_lately(ctx) and len(ctx.message.split()) <= 2 * MAX_WORDS and bool(_PUSHES_BACK.search(ctx.message))
            and not _NAMES_AN_INVOICE.search(ctx.message) and not _answers_the_offer(ctx.message))


# "Ok what about september?", "and the one from november?": another month's charge, named alone.
_ANOTHER_MONTH = re.compile(
    rf"^\W*(?:(?:ok(?:ay)?|and|so|well|fine|then)[,\s]+)*(?:(?:what|how)\s+about|and)?\s*(?:the\s+)?(?:(?:one|invoice|charge"
    rf"|payment)\s+(?:from|for|in)\s+)?(?:{MONTH})(?:'?s)?(?:\s+(?:one|invoice|charge|payment))?(?:\s+then)?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_of_another_month_after_a_refund_refused(ctx: SupportContext) -> bool:
    """"Ok what about september?" soon after a refund was refused for its window, also after "why not?" and "that's not
    fair" were answered: that month's charge refunded (it got "I don't have a guide on that" with the invoice beside
    it)."""
    return _refused_for_the_window_lately(ctx, turns=3) and bool(_ANOTHER_MONTH.match(ctx.message))


def refund_of_another_month_asked(ctx: SupportContext) -> str | None:
    """"Ok what about november?" soon after a refund was refused for its window: "can I get a refund for november?"; None
    for any other message. Read alone after an argument in between, it found no topic to lean on."""
    if not asks_of_another_month_after_a_refund_refused(ctx) or (month := re.search(MONTH, ctx.message, re.I)) is None:
        return None
    return f"can I get a refund for {month[0]}?"


# How the refund policy opens ("A charge can be refunded within 14 days …"), in the reply just given.
REFUND_POLICY_TOLD = "can be refunded within"
# How the refund part says no refund has been asked for (reply_refunds.py), which a complaint of waiting is then about.
NO_REFUND_REQUESTED = "I can't find a refund request on your account, so nothing is on its way yet."
_INVOICE_TOLD = re.compile(r"\b[Ii]nvoice NW-\d+\b")


def asks_of_another_months_invoice(ctx: SupportContext) -> bool:
    """"And september?" right after a reply about one invoice ("I need a receipt for october"): that month's invoice (it
    got the scope reply; after "show me my october invoice" the label read billing)."""
    return bool(_ANOTHER_MONTH.match(ctx.message)) and bool(_INVOICE_TOLD.search(last_assistant_text(ctx)))


# "And last month?", "what about this month's?" right after the invoice list: that month's invoice, counted from today.
_A_MONTH_FROM_TODAY = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|well|then)[,\s]+)*(?:(?:what|how)\s+about|and)?\s*(?:for\s+|from\s+)?(?:the\s+(?:one|invoice)"
    r"\s+(?:from|for)\s+)?(?:last|previous|this|current)\s+month(?:'?s)?(?:\s+(?:one|invoice|bill))?(?:\s+then)?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_of_a_months_invoice_from_today(ctx: SupportContext) -> bool:
    """"And last month?" right after a reply about invoices: that month's invoice (the list again, behind "my answer is
    the same")."""
    return bool(_A_MONTH_FROM_TODAY.match(ctx.message)) and names_billing_document(last_assistant_text(ctx))


def says_what_looks_wrong(ctx: SupportContext) -> bool:
    """"The amount", "it should be $19", "NW-1002, the price" right after being asked what looks wrong on an invoice: the
    answer to that, in a few words, asking nothing new."""
    last = last_assistant_text(ctx)
    return ((WHAT_LOOKS_WRONG in last or INVOICE_NOT_CHANGED in last) and len(ctx.message.split()) <= MAX_WORDS
            and not _ASKS_ANEW.match(ctx.message) and not _answers_the_offer(ctx.message)
            and not CLOSING.search(ctx.message))


def _answers_the_offer(message: str) -> bool:
    """"Yes please", "no thanks": a yes or a no to the person (or anything) the last reply offered, not what the rules
    that read a short reply to it take it for."""
    return affirms(message) or bool(DECLINE.match(message))


# A question of its own: "how do I …", "can I …", "what is …".
_ASKS_ANEW = re.compile(r"^\W*(?:how|can|could|what|where|when|why|who|is|are|do|does|will|would)\b", re.IGNORECASE)


def asks_if_it_went_through(message: str) -> bool:
    """"Did it work?", "has it gone through?", "is it done?": whether what was just done took."""
    return bool(_ASKS_IF_IT_WENT_THROUGH.match(message))


# What the assistant says when it did something on the account (workers/actions.describe_actions, and the account
# part starting an unlock): a refund or an unlock done, sent to staff, or that failed.
_SAYS_IT_DID_SOMETHING = re.compile(
    r"\bI've\s+(?:refunded|unlocked|sent\s+it\s+to\s+a\s+member|asked\s+them\s+to\s+do\s+it)"
    r"|\bI'll\s+start\s+the\s+unlock\b|\bI\s+couldn't\s+(?:record\s+the\s+refund|unlock)\b"
    r"|\byour\s+account\s+is\s+unlocked\b",
    re.IGNORECASE,
)


def asks_if_it_worked_with_nothing_done(ctx: SupportContext) -> bool:
    """"Did it work?" as a first message, or after answers that did nothing (no refund, no unlock): it asks after
    something the customer did, or thinks was done, that this chat knows nothing of. Not "did my refund go
    through?", which names what it asks after (the refund part looks it up)."""
    if not asks_if_it_went_through(ctx.message) or re.search(r"\brefund", ctx.message, re.IGNORECASE):
        return False
    return not refund_named_before(ctx) and not any(_SAYS_IT_DID_SOMETHING.search(t) for t in assistant_texts(ctx))


def refund_named_before(ctx: SupportContext) -> bool:
    """Whether one of the assistant's last few turns named a refund by its reference (one asked for: filed, or
    where it stands)."""
    return any(_REFUND_BY_REFERENCE.search(text) for text in assistant_texts(ctx)[:OFFER_LOOKBACK_TURNS])


def asks_after_a_refund(ctx: SupportContext) -> bool:
    """A question with no topic of its own that asks after a refund: how long staff take to approve one ("how
    long will approval take?", "when will staff look at it?": with no other topic found, a refund is what it asks
    after, or that none is waiting; an unlock's account topic stands, read before this), or whether the refund just
    named went through ("did it work?", "has it gone through?"). "Did it work?" after anything else asks after that."""
    if asks_about_staff_review(ctx.message):
        return True
    return asks_if_it_went_through(ctx.message) and refund_named_before(ctx)


def refund_arrival_asked_alone(ctx: SupportContext) -> str | None:
    """"When?" right after a reply that filed or told of a refund by its reference: "how long will my refund take to
    arrive?"; None otherwise."""
    if not WHEN_ALONE.match(ctx.message) or not asks_when_the_refund_arrives(ctx):
        return None
    return "how long will my refund take to arrive?"


# How the billing part tells a payment that failed ("Your payment for invoice NW-1003 ($29.00, issued on 2026-11-01)
# didn't go through because …").
PAYMENT_FAILURE_TOLD = re.compile(r"\bpayment for invoice NW-\d+ \([^)]*\) didn't go through\b")
# How the billing part tells the retry of a failed payment, with its invoices (reply_billing.py: _when_retried,
# _card_change_checked, _explain_failure).
RETRY_TOLD = re.compile(r"\btry the payment for (?P<numbers>NW-\d+(?:, NW-\d+)*) (?:again|with it)\b")
# A reply promising a failed payment tried again, in the billing part's words ("we'll try the payment for NW-1003 again")
# or the help centre's ("We retry any failed invoice on the new card within a day").
_RETRY_PROMISED = re.compile(r"\btry\s+the\s+payment\s+(?:for\s+NW-\d+\s+)?again\b|\bretry\s+any\s+failed\s+invoice\b")


def retry_asked_alone(ctx: SupportContext) -> str | None:
    """"When?" right after a reply that said a failed payment will be tried again: "when will you retry the
    payment?" (the scope reply came); None otherwise."""
    if not WHEN_ALONE.match(ctx.message) or not _RETRY_PROMISED.search(last_assistant_text(ctx)):
        return None
    return "when will you retry the payment?"


def asks_of_old_invoices_after_the_details(ctx: SupportContext) -> bool:
    """"Will it update old invoices?", "can you fix the old ones too?" right after the steps to put company details on
    invoices: the invoices already issued, which those steps leave as they are."""
    return asks_about_old_invoices(ctx.message) and "Billing → Details" in last_assistant_text(ctx)


# "How do I change it on invoices?", "can I update the name on our invoices?": a detail the invoices carry, changed.
_CHANGE_IT_ON_INVOICES = re.compile(
    r"\b(?:change|update|edit|correct|fix|put|get|show|add|set|replace)\s+(?:it|that|this|them|those|(?:the|our|my)\s+"
    r"(?:new\s+)?(?:(?:company|business)\s+)?(?:name|address|details))\s+(?:on|in|onto|to)\s+(?:the\s+|my\s+|our\s+|"
    r"all\s+(?:the\s+|my\s+|our\s+)?)?(?:invoices?|bills?|receipts?)\b", re.IGNORECASE)
# "And the address?", "what about our VAT number?", "the billing address too?": another of the details, named alone.
_A_DETAIL_NAMED_ALONE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|what\s+about|how\s+about|also)[,\s]+)*(?:the\s+|our\s+|my\s+)?(?:new\s+)?"
    r"(?:(?:billing|company|business|postal|office|registered)\s+)?(?:address|vat(?:\s+(?:number|id|no))?|tax\s+(?:id|number)"
    r"|company\s+name|name)(?:\s+(?:too|as\s+well|also))?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_of_an_invoice_detail_after_its_steps(ctx: SupportContext) -> bool:
    """"How do I change it on invoices?" or "and the address?" right after the steps to put company details on
    invoices: those steps again, for that detail (the card's steps came, for "change", and the email address's)."""
    return ("Billing → Details" in last_assistant_text(ctx)
            and bool(_CHANGE_IT_ON_INVOICES.search(ctx.message) or _A_DETAIL_NAMED_ALONE.match(ctx.message)))


# "But I cancelled last month", "I already cancelled it": a cancellation said after a charge was explained.
_SAYS_IT_WAS_CANCELLED = re.compile(
    r"^\W*(?:(?:but|and|though|well|yes|yeah|no|ok(?:ay)?|done|so)[,\s]+)*(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+|actually\s+|just\s+)?"
    r"cancell?ed(?:\s+(?:it|that|my\s+plan|my\s+subscription|our\s+plan|our\s+subscription|the\s+plan|the\s+subscription"
    r"|pro|business))?(?:\s+(?:last\s+month|already|weeks?\s+ago|days?\s+ago|a\s+while\s+ago|before\s+that|in\s+\w+"
    r"|before))?\s*[.!?]*\s*$", re.IGNORECASE)
# "I'm sure I did", "I definitely cancelled": the cancellation insisted on after our records were said not to show it.
_INSISTS_IT_WAS_DONE = re.compile(
    r"^\W*(?:(?:but|and|well|no|yes)[,\s]+)*(?:i'?m|i\s+am)\s+(?:sure|certain|positive)(?:\s+(?:i|we)\s+(?:did|cancell?ed"
    r"(?:\s+it)?))?|^\W*(?:(?:but|and|well|no)[,\s]+)*(?:i|we)\s+(?:definitely|really|did)\s+(?:did|cancell?ed|cancel)\b",
    re.IGNORECASE)


def says_it_was_cancelled(ctx: SupportContext) -> bool:
    """"But I cancelled last month" (after a charge was explained, or alone) from a customer on a paid plan: a
    cancellation the billing part checks against the subscription on record (the invoice list came, and the steps to
    cancel after a charge)."""
    return bool(ctx.customer is not None and ctx.customer.plan_price and _SAYS_IT_WAS_CANCELLED.match(ctx.message))


# "I said immediately, not at the end of the period", "I want it cancelled now", "can it end today?" right after the
# steps to cancel, which say the plan stays active until the end of the period paid for (the scope reply came).
# Not "what do I do now?" after the steps: a time alone is no ending.
_WANTS_IT_ENDED_AT_ONCE = re.compile(
    r"\bnot\s+at\s+the\s+end\b|\b(?:before|sooner\s+than)\s+the\s+end\b|\bi\s+said\s+(?:immediately|now|right\s+away|today)\b"
    r"|\b(?:cancel\w*|end|ended|ends|ending|stop|stopped|terminat\w*|close|closed)\b[^.?!]{0,30}"
    # Not "cancel it now please", which asks for it to be done ("from this chat" is answered by its own part).
    r"\b(?:immediately|right\s+(?:now|away)|straight\s+away|at\s+once|today|early|sooner)\b",
    re.IGNORECASE)
_STAYS_ACTIVE_TOLD = "stays active until the end of the period you've paid for"
CANCEL_AT_ONCE_UNDESCRIBED_REPLY = (
    "Our help centre only describes a cancellation that takes effect at the end of the period you've paid for, not one "
    "that ends the plan at once, so I can't promise that, or a refund for the rest of the period. A person from our "
    f"team can look at ending it sooner: would you like me to {OFFER_PERSON}?")


def wants_the_cancellation_at_once(ctx: SupportContext) -> bool:
    """"I said immediately, not at the end of the period" right after the steps to cancel."""
    return (len(ctx.message.split()) <= 16 and bool(_WANTS_IT_ENDED_AT_ONCE.search(ctx.message))
            and _STAYS_ACTIVE_TOLD in last_assistant_text(ctx))


CANCELLATION_INSISTED_REPLY = (
    "I believe you, and I'm sorry it hasn't gone through as it should. I can only see what our records show, and they "
    "don't show your cancellation; a person from our team can look into what happened to it and put it right: would you "
    f"like me to {OFFER_PERSON}?")


def insists_it_was_cancelled(ctx: SupportContext) -> bool:
    """"I'm sure I did" right after our records were said not to show the cancellation (the scope reply came)."""
    return bool(_INSISTS_IT_WAS_DONE.match(ctx.message)) and CANCELLATION_UNSEEN in last_assistant_text(ctx)


# How the billing part sets a failed payment against what the bank shows ("Our records show the payment for NW-1003 as
# failed, not as paid."), and "I can see it on my bank statement", "it's on my statement", "my bank shows it" after it.
_RECORDS_SHOW_FAILED = re.compile(r"\bOur records show the payment for (?P<invoice>NW-\d+) as failed, not as paid\b")
_BANK_SHOWS_IT = re.compile(
    r"\b(?:see|seeing|saw)\s+(?:it|the\s+(?:charge|payment|money))\s+(?:on|in)\s+(?:my\s+|the\s+)?(?:bank|statement|banking\s+app)"
    r"|\b(?:it'?s|it\s+is|the\s+(?:charge|payment)\s+is)\s+(?:on|in)\s+(?:my\s+|the\s+)?(?:bank|statement|banking\s+app)"
    r"|\b(?:my\s+)?(?:bank|statement|banking\s+app)\s+(?:(?:clearly|definitely)\s+)?(?:shows?|says|lists)\s+(?:it|the\s+(?:charge|payment)"
    r"|that\s+it\s+was\s+(?:paid|charged|taken))", re.IGNORECASE)


def bank_shows_it_reply(ctx: SupportContext) -> str | None:
    """"I can see it on my bank statement" right after a failed payment was set against what the bank shows: heard, the
    records again, and a person offered (the invoice list came). None for another message."""
    told = _RECORDS_SHOW_FAILED.search(last_assistant_text(ctx))
    if told is None or not _BANK_SHOWS_IT.search(ctx.message):
        return None
    return (f"Thanks for checking. Our records still show the payment for {told['invoice']} as failed, and I can't see "
            "your bank statement from this chat to set the two side by side. A person from our team can look into it "
            f"with you, with what your bank shows: would you like me to {OFFER_PERSON}?")


# How the billing part says the help centre is silent on what an unpaid account leads to.
NONPAYMENT_UNSAID = "Our help centre doesn't say what happens to your apps or account while a payment is outstanding"


def nonpayment_asked_again(ctx: SupportContext) -> bool:
    """"Will my apps be shut down?" right after "what happens if I don't pay?" (the invoice list came), or right after a
    failed payment was explained or its retry told ("thanks. will my apps be stopped?": the invoice list): what an
    unpaid account leads to, asked of the apps."""
    if not asks_a_fate_alone(ctx.message):
        return False
    last_reply = last_assistant_text(ctx)
    return (asks_what_nonpayment_does(previous_user_text(ctx) or "") or NONPAYMENT_UNSAID in last_reply
            or bool(PAYMENT_FAILURE_TOLD.search(last_reply) or RETRY_TOLD.search(last_reply)))


def reports_card_replaced(ctx: SupportContext) -> bool:
    """"Ok I added a new one", "done" right after being told to replace the card under Billing → Payment method:
    the customer says the card is replaced. Alone, its words matched the FAQ's steps to replace a card (sent again as
    the shortcut), or it got the failure explained again; what it needs is the card on file checked. "I already did
    that" and "still failing" there say the same, and that the payment still fails: the card on file tells why."""
    return ((says_it_is_done(ctx.message) or says_only_it_does_not_work(ctx.message)
             or bool(_STILL_SHOWS_FAILED.match(ctx.message)))
            and "Payment method" in last_assistant_text(ctx))


# "Still says failed", "it still shows declined" after the card was said to be replaced ("no guide" came).
_STILL_SHOWS_FAILED = re.compile(r"^\W*(?:(?:but|and|it)\s+)*still\s+(?:says|shows|showing|saying|is|reads)\s+"
                                 r"(?:as\s+)?(?:failed|declined|unpaid|overdue|payment\s+failed)\W*$", re.IGNORECASE)
# "Can you try now?", "could you try it again today?" right after a retry of the failed payment was told: a retry asked
# of us, in words that name no retry ("not enough information" came).
# "Can you charge it now?", "could you run the payment again?": the same, in the words of a charge.
_TRY_IT_NOW = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|then|please)[,\s]+)?(?:can|could|will|would)\s+(?:you|u)\s+(?:please\s+)?"
                         r"(?:try(?:\s+(?:it|that|the\s+payment|to\s+charge\s+(?:me|it)))?"
                         r"|(?:charge|bill)\s+(?:it|me|the\s+card|my\s+card|the\s+(?:new\s+)?card)"
                         r"|(?:run|process|retry|redo)\s+(?:it|the\s+payment|the\s+charge))"
                         r"(?:\s+(?:again|now|today|once\s+more|right\s+away)){0,2}"
                         r"(?:\s+please)?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_us_to_try_it_now(ctx: SupportContext) -> bool:
    """"Can you try now?" right after a reply telling how a failed payment is tried again."""
    return bool(_TRY_IT_NOW.match(ctx.message)) and RETRY_TOLD.search(last_assistant_text(ctx)) is not None


def withdraws_the_refund_just_asked(ctx: SupportContext) -> bool:
    """"Actually cancel that" right after a refund was asked for: the refund is what is taken back (it got "No
    problem, I'll leave it there", as if nothing had been done)."""
    return withdraws_request(ctx.message) and bool(_REFUND_BY_REFERENCE.search(last_assistant_text(ctx)))


# "Ok never mind, go ahead with it", "keep it then": a refund just asked for is to go on (it got the steps to cancel the
# subscription, for the "cancel that" before it).
_LETS_IT_GO_ON = re.compile(r"\b(?:go\s+ahead(?:\s+with\s+it)?|keep\s+it|leave\s+it(?:\s+as\s+it\s+is)?|carry\s+on|let\s+it"
                            r"\s+(?:go\s+through|proceed|go\s+ahead)|proceed\s+with\s+it)\b", re.IGNORECASE)


def lets_the_refund_go_on(ctx: SupportContext) -> bool:
    """"Ok never mind, go ahead with it" within two replies of a refund asked for: the refund is to go on."""
    return (len(ctx.message.split()) <= MAX_WORDS + 4 and bool(_LETS_IT_GO_ON.search(ctx.message))
            and any(_REFUND_BY_REFERENCE.search(text) for text in assistant_texts(ctx)[:2]))


# "Ok what about the duplicate?", "and the duplicate one?", "can you refund the duplicate?": the charge taken twice the
# last replies named (read as technical at 0.4, which put "I don't have a guide on that" before its refund).
_THE_DUPLICATE = re.compile(r"\b(?:the|that|this)\s+(?:duplicate|double|second)(?:\s+(?:one|charge|payment))?\b",
                            re.IGNORECASE)


def asks_after_the_duplicate(ctx: SupportContext) -> bool:
    """Whether a short message asks after the duplicate charge one of the last two replies named."""
    return (len(ctx.message.split()) <= 8 and bool(_THE_DUPLICATE.search(ctx.message))
            and any("duplicate" in text.lower() or "charged twice" in text.lower() for text in assistant_texts(ctx)[:2]))


# "How long will it take to reach my account?", "when will it show up in my bank?" right after a refund was filed or
# asked for (account, for "my account": the refund's timing quoted as a guess): when the money arrives.
_WHEN_IT_ARRIVES = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|thanks|great)[,\s]+)?(?:how\s+long|when|how\s+soon|how\s+many\s+days)\b[^.?!]{0,40}\b"
    r"(?:reach|arrive|land|show\s+up|appear|come\s+through|come\s+back|get\s+(?:it|my\s+money|the\s+money)|be\s+back"
    r"|hit|see\s+(?:it|the\s+money|my\s+money|the\s+refund|my\s+refund))\b"
    # "How long will it take?" alone: after a refund told of by its reference, nothing else is under way.
    r"|^\W*(?:(?:and|so|ok(?:ay)?|thanks|great)[,\s]+)?how\s+long\s+(?:will|does|would|is)\s+(?:it|that|this)\s+"
    r"(?:going\s+to\s+)?take\s*[?.!]*\s*$"
    # "How long do I have to wait?" (out of scope at 0.64: the scope reply): the same, as a wait.
    rf"|^\W*(?:(?:and|so|ok(?:ay)?|thanks|great)[,\s]+)?{HOW_LONG_TO_WAIT}"
    r"(?:\s+for\s+(?:it|that|this|the\s+(?:money|refund)))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_when_the_refund_arrives(ctx: SupportContext) -> bool:
    """"How long will it take to reach my account?", or "when?" alone, right after a reply that filed or told of a
    refund by its reference: when the refund's money arrives."""
    return (bool(_WHEN_IT_ARRIVES.search(ctx.message) or WHEN_ALONE.match(ctx.message))
            and bool(_REFUND_BY_REFERENCE.search(last_assistant_text(ctx))))


def refund_arrival_asked_after_an_offer(ctx: SupportContext) -> str | None:
    """"When will it show up?" right after a refund was offered and not yet asked for (the offer again came, behind "my
    answer is the same"): "how long until I get my refund?"; None for any other message."""
    if not _WHEN_IT_ARRIVES.match(ctx.message) or OFFER_REFUND not in last_assistant_text(ctx):
        return None
    return "how long until I get my refund?"


# "As a zip?" after the invoice list, "can I get my invoices in csv?": the invoices in a format the help centre doesn't
# describe (its entry names a PDF for each). "No guide" came, or the list again behind "my answer is the same".
# "In pdf" after the invoices (the scope reply came) asks for the format the entry names.
_FILE_FORMAT = r"(?:zip|zipped|csv|excel|xlsx?|spreadsheet|word|docx?|pdfs?)"
_IN_A_FORMAT = re.compile(
    rf"\b(?:as|in|into)\s+(?:an?\s+|one\s+)?(?:single\s+)?{_FILE_FORMAT}(?:\s+(?:files?|format|sheet))?\b"
    rf"|\b{_FILE_FORMAT}\s+(?:files?|exports?|downloads?|format)\b"
    r"|\bzip\s+(?:them|it|those|these|all)\b"
    # "Can I download them all at once?", "in bulk" after the invoice list: one download of them all, no format named.
    r"|\b(?:all|every\s+one|everything)\b[^.?!]{0,25}?\s(?:at\s+once|in\s+one\s+go|together)\b"
    r"|\bin\s+bulk\b|\bbulk\s+(?:download|export)\b", re.IGNORECASE)
_FORMAT_WORD = re.compile(_FILE_FORMAT, re.IGNORECASE)
_FORMAT_NAMES = {"zip": "a ZIP", "zipped": "a ZIP", "csv": "CSV", "excel": "Excel", "xls": "Excel", "xlsx": "Excel",
                 "spreadsheet": "a spreadsheet", "word": "Word", "doc": "Word", "docx": "Word", "pdf": "PDF", "pdfs": "PDF"}
# The format the help centre's entry on invoices names.
INVOICES_AS_PDF = "PDF"
# Every invoice in one download, which no format names.
INVOICES_ALL_AT_ONCE = "all at once"


def invoice_format_asked(ctx: SupportContext) -> str | None:
    """The format asked for ("a ZIP", "CSV", or all of them at once) of invoices: named in the message, or in a short
    message right after a reply about invoices ("as a zip?" after their list). None for any other message, or a format of something else ("export
    my data as a zip")."""
    found = _IN_A_FORMAT.search(ctx.message)
    if found is None:
        return None
    about_invoices = names_billing_document(ctx.message) or (
        len(ctx.message.split()) <= MAX_WORDS and names_billing_document(last_assistant_text(ctx))
        and not re.search(r"\b(?:data|apps?|account|logs?|history)\b", ctx.message, re.IGNORECASE))
    if not about_invoices:
        return None
    word = _FORMAT_WORD.search(found.group(0))
    return _FORMAT_NAMES[word.group(0).lower()] if word is not None else INVOICES_ALL_AT_ONCE


# "Can I download them?" after the invoice list (the list again, behind "my answer is the same"), "can I download them
# first?" after what deleting the account does to them: where the invoices are downloaded, which the entry on them says.
_DOWNLOAD_THEM = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|wait)[,\s]+)?(?:(?:can|could|may)\s+(?:i|we)|how\s+(?:do|can|could|would)\s+(?:i|we)"
    r"|where\s+(?:do|can)\s+(?:i|we))\s+(?:download|save|print|get\s+(?:a\s+)?(?:cop(?:y|ies)|pdfs?)\s+of)\s+"
    r"(?:them|those|these|it|that\s+one|each\s+one)(?:\s+(?:first|too|all|now|somewhere|as\s+(?:a\s+)?pdfs?))*"
    r"\s*[?.!]*\s*$", re.IGNORECASE)


def invoice_download_asked(ctx: SupportContext) -> bool:
    """"Can I download them?" right after a reply about invoices; False for another message, or after another reply."""
    return bool(_DOWNLOAD_THEM.match(ctx.message)) and names_billing_document(last_assistant_text(ctx))


# "Will it happen again?", "how do I make sure this doesn't happen again?", "will I be charged twice again?" right after
# a payment was told to be a duplicate: the duplicate came again, with its refund, as if the question were unheard.
_HAPPENS_AGAIN = re.compile(
    r"\b(?:will|could|can|might|may|would|is)\s+(?:it|this|that)\s+(?:be\s+going\s+to\s+|going\s+to\s+|ever\s+)?"
    r"happen(?:ing)?\s+again\b"
    r"|\b(?:make\s+sure|ensure|stop|prevent|avoid)\b[^.?!]{0,30}\bhappen(?:s|ing)?\s+again\b"
    r"|\b(?:will|could|might|would)\s+(?:i|we)\s+(?:be|get)\s+(?:charged|billed)\s+(?:twice\s+)?again\b",
    re.IGNORECASE)
_DUPLICATE_TOLD = re.compile(r"\bis a duplicate\b|\bOne of them is a duplicate\b")
DUPLICATE_AGAIN_REPLY = (
    "Our records mark the second payment as a duplicate, but they don't say what caused it, so I can't promise it won't "
    "happen again. If you're ever charged twice again, tell me here: a duplicate charge is always refunded in full. A "
    f"person from our team can look into what caused this one: would you like me to {OFFER_PERSON}?")


# "Will I be charged twice now?", "will that double charge me?" right after a failed payment was said to be tried again:
# whether the retry and the renewal charge twice (it got "I can't find a duplicate charge", as if one were reported).
_CHARGED_TWICE_ASKED = re.compile(
    r"\b(?:will|would|could|am|do|does|is)\s+(?:i|we|it|that|this)\s+(?:\w+\s+)?(?:be\s+|get\s+|going\s+to\s+be\s+)?"
    r"(?:charged|billed|charge\s+(?:me|us)|bill\s+(?:me|us))\s+(?:twice|double|two\s+times)\b"
    r"|\bdouble[\s-]+charge(?:d)?\s+(?:me|us)\b|\b(?:pay|paying)\s+twice\b", re.IGNORECASE)


def asks_if_the_retry_charges_twice(ctx: SupportContext) -> bool:
    """"Will I be charged twice now?" right after a failed payment was said to be tried again."""
    return bool(_CHARGED_TWICE_ASKED.search(ctx.message)) and bool(_RETRY_PROMISED.search(last_assistant_text(ctx)))


def asks_if_a_duplicate_happens_again(ctx: SupportContext) -> bool:
    """"Will it happen again?" right after a payment was told to be a duplicate."""
    return bool(_HAPPENS_AGAIN.search(ctx.message)) and bool(_DUPLICATE_TOLD.search(last_assistant_text(ctx)))


# "Did any fail?", "were any of them declined?" right after the payments or invoices were listed: whether a payment failed
# (general at 0.77: the steps to replace a card).
_ANY_FAILED = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:did|have|has|were|was|are|is)\s+(?:any|one|some)\s+(?:of\s+(?:them|those|these)\s+)?"
    r"(?:fail(?:ed)?|bounced?|(?:get|got|been)\s+(?:declined|rejected|refused)|declined|rejected|unpaid|missed)"
    r"(?:\s+(?:yet|so\s+far|recently))?\s*[?.!]*\s*$", re.IGNORECASE)
# A reply that listed payments or invoices by their number; one of them failed.
_LISTED = re.compile(r"^- .*\bNW-\d+", re.MULTILINE)
_LISTED_FAILED = re.compile(r"^- .*\bNW-\d+.*\bfailed\b", re.MULTILINE)


def asks_if_any_failed(ctx: SupportContext) -> bool:
    """"Did any fail?" right after a reply that listed payments or invoices: whether any of them failed."""
    return bool(_ANY_FAILED.match(ctx.message)) and bool(_LISTED.search(last_assistant_text(ctx)))


# "My card was declined", "the payment failed", "I have a problem paying": a payment refused, reported (to a visitor, only
# the request to sign in came; the steps to replace a card are the same for everyone).
_PAYMENT_REFUSED = re.compile(
    r"\b(?:card|payment|charge)\s+(?:was\s+|got\s+|is\s+|keeps\s+(?:getting\s+|being\s+)?|has\s+been\s+)?"
    r"(?:declined|rejected|refused|bounced|failed|failing)\b"
    r"|\b(?:declined|rejected|refused)\s+(?:my\s+|the\s+)?(?:card|payment)\b"
    r"|\b(?:problem|issue|trouble)s?\s+(?:when\s+(?:trying\s+to\s+)?)?(?:paying|making\s+(?:a\s+)?payment|with\s+(?:my\s+|the\s+)?payment)\b",
    re.IGNORECASE)


# "Declined at an ATM", "a transfer failed": a bank's own refusal, not a payment to us.
_AT_A_BANK = re.compile(r"\b(?:atm|cash\s+machine|withdraw\w*|transfers?|top[\s-]?up)\b", re.IGNORECASE)


def reports_a_payment_refused(message: str) -> bool:
    """"My card was declined, what do I have to do?": a payment the customer's card could not make."""
    return bool(_PAYMENT_REFUSED.search(message)) and not _AT_A_BANK.search(message)


# "The one that failed?", "what about the one that didn't go through?" right after a copy or a receipt was asked for and
# the invoices listed: that invoice's, whose payment was never taken (the steps to replace a card came by the FAQ
# shortcut, for "failed").
_THE_FAILED_ONE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|what\s+about|how\s+about|for)[,\s]+)*(?:the\s+)?(?:one|invoice|payment|receipt)\s+"
    r"(?:that|which)\s+(?:failed|didn'?t\s+go\s+through|did\s+not\s+go\s+through|bounced|was\s+declined)(?:\s+too)?"
    r"\s*[?.!]*\s*$", re.IGNORECASE)


def asks_for_the_failed_ones_receipt(ctx: SupportContext) -> bool:
    """"The one that failed?" right after a receipt or a copy of an invoice was asked for."""
    return bool(_THE_FAILED_ONE.match(ctx.message)) and asks_for_document_copy(previous_user_text(ctx) or "")


def asks_of_the_failed_one_listed(ctx: SupportContext) -> bool:
    """"The one that failed?" right after a reply that listed an invoice whose payment failed: that invoice."""
    return bool(_THE_FAILED_ONE.match(ctx.message)) and bool(_LISTED_FAILED.search(last_assistant_text(ctx)))
