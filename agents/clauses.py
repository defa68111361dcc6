"""Where a message asks several things: its clauses ("my deploy failed and I was charged twice") and, of those,
its questions ("how do I enable 2fa? also is there a free ssl?").

Plain text rules, no model: the intent classifier labels each clause, the FAQ agent looks up each question,
and the offline writer answers each question in turn.
"""

from __future__ import annotations

import re

# Where one question ends and another may begin: a sentence end; a comma before a joining word or before a
# question's opening word ("my payment failed, can a human help me?" asks two things); "and"/"but" before a new
# subject, question word or request ("unlock my account and tell me …"), which stays with the clause it opens;
# "and also"; a numbered item ("1) how do I … 2) what …"). "Refund" and "cancel" after "and" do not split: "cancel
# and refund me" is one request, answered as one.
_CLAUSE_SPLIT = re.compile(
    r"[.?!;\n]+|,\s*(?:and|but|also)\b|,\s*(?=(?:can|could|would|will|is|are|do|does|please)\b)"
    # "Can you also send me …" is one request: "also" after its subject joins nothing.
    r"|\b(?:and|but|plus|(?<!\byou\s)(?<!\bwe\s)(?<!\bi\s)(?<!\bthey\s)(?<!\bu\s)also),?\s+"
    r"(?=(?:i|my|we|our|the|it|can|how|why|what|tell|show|send|give|let|explain|unlock"
    r"|reset|where|when|which)\b)|\band\s+also\b"
    # "How many apps can I have and do you support custom domains?": a second question's own opening after "and".
    r"|\b(?:and|but),?\s+(?=(?:do|does)\s+(?:you|u|it|northwind|your)\b|(?:is|are)\s+(?:there|you|it)\b)"
    r"|(?:^|\s)\d{1,2}\)\s*",
    re.IGNORECASE)


def split_clauses(text: str) -> list[str]:
    """Pieces of a message that may each ask something different ("my deploy failed and I was charged twice")."""
    pieces = [p.strip() for p in _CLAUSE_SPLIT.split(text) if p and len(p.strip().split()) >= 2]
    return pieces if len(pieces) > 1 else []

# A question's opening words, after a word that joins it to the one before ("and how do I …", "also is there …").
QUESTION_OPENER = re.compile(
    r"^(?:(?:and|also|plus|then|so)\s+)*(?:how|what|whats|why|when|where|which|who|can|could|would|will|is|are|do|"
    r"does|did|should|may|please)\b", re.IGNORECASE)
# A request's opening words: what the customer asks us to do ("refund the duplicate charge", "unlock my account",
# "I want a refund"), which a reply answers as it answers a question. Not any "I want …": "I want to make sure my
# apps stay up" says why the customer writes, and asks nothing of its own. Not "cancel": the reply for the whole
# answers a cancellation with what cancelling keeps, which a question-by-question reply would lose.
REQUEST_OPENER = re.compile(
    r"^(?:(?:and|also|plus|then|so)\s+)*(?:please\s+)?(?:refund|unlock|reset|resend|send|show|tell|give|"
    r"explain|check|fix|remove|delete|reactivate|restore|upgrade|downgrade|change|update|enable|disable)\b"
    r"|^(?:(?:and|also|plus|then|so)\s+)*i\s*(?:want|need|would\s+like|'?d\s+like)\s+(?:a\s+|my\s+|to\s+)?"
    r"(?:refund|unlock|reset|resend|reactivate|restore|upgrade|downgrade)",
    re.IGNORECASE)
# What introduces another question of a list: "also", "also,", "and also", a numbered item ("2) what …").
NEXT_QUESTION = re.compile(r"(?:\balso,?|\d{1,2}\))\s*$", re.IGNORECASE)
# A comma may follow the word: "Also, what is your SLA?" joins as "also what is your SLA?" does.
JOINING_WORDS = re.compile(r"^(?:(?:and|also|plus|then|so)\b[\s,]+)+", re.IGNORECASE)
# "Also" that opens a clause or ends what comes before it: "… my card. Also, what is your SLA?".
_ALSO_OPENS = re.compile(r"^(?:(?:and|plus|then|so)\b[\s,]+)*also\b", re.IGNORECASE)
_ALSO_ENDS = re.compile(r"[\s,.;:!?]*\b(?:and[\s,]+)?also\b[\s,]*$", re.IGNORECASE)
# "Tell me how many apps …": a question asked as a request, whose question is what the help centre and the
# reply's sections read.
ASKED_AS_A_REQUEST = re.compile(
    r"^(?:please\s+)?(?:tell|show|explain\s+to|let)\s+me(?:\s+know)?\s+(?=(?:how|what|whats|why|when|where|which|who|"
    r"if|whether)\b)", re.IGNORECASE)


def question_clauses(text: str) -> list[str]:
    """The questions of a message that asks several ("how do I enable 2fa? also is there a free ssl?"), in
    order, each without the word that joins it to the one before; [] when it asks fewer than two. A clause
    counts when it opens like a question or a request ("refund the duplicate charge and also what are your
    hours?": a request is asked as much as a question is, and each needs its answer) or follows "also" or a
    number of a list; what is said around them ("Hi, I have two questions:", "my deploy failed") does not,
    except before an "also" that opens the first question (report_before_also)."""
    questions, _ = _questions_and_report(text)
    return questions


