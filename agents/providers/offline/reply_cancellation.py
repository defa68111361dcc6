"""What cancelling (or deleting the account) does to a customer's apps and data: "will I lose my apps?"
after asking how to cancel, or "will I lose my apps if I cancel?" in one message.

Answered from the help centre's entry on cancelling, in its own words (what happens to the plan, the apps
and the data), with the customer's plan and what the plan the entry says they move to includes, and what
the entry on deleting the account says when it was found too: that is where apps and data do go. After
a question about deleting the account, from that entry, with how to export the data first.
Read alone, such a question names no invoice, setting or fault, and every other part answers it with
the invoice list or an "I don't know".
"""

from __future__ import annotations

import re

from agents.follow_up import CANCELLING, DELETING_THE_ACCOUNT, asks_what_becomes_of, with_topic
from agents.outcome import FaqMatch
from agents.providers.offline.reply_base import WriterBase, money, sentences
from agents.providers.offline.text import normalise

# A help-centre sentence (or clause) on what becomes of the customer's things.
_ABOUT_THINGS = re.compile(r"\b(?:apps?|data)\b", re.IGNORECASE)
# "… then your account moves to the Free plan": the plan a cancelled subscription ends on.
_MOVES_TO = re.compile(r"\bmoves?\s+to\s+the\s+(\w+)\s+plan\b", re.IGNORECASE)


class CancellationReplies(WriterBase):
    def answers_what_cancelling_keeps(self) -> bool:
        """Tell what cancelling (or deleting the account) does to the customer's apps and data, when the
        message asks that of a conversation about it and the help centre's entry on it was found. False,
        having said nothing, otherwise."""
        if not asks_what_becomes_of(self.ctx.message) or DELETING_THE_ACCOUNT.search(self.ctx.message):
            # "What happens to my data if I delete my account?" names its entry: the account part quotes it.
            return False
        topic = with_topic(self.ctx)
        if CANCELLING.search(topic):
            return self._what_cancelling_keeps()
        if DELETING_THE_ACCOUNT.search(topic):
            return self._what_deleting_removes()
        return False

    def _what_cancelling_keeps(self) -> bool:
        entry = self._entry_about("cancel")
        told = self._on_apps_and_data(entry)
        if entry is None or not told:
            return False
        self._quote(entry, "What our help centre says about cancelling: " + " ".join(told))
        self._plan_after_cancelling(" ".join(told))
        deleting = self._entry_about("delete")
        # "Cancel any paid plan first; deleting removes your apps and data …": the clause on what it removes,
        # the step a customer afraid of losing their apps should not take by mistake.
        removes = [clause for clause in self._on_apps_and_data(deleting, clauses=True) if "delet" in clause.lower()]
        if deleting is not None and removes:
            self._quote(deleting, "Deleting your account is different: " + " ".join(removes), answers=False)
        return True

    def _what_deleting_removes(self) -> bool:
        entry = self._entry_about("delete")
        told = self._on_apps_and_data(entry)
        if entry is None or not told:
            return False
        self._quote(entry, "What our help centre says about deleting your account: " + " ".join(told))
        export = self._entry_about("export")
        if export is not None:
            self._quote(export, f"If you'd like a copy first: {export.answer}", answers=False)
        return True

    def _entry_about(self, verb: str) -> FaqMatch | None:
        """The gathered help-centre entry whose question is about `verb`, however low it ranked: a
        follow-up's topic entries come after its own, scored no higher."""
        return next((m for m in self.facts.faq if any(w.startswith(verb) for w in normalise(m.question).split())),
                    None)

    @staticmethod
    def _on_apps_and_data(entry: FaqMatch | None, *, clauses: bool = False) -> list[str]:
        """The sentences (or clauses) of an entry's answer that say what becomes of apps and data."""
        if entry is None:
            return []
        parts = [p.strip() for s in sentences(entry.answer) for p in (s.split(";") if clauses else [s])]
        return [p for p in parts if _ABOUT_THINGS.search(p)]

    def _quote(self, entry: FaqMatch, text: str, *, answers: bool = True) -> None:
        self.reply.add(text, answers=answers)
        self._cite_faq(entry)

    def _plan_after_cancelling(self, told: str) -> None:
        """The customer's plan, and what the plan the entry says a cancelled account moves to includes
        (from the plan catalogue, when the billing worker read it)."""
        customer = self.ctx.customer
        moves_to = _MOVES_TO.search(told)
        if customer is None or moves_to is None:
            return
        if customer.plan.lower() == moves_to[1].lower():
            self.reply.add(f"You're on the {customer.plan} plan already, so there's no paid plan to cancel.",
                           answers=False)
            return
        self.reply.add(f"You're on the {customer.plan} plan at {money(customer.plan_price)} a month.", answers=False)
        after = next((p for p in self.facts.plans if p.name.lower() == moves_to[1].lower()), None)
        if after is not None and after.description:
            self.reply.add(f"The {after.name} plan includes: {after.description}", answers=False)
