"""What the page is sent besides the stored facts: each reply's Markdown rendered to safe HTML."""

from __future__ import annotations

from typing import Any

from supportsite.chat.markdown import markdown_html

# Frames whose text is Markdown written by the agents or staff. Customers' own text is sent as
# plain text only: the page shows it exactly as typed.
RENDERED_FRAME_TYPES = {"assistant.message", "staff.message"}
RENDERED_ROLES = {"assistant", "staff"}


def frame_with_html(frame: dict[str, Any]) -> dict[str, Any]:
    """The frame with an `html` field beside `text` when the page should render it as Markdown."""
    if frame.get("type") in RENDERED_FRAME_TYPES and "html" not in frame:
        return {**frame, "html": markdown_html(str(frame.get("text", "")))}
    return frame


def history_message(frame: dict[str, Any], *, rating: str | None) -> dict[str, Any]:
    """One message of `conversation.state`, rendered, with the customer's own rating of it."""
    if frame.get("role") in RENDERED_ROLES:
        frame = {**frame, "html": markdown_html(str(frame.get("text", "")))}
        if frame.get("role") == "assistant":
            frame["feedback"] = rating
    return frame