def report_before_also(text: str) -> str | None:
    """"My invoice NW-1003 failed and I updated my card. Also, what is your SLA?" → "My invoice NW-1003 failed and
    I updated my card": what a message says before the "also" that opens its first question, counted first
    among its questions (question_clauses); the reply for the whole message answers it. None when there is none."""
    return _questions_and_report(text)[1]


# "How do I add a domain, what is the SLA, and …": a comma before a question word ends a question that came before it.
# Not a report before it ("my payment failed, what should I do?" asks one thing), so split_clauses keeps it whole.
# Each piece must ask directly ("what is …", "how do I …"): "when my card expires, how fast …" is one question, and
# "can you please help me with this, what should be done" asks one thing.
_COMMA_BEFORE_A_QUESTION = re.compile(r",\s*(?=(?:how|what|whats|why|when|where)\b)", re.IGNORECASE)  # not "which is …"
_ASKS_DIRECTLY = re.compile(
    r"^(?:(?:and|also|plus|then|so)\s+)*(?:(?:how|what|why|when|where|which|who)\s+(?:is|are|was|were|do|does|did|can|"
    r"could|should|would|will|much|many|long|often)\b|(?:what|how|where|who)'?s\b)", re.IGNORECASE)


def _with_questions_apart(clauses: list[str]) -> list[str]:
    """Each clause, or the direct questions it strings together with commas, each apart."""
    apart: list[str] = []
    for clause in clauses:
        pieces = [p.strip() for p in _COMMA_BEFORE_A_QUESTION.split(clause)]
        asks = all(_ASKS_DIRECTLY.match(p) for p in pieces)
        apart += pieces if len(pieces) > 1 and asks else [clause]
    return apart


def _questions_and_report(text: str) -> tuple[list[str], str | None]:
    questions: list[str] = []
    report = None
    position = 0
    for clause in _with_questions_apart(split_clauses(text) or [text]):
        start = text.find(clause, position)
        if start < 0:
            continue
        end = start + len(clause)
        before = text[position:start]
        position = end
        if clause.endswith(":"):
            continue  # an introduction: "I have two questions:"
        # "Two things: how do I add a teammate, and can I get our invoices in euros?": an introduction that opens the
        # first question's clause is no part of it (neither question was counted, and the teammate's went unanswered).
        clause = _INTRODUCTION.sub("", clause, count=1)
        # Not a fragment that only ends with "?" ("how much is business per year? any discount?"): it
        # leans on the question before it, and the reply for the whole reads it with that question.
        asked = ASKED_AS_A_REQUEST.sub("", JOINING_WORDS.sub("", clause)).strip()
        if not (QUESTION_OPENER.match(asked) or REQUEST_OPENER.match(asked) or NEXT_QUESTION.search(before)):
            continue
        after_also = bool(_ALSO_OPENS.match(clause) or re.search(r"\balso,?\s*$", before, re.IGNORECASE))
        if after_also and not questions and len(said := _said_before(text[:start]).split()) >= 2:
            # "My invoice failed and I updated my card. Also, what is your SLA?": "also" says that what came
            # before is one thing (a report, which the reply for the whole answers) and this another.
            report = " ".join(said)
            questions.append(report)
        questions.append(asked)
    return (questions, report) if len(questions) >= 2 else ([], None)


# "Two things:", "I have a couple of questions:", "quick ones -": words that announce the questions after them.
_INTRODUCTION = re.compile(r"^(?:[^:?]{0,30}\b(?:things?|questions?|q's|qs|ones?)\s*[:\-–—]+|[^:?]{0,30}:)\s+", re.IGNORECASE)


def _said_before(text: str) -> str:
    """What a message says before its "also": "My card failed. Also," → "My card failed"."""
    return _ALSO_ENDS.sub("", text).strip(" \t\n,;:")


# Thanks and the words around it that open a message: "thanks,", "ok thanks", "great thanks -", "thank you so much,".
_THANKS = r"(?:thanks|thank\s+(?:you|u)|thx|ty|cheers|many\s+thanks|much\s+appreciated|appreciate\s+it)"
# "One more thing, where do I find my API key?": an aside that opens a question, read whole its words found the 429 guide.
_ASIDE = r"(?:one\s+(?:more|last)\s+thing|another\s+thing|(?:a\s+)?quick\s+question|one\s+more\s+question)"
_PLEASANTRY = re.compile(
    rf"^\s*(?:(?:ok|okay|great|perfect|cool|awesome|nice|brilliant|got\s+it|alright|hi|hello|hey)[\s,!.]+)*"
    rf"(?:{_THANKS}(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+again)?|{_ASIDE})(?:\s*!+|\s*[,.;:\-–—]+|\s+)\s*",
    re.IGNORECASE)


