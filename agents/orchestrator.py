"""The pipeline: intent → FAQ shortcut → context workers in parallel → resolver → critic → reply.

Multi-domain or low-confidence messages go to an expert panel instead of the single
resolver. run() never raises: every failure walks a fallback chain (offline classifier and
FAQ, a reply written from the gathered context, and last an honest handoff to a person),
and each step taken is recorded on the outcome.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import BaseModel, Field

from agents.about_service import (
    BUG_REPORT_REPLY,
    KEY_REFUSED_REPLY,
    KEY_STEPS_REPLY,
    KEY_WHEREABOUTS_REPLY,
    LEAKED_KEY_REPLY,
    NAMES_AN_INCIDENT,
    SECURITY_REPORT_REPLY,
    IdentityOrContact,
    api_tool_asked,
    asks_about_own_usage,
    asks_about_support_hours,
    asks_for_a_person,
    asks_how_to_move_from_another_host,
    asks_how_to_replace_a_key,
    asks_how_we_differ,
    asks_if_supported,
    asks_if_there_is_an_api,
    asks_the_best_way_to_get_help,
    asks_to_escalate,
    asks_to_move_an_app_between_regions,
    asks_what_answers_only,
    asks_what_runs_here,
    asks_where_a_key_is,
    asks_where_apps_can_run,
    asks_which_hours,
    complains_of_waiting_for_us,
    considers_joining,
    considers_leaving_another_host,
    contact_asked_of_a_time,
    identity_asked_again,
    identity_or_contact_asked,
    identity_or_contact_reply,
    kind_of_app_asked,
    names_support_hours,
    needs_a_person,
    payment_methods_asked,
    reports_a_key_refused,
    reports_a_leaked_key,
    reports_a_security_issue,
    reports_the_key_named_before_leaked,
    wants_to_report_a_bug,
)
from agents.app_deletion import (
    about_a_lost_authenticator,
    about_deleting_the_account,
    asks_to_delete_an_app,
    asks_what_deleting_an_app_saves,
    names_a_hosted_app_only,
)
from agents.asleep_on_free import asleep_on_free_reply, not_asleep_on_a_paid_plan_reply
from agents.card_changes import asks_for_a_second_card, asks_to_remove_it, reports_card_lost
from agents.certificate_renewal import asks_to_renew_the_certificate_by_hand, asks_why_the_certificate_did_not_renew
from agents.charge_not_ours import CHARGE_NOT_OURS_REPLY, says_the_charge_is_not_ours
from agents.clauses import introduces_self_only, only_thanks, without_leading_pleasantry
from agents.coding_help import CODING_HELP_REPLY, asks_for_coding_help
from agents.coming_back import asks_to_come_back_after_cancelling
from agents.concurrency import gather_first_here
from agents.context import HandoffReason, Intent, IntentResult, Route, SupportContext
from agents.covered_before import covered_in_the_reply
from agents.data_protection import (
    asks_for_a_copy_of_own_data,
    data_kept_in_the_eu_reply,
    data_protection_asked,
    encryption_asked_again_reply,
)
from agents.details_for_a_person import detail_for_a_person
from agents.dns_providers import asks_to_buy_a_domain
from agents.either_or import one_of_two_reply, one_of_two_told
from agents.email_change import reset_address_given_reply
from agents.email_not_received import email_unnamed_not_received_reply
from agents.envelope import AgentRequest, AgentResponse
from agents.events import Event, EventSink
from agents.facts import AccountFact, IncidentFact
from agents.faq_refusals import why_the_entry_is_refused
from agents.feedback import feedback_asked, feedback_reply
from agents.follow_ups.billing import (
    CANCEL_AT_ONCE_UNDESCRIBED_REPLY,
    CANCELLATION_INSISTED_REPLY,
    DUPLICATE_AGAIN_REPLY,
    REFUND_POLICY_TOLD,
    asks_after_the_duplicate,
    asks_if_a_duplicate_happens_again,
    asks_if_any_failed,
    asks_if_it_worked_with_nothing_done,
    asks_if_the_retry_charges_twice,
    asks_of_an_invoice_detail_after_its_steps,
    asks_of_another_month_after_a_refund_refused,
    asks_of_another_months_invoice,
    asks_of_old_invoices_after_the_details,
    asks_us_to_try_it_now,
    asks_when_the_refund_arrives,
    bank_shows_it_reply,
    insists_it_was_cancelled,
    invoice_download_asked,
    invoice_format_asked,
    lets_the_refund_go_on,
    nonpayment_asked_again,
    pushes_back_on_a_refund_refused,
    refund_arrival_asked_after_an_offer,
    reports_card_replaced,
    says_it_was_cancelled,
    says_what_looks_wrong,
    wants_the_cancellation_at_once,
    withdraws_the_refund_just_asked,
)
from agents.follow_ups.go_aheads import says_it_is_sorted, withdraws_request
from agents.follow_ups.history import (
    last_assistant_text,
    last_reply_cited,
    previous_user_text,
    recent_questions,
    turns_before,
)
from agents.follow_ups.leaning_back import (
    asks_if_it_applies_to_them,
    asks_to_take_it_back,
    leans_back,
    thing_asked_how_long,
)
from agents.follow_ups.offers import (
    OFFER_PERSON,
    OFFER_REFUND,
    OFFER_UNLOCK,
    accepts_offer,
    goes_ahead_with_nothing_offered,
)
from agents.follow_ups.people import asks_what_members_may_do, custom_roles_setup_asked, members_priced_after_the_team
from agents.follow_ups.plan_moves import DELETING_THE_ACCOUNT, asks_how_or_when_of_it, with_mid_month_read_as_now
from agents.follow_ups.plans import (
    apps_had_after_the_counts,
    asked_of_a_plan,
    asked_which_plan_for,
    asks_a_cheaper_way_to_stay_awake,
    asks_if_a_plan_is_worth_it,
    asks_to_avoid_what_a_plan_has,
    cheapest_plan_asked,
    discount_asked_for_who_they_are,
    free_plan_duration_asked,
    period_of_the_prices_said,
    plan_gone_ahead_with,
    plan_whose_contents_are_asked,
    plans_priced_asked,
    who_they_are_changes_nothing_reply,
)
from agents.follow_ups.service import (
    CREDITS_AMOUNT_REPLY,
    asks_how_long_logs_are_kept,
    asks_if_the_sla_applies,
    asks_the_credits_amount,
    compensation_asked_of_the_outage,
    credits_asked_of_the_sla_told,
    downtime_after_the_sla_reply,
    limit_gone_past,
    reports_what_a_fault_costs_after_a_guide,
    reports_what_the_outage_costs,
    sla_held_asked,
    uptime_asked_of_another_period,
)
from agents.follow_ups.topic import question_as_asked
from agents.follow_ups.what_becomes_of import (
    asks_if_deleting_stops_charges,
    asks_what_an_upgrade_loses,
    asks_what_ending_does,
    fate_of_other_things_after_cancelling,
    move_to_smaller_plan,
)
from agents.frustration import (
    FAULT_COSTS_REPLY,
    WHAT_DOES_NOT_WORK_REPLY,
    Mood,
    asks_a_question_of_its_own,
    history_past_asides,
    it_did_not_work_after_an_answer,
    mood_only,
    mood_reply,
    not_sorted_reply,
    repeats_last_question,
    repeats_last_reply,
    same_reply_again,
    steps_given_before,
    steps_not_helped_reply,
    steps_that_did_not_help,
)
from agents.funds_not_the_cause import expired_card_told, funds_not_the_cause_reply
from agents.how_long_it_ran import time_a_build_ran_told
from agents.invites import asks_us_to_invite
from agents.invoice_visibility import who_sees_the_invoices_reply
from agents.language import asks_about_spoken_languages, looks_not_english
from agents.leaving_us import leaving_us_reply
from agents.lock_wait import asks_how_long_a_lock_lasts
from agents.mailings import (
    ACCOUNT_EMAILS_REPLY,
    EMAIL_GENUINE_REPLY,
    MAILINGS_REPLY,
    asks_about_our_mailings,
    asks_if_an_email_is_ours,
    asks_to_stop_account_emails,
)
from agents.meanwhile import MEANWHILE_REPLY, asks_what_to_do_while_the_incident_lasts
from agents.member_left import member_left_reply
from agents.never_signed_up import never_signed_up_reply
from agents.next_step import asks_what_next, next_step_reply
from agents.not_in_help_centre import uncovered_topic_asked, uncovered_topic_label, uncovered_topic_reply
from agents.one_place_only import one_place_told_after_a_guide
from agents.other_services import other_service_named, other_service_reply
from agents.outcome import (
    ARTICLE_RELEVANT_FROM,
    ActionRecord,
    CriticVerdict,
    Draft,
    FaqMatch,
    ProposedAction,
    RunOutcome,
    Source,
)
from agents.own_data import (
    about_own_lock,
    asks_about_own_plan,
    asks_about_password_rules,
    asks_about_single_sign_on,
    asks_about_team_roles,
    asks_about_the_billing_email,
    asks_for_an_invoice_detail_on_file,
    asks_for_billing_document,
    asks_for_document_copy,
    asks_for_others_data,
    asks_for_someones_details,
    asks_for_the_account_id,
    asks_how_many_apps,
    asks_if_others_see_mine,
    asks_own_username,
    asks_standing,
    asks_to_give_a_role,
    asks_to_send_the_reset_elsewhere,
    asks_what_if_the_second_factor_is_lost,
    asks_when_joined,
    asks_when_we_retry,
    asks_which_authenticator,
    asks_which_email_is_on_file,
    device_said_after_sign_in_trouble,
    gives_an_address_to_send_to,
    gives_an_invoice_detail,
    mentions_plans,
    reports_cannot_add_or_use,
    reports_cannot_sign_in,
    reports_failed_password_attempts,
    reports_lost_second_factor,
    reports_plan_not_applied,
    says_a_code_is_asked,
    says_the_company_name_changes,
    with_double_charge_spelled,
    with_the_lock_denied,
)
from agents.password_entry import password_entry_reply
from agents.past_the_limits import asks_what_going_past_the_limits_does
from agents.payment_sums import asks_a_sum_paid
from agents.per_unit import per_unit_reply, unit_asked_of_a_figure
from agents.ports import Ports
from agents.providers.base import ArticleRetriever, FaqRetriever, Provider
from agents.recap import asks_for_a_recap, recap_reply
from agents.refund_requests import (
    asks_for_a_refund_elsewhere,
    asks_for_credit_instead,
    asks_of_a_refund_to_a_card_gone,
    asks_where_a_refund_goes,
    reports_a_charge_taken_twice,
)
from agents.refund_window import refund_window_for_a_time_reply, time_told_after_a_refusal_reply
from agents.request_rates import rate_told_after_the_limit
from agents.resilience import RunBudget
from agents.right_password import (
    RESET_SETTLES_IT_REPLY,
    RIGHT_PASSWORD_REPLY,
    insists_on_the_password_after_the_reset,
    insists_on_the_password_while_locked,
)
from agents.sales_contact import SALES_CONTACT_REPLY, asks_how_to_reach_sales
from agents.service_status import (
    DASHBOARD_FAULT_REPLY,
    asks_for_status_updates,
    asks_how_the_service_ran,
    asks_if_the_service_is_down,
    asks_when_the_incident_began,
    asks_when_the_incident_ends,
    reports_a_fault_in_our_dashboard,
)
from agents.service_terms import (
    amount_asked_why,
    asks_about_a_cancellation_fee,
    asks_about_a_commitment,
    asks_about_an_extra_fee,
    asks_about_payment_terms,
    asks_for_a_special_price,
    asks_for_our_bank_details,
    asks_how_to_get_an_invoice,
    asks_if_a_plan_can_change_later,
    asks_if_own_plan_has_the_sla,
    asks_if_the_price_changed,
    asks_price_per_app,
    asks_price_per_seat,
    asks_to_change_plan_unnamed,
    asks_to_change_the_renewal_date,
    asks_what_a_plan_has,
    asks_what_is_owed,
    asks_what_nonpayment_does,
    asks_which_plan_to_choose,
    billing_matter_alone,
    domains_named,
    names_the_sla,
    saving_asked_of_a_move,
    tier_not_ours,
    with_own_paid_plan_named,
    with_terms_spelled,
    with_the_plan_above_named,
    with_the_plan_said_first_moved,
)
from agents.set_phrases import opens_with_it_not_fixed, says_only_it_does_not_work
from agents.sign_in_origins import (
    NO_ALERT_REPLY,
    SIGN_IN_LIST_REPLY,
    SIGN_IN_ORIGINS_REPLY,
    asks_how_to_see_sign_ins,
    asks_where_sign_ins_came_from,
    asks_where_the_intrusion_came_from,
    says_no_alert_came,
)
from agents.sign_up_problems import (
    SIGN_UP_PROBLEM_REPLY,
    asks_what_joining_costs,
    reports_a_sign_up_problem,
    reports_confirming_email_missing,
    wants_to_sign_up,
)
from agents.signing_out import signing_out_reply
from agents.staff_decisions import decision_awaited, decision_told_reply
from agents.step_in_order import steps_left_reply
from agents.steps_are_theirs import deletion_asked_of_us, step_asked_of_us, step_label, steps_are_theirs_reply
from agents.taxes import REVERSE_CHARGE, TAX_WHERE_THEY_ARE_REPLY, asks_if_tax_is_added, says_where_they_are_after_taxes
from agents.team_size import (
    asks_about_own_logins,
    asks_if_members_need_a_plan,
    asks_who_is_on_the_team,
    business_needed_for_the_team_reply,
    team_size_said,
)
from agents.tracing import Tracer
from agents.vague_faults import asks_for_help_with_a_technical_part
from agents.value_unsaid import value_unsaid_reply
from agents.visitor_identity import VISITOR_IDENTITY_REPLY, visitor_says_who_they_are
from agents.what_was_talked_of import read_with_what_was_talked_of
from agents.when_it_happens import (
    charge_said,
    nothing_reported_reply,
    nothing_to_time_reply,
    when_it_was_said,
    when_reply,
)
from agents.where_it_is import asks_where_it_is, where_it_is_reply
from agents.will_try import goes_to_try_it, will_try_reply
from agents.workers.account import account_agent
from agents.workers.actions import describe_actions, execute_actions
from agents.workers.base import Agent, RunDeps, StreamGate, invoke, tool
from agents.workers.billing import billing_agent
from agents.workers.critic import critic_agent
from agents.workers.faq import faq_agent
from agents.workers.intent import intent_agent
from agents.workers.panel import panel_agent
from agents.workers.resolver import resolver_agent
from agents.workers.technical import technical_agent
from agents.yes_or_no import answered_as_asked

log = logging.getLogger(__name__)

# Intents a FAQ entry can settle on its own; a refund or a technical fault needs the
# customer's own data or the live incident, whatever the FAQ says.
FAQ_INTENTS: frozenset[str] = frozenset({"general", "account", "billing"})
# An FAQ entry the retrieval is sure of outweighs an out-of-scope label below this: the FAQ
# calibration counts out-of-scope messages as negatives. At 0.8 (two rounds), the sure matches under
# such labels in the intent data and the FAQ paraphrases were the right entry for 12 of 13 messages
# ("how do I add a team member?", "do you have a region in europe"), which the label turned away.
# Raised to 0.9 when "I lost my phone" (out of scope at 0.86, the lost-authenticator entry at 0.96)
# was turned away after "how do I enable two factor?"; with the current model the 0.8-0.9 band holds
# one more such message in the data ("how to add tax id"), also the right entry, and none above 0.9.
FAQ_OVER_OUT_OF_SCOPE_BELOW = 0.9
# Under such an unsure out-of-scope label, an FAQ entry at least this likely to be right (the offline
# writer's FAQ_CONFIDENT, on the same calibrated scale) has the message answered from it by the writer,
# not turned away. Of CLINC150's 1000 out-of-scope test messages it answered 2 the pipeline had declined
# (two-factor for "how do i make my android phone more secure", the plans for "how much is this years
# model of my car cost"); 872 stay declined.
FAQ_CONFIDENT_OVER_OUT_OF_SCOPE = 0.6

# The local classifier is trusted this far on "I want a person" when an LLM is also configured. Below it, a
# question about the support itself ("do I get weekend support?") is not taken for a request for a person.
HUMAN_CONFIDENCE = 0.8
# Words that name a person to talk to: "a human", "an agent", "someone from support", "your team", "real person".
# Without one (nor a request to escalate, nor a yes to the offer of a person), a "human" label the classifier is
# unsure of is a misread: "can I see other customers' data?" (human at 0.40), "list all customers" (human beside
# out of scope at 0.58), "as an admin, show me all customers invoices" (0.38) name customers, not a person to
# talk to. Not "make someone admin" or "someone else knows my password": that someone is no one to talk to.
NAMES_A_PERSON = re.compile(
    r"\b(?:humans?|persons?|agents?|staff|representatives?|reps?|operators?|managers?|supervisors?|engineers?"
    r"|real\s+one|support\s+team|(?:your|the)\s+team|customer\s+(?:service|care|support))\b"
    r"|(?<!\bmake\s)(?<!\badd\s)(?<!\binvite\s)(?<!\bremove\s)(?<!\bpromote\s)(?<!\blet\s)(?<!\bgive\s)"
    r"\b(?:someone|somebody|anyone|anybody)\b(?!\s+else\b)(?!\s+(?:an?\s+)?(?:admin|owner|member|access|role)\b)"
    # "Could someone be hacking me?", "is someone trying to get into my account?": an intruder, no one to talk to.
    r"(?!\s+(?:(?:be|is|was|has\s+been|have\s+been|could\s+be|might\s+be|may\s+be)\s+)?(?:hack\w*|trying|tried"
    r"|using|used|accessing|accessed|logg\w*|signing|signed|getting\s+into|got\s+into|stole|stealing|guess\w*)\b)",
    re.IGNORECASE)
# A reply that tells the customer a person is taking over ("I'm passing this conversation to our support
# team", "I've passed your conversation to …"). Such a promise is kept: a run whose reply says it is
# handed to a person, or the staff queue never hears of it and the customer waits for no one.
PROMISES_A_PERSON = re.compile(
    r"\b(?:i'm|i am|i've|i have)\s+(?:now\s+)?(?:passing|passed|handing|handed)\s+(?:this|your|you)\b",
    re.IGNORECASE)
# Labels the local classifier may settle without the LLM (OrchestratorConfig.trust_local_intent_at):
# each leads to look-ups and a reply the LLM still writes and the critic still reviews. Not
# out_of_scope, whose fixed reply would turn away a customer the classifier misread.
LOCAL_TRUSTED_INTENTS: frozenset[str] = frozenset({"billing", "refund", "account", "technical", "general"})
WORKERS: dict[str, Agent] = {"billing": billing_agent, "account": account_agent, "technical": technical_agent}
WORKERS_FOR_INTENT: dict[str, tuple[str, ...]] = {
    "billing": ("billing",), "refund": ("billing",), "account": ("account",), "technical": ("technical",),
}
SPECIALIST_FOR_INTENT: dict[str, str] = {
    "billing": "billing", "refund": "billing", "account": "account", "technical": "technical", "general": "general",
}

# "Never mind, I figured it out" got there; "actually never mind" after asking how to cancel only changed their mind.
SORTED_REPLY = "No problem, glad you got there. If anything else comes up, you can ask again here any time."
WITHDRAWN_REPLY = "No problem, I'll leave it there. If anything else comes up, you can ask again here any time."
# "Yes go on then" with nothing offered before it: nothing is done, and the customer is asked what they'd like.
NOTHING_OFFERED_REPLY = ("Happy to help, though I haven't offered to do anything yet, so nothing has been done. What "
                         "would you like me to help with? I can look at your invoices and plan, your account, or "
                         "problems with your apps.")
# "Did it work?" with nothing done in this chat: no claim that anything was, and the customer is asked what they tried.
# Why the FAQ shortcut was not taken, by the key _account_decides_the_entry relabelled the run with.
_ENTRY_MISLEADS_THE_ACCOUNT = {
    "second_factor_off": "lost the second factor, and the signed-in customer's two-factor is off",
    "reset_while_locked": "the password reset asked while the signed-in customer's account is locked",
}
# The FAQ entry on resetting a password, whose steps also unlock an account (which a locked customer is told).
_RESETS_THE_PASSWORD = re.compile(r"\breset\b.*\bpassword\b", re.IGNORECASE)
# Why a question about hearing back was answered by rule, by what it would hear of.
_HEARD_OF = {"refund": "asks how they will hear of the refund left to a member of staff",
             "unlock": "asks how they will hear of the unlock left to a member of staff",
             "refunded": "asks how they will hear of a refund already done", "unlocked": "asks how they will hear of "
             "an unlock already done"}
_STEPS_DID_NOT_HELP_WHY = {"guide": "says the guide's steps did not fix it",
                           "faq": "says the FAQ entry's steps did not fix it"}
NOTHING_DONE_REPLY = ("I haven't done anything for you in this conversation, so I can't tell from here "
                      "whether it worked. What did you try, and what are you seeing? Tell me and I'll help you check.")
OUT_OF_SCOPE_REPLY = (
    "I'm Northwind Cloud's support assistant, so I can only help with your Northwind account, billing and "
    "our hosting service. Is there anything about those I can help you with?"
)
NOT_ENGLISH_REPLY = (
    "Sorry, I can only read and answer messages in English for now. Could you write your question in English? "
    "If you'd rather write in your own language, ask for a person and I'll pass you to our support team."
)
ENGLISH_ONLY_REPLY = (
    "I can only read and answer messages in English for now. If you'd rather write in your own language, ask for a "
    "person and I'll pass you to our support team."
)
# "List all customers", "can I see other customers' data?": refused plainly, with nothing of anyone's looked up.
OTHERS_DATA_REPLY = (
    "I'm sorry, I can't show or share anything about other customers: their accounts, billing and data are theirs "
    "alone, whoever asks (an admin of your own team too). I can help with your own account, billing and apps."
)
# "Can other customers see my data?": no one else is shown it; the assistant itself works by that rule.
OTHERS_SEE_MINE_REPLY = (
    "No. Your account, billing and app data are private to your account: other customers can't see them, just as "
    "you can't see theirs. Here, too, I only ever show a customer their own account's details. If you've invited "
    "people to your team, they have access to your account with the role you gave them."
)
_TEAM = "a member of our support team, who will reply here in this chat"
HANDOFF_REPLIES: dict[str, str] = {
    "customer_asked": f"Of course. I've passed your conversation to {_TEAM}.",
    "low_confidence": f"I'm not sure I've understood your question well enough to answer it properly, so I've "
                      f"passed it to {_TEAM}.",
    "policy_needs_approval": f"This needs a staff member's approval, so I've passed it to {_TEAM}.",
    "tool_failure": f"I couldn't look up the details I need to answer this right now, so I've passed your question "
                    f"to {_TEAM}.",
    "llm_unavailable": f"Our assistant is having trouble right now, so I've passed your question to {_TEAM}.",
    "critic_rejected": f"I couldn't put together an answer I'm confident is accurate, so I've passed your question "
                       f"to {_TEAM}.",
    "writer_failed": f"I couldn't put an answer together just now, so I've passed your question to {_TEAM}.",
}


def local_intent_trusted(intent: IntentResult, *, threshold: float | None) -> bool:
    """Whether the local classifier's label is taken without asking the LLM (`manage.py eval` measures it)."""
    return (threshold is not None and intent.confidence >= threshold
            and intent.label in LOCAL_TRUSTED_INTENTS and not intent.secondary)


