"""Messages that ask nothing but say how the conversation is going: "this is useless", "😡😡😡", "you already
said that", "👍", "??".

Read as questions they were answered as questions: "this is useless" got an empathy line and "I don't have a guide
on that", "😡😡😡" a cheerful greeting, "you already said that" the same answer again. Each kind gets its own short
reply here; a message that also asks something ("this is useless, why was I charged twice?") is none of these, and
is answered as any other question. The phrasings are data, so a new one is a line, not a branch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.billing import NO_REFUND_REQUESTED, reports_card_replaced
from agents.follow_ups.history import last_assistant_text, last_assistant_turn, previous_user_text
from agents.follow_ups.offers import ASIDE_AFTER_SIGN, ASIDE_AFTER_UNCLEAR, OFFER_PERSON, OFFER_REFUND, OFFER_UNLOCK
from agents.set_phrases import (
    only_filler,
    phrase_alternation,
    plain,
    says_only_how_long_it_has_been,
    says_only_it_does_not_work,
)
from agents.workers.actions import awaiting_staff

# vent: frustration and nothing else; repeated: the assistant is saying the same thing again; acknowledged: a thumbs
# up or a smile; unclear: "??", "...", "what?", which ask what the last turn meant or what to say; resigned: "fine",
# "whatever", said to an answer the customer doesn't like.
Mood = Literal["vent", "repeated", "acknowledged", "unclear", "resigned"]

# Words and phrases of a customer fed up with the help they are getting. Only a message made of these and FILLER
# (agents.set_phrases) is a vent: "my deploy is useless slow" and "is the API useless without a key?" name something of
# their own.
VENT_PHRASES: tuple[str, ...] = (
    r"useless", r"pointless", r"hopeless", r"worthless", r"rubbish", r"garbage", r"trash", r"terrible", r"awful",
    r"horrible", r"pathetic", r"ridiculous", r"unacceptable", r"unbelievable", r"disgusting", r"stupid", r"dumb",
    r"bad", r"worst", r"(?:a\s+)?joke", r"frustrat\w*", r"annoy\w*", r"angry", r"mad", r"upset", r"furious",
    r"fed\s+up", r"(?:sick|tired)\s+of\s+(?:this|it|you|that)", r"waste\s+of\s+(?:my\s+)?(?:time|money)",
    r"(?:not|\w+n't|no|never)\s+(?:(?:really|very|much|even|being|so)\s+)?(?:help|helping|helpful|helped)", r"unhelpful", r"(?:no|little)\s+help",
    r"(?:this|that|it|you)\s+(?:really\s+)?sucks?", r"i\s+hate\s+(?:this|it|you)", r"i\s+give\s+up",
    r"(?:nobody|no\s+one)\s+(?:\w+\s+)?help\w*", r"getting\s+nowhere", r"going\s+(?:a?round\s+)?in\s+circles",
    r"come\s+on", r"ugh+", r"argh+", r"wtf", r"omg", r"ffs", r"smh", r"seriously", r"for\s+god'?s\s+sake",
    r"(?:are\s+)?you\s+kidding(?:\s+me)?", r"i'?m\s+done\s+with\s+(?:this|you|it)",
    r"taking\s+(?:forever|ages|so\s+long)", r"(?:i'?ve|i\s+have)\s+been\s+waiting\s+(?:for\s+)?(?:ages|forever|so\s+long)",
    r"nothing\s+(?:ever\s+)?(?:works?|worked|is\s+working|helps?|helped)",
    # "That's not fair" after a refund refused (it got "I don't have a guide on that").
    r"(?:not|isn'?t|is\s+not|that'?s\s+not)\s+(?:very\s+|really\s+)?fair", r"unfair", r"outrageous",
    # "This is the third time I'm asking", "I've asked this three times already" (the scope reply, or a guide its words
    # found).
    r"(?:this\s+is\s+)?(?:the\s+)?(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+time\s+(?:i'?m|i\s+am|i'?ve|i\s+have|we'?re"
    r"|we\s+are)\s+(?:been\s+)?ask(?:ing|ed)(?:\s+(?:this|that|it))?",
    r"(?:i'?ve|i\s+have|we'?ve|we\s+have)\s+(?:already\s+)?asked(?:\s+(?:this|that|it|you))?\s+(?:twice|(?:two|three|four|five|\d+"
    r"|several|many|so\s+many|a\s+few)\s+times)(?:\s+(?:already|now|before))?",
    r"i\s+keep\s+asking",
    # "What are you going to do about it?" after a complaint (the same guide again): a demand, met with a person.
    r"(?:so\s+)?what\s+(?:are|will|r)\s+(?:you|u)\s+(?:(?:going\s+to|gonna)\s+do|doing)\s+about\s+(?:it|this|that)",
)
# Phrases that say the assistant is repeating itself.
REPEAT_PHRASES: tuple[str, ...] = (
    r"you\s+(?:already|just)\s+(?:said|told\s+me|sent|gave\s+me|wrote)(?:\s+(?:me\s+)?(?:that|this|it))?",
    r"you\s+(?:said|told\s+me)\s+(?:that|this|it)\s+(?:already|before)",
    r"(?:you'?re|you\s+are|ur|stop|quit)\s+repeating(?:\s+(?:yourself|that|it|the\s+same\s+thing))?",
    r"you\s+keep\s+(?:saying|repeating|sending|telling\s+me|giving\s+me)\s+(?:me\s+)?(?:that|this|the\s+same(?:\s+\w+)?)",
    r"(?:the\s+)?same\s+(?:answer|reply|thing|message|response|text)(?:\s+as\s+before)?",
    r"i\s+already\s+(?:know|read|saw)\s+(?:that|this|it)", r"broken\s+record",
)
# Whole messages that only ask what was meant: "what?", "huh?", "what do you mean?".
CONFUSED_PHRASES: tuple[str, ...] = (
    r"what", r"for\s+what", r"huh", r"eh", r"sorry", r"pardon", r"come\s+again", r"wdym", r"what\s+do\s+you\s+mean",
    r"what\s+does\s+that\s+mean", r"i\s+don'?t\s+(?:understand|get\s+it)", r"i'?m\s+confused", r"confused",
)
# Whole messages that give in without agreeing: "fine", "whatever", "ok fine" (after a refund refused, the scope reply
# came: "I can only help with your Northwind account").
RESIGNED_PHRASES: tuple[str, ...] = (
    # Not "ok fine", a yes to an offer (affirms), nor after a refund filed, where it is heard as thanks.
    r"fine", r"fine\s+then", r"(?:oh|well)\s+fine", r"fine\s+whatever", r"whatever", r"whatever\s+then",
    r"if\s+you\s+say\s+so", r"oh\s+well", r"meh", r"suit\s+yourself", r"i\s+guess(?:\s+so)?",
)

# Emoji and emoticons of an angry, sad or exasperated customer; of one who is content; the rest say nothing.
UPSET_SIGNS = frozenset("😡😠🤬😤😞😢😭😩😫😖😣🙄👎💢😒☹🙁😔😟😿💔😾😑🤦🖕😓😥😧")
UPSET_EMOTICONS = (":(", ":-(", ">:(", ":'(", ":/", ":-/")
CONTENT_SIGNS = frozenset("👍👌🙏✅🙂😊😀😃😄😁❤💯👏🎉✔🆗😍🥰🤩😎🤝💪🌟⭐☺😉👋💚💙")
CONTENT_EMOTICONS = (":)", ":-)", ":d", ";)", "<3")
# Unicode categories a message of nothing but emoji and punctuation is made of (with the joiners and modifiers
# emoji are built from).
_SIGN_CATEGORIES = frozenset({"So", "Sk", "Sm", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Mn", "Me", "Cf", "Zs"})

_VENT = phrase_alternation(VENT_PHRASES)
_REPEAT = phrase_alternation(REPEAT_PHRASES)
_CONFUSED = phrase_alternation(CONFUSED_PHRASES)
_RESIGNED = phrase_alternation(RESIGNED_PHRASES)
_CONFUSED_MEANING = re.compile(r"\bmean\b", re.IGNORECASE)
# How the offline technical writer gives a guide's steps: "Our guide “…” covers this", "The guide from my last
# message, “…”". A turn that carries no sources (the evaluation's scripted history) is known by these words.
_GUIDE_GIVEN = re.compile(r"\bguide\b[^\n]*“[^”\n]+”[^\n]*\b(?:covers\s+this|says\s+this\s+about\s+it)")
_GUIDE_TITLE = re.compile(r"\bguide\b[^\n“]*“([^”\n]+)”[^\n]*\b(?:covers\s+this|says\s+this\s+about\s+it)")
# "How many instances can I have on pro?", "how do I redeploy?": a question of its own, put in words, not "what?" nor
# "did it work?".
_OWN_QUESTION = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how|what|which|where|when|can|could|do|does|is|are)\s+"
                           r"\S+(?:\s+\S+)+", re.IGNORECASE)


def asks_a_question_of_its_own(message: str) -> bool:
    """Whether the message is a question put in words of its own ("how do I redeploy?")."""
    return bool(_OWN_QUESTION.match(message))


def _only_signs(message: str) -> bool:
    """Nothing but emoji, emoticons and punctuation: "😡😡😡", "👍", "??", "...", ":("."""
    text = message.strip()
    for emoticon in (*UPSET_EMOTICONS, *CONTENT_EMOTICONS):
        text = text.lower().replace(emoticon, " ")
    return bool(message.strip()) and all(c.isspace() or unicodedata.category(c) in _SIGN_CATEGORIES for c in text)


def _mood_of_signs(message: str) -> Mood:
    lowered = message.lower()
    if any(c in UPSET_SIGNS for c in message) or any(e in lowered for e in UPSET_EMOTICONS):
        return "vent"
    if any(c in CONTENT_SIGNS for c in message) or any(e in lowered for e in CONTENT_EMOTICONS):
        return "acknowledged"
    return "unclear"


def mood_only(message: str) -> Mood | None:
    """The mood of a message that asks nothing but says how the conversation is going, or None when it asks or
    tells anything else ("this is useless, why was I charged twice?", "I'm frustrated that my payment failed")."""
    if _only_signs(message):
        return _mood_of_signs(message)
    text = plain(message)
    if _REPEAT.search(text) and only_filler(_VENT.sub(" ", _REPEAT.sub(" ", text))):
        return "repeated"
    if _VENT.search(text) and only_filler(_VENT.sub(" ", text)):
        return "vent"
    if _CONFUSED.fullmatch(text.strip(" \t\n?!.,")):
        return "unclear"
    if _RESIGNED.fullmatch(text.strip(" \t\n?!.,")):
        return "resigned"
    return None


StepsGiven = Literal["guide", "faq"]


def steps_that_did_not_help(ctx: SupportContext) -> StepsGiven | None:
    """"That didn't work", "I already tried all of that", "still failing", and nothing else, right after a guide's
    or an FAQ entry's steps: which gave them, or None. Read as questions they got the same steps again ("My answer is
    the same"), or an FAQ entry their words matched (the password reset, after the steps to turn on two-factor); the
    help centre has nothing more, so a person is what is left. After a reply that also told of an open incident
    (which "still not working" asks after), the message is read as it always was.

    The reply before is known by what it cited, whoever wrote it; one stored without sources by its words."""
    if says_only_how_long_it_has_been(ctx.message) and _WAIT_IN_THE_STEPS.search(last_assistant_text(ctx)):
        # "It's been 2 days" after steps that say to wait ("usually within an hour"): waited past it, and still not
        # working. Read as a question, it got the same guide again.
        return steps_given_before(ctx)
    if not says_only_it_does_not_work(ctx.message) or reports_card_replaced(ctx):
        return None
    return steps_given_before(ctx)


# Steps that say how long something takes: "wait for DNS to update, usually within an hour", "within a few minutes".
_WAIT_IN_THE_STEPS = re.compile(r"\bwait\b|\bwithin\s+(?:an?\s+|a\s+few\s+|\d+\s+)?(?:minutes?|hours?|hour|days?)\b",
                                re.IGNORECASE)


def steps_given_before(ctx: SupportContext) -> StepsGiven | None:
    """Which gave the steps of the reply before (a guide, an FAQ entry), or None: none, or it also told of an open
    incident."""
    last = last_assistant_turn(ctx)
    if last is None:
        return None
    if last.cited:
        if "incident" in last.cited:
            return None
        return "guide" if "article" in last.cited else "faq" if "faq" in last.cited else None
    return "guide" if _GUIDE_GIVEN.search(last.text) and "incident" not in last.text.lower() else None


def it_did_not_work_after_an_answer(ctx: SupportContext) -> bool:
    """"That didn't work", "still not working", and nothing else, after a reply that gave no steps and told of no
    incident: an account unlock started, a payment's failure explained, a refund filed. Read as a question it got
    whatever its words matched (the FAQ's password reset after an unlock, at 0.90) or "no guide"; what did not
    work is the customer's to say, and a person is offered meanwhile."""
    last = last_assistant_turn(ctx)
    return (last is not None and says_only_it_does_not_work(ctx.message) and steps_that_did_not_help(ctx) is None
            and not reports_card_replaced(ctx) and "incident" not in last.cited and "incident" not in last.text.lower())


# ---------------------------------------------------------------------- replies

# Each reply that offers a person words it with OFFER_PERSON, so a "yes" after it hands over (the offline classifier's
# rule, follow_up.accepts_offer).
_PERSON_OFFERED = f"Would you like me to {OFFER_PERSON} from our support team? Just say so and I will."
_GLAD = "Glad to help."
_WHAT_I_DO = "I can look at your invoices and plan, your account, or problems with your apps."
# The offers a "yes" accepts (follow_ups.offers'). After one, a "👍" or a "??" is not taken for that yes: nothing is done
# and no one called in on a sign.
_OFFERS = (OFFER_PERSON, OFFER_REFUND, OFFER_UNLOCK.lower(), "would you like me to")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# How a reply to a sign after an offer opens: it says the offer again, as an aside (history_without_asides).
# The writers' reply when nothing gathered answers the question.
_CANNOT_ANSWER = "I don't have enough information to answer that"
_NO_GUIDE = "I don't have a guide on that"  # the technical writer's word for a question no guide answers
# Replies of this module that open with feelings, not an answer: a reply the same as one of them is said to be the same
# without being quoted.
_NO_GIST = ("I'm sorry", "Sorry", "You're right", "Just to be sure", "My answer", "Glad to help", "I'm here")
# An invoice or an amount: a reply that opens with feelings but states the customer's records ("I'm sorry — invoice
# NW-1002 ($29.00) … is outside our 14-day refund window") is an answer, repeated in full, not withheld.
_STATES_A_RECORD = re.compile(r"\bNW-\d+|\$\d")


def _first_name(ctx: SupportContext) -> str:
    return ctx.customer.name.split()[0] if ctx.customer and ctx.customer.name else ""


def _what_can_i_do(ctx: SupportContext) -> str:
    name = _first_name(ctx)
    return f"Hi{' ' + name if name else ''}! What can I help you with today? {_WHAT_I_DO}"


def offer_made(text: str) -> str:
    """The sentence of `text` that offers something a "yes" accepts, with the "Just say so" after it; "" if none."""
    text = text.removeprefix(ASIDE_AFTER_SIGN).removeprefix(ASIDE_AFTER_UNCLEAR)  # an aside's offer is the offer
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    for at, sentence in enumerate(sentences):
        if any(offer in sentence.lower() for offer in _OFFERS):
            follows = sentences[at + 1] if at + 1 < len(sentences) else ""
            return f"{sentence} {follows}" if follows.lower().startswith("just say") else sentence
    return ""


def _after_colon(sentence: str) -> str:
    """"Would you like …" as it reads after a colon: "would you like …" ("I" stays as it is)."""
    return sentence if re.match(r"I\b", sentence) else sentence[:1].lower() + sentence[1:]


def _vent_reply(ctx: SupportContext) -> str:
    last = last_assistant_text(ctx)
    if NO_REFUND_REQUESTED in last:
        # "Why is it taking so long?" right after no refund request was found: nothing is held up; the refund the
        # account qualifies for, if one was offered, is offered again ("I'm sorry this has been frustrating" alone came).
        offered = next((p.strip() for p in last.split("\n\n") if OFFER_REFUND in p), "")
        return " ".join(filter(None, ["I'm sorry for the confusion: nothing is held up, because no refund has been asked "
                                      "for on your account yet.", offered, _PERSON_OFFERED if not offered else ""]))
    sorry = ("I'm sorry this has been frustrating, and that I haven't been more help so far." if ctx.history
             else "I'm sorry you're having a frustrating time.")
    return f"{sorry} {_PERSON_OFFERED} Or tell me what you need, and I'll do my best to sort it out here."


def _repeated_reply(ctx: SupportContext) -> str:
    if not ctx.history:
        return _vent_reply(ctx)  # nothing was said yet that could be repeated
    return ("You're right, and I'm sorry: I've been repeating myself, which doesn't help. "
            f"{_PERSON_OFFERED} Or tell me what my answer is missing, and I'll try another way.")


def _acknowledged_reply(ctx: SupportContext) -> str:
    if not ctx.history:
        return _what_can_i_do(ctx)
    if offer := offer_made(last_assistant_text(ctx)):
        # A thumbs-up to "shall I ask for the refund?" is asked again in words: nothing is filed, and no person
        # called in, on a sign that may only mean "seen".
        return f"{ASIDE_AFTER_SIGN} {_after_colon(offer)}"
    if last_assistant_text(ctx).startswith(_GLAD):
        return "I'm here if you need anything else."  # a second thumbs-up: not the same words again
    return f"{_GLAD} If anything else comes up, just ask."


# "Exit code 137", "error code 1", "it failed with code 2": a code from the customer's own tools, which no entry or
# guide explains (an HTTP status the guides name, "a 429", is not one).
_A_CODE_NAMED = re.compile(r"\b(?:exit|error|return|status)\s+(?:code|status)\s*:?\s*-?\d+\b|\bcode\s+-?\d+\b", re.IGNORECASE)


def _unclear_reply(ctx: SupportContext) -> str:
    if not ctx.history:
        return _what_can_i_do(ctx)
    if (_CONFUSED_MEANING.search(ctx.message) and _A_CODE_NAMED.search(previous_user_text(ctx) or "")
            and _GUIDE_GIVEN.search(last_assistant_text(ctx))):
        # "What does that mean?" after "my deploy failed with exit code 137" and the guide: the code's meaning, which
        # nothing here states ("Sorry if that wasn't clear" read as if the guide were the puzzle). Not said back: a
        # figure no fact holds is struck from a reply.
        return ("Our help centre doesn't explain that code, so I can't tell you what it means without guessing. The "
                "build log, from its first error, usually says what went wrong just before it. A person from our team "
                f"can look at it with you: would you like me to {OFFER_PERSON}?")
    if offer := offer_made(last_assistant_text(ctx)):
        return f"{ASIDE_AFTER_UNCLEAR} {_after_colon(offer)} Or tell me what else you need."
    return ("Sorry if that wasn't clear. Could you tell me which part you'd like explained, or what you need? "
            f"If you'd rather, I can {OFFER_PERSON} from our support team.")


# "It doesn't work" to open a conversation: nothing says what. Its words matched the FAQ's entry on resetting a
# password at 0.93 ("my password doesn't work"), which the shortcut sent.
WHAT_DOES_NOT_WORK_REPLY = ("Sorry to hear that. What isn't working? Tell me what you were trying to do and what you see "
                            "(the exact error message helps), and I'll take it from there.")


# The reply when a fault the guide's steps were just given for is said to cost the customer's business.
FAULT_COSTS_REPLY = ("I'm sorry, I know this is costing you. The steps in my last message are what our help centre has on "
                     "it, so as it's urgent, the quickest way on is for one of our engineers to look at it. "
                     f"{_PERSON_OFFERED} If you send me the exact error message you see, it will go to them with this "
                     "conversation.")


def steps_not_helped_reply(given: StepsGiven) -> str:
    """The reply when a guide's or an FAQ entry's steps did not fix it (steps_that_did_not_help)."""
    who = "one of our engineers" if given == "guide" else "someone on our team"
    return (f"I'm sorry those steps didn't sort it out. The help centre has nothing more on it, so the next step is for "
            f"{who} to look at it. {_PERSON_OFFERED} If you send me the exact error message you see, it will go to them "
            "with this conversation.")


# The reply when something said or done did not sort it out (it_did_not_work_after_an_answer).
_NOT_SORTED_REPLY = ("I'm sorry that didn't sort it out. What happens now when you try? Tell me what you see (the exact "
                    f"error message helps), and I'll take it from there. If you'd rather, I can {OFFER_PERSON} from "
                    "our support team.")
# The same while what was asked for waits for a member of staff: it has not been done yet, and no one else could do it
# sooner (the conversation is already in the staff queue).
_STILL_WAITING_REPLY = {
    "unlock": "The unlock hasn't been done yet: a member of our staff has to confirm it's you first, and you'll hear "
              "from us here as soon as it's done. Until then the account stays locked, so there's no need to try again.",
    "refund": "The refund hasn't been made yet: a member of our staff has to approve it first, and you'll hear from us "
              "here once it's reviewed.",
}


def not_sorted_reply(ctx: SupportContext) -> str:
    """The reply to it_did_not_work_after_an_answer: what happens now is asked, with a person offered; while an unlock
    or a refund waits for a member of staff, that it has not been done yet ("that didn't work" after being told the
    account stays locked until staff confirm got "What happens now when you try?")."""
    waiting = awaiting_staff(last_assistant_text(ctx))
    return _NOT_SORTED_REPLY if waiting is None else _STILL_WAITING_REPLY[waiting]


def _resigned_reply(ctx: SupportContext) -> str:
    if not ctx.history:
        return _what_can_i_do(ctx)
    if offer := offer_made(last_assistant_text(ctx)):
        # "Fine" to "would you like me to pass you to a person?" may only mean "have it your way": asked again in words.
        return f"{ASIDE_AFTER_SIGN} {_after_colon(offer)}"
    return "Alright. I'm here if anything else comes up, and if you'd like a person from our team, just say so."


_REPLIES = {"vent": _vent_reply, "repeated": _repeated_reply, "acknowledged": _acknowledged_reply,
            "unclear": _unclear_reply, "resigned": _resigned_reply}


def mood_reply(mood: Mood, ctx: SupportContext) -> str:
    """The reply to a message that only says how the conversation is going (mood_only)."""
    return _REPLIES[mood](ctx)


def history_past_asides(ctx: SupportContext) -> list[HistoryTurn]:
    """The conversation as a message after it reads it: without a "👍" (or "??") said after an offer and the reply
    that asked about the offer again.

    The "yes" that follows answers the offer, which every follow-up rule finds in the assistant's last turn and the
    customer's question before it: with the aside in between, the last turn was the aside and the question a
    thumbs-up, and "yes" filed nothing ("I don't have a guide on that"). Another sign keeps them: its reply is
    decided by the aside (the same again is said so: repeats_last_reply)."""
    if mood_only(ctx.message) is not None:
        return ctx.history
    kept: list[HistoryTurn] = []
    for turn in ctx.history:
        aside = (turn.role == "assistant" and turn.text.startswith((ASIDE_AFTER_SIGN, ASIDE_AFTER_UNCLEAR))
                 and kept and kept[-1].role == "user" and mood_only(kept[-1].text) is not None)
        if aside:
            kept.pop()
        else:
            kept.append(turn)
    return kept


def _same_text(text: str) -> str:
    return " ".join(text.split()).lower()


def same_reply_again(reply: str, *, asked_again: bool = True, new_question: bool = False) -> str:
    """Said instead of `reply` when it is word for word the assistant's last turn: that it is the same answer, the
    answer again in full (asked again, the customer may have missed part of it: a lock's reason, a refund's
    reference), and a person offered. A reply of feelings (this module's own) is said to be the same, not repeated.
    A new question the writer can't answer either is told so: "my answer would be the same" read as if the customer
    had asked the last one again."""
    answer = reply.strip()
    if not asked_again:
        for cannot in (_CANNOT_ANSWER, _NO_GUIDE):
            if cannot in answer:
                return f"{cannot} one either, and I'd rather not guess. {_PERSON_OFFERED}"
        if new_question and (guide := _GUIDE_TITLE.search(answer)) is not None:
            # "How many instances can I have on pro?" after the scaling guide's steps: the same steps again would say
            # nothing of it; that the guide is all there is, is the answer.
            return (f"Our guide “{guide[1]}” in my last message is all our help centre has on that, and it doesn't say "
                    f"more, so I'd rather not guess. {_PERSON_OFFERED}")
    offer = f"If that doesn't help, {_after_colon(_PERSON_OFFERED)} Or tell me what's still unclear, and I'll try another way."
    if OFFER_PERSON in answer:
        offer = "Or tell me what's still unclear, and I'll try another way."  # the answer offers a person itself
    if answer.startswith(_NO_GIST) and not _STATES_A_RECORD.search(answer):
        return f"My answer would be the same as my last message, so I won't repeat it. {offer}"
    return f"My answer is the same as in my last message:\n\n{answer}\n\n{offer}"


def same_for_another_plan(plan: str, reply: str, *, guide_leads: Sequence[str] = ()) -> str:
    """Said instead of `reply` to "and on business?" when the answer for that plan is word for word the last one
    (after "whats the memory limit on pro?", no plan has a figure): that it is the same for that plan, with the
    last answer's first sentence and its offer, not the whole answer again behind "My answer is the same".
    `guide_leads` are what the guides the reply names say before their steps, whose sentences naming the plan are
    what the steps left out ("3,000 on Business" after the rate limits' steps)."""
    paragraphs = [p.strip() for p in reply.split("\n\n") if p.strip()]
    gist = _SENTENCE_END.split(paragraphs[0])[0] if paragraphs else ""
    offer = offer_made(reply)
    names_the_plan = re.compile(rf"\b{re.escape(plan)}\b", re.IGNORECASE)
    if names_the_plan.search(gist):
        # "It's a free app" after "Apps on the Free plan sleep after 30 minutes …": the answer was that plan's already,
        # so it applies; "the same goes for the Free plan" read as if another plan had been asked of.
        told = re.sub(r"^(?:Yes|No)[:,]\s*", "", paragraphs[0])  # answered "do free apps sleep?", not asked again
        said = [f"Then this applies to you: {told[:1].lower()}{told[1:]}"]
        if offer and offer not in said[0]:
            said.append(offer)
        return "\n\n".join(said)
    said = [f"The same goes for the {plan.capitalize()} plan. {gist}".strip()]
    # "I'm on the free plan" after a guide's steps: the steps that speak of that plan are what it adds ("on Free, apps
    # sleep after 30 minutes without traffic"); the gist alone ("Our guide … covers this") said nothing of it.
    naming = [line.strip() for line in reply.splitlines()
              if names_the_plan.search(line) and line.strip() not in said[0]]
    # "We're on business though" after the steps for 429 errors: the steps name no plan; the guide's lead does.
    naming += [sentence for lead in guide_leads for sentence in _SENTENCE_END.split(lead)
               if names_the_plan.search(sentence) and sentence not in naming]
    if naming:
        said.append(f"What it says of {plan.capitalize()}:\n" + "\n".join(naming))
    if offer and offer not in said[0]:
        said.append(offer)
    return "\n\n".join(said)


def repeats_last_question(ctx: SupportContext) -> bool:
    """Whether the message is, word for word, the customer's last one."""
    last = next((turn.text for turn in reversed(ctx.history) if turn.role == "user"), "")
    return bool(last) and _same_text(ctx.message_as_typed or ctx.message) == _same_text(last)


def repeats_last_reply(reply: str, ctx: SupportContext) -> bool:
    """Whether `reply` is, word for word, the assistant's last turn: sent again, it reads as a bot on a loop."""
    last = last_assistant_text(ctx)
    return bool(last) and _same_text(reply) == _same_text(last)
