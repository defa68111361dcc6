"""What staff read on the console's pages: the bar's counts on every page, replies as the customer
sees them, the queue in words, the dashboard's period, the timeline's names and the FAQ's lists."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from supportsite.conversations.actions import action_unlock_record
from supportsite.conversations.admin_charts import grouped_bars, line_series
from supportsite.conversations.models import AgentStep, Conversation, Message
from supportsite.conversations.staff_selectors import run_waterfall, time_axis_ticks
from supportsite.knowledge import admin as knowledge_admin
from supportsite.knowledge.models import Article, FaqEntry
from tests.staff.factories import (
    billing_run,
    bob_duplicate_refund_pending,
    conversation_with_message,
    handoff_conversation,
    step,
)
from tests.staff.wsutil import communicator, session_cookie

# --- the bar's counts ---------------------------------------------------------------------------

BAR_PAGES = {
    "home": lambda objects: reverse("admin:index"),
    "runs": lambda objects: reverse("admin:conversations_agentrun_changelist"),
    "faq list": lambda objects: reverse("admin:knowledge_faqentry_changelist"),
    "faq entry": lambda objects: reverse("admin:knowledge_faqentry_change", args=[FaqEntry.objects.first().pk]),
    "conversation": lambda objects: reverse("admin:conversations_conversation_change", args=[objects["waiting"].pk]),
    "customers": lambda objects: reverse("admin:customers_customerprofile_changelist"),
    "queue": lambda objects: reverse("admin:conversations_conversation_queue"),
    "approvals": lambda objects: reverse("admin:conversations_agentaction_approvals"),
    "dashboard": lambda objects: reverse("admin:conversations_conversation_dashboard"),
    "run trace": lambda objects: reverse("admin:conversations_agentrun_trace", args=[objects["run"].pk]),
}


@pytest.fixture
def two_waiting_one_pending(demo):
    waiting = handoff_conversation(customer=demo["alice"], minutes_ago=4)
    handoff_conversation(customer=demo["carol"], minutes_ago=9)
    action = bob_duplicate_refund_pending(demo["bob"])
    return {"waiting": waiting, "run": action.run}


def _bar_badges(html: str) -> tuple[str, str]:
    queue = re.search(r'id="nav-queue">Queue<span class="nw-badge[^"]*"[^>]*>(\d+)</span>', html)
    approvals = re.search(r'id="nav-approvals">Approvals<span class="nw-badge[^"]*"[^>]*>(\d+)</span>', html)
    assert queue and approvals, "the bar has no counts"
    return queue.group(1), approvals.group(1)


@pytest.mark.parametrize("page", list(BAR_PAGES))
def test_the_bar_counts_the_waiting_conversations_and_pending_approvals_on_every_admin_page(
    staff_client, two_waiting_one_pending, page
):
    response = staff_client.get(BAR_PAGES[page](two_waiting_one_pending))
    assert response.status_code == 200
    assert _bar_badges(response.content.decode()) == ("2", "1")


def _count_queries(queries: list[dict]) -> list[str]:
    return [q["sql"] for q in queries if "COUNT(" in q["sql"] and "'pending_approval'" in q["sql"]]


@pytest.mark.parametrize("page", ["home", "faq list", "conversation", "queue", "approvals", "run trace"])
def test_the_bars_counts_cost_a_page_one_query(staff_client, two_waiting_one_pending, page):
    url = BAR_PAGES[page](two_waiting_one_pending)
    with CaptureQueriesContext(connection) as captured:
        staff_client.get(url)
    counting = _count_queries(captured.captured_queries)
    assert len(counting) == 1, counting
    assert "'waiting'" in counting[0]  # both counts in that one statement


# --- replies as the customer reads them ---------------------------------------------------------

MARKDOWN_REPLY = "Go to **Billing → Invoices** and pick the invoice.\n\n- one\n- two"
HOSTILE_REPLY = 'Try <script>window.__xss=1</script> or [this link](javascript:alert(1)) **now**'


@pytest.fixture
def markdown_conversation(demo, staff_user):
    conversation, _ = conversation_with_message(customer=demo["alice"], text="Where are **my** invoices?")
    Message.objects.create(conversation=conversation, role=Message.Role.ASSISTANT, text=MARKDOWN_REPLY)
    Message.objects.create(conversation=conversation, role=Message.Role.STAFF, author=staff_user, text=HOSTILE_REPLY)
    return conversation


@pytest.mark.parametrize("view", ["conversations_conversation_change", "conversations_conversation_live"])
def test_the_transcript_renders_replies_markdown_as_the_chat_does_and_keeps_html_and_script_links_inert(
    staff_client, markdown_conversation, view
):
    html = staff_client.get(reverse(f"admin:{view}", args=[markdown_conversation.pk])).content.decode()
    assert "<strong>Billing → Invoices</strong>" in html and "**Billing" not in html
    assert "<li>one</li>" in html
    assert "<strong>now</strong>" in html  # the staff member's message too
    assert "<script>window.__xss" not in html and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "href=\"javascript" not in html  # shown as text, never a link
    # The customer's own words are shown exactly as typed, as in the chat.
    assert "Where are **my** invoices?" in html


def test_the_live_views_json_carries_the_chats_sanitised_html_for_replies_and_none_for_the_customer(
    staff_client, markdown_conversation
):
    frames = staff_client.get(
        reverse("admin:conversations_conversation_messages", args=[markdown_conversation.pk])).json()["messages"]
    by_role = {frame["role"]: frame for frame in frames}
    assert "html" not in by_role["user"]
    assert "<strong>Billing → Invoices</strong>" in by_role["assistant"]["html"]
    staff_html = by_role["staff"]["html"]
    assert "<strong>now</strong>" in staff_html and "<script>" not in staff_html and "href=\"javascript" not in staff_html
    sent = staff_client.post(reverse("admin:conversations_conversation_reply", args=[markdown_conversation.pk]),
                             {"text": "I'll refund **$29.00** today."}, HTTP_ACCEPT="application/json")
    assert sent.status_code == 201 and "<strong>$29.00</strong>" in sent.json()["html"]


@pytest.mark.django_db(transaction=True)
async def test_the_staff_websocket_sends_replies_with_the_chats_html(demo_tx):
    from supportsite.conversations.events import conversation_events_send

    conversation = await sync_to_async(handoff_conversation)(customer=demo_tx["alice"], minutes_ago=1)
    await Message.objects.acreate(conversation=conversation, role=Message.Role.ASSISTANT, text=MARKDOWN_REPLY)
    ws = communicator(f"/ws/staff/conversations/{conversation.id}/", await sync_to_async(session_cookie)("staff"))
    assert (await ws.connect())[0]
    state = await ws.receive_json_from(timeout=5)
    reply = next(m for m in state["messages"] if m["role"] == "assistant")
    assert "<strong>Billing → Invoices</strong>" in reply["html"]
    await conversation_events_send(conversation_id=conversation.id, payloads=[
        {"type": "staff.message", "message_id": "m-1", "text": HOSTILE_REPLY, "author": "Sam"}])
    frame = await ws.receive_json_from(timeout=5)
    assert frame["type"] == "staff.message" and "<strong>now</strong>" in frame["html"]
    assert "<script>" not in frame["html"] and "href=\"javascript" not in frame["html"]
    await ws.disconnect()


# --- the queue in words -------------------------------------------------------------------------

RAW_SUMMARY = ('Asked: "My account is locked, can you unlock it?" (intent account, confidence 0.95)\n'
               "Customer: Carol Diaz (cus_carol)\nFacts: account locked\nActions: account_unlock  $0 pending_approval")


def test_the_queue_says_what_the_agents_did_in_words_with_the_channel_and_just_now(staff_client, demo):
    carol = handoff_conversation(customer=demo["carol"], minutes_ago=0, reason="policy_needs_approval",
                                 summary=RAW_SUMMARY)
    action_unlock_record(customer_pk=demo["carol"].pk, run_id=None, conversation_id=str(carol.pk), request_key="u-1")
    refund = bob_duplicate_refund_pending(demo["bob"])
    bob = Conversation.objects.get(pk=refund.conversation_id)
    bob.status, bob.channel, bob.handoff_at = Conversation.Status.WAITING, Conversation.Channel.API, \
        timezone.now() - timedelta(minutes=12)
    bob.handoff_summary = "Asked: \"I was charged twice\"\nActions: refund NW-2002 $99.00 pending_approval RF-1"
    bob.save()

    html = staff_client.get(reverse("admin:conversations_conversation_queue")).content.decode()
    assert "Actions: Unlock account — waiting for approval" in html
    assert "Actions: Refund of $99.00 on NW-2002 — waiting for approval" in html
    assert "account_unlock" not in html and "pending_approval" not in html
    assert "Facts: account locked" in html  # the rest of the agents' summary stays as written
    # Django's timesince joins number and unit with a no-break space: \s matches it.
    assert "just now" in html and not re.search(r"\b0\s+minutes", html)
    assert re.search(r"\b12\s+minutes ago", html)
    assert "via Web chat" in html and "via REST API" in html


def test_the_live_views_handoff_summary_says_the_actions_in_words(staff_client, demo):
    carol = handoff_conversation(customer=demo["carol"], minutes_ago=3, reason="policy_needs_approval",
                                 summary=RAW_SUMMARY)
    action_unlock_record(customer_pk=demo["carol"].pk, run_id=None, conversation_id=str(carol.pk), request_key="u-2")
    html = staff_client.get(reverse("admin:conversations_conversation_live", args=[carol.pk])).content.decode()
    why = re.search(r'<p class="nw-summary">(.*?)</p>', html, re.S).group(1)
    assert "Actions: Unlock account — waiting for approval" in why and "account_unlock" not in why


# --- the dashboard ------------------------------------------------------------------------------

def test_the_dashboard_says_its_period_and_offers_the_others_as_separate_words(staff_client, demo):
    html = staff_client.get(reverse("admin:conversations_conversation_dashboard"), {"days": 7}).content.decode()
    assert ('The last 7 days. Show: <b>7 days</b> · <a href="?days=14">14 days</a> · '
            '<a href="?days=30">30 days</a>') in html


def test_the_dashboards_labelled_bars_hold_their_whole_label_and_value_as_text(staff_client, demo):
    billing_run(customer=demo["alice"], route="resolver")
    handoff_conversation(customer=demo["carol"], minutes_ago=5, reason="customer_asked")
    html = staff_client.get(reverse("admin:conversations_conversation_dashboard")).content.decode()
    routes = html[html.index('id="chart-routes"'):html.index('id="chart-handoffs"')]
    assert '<span class="nw-hbar-label">resolver</span>' in routes and ">100.0% (1)</span>" in routes
    # Not cut to 24 characters ("Customer asked for a pe…") to fit a drawing.
    assert '<span class="nw-hbar-label">Customer asked for a person</span>' in html


# "03 Dec" at the stylesheet's 11 px is about 36 of the drawing's units wide: labels need that and a gap.
DAY_LABEL_ROOM = 44


@pytest.mark.parametrize("days", [30, 90])
@pytest.mark.parametrize("chart", ["per day", "latency"])
def test_the_day_labels_of_the_dashboards_charts_never_overlap(days, chart):
    day_list = [date(2026, 12, 3) - timedelta(days=days - 1 - i) for i in range(days)]
    if chart == "per day":
        drawn = grouped_bars(days=day_list, series=[[1] * days, [2] * days])
    else:
        drawn = line_series(days=day_list, series=[[10.0] * days, [20.0] * days])
    xs = [x for x, _ in drawn.x_labels]
    assert len(xs) >= 3 and xs[-1] > xs[0]
    assert min(b - a for a, b in pairwise(xs)) >= DAY_LABEL_ROOM
    # Each label, centred on its x, stays inside the drawing.
    assert xs[0] - 18 >= 0 and xs[-1] + 18 <= drawn.width


# --- the run's timeline -------------------------------------------------------------------------

def test_a_tools_name_is_split_into_its_namespace_and_what_tells_it_from_its_siblings(demo):
    run = billing_run(customer=demo["alice"])
    for offset, name in enumerate(("billing.invoices", "billing.payments")):
        step(run, agent="tool", kind=AgentStep.Kind.TOOL, name=name, start_ms=150 + offset, end_ms=300)
    step(run, agent="resolver", kind=AgentStep.Kind.LLM, name="chat gpt-4.1", start_ms=800, end_ms=900)
    rows = {row.step.name: row for row in run_waterfall(run=run).rows}
    assert (rows["billing.invoices"].name_scope, rows["billing.invoices"].name_leaf) == ("billing.", "invoices")
    assert rows["billing.payments"].name_leaf == "payments"
    assert rows["chat gpt-4.1"].name_scope == ""  # only tools are named namespace.function
    assert rows["chat gpt-4.1"].name_leaf == "chat gpt-4.1"


# --- FAQ entries: phrasings one a line, tags separated by commas --------------------------------

def _faq_form_data(faq: FaqEntry, **changes: str) -> dict[str, str]:
    return {"question": faq.question, "answer": faq.answer, "alternatives": "", "tags": "",
            "is_published": "on", **changes}


def test_staff_edit_an_faqs_phrasings_one_a_line_and_its_tags_separated_by_commas(staff_client, demo):
    faq = FaqEntry.objects.get(question="How long does a refund take to arrive?")
    url = reverse("admin:knowledge_faqentry_change", args=[faq.pk])
    response = staff_client.post(url, _faq_form_data(
        faq, alternatives="when is my refund coming\r\n\r\n  refund late  \r\nrefund late\r\n",
        tags="billing,  refund , ,billing"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    faq.refresh_from_db()
    assert faq.alternatives == ["when is my refund coming", "refund late"]
    assert faq.tags == ["billing", "refund"]
    form = staff_client.get(url).content.decode()
    assert ">\nwhen is my refund coming\nrefund late</textarea>" in form
    assert 'value="billing, refund"' in form


def test_an_faq_saved_without_phrasings_or_tags_stores_empty_lists(staff_client, demo):
    faq = FaqEntry.objects.get(question="How long does a refund take to arrive?")
    staff_client.post(reverse("admin:knowledge_faqentry_change", args=[faq.pk]), _faq_form_data(faq))
    faq.refresh_from_db()
    assert faq.alternatives == [] and faq.tags == []


def test_an_faq_whose_question_another_entry_asks_gets_a_form_error_on_add_and_on_change(staff_client, demo):
    first, second = FaqEntry.objects.order_by("pk")[:2]
    count = FaqEntry.objects.count()
    for url in (reverse("admin:knowledge_faqentry_add"), reverse("admin:knowledge_faqentry_change", args=[second.pk])):
        response = staff_client.post(url, _faq_form_data(second, question=f"  {first.question.upper()} "))
        assert response.status_code == 200
        [error] = response.context["adminform"].form.errors["question"]
        assert f"FAQ entry {first.pk} (“{first.question}”) already asks this question" in error
    assert FaqEntry.objects.count() == count
    second.refresh_from_db()
    assert second.question_key != first.question_key


def test_an_faq_saved_as_another_save_takes_its_question_gets_the_form_error_not_a_server_error(
        staff_client, demo, monkeypatch):
    first = FaqEntry.objects.order_by("pk").first()
    checks: list[str] = []
    real_check = knowledge_admin.faq_question_owner

    def check_too_early(**kwargs):
        # The first check runs before the other save commits, so it finds no entry; the database's
        # unique constraint refuses the write and the console validates the form again.
        checks.append(kwargs["question"])
        return None if len(checks) == 1 else real_check(**kwargs)

    monkeypatch.setattr(knowledge_admin, "faq_question_owner", check_too_early)
    count = FaqEntry.objects.count()
    response = staff_client.post(reverse("admin:knowledge_faqentry_add"),
                                 _faq_form_data(first, question=first.question.lower()))
    assert response.status_code == 200 and len(checks) == 2
    assert "already asks this question" in response.context["adminform"].form.errors["question"][0]
    assert FaqEntry.objects.count() == count


def test_staff_edit_an_articles_tags_separated_by_commas(staff_client, demo):
    article = Article.objects.first()
    url = reverse("admin:knowledge_article_change", args=[article.pk])
    response = staff_client.post(url, {"slug": article.slug, "title": article.title, "summary": article.summary,
                                       "body": article.body, "tags": "deploys, domains"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.tags == ["deploys", "domains"]


@pytest.mark.django_db
def test_an_approval_for_a_duplicate_charge_shows_both_charges_and_which_repeats_which(staff_client, demo):
    from tests.staff.factories import bob_duplicate_refund_pending

    action = bob_duplicate_refund_pending(demo["bob"])
    html = staff_client.get(reverse("admin:conversations_agentaction_approvals")).content.decode()
    charges = html[html.index("Charges on NW-2002"):]
    charges = charges[:charges.index("</table>")]
    references = list(action.refund.invoice.payments.values_list("reference", flat=True))
    assert len(references) == 2 and all(reference in charges for reference in references)
    assert charges.count("duplicate</span>") == 1


def test_staff_edit_a_regression_cases_checks_one_a_line(staff_client, demo):
    from supportsite.conversations.models import RegressionCase

    case = RegressionCase.objects.create(message="Why did my last payment fail?", customer_external_id="cus_alice",
                                         must_contain=["NW-1003"], must_not_contain=["NW-2002"])
    url = reverse("admin:conversations_regressioncase_change", args=[case.pk])
    assert ">\nNW-1003</textarea>" in staff_client.get(url).content.decode()
    response = staff_client.post(url, {
        "message": case.message, "customer_external_id": "cus_alice", "expected_route": "resolver",
        "must_contain": "NW-1003\r\n4242\r\n\r\n", "must_not_contain": "NW-2002\r\ncus_bob"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    case.refresh_from_db()
    assert case.must_contain == ["NW-1003", "4242"] and case.must_not_contain == ["NW-2002", "cus_bob"]


def test_the_queue_says_what_a_conversation_is_about_when_the_handoff_came_on_another_message(staff_client, demo):
    # "Can I talk to a person please?" came after the question: the queue names the question too.
    asked_before = handoff_conversation(customer=demo["bob"], minutes_ago=5,
                                        summary='Asked: "Can I talk to a person please?" (intent human, confidence 0.98)')
    first = Message.objects.filter(conversation=asked_before).get()
    for minutes, text in ((3, "hi"), (2, "Why was my card charged twice this month?")):
        earlier = Message.objects.create(conversation=asked_before, role="user", text=text, client_id=f"m{minutes}")
        Message.objects.filter(pk=earlier.pk).update(created_at=first.created_at - timedelta(minutes=minutes))
    # Handed over on its one question: the summary quotes it already, and nothing is added.
    asked_once = handoff_conversation(customer=demo["carol"], minutes_ago=2,
                                      summary='Asked: "Can I talk to a person please?" (intent human, confidence 0.98)')

    html = staff_client.get(reverse("admin:conversations_conversation_queue")).content.decode()
    rows = dict(re.findall(r'<tr data-conversation="([^"]+)">(.*?)</tr>', html, re.S))
    assert "About: “Why was my card charged twice this month?”" in rows[str(asked_before.pk)]
    assert "About:" not in rows[str(asked_once.pk)]


@pytest.mark.parametrize(("span_ms", "labels"), [
    # Quarters labelled rounded read "0, 1, 3, 4, 6 ms" at even spacing on a 5.9 ms run.
    (5.9, ["0 ms", "1 ms", "2 ms", "3 ms", "4 ms", "5 ms"]),
    (1300, ["0 ms", "500 ms", "1000 ms"]),
    (0.8, ["0.0 ms", "0.2 ms", "0.4 ms", "0.6 ms", "0.8 ms"]),
    (21_999, ["0 s", "5 s", "10 s", "15 s", "20 s"]),
])
def test_the_trace_time_axis_is_labelled_at_round_times_where_they_fall(span_ms, labels):
    ticks = time_axis_ticks(span_ms)
    assert [label for _, label in ticks] == labels
    step = float(labels[1].split()[0]) * (1000 if labels[1].endswith(" s") else 1)
    for number, (pct, _) in enumerate(ticks):
        assert pct == pytest.approx(number * step / span_ms * 100, abs=0.001)


def test_the_trace_pages_grid_lines_fall_on_its_time_axis_ticks(staff_client, demo):
    run = bob_duplicate_refund_pending(demo["bob"]).run
    AgentStep.objects.create(run=run, agent="intent", kind="agent", name="classify the message", status="succeeded",
                             started_at=run.started_at, finished_at=run.started_at + timedelta(milliseconds=5.9),
                             duration_ms=5.9)
    html = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.pk])).content.decode()
    waterfall = run_waterfall(run=run)
    assert f'style="--nw-wf-tick:{waterfall.tick_step_pct}%"' in html
    assert [f'<span style="left:{pct}%">{label}</span>' in html for pct, label in waterfall.ticks] == \
        [True] * len(waterfall.ticks)