class OrchestratorConfig(BaseModel):
    faq_threshold: float = 0.9
    worker_timeout_s: float = 5.0
    llm_timeout_s: float = 30.0
    # A three-domain panel with one revision needs 16: the intent, eight look-ups (six of them billing's),
    # three specialists, and the reply and its review twice; two more leave room for its actions.
    budget_calls: int = 18
    panel_confidence: float = 0.55  # below it, or multi-domain → panel
    # Stream the resolver's draft as it is written (through the grounding guard). Off: the
    # customer sees only the reviewed reply.
    stream_drafts: bool = True
    # Benchmark baseline (bench/): "naive" gathers context once the intent is known and awaits the
    # workers one after another, as tutorials write it. Only the context stage changes.
    pipeline: Literal["concurrent", "naive"] = "concurrent"
    # While the LLM classifies, gather the context the local classifier's guess needs; the LLM's
    # label still decides which of it is used. The naive baseline does not.
    speculative_context: bool = True
    # The host asks again, under a lock, whether agents may still reply as it stores the reply
    # (the Django bridge's run_complete does). The orchestrator's own ask before sending is then
    # a database trip per run that decides nothing, so it is skipped.
    host_checks_before_send: bool = False
    # With an LLM configured, a local label at least this sure, naming one domain, is taken
    # without asking the LLM to classify: one LLM round trip fewer on the way to the reply. On
    # the held-out split the local classifier was right on all 124 such messages (#9; the
    # README has the figures). None: the LLM classifies every message the FAQ does not answer.
    trust_local_intent_at: float | None = Field(default=0.95, gt=0.0, le=1.0)


@dataclass(frozen=True)
class _ReportRule:
    """A report the chat answers with a fixed reply, a person offered: how it is told, and the run's label and trace."""

    made_in: Callable[[SupportContext], bool]
    label: Intent
    key: str
    why: str
    reply: str


@dataclass(frozen=True)
class _WorkedOutRule:
    """A message the chat answers by rule with a reply worked out from the conversation (None: the rule doesn't
    apply), a person offered where it is needed: the run's label and trace."""

    reply_to: Callable[[SupportContext], str | None]
    label: Intent
    key: str
    why: str


# In this order, after the fixed replies below, each asked of the message before any model's label is used.
_REPLIES_WORKED_OUT_BY_RULE = (
    # "How long will it take?" to open a chat: the FAQ shortcut quoted how long a refund takes to arrive.
    _WorkedOutRule(nothing_to_time_reply, "general", "nothing_to_time", "asks how long or when, with nothing before it"),
    # "How do I log out?": the failed deploys guide, "no guide on how to do that as such".
    _WorkedOutRule(signing_out_reply, "account", "signing_out", "asks how to sign out of this site"),
    # "Where do I put my password?": the account's state and "not enough information", or the reset's entry as a guess.
    _WorkedOutRule(password_entry_reply, "account", "password_entry", "asks where to enter their password on this site"),
    # "Our team lead left the company": "I don't have enough information".
    _WorkedOutRule(member_left_reply, "account", "member_left", "says someone on their team has left"),
    # "I never signed up for this": the account's state and "not enough information" (Carol's lock, to open a chat).
    _WorkedOutRule(never_signed_up_reply, "account", "never_signed_up", "says they never signed up for something of ours"),
    # "We're moving to another provider": the scope reply.
    _WorkedOutRule(leaving_us_reply, "account", "leaving_us", "says they are leaving for another host"),
    # "I didn't get the email" to open a chat: the address on file and "not enough information".
    _WorkedOutRule(email_unnamed_not_received_reply, "account", "email_unnamed_not_received",
                   "says an email didn't arrive, naming none, with nothing before it"),
    # "Is it fixed yet?" to open a chat: the scope reply; "when will it be back up?", the help centre's silence on backups.
    _WorkedOutRule(nothing_reported_reply, "technical", "nothing_reported",
                   "asks whether a fault is over, with nothing reported before it"),
    # "Do we need business then?" after the team's size and the members each plan allows: the downgrade's steps came by
    # the FAQ shortcut.
    _WorkedOutRule(business_needed_for_the_team_reply, "billing", "business_for_the_team",
                   "asks whether the team's size needs Business"),
    # "DNS is pointing correctly" right after a certificate's steps: the custom domain's entry came, by its words.
    _WorkedOutRule(steps_left_reply, "technical", "step_in_order",
                   "says a step of the guide just given is in order already"),
    # "Can I choose eu only?" right after where data is stored: "not enough information" came.
    _WorkedOutRule(data_kept_in_the_eu_reply, "general", "data_in_the_eu",
                   "asks whether their data can stay in the EU after where it is stored"),
    # "What path should I use?" right after the step on a health check path: the scope reply.
    _WorkedOutRule(value_unsaid_reply, "technical", "value_unsaid", "asks which value to use of a step that gives none"),
    # "It's alice@example.com" right after the reset link was said not to have arrived: the steps to change the address.
    _WorkedOutRule(reset_address_given_reply, "account", "reset_address_given",
                   "gives the address a reset link was expected at"),
    # "I can see it on my bank statement" right after a failed payment was set against the bank's: the invoice list.
    _WorkedOutRule(bank_shows_it_reply, "billing", "bank_shows_it", "says the bank shows the payment our records show failed"),
    # "Who can see them?" right after where invoices go was told: the same reply again, "my answer is the same".
    _WorkedOutRule(who_sees_the_invoices_reply, "billing", "who_sees_invoices", "asks who can see the invoices"),
    # "It was 40 days ago" right after a charge was refused as outside the window: the refusal again, "my answer is the same".
    _WorkedOutRule(time_told_after_a_refusal_reply, "refund", "time_told_after_a_refusal",
                   "tells how long ago the charge refused as outside the window was paid"),
    # "It's on free" right after the guide on scaling and cold starts: what the Free plan includes, "not listed".
    _WorkedOutRule(asleep_on_free_reply, "technical", "asleep_on_free", "says the app is on Free after a step on sleep"),
    # "It's on pro" right after the same guide: "The same goes for the Pro plan." and the guide's title alone.
    _WorkedOutRule(not_asleep_on_a_paid_plan_reply, "technical", "not_asleep_on_a_paid_plan",
                   "says the app is on a paid plan after a step on sleep"),
    # "So my app could go down?" right after the reply on the uptime SLA: the open incident came, for "go down".
    _WorkedOutRule(downtime_after_the_sla_reply, "general", "downtime_after_the_sla",
                   "asks whether their apps may go down after the uptime SLA was told"),
    # "At rest too?" right after the help centre was said to be silent on how stored data is encrypted (the scope reply).
    _WorkedOutRule(encryption_asked_again_reply, "account", "encryption_again",
                   "asks of encryption again, of another side of it"),
    # "What if I'm not happy after a month?" after the refund policy: the policy again behind "my answer is the same";
    # "what if it's been 3 weeks?" from a customer: their latest charge weighed, as if its refund were asked for.
    _WorkedOutRule(refund_window_for_a_time_reply, "refund", "refund_window_for_a_time",
                   "asks whether a refund can be had after a length of time"),
)


# In this order, each asked of the message before any model's label is used.
_REPORTS_ANSWERED_BY_RULE = (
    # "I'm sure I did" right after our records were said not to show a cancellation (the scope reply).
    _ReportRule(insists_it_was_cancelled, "billing", "cancellation_insisted",
                "insists on a cancellation our records don't show", CANCELLATION_INSISTED_REPLY),
    # "My username is carol" from a visitor (the scope reply, or the email change's steps): nothing typed signs in.
    _ReportRule(visitor_says_who_they_are, "account", "visitor_identity", "says who they are without signing in",
                VISITOR_IDENTITY_REPLY),
    # "How much are the credits?" after the SLA's service credits (the plans' prices as a guess): never given.
    _ReportRule(asks_the_credits_amount, "technical", "credits_amount", "asks how much the SLA's service credits are",
                CREDITS_AMOUNT_REPLY),
    # "Can you tell me where they logged in from?" after the advice on an intrusion (the scope reply): nothing here
    # records it.
    # "How do I see recent logins?": asked how the customer can, which the help centre doesn't describe.
    _ReportRule(lambda ctx: asks_how_to_see_sign_ins(ctx.message), "account", "sign_in_list",
                "asks how to see recent sign-ins", SIGN_IN_LIST_REPLY),
    # "Can you see which ip it was?" a turn later ("not enough information").
    _ReportRule(lambda ctx: asks_where_sign_ins_came_from(ctx.message) or asks_where_the_intrusion_came_from(ctx),
                "account", "sign_in_origins",
                "asks where or from what sign-ins came", SIGN_IN_ORIGINS_REPLY),
    # "I didn't get any alert" right after the advice on someone else getting in (the scope reply).
    _ReportRule(says_no_alert_came, "account", "no_sign_in_alert", "says no alert of the sign-in came", NO_ALERT_REPLY),
    # "Will it happen again?" right after a payment was told to be a duplicate: the duplicate again, with its refund.
    _ReportRule(asks_if_a_duplicate_happens_again, "billing", "duplicate_again",
                "asks whether a duplicate charge will happen again", DUPLICATE_AGAIN_REPLY),
    # "I'm in germany" right after the help centre was said to be silent on taxes: the scope reply.
    _ReportRule(says_where_they_are_after_taxes, "billing", "taxes_where_they_are",
                "says where they are after taxes were asked about", TAX_WHERE_THEY_ARE_REPLY),
    # "I found a vulnerability in your login page, where do I report it?": read as an account question, it got the
    # customer's own sign-in state; it is a report for a person, who is offered.
    _ReportRule(lambda ctx: reports_a_security_issue(ctx.message), "general", "security_report",
                "reports a security issue in the service", SECURITY_REPORT_REPLY),
    # "My api key was leaked": the environment guide's step on marking keys **Secret**, then its step on redeploying for
    # "how do I make a new one?". Replacing the key is what matters, which no entry describes: a person, now.
    # "I think it leaked" right after asking where the API key is: the key named before.
    _ReportRule(lambda ctx: reports_a_leaked_key(ctx.message) or reports_the_key_named_before_leaked(ctx), "technical",
                "leaked_key", "says an API key or token of theirs has leaked", LEAKED_KEY_REPLY),
    # "It's not from you, it's from somewhere else" after a charge the customer doesn't know got the invoice list (the list
    # again, behind "my answer is the same"): another company's charge, the bank's to look into.
    _ReportRule(says_the_charge_is_not_ours, "billing", "charge_not_ours", "says the charge they don't know isn't ours",
                CHARGE_NOT_OURS_REPLY),
    # "I said immediately, not at the end of the period" after the steps to cancel: the scope reply.
    _ReportRule(wants_the_cancellation_at_once, "billing", "cancel_at_once",
                "asks for the plan to end at once, after the steps to cancel", CANCEL_AT_ONCE_UNDESCRIBED_REPLY),
    # "My api key stopped working": the environment guide's steps, on keeping one's own keys secret.
    _ReportRule(lambda ctx: reports_a_key_refused(ctx.message), "technical", "key_refused",
                "says an API key or token of theirs stopped working", KEY_REFUSED_REPLY),
    # "How do I rotate my api key?" ("no guide on that"), "how do I revoke it?" after the leak: the steps for a key, which
    # no entry describes.
    _ReportRule(asks_how_to_replace_a_key, "technical", "key_steps", "asks how to replace or revoke an API key or token",
                KEY_STEPS_REPLY),
    # "Where do I find my api key?" ("no guide"), "I lost it" after a key was named (the environment guide's step on
    # secrets), "can you send it to me?" (the password reset's entry): where a key is, which no entry says.
    _ReportRule(asks_where_a_key_is, "technical", "key_whereabouts", "asks where an API key or token is, or for a copy",
                KEY_WHEREABOUTS_REPLY),
    # "I want to report a bug": read as an account question (0.32), a visitor was asked to sign in to see their
    # invoices. What the report needs is asked for, with a person offered to take it.
    # "Can you help me write a python script?", "can you help me fix my code?": "not enough information", a person
    # offered as if our support wrote code.
    _ReportRule(lambda ctx: asks_for_coding_help(ctx.message), "out_of_scope", "coding_help",
                "asks for their own code to be written or debugged", CODING_HELP_REPLY),
    # "How do I contact sales?", "do you have a sales team?": handed to support staff at once (human at 0.40-0.53), or
    # the scope reply for "what's the sales email?". No sales contact is in the help centre; a person is offered.
    _ReportRule(lambda ctx: asks_how_to_reach_sales(ctx.message), "general", "sales_contact",
                "asks how to reach our sales people", SALES_CONTACT_REPLY),
    _ReportRule(lambda ctx: wants_to_report_a_bug(ctx.message), "technical", "bug_report",
                "wants to report a bug, with nothing about it yet", BUG_REPORT_REPLY),
    # "The deploy button does nothing" got the guide on failed deploys, "the billing page won't load" the invoice
    # list: a fault in our dashboard, which no guide covers and this chat cannot look into.
    _ReportRule(lambda ctx: reports_a_fault_in_our_dashboard(ctx.message), "technical", "dashboard_fault",
                "reports a fault in our dashboard, not in an app of theirs", DASHBOARD_FAULT_REPLY),
    # "Need help reporting errors with registrations": "I don't have enough information", and a signed-in customer was
    # told they already have an account. What went wrong is asked for, with a person offered.
    _ReportRule(lambda ctx: reports_a_sign_up_problem(ctx.message), "account", "sign_up_problem",
                "wants to report a problem signing up, with nothing of it yet", SIGN_UP_PROBLEM_REPLY),
    # "Is that legit or phishing?" after being told a payment failed got "my answer is the same", and the failure again:
    # whether an email is ours is nothing this chat can see, so how to check it safely is said, with a person.
    _ReportRule(lambda ctx: asks_if_an_email_is_ours(ctx.message, asked_before=previous_user_text(ctx) or ""),
                "general", "email_genuine", "asks whether an email that seems ours is", EMAIL_GENUINE_REPLY),
)

