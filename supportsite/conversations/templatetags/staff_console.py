"""Template helpers for the staff console's pages (loaded with `{% load staff_console %}`)."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince

from supportsite.chat.markdown import markdown_html
from supportsite.conversations.staff_selectors import console_counts as console_counts_read

register = template.Library()


@register.simple_tag
def console_counts() -> dict[str, int]:
    """The bar's badges, on every admin page: counted here, so no view passes them."""
    return console_counts_read()


@register.filter
def chat_markdown(text: str) -> SafeString:
    """A reply or staff message as the customer's chat shows it: the same sanitised Markdown subset."""
    # Safe to mark: markdown_html renders with raw HTML off (tags show as text) and nh3 keeps only
    # the chat's tags and http(s)/mailto links.
    return mark_safe(markdown_html(text))


@register.filter
def ago(value: datetime | None) -> str:
    """"just now" under a minute, else "5 minutes ago": "0 minutes ago" reads like a fault."""
    if value is None:
        return ""
    if (timezone.now() - value).total_seconds() < 60:
        return "just now"
    return f"{timesince(value)} ago"
