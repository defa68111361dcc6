"""FAQ agent: the best help-centre entries for the message, with calibrated scores."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from agents.about_service import (
    NAMES_OUR_REGION,
    api_tool_asked,
    asks_about_own_usage,
    asks_about_support_hours,
    asks_how_we_differ,
    asks_the_best_way_to_get_help,
    asks_the_price_of_more_regions,
    asks_to_keep_an_app_awake,
    asks_to_move_an_app_between_regions,
    asks_to_run_an_app_in_more_regions,
    asks_where_apps_can_run,
    asks_which_ways_to_pay,
    considers_joining,
    payment_methods_asked,
)
from agents.app_deletion import GRACE_PERIOD
from agents.card_changes import asks_to_remove_it, reports_card_lost
from agents.clauses import question_clauses, without_request_lead_in
from agents.coming_back import asks_to_come_back_after_cancelling
from agents.context import SupportContext
from agents.data_protection import help_centre_questions
from agents.email_change import EMAIL_ADDRESS, asks_if_the_change_is_confirmed
from agents.envelope import AgentRequest, AgentResponse
from agents.follow_ups.billing import (
    asks_when_the_refund_arrives,
    invoice_download_asked,
    invoice_format_asked,
    reports_a_payment_refused,
)
from agents.follow_ups.history import guide_last_led_with, last_assistant_text, last_reply_cited, previous_user_text
from agents.follow_ups.leaning_back import (
    NOT_RECEIVED,
    asks_a_detail,
    asks_about_staff_review,
    asks_for_more,
    asks_how_long_it_takes,
    asks_how_long_to_change_mind,
    asks_how_to_do_it,
    asks_the_limit,
    asks_to_deliver_it,
)
from agents.follow_ups.people import asks_if_it_costs_extra, members_priced_after_the_team, people_named_before
from agents.follow_ups.plan_moves import (
    asks_how_or_when_of_it,
    plan_move_asked_how_long,
)
from agents.follow_ups.plans import free_plan_duration_asked, names_where_the_move_goes
from agents.follow_ups.service import (
    RATE_LIMITS_QUESTION,
    TEAM_QUESTION,
    asks_about_uptime,
    compensation_asked_of_the_outage,
    limit_gone_past,
    question_whose_limit_is_asked,
    reports_what_the_outage_costs,
    says_it_hit_the_limit,
)
from agents.follow_ups.topic import question_as_asked, with_topic
from agents.follow_ups.what_becomes_of import (
    asks_if_deleting_stops_charges,
    asks_of_sleep_after_an_upgrade,
    asks_what_an_upgrade_loses,
    asks_what_becomes_of,
    asks_what_becomes_of_them_alone,
    asks_what_cancelling_does,
    fate_of_other_things_after_cancelling,
    speaks_of_an_upgrade,
)
from agents.outcome import FaqMatch
from agents.own_data import (
    TWO_FACTOR_QUESTION,
    asks_about_a_coming_invoice,
    asks_about_old_invoices,
    asks_about_team_roles,
    asks_about_the_billing_email,
    asks_for_another_second_factor,
    asks_how_to,
    asks_if_the_account_is_safe,
    asks_to_add_someone_to_the_team,
    asks_to_close_the_account,
    asks_to_edit_profile_details,
    asks_to_recover_password,
    asks_to_send_invoices_elsewhere,
    asks_which_authenticator,
    is_the_entry_on_a_double_charge,
    names_money_taken,
    names_two_charges,
    own_name_asked_to_change,
    reports_cannot_sign_in,
    says_email_out_of_reach,
    says_the_company_name_changes,
    says_the_old_address_is_out_of_reach,
    says_there_is_no_other_card,
    unlock_request_naming_the_account,
    with_document_words_spelled,
)
from agents.past_the_limits import asks_what_going_past_the_limits_does
from agents.plan_change_charges import says_charged_after_downgrading
from agents.plan_names import PAID_PLAN_NAMED, PLAN_KEYS_CHEAPEST_FIRST
from agents.refund_requests import asks_for_credit_instead, asks_where_a_refund_goes
from agents.service_status import asks_for_alerts_on_own_app, asks_for_status_updates
from agents.service_terms import (
    TRYING_A_PAID_PLAN,
    asks_about_a_cancellation_fee,
    asks_about_a_commitment,
    asks_about_an_extra_fee,
    asks_about_payment_terms,
    asks_for_a_neighbouring_plan,
    asks_for_our_bank_details,
    asks_if_a_card_is_needed,
    asks_if_a_plan_can_change_later,
    asks_price_per_seat,
    asks_to_change_plan_unnamed,
    asks_to_compare_the_plans,
    asks_what_nonpayment_does,
    asks_which_plan_to_choose,
    plan_chosen_for_a_team,
    plan_moved_to,
    reports_payment_trouble,
    tier_not_ours,
    with_slowness_said,
)
from agents.sign_up_problems import asks_what_joining_costs, reports_confirming_email_missing
from agents.team_size import (
    asks_about_own_logins,
    asks_if_members_need_a_plan,
    asks_to_remove_a_named_member,
    team_size_said,
)
from agents.workers.base import RunDeps, metadata

# A plan named as a plan: "on free", "with business", "does pro include", "the Pro plan"; not "is ssl free".
NAMES_A_PLAN = re.compile(
    r"\b(?:on|with|in|for|of|to|get|need|want|buy)\s+(?:the\s+)?(?:free|pro|business)\b"
    r"|\b(?:free|pro|business)\s+(?:plan|tier|users?|accounts?|customers?|include|includes|have|has|get|gets|come|"
    r"comes|offer|features?)\b|\b(?:Free|Pro|Business)\b"
    # "Which plan includes team roles?": which plan adds it, which the entry on the plans says ("team members" in the
    # plans' own lines is not "team roles"; the invoice list came).
    r"|\b(?:which|what)\s+(?:plan|tier)s?\s+(?:has|have|includes?|gives?|comes?\s+with|offers?|allows?)\b")
# Below the orchestrator's FAQ shortcut (0.9) and above what the writer quotes without a hedge (0.6).
REREAD_CEILING = 0.85
# How the help centre's entry on the plans is asked for: it says what each plan adds over the one below.
PLANS_QUESTION = "what plans do you offer"
SLA_QUESTION = "do you offer an uptime sla with service credits"
EMAIL_CHANGE_QUESTION = "how do I change the email address on my account"
PAYMENT_METHODS_QUESTION = "which payment methods do you accept"
FREE_PLAN_QUESTION = "what's included in the free plan"
# How the entries on getting back into an account are asked for: the password reset, the lock, a lost authenticator.
SIGN_IN_QUESTIONS = ("how do I reset my password", "why is my account locked and how do I unlock it",
                     "I lost my phone with my authenticator")
# How the help centre's entry on the regions is asked for: it says where each is ("eu-west (Ireland)").
REGIONS_QUESTION = "which regions can I deploy to"
# How the help centre's entry on deleting the account is asked for.
DELETE_ACCOUNT_QUESTION = "how do I delete my account"
# How the help centre's entry on cancelling is asked for: it says what becomes of apps and data.
CANCEL_QUESTION = "how do I cancel my subscription"
EXPORT_QUESTION = "how do I export my data"
UPGRADE_QUESTION = "how do I upgrade my plan"
SLEEP_QUESTION = "do free apps go to sleep"
CARD_QUESTION = "how do I update my credit card"
REFUND_ARRIVAL_QUESTION = "how long does a refund take to arrive"
INVOICE_DETAILS_QUESTION = "how do I add my company name or VAT number to invoices"
INVOICES_QUESTION = "where can I find my invoices and download them?"
SUPPORT_HOURS_QUESTION = "what are your support hours"
TALK_TO_A_PERSON_QUESTION = "how do I talk to a person"
DOWNGRADE_QUESTION = "how do I downgrade my plan"
# How the help centre's entry on the status page is asked for.
STATUS_PAGE_QUESTION = "where can I see the status of your services"
# How the entries stating a plan's limits are asked for: the API's rate, deploys and build time.
API_LIMITS_QUESTION = "what are the API rate limits"
DEPLOY_LIMITS_QUESTION = "how many deploys can I run, and how long can a build take"
# The entry that says each plan's limit on what limit_gone_past names, where the message's own words find none.
_ENTRY_ON_THE_LIMIT = {"requests": RATE_LIMITS_QUESTION, "team members": TEAM_QUESTION,
                       "deploys": DEPLOY_LIMITS_QUESTION}
# What a message asks whose entry its own words miss, and how that entry is asked for: each is added after the message's
# own, for the writer to read.
_ENTRY_ITS_WORDS_MISS: tuple[tuple[Callable[[str], bool], str], ...] = (
    # "I want help checking ur available payment modalities": the list of ways to pay.
    (asks_which_ways_to_pay, PAYMENT_METHODS_QUESTION),
    # "Can I use cash to top up my account?": whether we take one way to pay, which the list answers ("use" and "top up"
    # found the team's entry; the billing part had no list to hand).
    (lambda text: bool(payment_methods_asked(text)), PAYMENT_METHODS_QUESTION),
    # "Can I try pro?": no entry on a trial; the upgrade's says how to have the plan at all.
    (lambda text: bool(TRYING_A_PAID_PLAN.search(text)), UPGRADE_QUESTION),
    # "Can I try it before paying?": what the Free plan, which costs nothing, includes (not for "can I try pro?").
    (lambda text: bool(TRYING_A_PAID_PLAN.search(text)) and PAID_PLAN_NAMED.search(text) is None, FREE_PLAN_QUESTION),
    # "Do you offer net 30 terms?": what the help centre says of paying, against which the terms are weighed.
    (asks_about_payment_terms, PAYMENT_METHODS_QUESTION),
    # "How do I see my usage?": the entry on the API's limits, which the writer gives beside saying none is shown here.
    (asks_about_own_usage, API_LIMITS_QUESTION),
    # "Is there a python sdk?": the entry on the API, which the writer quotes beside saying none is mentioned.
    (lambda text: api_tool_asked(text) is not None, API_LIMITS_QUESTION),
    # "What are your bank details?": the entry on ways to pay says who pays by bank transfer.
    (asks_for_our_bank_details, PAYMENT_METHODS_QUESTION),
    # "I need to recover my password": the reset's entry, which "recover" never finds.
    (asks_to_recover_password, SIGN_IN_QUESTIONS[0]),
    # "Closing freemium account", "I want to terminate my account": the deletion's entry, which "close" never finds.
    (asks_to_close_the_account, DELETE_ACCOUNT_QUESTION),
    # "Update some of the details on my user account": the one detail the help centre says how to change.
    (asks_to_edit_profile_details, EMAIL_CHANGE_QUESTION),
    # "Can I change my username?": no entry says how; the email's does for the detail it covers.
    (lambda text: own_name_asked_to_change(text) is not None, EMAIL_CHANGE_QUESTION),
    # "Can you send invoices to our accountant?": they go to the account's address, which that entry says how to change.
    (asks_to_send_invoices_elsewhere, EMAIL_CHANGE_QUESTION),
    # "How do I change the billing email?": invoices go to the account's address, which that entry says how to change.
    (asks_about_the_billing_email, EMAIL_CHANGE_QUESTION),
    # "Can I change my plan later?": the entries on moving up and down.
    (asks_if_a_plan_can_change_later, UPGRADE_QUESTION),
    (asks_if_a_plan_can_change_later, DOWNGRADE_QUESTION),
    # "Can I get notified when my app goes down?": the status page's entry, on what updates there are (for ours).
    (asks_for_alerts_on_own_app, STATUS_PAGE_QUESTION),
    # "What can admins do?", "can I give someone read-only access?": the team's entry, which says members get a role.
    (asks_about_team_roles, TEAM_QUESTION),
    # "We need to add a new developer to our account": the team's entry, which "developer" and "user" never find.
    (asks_to_add_someone_to_the_team, TEAM_QUESTION),
    # "Remove dave from our team": the team's entry, which says only how members are added (the removal is said to be
    # undescribed from it).
    (asks_to_remove_a_named_member, TEAM_QUESTION),
    # "Is there a way to keep it awake?": the entry on sleeping apps, which says on which plans they never sleep.
    (asks_to_keep_an_app_awake, SLEEP_QUESTION),
    # "I don't have access to that email anymore": signed in, the address can be changed before the reset is asked for.
    (says_email_out_of_reach, EMAIL_CHANGE_QUESTION),
    # "I didn't get the verification email": the entry on changing the address says where the confirming link goes.
    (reports_confirming_email_missing, EMAIL_CHANGE_QUESTION),
    # "Do I need a credit card to sign up?": what the Free plan costs, and how the paid plans are paid.
    (asks_if_a_card_is_needed, FREE_PLAN_QUESTION),
    (asks_if_a_card_is_needed, PAYMENT_METHODS_QUESTION),
    # "Does signing up cost anything?": the entry on Free, which "free" alone finds for "is it free to sign up?".
    (asks_what_joining_costs, FREE_PLAN_QUESTION),
    # "I was charged after I downgraded": the entry on downgrading says when a move to a smaller plan takes effect.
    (says_charged_after_downgrading, DOWNGRADE_QUESTION),
    # "The early termination penalty": the entry on cancelling says what happens instead.
    (asks_about_a_cancellation_fee, CANCEL_QUESTION),
    (asks_about_a_commitment, CANCEL_QUESTION),
    # "Is there a setup fee?": the plans' prices, beside which the help centre names no fee.
    (asks_about_an_extra_fee, PLANS_QUESTION),
    # "Can you fix the old ones too?" after the steps to put a company name on invoices: that entry says which invoices
    # carry the details (the writer answers from it only when the conversation is about them).
    (asks_about_old_invoices, INVOICE_DETAILS_QUESTION),
    (asks_about_a_coming_invoice, INVOICE_DETAILS_QUESTION),
    # "What's the fastest way to get help?": the entries on support hours and on talking to a person.
    (asks_the_best_way_to_get_help, SUPPORT_HOURS_QUESTION),
    (asks_the_best_way_to_get_help, TALK_TO_A_PERSON_QUESTION),
    # "How fast do you reply?": the entry on support hours, whose words ("hours") it never uses.
    (asks_about_support_hours, SUPPORT_HOURS_QUESTION),
    # "We're a team of 10", "can each person have their own login?": the team's entry, which its words never find.
    (lambda message: team_size_said(message) is not None or asks_about_own_logins(message), TEAM_QUESTION),
    # "Does each member need their own plan?": the team's entry, and the plans it names.
    (asks_if_members_need_a_plan, TEAM_QUESTION),
    # "How much per seat?": the plans' prices, and what the team's entry says of members on each.
    (asks_price_per_seat, PLANS_QUESTION),
    (asks_price_per_seat, TEAM_QUESTION),
    # "Can I get it as credit instead?": the entry on when a refund arrives, the way the help centre describes.
    (asks_for_credit_instead, REFUND_ARRIVAL_QUESTION),
    # "Do refunds go back to the original card?": the entry on a refund's timing says it reaches the card.
    (asks_where_a_refund_goes, REFUND_ARRIVAL_QUESTION),
    # "What happens if my payment fails?": the entry on replacing the card says a failed invoice is retried.
    (asks_what_nonpayment_does, CARD_QUESTION),
    # "I don't have another card" after the expired card: the other ways to pay.
    (says_there_is_no_other_card, PAYMENT_METHODS_QUESTION),
    # "What happens to my data?", with nothing said of what would end it: what cancelling keeps, what deleting the
    # account removes, and how to take a copy.
    (asks_what_becomes_of_them_alone, CANCEL_QUESTION),
    (asks_what_becomes_of_them_alone, DELETE_ACCOUNT_QUESTION),
    (asks_what_becomes_of_them_alone, EXPORT_QUESTION),
    # "How long does the upgrade take?": the rate limits' guide (its step "upgrade your plan"), or the scope reply; the
    # entry on the move says when it applies.
    (lambda text: plan_move_asked_how_long(text) == "upgrade", UPGRADE_QUESTION),
    (lambda text: plan_move_asked_how_long(text) == "downgrade", DOWNGRADE_QUESTION),
)
# How the entries that answer a wait for staff approval are asked for: who approves refunds (the policy), when staff
# are in (support hours), and how long the money takes once approved.
STAFF_REVIEW_QUESTIONS = ("what is your refund policy", SUPPORT_HOURS_QUESTION, REFUND_ARRIVAL_QUESTION)
# How the entries that answer a question on uptime are asked for: where uptime and incidents are shown (the status
# page), and what uptime is committed to (the SLA).
UPTIME_QUESTIONS = (STATUS_PAGE_QUESTION, "do you offer an uptime sla")


# An entry about a mishap ("I lost my phone with my authenticator", "I was charged twice"), or a message that
# reports one.
MISHAP = re.compile(r"\b(?:lost|lose|losing|forgot\w*|stolen|locked|twice|can'?t|cannot|failed|fails|broken|wrong"
                    r"|not\s+working|doesn'?t\s+work|new\s+phone)\b", re.IGNORECASE)
# A topic named alone ("2fa", "two factor", "custom domain"): asks how the thing is used, not what to do when it
# went wrong.
TOPIC_ALONE_WORDS = 3
# Entries this close to the best are found as surely for the message (ties on the topic's own words).
AS_SURE_WITHIN = 0.05


# "Can I export my data first?", "… before that?": when, against something said before, which the entries never say (the
# export's entry at 0.48 with "first", 0.91 without).
_WHEN_AGAINST_BEFORE = re.compile(
    r"(?<!\bthe)\s+(?:first|beforehand|before\s+(?:that|then|I\s+do(?:\s+that)?))(?=\W*$)", re.IGNORECASE)
# "Can I export it?": the one thing the help centre says can be exported is the customer's data.
_EXPORT_IT = re.compile(r"\b(export(?:ing)?)\s+(?:it|them|that|this|everything|all\s+of\s+it)\b", re.IGNORECASE)
# "Do you have backup codes?": two-factor's recovery codes, as the entries call them (the export's entry at 0.03).
_BACKUP_CODES = re.compile(r"\bback[\s-]?up\s+(codes?)\b", re.IGNORECASE)
# "How many build minutes do I get on the business plan?": a figure of one plan, the plan named as a plan. "Plan" is the
# word of the entries on choosing and changing plans (0.15 for upgrading), which outranked the entry on deploys and
# builds (0.62 for "… on business"); the figure's question is searched with the plan's name alone.
_FIGURE_OF_A_NAMED_PLAN = re.compile(r"\bhow\s+(?:many|much|long|big)\b|\b(?:max|maximum|limits?|quotas?)\b", re.IGNORECASE)
# Moving between plans, or what one costs, is what the plans' own entries answer.
_ABOUT_THE_PLAN_ITSELF = re.compile(r"\b(?:upgrad\w*|downgrad\w*|switch\w*|chang\w*|move|moving|cancel\w*|cost\w*"
                                    r"|price\w*|pay|paying|charged?|fees?|\$)", re.IGNORECASE)
_PLAN_NAMED_AS_A_PLAN = re.compile(r"\b(?:the|my|our|a)\s+(free|pro|business)\s+(?:plan|tier)\b", re.IGNORECASE)
# "What's the max team size?", "maximum number of team members": the entry on adding team members says how many each
# plan allows, in words ("can invite up to 3 members") these share little with (0.08; the scope reply came).
_TEAM_SIZE = re.compile(r"\bteam\s+size\b|\b(?:max(?:imum)?|largest|biggest)\s+(?:number\s+of\s+)?(?:team\s+members?|members?"
                        r"\s+(?:in|on|of)\s+(?:a|my|our|the)\s+team)\b", re.IGNORECASE)
# "I want to switch to yearly billing": the entry on payment methods says who can pay yearly, in words ("pay yearly")
# "billing" shares little with; the entries on invoices came, and "nothing about paying yearly" was said.
_YEARLY_BILLING = re.compile(r"\b(?:yearly|annual)\s+(?:billing|payments?|subscription|plan)\b|\bbilled\s+(?:yearly|annually)\b",
                             re.IGNORECASE)
# "How do I deploy more than 10 times a day?": the deploys' daily limit, which the entry on deploys and builds states
# (0.58 with the question's own words; the failed deploys' guide came as if one had failed).
_MORE_DEPLOYS_A_DAY = re.compile(r"\bdeploy(?:ing)?\s+more\s+than\s+\d+\s+times\s+(?:a|per|each|every)\s+day\b"
                                 r"|\bmore\s+(?:than\s+\d+\s+)?deploys\s+(?:a|per|each|every)\s+day\b", re.IGNORECASE)


# "Tell me about ssl" (the certificates' entry at 0.12, against 0.52 for "ssl"), "I want to know about custom domains":
# the words that announce a topic share nothing with the entry on it and only dilute what does.
_TELL_ME_ABOUT = re.compile(
    r"^\W*(?:(?:hi|hello|hey)[\s,!.]+)?(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:tell\s+me|i(?:\s+(?:want|would\s+like)|'?d\s+like)"
    r"\s+to\s+know|(?:some\s+|more\s+)?info(?:rmation)?)\s+(?:a\s+bit\s+|a\s+little\s+|some(?:thing)?\s+|more\s+)*"
    r"(?:about|on|regarding)\s+(?=\S)(?!(?:it|that|this|them|those)\W*$)", re.IGNORECASE)
# "What's priority support?" (the support hours' entry at 0.04, against 0.45 for "what is"): the entries ask with the
# words apart, and "what's" is no word of theirs.
_WHATS = re.compile(r"\b(what)(?:'|’)?s\b", re.IGNORECASE)


def as_searched(message: str) -> str:
    """The message in the words the entries are written in: without a request's lead-in ("I don't know what I have to
    do to close my account") or the words that announce a topic ("tell me about"), "what's" as "what is", a document's
    name spelt right ("recipt"), an unlock request naming the account, no
    "first" against what was said before, "export it" as the export of the customer's data, an email address as
    "a new address", taking long to load as being slow, a plan asked a figure of by its name alone, backup codes
    as the recovery codes they are, and how safe the account is as what keeps it so."""
    text = _WHATS.sub(r"\1 is", _TELL_ME_ABOUT.sub("", without_request_lead_in(message)))
    text = unlock_request_naming_the_account(with_document_words_spelled(text))
    text = with_slowness_said(_EXPORT_IT.sub(r"\1 my data", _WHEN_AGAINST_BEFORE.sub("", text)))
    if _FIGURE_OF_A_NAMED_PLAN.search(text) and not _ABOUT_THE_PLAN_ITSELF.search(text):
        text = _PLAN_NAMED_AS_A_PLAN.sub(r"\1", text)
    text = _YEARLY_BILLING.sub("pay yearly", text)
    text = _MORE_DEPLOYS_A_DAY.sub("more deploys a day: how many deploys can I run", _TEAM_SIZE.sub("how many team members", text))
    # "Is my account safe?": what keeps it safe, in the entries' words (the lock's entry alone, for "safe").
    if asks_if_the_account_is_safe(text):
        text = f"{text} account locked, two-factor authentication"
    # "Change my email to alice@newmail.com": an address, which no entry's words hold (the email change's entry at 0.06
    # with it, 0.85 with "a new address").
    return _BACKUP_CODES.sub(r"recovery \1", EMAIL_ADDRESS.sub("a new address", text))


def _how_to_before_mishap(message: str, matches: list[FaqMatch]) -> list[FaqMatch]:
    """"2fa" alone: the entry on turning it on leads, not the one on a lost phone it ties with. A message that
    reports a mishap ("lost my 2fa") or says more keeps the order found."""
    if len(message.split()) > TOPIC_ALONE_WORDS or MISHAP.search(message) or not matches:
        return matches
    top = matches[0]
    if not MISHAP.search(top.question):
        return matches
    how_to = next((m for m in matches[1:] if m.score >= top.score - AS_SURE_WITHIN and not MISHAP.search(m.question)),
                  None)
    if how_to is None:
        return matches
    return [how_to.model_copy(update={"score": top.score}), *[m for m in matches if m is not how_to]]


def _best_first(deps: RunDeps, text: str, k: int) -> list[FaqMatch]:
    """The FAQ's k best entries for `text`, best first."""
    return sorted(deps.faq.search(text, k=k), key=lambda match: match.score, reverse=True)


