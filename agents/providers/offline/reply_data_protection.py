"""The data-protection part of an offline reply: an erasure request, what data is held, where it is stored and
whether we are GDPR compliant, each told from the help centre's entries on it and nothing else.

The entries are chosen by what they are about (deleting the account, exporting the data, the one that says we
are GDPR compliant, the list of regions), not by how well the message's words match them: an erasure request is
worded like none of them. Nothing here deletes anything or proposes an action; a person is offered, never
handed the conversation unasked.
"""

from __future__ import annotations

import re

from agents.app_deletion import DELETES_THE_ACCOUNT, GRACE_PERIOD, about_deleting_the_account
from agents.data_protection import (
    ENCRYPTION_UNSAID,
    NAMES_REGIONS,
    WHAT_IS_HELD,
    asks_for_a_dpa,
    asks_to_erase_personal_data,
    data_protection_asked,
)
from agents.follow_ups.history import last_assistant_text, previous_user_text, questions_before
from agents.follow_ups.leaning_back import asks_how_long_it_takes, asks_how_long_to_change_mind
from agents.follow_ups.offers import OFFER_PERSON
from agents.outcome import FaqMatch
from agents.providers.offline.reply_base import TAKES, WriterBase, sentences, topic_words
from agents.providers.offline.text import normalise, stem
from agents.yes_or_no import without_yes_or_no

# Words a data-protection question uses whatever it asks, which the entry on where data is stored covers by being
# about it: a question naming more than these and what the quoted entries say ("a data protection officer") is
# told that the help centre says no more.
_ABOUT_DATA_PROTECTION = frozenset(stem(word) for word in [
    "data", "personal", "information", "info", "gdpr", "protection", "privacy", "compliant", "compliance", "comply",
    "store", "stored", "kept", "keep", "host", "hosted", "hold", "held", "located", "location", "live", "reside",
    "residency", "saved", "process", "processed", "country", "sign", "signed", "dpa", "request", "stay"])
# The EU as customers name it, which the help centre names by its region ("eu-west").
_EU = frozenset({"eu", "europe", "european"})
GDPR_SENTENCE = re.compile(r"\bGDPR\b|\bdata\s+processing\s+agreement\b", re.IGNORECASE)
_NAMES_GDPR = re.compile(r"\bgdpr\b|\bdata\s+protection\b|\bdpa\b", re.IGNORECASE)
# How long something lasts, as the help centre words it: "a 7-day grace period", "within 30 days", "48 hours".
_DURATION = re.compile(r"\b\d+[-\s](?:business[-\s])?(?:minute|hour|day|week|month)s?\b", re.IGNORECASE)
_NAMES_A_REFUND = re.compile(r"\brefund", re.IGNORECASE)

