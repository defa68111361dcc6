"""The runs export streams under Daphne: rows go out as they are read, not all at once at the end.

Under ASGI, Django reads a synchronous iterator whole, in a thread, before the first byte goes out,
so an export's memory grew with its size.
"""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.urls import reverse

from supportsite.core.http import pieces_in_batches
from tests.staff.factories import billing_run
from tests.support.live import live_server_url
from tests.support.ws import session_cookie_for


async def test_pieces_are_read_a_batch_at_a_time_as_the_client_takes_them():
    pulled: list[int] = []

    def rows():
        for number in range(10):
            pulled.append(number)
            yield f"{number}\n"

    batches = pieces_in_batches(rows(), batch=4)
    assert await anext(batches) == "0\n1\n2\n3\n"
    assert pulled == [0, 1, 2, 3]  # the rest is not read until it is asked for
    assert [batch async for batch in batches] == ["4\n5\n6\n7\n", "8\n9\n"]
    assert pulled == list(range(10))


@pytest.mark.django_db(transaction=True)
def test_the_export_over_daphne_holds_every_run_of_the_filter(demo_tx):
    runs = [billing_run(customer=demo_tx["alice"], latency_ms=100.0 + number) for number in range(5)]
    cookie = session_cookie_for("staff")

    response = httpx.get(f"{live_server_url()}{reverse('admin:conversations_agentrun_export')}", timeout=30,
                         cookies={"sessionid": cookie})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="runs.csv"'
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][0] == "run_id"
    assert sorted(row[0] for row in rows[1:]) == sorted(str(run.id) for run in runs)


@pytest.mark.django_db(transaction=True)
async def test_an_export_read_in_batches_uses_one_thread_for_its_database_cursor(demo_tx):
    # The rows come from a queryset iterator: each batch must run where the cursor was opened.
    from supportsite.conversations.models import AgentRun
    from supportsite.conversations.staff_selectors import runs_csv_rows

    await sync_to_async(lambda: [billing_run(customer=demo_tx["bob"]) for _ in range(7)])()
    ids = sorted([str(pk) async for pk in AgentRun.objects.values_list("id", flat=True)])
    rows = (f"{row[0]}\n" for row in runs_csv_rows(AgentRun.objects.all()))
    text = "".join([batch async for batch in pieces_in_batches(rows, batch=3)])
    assert sorted(text.split()) == ids