def _best_of_each(deps: RunDeps, questions: Sequence[str]) -> list[FaqMatch]:
    """Each question's best entry, in the questions' order: how the entries a topic needs are asked for."""
    return [match for question in questions for match in _best_first(deps, question, 1)]


_WORD = re.compile(r"[a-z0-9]+")
# Words every question shares: what the entry is about is in the others.
_NOT_A_TOPIC = frozenset({
    "a", "an", "the", "i", "me", "my", "we", "our", "us", "you", "your", "it", "its", "this", "that", "these",
    "those", "how", "do", "does", "did", "can", "could", "should", "would", "what", "when", "where", "why", "which",
    "is", "are", "was", "were", "be", "to", "of", "in", "on", "for", "with", "and", "or", "from", "at", "by", "get",
    "got", "have", "has", "there", "here", "now", "then", "ok", "okay", "so", "just", "please", "new",
})


def _topics(text: str) -> set[str]:
    return {w.removesuffix("s") for w in _WORD.findall(text.lower())} - _NOT_A_TOPIC


def _about(matches: list[FaqMatch], before: str) -> bool:
    """Whether the message's best entry is about something the turn before named ("How do I reset my password?"
    after "I forgot my password"), rather than what its own verb alone found. After a how-to ("how do I add team
    members?"), "how do I remove that?" asks another thing of it, which the entries on adding would not answer."""
    return asks_how_to(before) or (bool(matches) and bool(_topics(matches[0].question) & _topics(before)))