# "Thx", "ty!", "ok cheers", "thank u so much": a thank-you and nothing else.
_ONLY_THANKS = re.compile(
    rf"^\W*(?:(?:ok|okay|k|great|perfect|cool|awesome|nice|brilliant|got\s+it|alright)[\s,!.]+)*{_THANKS}"
    r"(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+again)?[\s!.,:)]*$", re.IGNORECASE)


# "Hi my name is alice", "hello, this is Bob from Acme": who the customer is, and nothing asked yet (off topic at 0.33:
# "that's outside what I can help with"). "This is" and "I'm" count only with where they are from ("this is urgent").
_NAME = r"[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?"
# "Hi", "hello there", "good morning": a greeting that opens a message.
GREETING = r"(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening))(?:\s+there)?"
_INTRODUCES_SELF = re.compile(
    rf"^\W*(?:{GREETING}[\s,!.]+)?"
    rf"(?:my\s+name(?:'?s|\s+is)\s+{_NAME}(?:\s+(?:from|at|with)\s+[\w.&'-]+)?"
    rf"|(?:this\s+is|i'?m|i\s+am)\s+{_NAME}\s+(?:from|at|with)\s+[\w.&'-]+)[\s!.,:)]*$",
    re.IGNORECASE)


def introduces_self_only(text: str) -> bool:
    """"Hi my name is alice": the customer says who they are, and asks nothing yet."""
    return bool(_INTRODUCES_SELF.match(text))


def only_thanks(text: str) -> bool:
    """Whether the message is a thank-you and nothing else ("thx", "ok cheers")."""
    return bool(_ONLY_THANKS.match(text))


# "Ok, do you have audit logs?", "alright, is there an API?": an acknowledgement, then a question whether we have
# something, which names what it asks about. The "ok" alone pointed back: the question before (single sign-on) was
# answered again beside it, "support" read as our support hours.
_HEARD_THEN_ASKS_WHAT_WE_HAVE = re.compile(
    r"^\W*(?:ok(?:ay)?|alright|all\s+right|right|great|cool|i\s+see|got\s+it)[\s,.!]+(?=(?:and\s+)?"
    r"(?:do|does)\s+(?:you|northwind)\s+(?:guys\s+)?(?:have|offer|provide|support)\b|(?:and\s+)?(?:is|are)\s+there\b)",
    re.IGNORECASE)


def without_leading_acknowledgement(text: str) -> str:
    """"Ok, do you have audit logs?" → "do you have audit logs?": an "ok" before a question whether we have something,
    which names what it asks about; the text as it is otherwise (an "ok" before "is it on pro?" leans on what was said)."""
    heard = _HEARD_THEN_ASKS_WHAT_WE_HAVE.match(text)
    return text if heard is None else text[heard.end():]


def without_leading_pleasantry(text: str) -> str:
    """"Thanks, what plan am I on?" → "what plan am I on?": a thank-you that opens a question, which the classifier
    and the help centre's search otherwise read as the whole message (small talk, answered "You're welcome!").
    The message as it is when the thanks is all it says ("thanks, bye") or what follows asks nothing."""
    found = _PLEASANTRY.match(text)
    if found is None:
        return without_leading_acknowledgement(text)
    rest = JOINING_WORDS.sub("", text[found.end():]).strip()
    if len(rest.split()) < 2 or not (QUESTION_OPENER.match(rest) or rest.endswith("?")):
        return text
    return rest


# "I don't know what I have to do to close my account", "I need assistance to edit my account", "can you help me reset my
# password?": how a request is put, around what it asks. The help centre's entries are worded as the ask alone ("How do
# I delete my account?"), and the lead-in's words sank them: "close my account" finds the deletion at 0.99, the whole
# message at 0.12.
_REQUEST_LEAD_IN = re.compile(
    r"^\W*(?:(?:hi|hello|hey)[\s,!.]+)?(?:"
    r"i\s+(?:do\s+not|don'?t|dont|do\s+nt)\s+(?:know|understand|see)\s+(?:what\s+(?:i\s+)?(?:have|need|got)\s+to\s+do\s+to"
    r"|what\s+to\s+do\s+to|what\s+i\s+(?:should|must)\s+do\s+to|how\s+(?:i\s+(?:can|could|should|am\s+supposed\s+to)|to))"
    r"|i\s+(?:need|want|would\s+like|'?d\s+like)\s+(?:some\s+)?(?:help|assistance)(?:\s+(?:to|with))?"
    r"|(?:can|could|would)\s+(?:you|u|ya)\s+(?:please\s+)?help\s+me(?:\s+(?:to|with))?"
    r"|(?:please\s+)?help\s+me(?:\s+(?:to|with))?"
    r"|(?:i\s+)?(?:want|need)\s+(?:some\s+)?(?:help|assistance)(?:\s+(?:to|with))?"
    r"|assistance\s+(?:to|with)"
    r")\s+", re.IGNORECASE)


def without_request_lead_in(text: str) -> str:
    """"I don't know what I have to do to close my account" → "close my account": the ask without how it is put, when at
    least two words of it are left; the message as it is otherwise."""
    found = _REQUEST_LEAD_IN.match(text)
    if found is None:
        return text
    rest = text[found.end():].strip()
    return rest if len(rest.split()) >= 2 else text
