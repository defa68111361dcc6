""""It's on free" right after a guide whose step says Free apps sleep: why the app is slow, said from that step.

"My app is really slow" got the guide on scaling and cold starts, whose second step says apps on Free sleep after a
while without traffic; "it's on free" then got what the Free plan includes, and that the list doesn't mention "what you
asked about". The plan told is the reason the step gives. Plain rules over the conversation, no model.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import guide_last_led_with, last_assistant_text, previous_user_text
from agents.follow_ups.plans import plan_stated

# A guide's numbered step that says apps on Free sleep ("2. Keep a minimum of one instance …; on Free, apps sleep after
# 30 minutes without traffic."), as a reply lists it.
_STEP_ON_SLEEP = re.compile(r"^(?P<number>\d+)\.\s+(?P<step>[^\n]*\bon\s+Free\b[^\n]*\bsleep[^\n]*)$", re.MULTILINE)
# "My app is really slow", "it takes ages to load": slowness reported, which sleeping explains. ("How do I make my app
# faster?" reports none: the plan told is answered with what the guide says of it.)
_SLOW = re.compile(r"\b(?:slow\w*|sluggish|laggy|lag\w*|takes?\s+(?:ages|forever|so\s+long|a\s+long\s+time)|delays?)\b",
                   re.IGNORECASE)
# The help centre's entry on sleep, as quoted.
_ENTRY_ON_SLEEP = "Apps on the Free plan sleep after 30 minutes without traffic"


def asleep_on_free_reply(ctx: SupportContext) -> str | None:
    """"It's on free" right after a guide whose step says Free apps sleep, given for an app said to be slow: that step,
    as the likely reason. None for another message, a plan other than Free, a customer whose records say another plan,
    or after another reply."""
    last = last_assistant_text(ctx)
    if (plan_stated(ctx.message) != "Free" or (ctx.customer is not None and ctx.customer.plan != "Free")
            or not _SLOW.search(previous_user_text(ctx) or "")):
        return None
    if _ENTRY_ON_SLEEP in last:
        # "My app is slow" from Carol, on Free, got the entry on sleep itself: it is the reason, and what keeps an app
        # awake is the plan above (it got Free's contents, and "doesn't mention what you asked about").
        return ("Then that's likely it: as I said, apps on the Free plan sleep after 30 minutes without traffic, and the "
                "first request afterwards takes a few seconds while the app starts. Apps on Pro and Business never "
                "sleep; you can change plan under **Billing → Plan**.")
    step, title = _STEP_ON_SLEEP.search(last), guide_last_led_with(ctx)
    if step is None or title is None:
        return None
    return (f"Then that's likely it. Step {step['number']} of our guide “{title}” says: {step['step']} An app "
            "that has been asleep is slow to answer its first request while it starts up again. If you'd like it to stay "
            "awake, ask me how.")


# A numbered step of a guide as a reply lists it.
_STEP = re.compile(r"^\d+\.\s+[^\n]+$", re.MULTILINE)


def not_asleep_on_a_paid_plan_reply(ctx: SupportContext) -> str | None:
    """"It's on pro" right after the same guide, given for an app said to be slow: sleeping is not the reason (apps on
    Pro and Business never sleep, as the help centre's entry on sleep says), so the guide's other steps are what is left,
    with a person. It got "The same goes for the Pro plan." and the guide's title alone. None for another message, Free,
    a customer whose records say another plan, or after another reply."""
    last = last_assistant_text(ctx)
    plan = plan_stated(ctx.message)
    if (plan not in ("Pro", "Business") or (ctx.customer is not None and ctx.customer.plan != plan)
            or not _SLOW.search(previous_user_text(ctx) or "")):
        return None
    step, title = _STEP_ON_SLEEP.search(last), guide_last_led_with(ctx)
    if step is None or title is None:
        return None
    others = sorted((line for line in _STEP.findall(last) if line != step.group(0)), key=lambda line: int(line.split(".")[0]))
    steps = "\n".join(others)
    left = f" The other steps of our guide “{title}” are what usually helps:\n{steps}" if others else ""
    return (f"Then sleep isn't the cause: apps on Pro and Business never sleep, so {plan} keeps your app awake.{left}\n\n"
            "If none of that helps, a person from our team can look at your app: would you like me to pass you to a "
            "person?")
