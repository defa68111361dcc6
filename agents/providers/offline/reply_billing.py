"""The billing part of an offline reply: invoices, payments, the card, the plan, what is due."""

from __future__ import annotations

import calendar
import re
from decimal import Decimal

from agents.about_service import (
    ASKS_IF_GENUINE,
    asks_which_ways_to_pay,
    payment_methods_asked,
    plan_a_way_to_pay_is_for,
    unlisted_payment_methods,
)
from agents.card_changes import (
    BANK_BLOCKS_THE_CARD,
    CARD_ON_FILE,
    asks_for_a_second_card,
    asks_to_remove_it,
    asks_to_stop_the_card_after_misuse,
    reports_card_lost,
    reports_card_misused,
    says_charged_without_an_account,
)
from agents.context import HistoryTurn
from agents.covered_before import covered_in_the_reply
from agents.cues import has_cue
from agents.details_for_a_person import CANCELLATION_UNSEEN, RENEWAL_DATE_CHANGE_UNDESCRIBED
from agents.facts import InvoiceFact, PaymentFact, PlanFact, RefundFact
from agents.follow_ups.billing import (
    INVOICE_NOT_CHANGED,
    INVOICES_ALL_AT_ONCE,
    INVOICES_AS_PDF,
    NONPAYMENT_UNSAID,
    PAYMENT_FAILURE_TOLD,
    RETRY_TOLD,
    WHAT_LOOKS_WRONG,
    asks_for_the_failed_ones_receipt,
    asks_if_any_failed,
    asks_if_the_retry_charges_twice,
    asks_of_an_invoice_detail_after_its_steps,
    asks_of_the_failed_one_listed,
    asks_us_to_try_it_now,
    invoice_download_asked,
    invoice_format_asked,
    nonpayment_asked_again,
    reports_a_payment_refused,
    reports_card_replaced,
    says_it_was_cancelled,
    says_what_looks_wrong,
)
from agents.follow_ups.go_aheads import says_it_is_done
from agents.follow_ups.history import last_assistant_text, previous_user_text
from agents.follow_ups.leaning_back import asks_how_to_do_it, asks_the_amount_of_it, leans_back
from agents.follow_ups.offers import OFFER_PERSON, OFFER_REFUND
from agents.follow_ups.people import members_priced_after_the_team
from agents.follow_ups.plan_moves import CANCELLING
from agents.follow_ups.plans import (
    HOW_MUCH_ALONE,
    TRIAL_UNDESCRIBED,
    WHICH_PLANS,
    asks_the_amount_of_the_renewal,
    free_plan_duration_asked,
    period_of_the_prices_said,
    plan_stated,
)
from agents.follow_ups.topic import with_topic
from agents.mailings import email_told_of
from agents.outcome import FaqMatch, Source
from agents.own_data import (
    ASKS_ABOUT_BILLING_EMAIL,
    ASKS_IF_ON_A_PLAN,
    INVOICES_TO_SOMEONE_ELSE,
    ON_OLD_INVOICES,
    REISSUE_ASKED,
    SECOND_ADDRESS_UNDESCRIBED,
    SENDS_NO_EMAIL,
    asks_about_a_coming_invoice,
    asks_about_own_data,
    asks_for_an_invoice_detail_on_file,
    asks_for_billing_document,
    asks_for_document_copy,
    asks_how_to,
    asks_payment_history,
    asks_standing,
    asks_when_we_retry,
    declines_refund,
    gives_an_address_to_send_to,
    gives_an_invoice_detail,
    invoice_detail_asked,
    names_billing_document,
    names_receipt,
    plan_said_to_be_on,
    reports_plan_not_applied,
    says_an_invoice_lacks_them,
    says_there_is_no_other_card,
    wants_a_document,
)
from agents.plan_change_charges import says_charged_after_downgrading
from agents.providers.offline.payment_periods import period_of_a_sum_asked
from agents.providers.offline.reply_base import (
    AMOUNT,
    CARD_CHANGED,
    EXTENSION_CUES,
    FAQ_CONFIDENT,
    FAQ_PLAUSIBLE,
    FIRST_INVOICE,
    LATE_PAYMENT_CUES,
    LATEST_INVOICE,
    OWED_CUES,
    SEND_BY_EMAIL,
    WriterBase,
    invoice_line,
    invoice_numbers,
    joined_with_and,
    money,
    one_per_invoice,
    plan_prices,
    sentences,
    topic_words,
)
from agents.providers.offline.text import normalise
from agents.refund_requests import (
    asks_for_both_charges,
    asks_if_charged_twice,
    reports_charged_twice,
    says_something_done_twice,
    supposes_a_charge_taken_twice,
)
from agents.service_terms import (
    ASKS_ABOUT_PAYING_YEARLY,
    ASKS_ABOUT_PRICING,
    PLAN_DOWN,
    PLAN_UP,
    RENEWAL_TOLD,
    TRYING_A_PAID_PLAN,
    amount_asked_why,
    asks_about_a_cancellation_fee,
    asks_about_a_commitment,
    asks_about_an_extra_fee,
    asks_about_paying_monthly,
    asks_about_payment_terms,
    asks_for_a_special_price,
    asks_for_our_bank_details,
    asks_how_long_free_lasts,
    asks_how_often_it_renews,
    asks_how_to_get_an_invoice,
    asks_if_a_card_is_needed,
    asks_if_the_price_changed,
    asks_price_per_seat,
    asks_to_change_the_renewal_date,
    asks_what_nonpayment_does,
    figure_asked_as_a_charge,
    reports_payment_trouble,
    saving_asked_of_a_move,
    tier_not_ours,
    who_may_pay_less,
)
from agents.taxes import REVERSE_CHARGE, TAX_UNSAID, asks_if_tax_is_added
from agents.yes_or_no import answered_as_asked, asks_yes_or_no, without_yes_or_no

# "When did I cancel?", "what date was my subscription cancelled?": the cancellation's date, asked of the records.
_ASKS_WHEN_CANCELLED = re.compile(r"\b(?:when|what\s+(?:date|day))\s+(?:did|was|were)\s+(?:i|we|my|our|it|the)\s*(?:\w+\s+)?"
                                  r"cancel(?:l?ed)?\b", re.IGNORECASE)
# "… if I don't like it?", "what if we cancel?": a case put, not the customer's records asked for.
_IF_I = re.compile(r"\b(?:if|in\s+case)\s+(?:i|we)\b", re.IGNORECASE)
# The plan a relative one is counted from, when the message names it ("the tier above pro").
PLAN_COUNTED_FROM = re.compile(r"\b(?:above|below|after|from|than|over|under)\s+(?:the\s+)?(\w+)", re.IGNORECASE)
NEW_ONE_ADDED = re.compile(r"\b(?:updated|changed|added|replaced|saved|entered|put\s+in)\b[^.?!]{0,20}\bnew\s+one\b",
                           re.IGNORECASE)
# "I was charged $29 but I cancelled last month", "why was I billed after I cancelled?", "I cancelled my plan and still got
# charged": a charge the customer thinks came after cancelling.
# "Can you change my card?", "please update the card on my account": a change asked of us, which no action makes.
ASKS_US_TO_CHANGE_THE_CARD = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:you|u)|please)\s+(?:please\s+)?(?:change|update|replace|swap|switch)\s+"
    r"(?:my|the|our)\s+(?:(?:credit|debit|payment)\s+)?(?:card|payment\s+method)\b",
    re.IGNORECASE)
CHARGED_AFTER_CANCELLING = re.compile(
    r"\b(?:charged|billed|paid|taken|charge|bill)\b[^.?!]{0,40}\b(?:but|after|though|although|when|even\s+though)\s+"
    r"(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+)?cancell?ed\b"
    r"|\b(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+)?cancell?ed\b[^?!]{0,40}?\b(?:but|and|yet|so\s+why|why)\s+"
    r"(?:still\s+)?(?:(?:was|were|got|been|am|are|did|have|has)\s+)?(?:(?:i|we|you)\s+)?(?:still\s+)?(?:been\s+)?"
    r"(?:charged|billed|charge|bill)\b"
    # "I was charged after cancelling", "billed despite my cancellation" (the invoice list came).
    r"|\b(?:charged|billed|charge|bill)\b[^.?!]{0,40}\b(?:after|since|despite)\s+(?:my\s+|the\s+|our\s+)?(?:cancell?ing"
    r"|cancell?ation)\b"
    # "I've been charged for a plan I cancelled last month!" (the help centre's sentence on cancelling).
    r"|\b(?:charged|billed)\b[^.?!]{0,30}\bfor\s+(?:a|the|my|our)\s+(?:plan|subscription)\s+(?:that\s+)?(?:i|we)(?:'d|'ve|\s+have"
    r"|\s+had)?\s+(?:already\s+)?cancell?ed\b",
    re.IGNORECASE,
)
# "Why was I charged more this month?", "why is my bill so high?", "why is it higher than usual?": a charge or a bill
# that seems larger than before. Bob, charged twice in November, got his last payment and the invoice list.
ASKS_WHY_MORE = re.compile(
    r"\b(?:higher|bigger|larger|more|greater)\s+(?:than\s+(?:usual|normal|before|last\s+(?:month|time)|expected)"
    r"|this\s+(?:month|time|year))\b"
    r"|\b(?:so|too|very|really)\s+(?:high|much|big|expensive)\b|\b(?:went|gone|go|going)\s+up\b|\bincreased\b"
    r"|\bdoubled\b|\bcharged\s+more\b",
    re.IGNORECASE)
# A word that says the larger amount is a bill's or a charge's, not an app's memory ("why is my memory so high?").
_BILLED = re.compile(r"\b(?:bill|bills|billed|invoice|invoices|charge|charges|charged|payment|payments|paid|pay|price|"
                     r"prices|cost|costs|fee|fees|subscription|cheaper)\b", re.IGNORECASE)
# "Problems with payments", "an error with onlinepayment", "payment issue": something wrong with paying, not named.
PAYMENT_PROBLEM = re.compile(
    r"\b(?:problems?|issues?|errors?|trouble|difficult(?:y|ies))\s+(?:with|on|in|paying|making)\s+"
    r"(?:my\s+|the\s+|a\s+|an\s+|our\s+)?(?:online\s*)?(?:payments?|paying|billing)\b"
    r"|\b(?:payment|billing)\s+(?:problems?|issues?|errors?|trouble)\b"
    # "I have a problem when trying to make a payment" (the invoice list came).
    r"|\b(?:problems?|issues?|errors?(?:\s+messages?)?|trouble|difficult(?:y|ies))\s+(?:when|while)\s+"
    r"(?:trying\s+to\s+|attempting\s+to\s+|i\s+(?:try|tried|attempt|attempted)\s+to\s+)?"
    r"(?:(?:make|making|do|doing)\s+(?:my\s+|the\s+|a\s+|an\s+|our\s+)?payments?|pay|paying)\b",
    re.IGNORECASE)
# "Invoice #12588", "bill number 85632": a number in no format of ours (ours are "NW-1003").
NOT_OUR_INVOICE_NUMBER = re.compile(r"\b(?:invoice|bill|receipt)\s*(?:#|no\.?\s*#?|number\s*#?)\s*(\d{3,})\b",
                                    re.IGNORECASE)
# "How do I change my payment method?", "update payment details": the card on file, changed.
CHANGES_PAYMENT_METHOD = re.compile(
    r"\b(?:chang\w*|updat\w*|replac\w*|switch\w*|edit\w*|swap\w*|modif\w*)\s+(?:my\s+|the\s+|our\s+)?"
    r"(?:payment|billing)\s+(?:method|methods|details|info|information)\b"
    # "Can you charge a different card?", "use another card instead": the card on file replaced by another.
    r"|\b(?:charge|use|try|bill|put\s+it\s+on)\s+(?:a|another|my|the)\s+(?:different|other|new|another)\s+card\b"
    r"|\b(?:charge|use|try|bill)\s+another\s+card\b",
    re.IGNORECASE)
# "I don't recognise a charge on my card", "there's an unknown charge from you", "what is this charge?": a charge the
# customer cannot place. One that names its invoice or amount is answered as that invoice.
UNRECOGNISED_CHARGE = re.compile(
    r"\b(?:don'?t|do\s+not|didn'?t|did\s+not|can'?t|cannot)\s+recogni[sz]e\b[^.?!]{0,30}\b(?:charges?|payments?|transactions?)\b"
    r"|\b(?:unrecogni[sz]ed|unknown|strange|weird|mystery)\s+(?:charges?|payments?|transactions?)\b"
    r"|\bwhat\s+(?:is|was)\s+(?:this|that)\s+(?:charge|payment|transaction)\b",
    re.IGNORECASE,
)
# "I did not authorize this payment", "I never agreed to that", "that's an unauthorised charge": a charge of ours the
# customer says they did not agree to (the invoice list again, after "My answer is the same"). "That" and "it" are a
# charge only right after a reply that named one.
_DISOWNS_A_CHARGE = re.compile(
    r"\b(?:didn'?t|did\s+not|never|haven'?t|have\s+not)\s+(?:authori[sz]ed?|approved?|agreed?|consented?|signed\s+up)"
    r"(?:\s+(?:to|for))?\s+(?P<what>(?:this|that|these|those|it|them|the|any|a)\b(?:\s+\w+)?)"
    r"|\bunauthori[sz]ed\s+(?:charges?|payments?|transactions?|debits?)\b",
    re.IGNORECASE)
_A_CHARGE = re.compile(r"\b(?:charges?|payments?|transactions?|debits?|invoices?|bills?|amounts?|subscriptions?)\b",
                       re.IGNORECASE)
# "Why was I charged?", "why did you bill me?", "why am I being charged?": what the charges are for.
_WHY_CHARGED = re.compile(r"\bwhy\s+(?:was|were|am|are|did|have|has|do|does|is)\s+(?:i|we|you|my\s+card|it)\s+"
                          r"(?:been\s+|being\s+|getting\s+|get\s+)?(?:charg|bill)\w*(?:\s+(?:me|us))?\s*[?.!]*$",
                          re.IGNORECASE)
# "Can you explain my bill?", "help me understand my invoice", "break down our charges".
_EXPLAIN_THE_BILL = re.compile(r"\b(?:explain|break\s+down|understand|walk\s+(?:me|us)\s+through)\b[^.?!]{0,20}\b(?:my|our|the|this)"
                               r"\s+(?:bills?|invoices?|charges?|statements?)\b", re.IGNORECASE)
# The customer's bank said to show a charge: "my bank shows it was charged", "it's on my bank statement as taken".
# Not "can I pay by bank transfer?" nor "which bank cards do you take": a charge is said to be seen.
# "I was charged $31", "my statement shows $31", "you took $31": an amount said to have been taken.
_SAYS_CHARGED = re.compile(r"\b(?:charged|billed|debited|took|taken|deducted|statement|bank\s+shows?)\b", re.IGNORECASE)
BANK_SAYS_CHARGED = re.compile(r"\b(?:bank|statement)\b[^.?!]{0,40}\b(?:charged|taken|debited|deducted|went\s+out)\b"
                               # "My card was charged $29 but the invoice says failed": the card's side, set against the
                               # failure (NW-1002's $29 came, as if the paid one were asked about).
                               r"|\bcard\b[^.?!]{0,20}\b(?:charged|debited)\b[^.?!]{0,60}\b(?:failed|declined)\b"
                               r"|\b(?:failed|declined)\b[^.?!]{0,60}\bcard\b[^.?!]{0,20}\b(?:charged|debited)\b",
                               re.IGNORECASE)
# When, or whether it has happened or will ("did you retry yet?", "have you tried again?", "will you retry the
# payment?"): either way, when it will.
_WHEN = ("when", "how long", "how soon", "what time", "what day", "yet", "already", "did you", "have you", "will you",
         "are you going to", "do you")
# A failed payment asked to be taken again: "can you retry now?", "charge it again".
# "Will you charge me again?" after a failed payment: whether it is taken again (the invoice list came).
ASKS_FOR_A_RETRY = ("retry", "retried", "retrying", "try again", "charge it", "take the payment", "charge me again",
                    "charge my card again", "bill me again")
# "How long until it goes through?", "when will the payment be processed?" after a failed payment: when it is tried
# again (it got the last answer over again, behind "my answer is the same"). Not a transfer or an order of theirs.
_ASKS_WHEN_IT_GOES_THROUGH = re.compile(
    r"\b(?:how\s+long\s+(?:until|till|til|before|will\s+it\s+take\s+(?:for|before|until))|when\s+(?:will|does|should|would|do))"
    r"\s+(?:it|that|the\s+payment|my\s+payment|the\s+charge|the\s+invoice|nw-\d+)\s+"
    r"(?:go(?:es)?\s+through|goes\s+thru|go\s+thru|be\s+(?:charged|paid|processed|taken|retried)|gets?\s+(?:charged|paid|processed)"
    r"|process(?:es|ed)?|clears?)\b", re.IGNORECASE)
_ASKS_WHICH_OR_HOW = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:which|what|where|when|how|why)\b",
                                re.IGNORECASE)
# How the list of invoices opens: a follow-up answered otherwise does not get the list just read again.
INVOICES_LISTED = "Here are your most recent invoices:"
PRICE_CUES = ("cost", "costs", "price", "prices", "priced", "how much", "pay", "charge", "charged", "expensive")
# Terms of payment the customer may ask about that the help centre may or may not state. Asked about, not
# mentioned: "my annual invoice is wrong", "a customer for 12 months", "a cheaper way to run two apps" are not.
DISCOUNT_CUES = ("discount", "discounts", "discounted", "coupon", "coupons", "promo", "promotion", "voucher",
                 "vouchers", "special price", "reduced price")
# "Is there a free trial?", "can you extend my trial?", "trial of pro": a trial, which the help centre doesn't describe.
ASKS_ABOUT_A_TRIAL = re.compile(rf"\btrials?\b|{TRYING_A_PAID_PLAN.pattern}", re.IGNORECASE)
YEARLY_CUES = ("yearly", "annual", "annually", "per year", "once a year")  # in a help-centre sentence
# "My next bill", "the upcoming charge", "when does it renew": the plan's next charge asked about.
NEXT_CHARGE_CUES = ("next", "upcoming", "coming up", "renew", "renews", "renewal")
# "When will I be charged?", "when do you bill us?": the next charge, asked by when (it got the invoice list).
_WHEN_CHARGED = re.compile(
    r"\bwhen\s+(?:will|do|does|would|am|are|is|should)\s+(?:i|we|you|u|my\s+card|our\s+card|it)\s+(?:be\s+|get\s+)?"
    r"(?:charged?|billed?|bill|charging|billing)\b(?!\s+(?:twice|again|for\s+nothing))", re.IGNORECASE)
# "Can I pay it now?" of the renewal just told, "can I pay my next invoice in advance?", "pay it early": a charge not
# yet due paid before its date, which no help-centre entry describes ("my answer is the same" and the renewal again).
_PAYS_AHEAD = re.compile(
    r"\bpay(?:ing)?\s+(?:(?:it|that|this|(?:my|the|our)\s+(?:next\s+)?(?:renewal|invoice|bill|payment|subscription|plan))"
    r"\s+)?(?:now|early|earlier|in\s+advance|ahead(?:\s+of\s+time)?|before\s+(?:then|the\s+date|it'?s\s+due)|right\s+away|"
    r"today)\b|\b(?:early|advance)\s+payment\b",
    re.IGNORECASE)
# "My invoice is wrong", "NW-2002 looks off": a complaint about a charge, not a question about it.
_SOMETHING_WRONG = ("wrong", "incorrect", "not right", "isnt right", "mistake", "overcharged", "too much", "looks off",
                    "doesnt look right", "seems off")
INVOICE_CUES = ("invoice", "invoices", "receipt", "receipts", "bill", "statement", "pdf")
# "My card got declined, I updated it yesterday": the card changed, named before the "it" (with "card" in the
# message, which CARD_CHANGED needs after the verb).
# "Why don't I have any?", "why are there none?": why no invoice is on the account, right after being told so.
_ASKS_WHY_NONE = re.compile(
    r"^\W*(?:(?:but|so|and|ok(?:ay)?)[,\s]+)?(?:why|how\s+come)\s+(?:don'?t|do\s+not|haven'?t|have\s+not|are\s+there|is\s+there"
    r"|aren'?t\s+there)\s+(?:i|we)?\s*(?:have|got|get)?\s*(?:any|none|no\s+invoices?)(?:\s+invoices?)?\s*[?.!]*\s*$",
    re.IGNORECASE)
# How the billing part says there are no invoices, which "why don't I have any?" asks after.
NO_INVOICES_TOLD = "There are no invoices on your account yet"
# "The new one is a visa", "my new card is a mastercard": the card about to replace the one on file.
_NAMES_THE_NEW_CARD = re.compile(r"\bnew\s+(?:one|card)\b[^.?!]{0,20}\b(?:visa|master\s?card|amex|american\s+express)\b",
                                 re.IGNORECASE)
# A card's brand as customers name it, and as the card facts spell it.
_CARD_BRAND = re.compile(r"\b(?:visa|master\s?card|amex|american\s+express)\b", re.IGNORECASE)
_CARD_BRANDS = {"visa": "visa", "mastercard": "mastercard", "master card": "mastercard", "amex": "amex",
                "american express": "amex"}
CHANGED_IT = re.compile(r"\b(?:updated|changed|replaced|renewed|fixed)\s+(?:it|that|this|them)\b", re.IGNORECASE)
# Not being able to pay, in the customer's words rather than "failed" or "declined": "I'm not able to do
# payment", "payment not working", "I can't pay my bill". Read on the normalised text ("can't" is "can not").
CANNOT_PAY = re.compile(
    r"\b(?:can not|could not|couldn'?t|cannot|not able to|unable to)\s+(?:make |do |complete |finish |process )?"
    r"(?:a |the |my |any |this |our )?(?:pay|payment|payments|paying)\b"
    r"|\b(?:payment|payments|paying)\s+(?:is |are |does |do |will |still )?(?:not|never)\s+"
    r"(?:working|work|going through|go through|accepted|being accepted|processing|process)\b"
    r"|\b(?:payment|payments)\s+(?:error|errors|problem|problems|issue|issues|trouble)\b"
    r"|\b(?:trouble|problems?|issues?)\s+(?:with\s+)?(?:paying|my payment|the payment|payment)\b"
)
# "We already did that", "I've done that already", "already done" right after steps were given: done before asking.
_SAYS_IT_IS_ALREADY_DONE = re.compile(
    r"^\W*(?:(?:but|well|yes|yeah|yep|ok(?:ay)?|um+|hm+)[,\s]+)?(?:(?:we|i)(?:'ve|\s+have)?\s+already\s+(?:did|done|added|saved|"
    r"filled\s+in|entered|set)\s+(?:that|it|this|them|those)|(?:we|i)\s+(?:did|have\s+done|'ve\s+done)\s+(?:that|it|this)"
    r"\s+already|already\s+(?:did|done)(?:\s+(?:that|it))?"
    # "We changed it last week", "I updated them yesterday" (the steps again, behind "my answer is the same").
    r"|(?:we|i)(?:'ve|\s+have)?\s+(?:changed|updated|saved|added|entered|fixed|corrected)\s+(?:it|that|this|them|those|the\s+name"
    r"|the\s+details|the\s+address)(?:\s+(?:already|last\s+(?:week|month)|yesterday|today|this\s+(?:week|month)|a\s+(?:while|few\s+days)"
    r"\s+ago|\d+\s+days\s+ago|days\s+ago|weeks\s+ago))?)\W*$", re.IGNORECASE)
