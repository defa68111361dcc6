"""The account part of an offline reply: sign-in, locks, two-factor, the email on file."""

from __future__ import annotations

import re
from datetime import datetime

from agents.about_service import asks_how_to_reach_support
from agents.cues import has_cue
from agents.email_change import asks_if_the_change_is_confirmed, new_email_given
from agents.facts import AccountFact
from agents.follow_ups.history import (
    TOPIC_TURNS,
    assistant_texts,
    earlier_user_texts,
    last_assistant_text,
    previous_user_text,
    turns_before,
)
from agents.follow_ups.leaning_back import (
    NOT_RECEIVED,
    asks_for_a_new_export_link,
    asks_how_long_it_takes,
    leans_back,
)
from agents.follow_ups.offers import OFFER_PERSON, OFFER_UNLOCK
from agents.follow_ups.people import (
    CUSTOM_ROLES_TOLD,
    PRONOUNS,
    TEAM_PEOPLE,
    WHAT_MEMBERS_MAY,
    asks_of_someone_elses_account,
    people_named_before,
    says_they_are_on_the_team,
    says_they_left,
)
from agents.invites import INVITE_UNDONE, asks_us_to_invite
from agents.lock_wait import asks_how_long_a_lock_lasts
from agents.outcome import FaqMatch, ProposedAction
from agents.own_data import (
    about_someone_elses_sign_in,
    advice_on_unlocking_asked,
    asks_about_own_data,
    asks_about_password_rules,
    asks_about_single_sign_on,
    asks_about_team_roles,
    asks_about_the_lock,
    asks_for_another_second_factor,
    asks_for_the_account_id,
    asks_how_to,
    asks_if_all_is_well,
    asks_if_the_account_is_safe,
    asks_if_two_factor_is_on,
    asks_if_two_factor_is_required,
    asks_own_username,
    asks_standing,
    asks_to_act_on_all_accounts,
    asks_to_add_someone_to_the_team,
    asks_to_close_the_account,
    asks_to_edit_profile_details,
    asks_to_give_a_role,
    asks_to_lock,
    asks_to_recover_password,
    asks_to_send_the_reset_elsewhere,
    asks_us_to_delete_the_account,
    asks_us_to_reset_the_password,
    asks_what_if_the_second_factor_is_lost,
    asks_when_joined,
    asks_which_authenticator,
    asks_which_email_is_on_file,
    mentions_plans,
    names_two_factor,
    own_name_asked_to_change,
    refuses_unlock,
    reports_cannot_sign_in,
    reports_failed_password_attempts,
    reports_intrusion,
    reports_lost_second_factor,
    says_a_code_is_asked,
    says_email_out_of_reach,
    says_no_account_has_the_address,
    says_the_old_address_is_out_of_reach,
    wants_it_kept_locked,
)
from agents.own_data import asks_to_unlock as asks_to_be_unlocked  # the name is a local of account() below
from agents.providers.offline.kb import EMAIL_HOSTING, names_uncovered_topic
from agents.providers.offline.reply_base import (
    CUSTOM_ROLES,
    FAQ_CONFIDENT,
    FAQ_HOW_TO_FOR_VISITOR,
    FAQ_PLAUSIBLE,
    SEND_BY_EMAIL,
    TWO_FACTOR,
    about_two_factor,
    plan_prices,
    sentences,
    shares_topic,
)
from agents.providers.offline.reply_billing import INVOICE_DETAILS, BillingReplies, how_to_not_asked
from agents.providers.offline.reply_refunds import asks_how_long_approval_takes, staff_hours_entry
from agents.providers.offline.text import normalise
from agents.service_terms import asks_if_a_card_is_needed
from agents.sign_in_origins import INTRUSION_ADVISED
from agents.sign_up_problems import (
    WANTS_TO_SIGN_UP,
    asks_if_joining_is_free,
    asks_what_joining_costs,
    confirms_a_changed_address,
    reports_confirming_email_missing,
)
from agents.team_size import (
    asks_about_own_logins,
    asks_if_members_need_a_plan,
    asks_to_remove_a_named_member,
    asks_who_is_on_the_team,
    team_size_said,
)
from agents.unlock_requests import (
    GETTING_IN,
    access_to_something_else,
    asks_what_to_do_after_an_intrusion,
    kept_locked_asked,
    unlock_wanted,
)
from agents.where_it_is import places_named
from agents.yes_or_no import asks_yes_or_no

# "I don't remember the current one", "I forgot my old password", "can't recall it".
_FORGOT_THE_PASSWORD = re.compile(
    r"\b(?:(?:don'?t|do\s+not|can'?t|cannot|can\s+not)\s+(?:remember|recall)|forg[eo]t(?:ten)?)\b[^.?!]{0,20}"
    r"\b(?:current|old|existing|it|one|password|pw)\b", re.IGNORECASE)
# "How do I stop that happening again?", "how can I prevent this in the future?", "how do I avoid getting locked out?".
_ASKS_HOW_TO_PREVENT_IT = re.compile(
    r"\b(?:stop|prevent|avoid)\b[^.?!]{0,30}?\b(?:again|happening|in\s+(?:the\s+)?future|locked|lock)\b"
    r"|\b(?:not|never)\s+happen(?:s)?\s+again\b"
    r"|\bmake\s+sure\s+(?:it|this|that)\s+(?:doesn'?t|does\s+not|won'?t)\s+happen\b",
    re.IGNORECASE)
# An account's lock, not a build's "lock file".
_NAMES_A_LOCK = re.compile(r"\blocked\b|\blocks?\s+(?:an?\s+|the\s+|your\s+|my\s+)?account\b", re.IGNORECASE)
# "An access token", "my access keys": what a program signs in to the API with, not the customer's way in.
_API_CREDENTIAL = re.compile(r"\baccess\s+(?:tokens?|keys?)\b")


# What the customer was told when the agents' unlock went through at once (workers/actions.describe_actions, and
# reply_base's report of actions): asked "why was it locked?" later, it was this assistant that unlocked it.
_UNLOCKED_HERE = ("I've unlocked your account", "Done: your account is unlocked")
# A how-to that needs a sign-in, told to a locked account.
_UNLOCK_FIRST = ("You'll need to sign in for that, so the account has to be unlocked first: ask me to unlock it and I'll "
                 "start that for you.")
# "I signed up with the wrong email", "I used the wrong email address for my account", "wrong email on my account".
_WRONG_EMAIL = re.compile(
    r"\b(?:signed\s+up|registered|used|entered|typed|put\s+in|created\s+(?:my|the|our)\s+account)\b[^.?!]{0,30}\bwrong\s+"
    r"(?:e-?mail|email\s+address|address)\b|\bwrong\s+(?:e-?mail|email\s+address)\s+(?:is\s+)?(?:on|for|in)\s+(?:my|the|our)\s+"
    r"account\b", re.IGNORECASE)
# "I didn't get the email", "never got any mail", "no link came": what an email would have brought.
_AN_EMAIL = re.compile(r"\b(?:e-?mails?|mails?|link|anything)\b", re.IGNORECASE)
_WHY_ALONE = re.compile(r"^\W*(?:(?:and|but|so|ok(?:ay)?)[,\s]+)?(?:why|how\s+come)(?:\s+(?:though|exactly|is\s+that))?\s*[?.!]*\s*$",
                        re.IGNORECASE)
# "My account says suspended", "is my account disabled?", "why is it blocked?": the account's state, in other words than
# a lock's.
_SAID_TO_BE_SUSPENDED = re.compile(
    r"\b(?:my|our|the)\s+account\b[^.?!]{0,20}\b(?:suspended|deactivated|disabled|frozen|blocked|banned|on\s+hold)\b"
    r"|\b(?:suspended|deactivated|disabled|frozen|blocked|banned)\s+(?:my|our|the)\s+account\b", re.IGNORECASE)

# "What's two factor?", "what is 2fa?": what it is, asked (it got the account's two-factor state and the steps alone).
_ASKS_WHAT_TWO_FACTOR_IS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|sorry)[,\s]+)?what(?:'s|s|\s+is|\s+does)\s+(?:a\s+|the\s+)?(?:2fa|mfa|two[- ]?factor"
    r"(?:\s+auth(?:entication)?)?|two[- ]step(?:\s+verification)?)(?:\s+mean)?\s*[?.!]*\s*$", re.IGNORECASE)
# "Do you have 2fa?", "is there two-factor?", "do you support mfa?": whether we offer it (the entry on a lost
# authenticator came, by its "2fa recovery").
_ASKS_IF_TWO_FACTOR_IS_OFFERED = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|hi|hello)[,\s]+)?(?:(?:do|does)\s+(?:you|u|northwind)\s+(?:have|support|offer|provide)|is\s+there"
    r"|can\s+(?:i|we)\s+(?:use|have|get|turn\s+on|enable))\s+(?:a\s+|any\s+)?(?:2fa|mfa|two[- ]?factor(?:\s+auth(?:entication)?)?"
    r"|two[- ]step(?:\s+verification)?|multi[- ]factor(?:\s+auth(?:entication)?)?)\s*[?.!]*\s*$", re.IGNORECASE)
_TWO_FACTOR_IS = ("Two-factor authentication means signing in takes a second step besides your password: here, the "
                  "6-digit code an authenticator app on your phone shows. Someone who learns your password still can't "
                  "get in without it.")
# "Are you sure it's deleted?", "has my account been deleted?", "is it gone?": whether the account is deleted.
_ASKS_IF_DELETED = re.compile(
    r"\b(?:is|has|was|did)\s+(?:it|my\s+account|the\s+account|our\s+account)\s+(?:been\s+|get\s+|got\s+|really\s+)?"
    r"(?:deleted|closed|removed|gone)\b|\b(?:sure|certain)\s+(?:it'?s|it\s+is|it\s+was|it\s+has\s+been|my\s+account\s+is)\s+"
    r"(?:deleted|closed|gone)\b", re.IGNORECASE)
# "Link expired", "the reset link has expired", "it says the link is invalid": the reset's link, too late to use.
_LINK_EXPIRED = re.compile(r"\b(?:link|e-?mail|it)\b[^.?!]{0,25}\b(?:expired|timed\s+out|no\s+longer\s+(?:works|valid)"
                           r"|(?:is\s+)?invalid)\b|\bexpired\s+(?:reset\s+)?link\b", re.IGNORECASE)
# A password, a reset or signing in: what an address out of reach stops, which the reset's part answers.
_ABOUT_SIGNING_IN = re.compile(r"\b(?:password|reset|sign(?:ing)?[\s-]?in|log(?:ging)?[\s-]?in|locked|2fa|two[\s-]factor)\b",
                               re.IGNORECASE)
_NAMES_TEAM_PEOPLE = re.compile(rf"\b(?:team|{TEAM_PEOPLE})\b", re.IGNORECASE)
# "How do I add a teammate as admin?", "can I remove a team member?", "invite a colleague": adding, removing or
# giving a role to someone on the team. Worded unlike the help centre's team entry, the FAQ search scores it low
# (0.05), and the account's status was all that was said. Not "can team members see billing?" (what members may
# do, above), nor "add a custom domain" or "remove my card" (no one on the team named).
_TEAM_CHANGE = re.compile(
    r"\b(?:add|adding|invite|inviting|remove|removing|delete|deleting|kick\s+out)\b(?:\s+[\w'-]+){0,3}?\s+"
    r"(?:team\s?mates?|team\s+members?|members?|colleagues?|co-?workers?)\b"
    # "We need to add 5 more people to our team": people, to the team.
    r"|\b(?:add|adding|invite|inviting)\s+(?:\d+|a\s+few|some|more|several|two|three|four|five)?\s*(?:more\s+)?(?:people|users|persons|seats)"
    r"\s+(?:to|on)\s+(?:my|our|the)\s+team\b"
    r"|\b(?:team\s?mates?|team\s+members?|colleagues?|co-?workers?)\b(?:\s+[\w'-]+){0,4}?\s+"
    r"(?:as\s+(?:an?\s+)?(?:admin|administrator|owner|viewer)|roles?)\b"
    # "How do I invite someone?": whoever is invited joins the team.
    r"|\b(?:invite|inviting)\s+(?:someone|somebody|people|others|a\s+(?:user|person|friend)|users)\b"
    # "How do I remove someone?" right after a question about the team (follow_ups.people.asks_about_people_before).
    r"|\b(?:remove|removing|delete|deleting|kick)\s+(?:someone|somebody|a\s+(?:user|person|member|teammate)|users|people)\b",
    re.IGNORECASE)
_LISTS_THEM = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and)[,\s]+)?(?:can|could)\s+(?:you|u)\s+(?:list|show|name)\s+(?:them|me\s+them"
                         r"|them\s+(?:to\s+)?me|who\s+they\s+are)(?:\s+please)?\W*$", re.IGNORECASE)
# "Did I sign up with google?": a question about the sign-up done, not a wish to sign up.
_ASKS_OF_THE_PAST = re.compile(r"\b(?:did|have|had|was|were)\s+(?:i|we)\b", re.IGNORECASE)
# What shuts out someone who has the password, and who to turn to: said to a customer who reports an intrusion,
# signed in or not.
_NEW_PASSWORD_STEPS = ("choose **Forgot password** and enter your email address, then choose a new password that nobody "
                       "else knows.")
_PERSON_FOR_AN_INTRUSION = f"a person from our team should look at it with you: would you like me to {OFFER_PERSON} now?"
# "Can I have more than one account?", "i wanna know if i can create several profiles with a single email": whether
# one person may hold several accounts, which the help centre does not say (it got "I don't have enough information").
# Asked, not told: "I have two accounts and both were charged" is about the charges.
_SEVERAL_ACCOUNTS = re.compile(
    r"\b(?:more\s+than\s+one|several|multiple|two|2|many|a\s+second)\s+(?:\w+\s+)?(?:accounts?|acounts?|profiles?)\b",
    re.IGNORECASE)
