"""Follow-ups about people: a question about "them" after a question that named teammates, one of them said to
have left, and someone else's account.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import TOPIC_TURNS, earlier_user_texts, last_assistant_text, questions_before
from agents.follow_ups.leaning_back import CLOSING, MAX_WORDS
from agents.own_data import about_someone_elses_sign_in
from agents.where_it_is import asks_only_how

# The people a customer brings into the account, or others a question is about. "Can they see billing?" after
# "how do I add a teammate?" asks about those people, not about the customer's own invoices. Kept in step
# with reply_account._TEAM_PEOPLE, which decides how such a question is answered; wider here (users, people,
# someone, an invite), as here it only decides which earlier question a pronoun points at.
_PEOPLE = re.compile(
    r"\b(?:team(?:\s?mates?|\s+members?)?|members?|colleagues?|co-?workers?|developers?|devs?|contractors?"
    r"|collaborators?|invitees?|invit\w*|admins?|administrators?|owners?|employees?|staff|users?|people|person"
    r"|someone|somebody|seats?)\b",
    re.IGNORECASE,
)
# "She left the company", "they quit": one of the people named before, gone from the team.
_THEY_LEFT = (r"^\W*(?:(?:well|so|because|as|yes|yeah)[,\s]+)?(?:she|he|they)(?:'s|\s+has|\s+have|'ve)?\s+(?:left|quit"
              r"|is\s+leaving|are\s+leaving|no\s+longer\s+works?|(?:was|were)\s+(?:fired|let\s+go))\b")
_SAYS_THEY_LEFT = re.compile(_THEY_LEFT, re.IGNORECASE)
# A question whose subject is a pronoun for those people: "can they see billing?", "will he get an email?",
# "what can she do?", "do they need their own account?", "can I limit what they see?". Declaratives ("they
# charged me twice", "they took my money") are not questions about people named before: "they" is us.
_ABOUT_THEM = re.compile(
    r"\b(?:can|could|will|would|do|does|did|may|might|must|should|shall|are|is|were|was|have|has|what|which)"
    r"\s+(?:they|he|she)\b"
    r"|\b(?:them|their|theirs|him|his|her)\b"
    # "How do I remove someone?" after "can I add my teammate as an admin?" (off topic at 0.56): one of those people.
    r"|\b(?:remove|delete|kick|add|invite|promote|demote|change)\s+(?:someone|somebody|a\s+(?:member|teammate|user|person)"
    r"|people|members|users)\b"
    # "She left the company" after "I need to remove a team member": one of those people, gone.
    rf"|{_THEY_LEFT}"
    # "How many can we add?" after "can they see billing?": how many of those people, named a few questions before.
    r"|\bhow\s+many\s+(?:more\s+)?(?:can|could|may)\s+(?:i|we)\s+(?:add|invite|have)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# "She says her account is locked", "can you unlock her?" after "my colleague can't log in": the colleague's account,
# not the customer's (whose own lock state was told, and its unlock offered).
_THEIR_ACCOUNT = re.compile(
    r"\b(?:her|his|their)\s+(?:own\s+)?(?:account|login|password|sign[\s-]?in|2fa|two[\s-]factor)\b"
    r"|\b(?:unlock|reset|help|restore)\s+(?:her|him|them)\b", re.IGNORECASE)


# "She's on my team", "but he works for us" after asking for someone else's account to be unlocked (the team's entry as
# a guess came): a reason given for acting on their account, which being on the team does not give.
_ON_THEIR_TEAM = re.compile(
    r"^\W*(?:(?:but|and|well|yes|yeah)[,\s]+)?(?:she|he|they|carol|bob|alice|[a-z]+)(?:'s|\s+is|'re|\s+are)\s+(?:on|in|part\s+of"
    r"|a\s+member\s+of)\s+(?:my|our)\s+(?:team|account|company|org(?:anisation|anization)?)\W*$"
    r"|^\W*(?:(?:but|and|well)[,\s]+)?(?:she|he|they)\s+works?\s+(?:for|with)\s+(?:me|us)\W*$", re.IGNORECASE)


def asks_of_someone_elses_account(ctx: SupportContext) -> bool:
    """"Can you unlock her?" soon after a message about someone else who cannot get in, or "she's on my team" after
    asking to unlock someone else's account: their account."""
    if _ON_THEIR_TEAM.match(ctx.message):
        return any(about_someone_elses_sign_in(text) or _NAMES_ANOTHERS_ACCOUNT.search(text)
                   for text in questions_before(ctx)[:2])
    return bool(_THEIR_ACCOUNT.search(ctx.message)) and any(about_someone_elses_sign_in(text)
                                                           for text in questions_before(ctx))


def says_they_are_on_the_team(message: str) -> bool:
    """"She's on my team": the person asked about, said to be on the customer's team."""
    return bool(_ON_THEIR_TEAM.match(message))


# "Can you unlock carol's account?": someone else's account, named by whose it is.
_NAMES_ANOTHERS_ACCOUNT = re.compile(r"\b(?!my\b|our\b|your\b)[a-z]+'s\s+(?:account|login|password)\b", re.IGNORECASE)


def says_they_left(message: str) -> bool:
    """"She left the company": a person named by a pronoun, said to have left."""
    return bool(_SAYS_THEY_LEFT.match(message))


def asks_about_people_before(ctx: SupportContext) -> bool:
    """A short question about "them" ("can they see billing?") soon after a question that names people ("how do I add
    a teammate?", then "what roles are there?"): about those people, so in that question's topic even when alone it
    reads surely as another ("billing"). With no such question in the last few, it stands alone."""
    return people_named_before(ctx) is not None