# "Which invoice?", "ok which one was it?": which charge an answer just spoke of, asked right after it.
WHICH_INVOICE = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|and|but|sorry|wait)[,\s]+)?(?:which|what)\s+(?:invoice|one|charge|payment|bill)s?"
    r"(?:\s+(?:is|was|were)\s+(?:it|that|this|they|charged\s+twice))?(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "I can't pay by card, can I pay by bank transfer?": another way to pay, asked about; not a failure to explain.
ANOTHER_WAY_TO_PAY = re.compile(
    r"\b(?:can|could|may)\s+(?:i|we)\s+(?:\w+\s+)?pay\s+(?:by|with|via|using|through|in)\b"
    r"|\b(?:other|another|different|alternative)\s+(?:ways?|methods?|options?)\s+(?:to|of)\s+pay"
    r"|\bpayment\s+(?:methods|options)\b",
    re.IGNORECASE,
)
# "What currency am I billed in?", "can I pay in euros?": the currency of the invoices, which each invoice's facts
# hold; whether another is possible, which nothing here says. Not "I was charged 29 USD twice" or "I paid 29 dollars".
ASKS_ABOUT_CURRENCY = re.compile(
    r"\bcurrenc(?:y|ies)\b"
    r"|\b(?:in|with)\s+(?:us\s+)?(?:[€£]|(?:dollars|usd|eur|gbp|euros?|pounds(?:\s+sterling)?|sterling|yen|rupees"
    r"|francs)\b)",
    re.IGNORECASE,
)
# A currency named, by its code: to tell whether the message asks about one the invoices are not in.
CURRENCY_NAMED = {"usd": "USD", "dollars": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR", "€": "EUR",
                  "gbp": "GBP", "pounds": "GBP", "sterling": "GBP", "£": "GBP", "yen": "JPY", "rupees": "INR",
                  "francs": "CHF"}
_ANOTHER_CURRENCY = re.compile(r"\b(?:different|other|another|local|my\s+own|our\s+own)\s+currenc(?:y|ies)\b", re.IGNORECASE)
CURRENCY_NAMES = {"USD": "US dollars (USD)", "EUR": "euros (EUR)", "GBP": "pounds sterling (GBP)"}
# "We were charged in USD but we're in Europe": where the customer is, which says the currency named is not theirs.
_SAYS_WHERE_THEY_ARE = re.compile(r"\b(?:we(?:'re|\s+are)|i(?:'m|\s+am)|(?:we're|i'm|we\s+are|i\s+am)\s+based|based"
                                  r"|located|(?:we|i)\s+live)\s+in\b", re.IGNORECASE)
# "Do your invoices include VAT?", "is tax included?", "do you charge sales tax?": tax on what we charge.
# Not tax paperwork the invoices are wanted for: "an invoice for my tax return", "for tax purposes", "for our taxes".
ASKS_ABOUT_TAX = re.compile(
    r"(?<!\bfor\smy\s)(?<!\bfor\sour\s)(?<!\bfor\sthe\s)\b(?:vat|gst|tax|taxes|taxed|taxation|reverse[\s-]+charge)\b"
    r"(?!\s+(?:returns?|purposes|filings?|season|year|reasons|advis[eo]rs?|accountants?|office)\b)", re.IGNORECASE)
# "Can I get an invoice with a PO number?": a detail on invoices that the help centre's entry on them does not name.
_PO_NUMBER = r"\b(?:po|p\.o\.?)\s*(?:numbers?|nos?\.?|#)|\bpurchase[\s-]+orders?\b"
_NAMES_A_PO_NUMBER = re.compile(_PO_NUMBER, re.IGNORECASE)
# "Can I add my VAT number?", "tax id on invoices", "company name on the invoice", "billing address on invoices":
# the customer's own details printed on invoices, which the help centre's entry on them answers.
# "Where do I add VAT?", "can I put my VAT on invoices": the customer's VAT details added, which is the same entry;
# not VAT added to a price ("do you add VAT to the price?"), which no fact answers.
# "And the address?" after the steps to enter the details invoices carry: one of them named; none when the customer asks
# to change "it".
_A_DETAIL_ASKED = re.compile(r"\b(?:(?:billing|company|postal|office|registered)\s+)?address\b|\bvat\s+(?:number|id)\b"
                             r"|\btax\s+(?:id|number)\b|\bvat\b|\bcompany\s+name\b", re.IGNORECASE)
# "It should be 19", "I expected $19": the amount the customer expected on an invoice.
_SAYS_WHAT_WAS_EXPECTED = re.compile(r"\bshould\s+(?:be|have\s+been|say)\b|\bexpect(?:ed|ing)\b|\bsupposed\s+to\s+be\b",
                                     re.IGNORECASE)
# "How much would that be?", "what's the price?" after paying yearly was told.
_PRICE_ASKED = re.compile(r"\bhow\s+much\b|\bprice[sd]?\b|\bcosts?\b|\bcome\s+to\b", re.IGNORECASE)
# "Can I pay it manually?", "can I pay the failed invoice now?", "can I settle it myself?": paying an invoice by hand, which
# nothing here takes and no entry describes.
_PAYS_BY_HAND = re.compile(
    r"\b(?:pay|settle)\s+(?:it|that|this|them|(?:the|my)\s+(?:failed\s+|unpaid\s+|outstanding\s+)?(?:invoice|bill|balance)|NW-\d+)"
    r"\s+(?:manually|by\s+hand|myself|now|right\s+now|directly|another\s+way|some\s+other\s+way)\b"
    r"|\b(?:pay|settle)\s+(?:manually|by\s+hand)\b",
    re.IGNORECASE)
# "Can you remind me before my plan renews?", "will I get a reminder before I'm charged?", "do you send renewal reminders?":
# a notice ahead of the charge, which the chat can't set and no entry promises.
_REMINDER_BEFORE_RENEWAL = re.compile(
    r"\bremind\s+(?:me|us)\s+(?:before|when|ahead\s+of)\b[^?.!]{0,30}\b(?:renew\w*|charg\w*|bill\w*|pay\w*)"
    r"|\breminders?\s+(?:email\s+)?(?:before|ahead\s+of)\b[^?.!]{0,30}\b(?:renew\w*|charg\w*|bill\w*)"
    r"|\b(?:do|will|would)\s+you\s+send\s+(?:me\s+|us\s+)?(?:a\s+|any\s+)?(?:renewal|billing|payment)\s+reminders?\b",
    re.IGNORECASE)
# "I was charged twice", "we've been billed double": the customer says a charge was taken, beside what else they ask.
_SAYS_IT_WAS_CHARGED = re.compile(r"\b(?:i|we)(?:\s+(?:was|were|got|have\s+been)|'ve\s+been)\s+(?:\w+\s+)?(?:charged|billed)\b"
                                  r"|\byou\s+(?:\w+\s+)?(?:charged|billed)\s+(?:me|us)\b", re.IGNORECASE)
INVOICE_DETAILS = re.compile(
    r"\b(?:vat|tax|gst)\s+(?:number|no|id|registration|code)s?\b|\bcompany\s+(?:name|details|address)\b"
    r"|\b(?:add|put|enter|set|update|change)\s+(?:in\s+)?(?:my\s+|our\s+|the\s+|a\s+)?(?:vat|gst)\b"
    r"(?!\s+(?:to|on|onto)\s+(?:the\s+|your\s+|my\s+)?(?:prices?|plans?|subscriptions?|charges?|bills?)\b)"
    r"|\bbilling\s+(?:address|details)\b(?![^.?!]*\be-?mail)"
    # "My invoice shows the wrong address", "the company name on our invoices is old": the details invoices carry.
    r"|\binvoices?\b[^.?!]{0,25}\b(?:wrong|incorrect|old|outdated|misspelt|misspelled)\s+(?:address|company(?:\s+name)?|name)\b"
    r"|\b(?:address|company\s+name)\s+on\s+(?:my|our|the)\s+invoices?\s+(?:is|are)\s+(?:wrong|incorrect|old|outdated)\b"
    # "We need an invoice addressed to our finance department", "can invoices be made out to my company?": who the
    # invoices name (the invoice list came).
    r"|\binvoices?\s+(?:(?:to\s+be|be|is|are)\s+)?(?:addressed|made\s+out|issued|made)\s+(?:out\s+)?to\s+(?!you\b)"
    r"|\baddress\s+(?:the|my|our)\s+invoices?\s+to\b"
    # "Can we get an invoice with our address on it?" (the email address on file and the invoice list).
    r"|\binvoices?\s+with\s+(?:my|our)\s+(?:company(?:'s)?\s+|business\s+|postal\s+)?(?:name|address|details)\s+on\s+"
    r"(?:it|them)\b"
    r"|" + _PO_NUMBER,
    re.IGNORECASE,
)
DOUBLE_CHARGE_CUES = ("twice", "duplicate", "duplicated", "double", "doubled", "two times", "2 times")
# An amount as a customer types it, with or without "$" ("charged 198 instead of 99"); invoice numbers and
# dates are taken out first.
_QUOTED_NUMBER = re.compile(r"(?<![\w.,])\$?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?![\w,]|\.\d)")
_NOT_AN_AMOUNT = re.compile(r"\bNW-\d+\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b", re.IGNORECASE)


def quoted_numbers(text: str) -> set[Decimal]:
    """Every number the text quotes that could be an amount of money, "$198" and a bare "198" alike."""
    rest = _NOT_AN_AMOUNT.sub(" ", text)
    return {Decimal(whole.replace(",", "") + (cents or "")) for whole, cents in _QUOTED_NUMBER.findall(rest)}


def how_to_not_asked(text: str, match: FaqMatch) -> bool:
    """A how-to entry ("How do I cancel my subscription?") for a message about the state of the customer's
    own account that does not name what the entry does: the facts answer it, the steps would not."""
    question = normalise(match.question)
    if not question.startswith(("how do i", "how can i")) or asks_how_to(text) or not asks_standing(text):
        return False
    # The entry's verb ("cancel", "delete"), when the message says it too, is what the customer wants to do.
    verbs = set(question.split()[3:4])
    return not verbs & set(normalise(text).split())


def asks_about_prices_or_terms(text: str) -> bool:
    """"How much is the next tier?", "can I pay for the whole year up front?", "any discounts?": another
    plan's price or the terms of paying, which are billing questions whatever else the words suggest."""
    norm = normalise(text)
    return bool(PLAN_UP.search(text) or PLAN_DOWN.search(text) or ASKS_ABOUT_PAYING_YEARLY.search(text)
                or has_cue(set(norm.split()), norm, *DISCOUNT_CUES))

# How _explain_failure tells a payment that was refused, whatever the reason.
# How _explain_failure tells a payment refused for an expired card, and "why?" asked of it alone.
_FAILED_FOR_AN_EXPIRED_CARD = re.compile(r"\binvoice (?P<number>NW-\d+) \([^)]*\) didn't go through because the card ending "
                                         r"(?P<card>\d{4}) (?:has\s+|had\s+)?expired\b")
_BARE_WHY = re.compile(r"^\W*(?:(?:but|so|and|ok(?:ay)?)[,\s]+)?(?:why|how\s+come)(?:\s+(?:though|exactly|is\s+that|did\s+it"
                       r"\s+fail))?\s*[?.!]*\s*$", re.IGNORECASE)


def _why_it_failed(reason: str, card: str) -> str:
    """The end of "didn't go through …", from the reason as recorded: a sentence ("The card ending 4242
    expired."), a processor's terse words with the card as subject ("card expired", "card_declined",
    "expired card"), or anything else ("insufficient funds"), which is quoted rather than made a clause."""
    text = " ".join(reason.replace("_", " ").split())
    the_card = f"the card ending {card}" if card else "the card"
    if text and card and card in text:
        return f"because {text[0].lower()}{text[1:]}"
    if subject := re.fullmatch(r"(?:the\s+|your\s+)?card\s+(?:has\s+|had\s+|was\s+)?(.+)", text, re.IGNORECASE):
        happened = subject[1].lower()
        # "card declined": the card didn't decline anything, it was declined.
        if happened in ("declined", "rejected", "refused", "blocked", "denied"):
            happened = f"was {happened}"
        return f"because {the_card} {happened}"
    if re.fullmatch(r"expired\s+card", text, re.IGNORECASE):
        return f"because {the_card} expired"
    if text and card:
        return f"when we tried the card ending {card} (the reason given: {text[0].lower()}{text[1:]})"
    if text:
        return f"(the reason given: {text[0].lower()}{text[1:]})"
    if card:
        return f"when we tried the card ending {card}"
    return "and the payment processor didn't give us a reason"


def _payment_line(payment: PaymentFact) -> str:
    """"- 2026-10-01: $29.00 for invoice NW-1002, card ending 4242: paid": one payment as a line of a list."""
    card = f", card ending {payment.card_last4}" if payment.card_last4 else ""
    state = {"succeeded": "paid", "failed": "failed", "refunded": "refunded"}[payment.status]
    if payment.duplicate:
        state += " (a duplicate charge)"
    return f"- {payment.created_at.date().isoformat()}: {money(payment.amount)} for invoice {payment.invoice_number}{card}: {state}"


def _names_joined(names: list[str], *, opening: bool = False) -> str:
    """"PayPal", "PayPal and crypto", "PayPal, Venmo and crypto"; capitalised to open a sentence."""
    text = joined_with_and(names)
    return text[:1].upper() + text[1:] if opening else text


_NEXT = re.compile(r"\bnext\b", re.IGNORECASE)


def _monthly(price: Decimal) -> str:
    return f"at {money(price)} a month" if price else "which costs nothing"


def on_plan(plan: str, price: Decimal) -> str:
    """"You're on the Pro plan at $29.00 a month", "You're on the Free plan, which costs nothing"."""
    return f"You're on the {plan} plan{' ' if price else ', '}{_monthly(price)}"


# "I want to switch to yearly billing", "move us to annual", "how do I pay yearly?": a change to paying yearly, asked for
# or asked how, which the help centre does not describe.
_SWITCH_TO_YEARLY = re.compile(
    r"\b(?:switch|move|change|go|convert|transfer|put|set)\w*\s+(?:me\s+|us\s+|it\s+|(?:my|our)\s+\w+\s+)?(?:over\s+)?"
    r"(?:to|onto)\s+(?:an?\s+|the\s+)?(?:yearly|annual|annually)\b"
    r"|\bhow\s+(?:do|can|could|would|should)\s+(?:i|we)\s+(?:start\s+)?(?:pay(?:ing)?|(?:be|get)\s+billed)\s+"
    r"(?:yearly|annually|per\s+year|once\s+a\s+year)\b", re.IGNORECASE)


# "… and whether any failed", "… and if any bounced": a second question, of the payments the first asked to see.
_AND_WHETHER_ANY = re.compile(r"\band\s+(?:whether|if)\s+(?:any|one|some)\b", re.IGNORECASE)
# "What is it for?", "what's on it?", "what is invoice NW-1002 for?", "what does it include?": what an invoice bills.
_ASKS_WHAT_IT_IS_FOR = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:what(?:'s|\s+is|\s+was)\s+(?:it|that|this|(?:the|that|this)\s+invoice"
    r"|(?:invoice\s+)?NW-\d+)\s+(?:for|about)|what(?:'s|\s+is)\s+(?:on|in)\s+(?:it|that|this|(?:the|that|this)\s+invoice"
    r"|(?:invoice\s+)?NW-\d+)|what\s+does\s+(?:it|that|this|(?:the|that|this)\s+invoice|(?:invoice\s+)?NW-\d+)\s+"
    r"(?:include|cover|contain|charge\s+for))\s*[?.!]*\s*$", re.IGNORECASE)


# What a customer whose card may be misused is told first: blocking a card and disputing its charges is the bank's.
_YOUR_BANK_BLOCKS_IT = (f"{BANK_BLOCKS_THE_CARD} (the number is on the back of the card): only they can block it and "
                        "dispute the charges you didn't make.")


# "Why do I have 3 invoices?", "why are there so many invoices?": how many there are, for a plan billed monthly.
_WHY_SO_MANY_INVOICES = re.compile(
    r"\bwhy\s+(?:do|have|did)\s+(?:i|we)\s+(?:got\s+|have\s+|get\s+|been\s+sent\s+|received\s+)?(?:\d+|two|three|four|five|six"
    r"|so\s+many|multiple|several|more\s+than\s+one)\s+(?:invoices|bills)\b|\bwhy\s+(?:are|is)\s+there\s+(?:\d+|two|three|four"
    r"|five|six|so\s+many|multiple|several|more\s+than\s+one)\s+(?:invoices|bills)\b", re.IGNORECASE)
# "But I only signed up in september", "we only joined in august" right after the invoice list.
_ONLY_JOINED_IN = re.compile(
    r"^\W*(?:(?:but|and|well|hmm+)[,\s]+)?(?:i|we)\s+only\s+(?:signed\s+up|joined|started|subscribed|registered|upgraded)"
    r"(?:\s+(?:in|on|last|this|at\s+the\s+start\s+of)\s+[\w-]+(?:\s+\d+)?)?\s*[.!?]*\s*$", re.IGNORECASE)
# "I want to upgrade but my card was declined", "card rejected when I tried to switch to pro": a payment refused on the way
# to a paid plan, which leaves no invoice behind.
_DECLINED_ON_A_MOVE = re.compile(
    r"\b(?:upgrad\w*|switch\w*\s+to\s+(?:pro|business)|(?:pay|paying)\s+for\s+(?:pro|business))\b[^.?!]{0,60}\b(?:declin\w*|rejected"
    r"|refused|didn'?t\s+go\s+through|failed)\b|\b(?:declin\w*|rejected|refused)\b[^.?!]{0,60}\bupgrad\w*",
    re.IGNORECASE)
# "I want to upgrade to pro", "to go to business": a move up to a paid plan, asked for.
_UPGRADE_ASKED = re.compile(r"\bupgrad\w*\b|\b(?:move|switch|go|change)\s+(?:up\s+)?to\s+(?:the\s+)?(?:pro|business)\b",
                            re.IGNORECASE)
# The help centre's entry on upgrading, as quoted.
_UPGRADE_STEPS_TOLD = "The upgrade applies at once"

