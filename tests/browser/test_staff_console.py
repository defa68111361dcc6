"""The staff console's run page in a real browser, at desktop and phone widths."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import expect

from supportsite.conversations.models import AgentRun
from tests.conftest import screenshot_dir
from tests.staff.factories import billing_run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = screenshot_dir()


def _staff_sign_in(page: Any) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def _overlaps(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    ordered = sorted(enumerate(boxes), key=lambda item: item[1]["x"])
    return [(a, b) for (a, left), (b, right) in pairwise(ordered)
            if left["x"] + left["width"] > right["x"]]


@pytest.mark.parametrize(("name", "width", "height"), [("trace-desktop", 1280, 900), ("trace-phone", 390, 844)])
def test_the_run_timeline_is_readable_at_desktop_and_phone_widths(demo_tx, page_for, name, width, height):
    run: AgentRun = billing_run(customer=demo_tx["alice"])
    page = page_for(width, height)
    _staff_sign_in(page)
    page.goto(f"/admin/conversations/agentrun/{run.id}/trace/")
    expect(page.locator(".nw-wf-row")).to_have_count(run.steps.count())
    labels = page.locator(".nw-wf-axis span:visible")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert len(boxes) >= (3 if width > 600 else 2) and all(box is not None for box in boxes)
    assert _overlaps(boxes) == [], f"axis labels overlap at {width}px: {labels.all_inner_texts()}"
    axis = page.locator(".nw-wf-axis").bounding_box()
    assert all(axis["x"] - 1 <= b["x"] and b["x"] + b["width"] <= axis["x"] + axis["width"] + 1 for b in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
