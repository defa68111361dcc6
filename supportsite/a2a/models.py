"""A2A tasks, kept in the database so any server process can answer GetTask for them."""

from __future__ import annotations

from django.db import models


class A2ATask(models.Model):
    id = models.CharField(primary_key=True, max_length=100)
    # The integration (API key name) that created it: tasks are only visible to their owner.
    owner = models.CharField(max_length=100, db_index=True)
    context_id = models.CharField(max_length=100, db_index=True)
    state = models.CharField(max_length=40, blank=True)
    data = models.JSONField(help_text="The task as the A2A protocol's JSON.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "A2A task"

    def __str__(self) -> str:
        return f"{self.id} ({self.state})"
