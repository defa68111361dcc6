"""A customer who says they are leaving for another host: what to do before they go, from the help centre's entries.

"We're moving to another provider" got the scope reply, as if about something else. What there is to say is that we're
sorry to see them go, and what the help centre says of taking their data, ending the paid plan and closing the account,
with a person if something we could fix is the reason. Plain rules over the message, no model.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.offers import OFFER_PERSON

# Not "a new company name" (a rename: where invoice details are entered).
_ELSEWHERE = (r"(?:another|a\s+different|a\s+new|an?\s+other|some\s+other)\s+(?:cloud\s+|hosting\s+)?(?:providers?|hosts?"
              r"|hosting(?:\s+(?:providers?|company|service))?|platforms?|vendors?)")
# "We're moving to another provider", "I'm switching to a different host", "we are leaving northwind", "we're migrating
# away from you", "we're going elsewhere". Not a move of plan, region or card ("switching to pro", "moving to eu-west").
_LEAVING = re.compile(
    r"^\W*(?:(?:hi|hey|hello|so|well|fyi|just\s+so\s+you\s+know|unfortunately)[,!\s]+)*(?:we(?:'re|\s+are|\s+will\s+be|'ll\s+be)"
    r"|i(?:'m|\s+am|\s+will\s+be|'ll\s+be))\s+(?:(?:probably|going\s+to\s+be|planning\s+(?:on|to))\s+)?"
    rf"(?:(?:moving|switching|migrating|going|changing|move|switch|migrate|go|change)\s+(?:over\s+)?(?:to\s+{_ELSEWHERE}"
    r"|away\s+from\s+(?:you|northwind(?:\s+cloud)?)|elsewhere|off\s+(?:of\s+)?northwind(?:\s+cloud)?)"
    # "We're migrating away" alone; "migrating away from vercel" is a move to us (another host's name after it).
    r"|(?:migrating|migrate)\s+away(?=\s*[.!]*\s*$)"
    r"|(?:leaving|leave)\s+(?:you|northwind(?:\s+cloud)?)(?:\s+(?:guys|soon|for\s+\w+))?)\b",
    re.IGNORECASE)
# What may follow it: nothing asked, or a question about what the reply tells ("how do I export everything?").
_NOTHING_ASKED = re.compile(r"^[^?]*$")
_ASKS_WHAT_IS_TOLD = re.compile(r"\b(?:export\w*|data|cop(?:y|ies)|back\s*up|download\w*|cancel\w*|delet\w*|close|closing"
                                r"|stop\s+paying)\b", re.IGNORECASE)


def says_they_are_leaving(message: str) -> bool:
    """Whether the message says the customer is leaving us for another host, and asks nothing else but how to take their
    data, stop paying or close the account."""
    said = _LEAVING.match(message)
    if said is None:
        return False
    rest = message[said.end():]
    return bool(_NOTHING_ASKED.match(rest) or _ASKS_WHAT_IS_TOLD.search(rest))


def leaving_us_reply(ctx: SupportContext) -> str | None:
    """What to do before leaving, for the customer's plan; None for another message."""
    if not says_they_are_leaving(ctx.message):
        return None
    steps = ["To take a copy of your data: go to **Settings → Data → Export**. We prepare a ZIP of your apps' "
             "configuration, deploy history and account data and email you a download link that works for 7 days."]
    plan = ctx.customer.plan if ctx.customer is not None else None
    if plan is None or plan.lower() != "free":
        steps.append("To stop paying: go to **Billing → Plan** and choose **Cancel subscription**. Your paid plan stays "
                     "active until the end of the period you've paid for, then your account moves to the Free plan.")
    steps.append("To close the account: go to **Settings → Account → Delete account**. Deleting removes your apps and "
                 "data for good after a 7-day grace period, during which you can change your mind.")
    listed = "\n".join(f"- {step}" for step in steps)
    return (f"I'm sorry to see you go. Before you move, from our help centre:\n{listed}\n\nIf something we could fix is "
            f"why you're leaving, tell me, or I can {OFFER_PERSON} from our team.")
