"""Shared abstract models."""

from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def reverse_one_to_one_uncache(instance: models.Model, accessor: str) -> None:
    """Forget the row Django cached on `instance` for the reverse one-to-one `accessor`.

    Setting a one-to-one relation (or following one with select_related) caches it on both rows:
    run.message and message.agent_run, customer.user and user.customer. That is a reference
    cycle, which only the garbage collector frees, in pauses that stop every conversation of the
    process at once (#9). Code that needs the relation one way only calls this on the other
    side; reading the accessor again afterwards still works, with a query.
    """
    relation = getattr(type(instance), accessor).related
    if relation.is_cached(instance):
        relation.delete_cached_value(instance)