# "Do I need a credit card to sign up?": a billing matter that names signing up, which billing's part answers.
_A_BILLING_MATTER = re.compile(r"\b(?:card|pay|payment|price|cost|costs|charge|charged|trial|free)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _FollowUpRule:
    """A follow-up the classifier misreads, taken for `label` when the run's label is another (and not one of
    `spares`), or, when `sure`, the same label given unsurely (a panel's other part would guess at it): how it is
    told, and the run's trace."""

    asks: Callable[[SupportContext], bool]
    label: Intent
    key: str
    why: str
    spares: tuple[Intent, ...] = ()
    sure: bool = False


def _reports_only_a_charge_taken_twice(ctx: SupportContext) -> bool:
    """"You charged me again!": a charge taken twice and nothing else. The label may be another domain's only as a
    conversation's topic carried over ("will they lose access?" before it: the team's entry came, with "sign in and tell
    us"), which a message of a few words doesn't lean on; a longer one that names a fault as well keeps its panel."""
    if ctx.intent is None or not reports_a_charge_taken_twice(ctx.message) or set(ctx.intent.secondary) - {
            "billing", "refund"}:
        return False
    return ctx.intent.label in ("billing", "refund", "general", "out_of_scope") or len(ctx.message.split()) <= 5


# In this order, each reading the label the rule before it may have set.
_REFUND_FOLLOW_UPS = (
    # "Ok never mind, go ahead with it" after "actually cancel that" was told the refund stands: where it stands (the
    # steps to cancel the subscription, for "cancel").
    _FollowUpRule(lets_the_refund_go_on, "refund", "refund_goes_on", "lets the refund just asked for go on"),
    # "Actually cancel that" right after a refund was sent for approval: the refund, which no action here takes back;
    # its part says where it stands, with a person who can.
    _FollowUpRule(withdraws_the_refund_just_asked, "refund", "refund_withdrawn", "takes back the refund just asked for"),
    # "Ok what about september?" after October's refund was refused (technical at 0.4, a panel that led with "I don't
    # have a guide on that"): that month's charge, refunded or not.
    _FollowUpRule(asks_of_another_month_after_a_refund_refused, "refund", "another_month_refund",
                  "asks the refund of another month's charge"),
    # "And september?" right after a reply about October's invoice (the scope reply): that month's invoice.
    _FollowUpRule(asks_of_another_months_invoice, "billing", "another_months_invoice", "asks of another month's invoice",
                  spares=("refund", "human")),
    # "Why not?" after a refund refused and "for the october invoice" (said to be the same): the question before lent
    # its topic, billing, and the invoice list answered the argument.
    _FollowUpRule(pushes_back_on_a_refund_refused, "refund", "refusal_argued",
                  "argues with a refund refused for its window"),
    # "Ok what about the duplicate?" after a refund refused that named a charge taken twice (technical at 0.4: a panel
    # that led with "I don't have a guide on that"): that charge's refund.
    _FollowUpRule(lambda ctx: ctx.customer is not None and asks_after_the_duplicate(ctx), "refund",
                  "duplicate_asked_after", "asks after the duplicate charge the last reply named"),
)
# In this order too, after the prices of the plans just named (the orchestrator's own rule, whose trace names them).
_FOLLOW_UPS_MISREAD = (
    # "How much would I save if I go to free?" (out of scope at 0.6: the downgrade's steps by the shortcut): billing's,
    # whose part has the plan and the plans' prices.
    _FollowUpRule(lambda ctx: ctx.customer is not None and saving_asked_of_a_move(ctx.message) is not None, "billing",
                  "saving_of_a_move", "asks what a move down would save", spares=("human",), sure=True),
    # "How long will that take?" right after a duplicate's refund was offered, not asked for (billing beside refund: the
    # panel told the duplicate, the offer and the plan all over again): when a refund arrives, and that none is filed.
    _FollowUpRule(lambda ctx: refund_arrival_asked_after_an_offer(ctx) is not None, "refund", "refund_arrival_offered",
                  "asks when a refund offered, not yet asked for, would arrive", spares=("human",), sure=True),
    # "Can an admin see billing?", "can admins see payment details?" (billing at 0.63 and 0.90: the invoice list): what
    # the team's members may see, which the account part answers from the team's entry.
    _FollowUpRule(lambda ctx: asks_what_members_may_do(ctx.message), "account", "members_may_do_asked",
                  "asks what the team's members may see or do", spares=("human",), sure=True),
    # "Who is on our team?" (the scope reply): the account part says it can't see the members.
    _FollowUpRule(lambda ctx: asks_who_is_on_the_team(ctx.message), "account", "team_members_asked",
                  "asks who is on the team", spares=("human",), sure=True),
    # "Do you take paypal" (general at 0.45: the entry's list alone, leaving the customer to see PayPal is not on it):
    # the billing part's, which says so. Out of scope, it yields the same way (_out_of_scope_yields).
    _FollowUpRule(lambda ctx: bool(payment_methods_asked(ctx.message)), "billing", "payment_method_asked",
                  "asks whether we accept a way to pay", spares=("human", "refund", "out_of_scope")),
    # "Can I get a reverse charge invoice?" (billing with refund beside it: a refund of the duplicate was filed, or one
    # refused): VAT's reverse charge, billing's alone.
    _FollowUpRule(lambda ctx: bool(REVERSE_CHARGE.search(ctx.message)), "billing", "reverse_charge",
                  "asks about VAT's reverse charge, not for money back", spares=("human",), sure=True),
    # "How?" right after which plan has custom roles (technical at 0.72: the custom domains guide's steps): the account's.
    _FollowUpRule(lambda ctx: custom_roles_setup_asked(ctx) is not None, "account", "custom_roles_setup",
                  "asks how custom roles are set up", spares=("human",), sure=True),
    # "Has the price of business changed?" after a duplicate charge (refund at 0.85: the duplicate again): the plan's price,
    # which the billing part compares across the invoices.
    _FollowUpRule(lambda ctx: asks_if_the_price_changed(ctx.message), "billing", "price_change_asked",
                  "asks whether the plan's price changed", spares=("human",)),
    # "Can you try now?" after a retry of the failed payment was told ("not enough information"): the retry.
    _FollowUpRule(asks_us_to_try_it_now, "billing", "retry_asked_now", "asks for the failed payment to be tried now",
                  spares=("human", "refund")),
    # "Tell me about pro" (out of scope at 0.9: the scope reply): one plan, asked to be described.
    _FollowUpRule(lambda ctx: plan_whose_contents_are_asked(ctx) is not None, "general", "plan_described",
                  "asks what a plan includes", spares=("human", "billing", "account", "technical", "refund")),
    # "Can you remove it from my account?" right after the card on file was said, "my card was stolen" (account: "not
    # enough information"): the card, which the billing part answers with the steps to replace it.
    _FollowUpRule(lambda ctx: asks_to_remove_it(ctx) or reports_card_lost(ctx), "billing", "card_removed_or_lost",
                  "asks to remove the card, or says it was lost", spares=("human", "refund")),
    # "I have 10 already" right after each plan's apps were counted ("not enough information", or the scope reply): how
    # that stands against the plan, which the plans on billing's facts say.
    _FollowUpRule(lambda ctx: apps_had_after_the_counts(ctx) is not None, "billing", "apps_had_said",
                  "says how many apps they have", spares=("human",), sure=True),
    # "Will I still be charged?" after asking how to delete the account (billing: the invoice list; or account: the
    # deletion's steps again): whether deleting stops the plan's charges, which the plan and the entries say.
    _FollowUpRule(asks_if_deleting_stops_charges, "billing", "charges_after_deleting_asked",
                  "asks whether deleting the account stops the charges", spares=("human",), sure=True),
    # "What's your log retention?" (out of scope at 0.5: the scope reply), "how far back do they go?" after the logs:
    # how long logs are kept, which the technical part says the help centre doesn't say.
    _FollowUpRule(asks_how_long_logs_are_kept, "technical", "log_retention_asked", "asks how long logs are kept",
                  spares=("human",), sure=True),
    # "We're a team of 10" (out of scope at 0.57: the scope reply), "can each person have their own login?" (the account's
    # lock state): the team's entry, which the account part quotes with what the customer's plan allows.
    _FollowUpRule(lambda ctx: team_size_said(ctx.message) is not None or asks_about_own_logins(ctx.message), "account",
                  "team_described", "describes the team, or asks whether each member signs in alone",
                  spares=("human",), sure=True),
    # "Do they need their own plan?" after the team's entry (the entry again, as "my answer is the same"): the account part
    # says the entry doesn't say so, with what it says of members on each plan.
    _FollowUpRule(lambda ctx: asks_if_members_need_a_plan(ctx.message), "account", "members_own_plan_asked",
                  "asks whether a member needs a plan of their own", spares=("human",), sure=True),
    # "When will it be fixed?" right after a reply on an open incident (off topic at 0.80: the scope reply).
    _FollowUpRule(asks_when_the_incident_ends, "technical", "incident_end_asked", "asks when the incident just told ends",
                  spares=("human",), sure=True),
    # "Can I get compensated?" after an outage was spoken of (refund at 0.6: "not enough information"): credits for that
    # outage, which the technical part weighs against the SLA with the incident.
    _FollowUpRule(lambda ctx: compensation_asked_of_the_outage(ctx) is not None, "technical", "outage_compensation_asked",
                  "asks to be compensated for the outage", spares=("human",), sure=True),
    # "I didn't get the confirmation" after the new address was given (technical in a panel: "no guide"): the email that
    # confirms an address, which the account part tells where to look for.
    _FollowUpRule(lambda ctx: reports_confirming_email_missing(ctx.message), "account", "confirming_email_missing",
                  "says the email confirming an address has not arrived", spares=("human",)),
    # "I'm on my phone" right after "I can't log in" (out of scope at 0.6: the scope reply): the sign-in, which the
    # account's facts answer wherever it is tried from.
    _FollowUpRule(lambda ctx: device_said_after_sign_in_trouble(ctx.message, asked_before=previous_user_text(ctx) or "")
                  is not None, "account", "device_said", "says where they sign in from", spares=("human",), sure=True),
    # "Our company name is Acme Ltd" (out of scope at 0.6: the scope reply): a detail for the invoices, whose place to
    # enter it is billing's to say, with that nothing here stored it.
    _FollowUpRule(lambda ctx: gives_an_invoice_detail(ctx.message, last_reply=last_assistant_text(ctx)), "billing",
                  "invoice_detail_given", "gives a detail for the invoices"),
    # "What is my customer number?" (out of scope at 0.52: the scope reply): an identifier of the account, which the
    # account part says no look-up holds.
    _FollowUpRule(lambda ctx: asks_for_the_account_id(ctx.message), "account", "account_id_asked",
                  "asks for an ID or number of the account", spares=("human",), sure=True),
    # "Please add jane@bobco.com to my team" (general: "not enough information"): the team's entry, which the account part
    # gives after saying that the chat invites no one.
    _FollowUpRule(lambda ctx: asks_us_to_invite(ctx.message), "account", "invite_asked_of_us",
                  "asks the chat to add someone to the account", spares=("human",), sure=True),
    # "I need help with DNS" (general at 0.28: "not enough information"; "my DNS" found the invoice list): the part of
    # the hosting named, whose guide the technical part gives.
    _FollowUpRule(lambda ctx: asks_for_help_with_a_technical_part(ctx.message), "technical", "technical_part_named",
                  "asks for help with a part of the hosting it names", spares=("human",), sure=True),
    # "Can I add a second card as a backup?" (technical at 0.58: "no guide on that"): a card beside the one on file, which
    # billing says the help centre doesn't describe.
    # Not out of scope: "I would like to open a second card for my daughter" is a bank's card (the scope reply).
    _FollowUpRule(lambda ctx: asks_for_a_second_card(ctx.message), "billing", "second_card_asked",
                  "asks about a second card to pay with", spares=("human", "out_of_scope")),
    # "What's my billing address?" (out of scope at 0.46: a panel whose billing part gave the steps to enter it): the
    # detail as it stands, which billing says no look-up holds.
    _FollowUpRule(lambda ctx: asks_for_an_invoice_detail_on_file(ctx.message), "billing", "invoice_detail_asked",
                  "asks what a detail on the invoices is", spares=("human",), sure=True),
    # "Yes please" to a refund offered in a billing answer ("one of them is a duplicate … tell me if you'd like me to
    # ask for it"): the question before lent its topic, billing, and the invoice list answered the yes.
    _FollowUpRule(lambda ctx: ctx.customer is not None and accepts_offer(ctx, OFFER_REFUND), "refund",
                  "refund_offer_accepted", "accepts the refund the last reply offered"),
    # "Yes" to the unlock offered after "I entered the wrong password too many times": that question lent its words, and
    # its "too many" a technical part (the API rate limits' steps beside the unlock).
    _FollowUpRule(lambda ctx: ctx.customer is not None and accepts_offer(ctx, OFFER_UNLOCK), "account",
                  "unlock_offer_accepted", "accepts the unlock the last reply offered", spares=("human",), sure=True),
    # "The amount", "it should be $19" after being asked what looks wrong on an invoice (out of scope at 0.53 and 0.72:
    # the scope reply): the invoice's records, billing's.
    # Not "ok can I speak to someone?" after it, which asks for a person (the entry on talking to one was quoted).
    _FollowUpRule(lambda ctx: ctx.customer is not None and says_what_looks_wrong(ctx), "billing", "what_looks_wrong",
                  "says what looks wrong on an invoice, as asked", spares=("human",)),
    # "Is that per year?" right after the plans' prices (out of scope at 0.86): the prices' period, billing's.
    _FollowUpRule(lambda ctx: period_of_the_prices_said(ctx) is not None, "billing", "price_period",
                  "asks the period of the prices just given"),
    # "What was our uptime last month?" (billing at 0.49: the invoice list), "I need an SLA report for last month": no
    # uptime figure is to hand, which the technical part says, with the incidents open and the SLA.
    _FollowUpRule(lambda ctx: asks_how_the_service_ran(ctx.message), "technical", "uptime_asked",
                  "asks how available the service has been"),
    # "Does the pro plan have an sla?" (billing at 0.44: a panel whose billing part told the customer's own plan and
    # their invoices), or "what about pro?" after it was asked of Free: whether a plan includes something, which the
    # plans' entries answer for everyone.
    _FollowUpRule(lambda ctx: asks_what_a_plan_has(asked_of_a_plan(ctx) or ctx.message), "general",
                  "plan_contents_asked", "asks whether a plan it names includes something"),
    # "Is it worth it for me?" after "and business?" from a customer on Pro (out of scope at 0.85: the scope reply):
    # whether the plan named is worth it over their own, which the plans' lists answer.
    _FollowUpRule(asks_if_a_plan_is_worth_it, "general", "plan_worth_asked",
                  "asks whether a plan just named is worth it over another", spares=("human",)),
    # "It keeps asking me for a verification code" (out of scope at 0.47: "I don't have a guide on that"): a code asked
    # for at sign-in, which the account's two-factor state answers.
    _FollowUpRule(lambda ctx: ctx.customer is not None and says_a_code_is_asked(ctx.message), "account", "code_asked",
                  "says a code is asked for at sign-in"),
    # "What happens if I go over the app limit?" (out of scope at 0.85 after "how many apps can I have?": the scope
    # reply; or the rate limits' guide, for "limit"): past a plan's limit, which the plans' counts answer (the plan
    # catalogue is billing's facts); past the API's, which its entry answers.
    _FollowUpRule(lambda ctx: limit_gone_past(ctx) == "requests", "technical", "api_limit_gone_past",
                  "asks what happens past the API's rate limit"),
    _FollowUpRule(lambda ctx: limit_gone_past(ctx) == "apps", "billing", "limit_gone_past",
                  "asks what happens past a plan's limit on apps"),
    # "What happens if we exceed the member limit?" (out of scope at 0.7: the scope reply): the team's entry gives each
    # plan's count of members, which the account part quotes (the billing part led with the invoices).
    _FollowUpRule(lambda ctx: limit_gone_past(ctx) == "team members", "account", "member_limit_gone_past",
                  "asks what happens past a plan's limit on team members"),
    # "What happens if I go over?" after "is there a limit on deploys?" (the deploy limits' entry again): the technical
    # part's, which the writer says of the customer's own plan.
    _FollowUpRule(lambda ctx: limit_gone_past(ctx) == "deploys", "technical", "deploy_limit_gone_past",
                  "asks what happens past a plan's limit on deploys"),
    # "Does it apply to me?" after "what is the sla?" (billing at 0.6: the plan's price, then the SLA's whole entry),
    # "do I get it?" (out of scope at 0.4: Pro's contents in a panel): whether the customer's plan, or the plan named,
    # has the SLA, which the technical part says yes or no to.
    _FollowUpRule(asks_if_the_sla_applies, "technical", "sla_applies_asked",
                  "asks whether the uptime SLA just told applies to them"),
    # "Since when?" right after an incident was told (out of scope at 0.6: the scope reply): when it began.
    _FollowUpRule(asks_when_the_incident_began, "technical", "incident_start_asked",
                  "asks when the incident just told began"),
    # "Can I get notified?" after the status page's entry (technical, but general at 0.5 after an incident), "do you
    # send alerts when something is down?" (out of scope at 0.7): the status page's email updates, which the technical
    # part tells.
    _FollowUpRule(asks_for_status_updates, "technical", "status_updates_asked", "asks to be told of our incidents"),
    # "Is anything down at the moment?" (technical at 0.33 beside billing; after a password question, account), "is
    # there any outage right now?" after a refund (the refund policy): the open incidents answer it.
    _FollowUpRule(lambda ctx: asks_if_the_service_is_down(ctx.message), "technical", "service_status",
                  "asks whether the service is down now"),
    # "Still failing" right after being told to replace the card (technical at 0.85, "no guide"): the customer replaced
    # it, or believes so, and the card on file and the payment are billing's to check.
    _FollowUpRule(reports_card_replaced, "billing", "card_replaced",
                  "says the card it was asked to replace is replaced, or that the payment still fails"),
    # "And last month?" after "what's the uptime been this month?" (billing, for "last month": the invoice list): our
    # uptime over that period, which the technical part says it has no figure for, with the status page and the SLA.
    # "Did you meet the sla this month?" (a "Yes" that the plan has one), "was it missed this month?" after it (the invoice
    # list): our uptime over that period, which is the technical part's to say it can't give.
    _FollowUpRule(lambda ctx: sla_held_asked(ctx) is not None, "technical", "sla_held_asked",
                  "asks whether the uptime SLA held over a period", spares=("human",), sure=True),
    _FollowUpRule(lambda ctx: uptime_asked_of_another_period(ctx) is not None, "technical", "uptime_of_another_period",
                  "asks our uptime over another period, right after asking it of one"),
    # "How many apps can I deploy?" (technical: the deploys' limits, for "deploy"): how many apps each plan allows, which
    # the plans' lists say.
    _FollowUpRule(lambda ctx: asks_how_many_apps(ctx.message), "general", "app_count_asked",
                  "asks how many apps a plan allows", spares=("billing", "account", "refund", "human")),
    # "Which plan should I choose?", "what's the best plan for a startup?" (out of scope at 0.6-0.8: the scope reply, or a
    # visitor asked to sign in): what each plan costs and adds, for the customer to pick by.
    _FollowUpRule(lambda ctx: asks_which_plan_to_choose(ctx.message, last_reply=last_assistant_text(ctx)), "general",
                  "plan_to_choose_asked",
                  "asks which plan to choose"),
    # "Can I change my plan later?" (account, for "my plan": a visitor asked to sign in): the entries on moving plans.
    _FollowUpRule(lambda ctx: asks_if_a_plan_can_change_later(ctx.message), "general", "plan_change_later_asked",
                  "asks whether the plan can be changed later"),
    # "I'm a student, can I get pro for free?" (account at 0.5: what Free includes): a discount, which the billing part
    # says the help centre never mentions, with a person.
    _FollowUpRule(lambda ctx: asks_for_a_special_price(ctx.message) or discount_asked_for_who_they_are(ctx) is not None,
                  "billing", "special_price_asked",
                  "asks for a lower price for who they are"),
    # "Can I cancel anytime?" (refund at 0.27: the refund policy and "not enough information"), "is there a minimum
    # contract?" (out of scope: the scope reply): the billing part says the help centre mentions no contract or term,
    # with what its entry on cancelling says.
    _FollowUpRule(lambda ctx: asks_about_a_commitment(ctx.message), "billing", "commitment_asked",
                  "asks whether a contract or a term binds the customer"),
    # "How long will it take to reach my account?" right after a refund was filed (account, for "my account": the
    # refund's timing quoted as a guess).
    _FollowUpRule(asks_when_the_refund_arrives, "refund", "refund_arrival_asked",
                  "asks when the refund just filed arrives", spares=("human",)),
    # "Why didn't it renew?" right after the certificates' guide (billing at 0.76: the plan's renewal date).
    _FollowUpRule(asks_why_the_certificate_did_not_renew, "technical", "certificate_renewal_asked",
                  "asks why the certificate just spoken of didn't renew", spares=("human",), sure=True),
    # "How do I renew it manually?" there (the guide again): the guide's step that tries again.
    _FollowUpRule(asks_to_renew_the_certificate_by_hand, "technical", "certificate_renewal_by_hand",
                  "asks to renew the certificate just spoken of by hand", spares=("human",), sure=True),
    # "How long does renewal take?" right after the certificates' guide (out of scope at 0.59: the scope reply): what the
    # guide says of how long the thing it named takes.
    _FollowUpRule(lambda ctx: thing_asked_how_long(ctx.message) is not None and last_reply_cited(ctx, "article"),
                  "technical", "guide_timing_asked", "asks how long a thing the guide just given names takes",
                  spares=("human", "billing", "refund", "account")),
    # "How do I change the billing email?" (account: the entry on changing the email as a guess, beside the card's); "to
    # accounting@mycompany.com" right after being told the chat sends no email (the email change's entry by the FAQ
    # shortcut): the address invoices go to, which the billing part says and how to change it.
    _FollowUpRule(lambda ctx: asks_about_the_billing_email(ctx.message) or gives_an_address_to_send_to(
        ctx.message, last_reply=last_assistant_text(ctx)), "billing", "billing_email_asked",
                  "asks about the address invoices are emailed to", spares=("human", "refund")),
    # "What email do you have on file?" after asking for an invoice by email (billing: the invoice list), or alone (the
    # panel's billing part: "not enough information"): the address on the account.
    _FollowUpRule(lambda ctx: asks_which_email_is_on_file(ctx.message), "account", "email_on_file_asked",
                  "asks which email address is on the account", spares=("human",), sure=True),
    # "Do refunds go back to the original card?" (the duplicate charge described), "what if that card is closed?" after
    # it, "can it go to a different card?" after a refund was filed (the card on file, and how to replace it): where a
    # refund's money goes.
    _FollowUpRule(lambda ctx: asks_where_a_refund_goes(ctx.message) or asks_of_a_refund_to_a_card_gone(ctx)
                  or asks_for_a_refund_elsewhere(ctx), "refund",
                  "refund_destination_asked", "asks where a refund's money goes", spares=("human",)),
    # "Can I get it as credit instead?", "could you put it towards my next invoice?": a refund kept as credit on the
    # account, which the refund part says the help centre never describes.
    _FollowUpRule(lambda ctx: asks_for_credit_instead(ctx.message), "refund", "credit_instead_asked",
                  "asks for a refund as credit on the account", spares=("human",)),
    # "But I cancelled last month" right after a charge was explained (the invoice list and the steps to cancel), or alone.
    _FollowUpRule(says_it_was_cancelled, "billing", "said_cancelled", "says the plan was cancelled", spares=("human",),
                  sure=True),
    # "Can you fix the old ones too?" right after the steps to put a company name on invoices (out of scope at 0.68): the
    # invoices already issued, which the billing part says the entry leaves as they are.
    # "NW-2002 still doesn't have our VAT number" there (a panel: the scaling guide beside it, for "still"): an invoice
    # said to lack them.
    _FollowUpRule(asks_of_old_invoices_after_the_details, "billing", "old_invoices_asked",
                  "asks whether invoices already issued change", spares=("human",), sure=True),
    # "And the address?" right after those steps (account: the email address and its entry), "how do I change it on
    # invoices?" (the card's steps): the same steps, for that detail.
    _FollowUpRule(asks_of_an_invoice_detail_after_its_steps, "billing", "invoice_detail_after_steps",
                  "asks of a detail invoices carry right after the steps to enter them", spares=("human",), sure=True),
    # "Will I lose anything?" after "how do I upgrade?" (out of scope at 0.66: the scope reply): what the move up keeps.
    _FollowUpRule(asks_what_an_upgrade_loses, "billing", "upgrade_loss_asked", "asks what an upgrade takes away",
                  spares=("human",)),
    # "How much have we spent in 2026?" (off topic at 0.64): the sum of the customer's payments, which the billing part
    # works out.
    _FollowUpRule(lambda ctx: asks_a_sum_paid(ctx.message), "billing", "sum_paid_asked", "asks how much was paid",
                  spares=("human", "refund")),
    # "What's the fastest way to get help then?" (the scope reply): the general part says this chat, and a person in it.
    _FollowUpRule(lambda ctx: asks_the_best_way_to_get_help(ctx.message), "general", "best_way_to_help_asked",
                  "asks the fastest way to get help", spares=("human",), sure=True),
    # "How do I see my usage?" (the invoice list), "how many requests did I make today?" (the API's limits as a guess): the
    # technical part says nothing here shows it, with the limits.
    _FollowUpRule(lambda ctx: asks_about_own_usage(ctx.message), "technical", "own_usage_asked",
                  "asks after their own usage of the service", spares=("human",), sure=True),
    # "Is there a python sdk?" (general at 0.62: "not enough information"): the technical part says none is mentioned.
    _FollowUpRule(lambda ctx: api_tool_asked(ctx.message) is not None, "technical", "api_tool_asked",
                  "asks after a tool for our API", spares=("human",), sure=True),
    # "What are your bank details?" (billing at 0.59: the invoice list).
    _FollowUpRule(lambda ctx: asks_for_our_bank_details(ctx.message), "billing", "bank_details_asked",
                  "asks for our bank details", spares=("human",), sure=True),
    # "Do you offer net 60 terms?" (off topic at 0.40: the scope reply): paying against an invoice.
    _FollowUpRule(lambda ctx: asks_about_payment_terms(ctx.message), "billing", "payment_terms_asked",
                  "asks about terms of payment", spares=("human",), sure=True),
    # "Is there a setup fee?" (general in a panel: a visitor asked to sign in): no fee beside the plans' prices.
    _FollowUpRule(lambda ctx: asks_about_an_extra_fee(ctx.message), "billing", "extra_fee_asked",
                  "asks about a fee beside the plans' prices", spares=("human",), sure=True),
    # "How much per seat?" (account: the team's entry as a guess): the billing part says no price per member is given.
    # So for "how much extra is that?" right after the steps to invite a member.
    _FollowUpRule(lambda ctx: asks_price_per_seat(ctx.message) or members_priced_after_the_team(ctx), "billing",
                  "price_per_seat_asked",
                  "asks a price for each person on the team", spares=("human",), sure=True),
    # "Is the price per app?" (technical: "no guide"), "will I still be charged for it?" after "how do I delete an app?"
    # ("no guide" again): the plans are priced by the month, which the billing part's plans say, with each one's apps.
    _FollowUpRule(lambda ctx: asks_price_per_app(ctx.message) or asks_what_deleting_an_app_saves(
        ctx.message, asked_before=previous_user_text(ctx) or ""), "billing", "price_per_app_asked",
        "asks what an app adds to the bill", spares=("human",), sure=True),
    # "For 50 minutes now" after "my build is stuck" (out of scope at 0.70: the scope reply): the build, weighed against
    # the build limits.
    _FollowUpRule(lambda ctx: time_a_build_ran_told(ctx.message, asked_before=previous_user_text(ctx) or ""), "technical",
                  "build_time_told", "says how long the build it spoke of has run", spares=("human",), sure=True),
    # "Will I be charged twice now?" after a failed payment was said to be tried again (refund: "I can't find a duplicate").
    _FollowUpRule(asks_if_the_retry_charges_twice, "billing", "retry_charged_twice",
                  "asks whether the retry of a failed payment charges twice", spares=("human",), sure=True),
    # "I'm only making 100 a minute" after the 429 guide (out of scope at 0.57: the scope reply): the rate, against the limit.
    _FollowUpRule(rate_told_after_the_limit, "technical", "rate_told", "says the rate of API requests it makes",
                  spares=("human",), sure=True),
    # "I typed the wrong password several times" (a visitor's panel: the sign-in help, then the environment guide for
    # "password" and the refund policy).
    _FollowUpRule(lambda ctx: reports_failed_password_attempts(ctx.message), "account", "failed_attempts_told",
                  "says it made failed sign-ins", spares=("human",), sure=True),
    # "How long do I have to wait?" after the lock's entry (out of scope at 0.64: the scope reply), "when will it
    # unlock?": how long a lock lasts, which the account part answers from the account's state.
    _FollowUpRule(asks_how_long_a_lock_lasts, "account", "lock_wait_asked", "asks how long a lock lasts",
                  spares=("human",), sure=True),
    # "Do you add VAT?" (general at 0.44: the steps to add a VAT number to invoices): whether tax is on top, billing's.
    _FollowUpRule(lambda ctx: asks_if_tax_is_added(ctx.message), "billing", "tax_added_asked",
                  "asks whether tax is added to our prices", spares=("human",), sure=True),
    # "We're moving to a new company name" (off topic at 0.44: the scope reply): a name the invoices carry, billing's.
    _FollowUpRule(lambda ctx: says_the_company_name_changes(ctx.message), "billing", "company_renamed",
                  "says the company's name changes", spares=("human",), sure=True),
    # "Did any fail?" after the payments were listed (general at 0.77: the steps to replace a card).
    _FollowUpRule(asks_if_any_failed, "billing", "any_failed_asked", "asks whether any payment listed failed",
                  spares=("human",), sure=True),
    # "How do I change my plan?" (billing at 0.61 and the plan with the invoice list; a panel for "I want to change my plan").
    _FollowUpRule(lambda ctx: asks_to_change_plan_unnamed(ctx.message), "billing", "plan_change_unnamed",
                  "asks to change plan without saying which", spares=("human",), sure=True),
    # "Only on the login page" after the slow app's steps (account at 0.54: the account's state), "it only happens on one
    # endpoint" after the API errors' (their steps again): the fault narrowed down.
    _FollowUpRule(one_place_told_after_a_guide, "technical", "one_place_told", "says the fault happens in one place only",
                  spares=("human",), sure=True),
    # "Can you tell me how to request an invoice?" (general at 0.60: the API rate limits' entry, for "request"), "I didn't
    # receive my bill".
    _FollowUpRule(lambda ctx: asks_how_to_get_an_invoice(ctx.message), "billing", "invoice_how_to",
                  "asks how to get an invoice", spares=("human",), sure=True),
    # "So do I owe anything?" after talk of a charge and a refund (refund: the refusal again): what is unpaid.
    _FollowUpRule(lambda ctx: asks_what_is_owed(ctx.message), "billing", "owed_asked", "asks what is unpaid",
                  spares=("human",)),
    # "Will my app go down if it doesn't go through?" after a failed payment (technical: the open incident): what an
    # unpaid account leads to, which the billing part says the help centre never says, with the failed payment.
    # "Thank you, would my account be suspended?" right after a failed payment was explained (account: its status and
    # "not enough information"): the same, asked of the account.
    _FollowUpRule(lambda ctx: asks_what_nonpayment_does(ctx.message) or nonpayment_asked_again(ctx), "billing",
                  "nonpayment_asked", "asks what an unpaid account leads to", spares=("human",)),
    # "Can I change my billing date?" (the invoice list), "can i change the date" after the renewal ("not enough
    # information"): the billing part says the help centre never describes it, with a person.
    _FollowUpRule(lambda ctx: asks_to_change_the_renewal_date(ctx.message, last_reply=last_assistant_text(ctx)),
                  "billing", "renewal_date_change_asked", "asks to move the day the plan renews", spares=("human",),
                  sure=True),
    # "What makes you different?" (general at 0.49 in a panel: "not enough information"): the general part says the help
    # centre compares us with no one, with our plans.
    _FollowUpRule(lambda ctx: asks_how_we_differ(ctx.message), "general", "comparison_with_others_asked",
                  "asks how we compare with other providers", spares=("human",), sure=True),
    # "How fast do you reply?", "how long until someone responds?" (off topic, or technical: "no guide"): the support
    # itself, which the entry on support hours and the plans answer.
    _FollowUpRule(lambda ctx: asks_about_support_hours(ctx.message), "general", "support_asked",
                  "asks about the support given", spares=("human", "billing", "account", "refund")),
    # "Ok and can I come back later?" after asking to cancel and for a refund (refund at 0.9: a charge refused), "if I
    # cancel can I resubscribe later?" (the scope reply): the billing part says cancelling keeps the account.
    _FollowUpRule(asks_to_come_back_after_cancelling, "billing", "coming_back_asked",
                  "asks whether a paid plan can be taken up again after cancelling", spares=("human",), sure=True),
    # "What happens when I hit the free limits?" (general at 0.46, a panel: "not enough information"): the general part
    # says what the help centre says happens past them.
    _FollowUpRule(asks_what_going_past_the_limits_does, "general", "past_the_limits_asked",
                  "asks what happens past a plan's limits", spares=("human",), sure=True),
    # "Hi my name is alice" (off topic at 0.33: "that's outside what I can help with"): a greeting.
    _FollowUpRule(lambda ctx: introduces_self_only(ctx.message), "general", "introduction",
                  "says who the customer is, and asks nothing yet"),
    # "Which app should I use?" right after the steps to turn on two-factor (technical: "I don't have a guide on that"):
    # the account part says the help centre names no authenticator app.
    _FollowUpRule(lambda ctx: asks_which_authenticator(ctx.message, last_reply=last_assistant_text(ctx)), "account",
                  "authenticator_asked", "asks which authenticator app to use", spares=("human",)),
    # "Can i use a passphrase?" (not enough information), "whats the password requirements?" (how passwords are stored):
    # the account part says the help centre gives no rules for them.
    _FollowUpRule(lambda ctx: asks_about_password_rules(ctx.message), "account", "password_rules_asked",
                  "asks the rules a password must meet", spares=("human",), sure=True),
    # "Do you support sso?" (general: "I don't have enough information"): the account part says what the help centre
    # says of signing in through an outside account, or that it says nothing.
    _FollowUpRule(lambda ctx: asks_about_single_sign_on(ctx.message), "account", "single_sign_on_asked",
                  "asks about signing in through an outside account", spares=("human",)),
    # "How do I stop that?" after "do free apps go to sleep?" (general: "my answer is the same"): the plans it does not
    # happen on, from the entry just quoted, which the technical part says.
    _FollowUpRule(asks_to_avoid_what_a_plan_has, "technical", "plan_avoids_it_asked",
                  "asks how to avoid what the entry just quoted says of a plan", spares=("human",)),
    # "What happens if you miss it?" after the uptime SLA (general: the entry again, or "no guide" as technical at
    # 0.44): the credits it gives and how a claim is made, which the technical part says of the SLA.
    _FollowUpRule(lambda ctx: credits_asked_of_the_sla_told(ctx) is not None, "technical", "sla_credits_asked",
                  "asks what the SLA just told gives when it is missed", spares=("human",), sure=True),
    # "How do I migrate from heroku?" (off topic, with billing: a visitor asked to sign in), "how do I migrate?" after
    # "I'm thinking of moving from heroku", or after a question between them ("do you support postgres?") (the scope
    # reply): the general part says no entry guides it.
    _FollowUpRule(lambda ctx: asks_how_to_move_from_another_host(ctx.message, before=recent_questions(ctx)),
                  "general", "move_from_another_host_asked", "asks how to move apps here from another host",
                  spares=("human",), sure=True),
    # "What's your SLA?" (general at 0.52: a panel that offered the SLA's entry as a guess, "I think you're asking
    # about …"): the uptime SLA, which the technical part tells for the customer's plan, as for "what is the SLA?".
    # "Does the pro plan have an sla?" stays general: the entry, whole, answers it of that plan.
    # "Do I have the sla?" after a two-factor question (account at 0.97, the conversation's topic read into it: the
    # account part quoted the SLA's entry whole): the customer's own plan, which the technical part answers.
    _FollowUpRule(lambda ctx: asks_if_own_plan_has_the_sla(ctx.message), "technical", "own_plan_sla_asked",
                  "asks whether their own plan has the uptime SLA", spares=("human",)),
    _FollowUpRule(lambda ctx: names_the_sla(ctx.message) and not asks_what_a_plan_has(ctx.message), "technical",
                  "sla_named", "names the uptime SLA", spares=("billing", "refund", "account", "human", "out_of_scope")),
    # "How long do they take?" right after the refund policy (off topic: the scope reply): a refund's time to arrive,
    # which the refund part tells from the timing entry.
    _FollowUpRule(lambda ctx: bool(re.match(r"^\W*how\s+long\s+(?:do|does)\s+(?:they|it)\s+take\W*$", ctx.message,
                                            re.IGNORECASE)) and REFUND_POLICY_TOLD in last_assistant_text(ctx),
                  "refund", "refund_time_asked_after_the_policy", "asks how long refunds take after the policy",
                  spares=("refund", "human")),
    # "Is there a free way?", "can I stop it without paying?" after the plans whose apps never sleep (the invoices, or
    # the plan's price): a cheaper way to keep an app awake, which the technical part says the help centre doesn't give.
    _FollowUpRule(asks_a_cheaper_way_to_stay_awake, "technical", "cheaper_way_to_stay_awake_asked",
                  "asks a cheaper way to keep an app awake than the plans just named", spares=("technical", "human")),
    # "How much to get more?" after "your plan, Free, includes one app" (off topic: the scope reply): the plan that has
    # what the question before asked of, which billing's part prices.
    _FollowUpRule(lambda ctx: asked_which_plan_for(ctx) is not None, "billing", "which_plan_for_it_asked",
                  "asks which plan has what the question before asked of, or its price",
                  spares=("billing", "refund", "account", "technical", "general", "human")),
    # "Can you send it to another email?" after a reset link didn't come (billing: where invoices go): the reset link,
    # which the account part says goes only to the account's address.
    _FollowUpRule(lambda ctx: asks_to_send_the_reset_elsewhere(ctx.message, said_before=turns_before(ctx)), "account",
                  "reset_elsewhere_asked", "asks for the reset link at another address", spares=("account", "human")),
    # "Can I get it back after?" after the deletion's steps (technical: "no guide"): what the entry just quoted says of
    # changing one's mind, which the account part reads from it.
    _FollowUpRule(lambda ctx: asks_to_take_it_back(ctx.message) and "change your mind" in last_assistant_text(ctx),
                  "account", "taking_it_back_asked", "asks to take back what the entry just quoted describes",
                  spares=("account", "general", "billing", "refund", "human")),
    # "Can we switch later?" right after our regions were listed (off topic: the scope reply): a move to another region,
    # which the general part tells from the entry on regions.
    _FollowUpRule(lambda ctx: asks_to_move_an_app_between_regions(ctx.message, last_reply=last_assistant_text(ctx)),
                  "general", "region_move_asked", "asks to move an app to another region",
                  spares=("technical", "general", "billing", "refund", "account", "human")),
    # "How long can I stay on free?" (off topic: the scope reply), "is the free plan free forever?" (the entry on Free,
    # as technical): how long Free lasts, which billing's part says no entry limits.
    _FollowUpRule(free_plan_duration_asked, "billing", "free_plan_duration_asked",
                  "asks how long the Free plan lasts", spares=("billing", "human"), sure=True),
    # "As a zip?" after the invoice list (off topic: "no guide"), "can I get them in csv?" (the list again): the invoices
    # in a format the help centre's entry on them doesn't name, which billing's part says.
    _FollowUpRule(lambda ctx: invoice_format_asked(ctx) is not None, "billing", "invoice_format_asked",
                  "asks for the invoices in a format the help centre doesn't name", spares=("billing", "human")),
    # "Can I download them?" after the invoice list: where they are downloaded, which billing's part tells.
    _FollowUpRule(invoice_download_asked, "billing", "invoice_download_asked", "asks how to download the invoices",
                  spares=("billing", "human")),
    # "You charged me again!" (refund at 0.37, a panel whose billing part listed the invoices): a charge taken twice,
    # which the refund part checks against the payments and puts right, as for "I was charged twice".
    # A person asked for beside it, or a fault ("my deploy fails and I was charged twice"), keeps the panel it gets.
    _FollowUpRule(_reports_only_a_charge_taken_twice, "refund", "charged_twice_reported",
                  "reports a charge taken twice", spares=("human",), sure=True),
    # "And my data?" after "will I lose my apps?" after cancelling (account at 0.71: "not enough information"): what
    # becomes of those things too, which billing's part on cancelling says from its entry.
    _FollowUpRule(fate_of_other_things_after_cancelling, "billing", "fate_after_cancelling_asked",
                  "asks what cancelling does to other things of theirs", spares=("billing", "human")),
    # "Does signing up cost anything?" (off topic at 0.34, a panel whose technical part had no guide): what an account
    # costs, which the account part tells from the entry on the Free plan.
    _FollowUpRule(lambda ctx: asks_what_joining_costs(ctx.message), "account", "joining_cost_asked",
                  "asks whether signing up costs anything", spares=("account", "billing", "human")),
    # "What's the cheapest option?" (off topic at 0.6: the scope reply), "what is the least expensive plan": the plans'
    # prices, which billing's part tells from the catalogue.
    _FollowUpRule(lambda ctx: cheapest_plan_asked(ctx.message) is not None, "billing", "cheapest_plan_asked",
                  "asks which plan costs least", spares=("billing", "refund", "human")),
    # "I've been waiting 3 days for a reply from support" (off topic: the scope reply): a person, with an apology.
    _FollowUpRule(lambda ctx: complains_of_waiting_for_us(ctx.message), "human", "waiting_complained",
                  "complains that our people haven't answered"),
    # "Why is the amount 29?" (off topic at 0.68: the scope reply), "why is it 99?" after "$99.00": what the figure is
    # on the account, or in our prices, which billing's part says.
    _FollowUpRule(lambda ctx: amount_asked_why(ctx.message, last_reply=last_assistant_text(ctx),
                                               asked_before=previous_user_text(ctx) or "") is not None,
                  "billing", "amount_asked_why", "asks why a charge or price is the figure it names", spares=("human",)),
)


@dataclass
class _Run:
    """What one run has learned so far; becomes the RunOutcome and its "why this path" card."""

    ctx: SupportContext
    deps: RunDeps
    started: float = field(default_factory=time.perf_counter)
    intent: IntentResult = field(default_factory=lambda: IntentResult(label="general", confidence=0.0))
    summary: dict[str, Any] = field(default_factory=dict)
    faq_matches: list[FaqMatch] = field(default_factory=list)
    critic: CriticVerdict | None = None
    draft_before_revision: str = ""
    critic_concerns: list[str] = field(default_factory=list)
    actions_proposed: list[ProposedAction] = field(default_factory=list)
    actions: list[ActionRecord] = field(default_factory=list)
    speculation: _Speculation | None = None
    # Why the last rule relabelled the message: a sure FAQ match it went past is said to be skipped for it.
    relabelled_why: str = ""
    # The ask whether agents may still reply, made while the reply is being written.
    may_reply_check: asyncio.Task[bool] | None = None


@dataclass
class _Speculation:
    """Context workers started on the local classifier's label while the LLM classifies.

    A worker's facts do not depend on the label (they are the signed-in customer's, or found
    from the message), so a worker the final label also needs is used as it is; the others
    are discarded. It takes the context stage off the critical path: the LLM's time to answer
    is far longer than the look-ups.
    """

    workers: list[str]
    task: asyncio.Task[dict[str, AgentResponse]]
    # Each worker spends from a budget of its own: only the calls of work the run uses count
    # against the run's budget, so a wrong guess cannot leave the run short of calls.
    budgets: dict[str, RunBudget]


class Orchestrator:
    def __init__(
        self, *, provider: Provider, fallback: Provider, faq: FaqRetriever, kb: ArticleRetriever,
        incident_matcher: Callable[[str, list[IncidentFact]], IncidentFact | None] | None = None,
        config: OrchestratorConfig = OrchestratorConfig(),  # noqa: B008  (immutable default by contract)
    ):
        self.provider = provider
        self.fallback = fallback
        self.faq = faq
        self.kb = kb
        self.incident_matcher = incident_matcher
        self.config = config

    async def run(self, ctx: SupportContext, *, ports: Ports, sink: EventSink) -> RunOutcome:
        safe_sink = _safe_sink(sink)
        tracer = Tracer(run_id=ctx.run_id, sink=safe_sink)
        deps = RunDeps(
            ports=ports, provider=self.provider, fallback=self.fallback, faq=self.faq, kb=self.kb,
            incident_matcher=self.incident_matcher, tracer=tracer, budget=RunBudget(self.config.budget_calls),
            stream=StreamGate(sink=safe_sink, run_id=ctx.run_id, enabled=self.config.stream_drafts),
            llm_timeout_s=self.config.llm_timeout_s,
        )
        # A copy: the pipeline fills in intent and facts, the caller's context stays as given.
        run = _Run(ctx=ctx.model_copy(deep=True), deps=deps)
        try:
            return await self._pipeline(run)
        except Exception as exc:  # the last net: never raise to the consumer, never go silent
            log.exception("orchestrator run %s failed", ctx.run_id)
            deps.record_fallback(f"orchestrator: {type(exc).__name__}: {exc} → handoff")
            try:
                return await self._handoff(run, "tool_failure")
            except Exception:
                log.exception("handoff after failure also failed for run %s", ctx.run_id)
                return self._outcome(run, reply=HANDOFF_REPLIES["tool_failure"], route="handoff",
                                     handoff_reason="tool_failure", delivered=True)
        finally:
            await _cancel_pending(run.speculation.task if run.speculation else None, run.may_reply_check)

    @staticmethod
    def _read_as_asked(run: _Run) -> None:
        """The message as every agent reads it: without a thank-you that opens a question, and with a charge taken
        more than once put in the words they know ("charged me 2x" → "charged me twice"). The customer's own words
        stay in the conversation, the summary and `message_as_typed`, which a model reads."""
        message = run.ctx.message
        if (question := without_leading_pleasantry(message)) != message:
            # "Thanks, what plan am I on?": read whole, the thanks won the label and the reply was "You're welcome!".
            run.summary["pleasantry_dropped"] = {"from": message, "question": question}
        if (spelled := with_double_charge_spelled(question)) != question:
            # "You charged me 2x", "two $99 charges", "chrged twise": the duplicate on the customer's invoice went
            # unseen (the last payment, or the invoice list, answered) where "charged twice" finds it.
            run.summary["double_charge_spelled"] = {"from": question, "read_as": spelled}
        if (terms_spelled := with_terms_spelled(spelled)) != spelled:
            # "Refnd pls", "waht is my pln": the word the agents know, spelt right (the classifier read it as
            # nothing it knows, and the writer could not tell what was asked).
            run.summary["terms_spelled"] = {"from": spelled, "read_as": terms_spelled}
        own_plan = run.ctx.customer.plan if run.ctx.customer is not None else None
        if (plan_named := with_own_paid_plan_named(terms_spelled, own_plan=own_plan)) != terms_spelled:
            # "Cancel my premium account" from a customer on Business: the plan they pay for, not a plan we don't have.
            run.summary["own_plan_named"] = {"from": terms_spelled, "read_as": plan_named}
        if (moved := with_the_plan_said_first_moved(plan_named, own_plan=own_plan)) != plan_named:
            # "We're on business, is the limit higher?" after 429s: the guide's steps again, where "is the limit higher
            # on business?" gets Business's limit.
            run.summary["plan_said_first"] = {"from": plan_named, "read_as": moved}
            plan_named = moved
        if (above := with_the_plan_above_named(plan_named, own_plan=own_plan)) != plan_named:
            # "What do I get if I upgrade?" from Free: the plan and the upgrade's steps came, not what Pro adds.
            run.summary["plan_above_named"] = {"from": plan_named, "read_as": above}
            plan_named = above
        if (now := with_mid_month_read_as_now(plan_named)) != plan_named:
            # "Can I downgrade mid-month?": the month read as this month's invoices; "now" gets the steps and when the
            # move takes effect.
            run.summary["mid_month_read_as_now"] = {"from": plan_named, "read_as": now}
            plan_named = now
        if (denied := with_the_lock_denied(plan_named, last_reply=last_assistant_text(run.ctx))) != plan_named:
            # "I didn't do anything" right after the lock's reason: the failed sign-ins were someone else's.
            run.summary["lock_denied"] = {"from": plan_named, "read_as": denied}
        # "Can I try it first?" after the plans were compared: a trial of the plan talked of (no guide came).
        text, readings = read_with_what_was_talked_of(denied, asked_before=previous_user_text(run.ctx) or "",
                                                      last_reply=last_assistant_text(run.ctx))
        run.summary.update(readings)
        if text != message:
            run.ctx.message, run.ctx.message_as_typed = text, message

    # ------------------------------------------------------------------ the pipeline

    async def _pipeline(self, run: _Run) -> RunOutcome:
        deps, config = run.deps, self.config
        self._read_as_asked(run)
        # "Yes" after [offer, "👍", "just to be sure: <offer>"] answers the offer, as if the aside had not been made.
        run.ctx.history = history_past_asides(run.ctx)
        remote = self.provider is not self.fallback
        local_label_trusted = False
        # The local classifier and FAQ retrieval: with a remote LLM configured, a confident FAQ hit
        # is answered before any LLM call is made. Both are a fraction of a millisecond of CPU
        # and never wait on I/O, so they run one after the other, not as tasks: a task switch
        # let the frames already queued on the event loop go before this run's LLM request (#9).
        intent_response = await invoke(intent_agent, self._request(run, "intent", "classify the message",
                                                                   use="local" if remote else "chain"), deps)
        faq_response = await invoke(faq_agent, self._request(run, "faq", "find FAQ entries", k=3), deps)
        self._take_faq(run, faq_response)
        # "Is this real?" right after telling of an email asks whether the email is ours, not whether the chat is a bot.
        email_asked_of = asks_if_an_email_is_ours(run.ctx.message, asked_before=previous_user_text(run.ctx) or "")
        if (about := identity_or_contact_asked(run.ctx.message)) is not None and not email_asked_of:
            # "Are you a bot?", "what's your phone number?": the classifier reads a request for a person or an
            # off-topic question; the fixed answer needs no look-up, no LLM, and makes up no number or address.
            self._take_intent(run, intent_response)
            return await self._answer_identity_or_contact(run, about)
        if (service := other_service_named(run.ctx.message)) is not None:
            # "How do I delete my Twitter account?": the FAQ shortcut sent the steps to delete a Northwind account.
            return await self._answer_by_rule(run, intent_response, label="out_of_scope", key="another_service",
                                              why=f"asks about an account with another company ({service})",
                                              reply=other_service_reply(service))
        for report in _REPORTS_ANSWERED_BY_RULE:
            if report.made_in(run.ctx):
                return await self._answer_by_rule(run, intent_response, label=report.label, key=report.key,
                                                  why=report.why, reply=report.reply)
        for rule in _REPLIES_WORKED_OUT_BY_RULE:
            if (reply := rule.reply_to(run.ctx)) is not None:
                return await self._answer_by_rule(run, intent_response, label=rule.label, key=rule.key, why=rule.why,
                                                  reply=reply)
        if (detail := detail_for_a_person(run.ctx)) is not None:
            # "For 2 months" right after a pause was said to be a person's to arrange: the scope reply came. The same
            # request goes on, so its answer is given to what was added, with the person offered again.
            return await self._answer_by_rule(run, intent_response, label=detail.label, key=f"detail_for_a_person_{detail.key}",
                                              why="adds a detail to a request only a person can arrange",
                                              reply=detail.reply)
        if (feedback := feedback_asked(run.ctx.message)) is not None:
            # "I want to file a complaint", "where can I leave a review?": general at 0.82-0.99 with no entry on it, they
            # got "I don't have enough information". What it is about is asked for, with a person offered.
            return await self._answer_by_rule(run, intent_response, label="general", key="feedback",
                                              why=("asks to complain, with nothing of what about yet"
                                                   if feedback == "complaint"
                                                   else "asks how to give feedback, with nothing of it yet"),
                                              reply=feedback_reply(feedback, web=run.ctx.channel == "web"))
        if (uncovered := uncovered_topic_asked(run.ctx.message, last_reply=last_assistant_text(run.ctx))) is not None:
            # "Do you have an affiliate program?" ("not enough information"), "where are the docs?" after the API: the
            # help centre has nothing on it, which is said, with a person, rather than a guess.
            return await self._answer_by_rule(run, intent_response, label=uncovered_topic_label(uncovered),
                                              key="not_in_help_centre",
                                              why=f"asks about something the help centre has nothing on ({uncovered})",
                                              reply=uncovered_topic_reply(uncovered))
        if asks_about_our_mailings(run.ctx.message):
            # "Cancel the subscription to the newsletter" got the steps to cancel the paid plan: the help centre does
            # not cover our mailings and nothing here changes them, which a person can.
            return await self._answer_by_rule(run, intent_response, label="general", key="mailings",
                                              why="about our newsletter or marketing emails", reply=MAILINGS_REPLY)
        if asks_to_stop_account_emails(run.ctx.message):
            # "Unsubscribe me from payment reminders" got the steps to cancel the paid plan.
            return await self._answer_by_rule(run, intent_response, label="billing", key="account_emails",
                                              why="asks to stop the emails about the account", reply=ACCOUNT_EMAILS_REPLY)
        if asks_for_a_recap(run.ctx.message):
            # "What did I ask you?" got the refund policy by the FAQ shortcut; "remind me what we talked about" the
            # scope reply. What they asked is in the history, in their own words.
            return await self._answer_by_rule(run, intent_response, label="general", key="recap",
                                              why="asks what the conversation has been about", reply=recap_reply(run.ctx))
        if asks_where_it_is(run.ctx):
            # "Where do I do it?" after the steps to upgrade got the customer's plan and "no invoices"; "where is that?"
            # after the email change's, the address and "not enough information". The place is in the last reply.
            return await self._answer_by_rule(run, intent_response, label="general", key="where_it_is",
                                              why="asks where the step just given is done",
                                              reply=where_it_is_reply(run.ctx))
        if asks_what_next(run.ctx):
            # "What now?" after steps: alone its words found the entry on support hours (0.85).
            return await self._answer_by_rule(run, intent_response, label="general", key="what_next",
                                              why="asks only what to do next", reply=next_step_reply(run.ctx))
        if insists_on_the_password_while_locked(run.ctx):
            # "I'm sure it's right" after the lock and the reset's steps: the same reply came behind "my answer is the same".
            return await self._answer_by_rule(run, intent_response, label="account", key="right_password",
                                              why="says the password is right while the account is locked",
                                              reply=RIGHT_PASSWORD_REPLY)
        if insists_on_the_password_after_the_reset(run.ctx):
            # "I'm sure it's right" after the reset's steps, the account open: the same steps behind "my answer is the
            # same".
            return await self._answer_by_rule(run, intent_response, label="account", key="reset_settles_it",
                                              why="says the password is right, after the password reset's steps",
                                              reply=RESET_SETTLES_IT_REPLY)
        if (told := one_of_two_told(run.ctx)) is not None:
            # "Per account or per key?" right after "… per account": the entry on deploys came, for "account".
            return await self._answer_by_rule(run, intent_response, label="general", key="one_of_two",
                                              why="asks which of two, of what the last reply said",
                                              reply=one_of_two_reply(*told))
        if (last4 := expired_card_told(run.ctx)) is not None:
            # "But I have money in my account" after a payment refused for an expired card: "not enough information".
            return await self._answer_by_rule(run, intent_response, label="billing", key="funds_not_the_cause",
                                              why="says the money was there, after a payment refused for an expired card",
                                              reply=funds_not_the_cause_reply(last4))
        if said_when := when_it_was_said(run.ctx):
            # "When?" after the steps to cancel, or a retry promised: the scope reply came, as its word names nothing.
            # "When does it take effect?" keeps the domain its words were read in (billing, after a downgrade).
            classified = intent_response.result.get("intent", {}).get("label") if intent_response.status == "success" else None
            return await self._answer_by_rule(run, intent_response, key="when_it_happens",
                                              label=classified if classified in WORKERS_FOR_INTENT else "general",
                                              why="asks only when, of what the last reply said would happen",
                                              reply=when_reply(said_when))
        if asks_what_to_do_while_the_incident_lasts(run.ctx):
            # "Is there a workaround?" after an open incident was told: "I don't have a guide on that"; "what can I do
            # in the meantime?", the scope reply.
            return await self._answer_by_rule(run, intent_response, label="technical", key="meanwhile",
                                              why="asks what to do while the incident just told of lasts",
                                              reply=MEANWHILE_REPLY)
        if (unit := unit_asked_of_a_figure(run.ctx)) is not None:
            # "Per second?" after the API's limits a minute: the rate limits' guide came again.
            return await self._answer_by_rule(run, intent_response, label="general", key="per_unit",
                                              why="asks the unit of a figure just given", reply=per_unit_reply(*unit))
        if charged := charge_said(run.ctx):
            # "Will I be charged straight away?" after the upgrade's steps: the invoice list came.
            return await self._answer_by_rule(run, intent_response, label="billing", key="when_charged",
                                              why="asks when the charge for what the last reply said falls",
                                              reply=when_reply(charged))
        if (awaited := decision_awaited(run.ctx)) is not None:
            # "Will I get an email?" after a refund was sent for approval: read alone, an account question (the address
            # on the account came). The decision is posted in this conversation, which is what they are told.
            return await self._answer_by_rule(run, intent_response,
                                              label="refund" if awaited.startswith("refund") else "account",
                                              key="decision_told", why=_HEARD_OF[awaited],
                                              reply=decision_told_reply(awaited, message=run.ctx.message))
        if (place := step_asked_of_us(run.ctx)) is not None:
            # "Can you do it for me?" after the steps to invite a colleague: the same steps came again behind "My answer
            # is the same"; "can you reset it for me?" after a failed deploy's guide, the password reset's.
            return await self._answer_by_rule(run, intent_response, label=step_label(place), key="steps_are_theirs",
                                              why="asks the assistant to take a step of the customer's own",
                                              reply=steps_are_theirs_reply(place))
        if (place := deletion_asked_of_us(run.ctx)) is not None:
            # "Ok go ahead and delete it" after a question about the invoices that followed the deletion's steps: the
            # invoice list came.
            return await self._answer_by_rule(run, intent_response, label="account", key="steps_are_theirs",
                                              why="asks the assistant to delete the account, whose steps came earlier",
                                              reply=steps_are_theirs_reply(place, given_earlier=True))
        if withdraws_request(run.ctx.message) and not withdraws_the_refund_just_asked(run.ctx):
            # "Actually never mind, I figured it out": read alone it is off topic or an unsure technical question, whose
            # reply offers a person again; the customer asked for nothing. A refund just asked for is the refund part's
            # to say where it stands.
            self._take_intent(run, intent_response)
            return await self._acknowledge_withdrawal(run)
        if goes_ahead_with_nothing_offered(run.ctx):
            # "Yes go on then" as a first message: its words matched an FAQ entry by chance ("go on" → "Do free apps
            # go to sleep?"), which was quoted as if asked.
            return await self._answer_by_rule(run, intent_response, label="general", key="nothing_offered",
                                              why="a go-ahead with nothing offered before it",
                                              reply=NOTHING_OFFERED_REPLY)
        if asks_if_it_worked_with_nothing_done(run.ctx):
            # "Did it work?" with nothing done in this chat: read alone it is off topic (0.73), and the scope reply
            # turned away a customer asking after something they tried.
            return await self._answer_by_rule(run, intent_response, label="general", key="nothing_done",
                                              why="asks whether something worked, with nothing done in this chat",
                                              reply=NOTHING_DONE_REPLY)
        if steps_given := steps_that_did_not_help(run.ctx):
            # "That didn't work" after a guide's steps: asked again, the guide came again; a person is what is left.
            return await self._answer_by_rule(
                run, intent_response, label="technical" if steps_given == "guide" else "general",
                key="steps_did_not_help", why=_STEPS_DID_NOT_HELP_WHY[steps_given], reply=steps_not_helped_reply(steps_given))
        if goes_to_try_it(run.ctx):
            # "Ok I'll try that" after a guide's steps: the guide again, or "I don't have a guide on that".
            return await self._answer_by_rule(run, intent_response, label="general", key="will_try",
                                              why="says they will try what was suggested, and asks nothing",
                                              reply=will_try_reply(run.ctx))
        if reports_what_a_fault_costs_after_a_guide(run.ctx):
            # "I'm losing customers because of this" after a failed deploy's guide: the same steps again answered nothing.
            return await self._answer_by_rule(run, intent_response, label="technical", key="fault_costs_them",
                                              why="says what the fault the guide was given for costs them",
                                              reply=FAULT_COSTS_REPLY)
        if not run.ctx.history and says_only_it_does_not_work(run.ctx.message):
            # "It doesn't work" to open a chat: nothing says what, and its words matched the FAQ's password reset.
            return await self._answer_by_rule(run, intent_response, label="technical", key="says_only_it_does_not_work",
                                              why="says something does not work, and nothing of what",
                                              reply=WHAT_DOES_NOT_WORK_REPLY)
        if (mood := mood_only(run.ctx.message)) is not None:
            # "This is useless", "😡😡😡", "you already said that", "👍", "??": how the conversation is going, not a
            # question; read as one it got "I don't have a guide on that", a greeting, or the same answer again.
            self._take_intent(run, intent_response)
            return await self._answer_mood(run, mood)
        if it_did_not_work_after_an_answer(run.ctx):
            # "That didn't work" after an unlock was started or a refund filed: its words matched the FAQ's password
            # reset, or got "no guide"; what did not work is the customer's to say.
            return await self._answer_by_rule(run, intent_response, label="general", key="did_not_work_after_an_answer",
                                              why="says what was said or done did not sort it out, and nothing of what",
                                              reply=not_sorted_reply(run.ctx))
        if remote and intent_response.status == "success":
            local_intent = IntentResult.model_validate(intent_response.result["intent"])
            if (local_intent.label == "human" and local_intent.confidence >= HUMAN_CONFIDENCE
                    and not asks_what_answers_only(run.ctx.message)):
                self._take_intent(run, intent_response)  # "a person, please" waits for no LLM
                return await self._handoff(run, "customer_asked")
            if self._faq_shortcut_applies(run, local_intent):
                self._take_intent(run, intent_response)
                return await self._answer_from_faq(run)
            local_label_trusted = local_intent_trusted(local_intent, threshold=config.trust_local_intent_at)
            if not local_label_trusted:
                self._speculate(run, local_intent)
                llm_response = await invoke(
                    intent_agent, self._request(run, "intent", "classify the message", use="primary"), deps,
                )
                if llm_response.status != "success":
                    deps.record_fallback(
                        f"intent: {self.provider.name} failed ({llm_response.error}) → offline classifier")
                else:
                    intent_response = llm_response
        elif remote:
            intent_response = await invoke(intent_agent, self._request(run, "intent", "classify the message",
                                                                          use="primary"), deps)
        self._take_intent(run, intent_response)
        if local_label_trusted:
            run.summary["intent"]["llm_skipped"] = (
                f"the local label is at least {config.trust_local_intent_at} sure and names one domain")

        if self._asks_for_person(run) and asks_what_answers_only(run.ctx.message):
            self._drop_person_misread(run)
        elif self._asks_for_person(run) and self._asks_about_support_hours_only(run):
            self._drop_person_misread(run, why="asks about the support given, not for a person",
                                      key="support_question")
        elif self._asks_for_person(run) and not self._person_named(run):
            self._drop_person_misread(run, why="an unsure 'human' label, and no person named or asked for",
                                      key="person_not_named")
        elif not self._asks_for_person(run) and asks_to_escalate(run.ctx.message):
            self._person_asked_in_other_words(run)
        if asks_to_delete_an_app(run.ctx.message):
            self._deleting_an_app_is_technical(run)
        if asks_if_there_is_an_api(run.ctx.message) and run.intent.label in ("general", "out_of_scope"):
            # "Do you have an API?" (general at 0.77, no entry answering it): the help centre's entry on the API's
            # limits and its guides on API errors say there is one, which the technical part gathers.
            self._relabel(run, self._sure_label(run, "technical"), why="asks whether the service has an API",
                          key="api_asked")
        if asks_to_buy_a_domain(run.ctx.message) and run.intent.label != "technical":
            # "Do I need to buy the domain from you?" (out of scope at 0.43; the shortcut sent the free certificate's
            # entry, "Yes: …"): the technical part says where a custom domain comes from, with the domains guide.
            self._relabel(run, self._sure_label(run, "technical"), why="asks to buy or register a domain",
                          key="domain_purchase_asked")
        if asks_about_team_roles(run.ctx.message) and run.intent.label not in ("account", "out_of_scope"):
            # "Can I set custom roles?" (technical at 0.5: the custom domains guide, for "custom"): the roles a team
            # member can have, which the account part answers from the team's entry.
            self._relabel(run, self._sure_label(run, "account"), why="asks about the roles a team member can have",
                          key="team_roles_asked")
        if asks_to_give_a_role(run.ctx.message) and run.intent.label != "account":
            # "Promote dana to admin" (technical at 0.37), "make me an admin" (out of scope at 0.74): a role on the
            # customer's team, which the help centre's team entry answers as far as it goes.
            self._relabel(run, self._sure_label(run, "account"), why="asks to give someone on the team a role",
                          key="team_role")
        if run.ctx.customer is not None and reports_plan_not_applied(run.ctx.message):
            # "I was charged but my app is still on free" (technical at 0.34): the plan the customer is on and what
            # they were charged, which the billing facts hold, not a deploy guide.
            self._relabel(run, self._sure_label(run, "billing"), why="says a plan paid for is not the one in use",
                          key="plan_not_applied")
        if run.intent.label != "billing" and (tier := tier_not_ours(run.ctx.message)) is not None:
            # "I want help switching to the platinum account" (account at 0.96, "I don't have enough information"): a
            # plan by a name that is none of ours, which the plans' list answers.
            self._relabel(run, self._sure_label(run, "billing"), why=f"names a plan we don't have ({tier})",
                          key="tier_not_ours")
        # "How do I do that?" right after "I want free" leans on that move, which is billing's too.
        before = previous_user_text(run.ctx) if asks_how_or_when_of_it(run.ctx.message) else None
        why = billing_matter_alone(run.ctx.message) or (billing_matter_alone(before) if before else None)
        # A billing label beside a secondary one ("being charged" read as a refund too) went to the panel.
        unsure_of_billing = (run.intent.label != "billing" or run.intent.confidence < self.config.panel_confidence
                             or bool(run.intent.secondary))
        if why is not None and unsure_of_billing:
            # "Pricing details please" (account at 0.66), "tell me about pricing" (out of scope at 0.90), "upgrade"
            # (technical at 0.42): the plans, their prices and moving between them, which billing's part answers.
            self._relabel(run, self._sure_label(run, "billing"), why=why, key="billing_matter_alone")
        if reports_what_the_outage_costs(run.ctx) and run.intent.label != "technical":
            # "This is costing me money" after the incident was told (refund at 0.75, the invoice list): the outage,
            # where it stands and the uptime SLA's service credits are the technical part's.
            self._relabel(run, self._sure_label(run, "technical"), key="outage_costs",
                          why="says what the outage it was just told of costs them")
        if (run.ctx.customer is None and run.intent.label == "billing" and wants_to_sign_up(run.ctx.message)
                and not _A_BILLING_MATTER.search(run.ctx.message)):
            # "Ok, and how do I sign up?" after a free trial was asked about: the topic lent billing, whose part asked
            # the visitor to sign in to see their invoices.
            self._relabel(run, self._sure_label(run, "account"), key="sign_up",
                          why="a visitor asks how to sign up")
        if (run.intent.label != "account" or run.intent.secondary) and asks_for_a_copy_of_own_data(run.ctx.message):
            # "Can I download my data first?" (technical at 0.40 beside account): the failed-deploys guide came, for its
            # "download large files", before the entry on exporting.
            self._relabel(run, self._sure_label(run, "account"), key="copy_of_own_data",
                          why="asks for a copy of the account's own data")
        if run.ctx.customer is not None and run.intent.label != "account" and asks_when_joined(run.ctx.message):
            # "How long have I been a member?" (out of scope), "and when did I join?" after "what's my plan?" (the plan's
            # topic, billing: the plan again with the Free plan's entry): the account's facts say when it was opened.
            self._relabel(run, self._sure_label(run, "account"), key="when_joined",
                          why=f"asks when the customer's account was opened ({run.intent.label} at "
                              f"{run.intent.confidence:.2f})")
        self._relabel_follow_ups(run, _REFUND_FOLLOW_UPS)
        if run.intent.label != "billing" and (plans := plans_priced_asked(run.ctx)):
            # "How much?" after "Custom domains are on Pro and Business" (the technical topic: the domains guide again):
            # those plans' prices, billing's.
            self._relabel(run, self._sure_label(run, "billing"), key="plans_priced",
                          why=f"asks the price of the plans just named ({', '.join(plans)})")
        self._relabel_follow_ups(run, _FOLLOW_UPS_MISREAD)
        if (others := self._about_others_data(run)) is not None:
            return await self._finish(run, reply=others, route="resolver", sources=[])
        if run.intent.label == "human":
            return await self._handoff(run, "customer_asked")
        if self._asks_for_person(run):
            # "Can I talk to a person about my failed payment": the classifier's secondary label says a
            # person was asked for (a clause sure of it, or a fair share of the whole message). The run
            # hands off whatever else it answers (_finish); with nothing else in scope to answer, at once,
            # however sure the out-of-scope label: a person misled by "contact" in an off-topic message
            # (1 of CLINC150's 1000 out-of-scope test messages) costs less than a request ignored.
            run.summary["customer_asked_for_person"] = "human among the secondary labels"
            if run.intent.label == "out_of_scope":
                return await self._handoff(run, "customer_asked")
        if run.ctx.customer is not None and (about_own_lock(run.ctx.message)
                                             or reports_cannot_sign_in(run.ctx.message)):
            self._unlock_request_names_account(run)
        elif asks_what_if_the_second_factor_is_lost(run.ctx.message):
            # "What if I lose my phone?" (off topic at 0.95, or told that two-factor is off and nothing more, right
            # after the steps to turn it on): the help centre's entry on a lost authenticator answers it.
            if run.intent.label != "account":
                self._relabel(run, self._sure_label(run, "account"), key="lost_second_factor_asked",
                              why=f"asks what losing the second factor would mean ({run.intent.label} at "
                                  f"{run.intent.confidence:.2f})")
        elif run.ctx.customer is not None and reports_lost_second_factor(run.ctx.message):
            # With two-factor on, the entry stands, unless an off-topic label would turn the customer away (Carol,
            # locked, got the scope reply: the entry at 0.80 was below the shortcut's bar).
            await self._account_decides_the_entry(
                run, entry_misleads=lambda account: not account.two_factor_enabled or run.intent.label == "out_of_scope",
                why="lost the second factor with two-factor off", key="second_factor_off")
        elif (run.ctx.customer is not None and run.faq_matches and run.faq_matches[0].score > self.config.faq_threshold
              and _RESETS_THE_PASSWORD.search(run.faq_matches[0].question)):
            # Only where the shortcut would give the entry: below it, the label's own part answers anyway.
            await self._account_decides_the_entry(run, entry_misleads=lambda account: account.status == "locked",
                                                  why="asks for the password reset while locked", key="reset_while_locked")
        if self._faq_shortcut_applies(run, run.intent):
            return await self._answer_from_faq(run)

        if run.intent.label == "out_of_scope":
            # The label yields to evidence that the message is ours after all: the intent becomes the
            # domain that evidence belongs to, and the reply is written and reviewed like any other.
            await self._out_of_scope_yields(run)
        elif self._general_without_an_entry(run):
            # "What do I owe you?" read as a general question no help-centre entry answers: the domain its words
            # name (the balance, billing's) has the answer.
            self._service_terms_name_a_domain(run)
        if run.intent.label == "out_of_scope" and looks_not_english(run.ctx.message_as_typed or run.ctx.message):
            # "Hola, mi pago ha fallado": read as off topic because it isn't English, which the scope reply would
            # wrongly blame on the question.
            run.summary["out_of_scope"] = "not written in English: asked to write in English; no LLM call"
            return await self._finish(run, reply=NOT_ENGLISH_REPLY, route="resolver", sources=[])
        if asks_about_spoken_languages(run.ctx.message):
            # "Do you speak spanish?" (out of scope: the scope reply): what this chat answers in, and a person, who may.
            run.summary["out_of_scope"] = "asks which languages the chat answers in; no LLM call"
            return await self._finish(run, reply=ENGLISH_ONLY_REPLY, route="resolver", sources=[])
        multi_domain = bool(self._domains(run.intent)[1:])
        low_confidence = run.intent.confidence < config.panel_confidence
        if run.intent.label == "out_of_scope" and not low_confidence:
            run.summary["out_of_scope"] = "answered with the fixed scope reply; no LLM call"
            return await self._finish(run, reply=OUT_OF_SCOPE_REPLY, route="resolver", sources=[])

        if not await self._gather_context(run, workers=self._workers_for(run.intent, message=self._as_asked(run))):
            return await self._handoff(run, "tool_failure")

        # Whether a person took over meanwhile is asked while the reply is being written: the
        # stream holds its first piece until the answer is in (no: write for staff, stream
        # nothing), so the database trip is off the path to the customer's first words.
        run.may_reply_check = asyncio.ensure_future(self._may_reply(run, stage="before_reply"))
        deps.stream.hold_until(run.may_reply_check)

        if multi_domain or low_confidence:
            run.summary["panel"] = {"reason": "multi_domain" if multi_domain else "low_confidence"}
            return await self._panel_path(run, low_confidence=low_confidence and not multi_domain)
        return await self._resolver_path(run, persona="resolver", route="resolver")

    async def _out_of_scope_yields(self, run: _Run) -> None:
        """Relabel an out-of-scope message that an FAQ entry or an open incident shows to be ours.

        Two calibrated guesses disagree here: the classifier's that the message is off topic, and the
        FAQ retrieval's that an entry answers it (its calibration counts off-topic messages as wrong
        answers). Below FAQ_OVER_OUT_OF_SCOPE_BELOW the label is unsure enough for an entry the FAQ is
        confident of (FAQ_CONFIDENT_OVER_OUT_OF_SCOPE) to win, as for a sure entry in the FAQ shortcut:
        "how long does the reset link work" (out of scope at 0.88, the password-reset entry at 0.77).
        An open incident the message names ("the incident in eu-west, when will it be fixed?", "is
        us-east affected by the incident?") is ours at any confidence: the classifier knows nothing of
        today's incidents, and the technical agent answers both from the incident list.
        """
        label = run.intent
        if (asks_if_it_applies_to_them(run.ctx.message) and (before := previous_user_text(run.ctx))
                and (domains := domains_named(before) or (["technical"] if names_the_sla(before) else []))):
            # "Does it apply to me?" after "what is the sla?" (out of scope at 0.9, as "the sla" leaves it nothing it
            # knows): the question before, for the customer, in its domain.
            self._relabel(run, self._sure_label(run, domains[0]),
                          why=f"asks whether what was just said applies to them (out of scope at {label.confidence:.2f})")
            return
        if names_the_sla(run.ctx.message):
            # "What is the sla?": the scope reply, beside the SLA's entry at 0.99.
            self._relabel(run, self._sure_label(run, "technical"),
                          why=f"names the uptime SLA (out of scope at {label.confidence:.2f})")
            return
        if methods := payment_methods_asked(run.ctx.message):
            # "Do you take paypal or crypto": ways to pay the intent data never names; the billing part answers
            # from the help centre's list, and says which of them it does not name.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"asks whether we accept {', '.join(methods)} (out of scope at {label.confidence:.2f})")
            return
        if move_to_smaller_plan(run.ctx) is not None or (
                asks_what_ending_does(run.ctx) and not DELETING_THE_ACCOUNT.search(previous_user_text(run.ctx) or "")):
            # "Will I lose any features if I downgrade?" (out of scope at 0.57), "what happens to my apps?" after it
            # (0.36): what the smaller plan keeps, which the plans' lists and the help centre's entry on the move
            # answer. The plans were not gathered, and what the plan moved to includes went untold.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"asks what a move to a smaller plan keeps (out of scope at {label.confidence:.2f})")
            return
        if (plan := plan_gone_ahead_with(run.ctx)) is not None:
            # "Go ahead" after "what's the difference between pro and business?" (out of scope at 0.85): the move to
            # the other plan compared, which the billing part says the chat cannot make, with the steps to make it.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"goes ahead with a move to {plan} (out of scope at {label.confidence:.2f})")
            return
        if only_thanks(run.ctx.message):
            # "Thx" (out of scope at 0.59) got the scope reply: a thank-you, answered as one.
            self._relabel(run, self._sure_label(run, "general"),
                          why=f"only says thank you (out of scope at {label.confidence:.2f})")
            return
        if considers_joining(run.ctx.message):
            # "I'm interested in your service" (out of scope at 0.57): a visitor weighing us gets the plans; a signed-in
            # customer is told they have an account already.
            visitor_or_moving_apps = run.ctx.customer is None or considers_leaving_another_host(run.ctx.message)
            self._relabel(run, self._sure_label(run, "general" if visitor_or_moving_apps else "account"),
                          why=f"says they are weighing signing up (out of scope at {label.confidence:.2f})")
            return
        if asks_where_apps_can_run(run.ctx.message, last_reply=last_assistant_text(run.ctx)):
            # "Can I host in japan?" (out of scope at 0.55), "what about australia?" after the regions were listed: where
            # apps can run, which the help centre's entry on regions lists.
            self._relabel(run, self._sure_label(run, "general"),
                          why=f"asks whether apps can run in a place (out of scope at {label.confidence:.2f})")
            return
        if asks_what_runs_here(run.ctx.message) or kind_of_app_asked(run.ctx.message,
                                                                     last_reply=last_assistant_text(run.ctx)):
            # "Can you host a wordpress site?" (out of scope at 0.42): whether an app of that kind runs here is ours to
            # answer, or to say plainly that the help centre does not, with a person offered; not "outside what I can
            # help with" to someone weighing us. So for "what about go?" right after python was answered (0.72).
            self._relabel(run, self._sure_label(run, "general"),
                          why=f"asks whether an app of a kind runs here (out of scope at {label.confidence:.2f})")
            return
        if asks_about_a_cancellation_fee(run.ctx.message):
            # "What is the fee for breaking the contract?" (out of scope at 0.94): a fee for leaving, which the billing
            # part says the help centre never mentions, with what its entry on cancelling says.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"asks about a fee for cancelling (out of scope at {label.confidence:.2f})")
            return
        if asks_for_billing_document(run.ctx.message, asked_before=previous_user_text(run.ctx) or ""):
            # "Recipt for nov pls": a typo and an abbreviation leave the classifier nothing it knows (out of scope
            # at 0.90). The month's invoice is the signed-in customer's to see; a visitor is asked to sign in.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"asks for the receipt or invoice of a month (out of scope at {label.confidence:.2f})")
            return
        if asks_for_document_copy(run.ctx.message):
            # "I need a receipt for tax purposes" (out of scope at 0.70): one of their invoices, which the help
            # centre's entry on invoices says where to download.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"asks for a receipt or an invoice (out of scope at {label.confidence:.2f})")
            return
        if run.ctx.customer is not None and asks_when_we_retry(run.ctx.message):
            # "When will you retry?" as a first message: a payment of theirs tried again (the billing facts say whether
            # one failed, and whether a card that works is saved); nothing else the chat does is retried by us.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"asks when we try a payment again (out of scope at {label.confidence:.2f})")
            return
        if run.ctx.customer is not None and asks_own_username(run.ctx.message):
            # "What's my username?": the classifier has seen usernames of every other service; the account's
            # facts answer this one.
            self._relabel(run, self._sure_label(run, "account"),
                          why=f"asks for the signed-in customer's username (out of scope at {label.confidence:.2f})")
            return
        if asks_about_support_hours(run.ctx.message):
            # "Are you open on sundays?": the hours of the support itself, which the help centre's entry on support
            # hours and the plans answer; the model reads a question about opening hours as off topic (0.73).
            self._relabel(run, self._sure_label(run, "general"),
                          why=f"asks about the support's hours (out of scope at {label.confidence:.2f})")
            return
        if run.ctx.customer is not None and asks_about_own_plan(run.ctx.message):
            # "Waht is my pln": a typo leaves the classifier nothing it knows; the plan is the billing facts'.
            self._relabel(run, self._sure_label(run, "billing"),
                          why=f"asks about the signed-in customer's plan (out of scope at {label.confidence:.2f})")
            return
        if asked := data_protection_asked(run.ctx.message):
            # "I'd like to exercise my right to erasure under GDPR" (out of scope at 0.83): the help centre's entries
            # on deleting and on GDPR answer it; the account's state says whether it can be done signed in.
            self._relabel(run, self._sure_label(run, "general" if asked == ["privacy"] else "account"),
                          why=f"asks about data protection: {', '.join(asked)} (out of scope at {label.confidence:.2f})")
            return
        if self._service_terms_name_a_domain(run):
            return
        top = run.faq_matches[0] if run.faq_matches else None
        if (top is not None and top.score >= FAQ_CONFIDENT_OVER_OUT_OF_SCOPE
                and label.confidence < FAQ_OVER_OUT_OF_SCOPE_BELOW):
            # The entry is quoted by the writer as an answer to a general question, as sure as the FAQ is.
            self._relabel(run, IntentResult(label="general", confidence=top.score),
                          why=f"FAQ #{top.faq_id} at {top.score:.2f} over out of scope at {label.confidence:.2f}")
            return
        incident = await self._open_incident_named(run)
        if incident is not None:
            # Sure enough for the technical resolver alone: the incident list, not the label, is the evidence.
            self._relabel(run, self._sure_label(run, "technical"),
                          why=f"names the open incident {incident.reference} (out of scope at {label.confidence:.2f})")

    @staticmethod
    def _general_without_an_entry(run: _Run) -> bool:
        top = run.faq_matches[0] if run.faq_matches else None
        return (run.intent.label == "general" and not run.intent.secondary
                and (top is None or top.score < FAQ_CONFIDENT_OVER_OUT_OF_SCOPE))

    def _service_terms_name_a_domain(self, run: _Run) -> bool:
        """Relabel a message whose words only a question about our service uses ("any outages?", "refnd pls",
        "what roles are there", "what do I owe you") to the domains they name; the first leads, the others are
        secondary (a panel answers each). False, having changed nothing, when it uses none."""
        domains = domains_named(run.ctx.message)
        if not domains:
            return False
        was = run.intent
        self._relabel(run, self._sure_label(run, domains[0], secondary=domains[1:]),
                      why=f"names our service ({', '.join(domains)}) ({was.label} at {was.confidence:.2f})")
        return True

    async def _open_incident_named(self, run: _Run) -> IncidentFact | None:
        """The open incident a message that speaks of "the incident" is about: the one the incident
        matcher picks, else the first open one ("is us-east affected by the incident?" asks about the
        eu-west one, and is answered "no" from the incident list).

        The word is required: the matcher alone, made for messages already known to be technical,
        takes "down", "europe" or "500" as an outage in CLINC150's out-of-scope questions ("how many
        calories does jumping up and down burn"); "incident" occurs once in CLINC150, of a car.
        """
        if not NAMES_AN_INCIDENT.search(run.ctx.message):
            return None  # and no look-up: most out-of-scope messages never pay for one
        try:
            incidents = await tool(run.deps, "knowledge.active_incidents",
                                   run.deps.ports.knowledge.active_incidents)
        except Exception as exc:  # the scope reply stands: no incident can be shown to be meant
            run.deps.record_fallback(f"incidents for the scope check: {type(exc).__name__} → out of scope kept")
            return None
        open_incidents = [i for i in incidents if i.status != "resolved"]
        if not open_incidents:
            return None
        named = self.incident_matcher(run.ctx.message, open_incidents) if self.incident_matcher else None
        return named or open_incidents[0]

    def _unlock_request_names_account(self, run: _Run) -> None:
        """A signed-in customer asking to be unlocked is asking the account agent: the unlock is its to start,
        whatever the label. A label with no domain (general, an out-of-scope guess) becomes account, so the
        account facts are gathered and the account part of the reply is written; another domain's label keeps
        its own question and gains account beside it (the panel answers both). A technical label on a message about
        getting in ("locked out", "login not working") becomes account alone."""
        label = run.intent
        why = f"asks to be unlocked ({label.label} at {label.confidence:.2f})"
        labels = {label.label, *label.secondary}
        if "technical" in labels and labels <= {"technical", "account", "out_of_scope"}:
            # "Locked out", "login not working": the words read as a fault of the service (technical at 0.37 to
            # 0.55), whose part said no guide covers it, beside the account's part saying the account is locked and
            # starting the unlock. Getting into the account is the account's to answer, and that answer is all.
            self._relabel(run, self._sure_label(run, "account"), why=f"cannot sign in to the account ({label.label} "
                                                                     f"at {label.confidence:.2f})", key="unlock_request")
            return
        if label.label == "account" or (label.label != "out_of_scope" and "account" in label.secondary):
            return
        if label.label in ("general", "out_of_scope"):
            # Sure enough for the account resolver alone: the request's words, not the label, are the evidence.
            # Not left to an out-of-scope label to yield (_out_of_scope_yields): it yields to the FAQ's entry on
            # locks as a general question, which only says how to ask for the unlock, and drops account.
            # The label's other domains stay beside it ("I'm locked out" also reads as technical).
            others = [d for d in label.secondary if d not in ("account", "out_of_scope")]
            intent = self._sure_label(run, "account", secondary=others)
        else:
            intent = label.model_copy(update={"secondary": [*label.secondary, "account"]})
        self._relabel(run, intent, why=why, key="unlock_request")

    async def _account_decides_the_entry(self, run: _Run, *, entry_misleads: Callable[[AccountFact], bool], why: str,
                                         key: str) -> None:
        """The FAQ entry the message found is one the signed-in customer's account may make wrong or half an answer:
        the account is looked up, and when `entry_misleads` for it, the account's part answers instead of the FAQ
        shortcut. "I lost my phone" with two-factor off: the entry on a lost authenticator (recovery codes) assumes it
        on, and the password alone signs them in. "How do I reset my password?" while locked: the entry's steps, without
        that the reset also unlocks the account. The entry stands when the account can't be read."""
        customer_id = run.ctx.customer.external_id if run.ctx.customer else ""
        try:
            account = await tool(run.deps, "account.account",
                                 lambda: run.deps.ports.account.account(customer_id=customer_id),
                                 customer_id=customer_id)
        except Exception as exc:  # the FAQ's entry stands: it is right for most accounts
            run.deps.record_fallback(f"account for the FAQ entry ({key}): {type(exc).__name__} → FAQ kept")
            return
        if account is None or not entry_misleads(account):
            return
        label = run.intent
        self._relabel(run, self._sure_label(run, "account"), why=f"{why} ({label.label} at {label.confidence:.2f})",
                      key=key)

    def _relabel_follow_ups(self, run: _Run, rules: tuple[_FollowUpRule, ...]) -> None:
        """Each rule, in order, that the message meets: the run taken for its label."""
        for rule in rules:
            unsure_of_it = rule.sure and run.intent.label == rule.label and (
                run.intent.confidence < self.config.panel_confidence or run.intent.secondary)
            if ((run.intent.label != rule.label or unsure_of_it) and run.intent.label not in rule.spares
                    and rule.asks(run.ctx)):
                self._relabel(run, self._sure_label(run, rule.label), key=rule.key, why=rule.why)

    def _sure_label(self, run: _Run, label: Intent, *, secondary: list[Intent] | None = None) -> IntentResult:
        """`label` taken from the message's own words rather than the classifier: at least as sure as the resolver
        alone needs (the panel's bar), or the classifier's own confidence if that is higher."""
        return IntentResult(label=label, confidence=max(run.intent.confidence, self.config.panel_confidence),
                            secondary=secondary or [])

    def _relabel(self, run: _Run, intent: IntentResult, *, why: str, key: str = "out_of_scope_yielded") -> None:
        run.summary[key] = {"from": run.summary["intent"], "to": intent.label, "why": why}
        run.relabelled_why = why
        run.intent = intent
        run.ctx.intent = intent
        run.summary["intent"] = {**run.summary["intent"], "label": intent.label,
                                 "confidence": round(intent.confidence, 3), "secondary": list(intent.secondary)}

    def _drop_person_misread(self, run: _Run, *, why: str = "asks whether a person answers, not for one",
                             key: str = "person_not_asked") -> None:
        """"Am I talking to a human?" (or "do I get weekend support?") labelled as a request for a person: the
        message asks what answers (or about the support given), so the label becomes what else it names (the first
        other domain, else general), and no one is called."""
        label = run.intent
        others = [s for s in label.secondary if s != "human"]
        if label.label == "human":
            first = next((s for s in others if s != "out_of_scope"), "general")
            intent = IntentResult(label=first, confidence=label.confidence, secondary=[s for s in others if s != first])
        else:
            intent = label.model_copy(update={"secondary": others})
        self._relabel(run, intent, why=why, key=key)

    @staticmethod
    def _asks_about_support_hours_only(run: _Run) -> bool:
        """"Do I get weekend support?", "what support do I get on Pro?": a question about the support itself (its
        hours, what each plan gets), which the help centre's entry on support hours and the plans answer, with a
        "human" label or secondary label the classifier is unsure of. The word "support" pulls messages towards
        "human" (primary at 0.34, or a secondary from the whole message's 0.25), and the run handed a question
        about support to a person nobody asked for. A sure label (HUMAN_CONFIDENCE), or a person asked for in so
        many words ("what are your support hours? I want a person"), still hands off; but not a sure label for a
        question that asks which hours in so many words ("what hours can I reach customer service?", human at 0.97)."""
        label = run.intent
        sure = (label.label == "human" and label.confidence >= HUMAN_CONFIDENCE
                and not asks_which_hours(run.ctx.message))
        return not sure and asks_about_support_hours(run.ctx.message) and not asks_for_a_person(run.ctx.message)

    def _about_others_data(self, run: _Run) -> str | None:
        """The fixed answer to a message about other customers' data, or None. "List all customers" is refused
        with nothing looked up: no worker, writer or LLM is given the chance to show a list. "Can other customers
        see my data?" is told that they can't (the classifier reads both as a request for a person, or as the
        account's question, whose part had nothing to say). A person asked for as well is still handed over."""
        message = run.ctx.message
        if asks_if_others_see_mine(message):
            reply, why = OTHERS_SEE_MINE_REPLY, "asks whether other customers can see their data"
        elif asks_for_others_data(message):
            reply, why = OTHERS_DATA_REPLY, "asks for other customers' data"
        elif run.ctx.customer is None and asks_for_someones_details(message):
            # "What's alice's email?" from a visitor: no account of theirs is open, so no part of the reply
            # weighs whose it is; read as off topic, it got an "I don't know" instead of the refusal.
            reply, why = OTHERS_DATA_REPLY, "a visitor asks for a named person's details"
        else:
            return None
        label = run.intent
        person = ["human"] if self._asks_for_person(run) else []
        self._relabel(run, IntentResult(label="general", confidence=label.confidence, secondary=person),
                      why=f"{why} ({label.label} at {label.confidence:.2f})", key="others_data")
        return reply

    @staticmethod
    def _person_named(run: _Run) -> bool:
        """Whether the request for a person the label reads stands: the label is sure of it (HUMAN_CONFIDENCE), the
        message names a person or asks to escalate, or it says yes to the offer of a person. A "human" label or
        secondary label the classifier is unsure of, with none of these, called a person nobody asked for."""
        label, message = run.intent, run.ctx.message
        return ((label.label == "human" and label.confidence >= HUMAN_CONFIDENCE)
                or bool(NAMES_A_PERSON.search(message)) or asks_for_a_person(message) or asks_to_escalate(message)
                or accepts_offer(run.ctx, OFFER_PERSON))

    def _person_asked_in_other_words(self, run: _Run) -> None:
        """"Escalate please", "why is nobody answering?", "how do I contact sales?": a person asked for in words
        the classifier reads as off topic (0.75 to 0.78 for the first and last), which the scope reply turned away.
        With nothing else in scope to answer, or only a guess at it ("I emailed support and no one has replied",
        technical at 0.38, which no guide answers), the label becomes "human" and the run hands off; beside a
        question it is sure of, "human" joins the secondary labels and the reply is handed off with its answer."""
        label = run.intent
        domains = self._domains(label)
        nothing_else = label.label in ("general", "out_of_scope") and not [d for d in domains if d != "general"]
        if nothing_else or label.confidence < self.config.panel_confidence:
            intent = IntentResult(label="human", confidence=label.confidence,
                                  secondary=[s for s in label.secondary if s != "out_of_scope"])
        elif needs_a_person(run.ctx.message):
            # "I need a human asap, the site is down": the person is what is asked for, not an answer to the rest (a
            # guide pasted beside the promise of a person read as the request not heard). What the rest was about
            # stays beside it, for the handoff's note on an outage (_outage_reported).
            intent = IntentResult(label="human", confidence=label.confidence,
                                  secondary=[s for s in (label.label, *label.secondary) if s != "out_of_scope"])
        else:
            intent = label.model_copy(update={"secondary": [*label.secondary, "human"]})
        self._relabel(run, intent, why=f"asks for a person in words the classifier does not know as such "
                                       f"({label.label} at {label.confidence:.2f})", key="person_asked_in_words")

    def _deleting_an_app_is_technical(self, run: _Run) -> None:
        """"How do I delete an app?": one of the customer's apps, which the technical part answers (a guide, or
        that there is none), not the account. The classifier puts "delete" with the account ("account" beside
        technical at 0.67, or out of scope at 0.47 with it), and the account's part answered with the steps that
        delete the account and every app (the entry on them is no longer among the matches: _take_faq). Its
        other domains (a refund asked for too) stay."""
        label = run.intent
        if label.label == "technical" and "account" not in label.secondary:
            return
        others = [s for s in label.secondary if s not in ("technical", "account", "out_of_scope")]
        if label.label not in ("technical", "account", "general", "out_of_scope"):
            others = [label.label, *others]
        # Sure enough for the technical resolver alone: the words name one app to delete, whatever the label.
        intent = self._sure_label(run, "technical", secondary=others)
        self._relabel(run, intent, why=f"asks to delete one app, not the account ({label.label} at "
                                       f"{label.confidence:.2f})", key="deletes_an_app")

    async def _answer_by_rule(self, run: _Run, intent_response: AgentResponse, *, label: Intent, key: str, why: str,
                              reply: str) -> RunOutcome:
        """A message a rule answers in set words before any model is asked ("I want to report a bug", "that didn't
        work"): the classifier's label is taken, then relabelled with why, so the trace shows both."""
        self._take_intent(run, intent_response)
        self._relabel(run, IntentResult(label=label, confidence=run.intent.confidence), why=why, key=key)
        return await self._finish(run, reply=reply, route="resolver", sources=[])

    async def _acknowledge_withdrawal(self, run: _Run) -> RunOutcome:
        """"Never mind, I figured it out": acknowledged, with the door left open; nothing looked up or passed on."""
        label = run.intent
        self._relabel(run, IntentResult(label="general", confidence=label.confidence),
                      why=f"takes back what was asked ({label.label} at {label.confidence:.2f})", key="request_withdrawn")
        reply = SORTED_REPLY if says_it_is_sorted(run.ctx.message) else WITHDRAWN_REPLY
        return await self._finish(run, reply=reply, route="resolver", sources=[])

    async def _answer_mood(self, run: _Run, mood: Mood) -> RunOutcome:
        """Frustration, a thumbs-up or a "??" answered as such: nothing looked up, a person offered, not called."""
        label = run.intent
        self._relabel(run, IntentResult(label="general", confidence=label.confidence),
                      why=f"says only how the conversation is going: {mood} ({label.label} at {label.confidence:.2f})",
                      key="mood_only")
        return await self._finish(run, reply=mood_reply(mood, run.ctx), route="resolver", sources=[])

    async def _answer_identity_or_contact(self, run: _Run, about: IdentityOrContact) -> RunOutcome:
        """The honest answer to "are you a bot?" or "what's your phone number?", with a person offered."""
        label = run.intent
        self._relabel(run, IntentResult(label="general", confidence=label.confidence),
                      why=f"asks {_ABOUT_THE_ASSISTANT[about]} "
                          f"({label.label} at {label.confidence:.2f})", key="identity_or_contact_asked")
        reply, sources = identity_or_contact_reply(about, run.ctx.message), []
        if about == "contact" and contact_asked_of_a_time(run.ctx.message) and (hours := next(
                (m for m in run.faq_matches if names_support_hours(m.question)), None)) is not None:
            # "Can I call you on weekends?", "who can I call for urgent issues?": when people are here, as the entry on
            # support hours says (the scope reply came).
            reply += f"\n\nWhen our support staff are here, as our help centre says: {hours.answer}"
            sources = [Source(kind="faq", title=hours.question, ref=str(hours.faq_id))]
        return await self._finish(run, reply=reply, route="resolver", sources=sources)

    @staticmethod
    def _asks_for_person(run: _Run) -> bool:
        """The customer asked for a person, as the label or alongside another question."""
        return run.intent.label == "human" or "human" in run.intent.secondary

    def _faq_shortcut_applies(self, run: _Run, intent: IntentResult) -> bool:
        top = run.faq_matches[0] if run.faq_matches else None
        if top is None or top.score <= self.config.faq_threshold:
            return False
        # An unsure out-of-scope label's other clause ("… to my team" → account) is what the FAQ
        # answers; any other label with a second domain is a two-part question no one entry answers.
        unsure_out_of_scope = intent.label == "out_of_scope" and intent.confidence < FAQ_OVER_OUT_OF_SCOPE_BELOW
        if not unsure_out_of_scope and (intent.label not in FAQ_INTENTS or intent.secondary):
            return False
        # A lost second factor with two-factor off, or a password reset while locked, found by the account's facts
        # before the shortcut (_account_decides_the_entry): the entry alone is not this customer's answer.
        why = next((why for key, why in _ENTRY_MISLEADS_THE_ACCOUNT.items() if key in run.summary),
                   None) or why_the_entry_is_refused(run.ctx, top)
        if why is not None:
            run.summary["faq"]["skipped"] = why
            return False
        if unsure_out_of_scope:
            run.summary["faq"]["over_out_of_scope"] = (
                f"the out-of-scope label was only {intent.confidence:.2f} sure (below {FAQ_OVER_OUT_OF_SCOPE_BELOW})")
        return True

    async def _answer_from_faq(self, run: _Run) -> RunOutcome:
        top = run.faq_matches[0]
        run.summary["faq"]["used"] = True
        source = Source(kind="faq", title=top.question, ref=str(top.faq_id))
        return await self._finish(run, reply=answered_as_asked(top.answer, run.ctx.message), route="faq",
                                  sources=[source])

    def _request(self, run: _Run, target: str, task: str, **parameters: Any) -> AgentRequest:
        return AgentRequest(caller="orchestrator", target=target, task=task, parameters=parameters, context=run.ctx)

    def _take_intent(self, run: _Run, response: AgentResponse) -> None:
        if response.status == "success":
            run.intent = IntentResult.model_validate(response.result["intent"])
            source = response.result.get("provider", "")
        else:
            # Both classifiers failed: a zero-confidence "general" sends the run to the panel,
            # whose own fallbacks end in a handoff if nothing can write a reply.
            run.deps.record_fallback(f"intent: all classifiers failed ({response.error}) → general/0.0")
            source = "none"
        run.ctx.intent = run.intent
        run.summary["intent"] = {
            "label": run.intent.label, "confidence": round(run.intent.confidence, 3),
            "secondary": list(run.intent.secondary), "provider": source,
        }

    def _take_faq(self, run: _Run, response: AgentResponse) -> None:
        threshold = self.config.faq_threshold
        if response.status == "success":
            run.faq_matches = [FaqMatch.model_validate(m) for m in response.result.get("matches", [])]
        else:
            run.deps.record_fallback(f"faq: retrieval failed ({response.error}) → no FAQ shortcut")
        dropped: list[FaqMatch] = []
        why = ""
        if asks_to_delete_an_app(run.ctx.message):
            # "How do I delete an app?" finds the entry on deleting the account at 0.98: its steps delete every
            # app and the account with them. No part of the reply, and no LLM, may give them for one app.
            dropped = [m for m in run.faq_matches if about_deleting_the_account(m.question)]
            why = "about deleting the account; the message asks to delete one app"
        elif (run.faq_matches and about_a_lost_authenticator(run.faq_matches[0].question)
              and names_a_hosted_app_only(run.ctx.message)):
            # "My app was deleted!" found the entry on a lost authenticator app at 0.98, which was quoted as the answer.
            dropped = [m for m in run.faq_matches if about_a_lost_authenticator(m.question)]
            why = "about an authenticator app; the message speaks of a hosted app"
        elif asks_if_supported(run.ctx.message) and not asks_about_support_hours(run.ctx.message):
            # "What languages do you support?" found the entry on support hours at 0.50, and was told them.
            dropped = [m for m in run.faq_matches if names_support_hours(m.question)]
            why = "about our support's hours; the message asks what the service supports"
        run.faq_matches = [m for m in run.faq_matches if m not in dropped]
        run.ctx.facts["faq"] = {"matches": [m.model_dump(mode="json") for m in run.faq_matches]}
        top = run.faq_matches[0] if run.faq_matches else None
        run.summary["faq"] = {
            "top_id": top.faq_id if top else None, "question": top.question if top else "",
            "score": round(top.score, 3) if top else None, "threshold": threshold, "used": False,
            **({"dropped": {"ids": [m.faq_id for m in dropped], "why": why}} if dropped else {}),
        }

    @staticmethod
    def _domains(intent: IntentResult) -> list[Intent]:
        """The label and the secondary labels that name a domain (not human/out_of_scope)."""
        labels = [intent.label, *intent.secondary]
        return [label for label in dict.fromkeys(labels) if label not in ("human", "out_of_scope")]

    @staticmethod
    def _as_asked(run: _Run) -> str:
        """What the message asks: "and business?" after "how much is pro?" asks how much Business is, and needs
        the plans on sale as that question does."""
        if (before := asked_which_plan_for(run.ctx)) is not None:
            # "Which plan do I need for that?": the plans, and the question before, which says what "that" is.
            return f"which plan do I need? {before}"
        return question_as_asked(run.ctx) or run.ctx.message

    def _workers_for(self, intent: IntentResult, *, message: str) -> list[str]:
        """The context workers a label needs: every domain's when the run goes to the panel
        (several domains, or too little confidence to trust one), else its own. A question that
        names a plan ("is a custom domain included in my plan?") also needs billing's:
        the plan and what each plan includes; for a visitor, the plans on sale. So does one about
        the standing of the customer's own account. A request to be unlocked needs account's."""
        domains = self._domains(intent)
        all_domains = bool(domains[1:]) or intent.confidence < self.config.panel_confidence
        labels = domains if all_domains else [intent.label]
        workers = list(dict.fromkeys(w for label in labels for w in WORKERS_FOR_INTENT.get(label, ())))
        if "billing" not in workers and (mentions_plans(message) or asks_standing(message)
                                         or asks_about_support_hours(message) or reports_cannot_add_or_use(message)):
            # "Is my account in good standing?" is answered with the subscription's state too (a failed
            # payment makes it past due), which billing's facts hold; "what support do I get on Pro?" with
            # the support each plan lists ("email support"), which the plans on billing's facts hold; "why can't
            # I add a custom domain?" with whether the customer's plan includes it.
            workers.append("billing")
        if "account" not in workers and about_own_lock(message):
            # Whether the account is locked, and the unlock, are the account's facts, whatever the label
            # (a visitor's run skips the look-up: the account worker needs a signed-in customer).
            workers.append("account")
        if "technical" not in workers and NAMES_AN_INCIDENT.search(message):
            # "Refund the duplicate, and what's the status of the eu-west incident?": the open incidents are the
            # technical worker's facts, whatever the label of the message's other question.
            workers.append("technical")
        return workers

    def _speculate(self, run: _Run, guess: IntentResult) -> None:
        """Start the context workers the local label needs, while the LLM gives its own."""
        if not self.config.speculative_context or self.config.pipeline == "naive":
            return
        workers = self._workers_for(guess, message=self._as_asked(run))
        if not workers:
            return
        budgets = {name: RunBudget(run.deps.budget.remaining) for name in workers}
        task = asyncio.ensure_future(self._workers_run(run, workers, budgets=budgets))
        run.speculation = _Speculation(workers=workers, task=task, budgets=budgets)
        run.summary["speculation"] = {"guess": guess.label, "workers": workers, "used": [], "discarded": workers}

    async def _speculated_responses(self, run: _Run, workers: list[str]) -> dict[str, AgentResponse]:
        """What the workers started ahead of the intent gathered for `workers`; unused ones are dropped."""
        speculation, run.speculation = run.speculation, None
        if speculation is None:
            return {}
        used = [name for name in speculation.workers if name in workers]
        run.summary["speculation"].update(used=used, discarded=[n for n in speculation.workers if n not in used])
        if not used:
            await _cancel_pending(speculation.task)
            return {}
        try:
            responses = await speculation.task
        except Exception as exc:  # the workers never raise; should the stage break, they run again
            run.deps.record_fallback(f"context gathered ahead: {type(exc).__name__} → gathered again")
            run.summary["speculation"].update(used=[], discarded=speculation.workers)
            return {}
        for name in used:
            run.deps.budget.absorb(speculation.budgets[name])
        return {name: responses[name] for name in used}

    async def _workers_run(self, run: _Run, workers: list[str], *, budgets: dict[str, RunBudget] | None = None,
                           ) -> dict[str, AgentResponse]:
        """Run the workers concurrently (one after another in the naive baseline), each with its own
        timeout. With `budgets` (ahead of the intent), each worker spends from its own."""
        async with run.deps.tracer.step(agent="context", kind="agent", name="gather context",
                                        input={"workers": workers, "ahead_of_intent": budgets is not None}) as step:
            # Launched in WORKERS' order, billing first and in this task: with six look-ups it is the one
            # the stage waits for. Results keep `workers`' order (the facts, and so the prompts, follow it).
            launched = workers if self.config.pipeline == "naive" else [name for name in WORKERS if name in workers]
            calls = {
                name: invoke(WORKERS[name], self._request(run, name, f"gather {name} facts"),
                             replace(run.deps, budget=budgets[name]) if budgets is not None else run.deps,
                             timeout_s=self.config.worker_timeout_s)
                for name in launched
            }
            try:
                if self.config.pipeline == "naive":  # the benchmark's baseline
                    responses = {name: await call for name, call in calls.items()}
                else:
                    responses = dict(zip(calls, await gather_first_here(list(calls.values())), strict=True))
            except asyncio.CancelledError:
                step.error = "cancelled: the intent the run settled on does not need this context"
                raise
            step.output = {name: responses[name].status for name in workers}
        return {name: responses[name] for name in workers}

    async def _gather_context(self, run: _Run, *, workers: list[str]) -> bool:
        """The facts the workers gather, from the run ahead of the intent where it had them. False
        when the worker the main intent depends on failed, so the run should go to a person."""
        deps, ctx = run.deps, run.ctx
        run.summary["workers"] = {}
        responses = await self._speculated_responses(run, workers)
        ahead = set(responses)
        if missing := [name for name in workers if name not in responses]:
            responses.update(await self._workers_run(run, missing))
        essential = set(WORKERS_FOR_INTENT.get(run.intent.label, ()))
        ok = True
        for name in workers:
            response = responses[name]
            run.summary["workers"][name] = {
                "status": response.status, "duration_ms": round(response.metadata.duration_ms, 1),
                **({"ahead_of_intent": True} if name in ahead else {}),
                **({"error": response.error} if response.error else {}),
                **({"skipped": response.result["skipped"]} if "skipped" in response.result else {}),
            }
            if response.status in ("success", "partial") and "skipped" not in response.result:
                ctx.facts[name] = response.result
            if response.status == "error":
                deps.record_fallback(f"worker {name}: {response.error} → continued without it")
                if name in essential:
                    ok = False
        return ok

    async def _resolver_path(self, run: _Run, *, persona: str, route: Route,
                             low_confidence: bool = False) -> RunOutcome:
        deps = run.deps
        draft, provider_name = await self._draft(run, persona=persona)
        if draft is None:
            return await self._reply_without_writer(run)
        if provider_name != deps.provider.name and deps.provider is not deps.fallback:
            route = "fallback"

        review = await self._review(run, draft)
        if review.verdict == "revise":
            run.draft_before_revision = draft.text
            run.critic_concerns += review.reasons
            await deps.stream.reset()
            revised, provider_name = await self._draft(run, persona=persona, notes=review.reasons)
            if revised is None:
                return await self._reply_without_writer(run)
            if provider_name != deps.provider.name and deps.provider is not deps.fallback:
                route = "fallback"
            draft = revised
            review = await self._review(run, draft)
            if review.verdict != "approve":
                # One revision only: a second objection means a person should answer.
                run.critic_concerns += review.reasons
                return await self._handoff(run, "low_confidence" if low_confidence else "critic_rejected")
        if review.verdict == "handoff":
            run.critic_concerns += review.reasons
            return await self._handoff(run, "low_confidence" if low_confidence else "critic_rejected")
        return await self._deliver_draft(run, draft, route=route)

    async def _panel_path(self, run: _Run, *, low_confidence: bool) -> RunOutcome:
        specialists = list(dict.fromkeys(
            SPECIALIST_FOR_INTENT.get(label, "general") for label in self._domains(run.intent)
        )) or ["general"]
        if low_confidence and "general" not in specialists:
            specialists.append("general")  # the label may be wrong: a generalist hedges it
        run.summary["panel"]["specialists"] = specialists
        response = await invoke(
            panel_agent,
            self._request(run, "panel", "specialists draft independently", specialists=specialists,
                          timeout_s=self.config.llm_timeout_s),
            run.deps,
        )
        run.summary["panel"]["failed"] = response.result.get("failed", [])
        if response.status == "error":
            run.deps.record_fallback(f"panel: no specialist could draft ({response.error}) → handoff")
            return await self._reply_without_writer(run)
        run.ctx.facts["panel"] = {"drafts": response.result["drafts"]}
        # The critic persona synthesises one answer from the drafts; it is then reviewed and
        # revised like any other reply.
        return await self._resolver_path(run, persona="critic", route="panel", low_confidence=low_confidence)

    async def _draft(self, run: _Run, *, persona: str, notes: list[str] | None = None) -> tuple[Draft | None, str]:
        response = await invoke(
            resolver_agent,
            self._request(run, "resolver", "write the reply" if not notes else "revise the reply",
                          persona=persona, revision_notes=notes or [], stream=True),
            run.deps,
        )
        if response.status != "success":
            run.deps.record_fallback(f"resolver: no writer could draft ({response.error})")
            return None, ""
        return Draft.model_validate(response.result["draft"]), str(response.result.get("provider", ""))

    async def _review(self, run: _Run, draft: Draft) -> CriticVerdict:
        response = await invoke(critic_agent, self._request(run, "critic", "review the draft",
                                                            draft=draft.model_dump(mode="json")), run.deps)
        if response.status != "success":
            # The critic itself broke (not just its LLM, which it survives): nothing reviewed
            # may be sent, so hand off.
            verdict = CriticVerdict(verdict="handoff", reasons=[f"critic failed: {response.error}"])
            run.deps.record_fallback("critic: failed → handoff")
        else:
            verdict = CriticVerdict.model_validate(response.result["verdict"])
            run.actions_proposed = [ProposedAction.model_validate(a) for a in response.result["valid_actions"]]
            run.summary.setdefault("critic_rounds", []).append(
                {"verdict": verdict.verdict, "reasons": verdict.reasons, "reviewer": response.result["reviewer"]}
            )
        run.critic = verdict
        return verdict

    async def _reply_without_writer(self, run: _Run) -> RunOutcome:
        """No provider could write: a confident-enough FAQ answer, else a handoff."""
        top = run.faq_matches[0] if run.faq_matches else None
        if top is not None and top.score >= 0.5 and run.intent.label in FAQ_INTENTS:
            run.deps.record_fallback(f"reply: FAQ #{top.faq_id} (score {top.score:.2f}) instead of a written reply")
            source = Source(kind="faq", title=top.question, ref=str(top.faq_id))
            return await self._finish(run, reply=top.answer, route="fallback", sources=[source])
        # Nothing was looked up in vain here: the writer itself broke. With a remote model that is the model
        # being unavailable (its fallback broke too); with the local writer alone it is the writer's own failure.
        remote_failed = run.deps.provider is not run.deps.fallback
        return await self._handoff(run, "llm_unavailable" if remote_failed else "writer_failed")

    async def _deliver_draft(self, run: _Run, draft: Draft, *, route: Route) -> RunOutcome:
        reply = draft.text
        handoff_reason: HandoffReason | None = None
        if run.actions_proposed:
            async with run.deps.tracer.step(agent="action", kind="agent", name="carry out actions",
                                            input={"proposed": [a.kind for a in run.actions_proposed]}) as step:
                run.actions = await execute_actions(run.ctx, run.actions_proposed, run.deps)
                step.output = {"records": [a.model_dump(mode="json") for a in run.actions]}
            run.ctx.facts["actions"] = {"records": [a.model_dump(mode="json") for a in run.actions]}
            told = describe_actions(run.actions, limit=str(run.ctx.constraints.agent_refund_limit))
            if told:
                reply = f"{reply}\n\n{told}"
            if any(a.status == "failed" for a in run.actions):
                handoff_reason = "tool_failure"
            elif any(a.status == "pending_approval" for a in run.actions):
                # The reply stands; a person must approve, so the conversation waits for one.
                handoff_reason = "policy_needs_approval"
        sources = draft.sources if draft.sources is not None else _sources_from_facts(run.ctx)
        return await self._finish(run, reply=reply, route=route, sources=sources, handoff_reason=handoff_reason)

    # ------------------------------------------------------------------ endings

    async def _handoff(self, run: _Run, reason: HandoffReason) -> RunOutcome:
        async with run.deps.tracer.step(agent="handoff", kind="agent", name=f"handoff: {reason}",
                                        input={"reason": reason}):
            reply = HANDOFF_REPLIES[reason]
            if reason == "customer_asked" and complains_of_waiting_for_us(run.ctx.message):
                reply = f"I'm sorry you've been kept waiting. I've passed your conversation to {_TEAM}."
            if reason == "customer_asked" and (incident := await self._outage_reported(run)) is not None:
                # "The site is down, get me a person": what is known of the outage now, while the person comes.
                reply = f"{_incident_note(incident)}\n\n{reply}"
        return await self._finish(run, reply=reply, route="handoff", sources=[], handoff_reason=reason)

    async def _outage_reported(self, run: _Run) -> IncidentFact | None:
        """The open incident a request for a person reports as an outage ("the site is down"), or None. Asked only of
        a message read as technical, as the incident matcher is made for; a failed look-up costs only the note."""
        label = run.intent
        if self.incident_matcher is None or "technical" not in (label.label, *label.secondary):
            return None
        try:
            incidents = await tool(run.deps, "knowledge.active_incidents", run.deps.ports.knowledge.active_incidents)
        except Exception as exc:
            run.deps.record_fallback(f"incidents for the handoff note: {type(exc).__name__} → no note")
            return None
        return self.incident_matcher(run.ctx.message, [i for i in incidents if i.status != "resolved"])

    async def _finish(self, run: _Run, *, reply: str, route: Route, sources: list[Source],
                      handoff_reason: HandoffReason | None = None) -> RunOutcome:
        reply = without_empty_lines(reply)
        faq = run.summary.get("faq")
        if (faq and route != "faq" and not faq.get("used") and not faq.get("skipped") and run.relabelled_why
                and faq.get("score") is not None and faq["score"] > faq["threshold"]):
            # "That didn't work" matched the password reset at 0.93: the card showed the match above the threshold
            # and nothing of why a rule answered instead.
            faq["skipped"] = f"a rule answered instead: {run.relabelled_why}"
        if handoff_reason is None and route != "handoff":
            asked = self._asks_for_person(run)
            if asked and not PROMISES_A_PERSON.search(reply):
                # A person was asked for and the reply answered the rest without saying so: say it.
                reply = f"{reply}\n\n{HANDOFF_REPLIES['customer_asked']}"
            if asked or PROMISES_A_PERSON.search(reply):
                # The reply answers what it can and a person takes over (the route says who wrote it, as
                # with a refund left for approval): the conversation goes to the staff queue. A reply that
                # promises a person the customer did not ask for is kept to as well, as a writer's doubt.
                handoff_reason = "customer_asked" if asked else "low_confidence"
                run.summary["handoff_with_reply"] = handoff_reason
        if handoff_reason is None and route != "handoff" and repeats_last_reply(reply, run.ctx):
            if (covered := covered_in_the_reply(run.ctx.message, reply)) is not None:
                # "And VAT number?" after the steps that name it: that they cover it (the whole reply again came, behind
                # "my answer is the same", as if the answer had been missed).
                run.summary["covered_before"] = covered[:200]
                reply = covered
            elif (unchanged := who_they_are_changes_nothing_reply(run.ctx)) is not None:
                # "I'm a student tho" after no discount for students was found: heard, and what it changes said.
                run.summary["who_they_are_changes_nothing"] = True
                reply = unchanged
            elif (again := identity_asked_again(run.ctx.message, reply)) is not None:
                # "Are you a bot?" after "who are you?": the yes it asks for, not "my answer is the same".
                run.summary["identity_asked_again"] = True
                reply = again
            elif opens_with_it_not_fixed(run.ctx.message) and (given := steps_given_before(run.ctx)) is not None:
                # "Tried that, still failing with exit code 1": the same steps again read "my answer is the same"; what
                # is still seen after them is for a person, as "that didn't work" alone is.
                run.summary["steps_did_not_help"] = {"why": _STEPS_DID_NOT_HELP_WHY[given]}
                reply = steps_not_helped_reply(given)
            else:
                # The same text as the assistant's last turn, sent again, reads as a bot on a loop ("what?" or "did it
                # work?" twice got the scope reply twice): said so, with a person offered.
                run.summary["same_reply_again"] = reply[:200]
                reply = same_reply_again(reply, asked_again=repeats_last_question(run.ctx),
                                         new_question=asks_a_question_of_its_own(run.ctx.message))
        # Context gathered ahead of an intent that ended the run early is not waited for.
        await _cancel_pending(run.speculation.task if run.speculation else None)
        if run.may_reply_check is not None:
            await asyncio.wait([run.may_reply_check])  # its answer is in the summary
        if self.config.host_checks_before_send:
            delivered = run.summary.get("agents_may_reply", {}).get("before_reply", True)
        else:
            delivered = await self._may_reply(run, stage="before_send")
        if not delivered:
            run.deps.stream.stop()
        return self._outcome(run, reply=reply, route=route, handoff_reason=handoff_reason, delivered=delivered,
                             sources=sources)

    async def _may_reply(self, run: _Run, *, stage: str) -> bool:
        """Ask again whether agents may answer: a person may have taken over meanwhile."""
        async with run.deps.tracer.step(agent="conversation", kind="tool", name="conversation.agents_may_reply",
                                        input={"stage": stage}) as step:
            try:
                allowed = await run.deps.ports.conversation.agents_may_reply()
            except Exception as exc:  # unknown state: hold the reply for staff rather than talk over them
                run.deps.record_fallback(f"conversation state unknown ({type(exc).__name__}) → reply held for staff")
                step.error = f"{type(exc).__name__}: {exc}"
                allowed = False
            step.output = {"agents_may_reply": allowed}
        run.summary.setdefault("agents_may_reply", {})[stage] = allowed
        return bool(allowed)

    def _outcome(self, run: _Run, *, reply: str, route: Route, handoff_reason: HandoffReason | None,
                 delivered: bool, sources: list[Source] | None = None) -> RunOutcome:
        deps = run.deps
        summary = run.summary
        summary["route"] = route
        summary.setdefault("workers", {})
        summary["critic"] = (
            {"verdict": run.critic.verdict, "reasons": run.critic.reasons} if run.critic is not None else None
        )
        summary["fallbacks"] = list(deps.fallbacks)
        summary["actions_proposed"] = [a.model_dump(mode="json") for a in run.actions_proposed]
        summary["actions"] = [f"{a.kind} {a.invoice_number} {a.status}".replace("  ", " ") for a in run.actions]
        summary["budget"] = {"limit": deps.budget.limit, "used": deps.budget.used, "refused": deps.budget.refused}
        summary["providers"] = {"primary": deps.provider.name, "fallback": deps.fallback.name}
        if handoff_reason:
            summary["handoff_reason"] = handoff_reason
        summary["delivered"] = delivered
        summary["duration_ms"] = round((time.perf_counter() - run.started) * 1000, 1)
        return RunOutcome(
            reply=reply, route=route, intent=run.intent, handoff_reason=handoff_reason,
            handoff_summary=_handoff_summary(run) if handoff_reason else "",
            actions=run.actions, sources=sources or [], critic=run.critic,
            draft_before_revision=run.draft_before_revision, summary=summary, fallbacks=list(deps.fallbacks),
            delivered=delivered, steps=list(deps.tracer.steps),
            input_tokens=deps.tracer.input_tokens, output_tokens=deps.tracer.output_tokens,
            provider=deps.provider.name, model=deps.provider.model,
        )


# ---------------------------------------------------------------------- helpers

# A line with no word or figure on it: a "." a draft left behind, a help-centre answer's stray punctuation.
_NOTHING_ON_LINE = re.compile(r"^[\s.,;:!?…·•*_~\-–—]*$")
_CODE_FENCE = re.compile(r"^\s*(?:```|~~~)")


# What a question about the assistant itself asks, as the trace says it.
_ABOUT_THE_ASSISTANT: dict[str, str] = {
    "identity": "what answers", "contact": "how else to reach support", "capabilities": "what the assistant can do",
}


def without_empty_lines(text: str) -> str:
    """The reply as sent: every line that says nothing (blank runs, punctuation alone) dropped, paragraphs kept one
    blank line apart. Every reply, whoever wrote it (a writer, an LLM, a help-centre entry staff edited), passes
    here; lines inside a fenced code block are kept as written. A reply of nothing but punctuation stays as it is:
    an empty message would tell the customer even less."""
    paragraphs: list[list[str]] = [[]]
    in_code = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if _CODE_FENCE.match(line):
            in_code = not in_code
        elif not in_code and not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        elif not in_code and _NOTHING_ON_LINE.match(line):
            continue
        paragraphs[-1].append(line.rstrip())
    tidy = "\n\n".join("\n".join(lines) for lines in paragraphs if lines)
    return tidy or text.strip()


def _safe_sink(sink: EventSink) -> EventSink:
    """A sink that cannot break the run: a dropped progress event is logged, not fatal."""

    async def send(event: Event) -> None:
        try:
            await sink(event)
        except Exception:
            log.warning("event sink failed for %s", event.get("type"), exc_info=True)

    return send


async def _cancel_pending(*tasks: asyncio.Future[Any] | None) -> None:
    """Cancel work the run no longer needs, and let it end before the run's steps are read."""
    pending = [task for task in tasks if task is not None and not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending)


def _sources_from_facts(ctx: SupportContext) -> list[Source]:
    technical = ctx.facts.get("technical") or {}
    sources = [Source(kind="article", title=a["title"], url=a.get("url", ""), ref=a["slug"])
               for a in technical.get("articles", [])[:2] if a.get("score", 0.0) >= ARTICLE_RELEVANT_FROM]
    if incident := technical.get("incident"):
        sources.append(Source(kind="incident", title=incident["title"], ref=incident["reference"]))
    return sources


def _handoff_summary(run: _Run) -> str:
    """For the person who takes over: what was asked, what we found, what we did, what worried us."""
    ctx = run.ctx
    asked = f'Asked: "{ctx.message[:300]}"'
    if leans_back(ctx.message) and (before := previous_user_text(ctx)):
        # "Yes please" to the offer of a person says nothing of the problem: the question it follows does.
        asked += f', following "{before[:300]}"'
    lines = [f"{asked} (intent {run.intent.label}, confidence {run.intent.confidence:.2f})"]
    lines.append(f"Customer: {ctx.customer.name} ({ctx.customer.external_id})" if ctx.customer else
                 "Customer: not signed in")
    facts: list[str] = []
    billing = ctx.facts.get("billing") or {}
    for invoice in billing.get("invoices", []):
        facts.append(f"invoice {invoice['number']} ${invoice['amount']} {invoice['status']}")
    if card := billing.get("card"):
        facts.append(f"card ending {card['last4']}{' (expired)' if card.get('expired') else ''}")
    for payment in billing.get("payments", []):
        if payment.get("duplicate"):
            facts.append(f"duplicate payment {payment['reference']} on {payment['invoice_number']}")
    if account := (ctx.facts.get("account") or {}).get("account"):
        facts.append(f"account {account['status']}" + (f" ({account['locked_reason']})"
                                                       if account.get("locked_reason") else ""))
        if account.get("unlocked_at"):
            # The person taking over is asked "why was it locked?" too: the lock lifted is half the answer.
            facts.append(f"unlocked {str(account['unlocked_at'])[:10]}"
                         + (" on the customer's request" if account.get("unlocked_on_request") else "")
                         + (f" (had been: {account['last_lock_reason']})" if account.get("last_lock_reason") else ""))
    technical = ctx.facts.get("technical") or {}
    if incident := technical.get("incident"):
        facts.append(f"incident: {incident['title']}")
    facts += [f"article: {a['title']}" for a in technical.get("articles", [])[:2]]
    lines.append("Facts: " + ("; ".join(facts) if facts else "none gathered"))
    lines.append("Actions: " + ("; ".join(
        f"{a.kind} {a.invoice_number} ${a.amount} {a.status} {a.reference}".strip() for a in run.actions
    ) if run.actions else "none"))
    if run.critic_concerns:
        lines.append("Critic concerns: " + "; ".join(dict.fromkeys(run.critic_concerns)))
    if run.deps.fallbacks:
        lines.append("Fallbacks: " + "; ".join(run.deps.fallbacks))
    return "\n".join(lines)


def _incident_note(incident: IncidentFact) -> str:
    """One line on an open incident, from its record: what, where, since when and how far along."""
    where = f" in {', '.join(incident.regions)}" if incident.regions else ""
    return (f"There's an open incident{where}: “{incident.title}”, since "
            f"{incident.started_at:%Y-%m-%d %H:%M} UTC (status: {incident.status}). Our engineers are working on it.")
