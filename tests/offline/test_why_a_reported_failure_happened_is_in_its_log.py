""""Can you tell me why?" after "my deploy failed" and its guide quoted the API rate limits: the search found that
entry at 0.80 for words any question holds ("can", "tell", "why"), all of them in its phrasings. A message that names
nothing an entry could be about is never a confident match, and the reason for a failure just reported is in the
customer's own log, which the assistant cannot read: the guide's step on where that log is, and an offer to look at
the error or pass them to a person."""

from __future__ import annotations

import pytest

from agents.providers.offline.faq import MISMATCH_SCORE_CAP, OfflineFaqRetriever
from agents.providers.offline.reply_technical import ASKS_THE_REASON

RATE_LIMITS = "The API allows 60 requests a minute"
BUILD_LOG_STEP = "1. Open **App → Deploys**, select the failed deploy and read the build log from the first error"


@pytest.mark.parametrize("message", ["can you tell me why?", "can you tell me", "what happened?", "could you explain?"])
def test_a_message_naming_nothing_is_no_confident_match(faq_retriever: OfflineFaqRetriever, message):
    assert all(match.score <= MISMATCH_SCORE_CAP for match in faq_retriever.search(message)), message


def test_a_question_naming_its_subject_with_the_same_asking_words_still_matches(faq_retriever: OfflineFaqRetriever):
    [top, *_] = faq_retriever.search("can you tell me the api rate limits?")
    assert top.question == "What are the API rate limits?" and top.score > 0.9, top


@pytest.mark.parametrize("follow_up", ["can you tell me why?", "why?", "why did it fail?", "do you know why?",
                                       "but why though?"])
async def test_why_after_the_failed_deploys_guide_points_to_the_build_log(converse, follow_up):
    _, outcome = await converse("cus_alice", "my deploy failed", follow_up)
    assert RATE_LIMITS not in outcome.reply, outcome.reply
    assert outcome.reply.startswith("I can't see your app's builds or logs from here"), outcome.reply
    assert BUILD_LOG_STEP in outcome.reply, outcome.reply
    assert "ask for a person" in outcome.reply
    assert [s.title for s in outcome.sources if s.kind == "article"] == ["Failed deploys and build timeouts"]


async def test_why_asked_first_gets_the_guide_not_a_note_on_logs(converse):
    # Nothing was reported before it: the guide on why deploys fail answers the question itself.
    [outcome] = await converse("cus_alice", "why did my deploy fail?")
    assert "Our guide “Failed deploys and build timeouts” covers this" in outcome.reply, outcome.reply


async def test_why_after_a_guide_on_no_failure_is_not_pointed_at_a_log(converse):
    _, outcome = await converse("cus_alice", "how do I scale my app?", "why?")
    assert "I can't see your app's builds or logs" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("can you tell me why?", True), ("why did my deploy fail", True), ("why it failed?", True), ("ok why", True),
    ("why was I charged twice?", False), ("why is my app slow", False), ("tell me why you need my card", False),
])
def test_asking_the_reason_alone(message, asks):
    assert bool(ASKS_THE_REASON.search(message)) is asks
