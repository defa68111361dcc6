""""Where are your servers located?" was read as off topic (0.42) and got "that's outside what I can help with": the
help centre's regions entry answers it ("where are your servers?" found it at 0.91, but "located" is no word of the
entry's, and the light stemmer does not meet "locations" there), so the entry carries that wording too."""

from __future__ import annotations

import pytest

REGIONS = "three regions: us-east (Virginia), eu-west (Ireland) and ap-southeast (Singapore)"


@pytest.mark.parametrize("customer", [None, "cus_bob"])
@pytest.mark.parametrize("message", ["where are your servers located?", "Where are your servers?"])
async def test_where_the_servers_are_is_told_with_the_regions(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert REGIONS in outcome.reply, outcome.reply
    assert "outside what I can help with" not in outcome.reply, outcome.reply


async def test_where_the_customers_data_is_stored_still_gets_the_data_location_entry(converse):
    (outcome,) = await converse("cus_bob", "where is my data located?")
    assert "Account and billing data are stored in eu-west" in outcome.reply, outcome.reply
