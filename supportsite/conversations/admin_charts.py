"""Geometry for the dashboard's charts, drawn as inline SVG by the templates (no JS, no CDN).

Each function returns plain numbers and labels; the template writes the <rect>/<polyline>
elements, so every label goes through Django's auto-escaping.
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


def _fmt(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def grouped_bars(*, days: list[date], series: list[list[int]], width: int = 640, height: int = 220) -> Chart:
    """Bars per day, one per series side by side (conversations and runs per day)."""
    left, right, top, bottom = 36.0, 8.0, 10.0, 24.0
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for s in series for v in s), default=0))
    slot = plot_w / max(len(days), 1)
    bar_w = max(slot * 0.8 / max(len(series), 1), 1.0)
    chart = Chart(width=width, height=height, plot_left=left, plot_bottom=top + plot_h, plot_right=width - right)
    for i, day in enumerate(days):
        for s, values in enumerate(series):
            value = values[i]
            h = plot_h * value / top_value
            x = left + i * slot + slot * 0.1 + s * bar_w
            chart.bars.append(Bar(x=round(x, 2), y=round(top + plot_h - h, 2), width=round(bar_w, 2),
                                  height=round(h, 2), value=value, label=day.strftime("%b %d"), series=s))
        if len(days) <= 8 or i % 2 == 0:
            chart.x_labels.append((round(left + i * slot + slot / 2, 2), day.strftime("%d %b")))
    for fraction in (0, 0.5, 1):
        chart.ticks.append(Tick(y=round(top + plot_h - plot_h * fraction, 2), label=_fmt(top_value * fraction)))
    return chart


def horizontal_bars(*, items: list[tuple[str, int]], width: int = 420, row: int = 26) -> Chart:
    """One labelled bar per item, longest first in the data's order (route shares, handoff reasons)."""
    label_w, right = 150.0, 60.0
    height = max(len(items), 1) * row + 4
    top_value = max((n for _, n in items), default=0) or 1
    total = sum(n for _, n in items) or 1
    chart = Chart(width=width, height=height, plot_left=label_w, plot_right=width - right)
    for i, (label, value) in enumerate(items):
        w = (width - label_w - right) * value / top_value
        chart.bars.append(Bar(x=label_w, y=i * row + 4, width=round(max(w, 0.0), 2), height=row - 8,
                              value=round(100 * value / total, 1), label=f"{label}", series=value))
    return chart


def line_series(
    *, days: list[date], series: list[list[float | None]], width: int = 640, height: int = 200
) -> Chart:
    """Lines per series over the days (median and p95 latency); gaps where a day has no runs."""
    left, right, top, bottom = 48.0, 8.0, 10.0, 24.0
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
    for i, day in enumerate(days):
        if len(days) <= 8 or i % 2 == 0:
            chart.x_labels.append((round(left + i * step, 1), day.strftime("%d %b")))
    for fraction in (0, 0.5, 1):
        chart.ticks.append(Tick(y=round(top + plot_h - plot_h * fraction, 2), label=f"{top_value * fraction:.0f} ms"))
    return chart
