"""Every staff-console page renders with the demo company plus traced runs, and lists filter and search."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib import admin
from django.urls import reverse

from supportsite.conversations.admin import AgentRunAdmin
from supportsite.conversations.models import AgentRun, Conversation, Feedback
from tests.staff.factories import (
    billing_run,
    bob_duplicate_refund_pending,
    conversation_with_message,
    feedback,
    handoff_conversation,
    step,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def console_data(demo):
    alice, bob, carol = demo["alice"], demo["bob"], demo["carol"]
    good = billing_run(customer=alice, latency_ms=800.0)
    slow = billing_run(customer=alice, text="Is the API down in eu-west?", intent="technical", route="fallback",
                       latency_ms=12000.0, fallbacks=["llm_unavailable:offline"],
                       reply="Some API requests in eu-west fail right now: see the status page.")
    revised = billing_run(customer=carol, text="I am locked out", intent="account", latency_ms=2500.0,
                          draft_text="Please reset your password.", reply="Your account is locked after five failed "
                          "sign-ins; I've asked our team to unlock it.")
    feedback(good, Feedback.Rating.UP)
    feedback(slow, Feedback.Rating.DOWN, "It did not help")
    waiting = handoff_conversation(customer=carol, minutes_ago=5)
    action = bob_duplicate_refund_pending(bob)
    return {"good": good, "slow": slow, "revised": revised, "waiting": waiting, "action": action}


def test_every_registered_model_has_a_changelist_and_change_page_that_render_for_staff(staff_client, console_data):
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = staff_client.get(changelist)
        assert response.status_code == 200, changelist
        obj = model_admin.get_queryset(response.wsgi_request).first()
        if obj is not None:
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            assert staff_client.get(change).status_code == 200, change


def _listed_run_ids(response) -> set[str]:
    return {str(run.id) for run in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("query", "expected", "excluded"),
    [
        ("latency=very_slow", {"slow"}, {"good", "revised"}),
        ("latency=fast", {"good"}, {"slow", "revised"}),
        ("latency=ok", {"revised"}, {"good", "slow"}),
        ("fallback=yes", {"slow"}, {"good", "revised"}),
        ("fallback=no", {"good", "revised"}, {"slow"}),
        ("feedback=down", {"slow"}, {"good", "revised"}),
        ("feedback=up", {"good"}, {"slow", "revised"}),
        ("feedback=none", {"revised"}, {"good", "slow"}),
        ("route__exact=fallback", {"slow"}, {"good"}),
        ("intent__exact=account", {"revised"}, {"good", "slow"}),
        ("critic_verdict__exact=revise", {"revised"}, {"good", "slow"}),
        ("q=eu-west", {"slow"}, {"good", "revised"}),
        ("q=cus_carol", {"revised"}, {"good", "slow"}),
    ],
)
def test_run_list_filters_and_search_narrow_the_runs(staff_client, console_data, query, expected, excluded):
    response = staff_client.get(reverse("admin:conversations_agentrun_changelist") + "?" + query)
    assert response.status_code == 200
    listed = _listed_run_ids(response)
    assert {str(console_data[k].id) for k in expected} <= listed
    assert not {str(console_data[k].id) for k in excluded} & listed


def test_run_list_is_found_by_run_id_and_sorts_by_latency_and_tokens(staff_client, console_data):
    run = console_data["revised"]
    url = reverse("admin:conversations_agentrun_changelist")
    assert _listed_run_ids(staff_client.get(url, {"q": str(run.id)})) == {str(run.id)}
    columns = ["action_checkbox", *AgentRunAdmin.list_display]  # the admin counts the checkbox column
    latency, tokens = columns.index("latency_display"), columns.index("tokens_display")
    by_latency = [r.latency_ms for r in staff_client.get(url, {"o": f"-{latency}"}).context["cl"].result_list]
    assert by_latency == sorted(by_latency, reverse=True) and by_latency[0] == 12000.0
    by_tokens = [r.total_tokens for r in staff_client.get(url, {"o": f"{tokens}"}).context["cl"].result_list]
    assert by_tokens == sorted(by_tokens)


def test_conversation_list_filters_by_route_feedback_and_status_and_finds_by_text_and_run_id(staff_client, console_data):
    url = reverse("admin:conversations_conversation_changelist")
    slow_conv, good_conv = console_data["slow"].conversation_id, console_data["good"].conversation_id

    def listed(**params):
        return {c.pk for c in staff_client.get(url, params).context["cl"].result_list}

    assert slow_conv in listed(route="fallback") and good_conv not in listed(route="fallback")
    assert slow_conv in listed(feedback="down") and good_conv not in listed(feedback="down")
    assert listed(status__exact="waiting") == {console_data["waiting"].pk}
    assert listed(q="eu-west") == {slow_conv}
    assert listed(q=str(console_data["good"].id)) == {good_conv}
    assert listed(q="cus_bob") == {console_data["action"].conversation_id}


def test_csv_export_holds_exactly_the_filtered_runs(staff_client, console_data):
    response = staff_client.get(reverse("admin:conversations_agentrun_export") + "?fallback=yes")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "run_id"
    assert [row[0] for row in rows[1:]] == [str(console_data["slow"].id)]
    assert "eu-west" in rows[1][rows[0].index("message")]


def test_csv_export_admin_action_exports_the_selected_runs(staff_client, console_data):
    chosen = [console_data["good"], console_data["revised"]]
    response = staff_client.post(reverse("admin:conversations_agentrun_changelist"), {
        "action": "export_csv", "_selected_action": [str(r.pk) for r in chosen],
    })
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row[0] for row in rows[1:]} == {str(r.pk) for r in chosen}


def test_run_page_shows_why_this_path_totals_steps_and_draft_beside_final(staff_client, console_data):
    run = console_data["revised"]
    response = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="why"' in html and "Why this path" in html
    assert "score <b>0.62</b> ≤ threshold 0.90" in html
    assert "success · 570.0 ms · gathered while the intent was classified" in html  # the billing worker's outcome
    assert "success · 385.0 ms</" in html or "success · 385.0 ms<" in html
    assert "The draft did not name the invoice." in html
    assert 'id="draft-vs-final"' in html and "Please reset your password." in html
    assert "1200 / 300" in html  # tokens in / out
    # gpt-4o-mini: 1200 × $0.15 + 300 × $0.60 per million tokens, summed per LLM step.
    assert response.context["cost"] == pytest.approx((1200 * 0.15 + 300 * 0.60) / 1e6)
    assert html.count('class="nw-wf-row"') == AgentRun.objects.get(pk=run.pk).steps.count()
    assert "&quot;NW-1003&quot;" in html  # a step's pretty JSON output, escaped, inside <details>


def test_run_page_says_who_labelled_the_intent_and_why_the_llm_was_not_asked(staff_client, console_data):
    run = console_data["good"]
    run.summary["intent"].update(provider="offline",
                                 llm_skipped="the local label is at least 0.95 sure and names one domain")
    run.save(update_fields=["summary"])
    html = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.id])).content.decode()
    assert ("by offline classifier; the LLM was not asked: the local label is at least 0.95 sure and names one "
            "domain") in html
    run.summary["intent"].update(provider="openai", llm_skipped=None)
    run.save(update_fields=["summary"])
    html = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.id])).content.decode()
    assert '<div class="nw-muted">by openai</div>' in html and "was not asked" not in html


def test_run_page_counts_the_models_calls_apart_from_the_offline_providers(staff_client, console_data):
    run = console_data["good"]
    url = reverse("admin:conversations_agentrun_trace", args=[run.id])
    assert "<span>LLM calls</span><b>2</b></div>" in staff_client.get(url).content.decode()  # resolver and critic
    step(run, agent="intent", kind="llm", name="chat offline", start_ms=1, end_ms=2, model="offline")
    html = staff_client.get(url).content.decode()
    assert '<span>LLM calls</span><b>2</b> <span class="nw-muted">+ 1 offline</span>' in html


def test_run_page_without_a_draft_has_no_side_by_side(staff_client, console_data):
    response = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[console_data["good"].id]))
    assert 'id="draft-vs-final"' not in response.content.decode()


def test_conversation_page_links_each_reply_to_its_run_and_shows_status_changes(staff_client, console_data):
    run = console_data["good"]
    html = staff_client.get(reverse("admin:conversations_conversation_change", args=[run.conversation_id])).content.decode()
    assert reverse("admin:conversations_agentrun_trace", args=[run.id]) in html
    waiting = staff_client.get(
        reverse("admin:conversations_conversation_change", args=[console_data["waiting"].pk])).content.decode()
    assert "Handed to a person" in waiting


def test_feedback_list_links_each_rating_to_its_run(staff_client, console_data):
    response = staff_client.get(reverse("admin:conversations_feedback_changelist"), {"rating__exact": "down"})
    html = response.content.decode()
    assert reverse("admin:conversations_agentrun_trace", args=[console_data["slow"].id]) in html
    assert reverse("admin:conversations_agentrun_trace", args=[console_data["good"].id]) not in html


def test_an_unlock_waiting_for_approval_shows_the_account_state_and_why_it_was_locked_once(staff_client, demo):
    from supportsite.conversations.actions import action_unlock_record

    carol = demo["carol"]
    conversation, _ = conversation_with_message(customer=carol, text="I can't log in")
    action_unlock_record(customer_pk=carol.pk, run_id=None, conversation_id=str(conversation.pk), request_key="u-1")
    html = staff_client.get(reverse("admin:conversations_agentaction_approvals")).content.decode()
    assert f"<dd>Locked · {carol.failed_signins} failed sign-ins</dd>" in html
    assert f"<dt>Why locked</dt><dd>{carol.locked_reason}</dd>" in html and html.count(carol.locked_reason) == 1


def test_queue_approvals_live_view_and_dashboard_render(staff_client, console_data):
    queue = staff_client.get(reverse("admin:conversations_conversation_queue"))
    assert queue.status_code == 200 and str(console_data["waiting"].pk) in queue.content.decode()
    approvals = staff_client.get(reverse("admin:conversations_agentaction_approvals")).content.decode()
    assert "NW-2002" in approvals and "duplicate charge" in approvals and "I was charged twice" in approvals
    live = staff_client.get(reverse("admin:conversations_conversation_live", args=[console_data["waiting"].pk]))
    assert live.status_code == 200 and f"/ws/staff/conversations/{console_data['waiting'].pk}/" in live.content.decode()
    dashboard = staff_client.get(reverse("admin:conversations_conversation_dashboard"))
    html = dashboard.content.decode()
    for chart in ("chart-per-day", "chart-latency", "chart-routes", "chart-handoffs"):
        assert f'id="{chart}"' in html
    assert dashboard.context["stats"].thumbs_up_rate == pytest.approx(0.5)


def test_run_page_says_why_the_faq_was_or_was_not_used(staff_client, console_data):
    run = console_data["good"]
    run.summary["faq"] = {"top_id": 1, "question": "How do I add team members?", "score": 0.99, "threshold": 0.9,
                          "used": True, "over_out_of_scope": "the out-of-scope label was only 0.58 sure (below 0.8)"}
    run.save(update_fields=["summary"])
    html = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.id])).content.decode()
    assert ("answered from the FAQ although the label was out of scope: the out-of-scope label was only 0.58 sure "
            "(below 0.8)") in html
    run.summary["faq"] = {"top_id": 1, "question": "How do I add team members?", "score": 0.99, "threshold": 0.9,
                          "used": False, "skipped": "asks about the signed-in customer's own data"}
    run.save(update_fields=["summary"])
    html = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.id])).content.decode()
    assert "not used: asks about the signed-in customer&#x27;s own data" in html and "although" not in html


def test_the_live_view_says_why_a_conversation_was_handed_over_only_while_a_person_is_needed(
        staff_client, console_data):
    conversation = console_data["waiting"]
    url = reverse("admin:conversations_conversation_live", args=[conversation.pk])
    assert "Why it was handed over" in staff_client.get(url).content.decode()
    # Back with the agents (every approval decided): the reason stays on the row, but is no news.
    Conversation.objects.filter(pk=conversation.pk).update(status=Conversation.Status.OPEN)
    assert "Why it was handed over" not in staff_client.get(url).content.decode()


def test_the_faq_form_offers_the_customers_words_as_a_phrasing_only_of_an_entry_that_was_a_candidate(
        staff_client, console_data):
    run = console_data["good"]  # the top entry scored under the threshold: the wording may be what it lacks
    url = reverse("admin:conversations_agentrun_trace", args=[run.id])
    assert staff_client.get(url).context["phrasing_start"] == run.message.text
    # "That didn't work" matched the password reset at 0.93 and a rule answered: saving the form as it starts must
    # not teach the entry the match that was refused.
    run.summary["faq"].update(score=0.93, skipped="a rule answered instead: says the guide's steps did not fix it")
    run.save(update_fields=["summary"])
    html = staff_client.get(url).content.decode()
    assert '<input type="text" name="add_alternative" id="faq-add-alt" value="">' in html


def test_a_runs_record_page_reads_as_a_record_durations_in_ms_summary_set_out_and_nothing_to_save(
        staff_client, console_data):
    run = console_data["good"]
    step(run, agent="billing", kind="tool", name="look up invoices", start_ms=0, end_ms=1.517594000006)
    page = staff_client.get(reverse("admin:conversations_agentrun_change", args=[run.id])).content.decode()
    assert "1.52 ms" in page and "1.517594" not in page
    assert "800 ms" in page  # the run's latency, with its unit
    assert '<pre class="nw-run-summary">{\n  &quot;' in page  # indented JSON, one key a line
    # Every field is read-only, so no button that saves nothing.
    assert 'name="_save"' not in page and 'name="_continue"' not in page
    assert "<textarea" not in page and 'name="latency_ms"' not in page and 'name="summary"' not in page