def _reread_first(deps: RunDeps, question: str, k: int, matches: list[FaqMatch]) -> list[FaqMatch]:
    """The entries `question` finds first, scored below the FAQ shortcut, then the message's own they lack: the
    writer answers from them, and the shortcut never fires on an entry found for another question."""
    reread = _below_the_shortcut(_best_first(deps, question, k))
    return [*reread, *_after_own(reread, matches)]


def _below_the_shortcut(matches: list[FaqMatch]) -> list[FaqMatch]:
    """The entries, each scored no higher than REREAD_CEILING: the writer answers from them, the shortcut never fires."""
    return [m.model_copy(update={"score": min(m.score, REREAD_CEILING)}) for m in matches]


def _after_own(matches: list[FaqMatch], found: list[FaqMatch]) -> list[FaqMatch]:
    """Entries found for something other than the message itself (its topic, one of its questions) that it
    did not find: each once, scored no higher than the lowest of the message's own, so the writer can read
    them but no threshold (the FAQ shortcut, a quoted answer) fires on them."""
    seen = {match.faq_id for match in matches}
    floor = matches[-1].score if matches else 0.0
    added = []
    for match in found:
        if match.faq_id not in seen:
            seen.add(match.faq_id)
            added.append(match.model_copy(update={"score": min(match.score, floor)}))
    return added