class DataProtectionReplies(WriterBase):
    def answers_data_protection(self) -> bool:
        """Answer an erasure request, a question about what data we hold, or where data is stored and whether we
        are GDPR compliant, from the help centre's entries on each. False, having said nothing, when the message
        asks none of these."""
        if self._answers_how_long_deleting_takes() or self._answers_how_long_the_last_answer_takes():
            return True
        asked = data_protection_asked(self.text)
        if not asked:
            return False
        # An erasure or a copy asked for under GDPR is told the help centre's sentence on GDPR; a question about
        # it ("privacy") gets the whole entry.
        under_gdpr = "privacy" not in asked and _NAMES_GDPR.search(self.text) is not None
        if "erase" in asked:
            self._erasure(under_gdpr=under_gdpr)
        if "access" in asked:
            self._what_is_held(under_gdpr=under_gdpr and "erase" not in asked)
        if "privacy" in asked:
            self._where_data_is_stored()
        if "backup" in asked:
            self._backups()
        if "encryption" in asked:
            self._encryption()
        return True

    def _encryption(self) -> None:
        """"Is my data encrypted?": no entry says how stored data is encrypted, which is said; that every app and domain
        is served with a TLS certificate is what the help centre does say, with a person offered."""
        self.reply.add(f"{ENCRYPTION_UNSAID}, so I'd rather not guess.")
        certificates = next((m for m in self.facts.faq if {"ssl", "tls"} & set(normalise(m.question).split())), None)
        if certificates is not None:
            self.reply.add("What it does say is that connections to your apps are encrypted: "
                           f"{without_yes_or_no(certificates.answer)}", answers=False)
            self._cite_faq(certificates)
        self.reply.add(f"If you need the details (for a security review, say), a person from our team can tell you: "
                       f"would you like me to {OFFER_PERSON}?", answers=False)

    def _backups(self) -> None:
        """"Is my data backed up?": no entry says whether or how, which is said; where data is kept and how to take a
        copy yourself are what the help centre does say, with a person offered."""
        self.reply.add("Our help centre doesn't say whether or how your data is backed up, so I'd rather not guess.")
        if (stored := self._privacy_entry()) is not None:
            self.reply.add(f"What it says about your data: {sentences(stored.answer)[0]}", answers=False)
            self._cite_faq(stored)
        if (export := self._entry_named("export")) is not None:
            self.reply.add(f"To keep a copy yourself: {export.answer}", answers=False)
            self._cite_faq(export)
        self.reply.add(f"A person from our team can tell you about backups: would you like me to {OFFER_PERSON}?",
                       answers=False)

    def _erasure(self, *, under_gdpr: bool) -> None:
        """"Please delete all my personal data (GDPR)": nothing is deleted from this chat; the help centre's steps to
        delete the account and its data (what happens then is in them), the export to keep a copy first, and a
        person offered to take the request on instead."""
        deletion = next((m for m in self.facts.faq if about_deleting_the_account(m.question)), None)
        if deletion is None:
            self.reply.add("I can't delete your data from this chat, so nothing has been deleted, and I don't have "
                           f"our help centre's steps for it to hand. A person from our team can help: would you "
                           f"like me to {OFFER_PERSON}?", answers=False)
            return
        self.reply.add("I can't delete your data from this chat, so nothing has been deleted. Deleting your account "
                       f"deletes your data with it, and you can do that yourself: {deletion.answer}")
        self._cite_faq(deletion)
        self._lock_lifted_first()
        export = self._entry_named("export")
        if export is not None:
            self.reply.add(f"If you'd like a copy of your data before it goes, you can export it first: {export.answer}",
                           answers=False)
            self._cite_faq(export)
        if under_gdpr:
            self._gdpr_compliance()
        self.reply.add("That's all our help centre says about deleting your data. If you'd rather a person from our "
                       f"team took the request on for you, I can {OFFER_PERSON}: just say so.", answers=False)

    def _answers_how_long_deleting_takes(self) -> bool:
        """"How long does it take?" after asking to erase one's data or delete the account: what the help centre's
        entry on deleting says of how long it lasts (the grace period). Alone its words found the refund's timing.
        False, having said nothing, for any other message."""
        asks_how_long = asks_how_long_it_takes(self.ctx.message) or asks_how_long_to_change_mind(self.ctx.message)
        # "How long do I have to change my mind?" after "will my data be gone forever?", answered with the grace period,
        # still leans on the deletion asked the question before ("not enough information" came).
        leaned_on = [previous_user_text(self.ctx) or ""]
        if GRACE_PERIOD in last_assistant_text(self.ctx):
            leaned_on += questions_before(self.ctx)[:2]
        if not asks_how_long or not any(asks_to_erase_personal_data(before) or DELETES_THE_ACCOUNT.search(before)
                                        for before in leaned_on):
            return False
        deletion = next((m for m in self.facts.faq if about_deleting_the_account(m.question)), None)
        said = [clause.strip() for clause in re.split(r"(?<=[.;])\s+", deletion.answer)
                if _DURATION.search(clause)] if deletion is not None else []
        if deletion is None or not said:
            self.reply.add("Our help centre doesn't say how long deleting an account takes, and I'd rather not guess: "
                           f"would you like me to {OFFER_PERSON} from our team who can tell you?", answers=False)
            return True
        # The clauses that say how long ("deleting removes your apps and data for good after a 7-day grace
        # period"), each as a sentence; a wait ("after …") is said to be one.
        told = " ".join(clause.rstrip(";") + ("" if clause.endswith((".", "!", "?")) else ".") for clause in said)
        if re.search(r"\bafter\b", told) and not asks_how_long_to_change_mind(self.ctx.message):
            self.reply.add(f"Not straight away: {told[:1].lower()}{told[1:]}")
        else:
            self.reply.add(f"{told[:1].upper()}{told[1:]}")
        self._cite_faq(deletion)
        return True

    def _answers_how_long_the_last_answer_takes(self) -> bool:
        """"How long does it take?" after a how-to the help centre answered ("how do I export my data?", "how do I
        add a custom domain?"): what that entry says of the time it takes ("live once DNS has updated, usually within
        an hour"), or, when it gives none, that it doesn't, with what it does say. Alone its words found the refund's
        timing, and the same entry again read as a repeat. False, having said nothing, for any other message, or
        with no entry on the question before among the matches (the faq worker puts those first)."""
        before = previous_user_text(self.ctx)
        if not asks_how_long_it_takes(self.ctx.message) or before is None or _NAMES_A_REFUND.search(before):
            return False  # a refund's time is the refund part's to tell, from the customer's own refunds
        entry = next((m for m in self.facts.faq[:1] if topic_words(m.question) & topic_words(before)), None)
        if entry is None:
            return False
        told = [s for s in sentences(entry.answer) if TAKES.search(s)]
        answered_with = last_assistant_text(self.ctx)
        if not any(s in answered_with for s in sentences(entry.answer)) and not any(
                found[0] in answered_with for s in told if (found := TAKES.search(s))):
            # The last answer was not this entry's (nor the guide's steps, which give the same time): "it" may be
            # something else the answer was about.
            return False
        if told:
            self.reply.add(" ".join(told))
        else:
            # What it does say of what happens and when ("we email you a download link that works for 7 days").
            said = [s for s in sentences(entry.answer) if _DURATION.search(s)] or [entry.answer]
            self.reply.add("Our help centre doesn't say how long that takes, and I'd rather not guess. What it does "
                           f"say: {' '.join(said)}")
            self.reply.add(f"If you need a firmer answer, I can {OFFER_PERSON} from our team.", answers=False)
        self._cite_faq(entry)
        return True

    def _what_is_held(self, *, under_gdpr: bool) -> None:
        """"What data do you hold about me?": no entry lists it; the export gives the customer a copy of it."""
        export = self._entry_named("export")
        held = WHAT_IS_HELD.search(self.text) is not None
        if export is None:
            self.reply.add("I don't have the details of the data we hold to hand, and I'd rather not guess: would you "
                           f"like me to {OFFER_PERSON} from our team who can tell you?", answers=False)
            return
        opening = ("I don't have a list of the personal data we hold, but you can get a copy of your data yourself"
                   if held else "You can get a copy of your data yourself")
        self.reply.add(f"{opening}: {export.answer}")
        self._cite_faq(export)
        if under_gdpr:
            self._gdpr_compliance()

    def _dpa_on_request(self, entry: FaqMatch) -> bool:
        """"Can I sign a DPA?": the entry's sentence that says we sign one on request, and a person to take the request,
        as it doesn't say how it is made. False, having said nothing, when the entry says nothing of one."""
        told = [s for s in sentences(entry.answer) if re.search(r"\bdata\s+processing\s+agreement\b", s, re.IGNORECASE)]
        if not told:
            return False
        self.reply.add(f"Yes: our help centre says {told[0][:1].lower()}{told[0][1:]}")
        self._cite_faq(entry)
        self.reply.add("It doesn't say how to ask for one, so a person from our team can take your request: would you "
                       f"like me to {OFFER_PERSON}?", answers=False)
        return True

    def _where_data_is_stored(self) -> None:
        """"Do you have an EU region for GDPR?", "where is my data stored?": the help centre's entry on it, with its
        list of regions when regions are asked about; when the question asks more than they say, that it's all
        the help centre says, with a person offered."""
        entry = self._privacy_entry()
        if entry is None:
            self.reply.add("I don't have our help centre's details on where data is stored or on GDPR to hand, and "
                           f"I'd rather not guess: would you like me to {OFFER_PERSON} from our team?", answers=False)
            return
        if asks_for_a_dpa(self.text) and self._dpa_on_request(entry):
            return
        self.reply.add(entry.answer)
        self._cite_faq(entry)
        quoted = [entry]
        regions = self._entry_named("region", "regions")
        if regions is not None and regions is not entry and NAMES_REGIONS.search(self.text):
            self.reply.add(regions.answer)
            self._cite_faq(regions)
            quoted.append(regions)
        if self._asks_beyond(quoted):
            self.reply.add("That's all our help centre says about it, and I'd rather not guess beyond it. If you need "
                           f"more detail, I can {OFFER_PERSON} from our team.", answers=False)

    def _gdpr_compliance(self) -> None:
        """An erasure or a copy asked for under GDPR: the help centre's sentence on GDPR, when it has one."""
        entry = self._privacy_entry()
        told = [s for s in sentences(entry.answer) if GDPR_SENTENCE.search(s)] if entry is not None else []
        if entry is not None and told:
            self.reply.add(" ".join(told), answers=False)
            self._cite_faq(entry)

    def _privacy_entry(self) -> FaqMatch | None:
        """The gathered entry that says whether we are GDPR compliant (where data is stored, in the demo help
        centre), however low it ranked."""
        return next((m for m in self.facts.faq if GDPR_SENTENCE.search(f"{m.question} {m.answer}")), None)

    def _entry_named(self, *words: str) -> FaqMatch | None:
        """The gathered entry whose question names one of `words`, however low it ranked."""
        return next((m for m in self.facts.faq if set(words) & set(normalise(m.question).split())), None)

    def _asks_beyond(self, entries: list[FaqMatch]) -> bool:
        """Whether the message names something none of the quoted entries mentions ("a data protection officer"),
        besides the words any data-protection question uses."""
        # "eu-west" covers "EU": a region's name is read in its parts too.
        said = topic_words(" ".join(f"{m.question} {m.answer}" for m in entries))
        covered = said | {part for word in said for part in word.split("-")}
        if "eu" in covered:
            covered |= _EU
        return bool(topic_words(self.text) - _ABOUT_DATA_PROTECTION - covered)
