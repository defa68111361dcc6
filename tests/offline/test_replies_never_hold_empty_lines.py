"""No reply sent to a customer holds a line that says nothing: a lone ".", punctuation alone, or a run of blank
lines. Paragraphs stay one blank line apart, and a fenced code block is sent as written.

Whoever wrote the text: a help-centre entry staff edited in the admin (quoted as it is by the FAQ shortcut), or an
LLM's draft.
"""

from __future__ import annotations

import re

from agents.orchestrator import Orchestrator
from agents.providers.offline import OfflineProvider, incident_match
from agents.providers.offline.faq import OfflineFaqRetriever
from agents.providers.scripted import ScriptedProvider
from supportsite.knowledge.evaluation import demo_faq_facts
from tests.agents.fakes import EventLog, FakePorts, Harness, ctx_for, intent, offline

NOTHING_ON_A_LINE = re.compile(r"^[\s.,;:!?…·•*_~\-–—]*$")


def lines_that_say_nothing(reply: str) -> list[str]:
    """Every line but the single blank one between paragraphs that holds no word or figure."""
    return [line for line in re.split(r"\n\n(?=\S)|\n", reply) if NOTHING_ON_A_LINE.match(line)]


async def test_a_help_centre_answer_with_a_stray_full_stop_line_is_sent_without_it(classifier, kb_retriever):
    # As a staff member might save it: the answer's second sentence moved to a line of its own, a "." left behind.
    edited = [fact.model_copy(update={"answer": "We accept Visa, Mastercard and American Express cards.\n.\n\n\n\n"
                                                "Business customers can also pay yearly by bank transfer against an "
                                                "invoice.\n "})
              if fact.id == 15 else fact for fact in demo_faq_facts()]
    provider = OfflineProvider(classifier)
    orchestrator = Orchestrator(provider=provider, fallback=provider, faq=OfflineFaqRetriever(edited), kb=kb_retriever,
                                incident_matcher=incident_match)
    outcome = await orchestrator.run(ctx_for("what payment methods do you accept?", "cus_bob"), ports=FakePorts(),
                                     sink=EventLog())
    assert outcome.route == "faq"
    assert outcome.reply == ("We accept Visa, Mastercard and American Express cards.\n\nBusiness customers can also "
                             "pay yearly by bank transfer against an invoice."), repr(outcome.reply)
    assert lines_that_say_nothing(outcome.reply) == []


async def test_an_llm_draft_with_empty_and_punctuation_only_lines_is_sent_tidy_with_its_code_block_kept():
    draft = ("Your invoice NW-1003 failed because the card expired.\n.\n\n\n\n - \n\n"
             "Add a new card, then retry:\n```\ncurl -X POST .../retry\n...\n```\n\n!")
    llm = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)], replies=[draft])
    harness = Harness(provider=llm, fallback=offline(intents=[intent("billing", 0.9)]))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.route == "resolver" and llm.calls_of("write_reply")
    assert outcome.reply == ("Your invoice NW-1003 failed because the card expired.\n\n"
                             "Add a new card, then retry:\n```\ncurl -X POST .../retry\n...\n```"), repr(outcome.reply)