def people_named_before(ctx: SupportContext) -> str | None:
    """The earlier question that named the people a short question about "them" asks about (asks_about_people_before),
    or None."""
    if CLOSING.search(ctx.message) or len(ctx.message.split()) > MAX_WORDS or not _ABOUT_THEM.search(ctx.message):
        return None
    return next((text for text in earlier_user_texts(ctx)[:TOPIC_TURNS] if _PEOPLE.search(text)), None)


# How the account part tells which plan has custom roles (reply_account._custom_roles_by_plan).
CUSTOM_ROLES_TOLD = "can use custom roles."


def custom_roles_setup_asked(ctx: SupportContext) -> str | None:
    """"How?" right after the reply that said which plan has custom roles: how they are set up, asked as a question of
    its own (the TLS guide's steps came, "how?" alone read as technical); None otherwise."""
    if asks_only_how(ctx.message) and CUSTOM_ROLES_TOLD in last_assistant_text(ctx):
        return "how do I set up custom roles?"
    return None


# How the help centre's entry on the team says where members are invited, as a reply quotes it.
# The people a customer lets into the account, as they call them.
# Not "users" or "people" alone: "can users see my app while it sleeps?" is about the app's visitors.
TEAM_PEOPLE = (r"(?:team\s?mates?|team\s+members?|members?|colleagues?|co-?workers?|developers?|devs?|contractors?"
               r"|admins?|administrators?|viewers?|editors?"
               r"|collaborators?|invitees?|(?:people|users?)\s+(?:i|we)\s+(?:invite|add)\w*)")
PRONOUNS = r"(?:they|he|she)"
# "Can team members see billing?", "what can a member with a read-only role do?", after "how do I add a
# teammate?" also "can they see billing?": what the people on the team may see or do, which is up to the
# role each gets. The customer's own "can I give my developer access?" is how to invite, not this.
WHAT_MEMBERS_MAY = re.compile(
    r"\b(?:can|could|will|would|do|does|may|are|is|what\s+(?:can|will|do|does|may))\s+"
    rf"(?:(?:my|our|the|a|an|any|other|those|these|new|invited)\s+)*(?P<who>{TEAM_PEOPLE}|(?<=my\s)team|(?<=our\s)team"
    rf"|{PRONOUNS})\b"
    # "Can she approve refunds?", "can they deploy?": what a member may do, which no entry says either.
    r"(?:\s+[\w-]+){0,6}?\s+(?P<act>(?:see|view|access|read|open|change|edit|manage|touch|do|get\s+(?:to|into)"
    r"|(?P<deed>approve|delete|remove|invite|deploy|cancel|create|refund))\b[^?.!,;]{0,30})",
    re.IGNORECASE,
)
_TEAM_INVITE_PLACE = "Settings → Team → Invite"
# "How much extra is that?", "does that cost extra?", "will I pay more for them?", "is it free?": what the members just
# asked how to invite add to the bill (the plans' prices came, as if the plans were asked of).
_COSTS_EXTRA = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|also)[,\s]+)?(?:"
    r"how\s+much\s+(?:extra\s+|more\s+)?(?:is|would|will|does|do)\s+(?:that|it|this|they|them|each(?:\s+one)?)"
    r"(?:\s+(?:be|cost|costs?))?(?:\s+(?:extra|more))?"
    r"|(?:does|would|will|is)\s+(?:that|it|this|each(?:\s+one)?)\s+(?:cost\s+)?(?:extra|more|anything|free)"
    r"|(?:do|will|would)\s+(?:i|we)\s+(?:have\s+to\s+)?(?:pay|be\s+charged|get\s+charged)(?:\s+(?:extra|more|anything))?"
    r"(?:\s+for\s+(?:them|that|it|each(?:\s+one)?))?"
    r"|(?:are|is)\s+(?:they|there\s+a\s+(?:charge|fee|cost))(?:\s+for\s+(?:them|that|it))?(?:\s+(?:free|extra))?"
    r")(?:\s+(?:per|a|each)\s+(?:month|person|member|seat))?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_what_it_costs(message: str) -> bool:
    """"Is it extra?", "does that cost anything?", "how much is it?", alone: what the thing just talked of adds to the bill."""
    return bool(_COSTS_EXTRA.match(message))


_HOW_MUCH = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|also)[,\s]+)?how\s+much\b", re.IGNORECASE)


def asks_if_it_costs_extra(message: str) -> bool:
    """"Is it extra?", "does that cost anything?", alone: whether the thing just talked of adds to the bill, not how much."""
    return asks_what_it_costs(message) and _HOW_MUCH.match(message) is None


def members_priced_after_the_team(ctx: SupportContext) -> bool:
    """"How much extra is that?" right after the team's entry on inviting members: a price for each member."""
    return _TEAM_INVITE_PLACE in last_assistant_text(ctx) and asks_what_it_costs(ctx.message)


def asks_what_a_member_may_do_after_the_team(ctx: SupportContext) -> bool:
    """"Can she see the invoices?" right after the team's entry: what the one just invited may see or do, which the
    entry doesn't say (the shortcut sent it again, behind "my answer is the same")."""
    return _TEAM_INVITE_PLACE in last_assistant_text(ctx) and WHAT_MEMBERS_MAY.search(ctx.message) is not None


def asks_what_members_may_do(message: str) -> bool:
    """"Can an admin see billing?", "can admins see payment details?": what someone on the team, named (not "she", whose
    meaning the turns before give), may see or do."""
    found = WHAT_MEMBERS_MAY.search(message)
    return found is not None and re.fullmatch(PRONOUNS, found["who"], re.IGNORECASE) is None
