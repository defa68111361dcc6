"""Replies rendered from a safe subset of Markdown: links, lists, emphasis, code, quotes.

markdown-it-py turns the text into HTML with raw HTML switched off (so any tag a user or a
model writes is escaped and shows as text), and nh3 then keeps only the tags and link schemes
listed here, as a second line of defence.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "a", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto"}

# Headings, images, rules and raw HTML are not part of the chat's subset: images could track
# readers, and headings in a chat bubble only shout.
_renderer = (
    MarkdownIt("commonmark", {"html": False, "breaks": True})
    .disable(["image", "heading", "lheading", "hr", "html_block", "html_inline"])
)


def markdown_html(text: str) -> str:
    """Sanitised HTML for a message's Markdown text."""
    html = _renderer.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        set_tag_attribute_values={"a": {"target": "_blank"}},
    ).strip()
