""""Can I use my own SSL certificate?" got the TLS guide's troubleshooting steps, as if a certificate had failed. What
the help centre says of the certificates issued is given (without the entry's "Yes:", which answers whether they are
provided and read as yes to this), and that it doesn't say whether one of the customer's own can be used, with a
person offered. A certificate of theirs that fails still gets the guide."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_technical import OWN_CERTIFICATE

NOT_SAID = "It doesn't say whether you can use a certificate of your own instead"
ISSUED = "every custom domain gets a free TLS certificate from Let's Encrypt"


@pytest.mark.parametrize("message", ["can I use my own ssl certificate?", "can I upload a custom certificate?",
                                     "can we bring our own cert?"])
async def test_a_certificate_of_ones_own_gets_what_is_issued_and_a_person_offered(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert NOT_SAID in outcome.reply and ISSUED in outcome.reply, outcome.reply
    assert "Yes:" not in outcome.reply and "Retry certificate" not in outcome.reply, outcome.reply
    assert "pass you to a person" in outcome.reply, outcome.reply


async def test_a_yes_after_it_hands_the_conversation_to_a_person(converse):
    _, outcome = await converse("cus_alice", "can I use my own ssl certificate?", "yes")
    assert outcome.route == "handoff", outcome.reply


async def test_a_certificate_of_ones_own_that_fails_still_gets_the_guide(converse):
    (outcome,) = await converse("cus_alice", "my own certificate is not working")
    assert NOT_SAID not in outcome.reply and "TLS (SSL) certificates" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "own"), [
    ("can I use my own ssl certificate?", True), ("upload a wildcard certificate", True),
    ("my certificate expired", False), ("do you provide ssl certificates?", False),
    ("can I use a custom domain?", False),
])
def test_a_certificate_of_ones_own_is_one_the_customer_brings(message, own):
    assert bool(OWN_CERTIFICATE.search(message)) is own
