"""Whether a setting names a forward proxy: kept free of Django and httpx, so settings.py can check it at startup
and supportsite.core.outbound_urls again for a value set in code."""

from __future__ import annotations

import urllib.parse


def proxy_url_problem(name: str, url: str) -> str | None:
    """Why `url` is not an http(s)://host[:port] proxy URL, naming the setting `name`; None when it is one, or ""."""
    if not url:
        return None
    try:
        parsed: urllib.parse.SplitResult | None = urllib.parse.urlsplit(url)
        _ = parsed.port  # a port that is not a number raises here
    except ValueError:
        parsed = None
    if parsed is not None and parsed.scheme in ("http", "https") and parsed.hostname:
        return None
    _credentials, at, rest = url.rpartition("@")
    shown = f"…@{rest}" if at else url  # before an @ may be a password
    return f"{name} must be an http:// or https:// proxy URL such as http://proxy.internal:3128, not {shown!r}"
