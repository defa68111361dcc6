"""Asked where a step just given is done: "where do I do it?", "where is that?" right after a reply that named a place in
the dashboard ("Go to **Billing → Plan** …").

Read as a question, "where do I do it?" got the customer's plan and "no invoices", and "where is that?" the account's email
address and "I don't have enough information"; the place is in the last reply, which is quoted where it names it.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

_ASKS_WHERE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|but|sorry|um+|hmm+|wait)[,\s]+)*"
    r"(?:where(?:'s|\s+is|\s+are)\s+(?:(?:that|the|this)\s+(?:page|setting|button|option|link|menu|tab)s?|that|it|this|those"
    r"|they)"
    r"|where\s+(?:do|can|would|should)\s+(?:i|we)\s+(?:do|find|see|get\s+to|go\s+for|change|click|set|put|enter|add|fill\s+in"
    r"|type|update|edit)(?:\s+(?:it|that|this|them|those)(?:\s+in)?)?"
    r"|where\s+(?:exactly|to\s+go)|where)"
    r"(?:\s+(?:exactly|again|then|now|please|pls|in\s+the\s+(?:app|dashboard|settings|account)))*\s*[?.!]*\s*$",
    re.IGNORECASE)
# "**Billing → Plan**": a place in the dashboard, as the help centre writes one.
_PLACE = re.compile(r"\*\*[^*\n]+?→[^*\n]+?\*\*")
# A sentence ends at a full stop not after a step's number ("1. In your app, go to …" is one sentence).
_SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?])\s+|\n+")
# "Here's how: ", "How to do it: ": a lead-in before the step itself.
_LEAD_IN = re.compile(r"^[^*:\n]{1,40}:\s+(?=\S)")


def places_named(text: str) -> list[str]:
    """The places in the dashboard a reply names, in its order, without their bold: "Settings → Team → Invite"."""
    return [place.strip("*").strip() for place in _PLACE.findall(text)]


def without_lead_in(sentence: str) -> str:
    """"Here's how: Go to …" → "Go to …": a sentence without the few words that introduce it."""
    return _LEAD_IN.sub("", sentence)


# How a guide's steps end for a how-to, where there is nothing to fix yet (the offline writer's, and a step quoted again).
STUCK_ON_A_STEP = "If you get stuck on a step, tell me what you see, or ask for a person and one of our engineers will help."
# "2. At your DNS provider, create a CNAME record …": a numbered step of a reply, on a line of its own.
_NUMBERED_STEP = re.compile(r"^(\d+)\.\s+(.+)$", re.MULTILINE)


def numbered_steps(text: str) -> list[tuple[str, str]]:
    """A reply's numbered steps, each as its number and its words: [("2", "At your DNS provider, …"), …]."""
    return _NUMBERED_STEP.findall(text)


def reply_sentences(text: str) -> list[str]:
    """A reply's sentences and lines, a numbered step whole."""
    return [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()]


# "How?" alone: how the thing the last reply spoke of is done. After steps, where they are taken answers it (the cancel
# steps' "how?" got "not enough information"; "fine, how?" after being told the chat can't do it, the scope reply).
_HOW_ALONE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|fine|alright|all\s+right|well)[,\s]+)?how(?:\s+(?:then|exactly|so|do\s+i|would\s+i))?\s*[?.!]*\s*$",
                        re.IGNORECASE)


def asks_only_how(message: str) -> bool:
    """"How?", "how exactly?": how, and nothing else."""
    return bool(_HOW_ALONE.match(message))


def asks_where_it_is(ctx: SupportContext) -> bool:
    """"Where do I do it?", or "how?" alone, right after a reply that names a place in the dashboard."""
    return (bool(_ASKS_WHERE.match(ctx.message)) or asks_only_how(ctx.message)) and bool(
        _PLACE.search(last_assistant_text(ctx)))


# "Go to **Billing → Plan**, choose …", "1. In your app, go to **Settings → Domains** and enter …": a step that starts at
# its place; said under that place, the rest of it is what to do there.
_GOES_TO_THE_PLACE = re.compile(
    r"^(?:\d+\.\s+)?(?P<within>in\s+(?:your|the)\s+(?:app|dashboard),\s+)?(?:(?:go|head)\s+to|open)\s+(?P<place>\*\*[^*\n]+?→[^*\n]+?\*\*)"
    r"(?:\s+(?:and|then)\s+|,\s*(?:then\s+)?)(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)


# "… covers this. The step that fits what you describe:\n2. …": the one step a reply put first.
_STEP_THAT_FITS = re.compile(r"The step that fits what you describe:\n(?P<number>\d+)\.\s+(?P<step>[^\n]+)")
# A guide named in a reply: “Scaling and cold starts” (the technical writer reads it too).
GUIDE_NAMED = re.compile(r"\bguide “(?P<title>[^”]+)”")
# "To upgrade: ": a lead-in that says what the step after it is for.
_PURPOSE = re.compile(r"^(?P<purpose>to\s+[^*:\n]{1,30}):\s+", re.IGNORECASE)


def where_it_is_reply(ctx: SupportContext) -> str:
    """Each place the last reply named, once, with what its sentences say to do there, in its order; then a person
    offered. Asked where, a step that starts at its place is said from there on ("Under **Billing → Plan**: Go to
    **Billing → Plan**, choose …" said the place twice); asked "how?", the step is said whole, as it is the how."""
    asked_how = asks_only_how(ctx.message)
    last = last_assistant_text(ctx)
    fitting = _STEP_THAT_FITS.search(last)
    if fitting is not None and "**" not in fitting["step"] and (guide := GUIDE_NAMED.search(last)) is not None:
        # "Where is that?" right after the build cache's step, which names no place nor button: the place of the guide's
        # first step (**App → Deploys**, where a failed deploy's log is) came, as if it were the cache's. A step that
        # names a button (**Roll back**) is taken where the other steps say.
        return (f"Our guide “{guide['title']}” doesn't say where in the dashboard that is: its step names no place.\n"
                f"{fitting['number']}. {fitting['step']}\n\nI'd rather not guess it. If you can't find it, I can "
                f"{OFFER_PERSON} from our team, who can show you.")
    told: dict[str, list[str]] = {}
    # After "the step that fits", that step's place is the one asked for, not the places of the others listed after it.
    said = ([f"{fitting['number']}. {fitting['step']}"] if fitting is not None and _PLACE.search(fitting["step"])
            else reply_sentences(last))
    for sentence in said:
        places = list(dict.fromkeys(_PLACE.findall(sentence)))
        if not places:
            continue
        step = without_lead_in(sentence)
        place = " and ".join(places)
        if not asked_how and len(places) == 1 and (goes := _GOES_TO_THE_PLACE.match(step)) is not None:
            # "In your app, go to **Settings → Domains**": the app's settings, not the account's.
            step, place = goes["rest"], f"{place} in your app" if goes["within"] else place
            if (purpose := _PURPOSE.match(sentence)) is not None:
                # "To upgrade: Go to **Billing → Plan**, choose …": what the step is for stays with it.
                step = f"{purpose['purpose']}, {step}"
        steps_there = told.setdefault(place, [])
        if step not in steps_there:
            steps_there.append(step)
    lines = [f"Under {place}: {steps[0]}" if len(steps) == 1 else f"Under {place}:\n" + "\n".join(f"- {s}" for s in steps)
             for place, steps in told.items()]
    return "\n".join(lines) + f"\n\nIf you can't find it there, tell me what you see, or I can {OFFER_PERSON} from our team."