_ASKS_IF_ALLOWED = re.compile(
    r"\b(?:can|could|may)\s+(?:i|we|you)\b|\bis\s+it\s+(?:possible|allowed|ok)\b|\b(?:wanna|want\s+to|need\s+to)\s+know\b"
    r"|\btell\s+me\s+if\b|\ballowed\b", re.IGNORECASE)
# "I want to use my other user account", "can u switch to another profile", "switch between my accounts": signing in with
# the other one, which the chat page does (it got "I don't have enough information", or the email change's steps).
_OTHER_ACCOUNT = re.compile(
    r"\b(?:use|using|switch\w*|chang\w*|go|move)\s+(?:\w+\s+){0,2}?(?:(?:my|the|to|into)\s+)?(?:other|another|second"
    r"|different)\s+(?:(?:online|user)\s+)?(?:accounts?|profiles?)\b"
    r"|\bswitch\w*\s+(?:between\s+)?(?:my\s+|the\s+)?(?:(?:online|user)\s+)?(?:accounts|profiles)\b", re.IGNORECASE)
# Taking someone off the team, which the help centre's team entry does not describe.
_REMOVES = re.compile(r"\b(?:remove|removing|delete|deleting|kick|kicking)\b", re.IGNORECASE)
# "Will I still be able to log in?", "can I still use my apps?": what still works for a while.
_STILL_SIGNS_IN = re.compile(r"\bstill\s+(?:be\s+able\s+to\s+)?(?:log\s*in|sign\s*in|access|use|get\s+in(?:to)?|see)\b",
                             re.IGNORECASE)
# "Will they lose access right away?", "can they still log in?": what a member keeps of the account.
_ASKS_OF_ACCESS = re.compile(r"\b(?:lose|losing|keep|keeps|still\s+have|cut\s+off|revoked?)\s+(?:their\s+|his\s+|her\s+)?access\b"
                            r"|\bstill\s+(?:be\s+able\s+to\s+)?(?:log\s*in|sign\s*in|see|get\s+in|access)\b"
                            r"|\baccess\s+(?:right\s+away|immediately|straight\s+away|at\s+once)\b", re.IGNORECASE)
# "Someone on my team left the company", "a developer of ours quit": a member to take off the team, said as news (it got
# "I don't have enough information").
_LEFT_THE_TEAM = re.compile(
    r"\b(?:someone|somebody|one|a\s+(?:colleague|co-?worker|developer|dev|member|teammate|team\s+member|contractor|employee)"
    r"|an\s+(?:employee|admin|engineer)|(?:my|our)\s+(?:colleague|co-?worker|developer|dev|contractor|employee|admin))\b"
    r"[^.?!]{0,40}?\b(?:left|quit|has\s+left|is\s+leaving|no\s+longer\s+works?|was\s+(?:fired|let\s+go))\b", re.IGNORECASE)
_REMOVAL_UNDESCRIBED = "Our help centre only describes adding team members"
# What a follow-up to the export's steps asks of the file they make: its format ("what format is it in?", "is it a
# csv?"), or whether it holds something ("does it include my invoices?").
_FILE_FORMAT = re.compile(r"\b(?:ZIP|CSV|JSON|PDF|XLSX|SQL)\b")
_ASKS_THE_FORMAT = re.compile(r"\b(?:what|which)\s+(?:file\s+)?(?:format|type|kind\s+of\s+file)\b|\bin\s+what\s+format\b"
                              r"|^\W*(?:is\s+it|will\s+it\s+be|does\s+it\s+come)\s+(?:as\s+|in\s+)?(?:an?\s+)?"
                              r"(?:zip|csv|json|pdf|excel|xlsx|spreadsheet|sql(?:\s+dump)?)\b|^\W*(?:file\s+)?format\W*$",
                              re.IGNORECASE)
_ASKS_IF_IT_HOLDS = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:does|will|would|is)\s+(?:it|that|the\s+export|the\s+zip"
                               r"|this)\s+(?:also\s+)?(?:include|contain|have|cover|come\s+with|hold)\s+(?P<what>[^?.!]{2,40}?)"
                               r"(?:\s+(?:too|as\s+well))?\s*[?.!]*\s*$", re.IGNORECASE)
_NAMES_INVOICES = re.compile(r"\b(?:invoices?|bills?|receipts?|billing)\b", re.IGNORECASE)
# "How do I set up custom roles?", "how can we create one?": how, not whether.
_ASKS_HOW_TO_SET_UP = re.compile(r"\bhow\b[^.?!]{0,30}\b(?:set(?:\s+(?:them|it|one|those))?\s+up|create|make|add|define"
                                 r"|configure|build)\b", re.IGNORECASE)
# An entry that lists the roles ("The roles are Owner, Admin and Viewer", "roles: …"), not only names them.
_LISTS_ROLES = re.compile(r"\broles?\s*(?::|\(|(?:are|include|includes|such\s+as)\b)", re.IGNORECASE)
# What a member might see that a customer worries about: billing, named in the reply when asked.
_BILLING_WORDS = ("billing", "invoice", "invoices", "payment", "payments", "card", "bills", "bill", "receipts")
# "I don't have access to the email anymore", "lost my old inbox": the address a reset link goes to is out of
# reach, so the reset entry's steps ("enter your email address") cannot work for them.
# "My authenticator is gone", "I can't get my 2fa codes", "new phone": the second factor lost, not asked about.
_LOST_SECOND_FACTOR = ("lost", "lose", "gone", "new phone", "new device", "new mobile", "cant get", "can not get",
                       "deleted", "broken", "broke", "stolen", "wiped", "reset", "no longer", "dont have",
                       "do not have", "recover", "recovery", "back in", "get in", "sign in", "log in", "login",
                       # "My 2fa code isn't working": with two-factor off, no code is asked for (its steps to turn it on
                       # came, as if that were the trouble).
                       "isnt working", "not working", "doesnt work", "dont work", "wont work", "invalid", "rejected",
                       "not accepted")
# "Can I get my data before you delete my account?": getting the data out, which the export entry answers;
# the deletion it is asked ahead of is not what the customer wants to do.
_GETS_DATA = re.compile(
    r"\b(?:get|export|download|save|keep|back\s?up|copy|take|have)\s+(?:a\s+copy\s+of\s+|out\s+)?(?:all\s+)?"
    r"(?:of\s+)?(?:my|our|the)\s+(?:\w+\s+)?data\b",
    re.IGNORECASE,
)


# "Turn off 2fa", "disable two-factor", "remove the authenticator": asks to switch the second factor off.
_TURN_OFF = re.compile(r"\b(?:turn(?:ing)?|switch(?:ing)?|shut(?:ting)?)\s+(?:it\s+|that\s+)?off\b"
                       r"|\b(?:disable|disabling|deactivate|remove|get\s+rid\s+of)\b", re.IGNORECASE)


# "Turn on 2fa for me", "can you enable two-factor on my account": asks the assistant to switch it on.
_TURN_ON_FOR_ME = re.compile(r"\b(?:turn|switch|set)\s+(?:it\s+)?(?:on|up)\b.*\bfor\s+(?:me|us)\b"
                             r"|\b(?:can|could|will|would|please)\s+(?:you\s+)?(?:turn\s+on|enable|activate|switch\s+on)\b",
                             re.IGNORECASE)


# AccountReplies is a BillingReplies: "is my account in good standing?" is told with the subscription's state.
# "I forgot my username", "what's my username? I can't remember it": a visitor who cannot sign in to ask.
FORGOT_USERNAME = re.compile(r"\b(?:forgot|forgotten|lost|can'?t\s+remember|cannot\s+remember|don'?t\s+remember|"
                             r"don'?t\s+know)\s+(?:my\s+|the\s+)?(?:username|user\s+name|login\s+name|user\s*id)\b",
                             re.IGNORECASE)


# "Who tried to log in?": who made the failed sign-ins, which no fact here says.
_ASKS_WHO_SIGNED_IN = re.compile(r"\bwho\b", re.IGNORECASE)


# How the account part says that no action of the chat deletes an account.
_CANNOT_DELETE_HERE = "I can't delete an account from this chat"