def _leading(first: list[FaqMatch], then: list[FaqMatch]) -> list[FaqMatch]:
    """`first`, then those of `then` it lacks, each once and scored no higher than the one before it and
    than the best of `then`: the order is the one to read them in, and no threshold (the FAQ shortcut, a
    quoted answer) fires on an entry found for another message than this one."""
    ceiling = then[0].score if then else 0.0
    seen: set[int] = set()
    ordered: list[FaqMatch] = []
    for match in [*first, *then]:
        if match.faq_id not in seen:
            seen.add(match.faq_id)
            ceiling = min(match.score, ceiling)
            ordered.append(match.model_copy(update={"score": ceiling}))
    return ordered


def _plan_change_asked(ctx: SupportContext) -> str | None:
    """"upgrade my plan" or "downgrade my plan" for a message that asks to move to a plan, by where that plan
    is from the customer's (a visitor goes down to Free, and up to a paid plan); None otherwise."""
    moved = plan_moved_to(ctx.message)
    if moved is None and asks_how_or_when_of_it(ctx.message) and (before := previous_user_text(ctx)) is not None:
        # "How do I do that?" right after "I want free": that move's entry (the plan and invoices came).
        moved = plan_moved_to(before)
    if (moved is None and names_where_the_move_goes(ctx.message) and (before := previous_user_text(ctx)) is not None
            and asks_to_change_plan_unnamed(before)):
        # "To free" right after "how do I change my plan?": the move to that plan (the Free plan's entry came).
        moved = plan_moved_to(f"change {ctx.message}")
    if moved is None:
        return None
    target = PLAN_KEYS_CHEAPEST_FIRST.index(moved.lower())
    plan = ctx.customer.plan.lower() if ctx.customer is not None else ""
    if plan in PLAN_KEYS_CHEAPEST_FIRST:
        current = PLAN_KEYS_CHEAPEST_FIRST.index(plan)
        return None if current == target else "upgrade my plan" if target > current else "downgrade my plan"
    return "downgrade my plan" if target == 0 else "upgrade my plan"


