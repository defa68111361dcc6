"""When the FAQ's best entry, however close its words, is not the customer's answer on its own.

The shortcut sends an entry as the whole reply. Each rule here names a message whose words match an entry by chance,
or whose answer needs what the entry cannot say (the customer's own facts, what was said before, that nothing in this
chat does what was asked): the run goes on to the agents, and the trace says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agents.about_service import (
    asks_about_support_hours,
    payment_methods_asked,
    plan_a_way_to_pay_is_for,
    unlisted_payment_methods,
)
from agents.app_deletion import asks_what_deleting_an_app_saves
from agents.context import SupportContext
from agents.data_protection import asks_for_a_dpa, asks_to_erase_personal_data
from agents.email_change import new_email_given
from agents.follow_ups.billing import (
    asks_for_the_failed_ones_receipt,
    asks_of_an_invoice_detail_after_its_steps,
    asks_of_old_invoices_after_the_details,
    asks_of_the_failed_one_listed,
    invoice_format_asked,
    reports_card_replaced,
)
from agents.follow_ups.go_aheads import affirms
from agents.follow_ups.history import last_assistant_text, previous_user_text, turns_before
from agents.follow_ups.leaning_back import asks_for_more, asks_the_amount_of_it, asks_to_deliver_it, asks_which_of_them
from agents.follow_ups.offers import declines_offer
from agents.follow_ups.people import asks_what_a_member_may_do_after_the_team, members_priced_after_the_team
from agents.follow_ups.plan_moves import asks_us_to_change_plan
from agents.follow_ups.plans import (
    asks_the_amount_of_the_renewal,
    free_plan_duration_asked,
    plan_whose_contents_are_asked,
    plans_priced_asked,
)
from agents.follow_ups.what_becomes_of import (
    asks_of_sleep_after_an_upgrade,
    asks_what_cancelling_does,
    asks_what_ending_does,
)
from agents.invites import asks_us_to_invite
from agents.outcome import FaqMatch
from agents.own_data import (
    ASKS_IF_ON_A_PLAN,
    about_own_lock,
    about_own_two_factor,
    asks_about_own_data,
    asks_about_the_billing_email,
    asks_about_the_lock,
    asks_if_the_account_is_safe,
    asks_us_to_delete_the_account,
    asks_us_to_reset_the_password,
    asks_when_joined,
    gives_an_address_to_send_to,
    gives_an_invoice_detail,
    is_the_entry_on_a_double_charge,
    reports_lost_second_factor,
    speaks_of_more_than_one_charge,
)
from agents.service_terms import (
    asks_about_paying_yearly,
    asks_for_a_neighbouring_plan,
    asks_for_a_plan_change_alone,
    asks_if_own_plan_has_the_sla,
    asks_price_per_app,
    plan_asked_if_offered,
    plan_moved_to,
    saving_asked_of_a_move,
)
from agents.taxes import asks_if_tax_is_added
from agents.team_size import asks_who_is_on_the_team

Refuses = Callable[[SupportContext, FaqMatch], bool]

# "What is my plan?", "what's our current plan?", "what plan am I on?": which plan the customer is on, alone.
_WHICH_PLAN_IS_MINE = re.compile(
    r"^\W*(?:(?:what|which)(?:'s|\s+is)\s+(?:my|our)\s+(?:current\s+)?plan|(?:what|which)\s+plan\s+(?:am\s+i|are\s+we)\s+on"
    r"|(?:what|which)\s+plan\s+do\s+(?:i|we)\s+have)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class FaqRefusal:
    """A message the entry its words match does not answer alone, and why (for the run's trace)."""

    refuses: Refuses
    why: str


def _message(asks: Callable[[str], bool]) -> Refuses:
    return lambda ctx, _top: asks(ctx.message)


def _signed_in(asks: Callable[[str], bool]) -> Refuses:
    """The signed-in customer's own facts answer it; a visitor gets the entry, which is right for anyone."""
    return lambda ctx, _top: ctx.customer is not None and asks(ctx.message)


def _after_a_question(asks: Callable[[str], bool]) -> Refuses:
    """Asked of what the customer said before; a first message with these words means what the entry says."""
    return lambda ctx, _top: asks(ctx.message) and bool(previous_user_text(ctx))


_SPEAKS_OF_RECOVERY = re.compile(r"\b(?:recover\w*|lost|lose|losing|broke|broken|stolen|new\s+(?:phone|device)|codes?|"
                                 r"locked|can'?t|cannot|doesn'?t|won'?t|not\s+working)\b", re.IGNORECASE)


# A second factor named: "I lost my 2fa phone", "the code doesn't work", "my authenticator".
_NAMES_A_SECOND_FACTOR = re.compile(r"\b(?:2fa|two[\s-]?factor|2[\s-]?step|mfa|authenticat\w*|otp|codes?|phones?|mobile|sms"
                                    r"|text\s+messages?|recovery|device)\b", re.IGNORECASE)


def _is_the_entry_on_a_lost_second_factor(top: FaqMatch) -> bool:
    return bool(re.search(r"\blost\b", top.question, re.IGNORECASE)) and "authenticator" in top.question.lower()


def _moves_to_the_plan_it_is_on(ctx: SupportContext, _top: FaqMatch) -> bool:
    """"How can we get business?" from Bob, on Business: the upgrade's steps answered a move there is none to make."""
    moved = plan_moved_to(ctx.message)
    return ctx.customer is not None and moved is not None and moved.lower() == ctx.customer.plan.lower()


def _method_of_another_plan(ctx: SupportContext, top: FaqMatch) -> bool:
    """"Can I pay with bank transfer?" from Alice, on Pro: the entry gives that way to pay to Business customers only,
    which the entry alone left her to work out (the billing part says it of her plan)."""
    if ctx.customer is None:
        return False
    plans = (plan_a_way_to_pay_is_for(method, top.answer) for method in payment_methods_asked(ctx.message))
    return any(plan is not None and plan.lower() != ctx.customer.plan.lower() for plan in plans)


def _plan_not_the_entrys(plan: str | None, top: FaqMatch) -> bool:
    return plan is not None and plan not in top.question.lower()


# In this order: the first that refuses is the one the trace gives.
FAQ_REFUSALS: tuple[FaqRefusal, ...] = (
    # "Yes go on then", "maybe later": an answer to the assistant's last turn, whose words alone match an entry by
    # chance ("go on" → "Do free apps go to sleep?").
    FaqRefusal(lambda ctx, _top: bool(ctx.history) and (affirms(ctx.message) or declines_offer(ctx)),
               "answers the assistant's offer"),
    # "Do I have the sla?" (out of scope at 0.34, then the entry): the customer's own plan, yes or no.
    FaqRefusal(_signed_in(asks_if_own_plan_has_the_sla), "asks whether the customer's own plan has the uptime SLA"),
    FaqRefusal(_message(asks_us_to_invite), "asks the chat to invite someone, which it can't do"),
    # "Am I on the free plan?": the customer's own plan, yes or no; the words match the entry on Free.
    FaqRefusal(_message(lambda message: bool(ASKS_IF_ON_A_PLAN.match(message))),
               "asks whether the customer's own account is on a plan"),
    # "Ok I added a new one" after being told to replace the card: its words match the steps to replace one.
    FaqRefusal(lambda ctx, _top: reports_card_replaced(ctx), "says the card it was asked to replace is replaced"),
    # "Email it to my address, please": the words name the channel, which the FAQ matches (how to change an email
    # address); what "it" is was said before.
    FaqRefusal(_message(asks_to_deliver_it), "asks for what was discussed before to be sent"),
    # "How much will it be?" after "when is my next payment?": the amount of what was just discussed (the renewal),
    # not the plans' prices its words match.
    FaqRefusal(lambda ctx, top: _after_a_question(asks_the_amount_of_it)(ctx, top)
               or asks_the_amount_of_the_renewal(ctx), "asks the amount of what was discussed before"),
    # "Will it update old invoices?" after the steps to add a VAT number: the entry on those details says; the words
    # matched the email change's ("invoices keep using the old address").
    FaqRefusal(lambda ctx, _top: asks_of_old_invoices_after_the_details(ctx),
               "asks whether invoices already issued get the details just told how to add"),
    # "And the address?" after those steps: the words match changing the email address. ("And VAT number?" matches
    # those steps' entry, which is sent and told as covering it.)
    FaqRefusal(lambda ctx, top: asks_of_an_invoice_detail_after_its_steps(ctx)
               and not {"vat", "company"} & set(top.question.lower().split()),
               "asks of a detail invoices carry right after the steps to enter them"),
    # "The one that failed?" after a receipt was asked for: that invoice's, not the steps to replace a card ("failed").
    FaqRefusal(lambda ctx, _top: asks_for_the_failed_ones_receipt(ctx) or asks_of_the_failed_one_listed(ctx),
               "asks of the invoice listed whose payment failed"),
    # "Do you add VAT?": whether tax comes on top of the prices, which the entry on adding a VAT number to invoices (its
    # words' match) doesn't say.
    FaqRefusal(_message(asks_if_tax_is_added), "asks whether tax is added to our prices"),
    # "Can I pay with bank transfer?" from a customer on Pro: the entry gives it to Business customers only.
    FaqRefusal(_method_of_another_plan, "asks about a way to pay the entry gives another plan only"),
    # "Is the free plan free forever?": the entry on Free lists what it includes and nothing of how long it lasts.
    FaqRefusal(lambda ctx, _top: free_plan_duration_asked(ctx), "asks how long the Free plan lasts"),
    # "Can I get my invoices as a zip?": the entry on invoices names a PDF of each, and alone reads as a yes.
    FaqRefusal(lambda ctx, _top: invoice_format_asked(ctx) is not None,
               "asks for the invoices in a format the entry doesn't name"),
    # "How much would that cost?" after "The API allows 3,000 requests a minute on Business … upgrade your plan": the
    # paid plans just named (every plan's price, from the entry its words match, left the customer to find Business's).
    # Not after the scaling guide's "on Free, apps sleep …": Free's price is no answer to what scaling costs.
    FaqRefusal(lambda ctx, _top: bool(named := plans_priced_asked(ctx)) and "Free" not in named,
               "asks the price of the paid plans just named"),
    # "Can she see the invoices?" right after the team's entry: what a member may see, which the entry doesn't say.
    FaqRefusal(lambda ctx, _top: asks_what_a_member_may_do_after_the_team(ctx),
               "asks what a member may see or do, right after the team's entry"),
    # "Is my account safe?": the account's own state and what makes it safer; the words match the entry on locks ("to
    # keep it safe").
    FaqRefusal(_message(asks_if_the_account_is_safe), "asks how safe the account is"),
    # "How much would it cost for 3 apps?": how many apps each plan allows decides it, which the entry listing the plans'
    # prices does not say.
    FaqRefusal(_message(asks_price_per_app), "asks the price of a number of apps, or of each app"),
    # "How much extra does that cost?" right after the team's entry: a price for each member, which the plans' prices
    # (0.95, by "cost") don't give; the billing part says so, with what the entry says of members.
    FaqRefusal(lambda ctx, _top: members_priced_after_the_team(ctx), "asks a price for each member, after the team's entry"),
    # "Will I get money back for it?" after "I deleted an app yesterday": what the app cost, which is nothing apart from
    # the plan; the words match the refund policy.
    FaqRefusal(lambda ctx, _top: asks_what_deleting_an_app_saves(ctx.message, asked_before=previous_user_text(ctx) or ""),
               "asks what deleting an app does to the bill"),
    # "How do I get more?" after the API's limit on Pro: more of what was discussed; the words alone match the generic
    # upgrade steps ("choose Pro or Business").
    FaqRefusal(_after_a_question(asks_for_more), "asks for more of what was discussed before"),
    # "Which payment?" after "why was my card charged on nov 15?": which of the things discussed, not the entry its
    # words match alone (the payment methods we accept).
    FaqRefusal(_after_a_question(asks_which_of_them), "asks which of the things discussed before is meant"),
    # "Would my apps be deleted?" after asking how to cancel: what is ending was said before; on their own the words
    # match an unrelated entry (a deleted authenticator app).
    FaqRefusal(lambda ctx, _top: asks_what_ending_does(ctx),
               "asks what cancelling, asked about before, does to apps or data"),
    # "Will you delete my data if I cancel?": the words match deleting the account (0.94); the entry on cancelling says
    # what happens to apps and data, which the writer tells.
    FaqRefusal(_message(asks_what_cancelling_does), "asks what cancelling does to apps or data"),
    # "alice@newmail.com" after "how do I change my email?" (the entry at 0.97): the address to change to, which the
    # account part says the chat can't set, with the entry's steps for it.
    FaqRefusal(lambda ctx, _top: ctx.customer is not None and new_email_given(ctx) is not None,
               "gives the new email address to change to"),
    # "Change the email invoices go to": the entry says how to change the account's address; the billing part says
    # that is where invoices go, with the address on file.
    FaqRefusal(_signed_in(asks_about_the_billing_email),
               "asks about the address the signed-in customer's invoices go to"),
    # "To accounting@mycompany.com" after being told the chat sends no email: the words match changing the email
    # address, which the billing part says moves the invoices, and that a second address is not described.
    FaqRefusal(lambda ctx, _top: gives_an_address_to_send_to(ctx.message, last_reply=last_assistant_text(ctx)),
               "gives another address to send to, which nothing in this chat sends to"),
    # "Do you accept paypal?": the entry's list alone leaves the customer to work out that PayPal is not on it; the
    # billing part quotes the list and says so.
    FaqRefusal(lambda ctx, top: bool(unlisted_payment_methods(ctx.message, top.answer)),
               "asks about a way to pay the entry does not name"),
    # The FAQ says how things work for everyone; this customer's facts answer the question.
    FaqRefusal(_signed_in(asks_about_own_data), "asks about the signed-in customer's own data"),
    # "What is my plan?" from a visitor: every plan's price came, as if it were the answer; which is theirs is for
    # signing in to see.
    FaqRefusal(lambda ctx, _top: ctx.customer is None and bool(_WHICH_PLAN_IS_MINE.match(ctx.message)),
               "asks which plan a visitor is on, which only signing in shows"),
    # "How many team members do we have?": the team's entry says how to add one; who is on it the account part says it
    # can't see.
    FaqRefusal(lambda ctx, _top: asks_who_is_on_the_team(ctx.message), "asks who is on the team, which no entry lists"),
    # "Upgrade me to Business": no action changes a plan, which the reply says, and the customer's plan decides which
    # way the move goes (or that there is none to make); the entry alone says neither.
    FaqRefusal(_signed_in(asks_us_to_change_plan), "asks the assistant to change the signed-in customer's plan"),
    FaqRefusal(_moves_to_the_plan_it_is_on, "asks to move to the plan the signed-in customer is on"),
    # "Can I pay yearly?": the entry on payment methods says Business customers can; whether this customer can is
    # their plan's to say, which the billing part leads with.
    FaqRefusal(_signed_in(asks_about_paying_yearly),
               "asks about paying yearly, which the signed-in customer's plan decides"),
    # "Is there a cheaper plan?", "what is the next tier up?": the words match the downgrade's steps or the entry on
    # Free; the plan above or below the customer's (every plan, to a visitor) is the plans' prices' to say.
    FaqRefusal(_message(asks_for_a_neighbouring_plan), "asks for the plan above or below one"),
    # "Is there a business plan?": the entry its words find is the steps to upgrade; whether we offer it, and what it
    # includes, is the plans' list's to say. "Is there a free plan?" finds the entry on Free itself.
    FaqRefusal(lambda ctx, top: _plan_not_the_entrys(plan_asked_if_offered(ctx.message), top),
               "asks whether we offer a plan"),
    # "Will you charge it now?" after the card was replaced, "what is this charge on my account": the words match the
    # entry on a charge taken twice (0.93–0.96), which says nothing of a single charge.
    FaqRefusal(lambda ctx, top: is_the_entry_on_a_double_charge(top.question)
               and not speaks_of_more_than_one_charge(ctx.message),
               "names one charge, where the entry is about a charge taken twice"),
    # "What's included?" after "You're on the Pro plan": the entry on Free (0.9) is not that plan's.
    # "Tell me about the business plan": the upgrade's steps (0.95) say nothing of what Business is.
    FaqRefusal(lambda ctx, top: _plan_not_the_entrys(plan_whose_contents_are_asked(ctx), top),
               "asks what the plan just named, or named to be described, includes"),
    # "My vat number is GB123…": given to the chat, which cannot store it; the entry alone says where to enter it, and
    # not that nothing was saved.
    FaqRefusal(lambda ctx, _top: gives_an_invoice_detail(ctx.message, last_reply=last_assistant_text(ctx)),
               "gives a detail for the invoices, which nothing in this chat stores"),
    # "How do I upgrade?" from a Business customer: the entry says "choose Pro or Business", the plan they are on.
    # Their plan decides which way the move goes, or that there is none to make.
    FaqRefusal(_signed_in(asks_for_a_plan_change_alone),
               "asks how to change the signed-in customer's plan, which their plan decides"),
    # "Can you delete my account": the entry's steps alone read as if it had been done, or would be; the account part
    # says nothing in this chat deletes one, with the steps.
    FaqRefusal(lambda ctx, _top: asks_us_to_delete_the_account(ctx.message, last_reply=last_assistant_text(ctx)),
               "asks the assistant to delete the account, which nothing here does"),
    # "Do I get weekend support?": the entry says Business customers get weekend cover; whether this customer does is
    # their plan's to say, which the writer leads with.
    FaqRefusal(_signed_in(asks_about_support_hours), "asks about the support the signed-in customer's plan gets"),
    # "Can I sign a DPA?": the entry on where data is stored ends on it; the writer says yes, on request, and offers a
    # person to take the request, which the entry doesn't say how to make.
    FaqRefusal(lambda ctx, _top: asks_us_to_reset_the_password(ctx.message, said_before=turns_before(ctx)),
               "asks the assistant to reset the password, which nothing in this chat does"),
    FaqRefusal(_message(asks_for_a_dpa), "asks for a data processing agreement"),
    # "Delete my data", "can you delete my data for me?": the entry's steps alone don't say that nothing is deleted
    # from this chat, nor that a person can take the request on; the writer says both.
    FaqRefusal(_message(asks_to_erase_personal_data), "asks to erase personal data, which nothing in this chat does"),
    # "I'm locked out, please unlock": the entry on locks says how to ask for an unlock; the account agent can start
    # it, once the account's facts say it is locked.
    FaqRefusal(_signed_in(about_own_lock),
               "asks to unlock the signed-in customer's account, which the agents can start"),
    # "Will my apps sleep?" right after "how do I upgrade?": the words with the topic find the upgrade's steps, just
    # given; what the upgrade does to sleeping apps is the plan-change part's to say.
    FaqRefusal(lambda ctx, _top: asks_of_sleep_after_an_upgrade(ctx),
               "asks what the upgrade just spoken of does to sleeping apps"),
    # "Do you have 2fa?": the words match the entry on a lost authenticator (0.9, by its "2fa recovery"), which answers a
    # loss no one reported; the account part says what two-factor is and how it is turned on.
    FaqRefusal(lambda ctx, top: _is_the_entry_on_a_lost_second_factor(top)
               and not reports_lost_second_factor(ctx.message) and not _SPEAKS_OF_RECOVERY.search(ctx.message),
               "the entry is on a lost second factor, which the message does not report"),
    # "I can't get in" after "my account": read with its topic, the entry on a lost authenticator (0.92) answered a
    # second factor the message never names; the account part says what stands in the way (Carol's lock).
    FaqRefusal(lambda ctx, top: _is_the_entry_on_a_lost_second_factor(top)
               and not _NAMES_A_SECOND_FACTOR.search(ctx.message_as_typed or ctx.message),
               "the entry is on a lost second factor, which the message does not name"),
    # "Why is it locked?" from Carol, signed in: the entry on locks says to "sign in to this chat and ask us"; her
    # account's facts say whether it is locked, and why.
    FaqRefusal(_signed_in(asks_about_the_lock), "asks about the signed-in customer's own lock, which the facts hold"),
    # "How old is my account?": the entry on changing the email address (0.96) by its words; when the account was
    # opened is the account's facts' to say, and a visitor's to sign in for.
    FaqRefusal(_message(asks_when_joined), "asks when the account was opened, which the account's facts hold"),
    # The two-factor entries assume it is on (recovery codes); only the account's facts say whether it is.
    FaqRefusal(_signed_in(about_own_two_factor),
               "about the signed-in customer's own two-factor, whose state the facts hold"),
    # "How much would I save if I go to free?": the downgrade's steps, with no figure; the customer's plan and the
    # plans' prices answer it.
    FaqRefusal(_signed_in(lambda message: saving_asked_of_a_move(message) is not None),
               "asks what a move down would save, which the plans' prices say"),
)


def why_the_entry_is_refused(ctx: SupportContext, top: FaqMatch) -> str | None:
    """Why the entry is not the whole reply to this message, or None when it may be."""
    return next((refusal.why for refusal in FAQ_REFUSALS if refusal.refuses(ctx, top)), None)
