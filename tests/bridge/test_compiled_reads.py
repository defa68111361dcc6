"""Reads compiled once give, call after call, what their querysets give; on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import F

from supportsite.conversations import bridge
from supportsite.conversations.models import Conversation, Message
from supportsite.conversations.services import conversation_start
from supportsite.core.compiled_query import CompiledQuery
from supportsite.customers.models import CustomerProfile, Invoice, Payment, Plan
from supportsite.knowledge.models import Incident

pytestmark = pytest.mark.django_db


def _invoices_by_number() -> CompiledQuery:
    return CompiledQuery(
        lambda customer: Invoice.objects.filter(customer_id=customer).order_by("number")
        .values_list("number", "amount", "issued_on"),
        customer=Invoice._meta.get_field("customer"),
    )


def test_each_call_reads_with_its_own_values_and_the_columns_converted_as_the_orm_converts_them(demo):
    invoices = _invoices_by_number()
    for profile in demo.values():
        expected = list(Invoice.objects.filter(customer=profile).order_by("number")
                        .values_list("number", "amount", "issued_on"))
        assert invoices.rows(customer=profile.pk) == expected
    alice = invoices.rows(customer=demo["alice"].pk)
    assert [number for number, _, _ in alice] == ["NW-1001", "NW-1002", "NW-1003"]
    assert all(isinstance(amount, Decimal) and isinstance(issued, date) for _, amount, issued in alice)
    assert invoices.rows(customer=demo["carol"].pk) == []


def test_the_queryset_is_built_and_compiled_once_however_often_it_is_read(demo):
    built: list[object] = []

    def build(customer: object):
        built.append(customer)
        return Invoice.objects.filter(customer_id=customer).values_list("number")

    invoices = CompiledQuery(build, customer=Invoice._meta.get_field("customer"))
    for profile in [*demo.values(), *demo.values()]:
        invoices.rows(customer=profile.pk)
    assert len(built) == 1  # once, with a stand-in value that no customer has
    assert built[0] not in {profile.pk for profile in demo.values()}


def test_a_values_query_gives_its_dicts_with_annotations_named(demo):
    payments = CompiledQuery(
        lambda customer: Payment.objects.filter(invoice__customer_id=customer).order_by("reference")
        .values("reference", "amount", invoice_number=F("invoice__number")),
        customer=Invoice._meta.get_field("customer"),
    )
    bob = demo["bob"]
    assert payments.dicts(customer=bob.pk) == list(
        Payment.objects.filter(invoice__customer=bob).order_by("reference")
        .values("reference", "amount", invoice_number=F("invoice__number")))
    assert {row["invoice_number"] for row in payments.dicts(customer=bob.pk)} == {"NW-2001", "NW-2002"}


def test_a_parameter_the_query_does_not_use_is_refused_when_compiled(demo):
    unused = CompiledQuery(lambda customer: Invoice.objects.values_list("number"),
                           customer=Invoice._meta.get_field("customer"))
    with pytest.raises(ImproperlyConfigured, match="'customer' is not among the query's parameters"):
        unused.rows(customer=demo["alice"].pk)


def test_the_agents_billing_and_account_facts_are_what_the_orm_reads(demo):
    for profile in CustomerProfile.objects.select_related("user", "plan"):
        snapshot = bridge._billing_snapshot(profile.pk)
        assert sorted(i.number for i in snapshot.invoices) == sorted(
            Invoice.objects.filter(customer=profile).values_list("number", flat=True))
        assert sorted(p.reference for p in snapshot.payments) == sorted(
            Payment.objects.filter(invoice__customer=profile).values_list("reference", flat=True))
        assert bridge._account(profile.pk) == bridge.account_fact(profile)
    alice = bridge._billing_snapshot(demo["alice"].pk)
    failed = next(i for i in alice.invoices if i.number == "NW-1003")
    assert (failed.amount, failed.status, failed.card_last4) == (Decimal("29.00"), "failed", "4242")
    assert alice.card is not None and (alice.card.last4, alice.card.expired) == ("4242", True)
    bob = bridge._billing_snapshot(demo["bob"].pk)
    assert sum(p.duplicate for p in bob.payments) == 1
    assert bridge._account(10**9) is None


def test_the_plan_catalogue_read_is_the_orm_querysets_cheapest_first_with_prices_as_decimals(demo):
    def queryset() -> list[tuple[str, Decimal, str]]:
        return list(Plan.objects.order_by("price_monthly", "id").values_list("name", "price_monthly", "description"))

    assert bridge._PLANS.rows() == queryset()
    assert [name for name, _, _ in bridge._PLANS.rows()] == ["Free", "Pro", "Business"]
    assert all(isinstance(price, Decimal) for _, price, _ in bridge._PLANS.rows())
    # A plan added at a price between two others, and one at the same price as another (the id settles it).
    Plan.objects.create(code="team", name="Team", price_monthly=Decimal("49.50"), description="Five members.")
    Plan.objects.create(code="pro-eu", name="Pro EU", price_monthly=Decimal("29.00"))
    assert bridge._PLANS.rows() == queryset()
    assert [name for name, _, _ in bridge._PLANS.rows()] == ["Free", "Pro", "Pro EU", "Team", "Business"]


def test_only_unresolved_incidents_are_read_with_their_regions(demo):
    assert [(i.reference, i.regions) for i in bridge._incidents()] == [("INC-2026-1124", ("eu-west",))]
    Incident.objects.update(status=Incident.Status.RESOLVED)
    assert bridge._incidents() == []


def test_whether_agents_may_reply_follows_the_conversations_status(demo):
    conversation = conversation_start(customer=demo["alice"])
    assert bridge._conversation_open(str(conversation.id)) is True
    Conversation.objects.filter(id=conversation.id).update(status=Conversation.Status.WAITING)
    assert bridge._conversation_open(str(conversation.id)) is False
    assert bridge._conversation_open("00000000-0000-0000-0000-000000000000") is False


def test_a_runs_history_is_the_delivered_turns_before_its_message_newest_kept(demo):
    from supportsite.conversations.services import message_receive

    conversation = conversation_start(customer=demo["alice"])
    for number in range(bridge.HISTORY_TURNS + 3):
        Message.objects.create(conversation=conversation, role=Message.Role.USER, text=f"turn {number}")
    Message.objects.create(conversation=conversation, role=Message.Role.SYSTEM, text="system note")
    Message.objects.create(conversation=conversation, role=Message.Role.ASSISTANT, text="held for staff",
                           delivered=False)
    _, run, _ = message_receive(conversation_id=conversation.id, text="and now?", client_id="c-now")
    assert run is not None
    Message.objects.create(conversation=conversation, role=Message.Role.USER, text="written after it")
    history = [turn.text for turn in bridge.context_for_run(run).history]
    assert history == [f"turn {n}" for n in range(3, bridge.HISTORY_TURNS + 3)]
    other = conversation_start(customer=demo["bob"])
    _, other_run, _ = message_receive(conversation_id=other.id, text="hello", client_id="c-bob")
    assert bridge.context_for_run(other_run).history == []


def _conversations_with_customer() -> CompiledQuery:
    return CompiledQuery(
        lambda conversation: Conversation.objects.select_related("customer__user", "customer__plan")
        .filter(id=conversation),
        conversation=Conversation._meta.get_field("id"),
    )


def _loaded(obj: object) -> dict[str, object]:
    return {name: value for name, value in vars(obj).items() if name != "_state"}


def test_a_model_query_gives_the_instances_the_orm_gives_with_their_related_objects_attached(demo):
    conversations = _conversations_with_customer()
    for profile in demo.values():
        started = conversation_start(customer=profile)
        expected = Conversation.objects.select_related("customer__user", "customer__plan").get(id=started.id)
        (got,) = conversations.instances(conversation=started.id)
        assert type(got) is Conversation and _loaded(got) == _loaded(expected)
        assert (got._state.db, got._state.adding) == ("default", False)  # a stored row: save() updates it
        assert _loaded(got.customer) == _loaded(expected.customer)
        assert _loaded(got.customer.user) == _loaded(expected.customer.user)
        assert _loaded(got.customer.plan) == _loaded(expected.customer.plan)
    assert conversations.instances(conversation="00000000-0000-0000-0000-000000000000") == []
    assert conversations.instance(conversation="00000000-0000-0000-0000-000000000000") is None
    assert conversations.instance(conversation=started.id).id == started.id


def test_one_instance_asked_for_where_several_rows_match_is_refused(demo):
    from django.core.exceptions import MultipleObjectsReturned

    by_customer = CompiledQuery(lambda customer: Conversation.objects.filter(customer_id=customer),
                                customer=Conversation._meta.get_field("customer"))
    conversation_start(customer=demo["carol"])
    assert by_customer.instance(customer=demo["carol"].pk).customer_id == demo["carol"].pk
    conversation_start(customer=demo["carol"])
    with pytest.raises(MultipleObjectsReturned):
        by_customer.instance(customer=demo["carol"].pk)


def test_an_instance_read_once_compiled_saves_its_changes_as_any_other(demo, django_assert_num_queries):
    conversations = _conversations_with_customer()
    started = conversation_start(customer=demo["bob"])
    conversations.instances(conversation=started.id)  # compiled now
    with django_assert_num_queries(1):  # the customer, user and plan came with it
        (got,) = conversations.instances(conversation=started.id)
        assert got.customer.user.username == "bob" and got.customer.plan is not None
    got.status = Conversation.Status.WAITING
    got.save(update_fields=["status"])
    assert Conversation.objects.get(id=started.id).status == Conversation.Status.WAITING


def test_a_locking_read_outside_a_transaction_is_refused_where_and_as_the_orm_refuses_it(demo_tx):
    from django.db import connection, transaction
    from django.db.transaction import TransactionManagementError

    locking = CompiledQuery(
        lambda conversation: Conversation.objects.select_for_update().filter(id=conversation),
        conversation=Conversation._meta.get_field("id"),
    )
    started = conversation_start(customer=demo_tx["alice"])
    with transaction.atomic():
        assert [c.id for c in locking.instances(conversation=started.id)] == [started.id]

    def refused(read) -> bool:
        try:
            read()
        except TransactionManagementError:
            return True
        return False

    orm = refused(lambda: list(Conversation.objects.select_for_update().filter(id=started.id)))
    compiled = refused(lambda: locking.instances(conversation=started.id))
    # PostgreSQL refuses both; SQLite, which has no SELECT ... FOR UPDATE, runs both.
    assert orm == compiled == connection.features.has_select_for_update


def test_instances_are_refused_for_a_values_query(demo):
    with pytest.raises(ImproperlyConfigured, match="needs a model queryset"):
        _invoices_by_number().instances(customer=demo["alice"].pk)


def test_the_billing_lists_are_read_newest_first(demo):
    # The writers and an LLM's prompt read "your last invoice" from the top (the models' Meta.ordering).
    for profile in demo.values():
        snapshot = bridge._billing_snapshot(profile.pk)
        issued = [(i.issued_on, i.number) for i in snapshot.invoices]
        assert issued == sorted(issued, reverse=True)
        charged = [p.created_at for p in snapshot.payments]
        assert charged == sorted(charged, reverse=True)
    assert [i.number for i in bridge._billing_snapshot(demo["alice"].pk).invoices] == ["NW-1003", "NW-1002", "NW-1001"]
    assert [i.number for i in bridge._billing_snapshot(demo["bob"].pk).invoices] == ["NW-2002", "NW-2001"]
    # Stored in another order than their dates: the read orders them, not the order they were written in.
    carol = demo["carol"]
    for number, issued in (("NW-9001", date(2026, 8, 1)), ("NW-9003", date(2026, 10, 1)), ("NW-9002", date(2026, 9, 1))):
        Invoice.objects.create(customer=carol, number=number, amount=Decimal("29.00"), status="paid", issued_on=issued,
                               paid_on=issued)
    assert [i.number for i in bridge._billing_snapshot(carol.pk).invoices] == ["NW-9003", "NW-9002", "NW-9001"]