class AccountReplies(BillingReplies):
    def _profile_details_asked(self) -> bool:
        """"I want help to update some of the details on my user account", "I need to modify my user profile": the one
        detail the help centre says how to change is the email address, which is said, with a person offered for any
        other. It got "I don't have enough information". False, having said nothing, for another message or without
        the entry."""
        name = own_name_asked_to_change(self.text)
        if (not asks_to_edit_profile_details(self.text) and name is None) or (entry := self._entry_on("email")) is None:
            return False
        if name is not None:
            # "Can I change my username?": no entry says how, which leads, rather than the email's steps alone.
            self.reply.add(f"Our help centre doesn't describe changing your {name}, so I'd rather not guess.")
        self.reply.add(f"The detail our help centre says how to change is your account's email address: {entry.answer}")
        self._cite_faq(entry)
        if name is not None:
            self.reply.add(f"A person from our team can look at changing your {name} with you: would you like me to "
                           f"{OFFER_PERSON}?", answers=False)
        else:
            self.reply.add(f"If it's another detail you'd like to change, tell me which, or I can {OFFER_PERSON} from "
                           "our team.", answers=False)
        return True

    def _export_link_again(self) -> bool:
        """"The link expired", "can I get a new one?" right after the export's steps: a new export sends a fresh link, as
        the entry's steps say ("my answer is the same", or the entry hedged as a guess, came). False, having said
        nothing, for another message or without the entry."""
        if not asks_for_a_new_export_link(self.ctx.message, last_reply=last_assistant_text(self.ctx)):
            return False
        if (entry := self._entry_on("export")) is None:
            return False
        self.reply.add(f"The link only lasts a few days, so start a new export for a fresh one. Our help centre says: "
                       f"{entry.answer}")
        self._cite_faq(entry)
        return True

    def _export_detail_asked(self) -> bool:
        """"What format is it in?", "does it include my invoices?" right after the export's steps: what the entry says of
        the file, or that it doesn't name that among what the file holds (the steps again with a refund's timing as a
        guess, or the invoice list). False, having said nothing, for another message or without the entry."""
        if (entry := self._entry_on("export")) is None:
            return False
        holds = next((s for s in sentences(entry.answer) if _FILE_FORMAT.search(s)), None)
        if holds is None or holds not in last_assistant_text(self.ctx):
            return False
        if _ASKS_THE_FORMAT.search(self.ctx.message):
            self.reply.add(f"It's a {_FILE_FORMAT.search(holds)[0]} file. Our help centre says: {holds}")
        elif (included := _ASKS_IF_IT_HOLDS.match(self.ctx.message)) is not None:
            what = re.sub(r"^(?:my|our|the|all|any)\s+", "", included["what"].strip(), flags=re.IGNORECASE)
            if set(normalise(what).split()) <= set(normalise(holds).split()):
                self.reply.add(f"Yes. Our help centre says: {holds}")
            else:
                self.reply.add(f"Our help centre says what the export holds: {holds} It doesn't mention {what} in it, so "
                               "I'd rather not promise that.")
                invoices = next((m for m in self.facts.faq if "Billing → Invoices" in m.answer), None)
                if _NAMES_INVOICES.search(what) and invoices is not None:
                    self.reply.add(f"Your invoices are kept apart from it: {invoices.answer}", answers=False)
                    self._cite_faq(invoices)
        else:
            return False
        self._cite_faq(entry)
        return True

    def _new_address_confirmed(self) -> bool:
        """"Will I need to verify it?" right after the steps to change the email address: yes, from the link those steps
        say is sent to it, until when the old address stays in use. False, having said nothing, for another message or
        without that entry."""
        if not asks_if_the_change_is_confirmed(self.ctx) or (entry := self._entry_on("change", "email")) is None:
            return False
        confirming = [s for s in sentences(entry.answer) if re.search(r"\bconfirm", s, re.IGNORECASE)]
        self.reply.add(f"Yes. Our help centre says: {' '.join(confirming) or entry.answer}")
        self._cite_faq(entry)
        return True

    def _email_change_to_an_address(self) -> bool:
        """"Can you change my email to …?", or the address alone after asking how: the chat changes no address, and the
        help centre's steps, with the address given, do; that it is the account's already, when it is. False, having
        said nothing, for another message or without the account's facts."""
        new = new_email_given(self.ctx)
        account = self.facts.account
        if new is None or account is None:
            return False
        if new.lower() == account.email.lower():
            self.reply.add(f"{new} is already the email address on your account, so there's nothing to change.")
            return True
        entry = self._entry_on("change", "email")
        steps = f" Our help centre says: {entry.answer}" if entry is not None else ""
        # The new address is not said back: a reply names no address but the account's own (the grounding guard).
        self.reply.add(f"I can't change your email address from this chat, but you can change it to the new one "
                       f"yourself.{steps} The address on your account now is {account.email}.")
        if entry is not None:
            self._cite_faq(entry)
        return True

    def _wrong_email_on_the_account(self) -> bool:
        """"I signed up with the wrong email": the address on the account, and the help centre's steps to change it,
        which the customer takes (the address alone came, and "I don't have enough information"). False, having said
        nothing, for another message or without the account's facts or the entry."""
        account = self.facts.account
        entry = self._entry_on("change", "email")
        if not _WRONG_EMAIL.search(self.ctx.message) or account is None or entry is None:
            return False
        self.reply.add(f"The email address on your account is {account.email}. I can't change it from this chat, but "
                       f"you can: {entry.answer}")
        if account.status == "locked":
            self.reply.add(_UNLOCK_FIRST, answers=False)
        self._cite_faq(entry)
        return True

    def account(self) -> None:
        if asks_us_to_invite(self.ctx.message) and (team := self._entry_on("team")) is not None:
            # "Can you add my colleague to my account?": the entry alone came, as if how had been asked.
            self.reply.add(f"{INVITE_UNDONE} {team.answer}")
            self._cite_faq(team)
            return
        if says_no_account_has_the_address(self.ctx.message):
            self._no_account_for_the_address()
            return
        if (self._tells_the_account_is_not_deleted() or self._tells_how_safe_the_account_is()
                or self._tells_a_visitor_what_two_factor_is()
                or self._tells_whether_two_factor_is_required() or self._sign_in_after_deleting_unsaid()):
            return
        if asks_for_another_second_factor(self.ctx.message, last_reply=last_assistant_text(self.ctx),
                                          asked_before=previous_user_text(self.ctx) or "") and (
                entry := self._entry_on("two", "factor")) is not None:
            self._second_factor_other_than_an_app(entry)
            return
        if (self._what_losing_the_second_factor_would_mean() or self._unlock_already_done()
                or self._no_email_for_the_unlock() or self._how_long_the_lock_lasts()):
            return
        if reports_confirming_email_missing(self.text):
            self._confirming_email_missing()
            return
        if asks_about_single_sign_on(self.text):
            self._single_sign_on()
            return
        if asks_about_password_rules(self.ctx.message):
            self.reply.add("Our help centre doesn't describe the rules a password must meet (its length, or which "
                           "characters it needs), so I'd rather not guess. A person from our team can tell you: would "
                           f"you like me to {OFFER_PERSON}?")
            return
        if (self._deletion_asked_of_us() or self._reset_asked_of_us() or self._email_changed_without_the_old_inbox()
                or self._email_change_to_an_address() or self._wrong_email_on_the_account() or self._new_address_confirmed() or self._authenticator_unnamed()):
            return
        if (self._team_described() or self._members_own_plan_unsaid() or self._removed_members_access_unsaid()
                or self._team_members_unseen()):
            return
        if about_someone_elses_sign_in(self.text) or asks_of_someone_elses_account(self.ctx):
            self._someone_elses_sign_in()
            return
        if self._asks_what_members_may_do():
            self._what_members_may_do()
            return
        if asks_about_team_roles(self.text) and self._custom_roles_by_plan():
            return
        if asks_about_team_roles(self.text) and not asks_how_to(self.text):
            self._what_roles_there_are()
            return
        if self._profile_details_asked():
            return
        if self._asks_about_invoice_details() and self._billing_details():
            # "An invoice for my accountant with our company address on it", read as account (0.82): the help
            # centre's entry on the details invoices carry is the answer, as the billing part gives it.
            return
        account = self.facts.account
        # Down to a low score when it is about what the message names ("the reset email never arrived":
        # worded unlike every phrasing of the reset entry). A signed-in customer's plausible match
        # stands even in other words ("I can't log in" → lost authenticator): the account's facts
        # below drop one that does not fit. A visitor has no facts to check it against, so one that
        # only sounds alike is left out ("how do I sign up?" is not the email-change entry).
        signed_in = self.ctx.customer is not None and account is not None
        match = (self._faq(floor=FAQ_PLAUSIBLE) if signed_in else None) or self._faq_on_topic(
            floor=FAQ_HOW_TO_FOR_VISITOR)
        if asks_when_joined(self.text):
            # "How old is my account?": no entry says when an account was opened (the email change's came, at 0.96).
            match = None
        # "I need to recover my password": the reset, however low its entry scored for the words, and quoted as the
        # answer it is, not as a guess.
        reset_asked = self._entry_on("reset", "password") if asks_to_recover_password(self.text) else None
        if reset_asked is not None:
            match = reset_asked
        # "Closing freemium account": the deletion, quoted as the answer however low it scored for "closing".
        deletion = self._entry_on("delete", "account") if asks_to_close_the_account(self.text) else None
        if deletion is not None:
            match = deletion
        export = self._entry_on("export") if _GETS_DATA.search(self.text) else None
        chosen_export = export is not None
        if export is not None:
            # The data asked for comes out by the export, whatever deletion the message mentions ("before you
            # delete my account"); still offered as a "probably" when it scored low for the message's words.
            match = export
        gives_a_role = asks_to_give_a_role(self.text)
        # "How do I remove her later?" a few turns after inviting a colleague: one of the people named before.
        team_change = (_TEAM_CHANGE.search(self.text) or asks_to_remove_a_named_member(self.text)
                       or (_REMOVES.search(self.ctx.message) and people_named_before(self.ctx) is not None))
        # "She left the company" right after "I need to remove a team member": that member ("not enough information").
        left = _LEFT_THE_TEAM.search(self.ctx.message) or (
            says_they_left(self.ctx.message) and people_named_before(self.ctx) is not None)
        # "We need to add a new developer": someone added to the team, which its words never tied to the entry.
        adds_someone = asks_to_add_someone_to_the_team(self.text)
        team_entry = self._team_entry() if gives_a_role or team_change or left or adds_someone else None
        if team_entry is not None and (_REMOVES.search(self.text) or left):
            self._team_removal_not_described(team_entry)
            return
        if team_entry is not None and gives_a_role:
            self._role_change_not_described(team_entry)
            return
        if team_entry is not None:
            # Adding someone (in a role) is what the team entry answers, however low it scored for the words.
            match = team_entry
        # Entries chosen for what the message asks, not for how its words scored: quoted as the answer, never hedged.
        chosen_for_what_is_asked = [e for e in (team_entry, reset_asked, deletion) if e is not None]
        if _OTHER_ACCOUNT.search(self.text) and not _NAMES_TEAM_PEOPLE.search(self.text):
            self._other_account_is_signed_in_to(signed_in=signed_in)
            return
        if (_SEVERAL_ACCOUNTS.search(self.text) and _ASKS_IF_ALLOWED.search(self.text)
                and not _NAMES_TEAM_PEOPLE.search(self.text)):
            self._several_accounts_not_described()
            return
        if (not signed_in and (WANTS_TO_SIGN_UP.search(self.text) or asks_what_joining_costs(self.ctx.message))
                and self._entry_on("sign", "up") is None
                and not asks_if_a_card_is_needed(self.ctx.message)):  # the billing part says that isn't described
            self._sign_up_not_described()
            return
        if (signed_in and (WANTS_TO_SIGN_UP.search(self.text) or asks_what_joining_costs(self.ctx.message))
                and not _NAMES_TEAM_PEOPLE.search(self.text)
                and not mentions_plans(self.text) and not asks_when_joined(self.text)
                and not _ASKS_OF_THE_PAST.search(self.text)):
            # "How do I sign up?" from a signed-in customer: they have an account, which the reply says, rather than
            # "I don't have enough information". A colleague's account or a plan is the team's or billing's answer.
            self.reply.add(f"You already have an account: you're signed in as **{account.username}**, on the "
                           f"{account.plan} plan, so there's nothing more to sign up for. If you meant an account for "
                           "someone else, or a second one, tell me a bit more and I'll help.")
            return
        if (self._tells_how_to_avoid_a_lock() or self._tells_the_reset_needs_no_password()
                or self._tells_an_expired_link_is_asked_for_again() or self._tells_the_reset_goes_to_the_account_address()):
            return
        if not signed_in and reports_intrusion(self.ctx.message):
            self._intrusion_reported_signed_out()
            return
        if not signed_in and match is not None and self._cannot_reach_reset_email(match):
            self._reset_without_email(match)
            return
        if not signed_in and reports_cannot_sign_in(self.text) and self._ways_back_in():
            return
        if not signed_in and FORGOT_USERNAME.search(self.text):
            # "I forgot my username": asked to sign in and ask again, which is what they cannot do.
            self.reply.add("I can't look an account up while you're not signed in, and our help centre doesn't say how "
                           "to recover a username, so I'd rather not guess. A person from our support team can help "
                           f"you find it: would you like me to {OFFER_PERSON}?")
            return
        if not signed_in:
            if match is not None:
                self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT and match not in chosen_for_what_is_asked)
            # A visitor's how-to that no entry answers gets an honest "I don't know", not a request to
            # sign in: signing in tells the help centre nothing more.
            # "Can you change my email to alice@newmail.com": the steps answer it, and they need no look-up; a sign-in
            # asked for after them read as if they were not the answer.
            change_answered = match is not None and has_cue(self.words, self.norm, "change", "update", "edit", "replace")
            # "Do I need a credit card to sign up?": about joining, which no sign-in answers (one was asked for).
            joining = asks_if_a_card_is_needed(self.ctx.message) or bool(WANTS_TO_SIGN_UP.search(self.ctx.message))
            if (self._asks_about_own_account() and not change_answered) or (
                    match is None and not self._visitor_asks_how_to() and not joining):
                self._ask_to_sign_in("your account's details")
            return
        if self._names_someone_else():
            # "What is the email address of the customer alice?": nothing of theirs is in the facts, and
            # the customer's own email is not the answer to it either.
            self.reply.add("I can only share the details of your own account, so I can't tell you anything about "
                           "anyone else's.")
            if has_cue(self.words, self.norm, *GETTING_IN, "password"):
                # "My coworker bob can't log in, unlock him": nothing of theirs is looked at or changed from this
                # chat; how they get back in themselves is the same for everyone.
                self._what_they_can_do_themselves(answers=False)
            return
        if asks_to_act_on_all_accounts(self.ctx.message):
            # "Unlock all accounts": what this chat can do is said first; the customer's own account is still
            # helped with below, as for any request about it.
            self.reply.add("I can only act on your own account from this chat, so nothing on anyone else's account "
                           "has been looked at or changed.", answers=False)
        if self.facts.action_records and any(r.kind == "account_unlock" for r in self.facts.action_records):
            self._report_actions()
            return
        if self._answers_how_long_the_unlock_takes(account):
            return
        if not account.two_factor_enabled and says_a_code_is_asked(self.ctx.message):
            # "Then why does it ask for a code?" with two-factor off: its state alone ("is currently off") left the
            # question unanswered.
            self.reply.add("Two-factor authentication is off for your account, so signing in to Northwind shouldn't "
                           "ask you for a code: your password alone signs you in. If a page still asks you for one, I "
                           "can't see it from here, so a person from our team can look into it with you: would you "
                           f"like me to {OFFER_PERSON}?")
            return
        if match is not None and reports_cannot_sign_in(self.text) and "team" in normalise(match.question).split():
            match = None  # "I have no access to my account": the team's entry ("give my colleague access") is not it
        opening = _locked_opening(account)
        # "Don't unlock it", "someone else knows my password", "lock my account": lock words that are no request to
        # unlock, said in this message (the text read may carry the question it follows: that one was answered).
        # "What should I do?" right after reporting someone else at the account: that report's answer, what to do.
        kept_locked = kept_locked_asked(self.ctx)
        if kept_locked and account.status == "active":
            self._open_account_kept_safe(account)
            return
        if account.status == "locked":
            reason = _why_locked(account)
            # Said once a conversation, or again when the message is about getting in: every answer
            # opening with it (an email change, a team invite) reads as if nothing else was heard.
            # "My account says suspended", "is my account suspended?": its state, asked in other words ("not enough
            # information" came after the lock).
            # "Why?" right after the lock was told: its reason, told again.
            lock_question = (asks_about_the_lock(self.ctx.message) or bool(_SAID_TO_BE_SUSPENDED.search(self.ctx.message))
                             or (bool(_WHY_ALONE.match(self.ctx.message)) and opening in last_assistant_text(self.ctx)))
            if kept_locked or lock_question or self._about_getting_in() or not any(
                    opening in t.text for t in self.ctx.history if t.role == "assistant"):
                # Told unasked ("is my data encrypted?"), the lock answers nothing: the question still wants its answer.
                about_the_lock = kept_locked or lock_question or self._about_getting_in()
                self.reply.add(f"{opening} — {reason}. We do that to protect it from someone guessing your password.",
                               answers=about_the_lock or asks_to_be_unlocked(self.ctx.message)
                               or has_cue(self.words, self.norm, *GETTING_IN))
                if match is not None and _about_the_lock(match):
                    # The help centre's entry on locks says what this just said: cited as told, so a panel's
                    # technical part quoting the confident entry does not explain the lock a second time.
                    self._cite_faq(match)
            # Whether to start it is the guard's reading too (agents/unlock_requests.py), so what this reply says
            # it will do is what the guard lets through.
            asks_to_unlock = unlock_wanted(self.ctx, text=self.text)
            kept_before = self._kept_locked_earlier()
            inbox_out_of_reach = says_the_old_address_is_out_of_reach(self.ctx.message,
                                                                      last_reply=last_assistant_text(self.ctx))
            advice = advice_on_unlocking_asked(self.ctx.message)
            # "We lost access to our old domain": the lock may be what keeps them out, so the unlock is offered.
            access_elsewhere = access_to_something_else(self.ctx.message)
            if kept_locked:
                self._keep_it_locked(account)
                return
            if kept_before and not asks_to_unlock:
                # Kept because someone else was said to be getting at it, not because the customer asked.
                why = (" while someone else may be trying to get in" if not any(
                    t.role == "user" and refuses_unlock(t.text) for t in self.ctx.history) else ", as you asked")
                self.reply.add(f"It stays locked{why}. When you want it open again, reset your password "
                               "from the sign-in page (that unlocks it too) or ask me to unlock it.", answers=False)
            elif (asks_to_unlock or lock_question) and account.unlock_declined:
                # Asking again is the same request, for the same person to decline: a person it is.
                note = account.unlock_declined_note.strip().rstrip(".")
                self.reply.add("A member of our team reviewed the request to unlock it and couldn't approve it yet"
                               + (f": {note}." if note else ".") + " I can't unlock it myself after that. A person "
                               f"from our team can help you confirm it's you: would you like me to {OFFER_PERSON}?")
            elif (asks_to_unlock or lock_question or reports_failed_password_attempts(self.ctx.message)) and (
                    account.unlock_pending):
                self.reply.add("Your request to unlock it is already with a member of our staff, who needs to confirm "
                               "it's you. It's still locked for now; you'll hear from us here once it's done.")
            elif asks_to_unlock:
                # Whether the unlock happens now or waits for a staff member is told once, after the
                # action port answers (workers/actions.describe_actions).
                self.reply.add("As you're signed in here, I'll start the unlock for you. Afterwards, if "
                               "you're not sure of your password, use **Forgot password** on the sign-in page "
                               "rather than guessing again.")
                self.reply.actions.append(ProposedAction(kind="account_unlock", reason="customer asked; signed in"))
            elif inbox_out_of_reach:
                # "I don't have access to it anymore" after the address was told: the reset that would unlock it mails
                # that address, so the unlock is offered instead (it was started unasked, "access" read as getting in).
                self.reply.add(f"A password reset would unlock it, but its link goes to {account.email}, which you "
                               "can't reach now. As you're signed in here, I can start the unlock for you instead: if "
                               f"you'd like that, {OFFER_UNLOCK}. Once you're back in, you can change the address under "
                               "**Settings → Profile**; the link to confirm it goes to the new address.")
            elif (lock_question or access_elsewhere or advice or reports_failed_password_attempts(self.ctx.message)
                  or (not account.two_factor_enabled and (
                    reports_lost_second_factor(self.text)
                    or (TWO_FACTOR.search(self.text) and not asks_if_two_factor_is_on(self.text)
                        and not asks_how_to(self.text))))):
                # "I tried my password five times": what locked it, with the unlock offered as to a question about it.
                # "I lost my 2fa phone" while locked, with two-factor off: no code is needed, the lock is what is in
                # the way, and its unlock is offered as to a question about it ("I lost my phone, how do I get in
                # now?" too, whose how-to is getting in).
                self.reply.add(f"As you're signed in here, I can start the unlock for you: if you'd like that, "
                               f"{OFFER_UNLOCK}. Or reset your password from the sign-in page (choose **Forgot "
                               f"password**), which unlocks it straight away.")
            if match is not None and match.score < FAQ_CONFIDENT and any(
                    a.kind == "account_unlock" for a in self.reply.actions):
                match = None  # "login not working": the lock is the answer, not a guess at a how-to entry
        elif account.status == "suspended":
            self.reply.add("Your account is suspended. I can't change that myself, so I'll need to pass you to a "
                           "person from our team.", answers=False)
        if "password" in self.words and not asks_how_to(self.text) and has_cue(
                self.words, self.norm, "what is", "whats", "tell me", "remind me", "show me", "send me"):
            self.reply.add("Passwords are never stored in a form anyone can read, so nobody here, me included, can "
                           "tell you yours. If you've forgotten it, use **Forgot password** on the sign-in page to "
                           "set a new one.")
            return
        # A state question ("is 2fa on for my account?") is answered by the fact itself.
        own = asks_about_own_data(self.text)
        told_state = False
        # "I lost my phone", "new phone, codes don't work": the phone the second factor is on.
        mentions_two_factor = has_cue(self.words, self.norm, "two factor", "2fa", "authenticator", "two-factor",
                                   "verification") or names_two_factor(self.text) or reports_lost_second_factor(self.text)
        cannot_sign_in = account.status == "active" and (
            has_cue(self.words, self.norm, "locked", "lock", "sign in", "cant", "can not", "unlock")
            or reports_cannot_sign_in(self.text))
        # "Why was my account locked?" after it was unlocked: "it isn't locked" would be true and no answer.
        unlocked_at = account.unlocked_at if account.status == "active" else None
        if unlocked_at is not None and has_cue(self.words, self.norm, "locked", "lock", "unlock", "unlocked",
                                               "blocked"):
            lifted = _lifted_lock(account, unlocked_at, by_assistant=self._unlocked_in_this_chat())
            # "Ok unlock it" once it is: the unlock told again behind "my answer is the same", as if nothing was asked.
            self.reply.add(f"It's unlocked already. {lifted}" if asks_to_be_unlocked(self.text) else lifted)
            told_state = True
            # Told with the lock (the tip against a lock again included); two-factor was not asked about.
            cannot_sign_in = False
            if match is not None and _about_the_lock(match):
                match = None  # how to unlock is no help to an account already unlocked
        elif cannot_sign_in:
            self.reply.add(f"Your account ({account.username}) isn't locked — it's active.")
            told_state = True
        if match is not None and account.status == "active" and _about_the_lock(match) and (
                asks_to_be_unlocked(self.text) or not has_cue(self.words, self.norm, "locked", "lock", "unlock", "blocked")):
            # "Something is wrong with my account": how to unlock is no help to an open account. Nor, to "please
            # unlock me", is the entry's "sign in to this chat and ask us to unlock it": it isn't locked (told above).
            match = None
        if not account.two_factor_enabled and not mentions_two_factor:
            if match is not None and about_two_factor(match):
                match = None  # recovery codes and authenticator apps are no help without two-factor on
            if cannot_sign_in:
                self.reply.add("Two-factor authentication is off for your account, so your password is all "
                               "you need. If you're not sure of it, use **Forgot password** on the sign-in page "
                               "rather than guessing: repeated failed sign-ins lock the account.")
        # "Is 2fa on?" is answered by the fact alone (below); "my authenticator is gone" reports losing the codes.
        lost_second_factor = has_cue(self.words, self.norm, *_LOST_SECOND_FACTOR)
        # "I forgot my password and my 2fa phone": the reset entry is the answer, as the one thing needed with two-factor
        # off; turning two-factor on is no help to someone locked out.
        reset = (self._entry_on("reset", "password") if has_cue(
            self.words, self.norm, "forgot my password", "forgot password", "forgotten password", "forgot the password",
            "lost my password", "dont remember my password", "do not remember my password") else None)
        if (mentions_two_factor and not account.two_factor_enabled and (lost_second_factor or reset is not None)
                and (reset is not None or (match is not None and _about_recovery(match)))):
            # "My authenticator is gone": with two-factor off there is no code to recover, so the recovery
            # entry would contradict the fact; the password alone signs in, and a new phone can be set up.
            self.reply.add("Two-factor authentication is currently off for your account, so your password alone "
                           "signs you in: you don't need a code from your authenticator.")
            told_state, match = True, None  # the recovery entry would contradict the fact
            if reset is not None:
                self.reply.add(f"To get back in, reset your password: {reset.answer}")
                self._cite_faq(reset)
            # Setting two-factor up is no help to someone kept out by a lock (the unlock is what they need).
            if reset is None and account.status != "locked" and (enable := self._entry_on("turn on", "two-factor")) is not None:
                phone = " on your new phone" if has_cue(self.words, self.norm, "new phone", "new device",
                                                        "new mobile") else ""
                self.reply.add(f"If you'd like to protect your account with two-factor{phone}, here's how to set "
                               f"it up: {enable.answer}", answers=False)
                self._cite_faq(enable)
        elif mentions_two_factor and _TURN_OFF.search(self.text) and not account.two_factor_enabled:
            # "How do I turn off 2fa?" with it off: the help centre's entry (how to enable it) would answer the
            # opposite question; there is nothing to turn off.
            self.reply.add("Two-factor authentication is already off for your account, so there's nothing to turn "
                           "off: your password alone signs you in.")
            told_state, match = True, None
        elif mentions_two_factor and not account.two_factor_enabled and not lost_second_factor:
            # "2fa", "is 2fa on?", "turn on 2fa for me", "how to set up an authenticator": it is off, and what turns
            # it on is the help centre's entry on enabling it (no action here switches it on for them).
            if _TURN_ON_FOR_ME.search(self.text):
                self.reply.add("I can't turn two-factor on for you from here: it's set up from your own account, "
                               "with your authenticator app to hand.")
            if _ASKS_WHAT_TWO_FACTOR_IS.match(self.ctx.message):
                # "What's two factor?": what it is, before its state and the steps (it got those alone).
                self.reply.add(_TWO_FACTOR_IS)
            if asks_if_two_factor_is_on(self.text) and not _TURN_ON_FOR_ME.search(self.text):
                self._two_factor_off_and_where_to_turn_it_on()
            else:
                self._advise_two_factor(account, once_back_in=account.status == "locked")
            told_state = True
            if match is not None and about_two_factor(match):
                match = None  # the entry on enabling it was just given; recovery codes need it on
        elif mentions_two_factor:
            state = "on" if account.two_factor_enabled else "off"
            self.reply.add(f"Two-factor authentication is currently {state} for your account.", answers=own)
            told_state = True
        if asks_for_the_account_id(self.ctx.message):
            # "What's my account id?": "not enough information" came; no fact holds one, and the help centre names none.
            self.reply.add("I can't see an account ID or number from this chat, and our help centre doesn't mention "
                           f"one. Your account is the one with the username {account.username} and the email address "
                           f"{account.email}. If you need an ID for something, a person from our team can help: would "
                           f"you like me to {OFFER_PERSON}?", answers=True)
            told_state = True
        elif asks_own_username(self.text):
            self.reply.add(f"Your username is {account.username}.", answers=True)
            told_state = True
        if asks_when_joined(self.text) and account.member_since is not None:
            self.reply.add(f"You've had your account ({account.username}) since "
                           f"{account.member_since.isoformat()}.", answers=True)
            told_state = True
        # "Email me a receipt" asks for something by email, not which address the account has; "can I use
        # my domain for email?" about mail on a domain, which no account's address answers.
        if has_cue(self.words, self.norm, "email", "address") and not (
                SEND_BY_EMAIL.search(self.text) and not has_cue(self.words, self.norm, "address", "which email")
        ) and not names_uncovered_topic(self.text, EMAIL_HOSTING) and not self._asks_for_support_address() and not (
                # "An invoice with our company address on it": the address printed on invoices, not the email.
                self._asks_about_invoice_details()):
            # "What email do you have on file?" names no "my", yet asks the account's own address.
            self.reply.add(f"The email address on your account is {account.email}.",
                           answers=own or asks_which_email_is_on_file(self.text))
            told_state = True
        # "Is 2fa on for my account?" is answered by the fact; a how-to FAQ next to it (recovery codes,
        # how to unlock) would answer a question the customer did not ask.
        # "Can you change my email to …" asks how to change it, whatever it is now.
        wants_change = has_cue(self.words, self.norm, "change", "update", "edit", "replace", "new", "switch")
        fact_answers_it = told_state and own and not wants_change
        if account.status == "locked" and match is not None and _about_the_lock(match):
            match = None  # told above, with the unlock when asked for
        standing = asks_standing(self.text)
        if match is not None and how_to_not_asked(self.text, match):
            match = None  # "is everything ok with my account?" is not "how do I delete it?"
        if match is not None and standing and match.score < FAQ_CONFIDENT:
            # "My account status": an entry sharing a word ("the status of Northwind services") is a guess, and the
            # account's own facts answer it.
            match = None
        if (match is not None and match.score < FAQ_CONFIDENT and match not in chosen_for_what_is_asked
                and leans_back(self.ctx.message) and not shares_topic(self.text, match)):
            # "Still cant" after the unlock: a guess at an entry naming nothing it said ("How long does a refund take
            # to arrive?" at 0.42) read as if a refund had been asked about.
            match = None
        if match is not None and self._cannot_reach_reset_email(match):
            self._reset_without_email(match)
        elif match is not None and not fact_answers_it:
            self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT and match not in chosen_for_what_is_asked)
            if account.status == "locked" and _about_the_password_reset(match):
                # The help centre's entry on locks: a reset needs no sign-in, and unlocks the account.
                self.reply.add("Resetting your password this way also unlocks your account straight away.")
            elif account.status == "locked" and not any(a.kind == "account_unlock" for a in self.reply.actions):
                # "Can I change my email?" from a locked account: the how-to needs a sign-in first.
                self.reply.add(_UNLOCK_FIRST, answers=False)
            if chosen_export and has_cue(self.words, self.norm, "delete", "deleted", "deleting", "deletion",
                                         "remove", "removed", "close", "closed"):
                # Whether or when an account is deleted is in no fact here: neither confirmed nor denied.
                self.reply.add("I can't see anything in your account's details about it being deleted, so I "
                               "can't tell you whether or when that would happen. If you'd like to ask, I can "
                               f"{OFFER_PERSON} from our team.", answers=False)
        elif not self.reply.answered and account.status == "active" and self._asks_about_the_account_state(standing):
            # "What's the status of my account?" is answered by it; otherwise it only sets the scene.
            said_suspended = bool(_SAID_TO_BE_SUSPENDED.search(self.ctx.message))
            self.reply.add(f"Your account ({account.username}) is active, on the {account.plan} plan.",
                           answers=standing or said_suspended or (
                               own and has_cue(self.words, self.norm, "status", "state", "active", "ok")))
            if said_suspended:
                # "My account looks to be blocked": it isn't, which is said, with a way on if something still stops them.
                self.reply.add("It isn't locked or suspended. If something still stops you, tell me what you see, or I "
                               f"can {OFFER_PERSON} from our team.", answers=False)
        if (standing and not self.subscription_standing() and asks_if_all_is_well(self.text)
                and account.status == "active" and self.persona in ("resolver", "critic")):
            # The billing facts were not gathered for an account question: what is not looked at is not
            # vouched for ("in good standing" would claim the payments are fine too). A panel's account
            # specialist speaks to the account only; the billing specialist has the payments.
            self.reply.add("That's the account itself; I haven't looked at your payments here. Ask me about your "
                           "subscription or invoices and I'll check those too.", answers=False)

    def _answers_how_long_the_unlock_takes(self, account: AccountFact) -> bool:
        """"How long will approval take?" after the unlock was started, with no refund of theirs waiting: the unlock
        waiting for a member of staff to confirm it's them (the help centre gives no time for that, and says when
        staff are in), or, already unlocked, that nothing waits. Alone its words found the refund's arrival time.
        False, having said nothing, with no unlock asked for or a refund waiting (the refund part's to answer)."""
        if not asks_how_long_approval_takes(self.ctx.message):
            return False
        unlocked = account.status == "active" and (account.unlocked_on_request or self._unlocked_in_this_chat())
        if not (account.unlock_pending or unlocked) or any(
                r.status not in ("completed", "rejected") for r in self.facts.refunds):
            return False
        if unlocked:
            self.reply.add(f"Nothing is waiting for approval: your account ({account.username}) is already unlocked, "
                           "so you can sign in now.")
            return True
        self._unlock_waits_for_staff(account)
        return True

    def _unlock_waits_for_staff(self, account: AccountFact) -> None:
        self.reply.add(f"Your request to unlock your account ({account.username}) is waiting for a member of our "
                       "staff, who needs to confirm it's you. Our help centre doesn't give a time for that, so I can't "
                       "promise you one; you'll hear from us here once it's done.")
        hours = staff_hours_entry(self.facts.faq)
        if hours is not None:
            self.reply.add(f"About when our staff are in, the help centre says: {hours.answer}", answers=False)
            self._cite_faq(hours)

    def _how_long_the_lock_lasts(self) -> bool:
        """"How long do I have to wait?" after the lock was told, "when will it unlock?": the help centre gives a lock
        no time, and no wait is needed (a password reset lifts it at once, or this chat); an account already open has
        nothing to wait for, and an unlock asked for waits for staff. False, having said nothing, for another
        message."""
        if not asks_how_long_a_lock_lasts(self.ctx):
            return False
        account = self.facts.account
        if account is not None and account.status == "active":
            if account.unlocked_on_request or self._unlocked_in_this_chat():
                self.reply.add(f"There's nothing to wait for: your account ({account.username}) is unlocked already, "
                               "so you can sign in now.")
            else:
                self.reply.add(f"Your account ({account.username}) isn't locked — it's active, so there's nothing to "
                               "wait for: you can sign in now.")
            return True
        if account is not None and account.unlock_pending:
            self._unlock_waits_for_staff(account)
            return True
        if account is not None and (opening := _locked_opening(account)) not in last_assistant_text(self.ctx):
            self.reply.add(f"{opening} — {_why_locked(account)}.", answers=False)
        unsaid = "Our help centre doesn't say that a lock lifts by itself after a while, so I can't promise you a time."
        lock_entry = self._entry_on("locked")
        if account is None and lock_entry is not None:
            # A visitor: what the entry says lifts a lock, signing in to this chat included.
            self.reply.add(f"{unsaid} You don't need to wait, though. Our help centre says: {lock_entry.answer}")
        else:
            self.reply.add(f"{unsaid} You don't need to wait, though: resetting your password from the sign-in page "
                           "(choose **Forgot password**) unlocks the account straight away.")
        if account is not None and self.ctx.customer is not None and not account.unlock_declined:
            self.reply.add(f"As you're signed in here, I can also start the unlock for you: if you'd like that, "
                           f"{OFFER_UNLOCK}.", answers=False)
        if lock_entry is not None:
            self._cite_faq(lock_entry)
        return True

    def _unlock_already_done(self) -> bool:
        """"How long will it take?" after this chat unlocked the account (or told it open right after): it is done, and open
        now (it got "my answer is the same" and the unlock told again). False, having said nothing, for another message
        or account."""
        account = self.facts.account
        # The unlock's own reply, or the account's state told right after it ("isn't locked — it's active").
        if account is None or not asks_how_long_it_takes(self.ctx.message) or not self._unlock_told_last(account):
            return False
        self.reply.add("It's done already: your account is active again, so you can sign in now.")
        return True

    def _unlock_told_last(self, account: AccountFact) -> bool:
        """Whether the account is open and the last reply told of this chat's unlock (or told it open right after)."""
        last, before = [*assistant_texts(self.ctx), "", ""][:2]
        told = [text for text in (last, before)
                if any(said in text for said in (*_UNLOCKED_HERE, "I unlocked it for you"))]
        return account.status == "active" and bool(told) and (told[0] == last or "isn't locked" in last)

    def _no_email_for_the_unlock(self) -> bool:
        """"I didn't get the email" after this chat unlocked the account: the unlock sends none, and a reset link, if
        one was asked for, goes to the account's address (it got that address and "I don't have enough information").
        False, having said nothing, for another message or account."""
        account = self.facts.account
        if (account is None or not NOT_RECEIVED.search(self.ctx.message) or not _AN_EMAIL.search(self.ctx.message)
                or not self._unlock_told_last(account)):
            return False
        self.reply.add("The unlock doesn't send an email: I unlocked your account here in the chat, so you can sign in "
                       "now with your password.")
        self.reply.add(f"If you asked for a password reset link, it goes to {account.email}, the address on your account, "
                       "and works for one hour; check its spam folder too. If it still hasn't arrived, I can "
                       f"{OFFER_PERSON} from our team to look into it.", answers=False)
        return True

    def _unlocked_in_this_chat(self) -> bool:
        """Whether this assistant told the customer, earlier in the conversation, that it had unlocked the account
        (the unlock went through at once): then no member of staff did."""
        return any(t.role == "assistant" and any(said in t.text for said in _UNLOCKED_HERE) for t in self.ctx.history)

    def _kept_locked_earlier(self) -> bool:
        """Whether the customer said earlier in the conversation not to unlock the account, or that someone else
        was getting at it."""
        return any(t.role == "user" and wants_it_kept_locked(t.text) for t in self.ctx.history)

    def _keep_it_locked(self, account: AccountFact) -> None:
        """A locked account the customer says not to unlock, or says someone else is getting at: no unlock is
        proposed (that would let whoever has the password back at it). It stays locked; a password reset, when
        they are ready, unlocks it with a password nobody else knows (the help centre's entry on locks), and
        two-factor keeps a password alone from being enough. A person is offered, first when it is an attack."""
        intrusion = reports_intrusion(self.ctx.message) or asks_what_to_do_after_an_intrusion(self.ctx)
        if account.unlock_pending:
            # Asked for earlier and waiting for staff: the agents have no way to withdraw it.
            self.reply.add("There's already a request to unlock it waiting for a member of our staff, and I can't "
                           "withdraw it from here, so it's best to tell a person from our team.", answers=False)
        elif intrusion:
            who = ("I can't see from here who made those sign-ins. " if _ASKS_WHO_SIGNED_IN.search(self.ctx.message)
                   else "")
            self.reply.add(f"{who}I won't unlock it while someone else may be trying to get in: it stays locked.")
        else:
            self.reply.add("Understood: I won't unlock it, so it stays locked.")
        if intrusion or account.unlock_pending:
            self.reply.add(f"A person from our team should look at this with you: would you like me to {OFFER_PERSON} "
                           "now?", answers=False)
        if (lock_entry := self._entry_on("locked")) is not None:
            self._cite_faq(lock_entry)  # the reset that unlocks, said next, is the entry's
        fresh = " Choose a new password that nobody else knows." if intrusion else ""
        self.reply.add("When you're ready to get back in, reset your password from the sign-in page (choose **Forgot "
                       "password**): that also unlocks your account straight away, so do it only when you want it "
                       f"open again.{fresh}", answers=False)
        self._advise_two_factor(account, once_back_in=True)
        if not intrusion and not account.unlock_pending:
            self.reply.add(f"If you'd rather a person from our team checked your account with you, I can {OFFER_PERSON}.",
                           answers=False)

    def _open_account_kept_safe(self, account: AccountFact) -> None:
        """"I'm being hacked, lock my account", "keep my account locked" from an open account: there is no action
        that locks an account from this chat, so none is promised; a password reset and two-factor keep a password
        alone from being enough, and a person is offered (first when it is an attack; the customer asking for one
        is handed over by the orchestrator)."""
        intrusion = reports_intrusion(self.ctx.message)
        if not intrusion and self._unlocked_in_this_chat():
            self._unlocked_already(account)
            return
        if intrusion and self._intrusion_asked_after_its_advice():
            self._whether_someone_is_trying(account)
            return
        nothing = "" if intrusion else ", so there's nothing to unlock"
        self.reply.add(f"Your account ({account.username}) is active: it isn't locked{nothing}.")
        if asks_to_lock(self.ctx.message) or refuses_unlock(self.ctx.message):
            self.reply.add("If you'd like it locked, I'm sorry, I can't do that from this chat: there's no way for me "
                           "to lock an account here.")
        if intrusion:
            self.reply.add(f"{INTRUSION_ADVISED}, {_PERSON_FOR_AN_INTRUSION}", answers=False)
        if (reset := self._entry_on("reset", "password")) is not None:
            self._cite_faq(reset)
        worried = "Meanwhile" if intrusion else "If you're worried someone else could get in"
        self.reply.add(f"{worried}, reset your password so that the old one stops working: on the sign-in page, "
                       f"{_NEW_PASSWORD_STEPS}", answers=False)
        self._advise_two_factor(account, once_back_in=False)
        if not intrusion:
            self.reply.add(f"If you'd rather a person from our team checked your account with you, I can {OFFER_PERSON}.",
                           answers=False)

    def _intrusion_asked_after_its_advice(self) -> bool:
        """"Someone is trying to hack me?", "am I being hacked?" right after what to do about an intrusion was said:
        whether it is one, asked (the same advice came again behind "my answer is the same")."""
        asked = self.ctx.message.rstrip().endswith("?") or asks_yes_or_no(self.ctx.message)
        return asked and INTRUSION_ADVISED in last_assistant_text(self.ctx)

    def _whether_someone_is_trying(self, account: AccountFact) -> None:
        """What the account shows of it (the failed sign-ins that locked it, if any), that nothing here shows who, and
        the person offered again."""
        if reason := account.locked_reason or account.last_lock_reason:
            self.reply.add(f"It could be: your account was locked after {reason}, and if those weren't yours, someone "
                           "may have been trying to guess your password. I can't see from here who made them.")
        else:
            self.reply.add("I can't tell from here: nothing I can see on your account shows who has tried to sign in "
                           "to it.")
        self.reply.add(f"A person from our team can look into it with you: would you like me to {OFFER_PERSON} now? "
                       "Until then, the password reset and two-factor authentication from my last message are what keep "
                       "anyone else out.", answers=False)

    def _intrusion_reported_signed_out(self) -> None:
        """"My account's been hacked and I want to recover it" from a visitor: asked to sign in and ask again, which the
        intruder may have made impossible. Nothing of the account is looked up; what shuts an intruder out (a reset,
        which works without signing in) is said, and a person offered first."""
        self.reply.add(f"I'm sorry. If someone else may have got into your account, {_PERSON_FOR_AN_INTRUSION}",
                       answers=False)
        if (reset := self._entry_on("reset", "password")) is not None:
            self._cite_faq(reset)
        self.reply.add("Meanwhile, reset your password so that the old one stops working: you don't need to be signed "
                       f"in for it. On the sign-in page, {_NEW_PASSWORD_STEPS} If you can no longer get your email, tell "
                       "the person from our team.")

    def _unlocked_already(self, account: AccountFact) -> None:
        """"No, don't unlock it, I'll reset the password myself" after this chat had unlocked it: said so (the
        conversation and the account's facts show it), not "there's nothing to unlock", which read as if it had
        never been locked. The reset is still worth doing (the help centre's steps); the chat cannot lock an
        account, so a person is offered for that. Nothing is done."""
        self.reply.add(f"I'd already unlocked your account ({account.username}) when you told me about the lock "
                       "earlier in this chat, so it's open now: you can sign in.")
        reset = self._entry_on("reset", "password")
        steps = reset.answer.strip() if reset is not None else (
            "On the sign-in page, choose **Forgot password** and enter your email address.")
        steps = steps[:1].lower() + steps[1:]
        if reset is not None:
            self._cite_faq(reset)
        self.reply.add(f"Resetting your password yourself is still a good idea, so that the old one stops working: "
                       f"{steps}", answers=False)
        self._advise_two_factor(account, once_back_in=False)
        self.reply.add(f"If you'd like it locked again, I can't do that from this chat, but a person from our team can "
                       f"look at it with you: would you like me to {OFFER_PERSON}?", answers=False)

    def _two_factor_off_and_where_to_turn_it_on(self) -> None:
        """"Is 2fa on?" with it off: the state, and how it is turned on (the steps, the first sentence of the help
        centre's entry on enabling it); the entry's advice on keeping recovery codes is for once it is set up."""
        self.reply.add("Two-factor authentication is currently off for your account.")
        enable = self._entry_on("turn on", "two-factor")
        if enable is None:
            self.reply.add("If you'd like to turn it on, ask me and I'll tell you how.", answers=False)
            return
        self._cite_faq(enable)
        first_step = re.split(r"(?<=[.!])\s+", enable.answer.strip(), maxsplit=1)[0]
        self.reply.add(f"To turn it on, {first_step[:1].lower()}{first_step[1:]}", answers=False)

    def _advise_two_factor(self, account: AccountFact, *, once_back_in: bool) -> None:
        """Two-factor's state from the facts, and turning it on if it is off: the steps when the help centre's
        entry was gathered, else an offer to give them."""
        if account.two_factor_enabled:
            self.reply.add("Two-factor authentication is on for your account, so a password alone isn't enough to "
                           "sign in: keep your authenticator and recovery codes to yourself.")
            return
        enable = self._entry_on("turn on", "two-factor")
        if enable is not None:
            self._cite_faq(enable)
        # The steps are a sentence of their own ("…to sign in: here's how: Go to …" read as a stammer).
        how = f". Here's how: {enable.answer}" if enable is not None else ": ask me and I'll tell you how."
        turn_on = "Once you're back in, turn it on" if once_back_in else "Turn it on"
        self.reply.add(f"Two-factor authentication is currently off for your account. {turn_on}, so that a password "
                       f"alone isn't enough to sign in{how}")

    def _asks_what_members_may_do(self) -> bool:
        """Whether the message asks what the people on the customer's team may see or do. "They" counts
        when the question it follows names them ("how do I add a teammate?" / "can they see billing?")."""
        found = WHAT_MEMBERS_MAY.search(self.text)
        if found is None:
            return False
        if not re.fullmatch(PRONOUNS, found["who"], re.IGNORECASE):
            return True
        # "What can they see?" after "how many people can I add?" after "can I add my colleague?": the teammates named
        # a question or two before the one that named "people".
        before = earlier_user_texts(self.ctx)[:TOPIC_TURNS] if people_named_before(self.ctx) else [
            previous_user_text(self.ctx) or ""]
        topic = "\n".join([self.text, *before])
        return bool(_NAMES_TEAM_PEOPLE.search(topic[: found.start()] + topic[found.end():]))

    def _what_members_may_do(self) -> None:
        """The help centre's entry on the team's roles, and, when it does not say what each role may see or
        do (billing, say), that plainly, with a person offered instead of a guess."""
        about_roles = next((m for m in self.facts.faq
                            if {"role", "roles"} & set(normalise(f"{m.question} {m.answer}").split())), None)
        billing = has_cue(self.words, self.norm, *_BILLING_WORDS)
        if about_roles is not None:
            self.reply.add("Here's what our help centre says about team members:", answers=False)
            self.reply.add(about_roles.answer)
            self._cite_faq(about_roles)
            answer_words = set(normalise(about_roles.answer).split())
            if billing and answer_words & set(_BILLING_WORDS):
                return  # the entry says it
            # "Can my team see them?" after the guide on environment variables: what its step says is hidden from view.
            hidden = next((re.sub(r"^\s*\d+\.\s*", "", line) for line in last_assistant_text(self.ctx).splitlines()
                           if re.search(r"\bhidden\b", line)), None)
            if hidden is not None:
                self.reply.add(f"From my last message: {hidden}", answers=False)
            deed = WHAT_MEMBERS_MAY.search(self.text)
            what = ("whether a member can see your billing" if billing
                    # "Can she approve refunds?": that, where "what can she see?" asks it all.
                    else f"whether a member can {deed['act'].strip()}" if deed is not None and deed["deed"]
                    else "what each role lets a member see or do")
            self.reply.add(f"It doesn't say {what}, though, and I'd rather not guess: would you like me to "
                           f"{OFFER_PERSON} from our support team who can tell you?", answers=False)
            return
        what = "whether team members can see your billing" if billing else "what team members can see or do"
        self.reply.add(f"I don't have the details of {what} to hand, and I'd rather not guess: would you like me "
                       f"to {OFFER_PERSON} from our support team who can tell you?", answers=False)

    def _team_described(self) -> bool:
        """"We're a team of 10": the team's entry, with what the customer's plan allows for that many; "can each person
        have their own login?": that each is invited by their own email, as the entry says. False, having said nothing,
        for another message or without the entry."""
        size = team_size_said(self.ctx.message)
        if (size is None and not asks_about_own_logins(self.ctx.message)) or (entry := self._team_entry()) is None:
            return False
        self._cite_faq(entry)
        if size is None:
            self.reply.add(f"Yes: each person joins your team by an invitation to their own email address. Our help "
                           f"centre says: {entry.answer}")
            return True
        self.reply.add(f"For a team of {size}, our help centre says: {entry.answer}")
        if (allowed := self._members_the_plan_allows(entry)) is not None:
            plan, most = allowed
            if most is None:
                self.reply.add(f"You're on {plan}, which has no limit on members, so there's room for all of you.",
                               answers=False)
            else:
                room = "enough for" if most >= size - 1 else "not enough for"
                self.reply.add(f"You're on {plan}, which lets you invite up to {most} members: {room} a team of "
                               f"{size} with you.", answers=False)
        return True

    def _members_the_plan_allows(self, entry: FaqMatch) -> tuple[str, int | None] | None:
        """The customer's plan and how many members the team's entry says it lets them invite (None: no limit); None
        for a visitor, or when the entry doesn't say for that plan."""
        if self.ctx.customer is None:
            return None
        plan = self.ctx.customer.plan.capitalize()
        if re.search(rf"\b{plan}\b[^.;]*\bno\s+limit\b", entry.answer):
            return plan, None
        allowed = re.search(rf"\b{plan}\b[^.;]*?\bup\s+to\s+(\d+)\s+members\b", entry.answer)
        return (plan, int(allowed[1])) if allowed else None

    def _members_own_plan_unsaid(self) -> bool:
        """"Do they need their own plan?" after the team's entry: the entry doesn't say a member needs one; what it says
        of members (each invited by their own email, how many the customer's plan allows), and a person. False, having
        said nothing, for another message or without the entry."""
        if not asks_if_members_need_a_plan(self.ctx.message) or (entry := self._team_entry()) is None:
            return False
        self._cite_faq(entry)
        self.reply.add("Our help centre doesn't say a team member needs a plan of their own: each one joins your team "
                       "by an invitation to their own email address, and your plan sets how many you can invite.")
        if entry.answer not in last_assistant_text(self.ctx):
            self.reply.add(f"It says: {entry.answer}", answers=False)
        if (allowed := self._members_the_plan_allows(entry)) is not None:
            plan, most = allowed
            self.reply.add(f"You're on {plan}, which has no limit on members." if most is None
                           else f"You're on {plan}, which lets you invite up to {most} members.", answers=False)
        self.reply.add(f"A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def _team_members_unseen(self) -> bool:
        """"How many team members do we have?", "can you list them?" after the team's entry: who is on the team is not
        among what this chat sees of an account, which is said, with where members are invited and a person. False,
        having said nothing, for another message."""
        asked = asks_who_is_on_the_team(self.ctx.message) or (
            _LISTS_THEM.match(self.ctx.message) and "Settings → Team" in last_assistant_text(self.ctx))
        if not asked:
            return False
        entry = self._team_entry()
        place = next(iter(places_named(entry.answer)), None) if entry is not None else None
        where = f" Our help centre's entry on the team says members are invited under **{place}**." if place else ""
        self.reply.add("I can't see who's on your team from this chat, so I can't count or list your members." + where
                       + f" A person from our team can go through who has access with you: would you like me to "
                       f"{OFFER_PERSON}?")
        if entry is not None:
            self._cite_faq(entry)
        return True

    def _team_entry(self) -> FaqMatch | None:
        """The help centre's entry on the team ("How do I add team members?") when it was gathered."""
        return next((m for m in self.facts.faq if _NAMES_TEAM_PEOPLE.search(m.question)), None)

    def _role_change_not_described(self, entry: FaqMatch) -> None:
        """"Make my colleague an admin": the team entry has a role picked when someone is invited, and nothing on
        changing the role of someone already on the team. Its steps are given as what they are, with a person
        offered for the rest rather than a guess."""
        self.reply.add(f"Our help centre describes picking a role when you invite someone to your team: {entry.answer}")
        self._cite_faq(entry)
        self.reply.add("It doesn't say how to change the role of someone who is already on the team, and I'd rather "
                       f"not guess. If that's what you need, would you like me to {OFFER_PERSON}?", answers=False)

    def _sign_in_after_deleting_unsaid(self) -> bool:
        """"Will I still be able to log in?" right after the steps to delete the account: what the entry says of the
        grace period, and that it doesn't say whether signing in still works then (the account's lock status came).
        False, having said nothing, for another message or after another reply."""
        if (not _STILL_SIGNS_IN.search(self.ctx.message) or "Delete account" not in last_assistant_text(self.ctx)
                or (entry := self._entry_on("delete")) is None):
            return False
        grace = next((part.strip() for s in sentences(entry.answer) for part in s.split(";") if "grace period" in part),
                     entry.answer)
        grace = f"{grace[:1].upper()}{grace[1:].rstrip('.')}."
        self.reply.add(f"Our help centre says: {grace} It doesn't say whether you can still sign in during that time, "
                       f"and I'd rather not guess: would you like me to {OFFER_PERSON} from our team, who can tell you?")
        self._cite_faq(entry)
        return True

    def _removed_members_access_unsaid(self) -> bool:
        """"Will they lose access right away?" right after removing a member was said not to be described, or "… if I
        remove them?" of the team: when a removed member loses access, which the help centre doesn't say either (what
        members may see came, with "not enough information"). False, having said nothing, for another message."""
        if not _ASKS_OF_ACCESS.search(self.ctx.message):
            return False
        after_removal = _REMOVAL_UNDESCRIBED in last_assistant_text(self.ctx)
        removing = bool(_REMOVES.search(self.ctx.message)) and any(
            _NAMES_TEAM_PEOPLE.search(text) for text in (self.ctx.message, *earlier_user_texts(self.ctx)[:TOPIC_TURNS]))
        if not (after_removal or removing):
            return False
        self.reply.add("Our help centre doesn't describe removing team members, so it doesn't say when someone removed "
                       "loses access either, and I'd rather not guess. A person from our support team can tell you: "
                       f"would you like me to {OFFER_PERSON}?")
        return True

    def _team_removal_not_described(self, entry: FaqMatch) -> None:
        """"Can I remove a team member?": the team entry says how to invite, not how to take someone off; that is
        said plainly, with what else it says about team members, and a person offered rather than a guess. Its
        steps (a menu path, "Settings → Team → Invite") are left out: quoted here they read as the way to remove."""
        if _REMOVAL_UNDESCRIBED in last_assistant_text(self.ctx):
            # "She left the company" right after it was said: heard, with the person, not the same reply again.
            self.reply.add("Understood. As removing someone from the team isn't described in our help centre, a person "
                           f"from our team can help you with it: would you like me to {OFFER_PERSON}?")
            self._cite_faq(entry)
            return
        about_members = " ".join(s for s in sentences(entry.answer) if "→" not in s)
        self.reply.add(f"{_REMOVAL_UNDESCRIBED}, not removing them, and I'd rather not "
                       "guess how." + (f" Here's what else it says about team members: {about_members}"
                                       if about_members else ""))
        self._cite_faq(entry)
        self.reply.add(f"Would you like me to {OFFER_PERSON} from our support team who can tell you how?",
                       answers=False)

    def _custom_roles_by_plan(self) -> bool:
        """"Can I set custom roles?": the part of the team's entry that says which plan has them, and whether the
        customer's is that plan. It got the whole entry as a guess ("I think you're asking about …"). False, having
        said nothing, when custom roles are not asked about or no entry names them."""
        if not CUSTOM_ROLES.search(self.text):
            return False
        entry = next((m for m in self.facts.faq if CUSTOM_ROLES.search(m.answer)), None)
        if entry is None:
            return False
        part = next(p.strip() for s in sentences(entry.answer) for p in s.rstrip(".").split(";") if CUSTOM_ROLES.search(p))
        told = f"our help centre says: {part[:1].upper()}{part[1:]}."
        plan = self.ctx.customer.plan if self.ctx.customer is not None else None
        how = _ASKS_HOW_TO_SET_UP.search(self.text)
        if how and CUSTOM_ROLES_TOLD in last_assistant_text(self.ctx):
            pass  # "how?" right after which plan has them: that is not told twice
        elif plan is None:
            self.reply.add(told[:1].upper() + told[1:])
        elif re.search(rf"\b{re.escape(plan)}\b", part, re.IGNORECASE):
            self.reply.add(f"Yes: you're on {plan}, and {told}")
        else:
            self.reply.add(f"Not on your plan: you're on {plan}, and {told}")
        self._cite_faq(entry)
        if how:
            # "How do I set up custom roles?": the entry says which plan has them, not how they are made.
            place = next(iter(places_named(entry.answer)), None)
            picked = (f" What it says of roles is that you pick one for each member you invite under **{place}**."
                      if place is not None else "")
            self.reply.add(f"{'It' if self.reply.paragraphs else 'Our help centre'} doesn't describe how custom roles are "
                           f"set up.{picked} A person from our team can tell you more: would you like me to "
                           f"{OFFER_PERSON}?")
        return True

    def _what_roles_there_are(self) -> None:
        """"What roles are there?": the help centre's entry on team members, which speaks of roles; when no entry
        lists them, that is said first, and a person offered for what each role may do rather than a guess."""
        about_roles = [m for m in self.facts.faq if {"role", "roles"} & set(normalise(f"{m.question} {m.answer}").split())]
        # The entry on the team before one that names roles in passing ("Business adds team roles").
        about_roles.sort(key=lambda m: not _NAMES_TEAM_PEOPLE.search(m.question))
        listing = next((m for m in about_roles if _LISTS_ROLES.search(m.answer)), None)
        if listing is not None:
            self._quote_faq(listing, hedge=False)
            return
        if not about_roles:
            self.reply.add("Our help centre doesn't say which roles a team member can have, and I'd rather not guess: "
                           f"would you like me to {OFFER_PERSON} from our support team who can tell you?")
            return
        entry = about_roles[0]
        self.reply.add("Our help centre doesn't list the roles a team member can have. Here's what it says about "
                       f"team members: {entry.answer}")
        self._cite_faq(entry)
        self.reply.add("It doesn't say what each role lets a member see or do, though, and I'd rather not guess: would "
                       f"you like me to {OFFER_PERSON} from our support team who can tell you?", answers=False)

    def email_out_of_reach(self) -> bool:
        """Whether the message says the account's address is out of reach: in so many words, or "I don't have access to
        the old one" right after the steps to change it (one of their sentences came, as a detail of the entry)."""
        return says_the_old_address_is_out_of_reach(self.ctx.message, last_reply=last_assistant_text(self.ctx))

    def _tells_how_safe_the_account_is(self) -> bool:
        """"Is my account safe?": what the account's facts say (locked or not, two-factor on or off), what makes it safer
        from the help centre (two-factor, the lock after failed sign-ins), and that whether anyone else got in is out of
        sight here, with a person. It got "not enough information", or a visitor the entry on locks alone. False, having
        said nothing, for another message or without the entries."""
        if not asks_if_the_account_is_safe(self.ctx.message):
            return False
        enable, lock = self._entry_on("turn on", "two-factor"), next(
            (m for m in self.facts.faq if _about_the_lock(m)), None)
        if enable is None or lock is None:
            return False
        account = self.facts.account
        if self.ctx.customer is None or account is None:
            self.reply.add(f"I can't see an account's details while you're not signed in. What keeps an account safe, as "
                           f"our help centre describes it: {sentences(lock.answer)[0]} And two-factor authentication, "
                           f"so that a password alone isn't enough to sign in: {enable.answer}")
        else:
            state = (f"Your account ({account.username}) is locked — {_why_locked(account)}."
                     if account.status == "locked" else f"Your account ({account.username}) is {account.status}.")
            if account.two_factor_enabled:
                second = "Two-factor authentication is on, so a password alone isn't enough to sign in."
            else:
                second = ("Two-factor authentication is off, so your password alone signs in. Turning it on makes the "
                          f"account safer: {enable.answer}")
            # The lock's entry says why accounts lock; a locked one's own reason has said it.
            self.reply.add(state if account.status == "locked" else f"{state} {sentences(lock.answer)[0]}")
            self.reply.add(second)
            self.reply.add("I can't see from here whether anyone else has tried to get in. If something looks wrong to "
                           f"you, a person from our team can look at it with you: would you like me to {OFFER_PERSON}?",
                           answers=False)
        self._cite_faq(lock)
        self._cite_faq(enable)
        return True

    def _tells_whether_two_factor_is_required(self) -> bool:
        """"Is it required?" after two-factor was explained: the help centre has it turned on by choice, which a signed-in
        customer's own account shows (off, and signing in); with the steps to turn it on. It got the unlock and the
        steps again. False, having said nothing, for another message or without the entry."""
        if (not asks_if_two_factor_is_required(self.ctx.message, last_reply=last_assistant_text(self.ctx))
                or (enable := self._entry_on("turn on", "two-factor")) is None):
            return False
        account = self.facts.account
        if account is not None and not account.two_factor_enabled:
            # Locked, the password alone doesn't sign Carol in: that is the lock's, told elsewhere.
            own = (" It's off on your account now." if account.status == "locked"
                   else " It's off on your account now, and your password alone signs you in.")
        elif account is not None:
            own = " It's on for your account now."
        else:
            own = ""
        self.reply.add("No: our help centre describes two-factor authentication as something you turn on yourself, and "
                       f"doesn't say it's required.{own} It's worth having, though, as someone who learns your password "
                       f"still can't get in without the code. How to turn it on: {enable.answer}")
        self._cite_faq(enable)
        return True

    def _tells_a_visitor_what_two_factor_is(self) -> bool:
        """"What is 2fa?" from a visitor: what it is, and the help centre's steps to turn it on ("not enough
        information"); "do you have 2fa?", that it can be turned on, and how. A signed-in customer is told it with their
        own account's state (account below)."""
        if self.ctx.customer is not None:
            return False
        if _ASKS_IF_TWO_FACTOR_IS_OFFERED.match(self.ctx.message):
            # "Do you have 2fa?": yes, as the entry on turning it on shows.
            if (enable := self._entry_on("turn on", "two-factor")) is None:
                return False
            self.reply.add(f"Yes, you can turn on two-factor authentication for your account. How, from our help "
                           f"centre: {enable.answer}")
            self._cite_faq(enable)
            return True
        if not _ASKS_WHAT_TWO_FACTOR_IS.match(self.ctx.message):
            return False
        self.reply.add(_TWO_FACTOR_IS)
        if (enable := self._entry_on("turn on", "two-factor")) is not None:
            self.reply.add(f"How to turn it on, from our help centre: {enable.answer}", answers=False)
            self._cite_faq(enable)
        return True

    def asks_if_the_account_is_deleted(self) -> bool:
        return bool(_ASKS_IF_DELETED.search(self.ctx.message))

    def _tells_the_account_is_not_deleted(self) -> bool:
        """"Are you sure it's deleted?" after the steps to delete the account: it isn't, which the account's facts show,
        and nothing in this chat deletes one (it got the entry's sentence quoted again). False, having said nothing,
        for another message or without the account's facts."""
        account = self.facts.account
        if account is None or not self.asks_if_the_account_is_deleted():
            return False
        state = f"it's locked ({account.locked_reason.rstrip('.').lower()})" if (
            account.status == "locked" and account.locked_reason) else f"it's {account.status}"
        self.reply.add(f"No, your account ({account.username}) hasn't been deleted: {state}. Nothing in this chat "
                       "deletes an account; you do that yourself once you're signed in.")
        if (deletion := self._entry_on("delete", "account")) is not None:
            self.reply.add(f"Our help centre says: {deletion.answer}", answers=False)
            self._cite_faq(deletion)
        return True

    def _second_factor_other_than_an_app(self, entry: FaqMatch) -> None:
        """"Can I use sms instead?": the help centre describes two-factor with an authenticator app and nothing else,
        which is said with its steps, and a person offered to say whether another way exists."""
        steps = sentences(entry.answer)[0]
        self.reply.add(f"Our help centre describes two-factor authentication with an authenticator app only: {steps} "
                       "It doesn't mention text messages (SMS), security keys or any other way, so I'd rather not guess "
                       f"whether one is possible. A person from our team can check: would you like me to {OFFER_PERSON}?")
        self._cite_faq(entry)

    def _authenticator_unnamed(self) -> bool:
        """"Which app should I use?" right after the steps to turn on two-factor: the help centre names no authenticator
        app, which is said with what its steps do say. False, having said nothing, for another message or without the
        entry."""
        if (not asks_which_authenticator(self.ctx.message, last_reply=last_assistant_text(self.ctx))
                or (entry := self._entry_on("two", "factor")) is None):
            return False
        told = [s for s in sentences(entry.answer) if "authenticator app" in s]
        self.reply.add("Our help centre doesn't name a particular authenticator app, so I'd rather not recommend one. "
                       f"What it says: {' '.join(told) or entry.answer}")
        self._cite_faq(entry)
        self.reply.add(f"A person from our team can tell you more: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _deletion_asked_of_us(self) -> bool:
        """"Can you delete my account", "yes I'm sure" after its steps: nothing in this chat deletes an account, which
        is said with the help centre's steps for doing it oneself (it got the steps alone, then "my answer is the
        same"), and for a locked account that it must be opened first. False, having said nothing, for another message
        or without the entry."""
        if (not asks_us_to_delete_the_account(self.ctx.message, last_reply=last_assistant_text(self.ctx))
                or (entry := self._entry_on("delete", "account")) is None):
            return False
        if _CANNOT_DELETE_HERE in last_assistant_text(self.ctx):
            # "Yes I'm sure" right after it: the same reply came again behind "my answer is the same".
            self.reply.add("I understand, but I still can't delete it for you: nothing in this chat can delete an "
                           "account, so it has to be done from the account itself, as in my last message. If you'd "
                           f"like help with it, I can {OFFER_PERSON} from our team.")
            return True
        where = ("from your account's settings" if self.ctx.customer is not None
                 else "once you're signed in")  # a visitor signs in first; a customer here is signed in already
        self.reply.add(f"{_CANNOT_DELETE_HERE}: you do that yourself, {where}. Here's how: {entry.answer}")
        self._cite_faq(entry)
        # Carol's, locked, got the lock and the steps without a word of who deletes it.
        self._lock_lifted_first()
        return True

    def _email_changed_without_the_old_inbox(self) -> bool:
        """"I don't have access to my old email anymore" from a signed-in customer, about the address rather than a
        password: signed in, they change it in their profile, and the confirming link goes to the new address, so the
        old inbox isn't needed. It got "The email address on your account is …" alone, or "not enough information".
        False, having said nothing, for a visitor, a locked account, talk of the password, or without the entry."""
        account = self.facts.account
        recent = " ".join([self.ctx.message, *(t.text for t in self.ctx.history[-4:] if t.role == "user")])
        if (self.ctx.customer is None or account is None or account.status == "locked"
                or not says_the_old_address_is_out_of_reach(self.ctx.message, last_reply=last_assistant_text(self.ctx))
                or _ABOUT_SIGNING_IN.search(recent) or (entry := self._entry_on("change", "email")) is None):
            return False
        self.reply.add(f"As you're signed in here, you can change it without the old inbox: {entry.answer} The link goes "
                       f"to the new address, so you don't need {account.email} for it.")
        self._cite_faq(entry)
        return True

    def _reset_asked_of_us(self) -> bool:
        """"Can you reset my password for me?": nothing in this chat resets a password, which is said with the help
        centre's steps for doing it oneself; after the reset email was reported missing ("can you just reset it for
        me?"), the steps again are no help, and a person is offered to look into it. It got the steps alone (the FAQ
        shortcut). False, having said nothing, for another message, without the entry, or for a locked account whose
        reset email was not reported missing, which the lock's reply answers (a reset unlocks it)."""
        account = self.facts.account
        if (not asks_us_to_reset_the_password(self.ctx.message, said_before=turns_before(self.ctx))
                or (entry := self._entry_on("reset", "password")) is None):
            return False
        missing = any(NOT_RECEIVED.search(turn.text) for turn in self.ctx.history[-6:] if turn.role == "user")
        if account is not None and account.status == "locked" and not missing:
            return False
        if not missing:
            self.reply.add(f"I can't reset a password from this chat, but you can do it yourself: {entry.answer}")
            self._cite_faq(entry)
            return True
        to = f" ({account.email})" if account is not None else ""
        self.reply.add(f"I can't reset a password from this chat: the reset link only goes to the email address on your "
                       f"account{to}. As it hasn't arrived, a person from our team can look into why: would you like "
                       f"me to {OFFER_PERSON}?")
        return True

    def _single_sign_on(self) -> None:
        """"Do you support sso?", "can I log in with google?": what a gathered entry says of it, else that the help
        centre doesn't mention it, with a person offered to say for certain (it got "I don't have enough
        information")."""
        if told := [entry for entry in self.facts.faq if asks_about_single_sign_on(f"{entry.question} {entry.answer}")]:
            self.reply.add(f"Our help centre says: {told[0].answer}")
            self._cite_faq(told[0])
            return
        self.reply.add("Our help centre doesn't mention single sign-on (SSO), or signing in with a Google, GitHub or "
                       "other outside account, so I'd rather not guess whether it's possible. A person from our team "
                       f"can tell you for certain: would you like me to {OFFER_PERSON}?")

    def _no_account_for_the_address(self) -> None:
        """"It says there's no account with that email": signed in, the address the account does use; a visitor, that
        the address may not be the one they signed up with, and a person to find the account."""
        account = self.facts.account
        if self.ctx.customer is not None and account is not None and account.email:
            self.reply.add(f"The email address on your account is {account.email}: that's the one to enter on the "
                           "sign-in and reset pages. If that's the one you entered and it still says so, a person from "
                           f"our team can look into it: would you like me to {OFFER_PERSON}?")
            return
        self.reply.add("Then that address may not be the one your account uses: try any other address you might have "
                       "signed up with, such as a work or an older one. If none of them works, a person from our team "
                       f"can help find your account: would you like me to {OFFER_PERSON}?")

    def _what_losing_the_second_factor_would_mean(self) -> bool:
        """"What if I lose my phone?": with two-factor off, that nothing would keep them out, and what the help centre
        says for when it is on (asked right after the steps to turn it on, it got "two-factor is off" and "not enough
        information"); else the help centre's entry on a lost authenticator. False, having said nothing, for another
        message, or when that entry was not gathered for someone it would answer."""
        if not asks_what_if_the_second_factor_is_lost(self.ctx.message):
            return False
        entry = self._entry_on("lost", "phone")
        account = self.facts.account
        if self.ctx.customer is not None and account is not None and not account.two_factor_enabled:
            self.reply.add("Two-factor authentication is currently off for your account, so losing your phone wouldn't "
                           "keep you out: your password alone signs you in.")
            if entry is not None:
                self.reply.add(f"Once you turn it on, our help centre says what to do if you lose it: {entry.answer}",
                               answers=False)
                self._cite_faq(entry)
            return True
        if entry is None:
            return False
        self.reply.add(f"Our help centre says: {entry.answer}")
        self._cite_faq(entry)
        return True

    def _confirming_email_missing(self) -> None:
        """"I didn't get the verification email": the only such email the help centre describes is the link that
        confirms a new address on an account, which goes to the new address (its entry says so, and that the old one
        is used until then); asked after a sign-up, by a visitor, it describes none. Spam first, then a person."""
        entry = self._entry_on("change", "email")
        account = self.facts.account
        if entry is not None and (self.ctx.customer is not None or confirms_a_changed_address(self.text)):
            lead = ("The link to confirm a new address" if confirms_a_changed_address(self.text)
                    else "If it's the link to confirm a new email address, it")
            current = f" ({account.email})" if account is not None and account.email else ""
            self.reply.add(f"I'm sorry it hasn't arrived. {lead} goes to the new address you entered, not to the one "
                           f"on your account now{current}. Our help centre says: {entry.answer}")
            self._cite_faq(entry)
        else:
            self.reply.add("I'm sorry it hasn't arrived. Our help centre doesn't describe the email sent when you sign "
                           "up, so I can't tell you more about it from here.")
        self.reply.add(f"Check the spam folder of that inbox too. If it still hasn't arrived, I can {OFFER_PERSON} from "
                       "our team to look into it.", answers=False)

    def _someone_elses_sign_in(self) -> None:
        """"My coworker can't log in", "my colleague is locked out": their account is not the customer's, so nothing
        of it is looked at or changed (nor the customer's own lock, which this is not about); what anyone who can't
        get in can do for themselves is the help centre's."""
        whose = "the account you're signed in to" if self.ctx.customer is not None else "an account when its owner is signed in"
        # "She's on my team" after asking to unlock her account: a reason that changes nothing of it.
        team = ("Even for someone on your team: " if says_they_are_on_the_team(self.ctx.message) else "")
        self.reply.add(f"{team}I can only help with {whose}, so I can't look at or change anyone else's account from "
                       "here, and I won't share anything about it.")
        self._what_they_can_do_themselves(answers=True)

    def _ways_back_in(self) -> bool:
        """"I can't log in", "I'm having trouble logging in" from a visitor (who may be locked out of the chat's
        sign-in too): the help centre's ways back in, the password reset's, the lock's and the lost authenticator's,
        each by what it is for, and a person offered. With nothing for it to check, it got "I don't have enough
        information". False, having said nothing, with none of those entries gathered."""
        ways = [(why, entry) for why, entry in (
            ("If you've forgotten your password", self._entry_on("reset", "password")),
            ("If your account is locked", self._entry_on("locked")),
            ("If you've lost the phone with your authenticator", self._entry_on("lost", "phone")),
        ) if entry is not None]
        if not ways:
            return False
        lines = "\n".join(f"- {why}: {entry.answer}" for why, entry in ways)
        self.reply.add(f"Here's what usually gets you back in, from our help centre:\n{lines}")
        for _, entry in ways:
            self._cite_faq(entry)
        self.reply.add(f"If none of these fits, I can {OFFER_PERSON} from our support team, who will reply here.",
                       answers=False)
        return True

    def _what_they_can_do_themselves(self, *, answers: bool) -> None:
        """The help centre's entry on getting back in (the lock's, when a lock is named, else the password reset's)
        as what the other person can do on their own; without either gathered, that they can ask us themselves."""
        # "Is locked out" is the lock's entry; "can't log in", even "please unlock her", the reset's first.
        named_lock = has_cue(self.words, self.norm, "locked", "blocked")
        reset, lock = self._entry_on("reset", "password"), self._entry_on("locked")
        entry = (lock or reset) if named_lock else (reset or lock)
        if entry is not None:
            self.reply.add(f"Here's what they can do themselves, from our help centre: {entry.answer}",
                           answers=answers)
            self._cite_faq(entry)
        opening = "If that doesn't get them back in, they" if entry is not None else "They"
        self.reply.add(f"{opening} can contact our support themselves.", answers=answers and entry is None)

    def _sign_up_not_described(self) -> None:
        """"I want to sign up" from a visitor, with no help-centre entry on signing up: the plans on offer when an
        entry listing them was gathered, and that the steps aren't described, with a person offered, not a guess."""
        if asks_if_joining_is_free(self.ctx.message) and (free := self._entry_on("free", "plan")) is not None:
            # "Is it free to sign up?" (the steps' absence again, behind "my answer is the same"): the plan that costs
            # nothing is what the help centre says of it.
            self.reply.add(f"There's a Free plan, which costs nothing: {free.answer}")
            self._cite_faq(free)
        listing = self._plans_listed()[1]
        if listing is not None and len(plan_prices(listing.answer)) > 1 and not self._faq_quoted(listing):
            self.reply.add(f"Here are the plans we offer, from our help centre: {listing.answer}")
            self._cite_faq(listing)
        self.reply.add("Our help centre doesn't describe the steps to sign up, and I'd rather not guess them. A person "
                       f"from our support team can help you get started: would you like me to {OFFER_PERSON}?")

    def _several_accounts_not_described(self) -> None:
        self.reply.add("Our help centre doesn't say whether one person, or one email address, can have more than one "
                       "account, and I'd rather not guess. A person from our support team can tell you: would you like "
                       f"me to {OFFER_PERSON}?")

    def _other_account_is_signed_in_to(self, *, signed_in: bool) -> None:
        """"I want to use my other user account": on the web, signing in with it (the page's top right); elsewhere the
        conversation stays with the account it was opened for. Nothing of either account is looked at."""
        if self.ctx.channel != "web":
            self.reply.add("This conversation is linked to the account it was opened for, and I can only see that one. "
                           "To ask about your other account, open a conversation for it.")
        elif signed_in:
            self.reply.add("To use your other account, sign out (top right) and sign in with that one: this chat shows "
                           "the details of the account you're signed in with, and only those.")
        else:
            self.reply.add("To use one of your accounts here, sign in (top right) with it: this chat then shows that "
                           "account's details, and only those.")
        self.reply.add(f"If something about having two accounts needs sorting out, I can {OFFER_PERSON} from our team.",
                       answers=False)

    def _cannot_reach_reset_email(self, match: FaqMatch) -> bool:
        return _about_the_password_reset(match) and says_email_out_of_reach(self.text)

    def _reset_without_email(self, match: FaqMatch) -> None:
        """A reset when the customer can't open the inbox it goes to: the entry's own steps send the link
        to the account's email address, so proving who they are another way is a person's job."""
        self.reply.add("Our password reset sends its link to the email address on the account, so without access "
                       "to that inbox the reset can't reach you.")
        self._cite_faq(match)
        if self._address_change_first():
            self.reply.add(f"If that's not possible, I can {OFFER_PERSON} from our support team to help you.",
                           answers=False)
            return
        self.reply.add("In that case a person from our team needs to verify it's really you before they can help "
                       f"you back in, which I can't do from here. Would you like me to {OFFER_PERSON}?",
                       answers=False)

    def _asks_about_invoice_details(self) -> bool:
        """"Our company address on the invoice", "my billing address": the details printed on invoices, not the
        email address ("which email do my invoices go to?" is the account's)."""
        return bool(INVOICE_DETAILS.search(self.text)) and not has_cue(self.words, self.norm, "email", "e-mail")

    def _asks_for_support_address(self) -> bool:
        """"Is there an email address I can write to?": support's address, not the one on the customer's account
        (unless that is named too: "what's my email on file?")."""
        return asks_how_to_reach_support(self.text) and not has_cue(
            self.words, self.norm, "my email", "my e-mail", "my address", "on file", "account email")

    def _tells_the_reset_needs_no_password(self) -> bool:
        """"I don't remember the current one" right after the reset's steps (asked how to change the password): the
        reset needs no password, which is said with its steps. It got "my answer is the same". False, having said
        nothing, for another message."""
        if not _FORGOT_THE_PASSWORD.search(self.ctx.message) or "**Forgot password**" not in last_assistant_text(self.ctx):
            return False
        reset = self._entry_on("reset", "password")
        steps = reset.answer if reset is not None else "Open the sign-in page and choose **Forgot password**."
        self.reply.add(f"That's fine: resetting it doesn't need your current password. {steps}")
        if reset is not None:
            self._cite_faq(reset)
        return True

    def _address_change_first(self) -> bool:
        """Signed in here, the customer can move the account to an address they can open, then ask for the reset: the
        help centre's steps to change it, when gathered. Whether they were told."""
        change = self._entry_on("email", "change") if self.ctx.customer is not None else None
        if change is None:
            return False
        self.reply.add(f"As you're signed in here, you can change that address first: {change.answer}")
        self._cite_faq(change)
        return True

    def _tells_the_reset_goes_to_the_account_address(self) -> bool:
        """"Can you send it to another email?" after a reset link didn't come: the link goes only to the address on the
        account, which a signed-in customer can change first, with a person offered (where invoices go came). False,
        having said nothing, for another message."""
        if not asks_to_send_the_reset_elsewhere(self.ctx.message, said_before=turns_before(self.ctx)):
            return False
        own = f", {self.ctx.customer.email}" if self.ctx.customer is not None else ""
        self.reply.add("I can't send the reset link to another address: our password reset sends it only to the email "
                       f"address on the account{own}.")
        if (reset := self._entry_on("reset", "password")) is not None:
            self._cite_faq(reset)
        self._address_change_first()
        self.reply.add(f"If you can't get into that inbox, I can {OFFER_PERSON} from our support team to help you.",
                       answers=False)
        return True

    def _tells_an_expired_link_is_asked_for_again(self) -> bool:
        """"Link expired" right after the reset's steps: a new link is asked for the same way, and works for as long as
        the entry says. It got the account's lock and "I don't have enough information". False, having said nothing,
        for another message, or without the entry."""
        if (not _LINK_EXPIRED.search(self.ctx.message) or "**Forgot password**" not in last_assistant_text(self.ctx)
                or (reset := self._entry_on("reset", "password")) is None):
            return False
        self.reply.add(f"An expired link can't be used, but you can ask for a new one the same way: {reset.answer}")
        self._cite_faq(reset)
        return True

    def _tells_how_to_avoid_a_lock(self) -> bool:
        """"How do I stop that happening again?" after a lock was told, "how do I avoid getting locked out?": a lock
        comes of failed sign-ins in a row, so not guessing avoids it, and a reset replaces the guess; with the help
        centre's entry on locks. It got the lock told again, or "I don't have a guide on that". False, having said
        nothing, for another message."""
        if not _ASKS_HOW_TO_PREVENT_IT.search(self.ctx.message) or not (
                _NAMES_A_LOCK.search(self.ctx.message) or _NAMES_A_LOCK.search(last_assistant_text(self.ctx))):
            return False
        self.reply.add("An account is locked after failed sign-ins in a row, so the way to avoid that is not to "
                       "guess: if you're not sure of your password, choose **Forgot password** on the sign-in page and "
                       "set a new one instead of trying again.")
        if (entry := self._entry_on("lock")) is not None:
            self.reply.add(f"What our help centre says about locks: {entry.answer}", answers=False)
            self._cite_faq(entry)
        return True

    def _about_getting_in(self) -> bool:
        """"I can't sign in", "locked out", "no access": the message is about getting into the account. Not "how do I
        create an access token?", a credential for the API ("Your account (alice) is active" led "I don't have enough
        information")."""
        words = self.words - {"access"} if _API_CREDENTIAL.search(self.norm) else self.words
        return has_cue(words, self.norm, *GETTING_IN, "password")

    def _asks_about_the_account_state(self, standing: bool) -> bool:
        """Whether the account's state answers this message ("what's the status of my account?", "is my account
        ok?", "login not working"). Said to anything else, "your account is active" only led a reply that had no
        answer ("is my data backed up?", "how do I add a teammate?") into "I don't have enough information"."""
        return standing or self._about_getting_in() or has_cue(self.words, self.norm, "status", "state", "active",
                                                                "standing", "suspended")

    def _visitor_asks_how_to(self) -> bool:
        return self.ctx.customer is None and not asks_about_own_data(self.text)

    def _asks_about_own_account(self) -> bool:
        return has_cue(self.words, self.norm, "my account", "locked", "unlock", "my email", "my plan")


def _locked_opening(account: AccountFact) -> str:
    """How a reply opens the account's lock ("Your account (carol) is locked"), which later replies look for."""
    return f"Your account ({account.username}) is locked"


def _why_locked(account: AccountFact) -> str:
    """"it was locked after five failed sign-ins": why a locked account is, as the lock's record has it."""
    count = f"{account.failed_signins} failed sign-ins" if account.failed_signins else "failed sign-ins"
    reason = account.locked_reason.rstrip(".") if account.locked_reason else f"locked after {count}"
    reason = reason[0].lower() + reason[1:]
    return "it was " + reason if reason.startswith("locked") else reason


def _lifted_lock(account: AccountFact, unlocked_at: datetime, *, by_assistant: bool = False) -> str:
    """The account is open again, since when and on whose say-so, and why it had been locked. An unlock the
    agents' request led to is a member of staff's when it waited for their approval; `by_assistant` when it went
    through at once in this conversation (the customer was told "I've unlocked your account")."""
    on_date = unlocked_at.date().isoformat()
    if by_assistant:
        opened = f"Your account ({account.username}) is active again: I unlocked it for you on {on_date}, as you asked."
    else:
        after = ", after your request" if account.unlocked_on_request else ""
        opened = f"Your account ({account.username}) is active again: a member of our team unlocked it on {on_date}{after}."
    reason = account.last_lock_reason.strip().rstrip(".")
    if not reason:
        return f"{opened} The reason it had been locked wasn't recorded with the lock."
    reason = reason[0].lower() + reason[1:]
    why = f"It had been {reason}" if reason.startswith("locked") else f"It had been locked: {reason}"
    # Said of failed sign-ins only: a lock for another cause was not about guessed passwords.
    guessing = (" We do that to protect it from someone guessing your password. If you're not sure of yours, use "
                "**Forgot password** on the sign-in page rather than guessing, so it doesn't get locked again."
                if any(cause in reason for cause in ("sign-in", "sign in", "signin", "password")) else "")
    return f"{opened} {why}.{guessing}"


def _about_the_password_reset(match: FaqMatch) -> bool:
    words = normalise(match.question).split()
    return "password" in words and ("reset" in words or "forgot" in words)


def _about_recovery(match: FaqMatch) -> bool:
    """The entry on getting back in without the authenticator (recovery codes), not the one on turning it on."""
    return about_two_factor(match) and "recovery code" in match.answer.lower() and not {"turn", "enable"} & set(
        normalise(match.question).split())


def _about_the_lock(match: FaqMatch) -> bool:
    return "locked" in normalise(match.question).split()
