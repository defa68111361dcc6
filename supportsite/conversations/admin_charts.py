"""Geometry for the dashboard's charts, drawn by the templates (no JS, no CDN).

Each function returns plain numbers and labels; the template writes the elements, so every label
goes through Django's auto-escaping. The charts over days are inline SVG, drawn about as wide as
the dashboard's cards (a card is 300–450 px on a laptop and on a phone alike), so their text is
drawn near its own size rather than scaled down to a few pixels. Bars with a label (routes, handoff
reasons) are HTML: their labels and values wrap and are never clipped by a drawing's edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: float
    label: str
    series: int = 0


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    lines: list[dict[str, object]] = field(default_factory=list)
    plot_left: float = 36
    plot_bottom: float = 0
    plot_right: float = 0


def _nice_max(value: float) -> float:
    """A round axis maximum at or above the value (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return float(candidate)
    return float(10 ** (exponent + 1))


# The width of a chart over days, and the room one day label needs ("02 Dec" at the stylesheet's
# 11 px, with a gap), in the drawing's units: every day gets a label only when all of them fit.
CHART_WIDTH = 360
DAY_LABEL_WIDTH = 48.0


def _day_label_step(*, days: int, plot_width: float) -> int:
    """Label every n-th day so that labels never overlap (a week: every day; a fortnight: every third)."""
    return max(1, math.ceil(days * DAY_LABEL_WIDTH / plot_width))


def _fmt(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _ms(value: float, top_value: float) -> str:
    """An axis label in milliseconds, or seconds once the axis reaches one ("2 s", not "2000 ms", which
    is wider than the margin the labels have)."""
    return f"{value / 1000:g} s" if top_value >= 1000 else f"{value:.0f} ms"


def grouped_bars(*, days: list[date], series: list[list[int]], width: int = CHART_WIDTH, height: int = 200) -> Chart:
    """Bars per day, one per series side by side (conversations and runs per day)."""
    # The right margin holds the half of the last day's label that is past its bars.
    left, right, top, bottom = 36.0, 20.0, 10.0, 24.0
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for s in series for v in s), default=0))
    slot = plot_w / max(len(days), 1)
    bar_w = max(slot * 0.8 / max(len(series), 1), 1.0)
    chart = Chart(width=width, height=height, plot_left=left, plot_bottom=top + plot_h, plot_right=width - right)
    label_step = _day_label_step(days=len(days), plot_width=plot_w)
    for i, day in enumerate(days):
        for s, values in enumerate(series):
            value = values[i]
            h = plot_h * value / top_value
            x = left + i * slot + slot * 0.1 + s * bar_w
            chart.bars.append(Bar(x=round(x, 2), y=round(top + plot_h - h, 2), width=round(bar_w, 2),
                                  height=round(h, 2), value=value, label=day.strftime("%b %d"), series=s))
        if (len(days) - 1 - i) % label_step == 0:  # counted from the last day: today always has its label
            chart.x_labels.append((round(left + i * slot + slot / 2, 2), day.strftime("%d %b")))
    for fraction in (0, 0.5, 1):
        chart.ticks.append(Tick(y=round(top + plot_h - plot_h * fraction, 2), label=_fmt(top_value * fraction)))
    return chart


@dataclass
class HBar:
    label: str
    count: int
    share_pct: float  # of all the items' total, as the value shown
    width_pct: float  # of the track: the largest item fills it


def horizontal_bars(*, items: list[tuple[str, int]]) -> list[HBar]:
    """One labelled bar per item, in the data's order (route shares, handoff reasons)."""
    top_value = max((n for _, n in items), default=0) or 1
    total = sum(n for _, n in items) or 1
    return [
        HBar(label=label, count=value, share_pct=round(100 * value / total, 1),
             width_pct=round(100 * max(value, 0) / top_value, 2))
        for label, value in items
    ]


def line_series(
    *, days: list[date], series: list[list[float | None]], width: int = CHART_WIDTH, height: int = 200
) -> Chart:
    """Lines per series over the days (median and p95 latency); gaps where a day has no runs."""
    # The last day sits on the plot's right edge: the margin holds the half of its label past it.
    left, right, top, bottom = 52.0, 24.0, 10.0, 24.0
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for s in series for v in s if v is not None), default=0))
    step = plot_w / max(len(days) - 1, 1)
    chart = Chart(width=width, height=height, plot_left=left, plot_bottom=top + plot_h, plot_right=width - right)
    for s, values in enumerate(series):
        points, dots = [], []
        for i, value in enumerate(values):
            if value is None:
                continue
            x, y = left + i * step, top + plot_h - plot_h * value / top_value
            points.append(f"{x:.1f},{y:.1f}")
            dots.append({"x": round(x, 1), "y": round(y, 1), "value": round(value), "label": days[i].strftime("%b %d")})
        chart.lines.append({"series": s, "points": " ".join(points), "dots": dots})
    label_step = _day_label_step(days=len(days), plot_width=plot_w)
    for i, day in enumerate(days):
        if (len(days) - 1 - i) % label_step == 0:
            chart.x_labels.append((round(left + i * step, 1), day.strftime("%d %b")))
    for fraction in (0, 0.5, 1):
        chart.ticks.append(Tick(y=round(top + plot_h - plot_h * fraction, 2), label=_ms(top_value * fraction, top_value)))
    return chart
