"""Reads on every message's path whose SQL the ORM writes once per database, not once per call.

Measured for #9 on the billing look-up: of 3.9 ms for its five one-table reads, the database took
about 0.1 ms; Django building the querysets and compiling them to SQL took the rest, the same work
on every call. A CompiledQuery keeps the queryset as the one description of the read: it is
compiled by the ORM on first use, for the database in use, with a stand-in value for each of the
query's parameters. Later calls put the real values where the stand-ins were, execute the SQL
and convert the columns with the ORM's own converters (decimals, dates, JSON, UUIDs), so the rows
are what the queryset would have given.

Only for reads with a fixed shape: querysets whose filters take plain values (no `__in` lists, no
None, whose SQL would differ with the value). `values_list()` and `values()` querysets give rows
and dicts; model querysets give their model instances, with the related objects `select_related()`
names attached by the ORM's own populators (no annotations, no prefetching).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.core.exceptions import ImproperlyConfigured, MultipleObjectsReturned
from django.db import connections
from django.db.models import Field, Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators
from django.db.transaction import TransactionManagementError

_stand_in_counter = itertools.count(1)


def _stand_in(field: Field) -> Any:
    """A value of the field's type that no real call passes, so its place in the SQL's
    parameters can be found."""
    number = next(_stand_in_counter)
    target = field.target_field if field.is_relation else field  # a foreign key takes its target's values
    kind = target.get_internal_type()
    if kind == "UUIDField":
        return uuid.uuid4()
    if kind in ("AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField",
                "PositiveIntegerField", "PositiveBigIntegerField", "SmallIntegerField"):
        return 1_900_000_000 + number
    if kind in ("CharField", "TextField", "SlugField"):
        return f"\x01stand-in-{number}-{uuid.uuid4().hex}"
    if kind == "DateTimeField":
        return datetime(1901, 1, 1, tzinfo=UTC).replace(microsecond=number % 1_000_000)
    if kind == "DateField":
        return date(1901, 1, 1).replace(day=1 + number % 28)
    raise ImproperlyConfigured(f"CompiledQuery has no stand-in for a {kind}")


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: dict[str, tuple[int, ...]]  # parameter name → its positions among params
    converters: list[tuple[int, tuple[list[Callable[..., Any]], Any]]]
    names: tuple[str, ...]  # column names, for values() querysets
    instances: _Instances | None  # how to build model instances, for model querysets


@dataclass(frozen=True)
class _Instances:
    """What ModelIterable works out from the compiler on every call, worked out once."""

    model: type[Model]
    init_list: list[str]
    start: int
    end: int
    related_populators: list[Any]
    for_update: bool


class CompiledQuery:
    """`build(**stand_ins)` returns the queryset; `fields` names each parameter's model field.

        INVOICES = CompiledQuery(lambda customer: Invoice.objects.filter(customer_id=customer)
                                 .values_list("number", "amount"), customer=Invoice._meta.get_field("customer"))
        INVOICES.rows(customer=pk)  # == list(that queryset with customer=pk)
    """

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], /, **fields: Field) -> None:
        self._build = build
        self._fields = fields
        self._compiled: dict[str, _Compiled] = {}  # by database alias

    def rows(self, *, using: str = "default", **values: Any) -> list[tuple[Any, ...]]:
        """The rows, as tuples in the queryset's column order."""
        connection = connections[using]
        compiled = self._for(using)
        params = list(compiled.params)
        for name, positions in compiled.slots.items():
            prepared = self._fields[name].get_db_prep_value(values[name], connection, prepared=False)
            for position in positions:
                params[position] = prepared
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched = cursor.fetchall()
        if not compiled.converters:
            return [tuple(row) for row in fetched]
        return list(_converted(fetched, compiled.converters, connection))

    def dicts(self, *, using: str = "default", **values: Any) -> list[dict[str, Any]]:
        """The rows of a values() queryset, as its dicts."""
        names = self._for(using).names
        return [dict(zip(names, row, strict=True)) for row in self.rows(using=using, **values)]

    def instances(self, *, using: str = "default", **values: Any) -> list[Any]:
        """The model instances of a model queryset, with its select_related() objects attached."""
        building = self._for(using).instances
        if building is None:
            raise ImproperlyConfigured("CompiledQuery.instances() needs a model queryset, not values()")
        connection = connections[using]
        if building.for_update and connection.features.has_select_for_update and connection.get_autocommit():
            # What the compiler checks when it writes the SQL, on the same condition, checked on every call.
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        objects = []
        for row in self.rows(using=using, **values):
            obj = building.model.from_db(using, building.init_list, row[building.start:building.end])
            for populator in building.related_populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects

    def instance(self, *, using: str = "default", **values: Any) -> Any | None:
        """The one instance a read by a unique key gives, or None when there is no such row."""
        found = self.instances(using=using, **values)
        if len(found) > 1:
            raise MultipleObjectsReturned(f"CompiledQuery.instance() read {len(found)} rows")
        return found[0] if found else None

    def _for(self, using: str) -> _Compiled:
        return self._compiled.get(using) or self._compile(using)

    def _compile(self, using: str) -> _Compiled:
        connection = connections[using]
        stand_ins = {name: _stand_in(field) for name, field in self._fields.items()}
        queryset = self._build(**stand_ins)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        slots: dict[str, tuple[int, ...]] = {}
        for name, field in self._fields.items():
            prepared = field.get_db_prep_value(stand_ins[name], connection, prepared=False)
            positions = tuple(i for i, param in enumerate(params) if type(param) is type(prepared) and param == prepared)
            if not positions:
                raise ImproperlyConfigured(f"CompiledQuery: the parameter {name!r} is not among the query's parameters")
            slots[name] = positions
        selected = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
        converters = list(compiler.get_converters(selected).items())
        query = queryset.query
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
        compiled = _Compiled(sql=sql, params=tuple(params), slots=slots, converters=converters, names=names,
                             instances=_instances_of(queryset, compiler, using))
        self._compiled[using] = compiled
        return compiled


def _instances_of(queryset: QuerySet[Any, Any], compiler: Any, using: str) -> _Instances | None:
    # As ModelIterable.__iter__ reads them from the compiler, for the same SQL's columns.
    if queryset._iterable_class is not ModelIterable:
        return None
    if compiler.annotation_col_map or queryset._prefetch_related_lookups:
        raise ImproperlyConfigured("CompiledQuery builds instances without annotations or prefetching")
    klass_info = compiler.klass_info
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    return _Instances(
        model=klass_info["model"], init_list=[column[0].target.attname for column in compiler.select[start:end]],
        start=start, end=end, related_populators=get_related_populators(klass_info, compiler.select, using),
        for_update=queryset.query.select_for_update,
    )


def _converted(rows: Sequence[Sequence[Any]], converters: list[tuple[int, tuple[list[Callable[..., Any]], Any]]],
               connection: Any) -> Iterator[tuple[Any, ...]]:
    # What SQLCompiler.apply_converters does, with this thread's connection.
    for row in rows:
        values = list(row)
        for position, (functions, expression) in converters:
            value = values[position]
            for function in functions:
                value = function(value, expression, connection)
            values[position] = value
        yield tuple(values)
