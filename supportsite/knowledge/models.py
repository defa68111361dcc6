"""Knowledge: FAQ entries, help-centre articles and service incidents."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supportsite.core.models import TimeStampedModel


class FaqEntry(TimeStampedModel):
    question = models.CharField(max_length=300)
    answer = models.TextField()
    alternatives = models.JSONField(default=list, blank=True, help_text="Other ways customers ask this.")
    tags = models.JSONField(default=list, blank=True)
    is_published = models.BooleanField(default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["question"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self) -> str:
        return self.question


class Article(TimeStampedModel):
    slug = models.SlugField(unique=True, max_length=100)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=400)
    body = models.TextField(help_text="Markdown; numbered steps are quoted to customers.")
    tags = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/help/{self.slug}/"


class Incident(TimeStampedModel):
    class Status(models.TextChoices):
        INVESTIGATING = "investigating", "Investigating"
        IDENTIFIED = "identified", "Identified"
        MONITORING = "monitoring", "Monitoring"
        RESOLVED = "resolved", "Resolved"

    reference = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.INVESTIGATING)
    regions = models.JSONField(default=list, blank=True)
    components = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    started_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.status})"