class BillingReplies(WriterBase):
    # Set when a charge named as taken twice wasn't: the duplicate there is is then offered, not filed.
    duplicate_claim_mismatched = False
    # Set when the change of plan asked for was told from the plan the customer is really on: no other entry after it.
    plan_change_told = False

    def billing(self) -> None:
        if _PAYS_BY_HAND.search(self.ctx.message) and any(i.status == "failed" for i in self.facts.invoices):
            # "Can I pay it manually?" about a failed invoice: the failure and its fix came, the question unanswered.
            self.reply.add("I can't take a payment from this chat, and our help centre doesn't describe paying an invoice "
                           "by hand, so here's how it gets paid:", answers=False)
        if (self._why_an_expired_card_failed() or self._invoice_detail_given() or self._has_no_other_card() or self._tells_why_there_are_no_invoices()
                or self._new_card_named() or self._invoices_in_a_format_unsaid() or self._where_invoices_download()
                or self._card_lost_or_removed() or self._retry_charged_once()):
            return
        if self._saving_of_a_move_down() or self._invoices_one_a_month():
            return
        if (self._answers_a_detail_after_its_steps() or self._total_paid_in_a_period() or self.answers_if_on_a_plan() or self._tells_the_period_of_the_prices_said()
                or self._tells_what_the_records_show_of_what_looks_wrong() or self._what_nonpayment_does()
                or self._price_per_seat_unsaid()
                or self._renewal_date_change_unsaid() or self._reminder_before_renewal_unsaid()):
            return
        # Before the invoice named: "will it appear on this month's invoice?" after the details' steps asks of the details;
        # before those steps, which "NW-2002 still doesn't have our VAT number" would get again.
        if self._answers_details_on_old_invoices():
            return
        # Before the service's answers: "we switched to a cheaper plan and were still billed 99" is not the cheaper plan asked.
        if (says_charged_after_downgrading(self.text) and self.ctx.customer is not None and self.facts.has_billing
                and self.facts.subscription is not None):
            self._charged_after_downgrading()
            return
        # Questions about the service rather than the account's records: another plan's price, the
        # terms of payment, sending an invoice. Answered for everyone, signed in or not.
        # "I'm a student, can I get pro for free?" is a discount asked for, not what Free includes (a plan named).
        service_told = ((asks_for_a_special_price(self.text) and self._payment_terms())
                        or self._whether_a_card_is_needed() or self._plans_paid_monthly() or self._tier_not_ours()
                        or self._plans_offered()
                        or self._payment_methods() or self._other_plan() or self._named_plan_price()
                        or self._cancellation_fee() or self._extra_fee_unmentioned() or self._payment_terms()
                        or self._payment_terms_asked() or self._bank_details_asked() or self._send_invoice()
                        or self._billing_details())
        if self._tells_why_the_amount() or self._tells_what_an_invoice_is_for() or self._no_receipt_for_a_failed_payment():
            return
        if self.ctx.customer is None or not self.facts.has_billing:
            if service_told:
                return
            if CHANGES_PAYMENT_METHOD.search(self.text) and (entry := self._entry_on("card")) is not None:
                # The steps are the same for everyone, and nothing of the account is needed to follow them.
                self._quote_faq(entry, hedge=False)
                return
            if reports_a_payment_refused(self.ctx.message) and (entry := self._entry_on("card")) is not None:
                # "My card was declined, what do I have to do?": replacing it is the same for everyone; which invoice
                # failed, and why, needs the account (the request to sign in came alone).
                self.reply.add(f"If your card was declined, our help centre says: {entry.answer}")
                self._cite_faq(entry)
                self._ask_to_sign_in("your invoices or payments")
                return
            # "Tell me about requesting a bill": where invoices are is its answer, however its words scored it.
            how_to_get = self._how_to_get_an_invoice()
            match = how_to_get or self._faq(floor=FAQ_PLAUSIBLE if asks_how_to(self.text) else FAQ_CONFIDENT)
            if match is None and not self._asks_about_own_billing():
                # "Does Business include an SLA?": the help centre's answer is the same for everyone.
                match = self._faq_on_topic()
            if match is not None:
                self._quote_faq(match, hedge=match is not how_to_get and match.score < FAQ_CONFIDENT)
                if self._asks_about_own_billing():
                    self._ask_to_sign_in("your invoices or payments")
            elif self._asks_about_own_billing() or not self.reply.answered:
                # "Is it free?" from a visitor, answered by the panel's other part with the Free plan: nothing of
                # theirs was asked, so no sign-in is either.
                self._ask_to_sign_in("your invoices or payments")
            return
        if reports_plan_not_applied(self.text):
            self._plan_not_applied()
            return
        if (self._tells_the_renewals_amount() or self._tells_how_often_it_renews() or self._tells_the_retrys_amount()
                or self._tells_if_the_email_matches()
                or self._tells_monthly_billing() or self._tells_when_cancelled()):
            return
        if ((CHARGED_AFTER_CANCELLING.search(self.text) or says_it_was_cancelled(self.ctx))
                and self.facts.subscription is not None):
            self._charged_after_cancelling()
            return
        if self._answers_why_it_is_more():
            return
        if self._disowns_a_charge():
            return
        if UNRECOGNISED_CHARGE.search(self.text) and not invoice_numbers(self.text) and not AMOUNT.search(self.text):
            # "I don't recognise a charge on my card": the card's expiry and the invoice list said nothing of which
            # charges are ours.
            self._payment_history()
            unlike = ("If the charge you see isn't one of these, it may not be from us." if self.facts.payments
                      else "So as far as our records show, a charge you see isn't from us.")
            self.reply.add(f"{unlike} Either way, a person from our team can check it with you: would you like me to "
                           f"{OFFER_PERSON}?", answers=False)
            return
        second_card = asks_for_a_second_card(self.text)
        if second_card:
            # "How do I add a second payment card?" got the steps to replace the card as if they answered it.
            self.reply.add("Our help centre only describes replacing the card on file, not adding a second one beside "
                           "it, and I'd rather not guess whether that's possible.", answers=False)
            self._card()
        if self.answers_which_invoice():
            return
        if has_cue(self.words, self.norm, "refund", "money back", "difference back") and self.answers_refund_no_action_covers():
            return  # "cancel my refund request" read as billing: the refund part's answer, not the plan's
        self._plan_said_is_not_theirs()
        asked = self._invoices_asked()
        if self._asks_to_pay_an_invoice_not_theirs():
            self._invoice_not_theirs_to_pay()
            return
        if self._names_someone_else():
            self.reply.add("I can only show you the invoices and payments on your own account, so here's what I "
                           "can see for you.", answers=False)
        elif NOT_OUR_INVOICE_NUMBER.search(self.text) is not None and self.facts.invoices:
            # "Download bill #12588": no invoice of ours is numbered so; the list alone left the number unanswered. The
            # number is not said back: one no fact holds is what the grounding guard strikes out.
            example = max(self.facts.invoices, key=lambda i: i.issued_on).number
            self.reply.add(f"I can't find an invoice with that number on your account: our invoice numbers look like "
                           f"{example}.", answers=False)
        # "I'm trying to notify of problems with payments", "an error with onlinepayment": which problem, the records
        # say: a payment that failed, else a charge taken twice (it got the invoice list).
        payment_problem = bool(PAYMENT_PROBLEM.search(self.text))
        problem_is_a_duplicate = payment_problem and not any(i.status == "failed" for i in self.facts.invoices) and bool(
            self._duplicates_not_paid_back())
        double_charge = self._mentions_double_charge() or problem_is_a_duplicate
        if double_charge:
            self._duplicates()
        # "I've updated my card", or "ok done, will you retry?" after being told to replace it.
        card_changed = bool(CARD_CHANGED.search(self.text)) or (
            # "My card expired, I already added a new one": the new card, named a sentence earlier.
            bool(NEW_ONE_ADDED.search(self.text)) and has_cue(self.words, self.norm, "card")) or (
            has_cue(self.words, self.norm, "done", "did it", "did that", "sorted")
            and has_cue(self.words, self.norm, *ASKS_FOR_A_RETRY)) or (
            bool(CHANGED_IT.search(self.text)) and (has_cue(self.words, self.norm, "card")
                                                    # "i updated it" right after being asked for a new card
                                                    or "Payment method" in last_assistant_text(self.ctx))
            # "Ok I added a new one", "done", after being asked for a new card.
        ) or reports_card_replaced(self.ctx) or (
            # "Done" after the steps to replace the card, a turn or two back (the card on file again, then "my answer is
            # the same").
            says_it_is_done(self.ctx.message)
            and any("**Replace card**" in t.text for t in self.ctx.history[-4:] if t.role == "assistant"))
        if card_changed:
            self._card_change_checked()
        # "When will you retry?": when the failed payment is tried again, not why it failed (already told).
        # "Can you retry it?" right after why it failed was told: whether we do (the failure again, behind "my answer is
        # the same", came).
        retry_when = (not card_changed and ((has_cue(self.words, self.norm, *ASKS_FOR_A_RETRY)
                                            and (has_cue(self.words, self.norm, *_WHEN)
                                                 or (asks_when_we_retry(self.ctx.message)
                                                     and PAYMENT_FAILURE_TOLD.search(last_assistant_text(self.ctx)))))
                                            or bool(_ASKS_WHEN_IT_GOES_THROUGH.search(self.text))
                                            or asks_us_to_try_it_now(self.ctx))
                      and self._when_retried())
        about_failure = not card_changed and not retry_when and not problem_is_a_duplicate and (has_cue(
            self.words, self.norm, "fail", "failed", "fails", "declined", "decline", "not go through",
            "didnt go through", "did not go through", "rejected", "faild", "retry", "go thru", "didnt go thru",
            "bounced", "whats wrong", "what went wrong")
            or (bool(CANNOT_PAY.search(self.norm)) and not ANOTHER_WAY_TO_PAY.search(self.text))
            or payment_problem)
        # A question about the service never hides the invoice the message itself names.
        if asked and (not service_told or self._invoices_named()):
            told_twice = self._invoices_charged_twice() if double_charge else set()
            for invoice in asked:
                if card_changed and invoice.status == "failed":
                    continue  # its retry on the new card is told with the card, above
                if invoice.number in told_twice and invoice.status == "paid":
                    continue  # its two payments are told above; "is for $99.00, paid on …" again says less
                self._describe_invoice(invoice, named=invoice in self._invoices_named())
            if asks_for_billing_document(self.text) or asks_for_document_copy(self.text):
                # "A copy of invoice NW-2001": the invoice named, and where its copy is.
                self._where_documents_are(asked)
            elif (has_cue(self.words, self.norm, *_SOMETHING_WRONG) and not double_charge
                  and not about_failure):
                # "NW-1002 is wrong" of an invoice our records hold nothing amiss with: its figures alone read as
                # if the complaint went unheard.
                self.reply.add(f"That's what our records show for it. If something on it {WHAT_LOOKS_WRONG}, tell me "
                               f"what, or I can {OFFER_PERSON}.", answers=False)
        elif about_failure:
            self._failed_payments()
        self._bank_says_charged(asked)
        self._charged_another_amount(asked)
        # "Payment history please", "what have I paid?": each payment, not the invoices (a failed charge, a
        # duplicate and a refund are the payments' to show). Not when the message is about one of them.
        # "My last 3 payments and whether any failed": the payments listed, and then whether one failed.
        history_told = asks_payment_history(self.text) and (
            not (asked or about_failure or card_changed or double_charge) or bool(_AND_WHETHER_ANY.search(self.text)))
        if history_told:
            self._payment_history()
        # "Why did my last payment fail" is answered by the failure itself, not by a payment date.
        # Nor after the charge taken twice: "I got charged 198 this month" is about it, not the date paid last.
        if self._asks_last_payment() and not about_failure and not card_changed and not double_charge:
            self._last_payment()
        if has_cue(self.words, self.norm, "so far", "in total", "total", "altogether", "all together"):
            self._total_paid()
        renewal_told = False
        standing_told = False
        if asks_standing(self.text) and not (asked or about_failure or card_changed):
            # "Is my subscription active?": its state, and what stands in its way, before the plan's price.
            standing_told = self.subscription_standing()
        if self._asks_what_is_due() and not asked:
            # "When will it be charged?" after the card steps: the retry, just told, is the failure's; not told again.
            self._what_is_due(failures_told=about_failure or retry_when)
            renewal_told = True
        elif self.counted_past_the_latest:
            # "And the one after that?" of the latest invoice: the next is the plan's renewal.
            self._next_renewal(after_unpaid=False)
            renewal_told = True
        card_told = self.facts.card is not None and any(self.facts.card.last4 in p for p in self.reply.paragraphs)
        if standing_told and self.facts.card is not None and self.facts.card.expired:
            card_told = card_told or any("Payment method" in p for p in self.reply.paragraphs)
        if ASKS_US_TO_CHANGE_THE_CARD.search(self.text) and self.facts.card is not None and (
                self.facts.card.last4 in last_assistant_text(self.ctx)):
            card_told = True  # "can you update it to my mastercard?" right after the card on file: not told it again
        # "How do I change my payment method?": the card on file is the payment method; its words found the entry on
        # the ways we accept as much as the one on changing the card (0.20 each), and the invoice list was the answer.
        changes_method = bool(CHANGES_PAYMENT_METHOD.search(self.text)) and not card_changed
        if (has_cue(self.words, self.norm, "card", "expired", "expire", "expiry") or changes_method) and not card_told:
            self._card()
        if changes_method and (entry := self._entry_on("card")) is not None and not self._faq_quoted(entry):
            self.reply.add(f"How to do it: {entry.answer}")
            self._cite_faq(entry)
        if ASKS_US_TO_CHANGE_THE_CARD.search(self.text) and (entry := self._entry_on("card")) is not None and (
                not self._faq_quoted(entry)):
            # "Can you change my card?" got the card on file and nothing of how to change it: no action changes it,
            # which is said, with the help centre's steps.
            self.reply.add(f"I can't change it for you from this chat, but you can do it yourself: {entry.answer}")
            self._cite_faq(entry)
        # "I can't pay my bill" is about the failed payment, not the plan: "pay" alone doesn't ask for it then; nor
        # "pay invoice NW-1003", which is about that invoice.
        paying = () if about_failure or self._invoices_named() else ("paying", "pay")
        if (has_cue(self.words, self.norm, "plan", "plans", "price", "prices", "pricing", "cost", "upgrade", "downgrade",
                    "cancel", "subscription", "pro", "tier", "features", *paying)
                or self._asks_why_the_plans_price(asked)) and not (renewal_told or service_told or history_told):
            self._plan()
        # "Recipt", "invoce": a receipt or invoice asked for however it is spelt.
        if (has_cue(self.words, self.norm, "invoice", "invoices", "receipt", "receipts", "bill", "history",
                    "owe", "statement", "charge", "last month") or names_billing_document(self.text)) and not (
                asked or renewal_told or card_changed or service_told or self.asked_which_invoice or about_failure
                or history_told or changes_method  # "charge a different card": the card, not the invoices
                or retry_when):  # "will you charge me again?" after a failed payment: when, not which invoices
            # Not after asking which listed invoice "the one after that" counts from: that named them. Nor
            # after the failed payment "I can't pay my bill" is about: the list would bury the fix.
            self._invoice_list()
            if has_cue(self.words, self.norm, *_SOMETHING_WRONG) and not double_charge and self.facts.invoices:
                # "My invoice is wrong" naming none: the list alone read as if the complaint went unheard.
                self.reply.add(f"Which of them {WHAT_LOOKS_WRONG}, and what's wrong with it? Tell me, or I can "
                               f"{OFFER_PERSON} from our team.", answers=False)
            elif has_cue(self.words, self.norm, *_SOMETHING_WRONG) and not double_charge:
                # "I was charged too much" on Free: with no invoice to point at, "which of them looks wrong?" followed
                # "there are no invoices"; a charge seen elsewhere is a person's to look into.
                self.reply.add(f"If a charge from us shows on your card or bank statement, a person from our team can "
                               f"look into it with you: would you like me to {OFFER_PERSON}?", answers=False)
            entry = self._invoices_entry() if asks_how_to(self.text) else None
            if entry is not None and not self._faq_quoted(entry):
                # "How do I download all my invoices?": "all" made the data export's entry outscore the one on
                # invoices, and the list was left without the how-to asked for.
                self.reply.add(f"How to do it: {entry.answer}")
                self._cite_faq(entry)
        if not self.reply.answered:
            if CANCELLING.search(self.text) and (cancelling := self._entry_on("cancel")) is not None:
                # "Ok how?" after "I want to cancel": how to cancel, which the help centre says; the invoice list
                # answered nothing of it.
                self._quote_faq(cancelling, hedge=False)
            else:
                self.fell_back = True
                self._invoice_list()
        # After an answer about the service, a merely plausible help-centre entry is another question's
        # ("I want to pay yearly" is closest to how to cancel a subscription).
        # Nor after the payments listed: where the invoices are is no step the customer asked for.
        # "Did any fail?" or "the one that failed?" after them asks what happened, not how to replace a card (the card's
        # entry, for "fail"; its fix is told with the failure).
        asked_of_a_failure = asks_if_any_failed(self.ctx) or asks_of_the_failed_one_listed(self.ctx)
        match = None if service_told or history_told or self.plan_change_told or asked_of_a_failure else (
            self._how_to_get_an_invoice() or self._faq(floor=FAQ_PLAUSIBLE if asks_how_to(self.text) else FAQ_CONFIDENT))
        if match is not None and how_to_not_asked(self.text, match):
            match = None  # "is my subscription active?" is not "how do I cancel it?"
        if (asks_how_to_do_it(self.ctx.message) and any("Payment method" in p for p in self.reply.paragraphs)
                and (card_entry := self._entry_on("card")) is not None):
            # "Ok how do I add it?" after "I have a new card now": the card just told of is what to add; the words
            # alone found the entry on adding team members, quoted as the way to do it.
            match = card_entry
        if match is not None and self._faq_adds_how_to(match) and not self._faq_quoted(match) and not card_changed:
            # "Where can I find my invoices?" says where, not how ("i cant find my invoices" got "How to do it: All your
            # invoices are under …").
            says_where = normalise(match.question).startswith("where ") and not asks_how_to(self.text)
            self.reply.add(match.answer if says_where else f"How to do it: {match.answer}")
            self._cite_faq(match)
        if second_card:
            self.reply.add(f"If you need a second card on your account, would you like me to {OFFER_PERSON}?",
                           answers=False)

    def answers_if_on_a_plan(self) -> bool:
        """"Am I on the business plan?" from alice, on Pro, was told what Business includes, as if she were on it; "am
        I on the free plan?" from carol, what Free includes, without a yes. Yes or no first, and the plan they are on;
        a visitor is asked to sign in. False, having said nothing, for any other question."""
        customer = self.ctx.customer
        found = ASKS_IF_ON_A_PLAN.match(self.ctx.message)
        if found is None:
            return False
        if customer is None:
            # A visitor's "am I on the free plan?" got the Free plan's entry, as if it were the answer.
            self._ask_to_sign_in("which plan your account is on")
            return True
        own = on_plan(customer.plan, customer.plan_price)
        own = own[:1].lower() + own[1:]
        asked = found["plan"] or found["said"]
        if asked.lower() == customer.plan.lower():
            self.reply.add(f"Yes: {own}.")
        else:
            self.reply.add(f"No: {own}, not {asked.capitalize()}.")
        return True

    def _plan_said_is_not_theirs(self) -> None:
        """"Why was I charged $29 when I'm on the free plan?" from a Pro customer: the plan the account is on, said
        first and plainly, with the amount quoted when it is that plan's monthly price; the charge follows. Nothing
        when the plan named is theirs or none is."""
        customer = self.ctx.customer
        said = plan_said_to_be_on(self.text)
        if customer is None or said is None or said.lower() == customer.plan.lower():
            return
        if customer.plan_price and customer.plan_price in quoted_numbers(self.text):
            self.reply.add(f"You're on the {customer.plan} plan, not {said}: {money(customer.plan_price)} is the "
                           f"{customer.plan} plan's monthly price.")
        else:
            self.reply.add(f"{on_plan(customer.plan, customer.plan_price)}, not the {said} plan.")
        self._plan_change_from_own_plan()

    def _plan_change_from_own_plan(self) -> None:
        """"I'm on the free plan, how do I upgrade?" from a Pro customer: the how-to asked, for the plan they are
        really on: the plan above (or below) theirs from the catalogue, and the help centre's entry on the change.
        The claim about the plan dilutes that entry's score, so it is chosen by what it is about."""
        customer = self.ctx.customer
        up = has_cue(self.words, self.norm, "upgrade", "upgrading")
        down = has_cue(self.words, self.norm, "downgrade", "downgrading")
        # The how-to follows the claim ("i'm on free, how do i upgrade?"): asked in any part of the message.
        asks_how = any(asks_how_to(part) for part in re.split(r"[,.;:!?]+", self.text))
        if customer is None or up == down or not asks_how or not self.facts.plans:
            return
        ladder = [name for name, _ in self._plan_ladder({plan.name: plan for plan in self.facts.plans})[0]]
        at = ladder.index(customer.plan)
        others = ladder[at + 1:] if up else ladder[:at]
        self.plan_change_told = True
        if not others:
            edge, side = ("highest", "above") if up else ("lowest", "below")
            self.reply.add(f"{customer.plan} is our {edge} plan, so there's no plan {side} it to move to.")
            return
        prices = {plan.name: plan.price_monthly for plan in self.facts.plans}
        which = joined_with_and([f"{name} ({_monthly(prices[name])})" for name in others])
        self.reply.add(f"From {customer.plan}, you can {'upgrade' if up else 'downgrade'} to {which}.")
        entry = self._entry_on("upgrade" if up else "downgrade")
        if entry is not None and not self._faq_quoted(entry):
            self.reply.add(f"How to do it, from our help centre: {entry.answer}")
            self._cite_faq(entry)

    def _asks_to_pay_an_invoice_not_theirs(self) -> bool:
        """"Pay invoice NW-1003 now" from a customer with no invoice NW-1003: a number that is someone else's, or
        no one's, and none of their own named beside it."""
        named = invoice_numbers(self.ctx.message) or invoice_numbers(self.text)
        own = {invoice.number for invoice in self.facts.invoices}
        return (bool(named - own) and not named & own
                and has_cue(self.words, self.norm, "pay", "paying", "settle", "charge it", "take the payment"))

    def _invoice_not_theirs_to_pay(self) -> None:
        """That the invoice is not on their account (whose it is, or whether it exists, is not said), what of their
        own is unpaid, and how to pay with a new card from the help centre's entry on it when it was gathered. The
        plan, card on file and invoice list answered nothing asked."""
        # Not named back: a number that is not the customer's is one the critic hands off for, as a leak.
        several = len(invoice_numbers(self.ctx.message) or invoice_numbers(self.text)) > 1
        which, it = ("those invoices", "them") if several else ("that invoice", "it")
        self.reply.add(f"I can't find {which} on your account, and I can only see the invoices on the account "
                       f"you're signed in to, so I can't tell you anything about {it} or do anything with {it} from "
                       "here.")
        unpaid = [invoice for invoice in self.facts.invoices if invoice.unpaid]
        if unpaid:
            for invoice in unpaid:
                self._describe_invoice(invoice)
        elif self.facts.invoices:
            self.reply.add("All the invoices on your own account are paid, so there's nothing for you to pay.")
        entry = self._entry_on("card") if has_cue(self.words, self.norm, "card") else None
        if entry is not None:
            self.reply.add(f"To pay with a new card, from our help centre: {entry.answer}")
            self._cite_faq(entry)

    # ------------------------------------------------------------ questions about the service

    def _tier_not_ours(self) -> bool:
        """"Switching to the platinum account": that we have no such plan, and the ones we have, with the customer's own.
        False, having said nothing, for another message or without the help centre's list of plans."""
        tier = tier_not_ours(self.ctx.message)
        listing = self._plans_listed()[1] if tier is not None else None
        if tier is None or listing is None:
            return False
        own = (f" You're on {self.ctx.customer.plan}." if self.ctx.customer is not None and self.ctx.customer.plan
               else "")
        article = "an" if tier[:1].lower() in "aeiou" else "a"
        self.reply.add(f"We don't have {article} {tier} plan. {listing.answer}{own}")
        self._cite_faq(listing)
        self.reply.add("If you meant one of these, tell me which and I'll help.", answers=False)
        return True

    def _plans_offered(self) -> bool:
        """"Wat plans do u have?", "tell me about pricing": every plan and its price as the help centre lists them, not the customer's
        invoices. False when the message doesn't ask which plans there are or no gathered entry lists them."""
        if not (WHICH_PLANS.search(self.ctx.message) or ASKS_ABOUT_PRICING.search(self.ctx.message)):
            return False
        listing = self._plans_listed()[1]
        if listing is None or len(plan_prices(listing.answer)) < 2:
            return False
        self._quote_faq(listing, hedge=False)
        return True

    def _other_plan(self) -> bool:
        """"How much does the next tier cost?": the plan above (or below) the one the conversation is
        about, and its price, from the plan catalogue the billing worker read (else as the help centre
        lists the plans). False when that can't be told."""
        direction, by_change = self._plan_direction()
        if direction is None:
            return False
        catalogue = {plan.name: plan for plan in self.facts.plans}
        ladder, source = self._plan_ladder(catalogue)
        names = {name.lower(): name for name, _ in ladder}
        if by_change and any(name in self.words for name in names):
            return False  # "how much is it to upgrade to Business?": the plans' own answer says
        base = self._plan_counted_from(names)
        if base is None and (listing := source or self._plans_listed()[1]) is not None:
            # A visitor who hasn't said which plan: the cheapest (or the biggest) plan, and every plan and its price as
            # the help centre lists them, unless the last reply just did ("anything cheaper?" got "my answer is the
            # same" and the list again). "The next tier up" is counted from a plan a visitor doesn't have: the list alone.
            # "What would it cost to upgrade?" asks by the change, of no plan in particular: the list alone too.
            edge_told = bool(ladder) and not by_change and not _NEXT.search(self.ctx.message)
            if edge_told:
                name, price = ladder[0] if direction == "down" else ladder[-1]
                edge = "cheapest" if direction == "down" else "biggest"
                self.reply.add(f"Our {edge} plan is {name}, {_monthly(price)}.")
            if edge_told and listing.answer in last_assistant_text(self.ctx):
                self._cite_faq(listing)
            else:
                self._quote_faq(listing, hedge=False)
            return True
        if base is None or len(ladder) < 2:
            return False
        self._tell_plan_step(base, ladder, up=direction == "up", catalogue=catalogue, source=source)
        if source is not None:
            self._cite_faq(source)
        return True

    def _named_plan_price(self) -> bool:
        """"How much more would Business cost me than what I pay now?": the plan's price from the
        catalogue, and how it compares with the customer's own. False when the message names no other
        plan with a price question, or there is no catalogue."""
        customer = self.ctx.customer
        if customer is None or not self.facts.plans or not has_cue(self.words, self.norm, *PRICE_CUES):
            return False
        named = [plan for plan in self.facts.plans
                 if plan.name.lower() in self.words and plan.name.lower() != customer.plan.lower()]
        if len(named) != 1 or not has_cue(self.words, self.norm, "more", "less", "difference", "than", "compare",
                                            "compared", "comparison",
                                            "save", "cheaper", "extra"):
            return False
        # Both prices side by side, and their difference as the billing worker worked it out: every figure in a reply is
        # one the facts hold, so the critic can check it.
        plan = named[0]
        self.reply.add(f"{plan.name} is {money(plan.price_monthly)} a month; you pay {money(customer.plan_price)} a "
                       f"month for {customer.plan}{self._so_a_month(plan.name)}.")
        if plan.description:
            self.reply.add(f"What {plan.name} includes: {plan.description}")
        return True

    def _plan_direction(self) -> tuple[str | None, bool]:
        """Whether the message asks about the plan above ("up") or below ("down"), and whether it asked by
        the change ("how much would it cost to upgrade?") rather than by the plan."""
        if PLAN_UP.search(self.text):
            return "up", False
        if PLAN_DOWN.search(self.text):
            return "down", False
        if has_cue(self.words, self.norm, *PRICE_CUES):
            if has_cue(self.words, self.norm, "upgrade", "upgrading"):
                return "up", True
            if has_cue(self.words, self.norm, "downgrade", "downgrading"):
                return "down", True
        return None, False

    def _plan_ladder(self, catalogue: dict[str, PlanFact]) -> tuple[list[tuple[str, Decimal]], FaqMatch | None]:
        """The plans cheapest first with their monthly prices, and the help-centre entry they were read
        from when the billing worker read no catalogue."""
        listed, source = (({name: plan.price_monthly for name, plan in catalogue.items()}, None) if catalogue
                          else self._plans_listed())
        customer = self.ctx.customer
        if customer is not None:
            listed.setdefault(customer.plan, customer.plan_price)
        return sorted(listed.items(), key=lambda item: item[1]), source

    def _tell_plan_step(self, base: str, ladder: list[tuple[str, Decimal]], *, up: bool,
                        catalogue: dict[str, PlanFact], source: FaqMatch | None) -> None:
        customer = self.ctx.customer
        own = customer is not None and customer.plan.lower() == base.lower()
        opening = on_plan(base, customer.plan_price) if own and customer else ""
        at = [name for name, _ in ladder].index(base)
        other = at + (1 if up else -1)
        if not 0 <= other < len(ladder):
            edge, side = ("highest", "above") if up else ("lowest", "below")
            self.reply.add(f"{opening}: that's our {edge} plan, so there's no tier {side} it." if own
                           else f"{base} is our {edge} plan, so there's no tier {side} it.")
            return
        name, price = ladder[other]
        which = "the next plan up" if up else "the plan below it"
        self.reply.add(f"{opening}; {which} is {name}, {_monthly(price)}." if own
                       else f"{'The next plan up from' if up else 'The plan below'} {base} is {name}, {_monthly(price)}.")
        if name in catalogue and catalogue[name].description:
            self.reply.add(f"What {name} includes: {catalogue[name].description}")
        elif up and source is not None:
            # What the help centre says the higher plan adds, in its own words.
            adds = [s for s in sentences(source.answer) if name in s and "$" not in s]
            if adds:
                self.reply.add(" ".join(adds))

    def _plans_listed(self) -> tuple[dict[str, Decimal], FaqMatch | None]:
        """The plans and monthly prices the gathered help-centre entries state, and the entry listing most:
        for a question the billing worker did not look up (a visitor's, or one read as general)."""
        listed: dict[str, Decimal] = {}
        best: FaqMatch | None = None
        for match in self.facts.faq:
            prices = plan_prices(match.answer)
            for name, price in prices.items():
                listed.setdefault(name, price)
            if prices and (best is None or len(prices) > len(plan_prices(best.answer))):
                best = match
        return listed, best

    def _plan_counted_from(self, names: dict[str, str]) -> str | None:
        """The plan "the next tier" is counted from: the one the message puts it above or below, else the
        customer's own, else (for a visitor) the plan the question before named."""
        named = PLAN_COUNTED_FROM.search(self.text)
        if named and named.group(1).lower() in names:
            return names[named.group(1).lower()]
        if self.ctx.customer is not None:
            return names.get(self.ctx.customer.plan.lower())
        previous = previous_user_text(self.ctx) or ""
        mentioned = [names[w] for w in normalise(previous).split() if w in names]
        return mentioned[0] if mentioned else None

    def _cancellation_fee(self) -> bool:
        """"Can I check the early termination penalty?", "can I cancel anytime?": that the help centre mentions no fee
        for cancelling (or no contract or term), and what its entry on cancelling says happens instead. False, having
        said nothing, for another message or without the entry."""
        fee = asks_about_a_cancellation_fee(self.text)
        if not (fee or asks_about_a_commitment(self.text)) or (entry := self._entry_on("cancel")) is None:
            return False
        unmentioned = ("any fee or penalty for cancelling" if fee
                       else "a contract, a minimum term or a notice period you'd be held to")
        self.reply.add(f"Our help centre doesn't mention {unmentioned}, and I'd rather not guess beyond what it says. "
                       f"What it says about cancelling: {entry.answer}")
        self._cite_faq(entry)
        self.reply.add(f"If you'd like that confirmed for your account, I can {OFFER_PERSON} from our team.",
                       answers=False)
        return True

    def _extra_fee_unmentioned(self) -> bool:
        """"Is there a setup fee?", "any hidden fees?": the help centre mentions no fee beside the plans' monthly
        prices, which is said with those prices and a person (a visitor was asked to sign in). False, having said
        nothing, for another message."""
        if not asks_about_an_extra_fee(self.ctx.message):
            return False
        self.reply.add("Our help centre doesn't mention a setup fee or any other fee beside the plans' monthly prices, "
                       "and I'd rather not guess beyond what it says.")
        self._plans_prices_told("What it says of the prices: ")
        self.reply.add(f"A person from our team can confirm it for you: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def _payment_terms(self) -> bool:
        """"Is there a discount if I pay yearly?": what the help centre says about it, and plainly what it
        doesn't, with the offer of a person rather than a guess."""
        yearly = bool(ASKS_ABOUT_PAYING_YEARLY.search(self.text))
        if ASKS_ABOUT_A_TRIAL.search(self.text) and not yearly:
            self._no_trial_described()
            return True
        # "Is annual billing cheaper?" asks about a discount; "a cheaper way to run two apps" does not.
        discount = has_cue(self.words, self.norm, *DISCOUNT_CUES) or asks_for_a_special_price(self.text) or (
            yearly and has_cue(self.words, self.norm, "cheaper", "save", "saving", "savings", "less"))
        if not (discount or yearly):
            return False
        customer = self.ctx.customer
        plan_line = len(self.reply.paragraphs)
        if customer is not None:
            self.reply.add(f"{on_plan(customer.plan, customer.plan_price)}.")
        said_yearly = said_discount = yearly_on_own_plan = False
        yearly_said = ""
        for match in self.facts.faq:
            for sentence in sentences(match.answer):
                words, text = set(normalise(sentence).split()), normalise(sentence)
                about_yearly = yearly and has_cue(words, text, *YEARLY_CUES)
                about_discount = discount and has_cue(words, text, *DISCOUNT_CUES)
                if about_yearly and not said_yearly and (lead := self._yearly_on_own_plan(sentence)) is not None:
                    # "Can I pay annually?" from a Pro customer: what the entry means for their plan, said
                    # first in place of the plan alone (the lead names it).
                    # "Can you move us to annual billing?" asks for the switch, which no "yes" here makes.
                    self.reply.paragraphs[plan_line] = (without_yes_or_no(lead) if _SWITCH_TO_YEARLY.search(self.text)
                                                        else answered_as_asked(lead, self.ctx.message))
                    yearly_on_own_plan = lead.startswith("Yes:")
                if about_yearly or about_discount:
                    topic = "paying yearly" if about_yearly else "discounts"
                    self.reply.add(f"What our help centre says about {topic}: {sentence}")
                    self._cite_faq(match)
                    said_yearly, said_discount = said_yearly or about_yearly, said_discount or about_discount
                    yearly_said = yearly_said or (sentence if about_yearly else "")
        # "We're a nonprofit" after asking for a discount: whose discount the help centre doesn't mention.
        for_whom = f" for {who}" if (who := who_may_pay_less(self.text)) is not None else ""
        unknown = ("a discount for paying yearly" if discount and yearly and not said_discount
                   else f"discounts{for_whom}" if discount and not said_discount
                   else "paying yearly" if yearly and not said_yearly else "")
        if unknown:
            self.reply.add(f"I can't find anything about {unknown} in our help centre, so I'd rather not guess. "
                           f"A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?")
        elif yearly_said and _PRICE_ASKED.search(self.ctx.message):
            if not ASKS_ABOUT_PAYING_YEARLY.search(self.ctx.message):
                # "How much would that be?" after it: what paying yearly is was just said, and is not said again.
                del self.reply.paragraphs[plan_line:]
            self._yearly_price_unsaid(yearly_said)
        elif yearly_on_own_plan and _SWITCH_TO_YEARLY.search(self.text):
            # "I want to switch to yearly billing" on Business: "Yes, you can", and nothing of how.
            self.reply.add("Our help centre doesn't say how to switch to it, and I can't change how you pay from this "
                           f"chat. A person from our team can set it up with you: would you like me to {OFFER_PERSON}?",
                           answers=False)
        return True

    def _payment_terms_asked(self) -> bool:
        """"Do you offer net 30 terms?", "can I get an invoice before paying?": the help centre names no terms of payment,
        only that Business customers may pay yearly against an invoice; what it says of paying is quoted, with a person.
        False, having said nothing, for another message."""
        if not asks_about_payment_terms(self.ctx.message):
            return False
        entry = self._payment_methods_entry()
        said = f" What it says about paying is: {entry.answer}" if entry is not None else ""
        net = re.search(r"\bnet[\s-]?(\d+)\b", self.ctx.message, re.IGNORECASE)
        such = f"net {net[1]} (paying {net[1]} days after an invoice is issued)" if net else (
            "paying some days after an invoice is issued")
        self.reply.add(f"Our help centre doesn't mention payment terms such as {such}, so I'd rather not promise them."
                       f"{said}")
        if entry is not None:
            self._cite_faq(entry)
        self.reply.add(f"A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def _bank_details_asked(self) -> bool:
        """"What are your bank details?": no entry gives them; the entry on ways to pay says who pays by transfer, which
        is quoted, with a person who can give them. False, having said nothing, for another message."""
        if not asks_for_our_bank_details(self.ctx.message):
            return False
        entry = self._payment_methods_entry()
        said = f" What it says about paying by transfer: {entry.answer}" if entry is not None else ""
        self.reply.add(f"Our help centre doesn't give our bank details, so I can't give them to you here.{said}")
        if entry is not None:
            self._cite_faq(entry)
        self.reply.add(f"A person from our team can give you what you need to pay that way: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _yearly_price_unsaid(self, yearly_said: str) -> None:
        """"How much would that be?" after paying yearly was told: the help centre gives no yearly price, and a sum
        worked out here would be a price nobody set; the monthly price of the plans the entry names, and a person."""
        named = [plan for plan in self.facts.plans if re.search(rf"\b{re.escape(plan.name)}\b", yearly_said)]
        prices = joined_with_and([f"{plan.name} is {money(plan.price_monthly)} a month" for plan in named])
        monthly = f": {prices}" if prices else ""
        self.reply.add(f"Our help centre doesn't give a price for paying yearly, so I'd rather not work one out"
                       f"{monthly}. A person from our team can tell you what a yearly invoice would come to: would you "
                       f"like me to {OFFER_PERSON}?")

    def _price_per_seat_unsaid(self) -> bool:
        """"How much per seat?": the help centre prices each plan by the month and gives no price per member, which is
        said rather than guessed, with the plans' prices and what it says of members on each, and a person. False,
        having said nothing, for another message."""
        if not (asks_price_per_seat(self.ctx.message) or members_priced_after_the_team(self.ctx)):
            return False
        self.reply.add("Our help centre doesn't mention a price per seat or per team member, so I'd rather not guess.")
        self._plans_prices_told("It prices each plan by the month: ")
        team = next((m for m in self.facts.faq if "team" in normalise(m.question).split()), None)
        if team is not None and (counts := [s for s in sentences(team.answer) if re.search(r"\bmembers?\b", s)]):
            self.reply.add(f"On team members it says: {' '.join(counts)}", answers=False)
            self._cite_faq(team)
        self.reply.add(f"A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def _plans_prices_told(self, lead: str) -> None:
        """Every plan and its monthly price as the help centre lists them, after `lead`, when that list was gathered: what
        a reply that a price or fee is not mentioned can say instead. Not again right after the last reply gave it
        ("is there a setup fee?" after "what plans do you have?")."""
        if (listing := self._plans_listed()[1]) is not None and listing.answer not in last_assistant_text(self.ctx):
            self.reply.add(f"{lead}{listing.answer}", answers=False)
            self._cite_faq(listing)

    def _what_nonpayment_does(self) -> bool:
        """"Will my app go down if it doesn't go through?", "what happens if my payment fails?": the help centre doesn't
        say what an unpaid account leads to, which is said rather than guessed; what it says of retrying a failed
        payment, the customer's own failed payment with how to settle it, and a person. False, having said nothing,
        for another message."""
        asked = asks_what_nonpayment_does(self.ctx.message)
        if not asked and not nonpayment_asked_again(self.ctx):
            return False
        failed = [invoice for invoice in self.facts.invoices if invoice.status == "failed"]
        if not asked:
            # "Will my apps be shut down?" right after: the same silence, said of it, not the whole reply again.
            self.reply.add(f"{NONPAYMENT_UNSAID}, so I can't tell you that without guessing. A person from our team "
                           f"can tell you for certain: would you like me to {OFFER_PERSON}?")
            if failed:
                self.reply.add(f"Meanwhile, to settle {failed[0].number}, save a new card under **Billing → Payment "
                               "method** and we'll try the payment again.", answers=False)
            return True
        plan = self.facts.subscription
        if plan is not None and not plan.price_monthly and not failed and plan.status != "cancelled":
            # Free: there is no payment to miss, which is what matters, before what the help centre doesn't say.
            self.reply.add(f"You're on the {plan.plan} plan, which costs nothing, so there's no payment for you to miss "
                           "and nothing outstanding on your account: nothing changes for your apps while you stay on it.")
            return True
        self.reply.add(f"{NONPAYMENT_UNSAID}, so I'd rather not guess.")
        if self.ctx.customer is not None and failed:
            if len(failed) == 1:
                self.reply.add(f"You have {money(failed[0].amount)} outstanding.", answers=False)
            self._explain_failure(failed[0])
        else:
            records_told = (self.ctx.customer is not None and self.facts.has_billing and bool(self.facts.payments)
                            and reports_payment_trouble(self.ctx.message))
            if records_told:
                # "My payment failed, will my account be suspended?" from Bob, whose payments all went through: what the
                # records show, before what the help centre says of retries.
                self.reply.add("I don't see a failed payment on your account, so nothing is outstanding.", answers=False)
                self._last_payment()
            if (card := self._entry_on("card")) is not None and (retry := [s for s in sentences(card.answer)
                                                                          if "retry" in s.lower()]):
                said = "What our help centre does say" if records_told else "What it does say"
                self.reply.add(f"{said}: {' '.join(retry)}", answers=False)
                self._cite_faq(card)
        self.reply.add(f"A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def _whether_a_card_is_needed(self) -> bool:
        """"Do I need a credit card to sign up?": no entry says, which is said, with what the help centre says of the
        Free plan's price and of how the paid plans are paid, and a person. False, having said nothing, for any other
        message."""
        if not asks_if_a_card_is_needed(self.ctx.message):
            return False
        methods = self._payment_methods_entry()
        if methods is not None and self._upgrade_talked_of():
            # "Do I have to enter a card?" right after the upgrade's steps: paying for the plan, whose ways to pay the
            # help centre lists (it got "doesn't say whether you need a card to sign up or to use the Free plan").
            self.reply.add(f"To pay for a paid plan, you need one of the ways our help centre lists: {methods.answer}")
            self._cite_faq(methods)
            return True
        self.reply.add("Our help centre doesn't say whether you need a card to sign up or to use the Free plan, so I'd "
                       "rather not guess.")
        free = self._entry_on("free plan")
        if free is not None:
            self.reply.add(f"What it does say is that the Free plan costs nothing: {free.answer}", answers=False)
            self._cite_faq(free)
        if methods is not None:
            self.reply.add(f"For the paid plans: {methods.answer}", answers=False)
            self._cite_faq(methods)
        self.reply.add(f"A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def _upgrade_talked_of(self) -> bool:
        """Whether the message or the question before it asks to move up to a paid plan, or the last reply gave the
        upgrade's steps."""
        asked = f"{self.ctx.message} {previous_user_text(self.ctx) or ''}"
        return bool(_UPGRADE_ASKED.search(asked)) or _UPGRADE_STEPS_TOLD in last_assistant_text(self.ctx)

    def _no_trial_described(self) -> None:
        """"Is there a free trial?", "can you extend my trial?": the help centre mentions no trial, which is said rather
        than a guess; what it says of the Free plan (which costs nothing) when its entry was gathered; a person
        offered. A paid plan the customer is on already is said to be theirs first ("can we try business for a month?"
        from Business)."""
        customer = self.ctx.customer
        if (customer is not None and customer.plan_price
                and re.search(rf"\b(?:try|test)\s+(?:out\s+)?(?:the\s+)?{re.escape(customer.plan)}\b", self.ctx.message,
                              re.IGNORECASE)):
            self.reply.add(f"You're already on {customer.plan}, so there's nothing of it left to try: your account has "
                           "everything it includes now.")
        self.reply.add(f"{TRIAL_UNDESCRIBED}, so I'd rather not guess.", answers=not self.reply.paragraphs)
        free = self._entry_on("free plan")
        if free is not None and not self._faq_quoted(free):
            self.reply.add(f"What it does say is that the Free plan costs nothing: {free.answer}", answers=False)
            self._cite_faq(free)
        tried = [name for name in ("Pro", "Business") if re.search(rf"\b{name}\b", self.ctx.message, re.IGNORECASE)
                 and (customer is None or customer.plan != name)]
        upgrade = self._entry_on("upgrade")
        if len(tried) == 1 and upgrade is not None and not self._faq_quoted(upgrade):
            # "Can I try pro?" from Free: no trial, and nothing of the way to have Pro at all (a person alone).
            self.reply.add(f"You can move to {tried[0]} yourself whenever you like: {upgrade.answer}", answers=False)
            self._cite_faq(upgrade)
        self.reply.add(f"A person from our team can tell you more: would you like me to {OFFER_PERSON}?",
                       answers=False)

    def _yearly_on_own_plan(self, sentence: str) -> str | None:
        """What a help-centre sentence on paying yearly that names plans ("Business customers can also pay yearly by
        bank transfer against an invoice") means for the signed-in customer's plan: yes on a plan it names, not on
        one it doesn't, with how it names. None for a visitor, a sentence that names no plan, or a message that
        names a plan itself ("could I pay yearly on Business?" is not about their own plan)."""
        customer = self.ctx.customer
        if customer is None:
            return None
        names = {plan.name for plan in self.facts.plans} or {name for m in self.facts.faq for name in plan_prices(m.answer)}
        names.add(customer.plan)
        named = sorted(name for name in names if re.search(rf"\b{re.escape(name)}\b", sentence, re.IGNORECASE))
        if not named or any(re.search(rf"\b{re.escape(name.lower())}\b", self.norm) for name in names):
            return None
        how = re.search(r"\b(?:yearly|annually|per\s+year|once\s+a\s+year)\s+((?:by|with|via|through|against)\b[^.]*)",
                        sentence, re.IGNORECASE)
        how_said = f", {how[1].strip()}" if how else ""
        if customer.plan in named:
            return f"Yes: on your {customer.plan} plan you can pay yearly{how_said}."
        return (f"Not on your {customer.plan} plan: our help centre offers paying yearly only to "
                f"{joined_with_and(named)} customers{how_said}.")

    def _billing_details(self) -> bool:
        """"What currency am I billed in?", "do your invoices include VAT?", "how do I change my billing email?":
        details of how we bill, answered from the invoices' facts and the help centre, or honestly not, with a
        person offered. False, having said nothing, when the message asks about none of them."""
        if not self.asks_about_billing_details():
            return False
        if ASKS_ABOUT_CURRENCY.search(self.text):
            self._currency()
        if INVOICE_DETAILS.search(self.text) or ASKS_ABOUT_TAX.search(self.text):
            self._tax_and_invoice_details()
        if ASKS_ABOUT_BILLING_EMAIL.search(self.text) or self._address_given():
            self._billing_email()
        return True

    def _address_given(self) -> bool:
        return gives_an_address_to_send_to(self.ctx.message, last_reply=last_assistant_text(self.ctx))

    def _invoice_details_entry(self) -> FaqMatch | None:
        """The help centre's entry on the details invoices carry (company name, address, VAT number), when gathered."""
        return next((m for m in self.facts.faq if {"vat", "tax"} & set(normalise(m.question).split())), None)

    def _payment_methods_entry(self) -> FaqMatch | None:
        """The help centre's entry on the ways we accept to pay, when gathered. By "payment methods", not "payment
        method": an entry on changing one's payment method is about the card on file."""
        return self._entry_on("payment methods")

    def _answers_a_detail_after_its_steps(self) -> bool:
        """"How do I change it on invoices?" or "and the address?" right after the steps to put company details on
        invoices: the same place, said as such. False, having said nothing, when the message is not such a follow-up
        or the entry was not gathered."""
        if not asks_of_an_invoice_detail_after_its_steps(self.ctx):
            return False
        entry = self._invoice_details_entry()
        if entry is None:
            return False
        if _A_DETAIL_ASKED.search(self.ctx.message):
            # "And the address?": the entry covers it, said as the orchestrator says it of an entry sent again ("Yes,
            # the same goes for the VAT number: …"), here also after the entry was said in other words.
            if (covered := covered_in_the_reply(self.ctx.message, entry.answer)) is not None:
                self.reply.add(covered)
                self._cite_faq(entry)
            else:
                self._quote_faq(entry, hedge=False)
        else:
            self.reply.add(f"You change it in the same place: {entry.answer}")
            self._cite_faq(entry)
        return True

    def _answers_details_on_old_invoices(self) -> bool:
        """"Will it show on old invoices?" after the answer on adding a VAT number: what the help centre's entry on
        invoice details says of which invoices carry them, not the invoice list ("invoices" named). False, having
        said nothing, when the conversation is not about those details or the entry was not gathered."""
        coming = asks_about_a_coming_invoice(self.ctx.message)
        done = bool(_SAYS_IT_IS_ALREADY_DONE.match(self.ctx.message))
        lacking = says_an_invoice_lacks_them(self.ctx.message)
        if not (ON_OLD_INVOICES.search(self.ctx.message) or coming or done or lacking):
            return False
        entry = self._invoice_details_entry()
        if entry is None:
            return False
        topic = with_topic(self.ctx)
        # The details' steps in the last reply, whole or as said after a detail was given ("Enter it under **Billing →
        # Details**", after "GB123456789").
        about_details = (topic != self.ctx.message and bool(INVOICE_DETAILS.search(topic))) or (
            entry.answer in last_assistant_text(self.ctx)) or "Billing → Details" in last_assistant_text(self.ctx)
        if not about_details:
            return False
        which = next((s for s in sentences(entry.answer) if re.search(r"\binvoices?\b.*\bafter\b", s)), None)
        if which is None:
            self._quote_faq(entry, hedge=False)
            return True
        if lacking and (invoice := self._invoice_meant()) is not None:
            # "We already added it, but the november invoice doesn't show it" (the invoice's description came): when it
            # was issued, against when the details were saved, which only the customer knows.
            issued = invoice.issued_on.isoformat()
            self.reply.add(f"{invoice.number} was issued on {issued}, and as our help centre puts it: {which} So if you "
                           f"saved your details under **Billing → Details** after {issued}, {invoice.number} stays as it "
                           "was issued. It doesn't say "
                           "whether an invoice can be issued again with your details: a person from our team can look at "
                           f"{invoice.number} with you. Would you like me to {OFFER_PERSON}?")
            self._cite_faq(entry)
            return True
        if done or lacking:
            # "We already did that" after the steps (the steps again, behind "my answer is the same"): where the details
            # show then, and a person for an invoice issued since that doesn't show them.
            self.reply.add(f"{'Then, as' if done else 'As'} our help centre puts it: {which} An invoice issued before you "
                           "saved them stays as "
                           "it was. If one issued since doesn't show them, a person from our team can look at it: would "
                           f"you like me to {OFFER_PERSON}?")
            self._cite_faq(entry)
            return True
        if coming:
            # "Will it appear on my next invoice?": yes, once saved; whether one already issued this month is redone,
            # the entry doesn't say.
            self.reply.add(f"If you've saved them by the time it's issued, yes, as our help centre puts it: {which} An "
                           "invoice already issued stays as it was.")
            self._cite_faq(entry)
            return True
        if REISSUE_ASKED.search(self.ctx.message):
            # "Can you reissue it?": nothing here issues an invoice, and no entry says one can be issued again.
            self.reply.add("I can't reissue an invoice from this chat, and our help centre doesn't say whether one "
                           f"already issued can be issued again with your details. As it puts it: {which} A person from "
                           f"our team can check that for you: would you like me to {OFFER_PERSON}?")
            self._cite_faq(entry)
            return True
        self.reply.add(f"Not on invoices already issued, as our help centre puts it: {which}")
        self._cite_faq(entry)
        # Whether those can be issued again with the details, no entry says.
        self.reply.add(f"It doesn't say whether invoices already issued can be issued again with your details: a person "
                       f"from our team can check that for you. Would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _invoice_meant(self) -> InvoiceFact | None:
        """The one invoice the message names, by its number or the month it was issued in; None for none, or several."""
        named = invoice_numbers(self.ctx.message)
        months = set() if named else self._months_in(self.ctx.message)
        meant = [i for i in self.facts.invoices if i.number in named or i.issued_on.month in months]
        return meant[0] if len(meant) == 1 else None

    def answers_invoice_details_misread(self) -> bool:
        """"Where do I add VAT?" labelled off topic or technical (0.51): the help centre's entry on the details
        invoices carry, as the billing part gives it; "I don't have a guide on that" answered nothing. False, having
        said nothing, under a billing or refund label (whose part answers it) or when no VAT or tax detail is named."""
        intent = self.ctx.intent
        labels = {intent.label, *intent.secondary} if intent else set()
        # Only VAT or tax details: "what's your company name?" names invoice details too, but asks for ours.
        if labels & {"billing", "refund"} or not (INVOICE_DETAILS.search(self.text) and ASKS_ABOUT_TAX.search(self.text)):
            return False
        return self._billing_details()

    def asks_about_billing_details(self) -> bool:
        """Whether the message asks about the currency, tax or VAT, the details printed on invoices or the email
        they go to."""
        # "I need a receipt for tax purposes": the receipt is asked for, not how we tax it.
        tax = ASKS_ABOUT_TAX.search(self.text) and not asks_for_document_copy(self.text)
        return bool(tax) or any(pattern.search(self.text) for pattern in (ASKS_ABOUT_CURRENCY, INVOICE_DETAILS,
                                                                        ASKS_ABOUT_BILLING_EMAIL)) or self._address_given()

    def _currency(self) -> None:
        """The currency the customer's invoices are in; whether another is possible is for a person to say."""
        billed_in = sorted({invoice.currency for invoice in self.facts.invoices}) if self.ctx.customer else []
        asked = {code for word, code in CURRENCY_NAMED.items()
                 if (word in self.words if word.isalpha() else word in self.text)}
        if billed_in:
            names = joined_with_and([CURRENCY_NAMES.get(code, code) for code in billed_in])
            self.reply.add(f"Your invoices are in {names}.")
            # "Can I get it in a different currency?" names none, and asks for another all the same.
            if (not asked - set(billed_in) and not _SAYS_WHERE_THEY_ARE.search(self.text)
                    and not _ANOTHER_CURRENCY.search(self.text)):
                return
            unknown = "whether you could be billed in another currency"
        else:
            unknown = "which currencies we bill in"
        self.reply.add(f"Our help centre doesn't say {unknown}, so I'd rather not guess. A person from our team can "
                       f"tell you for certain: would you like me to {OFFER_PERSON}?")

    def _tax_and_invoice_details(self) -> None:
        """Adding a VAT number or company details to invoices is the help centre's entry on them; whether tax is
        charged on top of our prices no fact here says, so that is said, with a person offered."""
        entry = self._invoice_details_entry()
        # "Do you add VAT?" names adding VAT as the entry does, but asks whether it is added to the price.
        if INVOICE_DETAILS.search(self.text) and not asks_if_tax_is_added(self.ctx.message):
            if entry is not None and asks_for_an_invoice_detail_on_file(self.ctx.message):
                # "What's my billing address?": no look-up here holds it (the steps to enter it came alone, as if how to
                # change it had been asked).
                self.reply.add(f"I can't see {invoice_detail_asked(self.ctx.message) or 'your invoice details'} from "
                               "this chat: the details your invoices carry aren't among what I can look up. You can see "
                               "and change them yourself:")
            if entry is None:
                self._not_to_hand("the steps for adding your details to invoices", "help you with it")
            else:
                self._quote_faq(entry, hedge=False)
            if _NAMES_A_PO_NUMBER.search(self.text):
                # The entry names the company's name, address and VAT number, and nothing else.
                self.reply.add("Our help centre doesn't mention purchase order (PO) numbers on invoices, so I'd rather "
                               f"not guess whether one can be added. Would you like me to {OFFER_PERSON} from our team, "
                               "who can check?")
            return
        seen = " and the invoices I can see for you show only their totals," if self.facts.invoices else ""
        if REVERSE_CHARGE.search(self.text):
            # "Can I get a reverse charge invoice?" (the invoice list and a refund refused came).
            self.reply.add("Our help centre doesn't mention reverse-charge invoices, or how VAT is handled between "
                           "countries, so I'd rather not guess whether we issue them.")
        self.reply.add(f"{TAX_UNSAID},{seen} so I'd rather not guess. A person from our team can tell you for certain: "
                       f"would you like me to {OFFER_PERSON}?", answers=not REVERSE_CHARGE.search(self.text))
        if entry is not None and not self._faq_quoted(entry):
            self.reply.add(f"If you need your VAT number on your invoices: {entry.answer}", answers=False)
            self._cite_faq(entry)

    def _billing_email(self) -> None:
        """Invoices are emailed to the account's address (the help centre's entry on changing it says so): the
        address on file, and how to change it."""
        entry = next((m for m in self.facts.faq if {"email", "change"} <= set(normalise(m.question).split())), None)
        if self._address_given() and SECOND_ADDRESS_UNDESCRIBED in last_assistant_text(self.ctx):
            # "accounting@bobco.com" right after invoices were said to go to the account's address only: the steps to
            # change that address again read "my answer is the same" (or came alone, as if the address were theirs).
            own = f", {self.ctx.customer.email}" if self.ctx.customer is not None else ""
            self.reply.add(f"I can't send invoices to that address from this chat: they only go to the email address on "
                           f"your account{own}. You can download each invoice as a PDF under **Billing → Invoices** and "
                           "send it on yourself.")
            return
        if address_given := self._address_given():
            self.reply.add("I can't send it to another address from this chat either.")
        if self.ctx.customer is not None:
            self.reply.add(f"The email address on your account is {self.ctx.customer.email}.")
        if entry is None:
            self._not_to_hand("the steps for changing the address your invoices go to", "change it with you")
        elif self._faq_quoted(entry):
            # Another part of the reply (the account's) quoted how to change it already.
            self.reply.add("Invoices go to the email address on your account, so changing it changes where they go.")
        else:
            self.reply.add(f"Invoices go to the email address on your account. To change it: {entry.answer}")
            self._cite_faq(entry)
        if INVOICES_TO_SOMEONE_ELSE.search(self.text) or address_given:
            # The change moves them; a second recipient beside the account is nothing the help centre describes.
            self.reply.add(f"{SECOND_ADDRESS_UNDESCRIBED} as well, but you can "
                           "download each invoice as a PDF under **Billing → Invoices** and send it on.", answers=False)

    def _not_to_hand(self, what: str, person_can: str) -> None:
        """The help centre's answer was not gathered: say so rather than guess, and offer a person."""
        self.reply.add(f"I don't have {what} to hand, and I'd rather not guess. A person from our team can "
                       f"{person_can}: would you like me to {OFFER_PERSON}?")

    def _payment_methods(self) -> bool:
        """"Do you take paypal or crypto?": the help centre's list of the ways to pay, and which of those asked
        about it names and which it does not. Nothing it does not say is claimed, either way."""
        asked = payment_methods_asked(self.text)
        if not asked and not asks_which_ways_to_pay(self.ctx.message):
            return False
        entry = self._payment_methods_entry()
        if entry is None:
            self._not_to_hand("our list of accepted payment methods", "tell you for certain")
            return True
        self.reply.add(entry.answer)
        self._cite_faq(entry)
        unlisted = unlisted_payment_methods(self.text, entry.answer)
        listed = [method for method in asked if method not in unlisted]
        # "Business customers can also pay … by bank transfer": a way to pay the entry gives one plan only. A customer
        # on another plan was told "so yes" (a Pro customer asking to pay a failed invoice by bank transfer).
        only_for = {method: plan_a_way_to_pay_is_for(method, entry.answer) for method in listed}
        customer = self.ctx.customer
        # "We're on pro" after it, from a visitor: the plan they say they are on.
        own_plan = customer.plan if customer is not None else plan_stated(self.ctx.message)
        if everyone := [method for method in listed if only_for[method] is None]:
            self.reply.add(f"So yes, {_names_joined(everyone)} {'is' if len(everyone) == 1 else 'are'} among them.")
        for method in listed:
            plan = only_for[method]
            if plan is None:
                continue
            if own_plan is not None and own_plan.lower() != plan.lower():
                self.reply.add(f"{_names_joined([method], opening=True)} is only for {plan} customers, though, and "
                               f"you're on the {own_plan.capitalize()} plan.")
            else:
                self.reply.add(f"So yes, {method} is among them, for {plan} customers.")
        if unlisted:
            one = len(unlisted) == 1
            names = _names_joined(unlisted, opening=True)
            verb, pronoun = ("isn't", "it") if one else ("aren't", "them")
            self.reply.add(f"{names} {verb} among the payment methods our help centre lists, so I can't confirm "
                           f"that you could pay with {pronoun}. A person from our team can tell you for certain: "
                           f"would you like me to {OFFER_PERSON}?")
        return True

    def _tells_what_the_records_show_of_what_looks_wrong(self) -> bool:
        """"The amount", "it should be $19" after being asked what looks wrong on an invoice: what our records show for the
        invoice named (else the latest), its plan, and that this chat cannot change an invoice, with a person offered.
        Read alone they were off topic: the scope reply. False, having said nothing, for any other message."""
        if not says_what_looks_wrong(self.ctx) or self.ctx.customer is None or not self.facts.invoices:
            return False
        by_number = {invoice.number: invoice for invoice in self.facts.invoices}
        # "NW-1002" after the list of every invoice: the one the message names, not the list's three (read together,
        # they were "your latest invoice, NW-1003").
        meant = [by_number[n] for n in invoice_numbers(self.text) if n in by_number] or [
            by_number[n] for n in invoice_numbers(last_assistant_text(self.ctx)) if n in by_number]
        invoice = meant[0] if len(meant) == 1 else max(self.facts.invoices, key=lambda i: i.issued_on)
        plan = f", the {self.ctx.customer.plan} plan's price a month" if self.ctx.customer.plan_price == invoice.amount else ""
        which = "" if len(meant) == 1 else "your latest invoice, "
        # "It should be 19" after the invoice was named: what was expected is heard, not answered with the same reply
        # behind "my answer is the same".
        heard = "Thanks, I see it's not what you expected. " if _SAYS_WHAT_WAS_EXPECTED.search(self.ctx.message) else ""
        self.reply.add(f"{heard}Our records show {which}{invoice.number}, at {money(invoice.amount)}{plan}, issued on "
                       f"{invoice.issued_on.isoformat()}.")
        charged = [p for p in self.facts.payments if p.invoice_number == invoice.number and p.status != "failed"]
        twice = [p for p in self._duplicates_not_paid_back() if p.invoice_number == invoice.number]
        if twice:
            # "It should be 99 not 198": the invoice is right, and the 198 is its charge taken twice (that the invoice
            # can't be changed here answered nothing).
            asked = next((r for r in self.facts.refunds if r.invoice_number == invoice.number and r.status != "rejected"),
                         None)
            after = (f"Its refund has already been asked for (reference {asked.reference})." if asked is not None
                     else f"Duplicate charges are always refunded: {OFFER_REFUND}.")
            self.reply.add(f"What you were charged for it is {money(sum(p.amount for p in charged))}, though: it was "
                           f"charged twice on {twice[0].created_at.date().isoformat()}, and the second payment of "
                           f"{money(twice[0].amount)} is a duplicate. {after}")
            return True
        self.reply.add(f"{INVOICE_NOT_CHANGED}. If it should be different, a person from our team can look into it: "
                       f"would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _tells_the_period_of_the_prices_said(self) -> bool:
        """"Is that per month?" right after a plan's price was said ("Your plan, Pro ($29.00 a month), includes …"):
        yes or no, with the price. It got the steps to upgrade, whose words it matched. False, having said nothing, for
        any other message, or when the last reply gave no price."""
        asked = period_of_the_prices_said(self.ctx)
        if asked is None:
            return False
        period, said = asked
        monthly = period.startswith("month")
        prices = joined_with_and([f"{plan} ${amount} a month" for plan, amount in said.items()])
        if len(said) == 1:
            ((plan, amount),) = said.items()
            self.reply.add(f"Yes: {plan} is ${amount} a month." if monthly
                           else f"No: {plan} is ${amount} a month, which is how our help centre prices every plan.")
        else:
            self.reply.add(f"Yes: those prices are a month ({prices})." if monthly
                           else f"No: those prices are a month ({prices}), which is how our help centre prices every plan.")
        return True

    def _send_invoice(self) -> bool:
        """"Can you email me my invoice?": no action here sends email, so where the customer gets it, as
        the help centre says, or the offer of a person when it says nothing."""
        if not SEND_BY_EMAIL.search(self.text):
            return False
        # What "it" is: the message's own words, or the question a follow-up leans on.
        about = f"{self.text}\n{with_topic(self.ctx)}"
        self.reply.add(f"{SENDS_NO_EMAIL} myself.")
        if not (has_cue(set(normalise(about).split()), normalise(about), *INVOICE_CUES) or invoice_numbers(about)):
            # "Send that to my email" after an answer about a failed payment: no document to point to, and
            # repeating the answer would not answer the request. The conversation itself is kept.
            if self.ctx.customer is not None:
                self.reply.add("Everything I've told you stays in this conversation: you'll find it under "
                               "**Your conversations** whenever you're signed in.")
            self.reply.add(f"If you'd like it from a person instead, just ask and I'll {OFFER_PERSON}.",
                           answers=False)
            return True
        how = next((m for m in self.facts.faq if "invoice" in normalise(m.question).split()
                    and has_cue(set(normalise(m.answer).split()), normalise(m.answer), "email", "download", "pdf")),
                    None)
        if how is None:
            self._not_to_hand("the details of how invoices reach you", "help")
            return True
        self.reply.add(how.answer)
        self._cite_faq(how)
        signed_in = self.ctx.customer is not None and self.facts.has_billing
        asked = (self._invoices_asked() or self._topic_invoices()) if signed_in else []
        latest = self._latest_document_meant() if signed_in and not asked else None
        if latest is not None:
            kind, invoice = latest
            when = f"paid on {invoice.paid_on.isoformat()}" if invoice.paid_on else f"issued on {invoice.issued_on.isoformat()}"
            self.reply.add(f"Your latest {kind}, {invoice.number} ({money(invoice.amount)}, {when}), is there too.")
        elif asked:
            named = ", ".join(f"{i.number} ({money(i.amount)}, issued on {i.issued_on.isoformat()})" for i in asked)
            self.reply.add(f"The one you asked about, {named}, is there too." if len(asked) == 1
                           else f"The ones you asked about, {named}, are there too.")
            self.copies_pointed_to.update(i.number for i in asked)
        self.reply.add(f"If you need more help with it, just ask and I'll {OFFER_PERSON} from our team.", answers=False)
        return True

    def _latest_document_meant(self) -> tuple[str, InvoiceFact] | None:
        """"Email me a receipt": the latest paid invoice; "email me the invoice": the latest issued."""
        if has_cue(self.words, self.norm, "receipt"):
            paid = sorted((i for i in self.facts.invoices if i.status == "paid"), key=lambda i: i.issued_on)
            return ("receipt", paid[-1]) if paid else None
        if has_cue(self.words, self.norm, "last invoice", "latest invoice", "the invoice", "my invoice", "an invoice"):
            issued = sorted(self.facts.invoices, key=lambda i: i.issued_on)
            return ("invoice", issued[-1]) if issued else None
        return None

    def _asks_about_own_billing(self) -> bool:
        if has_cue(self.words, self.norm, "my", "last", "twice", "mine"):
            return True
        # "How do I sign up for the business plan?": the "I" of a how-to is anyone's, and the help centre's steps
        # answer it; a visitor asked to sign in for it reads as if they had asked about their invoices. So is the "I" of
        # "do you offer refunds if I don't like it?": what would happen, which the policy says to anyone.
        return has_cue(self.words, self.norm, "me", "i") and not asks_how_to(self.text) and not _IF_I.search(self.text)

    def _describe_invoice(self, invoice: InvoiceFact, *, named: bool = False, opening: str = "") -> None:
        """The invoice's amount, dates and state; for one the message `named`, a duplicate charge on it too. A paid
        one's sentence starts with `opening` ("Your latest invoice, NW-2002,") where given."""
        if invoice.status == "paid":
            paid = f" and was paid on {invoice.paid_on.isoformat()}" if invoice.paid_on else ""
            if invoice.number not in self.copies_pointed_to:  # "a copy of NW-2001": its amount and date are told there
                self.reply.add(f"{opening or f'Invoice {invoice.number}'} is for {money(invoice.amount)}, issued on "
                               f"{invoice.issued_on.isoformat()}{paid}.")
            if not named:
                return
            # "Invoice NW-2002", "the first one": it was charged twice, which its line alone left unsaid.
            requested = self._standing_refunds()
            for payment in self._duplicates_not_paid_back():
                if payment.invoice_number != invoice.number:
                    continue
                twice = (f"It was charged twice, though: the second payment of {money(payment.amount)}, on "
                         f"{payment.created_at.date().isoformat()}, is a duplicate")
                if (refund := requested.get(invoice.number)) is not None:
                    self.reply.add(f"{twice}, and its refund has been requested (reference {refund.reference}).",
                                   answers=False)
                else:
                    self.reply.add(f"{twice}, and duplicate charges are always refunded: {OFFER_REFUND}.", answers=False)
        elif invoice.status == "failed":
            self._explain_failure(invoice)
        else:
            self.reply.add(f"Invoice {invoice.number} for {money(invoice.amount)}, issued on "
                           f"{invoice.issued_on.isoformat()}, is {invoice.status}.")

    def _why_an_expired_card_failed(self) -> bool:
        """"Why?" right after "Your payment for invoice NW-1003 … didn't go through because the card ending 4242 expired":
        a payment can't be taken from an expired card, and what puts it right. It got "My answer is the same" and the
        whole reply again. False, having said nothing, for any other message or reason."""
        told = _FAILED_FOR_AN_EXPIRED_CARD.search(last_assistant_text(self.ctx))
        if told is None or not _BARE_WHY.match(self.ctx.message):
            return False
        card = self.facts.card
        when = f" ({card.expires})" if card is not None and card.last4 == told["card"] and card.expired else ""
        self.reply.add(f"Because the card ending {told['card']} had expired{when}, and a payment can't be taken from an "
                       f"expired card. Once a new card is saved under **Billing → Payment method**, we'll try the payment "
                       f"for {told['number']} again by ourselves.")
        return True

    def _explain_failure(self, invoice: InvoiceFact) -> None:
        card = invoice.card_last4 or (self.facts.card.last4 if self.facts.card else "")
        reason = invoice.failure_reason.rstrip(".")
        self.reply.add(
            f"Your payment for invoice {invoice.number} ({money(invoice.amount)}, issued on "
            f"{invoice.issued_on.isoformat()}) didn't go through {_why_it_failed(reason, card)}."
        )
        expired = (self.facts.card is not None and self.facts.card.expired) or "expire" in reason.lower()
        if expired:
            self.reply.add(
                "To fix it, add a new card under **Billing → Payment method**; once it's saved we'll try the "
                f"payment for {invoice.number} again, so you don't need to do anything else."
            )
            self.reply.sources.append(Source(kind="faq", title="How do I change the card I pay with?"))

    def subscription_standing(self) -> bool:
        """The subscription's state as the billing facts hold it and, when it is past due, the failed
        payment behind it with its fix. False when there are no billing facts to tell it from."""
        plan = self.facts.subscription
        if not self.facts.has_billing or plan is None:
            return False
        if plan.status == "active":
            renews = f"; it renews on {plan.renews_on.isoformat()}" if plan.renews_on else ""
            self.reply.add(f"Your {plan.plan} subscription is active{renews}.")
        elif plan.status == "cancelled":
            self.reply.add(f"Your {plan.plan} subscription is cancelled.")
        else:
            failed = sorted((i for i in self.facts.invoices if i.status == "failed"), key=lambda i: i.issued_on)
            self.reply.add(f"Your {plan.plan} subscription is past due.")
            for invoice in failed:
                self._explain_failure(invoice)
            if failed and not any("Payment method" in p for p in self.reply.paragraphs):
                # Not an expired card, so _explain_failure gave no fix: the help centre's entry on the card.
                self.reply.add("You can replace the card we charge under **Billing → Payment method**.",
                               answers=False)
                self.reply.sources.append(Source(kind="faq", title="How do I change the card I pay with?"))
        return True

    def _asks_why_the_plans_price(self, asked: list[InvoiceFact]) -> bool:
        """"Why is my bill $29?" from a Pro customer: an invoice for the plan's monthly price, asked why. Its figures
        alone ("Invoice NW-1002 is for $29.00") said what, not why; the plan it charges for says why."""
        customer = self.ctx.customer
        return (customer is not None and bool(customer.plan_price) and has_cue(self.words, self.norm, "why")
                and any(invoice.amount == customer.plan_price for invoice in asked))

    def _asks_last_payment(self) -> bool:
        """"When did I last pay", "my last payment", "did I pay this month": a date and an amount, not a list."""
        pays = has_cue(self.words, self.norm, "pay", "paid", "payment", "charged", "charge", "bill", "billed")
        return pays and has_cue(self.words, self.norm, "last", "latest", "recent", "when did", "this month")

    def _charged_after_cancelling(self) -> None:
        """"I was charged $29 but I cancelled last month": whether our records hold the subscription as cancelled, the
        latest charge, and a person offered, as only they can see a cancellation that did not go through. The invoice
        and last payment alone read as if the cancellation had gone unheard."""
        plan = self.facts.subscription
        assert plan is not None  # the caller checks
        if plan.status == "cancelled":
            self.reply.add(f"Our records show your {plan.plan} subscription as cancelled.")
            cancelling = self._entry_on("cancel")
            if cancelling is not None:
                self.reply.add(f"What our help centre says about cancelling: {cancelling.answer}", answers=False)
                self._cite_faq(cancelling)
        else:
            standing = "past due" if plan.status == "past_due" else "active"
            self.reply.add(f"{CANCELLATION_UNSEEN}: your {plan.plan} subscription is still {standing} "
                           f"on your account, at {money(plan.price_monthly)} a month.")
        # "I just cancelled" names no charge: the last payment is for a charge said to follow the cancellation.
        charged = bool(CHARGED_AFTER_CANCELLING.search(self.text)) or bool(
            re.search(r"\$\d|\bNW-\d", last_assistant_text(self.ctx)))
        if charged:
            self._last_payment()
        happened = "were still charged" if charged else "it doesn't show"
        self.reply.add(f"If you cancelled and {happened}, a person from our team should look into it with you: "
                       f"would you like me to {OFFER_PERSON}?", answers=False)

    def _charged_after_downgrading(self) -> None:
        """"I was charged after I downgraded": the plan our records hold the subscription on, when a downgrade takes
        effect, the latest charge, and a person offered, as only they can see a plan change that did not go through. The
        invoice list alone read as if the downgrade had gone unheard."""
        plan = self.facts.subscription
        assert plan is not None  # the caller checks
        self.reply.add(f"Our records show your subscription on the {plan.plan} plan, at {money(plan.price_monthly)} a "
                       "month.")
        downgrading = self._entry_on("downgrade")
        if downgrading is not None:
            self.reply.add(f"What our help centre says about downgrading: {downgrading.answer}", answers=False)
            self._cite_faq(downgrading)
        self._last_payment()
        self.reply.add(f"If you moved to a smaller plan and a charge since doesn't match it, a person from our team "
                       f"should look into it with you: would you like me to {OFFER_PERSON}?", answers=False)

    def _plan_not_applied(self) -> None:
        """"I was charged but my app is still on free": the plan the account is on, with the payment behind it (or
        none), and a person offered for whatever shows otherwise, which the facts can't see."""
        customer = self.ctx.customer
        assert customer is not None  # the caller answers visitors before this
        self.reply.add(f"{on_plan(customer.plan, customer.plan_price)}: that's the plan on your account, and every "
                       "app on it runs on that plan.")
        if customer.plan_price:
            self._last_payment()
        elif not any(p.status != "failed" for p in self.facts.payments):
            self.reply.add("I can't find a payment from you on our records, so no charge for a paid plan went through "
                           "to us.")
        self.reply.add(f"If the dashboard shows you another plan, or a charge for a plan you don't have, I can "
                       f"{OFFER_PERSON} to look into it.", answers=False)

    def _last_payment(self) -> None:
        paid = sorted((p for p in self.facts.payments if p.status != "failed" and not p.duplicate),
                      key=lambda p: p.created_at, reverse=True)
        if not paid:
            self.reply.add("I can't find a successful payment on your account yet.")
            return
        last = paid[0]
        card = f" with the card ending {last.card_last4}" if last.card_last4 else ""
        self.reply.add(f"Your last payment was {money(last.amount)} on {last.created_at.date().isoformat()}{card}, "
                       f"for invoice {last.invoice_number}.")
        failed = [p for p in self.facts.payments if p.status == "failed" and p.created_at > last.created_at]
        if failed:
            latest = max(failed, key=lambda p: p.created_at)
            self.reply.add(f"Since then, the payment for invoice {latest.invoice_number} on "
                           f"{latest.created_at.date().isoformat()} didn't go through.", answers=False)

    def _total_paid(self) -> None:
        """"How much have I paid so far?": the billing worker's sum of the successful charges."""
        totals = self.facts.totals
        if not totals:
            return  # the look-up failed: nothing to sum from
        count = totals.get("payments_succeeded") or 0
        if not count:
            self.reply.add("You haven't paid us anything so far.")
            return
        back = Decimal(totals.get("paid_back") or 0)
        paid_back = f", of which {money(back)} has been paid back to you" if back else ""
        self.reply.add(f"You've paid {money(totals['paid'])} in total, over {count} payment{'s' if count != 1 else ''} "
                       f"since {totals['first_payment_on']}{paid_back}.")

    def _total_paid_in_a_period(self) -> bool:
        """"How much have I paid this year?", "how much did I pay in november?": that period's sum, from the billing
        worker's totals, with its payments listed (and any that failed, which the sum leaves out). The invoice list
        came, or November's invoice alone, where Bob paid it twice. False, having said nothing, when no period's sum is
        asked or nobody is signed in."""
        period = period_of_a_sum_asked(self.ctx.message, today=self.ctx.today)
        by_period = self.facts.totals.get("paid_by_period")
        if period is None or self.ctx.customer is None or by_period is None:
            return False
        in_it = sorted((p for p in self.facts.payments if p.created_at.date().isoformat().startswith(period.key)),
                       key=lambda p: (p.created_at, p.reference), reverse=True)
        summed = by_period.get(period.key)
        first = self.facts.totals.get("first_payment_on")
        if summed is None and not first:
            self.reply.add("You haven't paid us anything so far.")
            return True
        if summed is None and in_it:
            # Alice's November: its only payment failed, which is what she needs to hear of.
            failed = in_it[0]
            self.reply.add(f"You haven't paid us anything {period.unnumbered}: the payment of {money(failed.amount)} "
                           f"for invoice {failed.invoice_number} on {failed.created_at.date().isoformat()} failed.")
            return True
        if summed is None:
            self.reply.add(f"You haven't paid us anything {period.unnumbered}. Your first payment was on {first}.")
            return True
        count = summed["payments"]
        self.reply.add(f"You paid {money(Decimal(summed['paid']))} {period.said}, over {count} "
                       f"payment{'s' if count != 1 else ''}:\n" + "\n".join(_payment_line(p) for p in in_it))
        if any(p.status == "failed" for p in in_it):
            self.reply.add("The payment that failed isn't counted in that sum.", answers=False)
        requested = self._standing_refunds()
        if twice := [p for p in self._duplicates_not_paid_back() if p in in_it and p.invoice_number not in requested]:
            # Bob's November: the sum holds a charge taken twice, which is his to have back.
            self.reply.add(f"One of them is a duplicate charge for invoice {twice[0].invoice_number}, and duplicate "
                           f"charges are always refunded: {OFFER_REFUND}.", answers=False)
        return True

    def _asks_what_is_due(self) -> bool:
        """"When is my next payment due", "when does my plan renew", "how much do I owe": what is owed now
        and what will be charged next, not the invoices already paid."""
        if self._asks_to_pay_the_renewal_ahead():
            return True
        if has_cue(self.words, self.norm, "renew", "renews", "renewal", "renewed", "due", "upcoming", "coming up",
                *OWED_CUES) or _WHEN_CHARGED.search(self.text):
            return True
        return has_cue(self.words, self.norm, "next") and has_cue(
            self.words, self.norm, "pay", "payment", "bill", "billed", "charge", "charged", "invoice")

    def _what_is_due(self, *, failures_told: bool) -> None:
        unpaid = sorted((i for i in self.facts.invoices if i.unpaid), key=lambda i: i.issued_on)
        asks_owed = has_cue(self.words, self.norm, *OWED_CUES)
        # "What's my next bill going to be?", "when does my plan renew?": the next charge is the answer, said
        # first; an unpaid invoice follows it. "How much do I owe?" is answered by the unpaid invoice first.
        next_first = not asks_owed and (has_cue(self.words, self.norm, *NEXT_CHARGE_CUES)
                                        or bool(_WHEN_CHARGED.search(self.text)))
        if next_first:
            self._next_renewal(after_unpaid=False, fix_follows=bool(unpaid) and not failures_told)
        if unpaid and not failures_told:
            if len(unpaid) > 1 and self.facts.totals:  # a sum: the billing worker's, so the critic can check it
                self.reply.add(f"You have {money(self.facts.totals['outstanding'])} outstanding, on {len(unpaid)} "
                               "unpaid invoices.")
            elif asks_owed and len(unpaid) == 1:
                self.reply.add(f"You have {money(unpaid[0].amount)} outstanding.")
            for invoice in unpaid:
                if invoice.status == "failed":
                    self._explain_failure(invoice)
                else:
                    self.reply.add(f"Invoice {invoice.number} for {money(invoice.amount)}, issued on "
                                   f"{invoice.issued_on.isoformat()}, is still open: it's due now.")
        elif not unpaid and asks_owed:
            self.reply.add("You don't owe anything right now: every invoice on your account is paid." if self.facts.invoices
                           else "You don't owe anything: there are no invoices on your account.")
        if not next_first:
            self._next_renewal(after_unpaid=bool(unpaid))
        if self._asks_to_pay_the_renewal_ahead():
            self.reply.add("The renewal itself is charged automatically on its date. Paying it early isn't something our "
                           "help centre describes, and I can't take a payment from this chat; a person from our team can "
                           f"tell you whether it can be done, if you'd like me to {OFFER_PERSON}.", answers=False)
        elif has_cue(self.words, self.norm, *EXTENSION_CUES):
            self.reply.add("Whether a payment can be put off isn't something our help centre describes, so I can't "
                           f"promise more time; a person from our team can tell you, if you'd like me to {OFFER_PERSON}.",
                           answers=False)
        elif has_cue(self.words, self.norm, *LATE_PAYMENT_CUES):
            # What an unpaid account leads to is policy no fact here states: said, not guessed.
            self.reply.add("What happens to an account with a payment outstanding isn't something I can tell you "
                           "from here; a person from our team can, if you'd like me to pass you on.", answers=False)

    def _asks_to_pay_the_renewal_ahead(self) -> bool:
        """"Can I pay it now?" right after the next renewal was told, or a next charge named as paid ahead ("can I pay
        my next invoice in advance?"); not "can I pay it now?" of a failed payment, which adding a card settles."""
        plan = self.facts.subscription
        if (not _PAYS_AHEAD.search(self.ctx.message) or plan is None or plan.status == "cancelled"
                or plan.renews_on is None or not plan.price_monthly):
            return False
        own = normalise(self.ctx.message)
        return RENEWAL_TOLD in last_assistant_text(self.ctx) or has_cue(set(own.split()), own, *NEXT_CHARGE_CUES)

    def _renewal_date_change_unsaid(self) -> bool:
        """"Can I change my billing date?": the help centre never says the day a plan renews can be moved, which is
        said rather than guessed, with the day it renews now and a person. False, having said nothing, for another
        message."""
        if not asks_to_change_the_renewal_date(self.ctx.message, last_reply=last_assistant_text(self.ctx)):
            return False
        self.reply.add(f"{RENEWAL_DATE_CHANGE_UNDESCRIBED}, so I'd rather not guess.")
        plan = self.facts.subscription
        if plan is not None and plan.renews_on is not None and plan.status != "cancelled" and plan.price_monthly:
            self.reply.add(f"Your {plan.plan} plan renews on {plan.renews_on.isoformat()} now.", answers=False)
        self.reply.add(f"A person from our team can tell you whether it can be moved: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _reminder_before_renewal_unsaid(self) -> bool:
        """"Can you remind me before my plan renews?", "do you send a reminder before you charge me?": the chat sets no
        reminders and the help centre never says one is sent, which is said, with the day the plan renews (the renewal
        and the failed payment came, as if the date alone were asked). False, having said nothing, for another message."""
        if not _REMINDER_BEFORE_RENEWAL.search(self.ctx.message):
            return False
        self.reply.add("I can't set a reminder from this chat, and our help centre doesn't say whether we email one before "
                       "a plan renews, so I'd rather not promise it.")
        plan = self.facts.subscription
        if plan is not None and plan.renews_on is not None and plan.status != "cancelled" and plan.price_monthly:
            self.reply.add(f"Your {plan.plan} plan renews on {plan.renews_on.isoformat()}, when we'll charge "
                           f"{money(plan.price_monthly)}.", answers=False)
        return True

    def _tells_when_cancelled(self) -> bool:
        """"When did I cancel?": whether the records show the subscription cancelled (they hold no date for it), else
        that they show no cancellation (it got the plan and the steps to cancel). False, having said nothing, for
        another message or without a subscription in the facts."""
        plan = self.facts.subscription
        if plan is None or not _ASKS_WHEN_CANCELLED.search(self.ctx.message):
            return False
        if plan.status == "cancelled":
            self.reply.add(f"Your {plan.plan} plan is cancelled, but the records I can see don't hold the date it was "
                           f"cancelled. A person from our team can look it up: would you like me to {OFFER_PERSON}?")
            return True
        standing = "past due" if plan.status == "past_due" else "active"
        self.reply.add(f"{CANCELLATION_UNSEEN}: your {plan.plan} subscription is still {standing}, at "
                       f"{money(plan.price_monthly)} a month. If you cancelled and it didn't go through, a person from our "
                       f"team can look into it with you: would you like me to {OFFER_PERSON}?")
        return True

    def _invoices_one_a_month(self) -> bool:
        """"Why do I have 3 invoices?", and "but I only signed up in september" right after the invoice list: the plan is
        billed each month, so there is one invoice a month, each told with its date (the list alone came, then one
        invoice's details). False, having said nothing, for another message or an account with fewer than two
        invoices or no paid plan."""
        plan = self.facts.subscription
        invoices = sorted(self.facts.invoices, key=lambda i: i.issued_on)
        asked = _WHY_SO_MANY_INVOICES.search(self.ctx.message) or (
            _ONLY_JOINED_IN.match(self.ctx.message) and INVOICES_LISTED in last_assistant_text(self.ctx))
        if not asked or plan is None or not plan.price_monthly or len(invoices) < 2:
            return False
        listed = "\n".join(f"- {i.number}: {money(i.amount)}, issued on {i.issued_on.isoformat()}, {i.status}"
                           for i in invoices)
        self.reply.add(f"Your {plan.plan} plan is billed each month, so there's one invoice a month, the first issued on "
                       f"{invoices[0].issued_on.isoformat()}:\n{listed}")
        return True

    def _saving_of_a_move_down(self) -> bool:
        """"How much would I save if I go to free?": the difference between the customer's plan and the one named, a
        month, and when a downgrade takes effect (the downgrade's steps alone came). False, having said nothing, for
        another message, a plan that costs as much or more, or without the plan's facts."""
        target = saving_asked_of_a_move(self.ctx.message)
        plan = self.facts.subscription
        prices = {listed.name.lower(): listed.price_monthly for listed in self.facts.plans}
        change = self._monthly_change_to(target) if target is not None else None
        if target is None or plan is None or target.lower() not in prices or change is None or change[0] != "less":
            return False
        costs = f"costs {money(prices[target.lower()])} a month" if prices[target.lower()] else "costs nothing"
        self.reply.add(f"You'd save {money(change[1])} a month: you pay {money(plan.price_monthly)} a month "
                       f"for {plan.plan}, and {target} {costs}.")
        if (entry := self._entry_on("downgrade")) is not None:
            self.reply.add(f"If you'd like to move: {entry.answer}", answers=False)
            self._cite_faq(entry)
        return True

    def _plans_paid_monthly(self) -> bool:
        """"Can I pay monthly?" from a visitor: yes, as the plans are priced by the month, with the ways to pay (a visitor
        was asked to sign in, or told the payment methods as a guess). False, having said nothing, for another message or
        a signed-in customer (whose own plan answers it: _tells_monthly_billing)."""
        if self.ctx.customer is not None or not asks_about_paying_monthly(self.ctx.message):
            return False
        listing = self._plans_listed()[1]
        paid = [plan for plan in sorted(self.facts.plans, key=lambda plan: plan.price_monthly) if plan.price_monthly]
        if listing is not None and len(plan_prices(listing.answer)) > 1:
            self.reply.add(f"Yes: our plans are priced by the month. {listing.answer}")
            self._cite_faq(listing)
        elif paid:
            priced = " and ".join(f"{plan.name} {_monthly(plan.price_monthly)}" for plan in paid)
            self.reply.add(f"Yes: our plans are priced by the month: {priced}.")
        else:
            return False
        methods = self._payment_methods_entry()
        if methods is not None:
            self.reply.add(f"As for paying: {methods.answer}", answers=False)
            self._cite_faq(methods)
        return True

    def _tells_monthly_billing(self) -> bool:
        """"Can I switch to monthly?", "can I pay monthly?": the customer's plan is priced and paid by the month already,
        with its next renewal (it got the invoice list). False, having said nothing, for another message or without a
        subscription in the facts."""
        plan = self.facts.subscription
        if plan is None or not asks_about_paying_monthly(self.ctx.message):
            return False
        if not plan.price_monthly:
            self.reply.add(f"You're on the {plan.plan} plan, which costs nothing, so there's nothing to pay monthly.")
            return True
        renews = (f" Your next payment is on {plan.renews_on.isoformat()}."
                  if plan.renews_on is not None and plan.status != "cancelled" else "")
        if re.search(r"\bhow\s+much\b", self.ctx.message, re.IGNORECASE):
            # "How much do I pay per month?" asks the amount, not whether the payments are monthly.
            self.reply.add(f"You pay {money(plan.price_monthly)} a month for your {plan.plan} plan.{renews}")
        else:
            self.reply.add(f"You already pay monthly: your {plan.plan} plan is {money(plan.price_monthly)} a month."
                           f"{renews}")
        return True

    def _tells_the_renewals_amount(self) -> bool:
        """"How much will it be?" right after the next renewal was told: its amount, said first, with its date. The
        renewal told again read "my answer is the same". False, having said nothing, for another message."""
        plan = self.facts.subscription
        asked = asks_the_amount_of_it(self.ctx.message) or asks_the_amount_of_the_renewal(self.ctx)
        if (not asked or plan is None or plan.renews_on is None or not plan.price_monthly
                or RENEWAL_TOLD not in last_assistant_text(self.ctx)):
            return False
        self.reply.add(f"It will be {money(plan.price_monthly)}, for your {plan.plan} plan, on "
                       f"{plan.renews_on.isoformat()}.")
        return True

    def _tells_how_often_it_renews(self) -> bool:
        """"How often?" right after the next renewal was told: every month, as every plan is priced and paid, with the
        next one. False, having said nothing, for another message."""
        plan = self.facts.subscription
        if (plan is None or plan.renews_on is None or not plan.price_monthly or plan.status == "cancelled"
                or not asks_how_often_it_renews(self.ctx.message, last_reply=last_assistant_text(self.ctx))):
            return False
        # "Is that every month?" wants its yes; "is it every year?" its no.
        yearly = re.search(r"\byear", self.ctx.message, re.IGNORECASE) is not None
        opening = "No, every month" if yearly else "Yes, every month" if asks_yes_or_no(self.ctx.message) else "Every month"
        self.reply.add(f"{opening}: your {plan.plan} plan is {money(plan.price_monthly)} a month, paid monthly, and it "
                       f"next renews on {plan.renews_on.isoformat()}.")
        return True

    def _tells_the_retrys_amount(self) -> bool:
        """"How much?" right after the retry of a failed payment was told: the amount of the invoice tried again ("I
        don't have enough information to answer “can you retry it”" came). False, having said nothing, otherwise."""
        told = RETRY_TOLD.search(last_assistant_text(self.ctx))
        asked = asks_the_amount_of_it(self.ctx.message) or HOW_MUCH_ALONE.match(self.ctx.message)
        if not asked or told is None:
            return False
        retried = [i for i in self.facts.invoices if i.number in told["numbers"] and i.status == "failed"]
        if not retried:
            return False
        self.reply.add(" ".join(f"Invoice {invoice.number} is for {money(invoice.amount)}, issued on "
                                f"{invoice.issued_on.isoformat()}." for invoice in retried))
        return True

    def _tells_if_the_email_matches(self) -> bool:
        """"Is that real or a scam?" right after a failed payment was told: the email itself is not to hand, but whether
        our records show what it says is, with the way to act on it that needs no link from an email. False, having
        said nothing, for another message."""
        told = PAYMENT_FAILURE_TOLD.search(last_assistant_text(self.ctx))
        if told is None or not ASKS_IF_GENUINE.search(self.ctx.message):
            return False
        failed = [i for i in self.facts.invoices if i.status == "failed"]
        if not failed:
            return False
        which = joined_with_and([f"invoice {i.number} ({money(i.amount)})" for i in failed])
        self.reply.add(f"I can't see the emails you receive, so I can't check that one itself, but what it says matches "
                       f"our records: the payment for {which} did fail. To be safe, don't use links in an email you're "
                       "unsure of: sign in to Northwind Cloud yourself and replace the card under **Billing → Payment "
                       "method**.")
        return True

    def _next_renewal(self, *, after_unpaid: bool, fix_follows: bool = False) -> None:
        """The plan's next charge; `fix_follows` when an unpaid invoice told after it asks for a new card itself."""
        plan = self.facts.subscription
        if plan is None:
            self.reply.add("I can't see a plan subscription on your account, so nothing is due to renew.")
            return
        if plan.status == "cancelled":
            self.reply.add(f"Your {plan.plan} plan is cancelled, so there are no more payments to come.")
            return
        if plan.renews_on is None or not plan.price_monthly:
            self.reply.add(f"You're on the {plan.plan} plan, which costs nothing, so no payment is coming up.")
            return
        when = "Once that's settled, your" if after_unpaid else "Your"
        card = self.facts.card
        if card is None:
            pay_with = (". There's no card on your account yet: add one under **Billing → Payment method** "
                        "before then.")
        elif card.expired and (fix_follows or any("Payment method" in p for p in self.reply.paragraphs)):
            pay_with = "."  # the failed payment's fix, just above or next, already asks for a new card
        elif card.expired:
            pay_with = (f". The card on file, the {card.brand} ending {card.last4}, expired ({card.expires}), so "
                        "please add a new one under **Billing → Payment method** before then.")
        else:
            pay_with = f" to the {card.brand} ending {card.last4}."
        self.reply.add(f"{when} {plan.plan} plan renews on {plan.renews_on.isoformat()}, when we'll charge "
                       f"{money(plan.price_monthly)}{pay_with}")

    def _failed_payments(self) -> None:
        failed = [i for i in self.facts.invoices if i.status == "failed"]
        if not failed:
            latest = max(self.facts.invoices, key=lambda i: i.issued_on, default=None)
            if latest is None and _DECLINED_ON_A_MOVE.search(self.ctx.message):
                # "I want to upgrade but my card was declined" from Free: "nothing has failed" told them they were wrong.
                self.reply.add("A card declined while upgrading leaves nothing in the records I can see: there are no "
                               "invoices or payments on your account yet. Once a card is saved under **Billing → "
                               "Payment method**, try the upgrade again under **Billing → Plan**; if the card is declined "
                               "again, your card issuer can tell you why, or I can "
                               f"{OFFER_PERSON} from our team to look into it.")
            elif latest is None:
                self.reply.add("I can't find any invoices or payments on your account, so nothing has failed.")
            else:
                self.reply.add(
                    f"Good news: none of your payments has failed. Your latest invoice, {latest.number} for "
                    f"{money(latest.amount)}, is {latest.status}."
                )
                if (got := email_told_of(self.ctx.message)) is not None:
                    # "I got an email saying my payment failed" when none has: the email doesn't match the account,
                    # which is how a fake one gives itself away.
                    self.reply.add(f"So that {got} doesn't match your account. Don't follow its links or reply with a "
                                   "password or card details; if you're unsure, sign in the way you usually do and "
                                   f"check there, or I can {OFFER_PERSON} from our team to look at it with you.",
                                   answers=False)
            return
        for invoice in sorted(failed, key=lambda i: i.issued_on, reverse=True):
            self._explain_failure(invoice)

    def _bank_says_charged(self, asked: list[InvoiceFact]) -> None:
        """"NW-1003 says failed but my bank shows it was charged": what our records show of that payment, that the
        bank's side can't be seen from here, and a person to check it. No cause is offered: the facts give none."""
        if not BANK_SAYS_CHARGED.search(self.text):
            return
        failed = [invoice for invoice in (asked or self.facts.invoices) if invoice.status == "failed"]
        if not failed:
            return
        numbers = joined_with_and([invoice.number for invoice in failed])
        self.reply.add(f"Our records show the payment for {numbers} as failed, not as paid. I can't see your bank "
                       "statement from this chat, so I can't tell what your bank is showing; a person from our team "
                       f"can check it with you: would you like me to {OFFER_PERSON}?")

    def _charged_another_amount(self, asked: list[InvoiceFact]) -> None:
        """"My invoice says $29 but I was charged $31": the payments our records hold for the invoice, that none was for
        another amount, and a person to look at the statement (the invoice alone came, as if its figure were the
        answer). The customer's figure is not said back: the critic takes figures only from what was gathered. Nothing,
        for another message or one whose amounts are what was charged."""
        if len(asked) != 1 or not _SAYS_CHARGED.search(self.ctx.message):
            return
        invoice = asked[0]
        payments = [p for p in self.facts.payments if p.invoice_number == invoice.number and p.status != "failed"]
        if not payments:
            return
        charged = {p.amount for p in payments} | {sum((p.amount for p in payments), Decimal(0))}
        said = {Decimal(a.replace(",", "")) for a in AMOUNT.findall(self.ctx.message)}
        if not said - charged - {invoice.amount}:
            return  # every amount said is one our records hold: the invoice and its payments told are the answer
        taken = joined_with_and([f"{money(p.amount)} on {p.created_at.date().isoformat()}"
                                 for p in sorted(payments, key=lambda p: p.created_at)])
        self.reply.add(f"The payment{'s' if len(payments) > 1 else ''} our records show for {invoice.number}: {taken}, "
                       "and no other charge for it. I can't see your bank statement from this chat, so I can't tell where "
                       f"another amount comes from; a person from our team can check it with you: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)

    def _card_change_checked(self) -> None:
        """"I've updated my card, will you retry?": what the facts show of the card now, and what happens next."""
        card = self.facts.card
        failed = sorted(i.number for i in self.facts.invoices if i.status == "failed")
        # "Can you retry now?": no action here charges a card; the saved card is what sets the retry off.
        retry = (" I can't start a retry of the payment from this chat, but once it's saved, we'll try the payment "
                 f"for {', '.join(failed)} again automatically, so you don't need to do anything else.") if failed else ""
        if card is None:
            self.reply.add("I don't see a card saved on your account yet, so the change hasn't reached us. Check "
                           f"that it's saved under **Billing → Payment method**.{retry}")
        elif card.expired:
            self.reply.add(f"I still see the {card.brand} ending {card.last4} on your account, which expired "
                           f"({card.expires}), so the new card hasn't reached us yet. Check that it's saved under "
                           f"**Billing → Payment method**.{retry}")
        elif (named := self._card_brand_said()) is not None and named != card.brand.lower():
            # "The new one is a visa", then "done", while a mastercard is still on file: the change hasn't reached us.
            self.reply.add(f"I still see the {card.brand} ending {card.last4} on your account, not the new {named} card, "
                           "so the change hasn't reached us yet. Check that it's saved under **Billing → Payment "
                           f"method**.{retry}")
        else:
            done = (f" We'll try the payment for {', '.join(failed)} with it, so you don't need to do anything "
                    "else.") if failed else ""
            self.reply.add(f"Thanks: the card on file is a {card.brand} ending {card.last4}, valid until "
                           f"{card.expires}.{done}")

    def _card_brand_said(self) -> str | None:
        """The card brand the customer last named in this conversation for the new card ("the new one is a visa")."""
        for turn in reversed([*self.ctx.history, HistoryTurn(role="user", text=self.ctx.message)]):
            if turn.role == "user" and (brand := _CARD_BRAND.search(turn.text)) is not None:
                return _CARD_BRANDS[brand[0].lower()]
        return None

    def _when_retried(self, *, retry_was_asked: bool = True) -> bool:
        """When a failed payment is tried again: by itself once a card that works is saved, which the card on file
        shows; the help centre's timing when its entry on the card was gathered. False with nothing failed."""
        failed = ", ".join(sorted(i.number for i in self.facts.invoices if i.status == "failed"))
        if not failed:
            return False
        card = self.facts.card
        if card is not None and not card.expired:
            self.reply.add(f"We'll try the payment for {failed} again on the {card.brand} ending {card.last4} by "
                           "ourselves, so you don't need to do anything else.")
        else:
            now = (f"The card on file is still the {card.brand} ending {card.last4}, which expired ({card.expires})"
                   if card is not None else "There's no card saved on your account yet")
            self.reply.add(f"We'll try the payment for {failed} again by ourselves once a new card is saved under "
                           f"**Billing → Payment method**. {now}, so that hasn't happened yet.")
        entry = next((m for m in self.facts.faq if "retry" in normalise(m.answer).split()), None)
        if entry is not None and not self._faq_quoted(entry):
            timing = next((s for s in sentences(entry.answer) if "retry" in s.lower()), "")
            if timing:
                self.reply.add(f"From our help centre: {timing}", answers=False)
                self._cite_faq(entry)
        if retry_was_asked:
            self.reply.add("I can't start a retry from this chat myself.", answers=False)
        return True

    def answers_card_misuse(self) -> bool:
        """"I think someone is using my card", and from a visitor "I was charged but I don't have an account": the bank
        blocks a card and disputes its charges, ours are the account's payments, listed, and a person is offered (the card
        on file and the uptime SLA came, or a request to sign in and the refund policy). False, having said nothing, for
        another message."""
        if asks_to_stop_the_card_after_misuse(self.ctx):
            # "Should I cancel my card?" after that answer: the card on file and the steps to cancel the plan came.
            self.reply.add("If you think someone else is using it, yes: your bank or card issuer can cancel or block the "
                           "card and send you a new one. That doesn't cancel anything with us. Once you have the new card, "
                           "replace the one on file under **Billing → Payment method**, so your plan's payments go through."
                           if self.ctx.customer is not None else
                           "If you think someone else is using it, yes: your bank or card issuer can cancel or block the "
                           "card and send you a new one.")
            return True
        without_an_account = self.ctx.customer is None and says_charged_without_an_account(self.ctx.message)
        if not without_an_account and not reports_card_misused(self.ctx.message):
            return False
        if without_an_account:
            self.reply.add("If Northwind charged your card and you don't have an account with us, someone may have used "
                           f"your card to pay for one. {_YOUR_BANK_BLOCKS_IT[:1].upper()}{_YOUR_BANK_BLOCKS_IT[1:]}")
        else:
            self.reply.add(f"I'm sorry to hear that. If you think someone else is using your card, {_YOUR_BANK_BLOCKS_IT}")
        if self.ctx.customer is None:
            self.reply.add("I can't see any account's payments while you're not signed in. A person from our team can "
                           "look for a payment to Northwind from its date and amount: would you like me to "
                           f"{OFFER_PERSON}?", answers=False)
            return True
        if not self.facts.has_billing:
            # The look-up failed, or this run gathered no billing facts: no payment can be said to be, or not be, ours.
            self.reply.add("I couldn't look at the payments on your account just now. A person from our team can check "
                           f"which charges are ours with you: would you like me to {OFFER_PERSON}?", answers=False)
            return True
        self._payment_history(total=False)
        card = self.facts.card
        if card is not None:
            self.reply.add(f"{CARD_ON_FILE} a {card.brand} ending {card.last4}. If it's the card your bank blocks, "
                           "replace it with the new one under **Billing → Payment method**, so your plan's payments go "
                           "through.", answers=False)
        ours = ("Any other charge on your card isn't for your Northwind account" if self.facts.payments
                else "So a charge on your card isn't for your Northwind account")
        # A charge taken twice may be what looked like someone else's: its refund is then the one offer.
        if self._duplicate_refund_offered(of="these", then=f"{ours}; if your statement shows one from Northwind all the "
                                                          "same, a person from our team can look into it with you."):
            return True
        self.reply.add(f"{ours}. If your statement shows one from Northwind all the same, a person from our team can "
                       f"look into it with you: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _card_lost_or_removed(self) -> bool:
        """"My card was stolen", "can you remove my card?": the chat changes no card, so the card on file, the help
        centre's steps to replace it (which stop us charging it) and, for a lost card, that the bank blocks it (the card
        on file alone came). False, having said nothing, for another message."""
        lost = reports_card_lost(self.ctx)
        if not lost and not asks_to_remove_it(self.ctx):
            return False
        card, entry = self.facts.card, self._entry_on("card")
        replaced = f": {entry.answer}" if entry is not None else " under **Billing → Payment method**."
        if lost:
            self.reply.add("I'm sorry to hear that.")
        if self.ctx.customer is None:
            # A visitor: no card of theirs can be looked at, and the steps are theirs to take once signed in.
            self.reply.add(("To block the card itself, contact your bank. " if lost else "")
                           + "If it's the card on your Northwind account, you can replace it once you're signed in" + replaced)
            if entry is not None:
                self._cite_faq(entry)
            return True
        if card is None:
            self.reply.add("There's no card saved on your account with us, so we have nothing to charge it for."
                           + (" To block the card itself, contact your bank." if lost else ""))
            return True
        if lost:
            self.reply.add(f"{CARD_ON_FILE} a {card.brand} ending {card.last4}. I can't block a card from here: your bank "
                           "does that. To stop us charging it, replace it on your account with another card" + replaced)
        else:
            self.reply.add(f"I can't remove a card from this chat. {CARD_ON_FILE} a {card.brand} ending {card.last4}; "
                           "our help centre describes replacing it" + replaced)
            self.reply.add("It doesn't say whether a card can be removed without adding another, so I'd rather not "
                           f"guess: would you like me to {OFFER_PERSON}?", answers=False)
        if entry is not None:
            self._cite_faq(entry)
        return True

    def _card(self) -> None:
        card = self.facts.card
        if card is None:
            self.reply.add("I don't see a card saved on your account. You can add one under **Billing → Payment method**.")
        elif card.expired:
            self.reply.add(f"The card on file is a {card.brand} ending {card.last4}, which expired ({card.expires}). "
                           "You can replace it under **Billing → Payment method**.")
        else:
            self.reply.add(f"The card on file is a {card.brand} ending {card.last4}, valid until {card.expires}.")

    def _plan(self) -> None:
        customer = self.ctx.customer
        if customer is None:
            return
        plan = f"{on_plan(customer.plan, customer.plan_price)}."
        # "What's my plan?" is answered by the plan itself; a help-centre entry about plans would
        # answer a question the customer did not ask. "What's the SLA on my plan?" asks about the SLA:
        # a sure entry on it is the answer, next to the plan.
        own = asks_about_own_data(self.text)
        if not any(p.startswith(f"You're on the {customer.plan} plan") for p in self.reply.paragraphs):
            self.reply.add(plan, answers=own)  # not again after a plan named wrongly was corrected
        if own:
            about = topic_words(self.text) - topic_words("my plan subscription tier price cost")
            match = None if self.plan_change_told else self._faq(floor=FAQ_CONFIDENT)
            if match is not None and about & topic_words(match.question) and not self._faq_quoted(match):
                self._quote_faq(match, hedge=False)
            return
        match = None if self.plan_change_told else self._faq(floor=FAQ_PLAUSIBLE)
        if match is not None and any(t in normalise(match.question) for t in ("plan", "cancel", "subscription")):
            self.reply.add(match.answer)
            self.reply.sources.append(Source(kind="faq", title=match.question, ref=str(match.faq_id)))

    def _where_documents_are(self, asked: list[InvoiceFact]) -> None:
        """"Recipt for nov pls", after the month's invoice is told: a receipt is for a payment, so an unpaid
        invoice has none yet; and where each invoice is kept, as the help centre's entry on invoices says."""
        if names_receipt(self.text):
            for invoice in asked:
                if invoice.unpaid:
                    self.reply.add(f"As invoice {invoice.number} hasn't been paid, there's no receipt for it yet.",
                                   answers=False)
        entry = self._invoices_entry()
        if entry is not None and not self._faq_quoted(entry):
            self.reply.add(entry.answer, answers=False)
            self._cite_faq(entry)

    def answers_how_long_free_lasts(self) -> bool:
        """"How long can I stay on free?", "is the free plan forever?": the help centre names no time limit on Free,
        which is said with its entry on Free (the scope reply came, or the entry alone, which says nothing of how long).
        False, having said nothing, for another message or without the entry."""
        if not (asks_how_long_free_lasts(self.text) or free_plan_duration_asked(self.ctx)) or (
                entry := self._entry_on("free", "plan")) is None:
            return False
        on_it = (" You're on it now." if self.ctx.customer is not None and self.ctx.customer.plan.lower() == "free"
                 else "")
        if not asks_how_long_free_lasts(self.text):
            # "How long is it?" right after no trial was found: the trial's length, which there is none to give.
            self.reply.add("As there's no free trial in our help centre, there's no trial period I can give you.",
                           answers=False)
        self.reply.add("Our help centre names no time limit on the Free plan, so as far as it says, you can stay on it as "
                       f"long as you like.{on_it} What it says of Free: {entry.answer}")
        self._cite_faq(entry)
        return True

    def _invoices_in_a_format_unsaid(self) -> bool:
        """"As a zip?" after the invoice list, "can I get my invoices in excel?": the help centre describes a PDF of each
        invoice and nothing else, which is said with its entry and a person offered ("no guide" came, or the list again
        behind "my answer is the same"). False, having said nothing, for another message or without the entry."""
        if (asked := invoice_format_asked(self.ctx)) is None or (entry := self._invoices_entry()) is None:
            return False
        # "In one pdf" asks for them combined, which the entry's "each one as a PDF" doesn't say.
        combined = re.search(r"\b(?:one|single|combined|merged)\s+pdf", self.ctx.message, re.IGNORECASE)
        if asked == INVOICES_AS_PDF and INVOICES_AS_PDF in entry.answer and not combined:
            if asks_how_to(self.ctx.message):
                return False  # "how can I download every invoice as pdf": the list and the how-to, as for any how
            # "In pdf" after the invoice list (the scope reply came): the entry, which names a PDF of each.
            self.reply.add(entry.answer)
            self._cite_faq(entry)
            return True
        if combined and asked == INVOICES_AS_PDF:
            asked = "a single PDF"
        what = ("downloading all your invoices at once" if asked == INVOICES_ALL_AT_ONCE
                else f"getting invoices as {asked}")
        self.reply.add(f"Our help centre doesn't describe {what}, so I'd rather not promise that. What it says: "
                       f"{entry.answer}")
        self._cite_faq(entry)
        self.reply.add(f"If you need them another way, a person from our team can check what's possible: would you like "
                       f"me to {OFFER_PERSON}?", answers=False)
        return True

    def _where_invoices_download(self) -> bool:
        """"Can I download them?" right after a reply about invoices: yes, where, from the entry on them (the list came
        again behind "my answer is the same"). False, having said nothing, for another message or without the entry."""
        if not invoice_download_asked(self.ctx) or (entry := self._invoices_entry()) is None:
            return False
        self.reply.add(f"Yes: {entry.answer[:1].lower()}{entry.answer[1:]}")
        self._cite_faq(entry)
        return True

    def _retry_charged_once(self) -> bool:
        """"Will I be charged twice now?" right after a failed payment was said to be tried again: the retry is the
        unpaid invoice's one payment, and the plan's next renewal a charge of its own, for the next period (it got "I
        can't find a duplicate charge", as if one were reported). False, having said nothing, for another message or
        with no failed invoice."""
        failed = [i for i in self.facts.invoices if i.status == "failed"]
        if not asks_if_the_retry_charges_twice(self.ctx) or not failed:
            return False
        numbers = joined_with_and([i.number for i in failed])
        self.reply.add(f"No: the retry is the payment for {numbers}, which hasn't gone through yet, so it's charged once, "
                       "when it does.")
        plan = self.facts.subscription
        if plan is not None and plan.renews_on is not None:
            self.reply.add(f"Your {plan.plan} plan's renewal on {plan.renews_on.isoformat()} "
                           f"({money(plan.price_monthly)}) is a charge of its own, for the next period.", answers=False)
        self.reply.add("If you ever see the same invoice charged twice, tell me here: a duplicate charge is always "
                       "refunded in full.", answers=False)
        return True

    def _how_to_get_an_invoice(self) -> FaqMatch | None:
        """For "can you tell me how to request an invoice?", the entry on where invoices are, however low it scored (the
        API rate limits' entry outscored it, for "request"); None for another message or without it."""
        return self._invoices_entry() if asks_how_to_get_an_invoice(self.ctx.message) else None

    def _invoices_entry(self) -> FaqMatch | None:
        """The help centre's entry on where invoices are and how to download them, when it was gathered."""
        return next((m for m in self.facts.faq if "invoice" in normalise(m.question).split()
                     and has_cue(set(normalise(m.answer).split()), normalise(m.answer), "download", "pdf")), None)

    def _answers_why_it_is_more(self) -> bool:
        """"Why was I charged more this month?", "why is my bill so high?", or "why is it higher than usual?" after an
        invoice: a charge taken twice is why, when one is not yet paid back (the charge, and the refund it qualifies
        for); else the invoice asked about (or the latest) against the ones before it, which say whether it is higher
        at all, and what the records cannot say of why. False, having said nothing, for any other message."""
        message = self.ctx.message
        # "That's more than last month" after "why was I charged $99?": the charge the question before named.
        about_a_bill = _BILLED.search(message) or (self.text != message and _BILLED.search(self.text)) or (
            leans_back(message) and _BILLED.search(previous_user_text(self.ctx) or ""))
        price_asked = asks_if_the_price_changed(message)
        if not (ASKS_WHY_MORE.search(message) or price_asked) or not about_a_bill or not self.facts.invoices:
            return False
        if self._duplicates_not_paid_back() and not price_asked:
            self._duplicates()
            return True
        invoices = sorted(self.facts.invoices, key=lambda i: (i.issued_on, i.number))
        asked = self._invoices_asked()
        latest = asked[0] if len(asked) == 1 else invoices[-1]
        before = [i for i in invoices if i.issued_on < latest.issued_on][-3:]
        if not before:
            self.reply.add(f"Invoice {latest.number} ({money(latest.amount)}, issued on {latest.issued_on.isoformat()}) "
                           "is the first on your account, so there's none before it to compare it with.")
        elif all(i.amount == latest.amount for i in before):
            several = len(before) > 1
            self.reply.add(f"Invoice {latest.number} is for {money(latest.amount)}, the same as the invoice"
                           f"{'s' if several else ''} before it ({joined_with_and([i.number for i in reversed(before)])}"
                           f", {money(latest.amount)}{' each' if several else ''}), so as far as our records show "
                           # "Was there a price change?" asks of the price, not of a bill larger than usual.
                           + ("your plan's price hasn't changed." if price_asked else "it isn't higher than usual."))
        else:
            # The two figures, not their difference: a sum no fact holds is one the grounding guard strikes out.
            previous = before[-1]
            self.reply.add(f"Invoice {latest.number} is for {money(latest.amount)}, where {previous.number} before it "
                           f"was {money(previous.amount)}.")
            self.reply.add("The invoices I can see show only their totals, not what each is made of, so I can't tell "
                           "you what made the difference.", answers=False)
        self.reply.add(f"If your bank shows a different amount from us, tell me what you see, or I can {OFFER_PERSON} "
                       "from our team to go through it with you.", answers=False)
        return True

    def _has_no_other_card(self) -> bool:
        """"I don't have another card" right after being told to replace the expired one: the ways to pay the help centre
        lists, and a person, as nothing here can take a payment. It got the card on file told again. False, having said
        nothing, for another message or without the entry."""
        methods = self._payment_methods_entry()
        if (not says_there_is_no_other_card(self.ctx.message) or "Billing → Payment method" not in last_assistant_text(self.ctx)
                or methods is None):
            return False
        self.reply.add(f"Our help centre lists these ways to pay: {methods.answer}")
        self._cite_faq(methods)
        self.reply.add(f"If none of them works for you, a person from our team can look at it with you: would you like "
                       f"me to {OFFER_PERSON}?", answers=False)
        return True

    def _tells_why_there_are_no_invoices(self) -> bool:
        """"Why don't I have any?" right after being told there are no invoices, on Free: the plan costs nothing, so
        nothing has been charged. It got "my answer is the same". False, having said nothing, for another message."""
        plan = self.facts.subscription
        if (not _ASKS_WHY_NONE.match(self.ctx.message) or NO_INVOICES_TOLD not in last_assistant_text(self.ctx)
                or plan is None or plan.price_monthly):
            return False
        self.reply.add(f"Because you're on the {plan.plan} plan, which costs nothing: there's been nothing to charge, so "
                       "no invoice has been issued.")
        return True

    def _new_card_named(self) -> bool:
        """"The new one is a visa" right after the steps to replace the card: which card it replaces once saved, from
        the card on file. It got the card on file alone. False, having said nothing, for another message."""
        card = self.facts.card
        if (card is None or not _NAMES_THE_NEW_CARD.search(self.ctx.message) or self._card_brand_said() is None
                or "**Replace card**" not in last_assistant_text(self.ctx)):
            return False
        self.reply.add(f"Once you've saved it under **Billing → Payment method**, it replaces the {card.brand} ending "
                       f"{card.last4} on file now. Tell me when it's done and I'll check it has reached us.")
        return True

    def _invoice_detail_given(self) -> bool:
        """"My vat number is GB123456789": nothing in this chat stores it, which is said (it is not said back: a figure
        no fact holds is struck from a reply), with where the customer enters it, from the help centre's entry."""
        if not gives_an_invoice_detail(self.ctx.message, last_reply=last_assistant_text(self.ctx)):
            return False
        entry = self._entry_on("vat") or self._entry_on("company")
        where = entry.answer if entry is not None else "Enter it under **Billing → Details**."
        self.reply.add(f"Thanks, but I can't add it to your account from this chat, so it hasn't been saved anywhere. "
                       f"You can add it yourself: {where}")
        if entry is not None:
            self._cite_faq(entry)
        return True

    def _disowns_a_charge(self) -> bool:
        """"I did not authorize this payment", or "I never agreed to that" after a reply that named charges: the
        payments on the account, what they are for when each is the plan's price, and a person who can look into it
        (the invoice list, then the same again). False, having said nothing, for another message."""
        disowned = _DISOWNS_A_CHARGE.search(self.ctx.message)
        if disowned is None or invoice_numbers(self.ctx.message) or self.ctx.customer is None:
            return False
        what = disowned["what"]
        if what is not None and not _A_CHARGE.search(what) and not AMOUNT.search(last_assistant_text(self.ctx)):
            return False  # "I never agreed to that" of something other than a charge just told
        self._payment_history()
        # The charge most likely disowned is the one taken twice.
        if self._duplicate_refund_offered(of="them", then="If it's another charge you didn't agree to, a person from our "
                                                          "team can look into it with you."):
            return True
        self._charges_are_the_plans_price()
        self.reply.add("If you didn't agree to a charge, or think it shouldn't have been taken, a person from our team "
                       f"can look into it with you: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _duplicate_refund_offered(self, *, of: str, then: str) -> bool:
        """The oldest charge taken twice and not paid back, with its refund offered (a yes files it) and `then` after it.
        False, having said nothing, when there is none."""
        first = self._oldest_duplicate_not_paid_back()
        if first is None:
            return False
        self.reply.add(f"One of {of} is a duplicate: the second payment of {money(first.amount)} for invoice "
                       f"{first.invoice_number}, on {first.created_at.date().isoformat()}. A duplicate charge is always "
                       f"refunded; {OFFER_REFUND}. {then}", answers=False)
        return True

    def _no_receipt_for_a_failed_payment(self) -> bool:
        """"The one that failed?" after a receipt was asked for: no payment was taken for it, so there is none to show;
        the invoice is where the others are, and how the payment goes through is told (the steps to replace a card came
        alone). False, having said nothing, for another message or with no failed invoice."""
        if self.ctx.customer is None or not asks_for_the_failed_ones_receipt(self.ctx):
            return False
        invoice = max((i for i in self.facts.invoices if i.status == "failed"), key=lambda i: i.issued_on, default=None)
        if invoice is None:
            return False
        self.reply.add(f"{invoice.number} wasn't paid, so there's no payment to give a receipt for; the invoice itself is "
                       "under **Billing → Invoices** with the others.")
        self._explain_failure(invoice)
        return True

    def _tells_what_an_invoice_is_for(self) -> bool:
        """"What is it for?", "what's on it?" right after one invoice was told, or "what is invoice NW-1002 for?": a
        month of the customer's plan when its total is the plan's price, and that the records hold only totals (the
        same invoice's amount and dates again behind "my answer is the same", read as "is for $29.00"). False, having
        said nothing, for another message, a visitor, or no one invoice meant."""
        if self.ctx.customer is None or not _ASKS_WHAT_IT_IS_FOR.match(self.ctx.message):
            return False
        numbers = invoice_numbers(self.ctx.message) or invoice_numbers(last_assistant_text(self.ctx))
        invoice = next((i for i in self.facts.invoices if numbers == {i.number}), None)
        if invoice is None:
            return False
        told = f"Invoice {invoice.number} ({money(invoice.amount)}, issued on {invoice.issued_on.isoformat()})"
        own = self.facts.subscription
        if own is not None and own.price_monthly == invoice.amount:
            self.reply.add(f"{told} is for a month of your {own.plan} plan, which costs {money(own.price_monthly)} a "
                           "month. The invoices I can see show only their totals; the PDF under **Billing → Invoices** "
                           "shows it in full.")
        else:
            self.reply.add(f"{told}: the invoices I can see show only their totals, not what each is made of. The PDF "
                           f"under **Billing → Invoices** shows it in full, or I can {OFFER_PERSON} from our team to go "
                           "through it with you.")
        return True

    def _tells_why_the_amount(self) -> bool:
        """"Why is the amount 29?", "why is it 99?" after "$99.00" was said: what the figure is on the account (the plan's
        price a month, the invoices for it) or in our prices, and a person for a charge the records don't explain.
        False, having said nothing, for another message or a figure a visitor asks that no plan costs."""
        last_reply = last_assistant_text(self.ctx)
        figure = amount_asked_why(self.ctx.message, last_reply=last_reply, asked_before=previous_user_text(self.ctx) or "")
        # "Why is it $29?" right after one invoice was told is about that invoice, which the invoices' part explains; "why
        # did you charge me 99 dollars?" asks of the charge, which the plan's price explains (after a copy of NW-2001 was
        # asked for, the invoice list came).
        charged = figure_asked_as_a_charge(self.ctx.message)
        if figure is None or (len(invoice_numbers(last_reply)) == 1 and not charged):
            return False
        priced = [plan for plan in self.facts.plans if plan.price_monthly == figure]
        if self.ctx.customer is None or not self.facts.has_billing:
            if not priced:
                return False
            self.reply.add(f"{money(figure)} a month is the price of our {priced[0].name} plan.")
            if self.ctx.customer is None:
                self._ask_to_sign_in("the charges on your account")
            return True
        own = self.facts.subscription
        # "Why was I charged $29?" is of the payments taken: an invoice whose payment failed charged nothing.
        billed = sorted((i for i in self.facts.invoices if i.amount == figure and (i.status == "paid" or not charged)),
                        key=lambda i: i.issued_on)
        if not billed and charged:
            # "Why was I charged $99?" of a charge no invoice is for ("I can't find a charge of that amount"), or "$198" of
            # an invoice taken twice (the duplicate): the charges' own answers say it.
            return False
        for_it = ""
        if billed:
            several = len(billed) > 1
            for_it = (f" Invoice{'s' if several else ''} {joined_with_and([i.number for i in billed])} "
                      f"{'are each' if several else 'is'} for it.")
        if own is not None and own.price_monthly == figure:
            self.reply.add(f"{on_plan(own.plan, own.price_monthly)}: that's what each month of your plan costs.{for_it}")
            # "Why did you charge me 99?" of a plan one of whose months was taken twice: that one is not the plan's price.
            self._duplicate_not_paid_back_told(of=figure)
        elif billed:
            self.reply.add(f"{for_it.strip()} That is {'each' if len(billed) > 1 else 'the'} invoice's total; the invoices I "
                           "can see show only their totals, not what each is made of.")
        else:
            plan = f" You're on the {own.plan} plan at {money(own.price_monthly)} a month." if own is not None else ""
            none = "None of your invoices is for that amount." if self.facts.invoices else (
                "There are no invoices on your account.")
            self.reply.add(f"{none}{plan}")
            if priced:
                self.reply.add(f"{money(figure)} a month is the price of our {priced[0].name} plan.", answers=False)
        self.reply.add(f"If a charge you see doesn't match this, tell me where you see it, or I can {OFFER_PERSON} from "
                       "our team to go through it with you.", answers=False)
        return True

    def _charges_are_the_plans_price(self) -> None:
        """"Each was $29.00, the Pro plan's price a month": said only when every payment taken was exactly that; and a
        payment taken twice, with its refund offered (Bob's duplicate went unsaid behind "each was $99.00")."""
        plan = self.facts.subscription
        taken = {p.amount for p in self.facts.payments if p.status != "failed"}
        if plan is not None and plan.price_monthly and taken == {plan.price_monthly}:
            self.reply.add(f"Each was {money(plan.price_monthly)}, the {plan.plan} plan's price a month.", answers=False)
        self._duplicate_not_paid_back_told()

    def _duplicate_not_paid_back_told(self, *, of: Decimal | None = None) -> None:
        """"But invoice NW-2002 was charged twice …", with its refund offered, for a duplicate payment not yet paid back
        (of the amount `of`, where given)."""
        if (payment := self._oldest_duplicate_not_paid_back()) is not None and of in (None, payment.amount):
            self.reply.add(f"But invoice {payment.invoice_number} was charged twice on "
                           f"{payment.created_at.date().isoformat()}: the second payment of {money(payment.amount)} is a "
                           f"duplicate, which is always refunded in full: {OFFER_REFUND}.", answers=False)

    def _payment_history(self, *, total: bool = True) -> None:
        """"Payment history please": every payment on the account, newest first, and (with `total`) what they came to."""
        payments = sorted(self.facts.payments, key=lambda p: (p.created_at, p.reference), reverse=True)
        if not payments:
            plan = f" — you're on the {self.ctx.customer.plan} plan" if self.ctx.customer else ""
            self.reply.add(f"There are no payments on your account yet{plan}.")
            return
        lines = "\n".join(_payment_line(payment) for payment in payments[:12])
        self.reply.add(f"Here are the payments on your account, newest first:\n{lines}")
        if total:
            self._total_paid()

    def _invoice_list(self) -> None:
        if self.reply.answered and INVOICES_LISTED in last_assistant_text(self.ctx):
            # "The last one" after the list: answered above (the last payment), and the same list again says nothing.
            return
        invoices = sorted(self.facts.invoices, key=lambda i: i.issued_on, reverse=True)
        if not invoices:
            self.reply.add(NO_INVOICES_TOLD + (f" — you're on the {self.ctx.customer.plan} plan." if self.ctx.customer
                                               else "."))
            return
        self._the_invoice_asked_by_its_age(invoices)
        self.reply.add(f"{INVOICES_LISTED}\n" + "\n".join(invoice_line(i) for i in invoices[:6]))
        if _WHY_CHARGED.search(self.ctx.message) and self.facts.subscription is not None:
            # "Why was I charged?": what the charges are for, not only which there were.
            self._charges_are_the_plans_price()
        elif _EXPLAIN_THE_BILL.search(self.ctx.message) and self.facts.subscription is not None:
            # "Can you explain my bill?": what the charges are for, and why one failed, where the list alone came.
            self._charges_are_the_plans_price()
            failed = [i for i in invoices if i.status == "failed"]
            if failed:
                self._explain_failure(failed[0])
        if asks_for_document_copy(self.text) and not asks_how_to(self.text):
            # "I need my receipts", "a copy of every invoice this year": where each one is to download, not only which
            # there are. "How do I download them?" is told how, after the list (billing).
            self._where_documents_are([])

    def _the_invoice_asked_by_its_age(self, newest_first: list[InvoiceFact]) -> None:
        """"What was my last invoice?", "my first bill": that one leads, then the list. The list alone left the
        customer to find it; a failed one is told with why it failed and its fix."""
        if LATEST_INVOICE.search(self.text):
            invoice, which = newest_first[0], "latest"
        elif FIRST_INVOICE.search(self.text):
            invoice, which = newest_first[-1], "first"
        else:
            return
        if invoice.status == "failed":
            self.reply.add(f"Your {which} invoice is {invoice.number}.")
            self._explain_failure(invoice)
            return
        self._describe_invoice(invoice, named=True, opening=f"Your {which} invoice, {invoice.number},")

    def answers_which_invoice(self) -> bool:
        """"Which invoice?" right after an answer about a charge: the invoice that answer was about (the one
        charged twice, after "I was charged twice"), not every invoice on the account. False, having said
        nothing, when the message is not that question or the conversation names no one invoice."""
        if not WHICH_INVOICE.match(self.ctx.message) or not self.ctx.history or self.ctx.customer is None:
            return False
        answered = invoice_numbers(last_assistant_text(self.ctx))
        previous = normalise(previous_user_text(self.ctx) or "")
        about_twice = has_cue(set(previous.split()), previous, *DOUBLE_CHARGE_CUES)
        twice = {p.invoice_number: p for p in self.facts.payments
                 if p.duplicate and (p.invoice_number in answered or about_twice)}
        for number, payment in sorted(twice.items()):
            # Stated, not weighed for a refund again: the question asks which charge, it requests nothing.
            tense = "was" if payment.status == "refunded" else "is"
            self.reply.add(f"It's invoice {number}: it was charged twice on {payment.created_at.date().isoformat()}, "
                           f"and the second payment of {money(payment.amount)} {tense} the duplicate.")
        if twice:
            return True
        own = [i for i in self.facts.invoices if i.number in answered]
        if len(own) != 1:
            return False
        self.reply.add(f"It's invoice {own[0].number}.")
        self._describe_invoice(own[0])
        return True

    def answers_refund_no_action_covers(self) -> bool:
        """A refund no action or rule covers (withdrawing one, a partial one), answered: the refund part
        (reply_refunds) says how; billing alone has nothing to add."""
        return False

    def _mentions_double_charge(self) -> bool:
        """"I was charged twice", or "I got charged 198 instead of 99": the total of an invoice charged twice. Or
        "my invoice NW-2002 is wrong" of an invoice charged twice: what is wrong with it, which describing the
        invoice alone left unsaid."""
        if says_something_done_twice(self.ctx.message):
            # "I tried twice", "I only tried twice" (after a lock's reason): read as a charge taken twice, Bob's
            # duplicate was filed for a refund.
            return False
        return (has_cue(self.words, self.norm, "twice", "duplicate", "double", "two times", "2 times")
                or self._quotes_double_total() or self._says_a_charged_twice_invoice_is_wrong()
                or reports_charged_twice(self.ctx.message))  # "you charged me again!"

    def _says_a_charged_twice_invoice_is_wrong(self) -> bool:
        if not has_cue(self.words, self.norm, *_SOMETHING_WRONG):
            return False
        named = invoice_numbers(self.text)
        return any(p.invoice_number in named for p in self._duplicates_not_paid_back())

    def _standing_refunds(self) -> dict[str, RefundFact]:
        """The refunds asked for and not rejected, by the invoice each is for."""
        return {r.invoice_number: r for r in self.facts.refunds if r.status != "rejected"}

    def _duplicates_not_paid_back(self) -> list[PaymentFact]:
        """The payments marked as duplicates that have not been refunded."""
        return [p for p in self.facts.payments if p.duplicate and p.status != "refunded"]

    def _oldest_duplicate_not_paid_back(self) -> PaymentFact | None:
        """The first charge taken twice and not refunded: the one a reply names and offers to refund."""
        return min(self._duplicates_not_paid_back(), key=lambda p: p.created_at, default=None)

    def _what_a_double_charge_would_get(self, *, never_paid: bool) -> None:
        """"What happens if I get charged twice?" with no charge taken twice: the policy, for the day it happens ("I
        can't find a duplicate charge" answered a report nobody made), and that none is there now."""
        self.reply.add("If you're ever charged twice, the duplicate is always refunded in full, however long ago it "
                       "was taken: tell me here which charge was doubled and I'll find the duplicate payment and ask "
                       "for the refund for you.")
        self.reply.add("So far we haven't taken any payment from you." if never_paid
                       else "Right now none of your payments was taken twice.", answers=False)
        if (entry := self._entry_on("charged", "twice")) is not None:
            self._cite_faq(entry)

    def _quotes_double_total(self) -> bool:
        """Whether the message quotes what an invoice charged twice took in all (2 × $99.00 = 198): the customer
        describes the duplicate by its sum. A number equal to a single charge is no sign of one."""
        singles = {p.amount for p in self.facts.payments} | {i.amount for i in self.facts.invoices}
        return bool((quoted_numbers(self.text) & set(self._charged_twice_totals().values())) - singles)

    def _refund_declined(self) -> bool:
        """"I don't want a refund, I just want to know why": a refund that qualifies is offered, not asked for."""
        return declines_refund(self.ctx.message)

    def _duplicates(self) -> None:
        duplicates = [p for p in self.facts.payments if p.duplicate]
        never_paid = (not any(p.status != "failed" for p in self.facts.payments)
                      and not any(i.status == "paid" for i in self.facts.invoices))
        if not duplicates and supposes_a_charge_taken_twice(self.ctx.message):
            self._what_a_double_charge_would_get(never_paid=never_paid)
            return
        if not duplicates and never_paid:
            # Carol, on Free, has never paid: "each invoice was paid once" spoke of invoices she doesn't have.
            self.reply.add("I checked your account and we haven't taken any payment from you, so there's no charge to "
                           "have been taken twice. If your bank statement shows a charge from us, a person from our team "
                           "can look into it with you.")
            return
        if not duplicates:
            self.reply.add("I checked your payments and I can't find a duplicate charge: each invoice was paid once. "
                           "If your bank statement shows two charges, a person from our team can look into it with you.")
            return
        agrees = self._duplicate_claim_agrees(duplicates)
        if agrees is False:
            self._no_duplicate_where_named()
        for payment in duplicates:
            if payment.status == "refunded":
                # Paid back since: what happened, and the refund (with its reference) just below.
                self.reply.add(f"Invoice {payment.invoice_number} was charged twice on "
                               f"{payment.created_at.date().isoformat()}, and the second payment of "
                               f"{money(payment.amount)} was a duplicate.")
                continue
            self.reply.add(
                f"{self.duplicate_opening(agrees=agrees)} {payment.invoice_number} was charged twice on "
                f"{payment.created_at.date().isoformat()}, and the second payment of {money(payment.amount)} is a "
                "duplicate."
            )
        if "why" in self.words and any(p.status != "refunded" for p in duplicates):
            # "Why was I charged twice?": the records say which payment is the duplicate, not what caused it.
            self.reply.add("Our records mark the second payment as a duplicate of the first, but they don't say "
                           "what caused it.", answers=False)
        if self._refund_covered(duplicates):
            return
        if agrees is False:
            # The month or invoice named wasn't charged twice: the duplicate there is is offered, not filed, as
            # the customer asked about another charge.
            self.duplicate_claim_mismatched = True
            self._refund_options_for(one_per_invoice([o for o in self.facts.refund_options
                                                      if o.get("reason") == "duplicate_charge"]))
            return
        self._refund_options_for(self._refund_options_asked(only_duplicates=True))

    def _duplicate_claim_agrees(self, duplicates: list[PaymentFact]) -> bool | None:
        """Whether the invoices or months the message names include a charge taken twice; None when it names
        neither ("I was charged twice")."""
        named = invoice_numbers(self.ctx.message)
        months = set() if named else self._months_in(self.ctx.message)
        if not named and not months:
            return None
        issued = {i.number: i.issued_on.month for i in self.facts.invoices}
        return any(p.invoice_number in named or p.created_at.month in months
                   or issued.get(p.invoice_number) in months for p in duplicates)

    def _no_duplicate_where_named(self) -> None:
        """"Charged twice in October" when October's charge was taken once: said so, from the payments."""
        named = invoice_numbers(self.ctx.message)
        months = set() if named else self._months_in(self.ctx.message)
        where = [i for i in self.facts.invoices if i.number in named or i.issued_on.month in months]
        where_words = (joined_with_and([calendar.month_name[m] for m in sorted(months)]) if months
                       else joined_with_and(sorted(named)))
        taken = [p for p in self.facts.payments if p.status != "failed"]
        once = [i.number for i in where if sum(1 for p in taken if p.invoice_number == i.number) == 1]
        detail = f": invoice {joined_with_and(once)} was charged once" if once else ""
        if once and len(once) == len(where) and asks_if_charged_twice(self.ctx.message):
            # "Was NW-2001 charged twice?": a plain no to the question asked.
            self.reply.add(f"No: invoice {joined_with_and(once)} was charged once.")
            return
        self.reply.add(f"I can't find a duplicate charge in {where_words}{detail}.")

    def duplicate_opening(self, *, agrees: bool | None = None) -> str:
        """How a charge taken twice is brought up: agreeing only with a customer who said so of that charge,
        a plain yes to one who asked, and "however" when what they named wasn't charged twice."""
        if agrees is False:
            return "However, invoice"
        # "The full amount, not just the duplicate" names the duplicate to ask for more than it, reporting nothing.
        # "Can I get an invoice for the duplicate charge?" names it to ask for a document, asserting nothing to agree with.
        asks_only_for_a_document = wants_a_document(self.ctx.message) and not _SAYS_IT_WAS_CHARGED.search(
            self.ctx.message)
        if reports_charged_twice(self.ctx.message, charged_twice_totals=self._charged_twice_totals().values()) and (
                not asks_for_both_charges(self.ctx.message)) and not asks_only_for_a_document:
            return "You're right, I can see it: invoice"
        if asks_if_charged_twice(self.ctx.message) and not _ASKS_WHICH_OR_HOW.match(self.ctx.message):
            return "Yes: invoice"  # not to "which one is the duplicate?", which no yes answers
        return "Invoice"

    def _refund_covered(self, duplicates: list[PaymentFact]) -> bool:
        return any(a.kind == "refund" and a.invoice_number in {p.invoice_number for p in duplicates}
                   for a in self.reply.actions)
