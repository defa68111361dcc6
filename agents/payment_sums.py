"""Whether a message asks how much the customer has paid us: a sum of their own payments, over all time or a period.

The orchestrator reads it to keep such a question with the billing part ("how much have we spent in 2026?" was taken
for off topic), and the offline writer to answer it from the billing worker's totals.
"""

from __future__ import annotations

import re

# "How much have I paid", "how much did we spend with you", "what have I been charged so far": a sum of the payments to
# us. Spending named alone is not ours ("how much did I spend on groceries last week"), nor a payment for something of
# the customer's own ("how much did I pay for my car?"), nor being paid ("how much did I get paid?").
_OURS = r"(?:it|that|this|them|northwind|(?:the|my|our)\s+(?:plan|subscription|account|hosting|invoices?|bills?|apps?)|(?:the\s+)?(?:pro|business)(?:\s+plan)?)"
_PAID = rf"(?:paid|pay|been\s+(?:charged|billed))(?!\s+(?:for|on|at|to|towards)\s+(?!{_OURS}\b))"
_SPENT_WITH_US = (r"(?:spent|spend)\s+(?:so\s+far\s+)?(?:with\s+(?:you|northwind|us)|on\s+(?:northwind|(?:my|our|the)\s+"
                  r"(?:plan|subscription|account|hosting)|hosting))")
_SUM_ASKED = re.compile(
    rf"\bhow\s+much\s+(?:money\s+)?(?:have|did|had|has)\s+(?:i|we|my\s+(?:account|company|team))\s+"
    rf"(?:already\s+|actually\s+|ever\s+)?(?:{_PAID}|{_SPENT_WITH_US})"
    rf"|\bhow\s+much\s+(?:i|we)(?:'ve|\s+have)\s+(?:already\s+)?(?:{_PAID}|{_SPENT_WITH_US})"
    r"|\btotal\s+(?:amount\s+)?(?:i|we)(?:'ve|\s+have)?\s+paid\b"
    r"|\b(?:total|sum)\s+(?:of\s+)?(?:my|our)\s+payments\b"
    r"|\bwhat\s+(?:have|did)\s+(?:i|we)\s+(?:already\s+)?(?:paid|pay)\s+(?:you\s+)?(?:in\s+)?total\b",
    re.IGNORECASE)
# "How much did I spend last month?" in a conversation already about billing: spent with us, unless on something else.
_SPENT = re.compile(r"\bhow\s+much\s+(?:money\s+)?(?:have|did)\s+(?:i|we)\s+(?:spent|spend)\b"
                    r"(?!\s+(?:\w+\s+)?(?:on|at|for|in\s+(?!(?:19|20)\d\d|january|february|march|april|may|june|july|august"
                    r"|september|october|november|december|total)\b))", re.IGNORECASE)


def asks_a_sum_paid(text: str, *, spending_is_ours: bool = False) -> bool:
    """"How much have I paid this year?", "what have we paid in total?": a sum of the customer's own payments. Spending
    alone ("how much did I spend last month?") counts only where the conversation is known to be about our billing."""
    return bool(_SUM_ASKED.search(text)) or (spending_is_ours and bool(_SPENT.search(text)))
