""""Can you help me write a python script?", "can you help me fix my code?": code of the customer's own, to be written or
debugged.

Read as general or account questions (0.48-0.74), they got "not enough information" with a person offered, as if our
support might write it. Writing or debugging a customer's code is not what the chat or our staff do; running it here
is, and that is said. "Write me a function to parse json" is already out of scope; an error from the app ("my app
returns 500") is the guides' and is not read here, nor is deploying code ("how do I deploy my python app?"), nor code
asked for a task on our platform ("can you write me a script to scale my app?"), which has its own reply.
"""

from __future__ import annotations

import re

# "Can you write me a python script to deploy my app?", "could you generate some code to deploy my app": code
# asked for, which the chat does not write. Its "generate" makes no thing of the help centre's (no API key, no
# domain): what the code is for (deploying) is what a guide may say something of.
ASKS_TO_WRITE_CODE = re.compile(
    r"\b(?:write|generate)\s+(?:me\s+|us\s+)?(?:an?\s+|the\s+|some\s+)?(?:[\w+#-]+\s+)?"
    r"(?:scripts?|code|programs?|functions?|snippets?|dockerfiles?)\b", re.IGNORECASE)

_CODE = (r"(?:(?:python|javascript|js|node|typescript|php|ruby|java|go|rust|sql|bash|shell)\s+)?"
         r"(?:code|script|scripts|program|function|query|regex|class|snippet)")
# "Can you write me a script to scale my app?" names a task on our platform, which its guide answers beside saying no code
# is written (its own reply).
_NO_TASK_OF_OURS = r"(?!\s+(?:to|for|that|which)\b)"
_ASKS_FOR_CODING_HELP = re.compile(
    r"\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:help\s+(?:me\s+|us\s+)?)?(?:write|fix|debug|review|refactor|"
    rf"optimi[sz]e|improve|explain|check)\s+(?:me\s+)?(?:an?|my|our|this|the|some)\s+{_CODE}\b{_NO_TASK_OF_OURS}"
    rf"|\b(?:can|could|would|will)\s+you\s+help\s+(?:me|us)\s+(?:with\s+)?(?:my|our|this|some|an?)\s+{_CODE}\b"
    rf"{_NO_TASK_OF_OURS}", re.IGNORECASE)

CODING_HELP_REPLY = (
    "I'm Northwind Cloud's support assistant, so I can't write or debug code for you, and neither can our support team. "
    "What I can help with is running it here: deploys and builds, domains and certificates, and errors from the platform. "
    "If your app won't build, start or answer on Northwind, tell me what you see and I'll look at it with you."
)


def asks_for_coding_help(text: str) -> bool:
    """Whether the message asks the chat to write, fix or review the customer's own code."""
    return bool(_ASKS_FOR_CODING_HELP.search(text))
