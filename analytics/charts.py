"""Charts for the reports, drawn by matplotlib (no pyplot state): inline SVG for the HTML reports (text kept
as text, deterministic ids, no metadata, nothing external), PNG for the e-mail (mail clients drop SVG)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from digest.format import NBSP, format_number

matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "tenderflow", "font.size": 9,
                            "font.family": "DejaVu Sans"})
COLORS = ("#2f6db5", "#d9822b", "#3a9a5b", "#b53a3a", "#7a5ab5")


def _compact(value: float, _position: int) -> str:
    """Axis labels: "850 000", "12,5 млн", "1,2 млрд" (Russian formats, short enough for the margin)."""
    if abs(value) >= 1e9:
        return f"{format_number(Decimal(str(value / 1e9)), 1)}{NBSP}млрд"
    if abs(value) >= 1e6:
        return f"{format_number(Decimal(str(value / 1e6)), 1)}{NBSP}млн"
    return format_number(Decimal(str(round(value))), 0)


def _figure(width: float = 7.0, height: float = 2.8, left: float = 0.1) -> Figure:
    """Fixed margins: the constrained layout engine cost half of a report's chart time."""
    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(left=left, right=0.98, top=0.88, bottom=0.2)
    return figure


def _output(figure: Figure, fmt: str) -> str | bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None, dpi=110)
    data = buffer.getvalue()
    if fmt == "svg":
        text = data.decode("utf-8")
        return text[text.index("<svg"):]  # inline: no XML declaration or DOCTYPE
    return data


def bars(labels: Sequence[str], series: dict[str, Sequence[float]], title: str, fmt: str = "svg",
         horizontal: bool = False) -> str | bytes:
    """Grouped bars: one group per label, one bar per series."""
    labels = [label if len(label) <= 40 else label[:39] + "…" for label in labels]
    longest = max((len(label) for label in labels), default=0)
    if horizontal:
        figure = _figure(7.0, max(2.4, 0.3 * len(labels) + 1), left=min(0.5, 0.05 + 0.0125 * longest))
    else:
        figure = _figure(7.0, 2.8, left=0.13)
    axes = figure.subplots()
    count = max(len(series), 1)
    width = 0.8 / count
    positions = range(len(labels))
    for index, (name, values) in enumerate(series.items()):
        shifted = [p + (index - (count - 1) / 2) * width for p in positions]
        color = COLORS[index % len(COLORS)]
        if horizontal:
            axes.barh(shifted, list(values), height=width, label=name, color=color)
        else:
            axes.bar(shifted, list(values), width=width, label=name, color=color)
    if horizontal:
        axes.set_yticks(list(positions), list(labels))
        axes.invert_yaxis()
        axes.xaxis.set_major_formatter(FuncFormatter(_compact))
    else:
        axes.set_xticks(list(positions), list(labels), rotation=45 if len(labels) > 8 else 0, ha="right"
                        if len(labels) > 8 else "center")
        axes.yaxis.set_major_formatter(FuncFormatter(_compact))
    value_axis = axes.xaxis if horizontal else axes.yaxis
    value_axis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(title)
    if len(series) > 1:
        axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _output(figure, fmt)


def discount_histogram(discounts: Sequence[float], marks: dict[str, float], title: str,
                       fmt: str = "svg") -> str | bytes:
    """The winning discounts (percent of the NMCK) with vertical marks (our price, anti-dumping, cost floor)."""
    figure = _figure()
    axes = figure.subplots()
    if discounts:
        axes.hist(list(discounts), bins=min(30, max(5, len(discounts) // 5)), color=COLORS[0], alpha=0.8)
    for index, (name, value) in enumerate(marks.items()):
        axes.axvline(value, color=COLORS[(index + 1) % len(COLORS)], linestyle="--", label=name)
    axes.set_xlabel("Скидка победителя от НМЦК, %")
    axes.set_ylabel("Закупок")
    axes.set_title(title)
    if marks:
        axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _output(figure, fmt)
