"""Short answers read alone: a go-ahead ("yes please", "please file it"), a no ("no thanks", "maybe later"), a
request taken back ("never mind, I figured it out"), or what was asked said to be done ("ok I added a new one").
"""

from __future__ import annotations

import re

from agents.clauses import only_thanks

# "Yes, please", "alright, go ahead", "sure thing!": a comma or an exclamation between the words changes nothing.
# A go-ahead may also name what to do with what was offered: "please file it", "submit it", "make it so", "sort
# it out", "yes go on then", "go for it", "ok actually do it". Not "send it" (asks for it to be delivered:
# _DELIVER_IT) and nothing that asks a question of its own.
_GO_AHEAD_WORDS = (
    r"yes|yeah|yep|yup|ya|yea|sure(?:\s+thing)?|ok|okay|alright|all\s+right|absolutely|of\s+course|please\s+do"
    r"|go\s+ahead(?:\s+and\s+(?:do|file|submit)\s+(?:it|that))?|go\s+on|go\s+for\s+it|do\s+it|do\s+that"
    r"|(?:let'?s|lets)\s+do\s+(?:it|that)|make\s+it\s+so|proceed|sounds\s+good|that\s+would\s+be\s+great"
    r"|(?:file|submit|raise|lodge|process|action|request|start)\s+(?:it|that|this|the\s+(?:refund|request)|one)"
    r"|sort\s+(?:it|that|this)\s+out"
    # "Yes I'm sure", "definitely", "I confirm": insisting on what was asked, after being told what it means.
    r"|i'?m\s+(?:sure|certain)|i\s+am\s+(?:sure|certain)|definitely|certainly|i\s+confirm|confirmed"
)
# Words that lead into or trail a go-ahead without changing it: "ok actually do it", "yes go on then".
_GO_AHEAD_FILLER = r"please|thanks|thank\s+you|then|now|actually|fine|great|perfect|for\s+me|right\s+away|in\s+that\s+case"
_AFFIRMATION = re.compile(
    rf"^\s*(?:(?:{_GO_AHEAD_FILLER})[\s,.!]+)*(?:{_GO_AHEAD_WORDS})\b"
    rf"(?:[\s,.!]*(?:{_GO_AHEAD_FILLER}|{_GO_AHEAD_WORDS}))*[\s,.!]*$",
    re.IGNORECASE,
)
# "Ok go back to the refund, please file it": a go-ahead to an offer made some turns before, named by what it was
# about. The go-ahead is what follows the naming.
BACK_TO = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|right|actually|alright)[\s,.!]+)*(?:(?:let'?s\s+|can\s+we\s+)?go\s+back\s+to|back\s+to)"
    r"\s+(?:the|that|my)\s+(?P<named>[a-z]+)[\s,.!]+(?P<rest>.*)$",
    re.IGNORECASE,
)


def affirms(message: str) -> bool:
    """A go-ahead: "yes please", "please file it", "make it so", or one that names what it goes back to ("ok go
    back to the refund, please file it")."""
    if only_thanks(message):
        # "Ok thanks" to "would you like me to pass you to a person?": a thank-you, closing; it handed the conversation
        # over. "Yes thanks" still goes ahead.
        return False
    back = BACK_TO.match(message)
    return bool(_AFFIRMATION.match(back["rest"] if back else message))


# "Ok fine", "fine", "alright then": heard, as "ok" is (the refund's state came again, or the scope reply). "Makes sense",
# "fair enough", "that makes sense" too (after the refund policy, the latest charge was refused as if one were asked).
_BARE_OK = re.compile(r"^\W*(?:ok(?:ay)?|k|alright|all\s+right|fine|got\s+it|i\s+see|understood|noted"
                      r"|(?:that\s+|it\s+)?makes\s+sense|fair\s+enough|gotcha|i\s+understand)"
                      # "Ok good", "alright great" after the incident was said not to touch their region ("no guide").
                      r"(?:[\s,]+(?:fine|then|cool|good|great|perfect|nice))?[\s.!]*$", re.IGNORECASE)


def says_only_ok(message: str) -> bool:
    """"Ok", "alright", "got it": the last reply heard, nothing asked."""
    return bool(_BARE_OK.match(message))


# "No thanks", "no, that's fine", "nope, not now", "maybe later": turning down what was just offered, and asking nothing.
DECLINE = re.compile(
    r"^\s*(?:no|nope|nah|no\s+need|not\s+now|not\s+(?:right\s+)?now|not\s+yet|maybe\s+(?:later|another\s+time)"
    r"|i'?m\s+(?:good|fine|ok(?:ay)?)|all\s+good)\b"
    r"(?:[\s,.!]*(?:thanks|thank\s+you|thx|cheers|that'?s\s+(?:fine|ok(?:ay)?|all)|i'?m\s+(?:good|fine|ok(?:ay)?)"
    r"|not\s+(?:right\s+)?now|maybe\s+later|later|for\s+now|it'?s\s+fine))*[\s,.!]*$",
    re.IGNORECASE,
)


# "Actually never mind, I figured it out", "forget it, it's working now", "scratch that, all sorted": the customer
# takes back what they asked, and asks nothing else. The whole message: "never mind the refund, how do I add a
# teammate?" asks something of its own.
# "Never mind", "forget it", "scratch that": what was just said, taken back (read by refund_requests too).
NEVER_MIND = r"never\s*mind|nevermind|nvm|forget\s+(?:it|that|about\s+it)|scratch\s+that"
_TAKE_BACK = (rf"(?:{NEVER_MIND}|ignore\s+(?:that|me)|cancel\s+that"
              # "Actually no wait", "wait, no", "don't do it" after the steps to cancel (the scope reply came).
              r"|no,?\s+wait|wait,?\s+no|hold\s+on,?\s+(?:no|don'?t)|don'?t\s+(?:do\s+(?:it|that)|cancel(?:\s+(?:it|that))?)"
              # "My mistake", "no I wasn't, sorry" after "I can't find a duplicate charge" (not enough information).
              r"|my\s+(?:mistake|bad)|i\s+was\s+(?:wrong|mistaken)|i\s+misread(?:\s+it)?|no,?\s+i\s+(?:wasn'?t|was\s+not)"
              # "No, only once actually, sorry" after the same (not enough information).
              r"|(?:it\s+was\s+|i\s+was\s+)?(?:only|just)\s+(?:charged\s+)?once|(?:it\s+was\s+)?only\s+one\s+(?:charge|payment)"
              # "Sorry, wrong window": a message meant for somewhere else (the offer of a person came).
              r"|(?:(?:that\s+was|i\s+typed\s+(?:in|into)|that\s+was\s+for)\s+(?:the\s+|a\s+)?)?wrong\s+(?:window|chat|tab|person"
              r"|conversation|screen)|(?:that\s+)?(?:wasn'?t|was\s+not)\s+(?:meant\s+)?for\s+you|typed\s+(?:that\s+)?by\s+"
              r"mistake|didn'?t\s+mean\s+to\s+(?:send|type)\s+that)")
_SORTED = (r"(?:i(?:'ve|\s+have)?\s+(?:figured|worked|sorted)\s+it(?:\s+out)?|i\s+(?:fixed|solved)\s+it|i\s+got\s+it"
           # "Ok fixed it", "figured it out", "got it working": the same, the "I" left out.
           r"|(?:fixed|solved|sorted|figured)\s+it(?:\s+out)?|got\s+it\s+(?:working|to\s+work)"
           # "I can get in now", "I'm back in": signed in after all (our support hours came).
           r"|i\s+(?:can|could)\s+(?:get|log|sign)\s+(?:back\s+)?in\s+now|i'?m\s+(?:back\s+)?in\s+now|i'?m\s+back\s+in"
           r"|i\s+got\s+(?:back\s+)?in"
           r"|(?:it'?s|it\s+is|all|that'?s)\s+(?:sorted|fixed|solved|fine|working|ok(?:ay)?|good)(?:\s+now)?"
           r"|it\s+works(?:\s+now)?|all\s+good|no\s+need|i\s+don'?t\s+need\s+(?:it|help|a\s+person|anyone)(?:\s+any\s*more)?)")
# "Never mind, keep it", "forget it, I'll stay": after asking how to cancel or change something, that it stays as it is.
_KEEPS_IT = (r"(?:(?:i'?ll|i\s+will|i'?d\s+rather|let'?s)\s+)?(?:keep|leave)\s+(?:it|that|things|my\s+(?:plan|subscription|"
             r"account|card))(?:\s+(?:as\s+it\s+is|as\s+is|for\s+now))?|(?:i'?ll|i\s+will)\s+stay(?:\s+(?:on\s+\w+|for\s+now))?"
             r"|i\s+(?:have\s+|'ve\s+)?changed\s+my\s+mind")
_WITHDRAWN = re.compile(
    # "Done, it works now", "great, all sorted" after the steps (the guide's steps came again) lead in too.
    rf"^\s*(?:(?:actually|oh|oops|whoops|ok(?:ay)?|sorry|wait|ah|hey|no|done|great|perfect|cool|nice|yes|yep|yeah)[\s,.!]+)*"
    rf"(?:{_TAKE_BACK}(?:[\s,.!;:-]+(?:{_SORTED}|{_KEEPS_IT}|thanks|thank\s+you|thx|sorry|actually|now|my\s+(?:mistake|bad)))*"
    rf"|{_SORTED}(?:[\s,.!;:-]+(?:{_TAKE_BACK}|thanks|thank\s+you|thx|now|actually))*"
    # "Fine, I'll stay on free", "ok I'll keep my plan then" after a price or a move (the scope reply came).
    rf"|(?:(?:fine|alright|all\s+right|then|in\s+that\s+case|hmm+|oh\s+well|well|ok\s+then)[\s,.!]+)*(?:{_KEEPS_IT})"
    rf"(?:\s+then)?(?:[\s,.!;:-]+(?:thanks|thank\s+you|thx))*)[\s,.!]*$",
    re.IGNORECASE,
)


# "Ok I added a new one", "done", "I've updated it", "it's a new card though": what the last reply asked for, said to be
# done, and nothing else.
_SAYS_IT_IS_DONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|alright|yes|yep|cool|great|but|done)[\s,.!]+)?(?:i(?:'ve|\s+have)?\s+)?(?:just\s+)?"
    # "Done, i added a new visa": the brand of the card named for it.
    r"(?:(?:done|did)\s+(?:it|that)|done|all\s+done|(?:added|updated|changed|replaced|saved|entered)\s+"
    r"(?:it|that|one|(?:a|the|my)\s+(?:new\s+)?(?:one|card|visa|mastercard|amex)(?:\s+card)?|new\s+(?:one|card|visa"
    r"|mastercard|amex)(?:\s+card)?)"
    r"|(?:it'?s|it\s+is|that'?s|this\s+is)\s+(?:a|the)\s+new\s+(?:one|card)(?:\s+(?:though|already))?)"
    r"(?:[\s,.!]+(?:thanks|thank\s+you|now))*[\s,.!]*$",
    re.IGNORECASE,
)


def says_it_is_done(message: str) -> bool:
    """"Done", "ok I added a new one": what the last reply asked for, said to be done, and nothing else."""
    return bool(_SAYS_IT_IS_DONE.match(message))


# "I added the CNAME", "ok I created the cname record", "I read the build log, what next?": one of the steps just given,
# said to be done, and at most what comes next asked. "I did that" and "I followed the steps" are not read here: they
# say the steps did not help (set_phrases).
_STEP_DONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|alright|so|cool|great|yes|yep)[\s,.!]+)?(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|now\s+|already\s+)?"
    r"(?:(?:added|created|set\s+up|set|made|changed|updated|entered|configured|pointed|enabled|turned\s+on|switched\s+on|read"
    r"|checked|opened|saved|installed|used|put\s+in)\s+(?P<what>(?:(?!\b(?:but|still|not|isn'?t|doesn'?t|won'?t|can'?t|error|fail\w*)\b)[^,.;!?]){2,60}?)"
    # "I redeployed already", "we've restarted it": a step that is an act of its own, nothing named after it.
    r"|(?P<act>re-?deployed|rebuilt|restarted|rolled\s+back|deployed\s+again)(?:\s+(?:it|the\s+app|already|again|twice|too))*)"
    r"(?:[\s,.;!]+(?:so\s+|and\s+|now\s+)?(?:what\s+now|now\s+what|what(?:'s|\s+is)?\s+next|what\s+do\s+(?:i|we)\s+do\s+(?:now|next)"
    r"|then\s+what|what\s+else|next\s+step))?[\s,.!?]*$",
    re.IGNORECASE)


def step_said_done(message: str) -> str | None:
    """"I added the CNAME": what was done ("the CNAME"); "" for "done" alone; None for any other message."""
    if (done := _STEP_DONE.match(message)) is not None:
        return done["what"] or done["act"]
    return "" if says_it_is_done(message) else None


def withdraws_request(message: str) -> bool:
    """"Never mind, I figured it out": what was asked is taken back, nothing new asked."""
    return bool(_WITHDRAWN.match(message))


_SAYS_SORTED = re.compile(rf"\b{_SORTED}", re.IGNORECASE)


def says_it_is_sorted(message: str) -> bool:
    """"I figured it out", "it works now": the customer got there themselves, not only changed their mind."""
    return bool(_SAYS_SORTED.search(message))