async def faq_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    k = int(request.parameters.get("k", 3))
    ctx = request.context
    # On the event loop: a search is a fraction of a millisecond of Python and numpy, and under
    # the GIL a thread would not let other chats run meanwhile; it only added two hops and GIL
    # hand-offs, 3-5 ms before the intent call at one conversation (#9).
    # "Please unlock me" is searched as the request it is, for the account, as the entry on locks is worded (as_searched).
    matches = _best_first(deps, as_searched(ctx.message), k)
    if _WHEN_AGAINST_BEFORE.search(ctx.message) and previous_user_text(ctx):
        # "Can I export my data first?" after asking how to delete the account: a step before the one discussed, which
        # the writer answers with the conversation in view (a locked account is told it must be unlocked first); its
        # entries are scored below the shortcut, as a reread question's are.
        matches = _below_the_shortcut(matches)
    matches = _how_to_before_mishap(ctx.message, matches)
    if (asked := question_as_asked(ctx) or ctx.message) != ctx.message:
        # "And for pro?" after a question: that question, asked of Pro, finds the entries. They lead, scored
        # below the FAQ shortcut, so the writer answers from them ("On Pro: the API allows 600 requests a
        # minute"), never the shortcut with the whole entry that answered the question before.
        matches = _reread_first(deps, asked, k, matches)
    elif (before := previous_user_text(ctx)) and (
            asks_how_long_it_takes(ctx.message) or (asks_how_to_do_it(ctx.message) and not _about(matches, before))):
        # "How long does it take?" after "delete my data (GDPR)": alone its words find the refund's timing (0.96),
        # which the FAQ shortcut sent. "It" is what the question before asked about: its entries lead, scored
        # below the shortcut as above, and the message's own follow, for the writer to read. So for "how do I update
        # it?" after "my card expired": alone it found the email change's entry (0.9), which the shortcut sent.
        matches = _reread_first(deps, before, k, matches)
    elif (limited := question_whose_limit_is_asked(ctx)) is not None or ((
            (asks_the_limit(ctx.message) or asks_a_detail(ctx.message)) and last_reply_cited(ctx, "faq")) and (
            before := previous_user_text(ctx))):
        before = limited or before
        # "And the limit for the business plan?" after "i get a 429 error": its words find the plans and the SLA
        # ("business plan"), and read with the 429 still not the rate limits (0.02, past the first k). The limit
        # is of what the question before was about: its entries lead, scored below the shortcut as above. So for
        # "what are the limits?" right after an entry was given ("is there a free plan?"): the shortcut answered
        # with the API's, where the entry given states the plan's. "Is there a limit?" after the steps to invite a
        # teammate found the API's rate limits first, read with the question before too.
        matches = _reread_first(deps, before, k, matches)
    if asks_to_compare_the_plans(ctx.message):
        # "What's the difference between the plans?": the entry on the plans sets them side by side, found for that
        # question (its own words scored it 0.02, and got "not enough information").
        plans = _best_first(deps, PLANS_QUESTION, 1)
        matches = [*plans, *_after_own(plans, matches)]
    if free_plan_duration_asked(ctx):
        # "How long can I stay on free?": the entry on Free, which names no time limit, is what the writer reads.
        matches = _reread_first(deps, FREE_PLAN_QUESTION, k, matches)
    if asks_to_come_back_after_cancelling(ctx):
        # "Can I come back later?" after asking to cancel: the entries on cancelling (what is kept) and on upgrading (how
        # a plan is taken up); its own words found the refund policy's, or nothing.
        matches = _reread_first(deps, CANCEL_QUESTION, 1, _reread_first(deps, UPGRADE_QUESTION, 1, matches))
    if asks_what_going_past_the_limits_does(ctx):
        # "What happens when I hit the free limits?": the entries stating the limits, of which the API's says what
        # happens past it; its own words found nothing sure ("not enough information").
        matches = _reread_first(deps, API_LIMITS_QUESTION, 1, _reread_first(deps, DEPLOY_LIMITS_QUESTION, 1, matches))
    if fate_of_other_things_after_cancelling(ctx):
        # "And my data?" after "will I lose my apps?" after cancelling: the entry on cancelling says what is kept; the
        # message's own words find the export's.
        matches = _reread_first(deps, CANCEL_QUESTION, k, matches)
    if invoice_format_asked(ctx) is not None or invoice_download_asked(ctx):
        # "As a zip?" after the invoice list: the entry on downloading invoices says which format they come in; the
        # message's own words find nothing of invoices.
        matches = _reread_first(deps, INVOICES_QUESTION, k, matches)
    if asks_to_change_plan_unnamed(ctx.message):
        # "How do I change my plan?": up or down, which the customer's plan decides; its words found only the upgrade's
        # entry (0.22; "can I switch plans?" 0.9, the shortcut), and the writer needs both, below the shortcut.
        matches = _reread_first(deps, UPGRADE_QUESTION, 1, _reread_first(deps, DOWNGRADE_QUESTION, 1, matches))
    if (change := _plan_change_asked(ctx)) is not None:
        # "Change my plan to free" is worded like the entry on what Free includes; from Pro it asks to
        # downgrade: that entry leads, scored as found for the change it is, and the message's own follow.
        changing = _best_first(deps, change, 1)
        if names_where_the_move_goes(ctx.message):
            # "To free" after "how do I change my plan?": the writer says the move to that plan with its price and
            # steps; the shortcut sent the steps alone, quoted in the reply before.
            changing = _below_the_shortcut(changing)
        matches = [*changing, *_after_own(changing, matches)]
    if (people := people_named_before(ctx)) is not None:
        # "What can they do?" after "how do I add a teammate?": alone its words find the plans ("do"), and
        # read with the question before they still do; "they" are that question's people, so its entries
        # (the team's, with the roles a member gets) lead. Scored no higher than the message's own best.
        matches = _leading(_best_first(deps, people, k), matches)
    # "Can you send that to my email address?": the delivery's words would find how to change an email
    # address; what "that" is, the question before, finds its entries alone.
    topic = (previous_user_text(ctx) or ctx.message) if asks_to_deliver_it(ctx.message) else with_topic(ctx)
    if topic != ctx.message:
        # A follow-up ("can you email it to me?" after a question about an invoice) names what it
        # wants of the topic before it, and alone finds nothing on that topic. The entries found for
        # the topic come after the message's own, scored no higher than the lowest of them:
        # the writer can read them, but no threshold (the FAQ shortcut, a quoted answer) fires on an
        # entry that was not found for the message itself.
        matches += _after_own(matches, _best_first(deps, topic, k))
    if NOT_RECEIVED.search(ctx.message) and (before := previous_user_text(ctx)) and topic == ctx.message:
        # "I never got the email" after "how do I export my data?": the email that entry says is sent; alone its words
        # find the email change's entry. The question before's entries are added, scored as the topic's are above.
        matches += _after_own(matches, _best_first(deps, before, k))
    if (asks_for_more(ctx.message) or says_it_hit_the_limit(ctx.message)) and last_reply_cited(ctx, "faq"):
        # "Can it be increased?" right after a limit was given: the entry the last reply quoted, which its words (and
        # the question before, "what's the limit?") never find, is found by that reply's own words.
        matches += _after_own(matches, _best_first(deps, last_assistant_text(ctx), 1))
    if asks_how_long_to_change_mind(ctx.message) and GRACE_PERIOD in last_assistant_text(ctx):
        # "How long do I have to change my mind?" after "will my data be gone forever?" was answered from the entry on
        # deleting: that entry, whose grace period is the answer (its words found nothing on it).
        matches += _after_own(matches, _best_first(deps, DELETE_ACCOUNT_QUESTION, 1))
    if members_priced_after_the_team(ctx):
        # "How much extra is that?" right after the steps to invite members: the plans' prices and what the team's entry
        # says of members on each, as for "how much per seat?" (its words find the refund's timing).
        matches += _after_own(matches, _best_first(deps, PLANS_QUESTION, 1) + _best_first(deps, TEAM_QUESTION, 1))
    if asks_if_it_costs_extra(ctx.message) and (guide := guide_last_led_with(ctx)) is not None:
        # "Is it free?" after the certificates guide: the entry on its subject ("a free TLS certificate") and the plans'
        # (which plan adds custom domains), which "is it free?" alone never finds.
        matches += _after_own(matches, _best_first(deps, guide, 1) + _best_first(deps, PLANS_QUESTION, 1))
    if says_the_company_name_changes(ctx.message):
        # "We're moving to a new company name": the entry on the details invoices carry (0.06 for its words).
        matches = _reread_first(deps, INVOICE_DETAILS_QUESTION, 1, matches)
    if ctx.customer is None and reports_a_payment_refused(ctx.message):
        # "My card was declined": the steps to replace a card, which a visitor can follow without being signed in (its
        # words found no entry of their own).
        matches += _after_own(matches, _best_first(deps, CARD_QUESTION, 1))
    if asks_to_remove_it(ctx) or reports_card_lost(ctx):
        # "My card was stolen", "can you remove it?" after the card on file: the steps to replace it, which stop us
        # charging it.
        matches += _after_own(matches, _best_first(deps, CARD_QUESTION, 1))
    if asks_if_the_change_is_confirmed(ctx):
        # "Will I need to verify it?" after the address was given and the steps to change it told again.
        matches += _after_own(matches, _best_first(deps, EMAIL_CHANGE_QUESTION, 1))
    if asks_if_deleting_stops_charges(ctx):
        # "Will I still be charged?" after asking how to delete the account: the entries on deleting and on cancelling.
        matches += _after_own(matches, _best_of_each(deps, (DELETE_ACCOUNT_QUESTION, CANCEL_QUESTION)))
    if reports_what_the_outage_costs(ctx) or compensation_asked_of_the_outage(ctx) is not None:
        # "This is costing me money", "will you reimburse us?" after an outage: the uptime SLA's service credits, which
        # their words never find.
        matches += _after_own(matches, _best_first(deps, SLA_QUESTION, 1))
    if asks_which_plan_to_choose(ctx.message, last_reply=last_assistant_text(ctx)):
        # "Which one do you recommend?" after the plans were named: the entry on the plans, what each costs and adds.
        matches += _after_own(matches, _best_first(deps, PLANS_QUESTION, 1))
        if plan_chosen_for_a_team(ctx.message, last_reply=last_assistant_text(ctx)):
            # "… for a small team": how many members each plan allows is in the team's entry.
            matches += _after_own(matches, _best_first(deps, TEAM_QUESTION, 1))
    for asks_it, question in _ENTRY_ITS_WORDS_MISS:
        if asks_it(ctx.message):
            matches += _after_own(matches, _best_first(deps, question, 1))
    if says_the_old_address_is_out_of_reach(ctx.message, last_reply=last_assistant_text(ctx)):
        # "I don't have access to the old one anymore" right after the email change's steps: that entry again.
        matches += _after_own(matches, _best_first(deps, EMAIL_CHANGE_QUESTION, 1))
    if (NAMES_A_PLAN.search(asked) or tier_not_ours(ctx.message) or considers_joining(ctx.message)
            or asks_for_a_neighbouring_plan(ctx.message) or asks_how_we_differ(ctx.message)):
        # "Can I get a custom domain on free?": what each plan adds is in the entry on the plans, which the
        # message's own words ("custom domain") do not find; the writer reads the plans from it. So for "the
        # platinum account" (a plan we don't have), "I'm thinking about signing up" (what there is to sign up for)
        # and "anything cheaper?" (the plans' prices, to a visitor).
        matches += _after_own(matches, _best_first(deps, PLANS_QUESTION, 1))
    if ctx.customer is None and reports_cannot_sign_in(ctx.message):
        # "I can't log in" from a visitor: the reset's entry scores 0.29 and the lock's 0.001 for "I'm having trouble
        # logging in"; each way back in is added, as the plans' entry is above, for the writer to list.
        matches += _after_own(matches, _best_of_each(deps, SIGN_IN_QUESTIONS))
    if (NAMES_OUR_REGION.search(ctx.message)
            or asks_to_move_an_app_between_regions(ctx.message, last_reply=last_assistant_text(ctx))
            or asks_to_run_an_app_in_more_regions(ctx.message) or asks_the_price_of_more_regions(ctx)
            or asks_where_apps_can_run(ctx.message, last_reply=last_assistant_text(ctx))):
        # "Where is ap-southeast?" shares no word with the entry's phrasings ("which regions can I deploy to?"), whose
        # answer places each region; added as the plans' entry is above. So for "can I host in japan?", and for "how do
        # I change my app's region?" (the entry says a region is picked when an app is created).
        matches += _after_own(matches, _best_first(deps, REGIONS_QUESTION, 1))
    if data_questions := help_centre_questions(ctx.message):
        # "Please delete all my personal data (GDPR)" is worded like no entry (deleting the account at 0.02): the
        # entries on deleting, exporting and GDPR are added, scored as the topic's are above, for the writer to
        # choose by what they are about.
        matches += _after_own(matches, _best_of_each(deps, data_questions))
    if asks_what_an_upgrade_loses(ctx) or (asks_what_becomes_of(ctx.message) and speaks_of_an_upgrade(ctx)):
        # "Will I lose anything?", "will I lose my apps?" after "how do I upgrade?": the entry on upgrading says when the
        # move applies, which its words never find (the invoice list came, or what each way of leaving does).
        matches = _leading(_best_first(deps, UPGRADE_QUESTION, 1), matches)
    if asks_of_sleep_after_an_upgrade(ctx):
        # "Will my apps sleep?" right after the upgrade's steps: the entry on sleeping apps says which plans never sleep,
        # which its words find past the entry on upgrading, led by it above (what an upgrade brings came, without sleep).
        matches += _after_own(matches, _best_first(deps, SLEEP_QUESTION, 1))
    if asks_what_cancelling_does(ctx.message):
        # "Would you delete my apps if I cancelled?" is worded like deleting the account; the entry on cancelling,
        # which says what becomes of apps and data, is added as the topic's are above.
        matches += _after_own(matches, _best_first(deps, CANCEL_QUESTION, 1))
    if asks_for_another_second_factor(ctx.message, last_reply=last_assistant_text(ctx),
                                      asked_before=previous_user_text(ctx) or "") or asks_which_authenticator(
            ctx.message, last_reply=last_assistant_text(ctx)):
        # "Can I get 2fa codes by sms?", "I don't have a smartphone" after its steps: the entry on turning it on, which
        # says how it works (with an authenticator app).
        matches += _after_own(matches, _best_first(deps, TWO_FACTOR_QUESTION, 1))
    if (past := limit_gone_past(ctx)) in _ENTRY_ON_THE_LIMIT:
        # "What happens if we go over it?" after the API's limit: the entry on the limits says (HTTP 429), which the
        # message's words never find. It leads, scored below the shortcut, as a reread question's entries do. So for
        # the team's, whose entry gives each plan's count of members (the entry on a double charge led, at 0.04).
        matches = _reread_first(deps, _ENTRY_ON_THE_LIMIT[past], k, matches)
    if asks_about_staff_review(ctx.message):
        # "When will staff look at it?" finds no entry (support hours at 0.01), "how long will approval take?" only
        # the refund timing: what the help centre says of staff approving refunds, of the staff's hours and of
        # the money's arrival once approved is added, scored as the topic's are above, for the writer to quote.
        matches += _after_own(matches, _best_of_each(deps, STAFF_REVIEW_QUESTIONS))
    if asks_when_the_refund_arrives(ctx):
        # "When will I see the money?" right after a refund was told of by its reference: the entry on a refund's timing
        # (the policy, at 0.02, came alone, and the reply said where the refund stands and not when it arrives).
        matches += _after_own(matches, _best_first(deps, REFUND_ARRIVAL_QUESTION, 1))
    if asks_for_status_updates(ctx):
        # "Can I get notified?" after the status page's entry, "do you send alerts when something is down?": the entry
        # that says its updates go by email, which their words never find, is added as the topic's are above.
        matches += _after_own(matches, _best_first(deps, UPTIME_QUESTIONS[0], 1))
    if asks_about_uptime(ctx.message):
        # "Was there downtime this week?" finds the status page only past the first k (0.00), beside lost phones: the
        # entries on the status page and the uptime SLA are added, scored as the topic's are above, for the writer.
        matches += _after_own(matches, _best_of_each(deps, UPTIME_QUESTIONS))
    if ((not names_money_taken(ctx.message) and not names_money_taken(topic))
            or (reports_payment_trouble(ctx.message) and not names_two_charges(ctx.message))):
        # "What happens to my data?", "please tell me the time": the entry on a charge taken twice ("… What happens
        # now?") was quoted as a guess (0.42), or sent by the shortcut (0.95), to messages that speak of no money; so
        # "my payment failed. what happens to my account now?" (0.81), of a payment that took nothing.
        matches = [match for match in matches if not is_the_entry_on_a_double_charge(match.question)]
    if len(questions := question_clauses(ctx.message)) >= 2:
        # "How do I enable 2fa? also what's my api rate limit?": the whole message's top entries are those
        # of its stronger question; each question's own best entry is added, scored as the topic's are
        # above (no higher than the lowest found for the message), so the writer can answer each.
        matches += _after_own(matches, [match for question in questions for match in deps.faq.search(question, k=1)])
    return AgentResponse(
        status="success", result={"matches": [match.model_dump(mode="json") for match in matches]},
        metadata=metadata("faq"),
    )
