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


class A2APushConfig(models.Model):
    """Where to tell an integration that one of its tasks changed (A2A push notifications).

    Not a foreign key to the task: a message can name a config before its task is first saved.
    """

    task_id = models.CharField(max_length=100, db_index=True)
    # The integration that set it: only it can read, list or delete it.
    owner = models.CharField(max_length=100)
    config_id = models.CharField(max_length=100)
    data = models.JSONField(help_text="The TaskPushNotificationConfig as the A2A protocol's JSON (url, token, …).")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "A2A push notification config"
        constraints = [
            models.UniqueConstraint(fields=["task_id", "owner", "config_id"], name="one_push_config_per_id"),
        ]

    def __str__(self) -> str:
        return f"{self.task_id}/{self.config_id}"
