"""One self-contained HTML file per report: the stylesheet inline, charts as inline SVG, no script at all, and
a Content-Security-Policy (``default-src 'none'``) so the page loads nothing from anywhere. Every value is
escaped by Jinja2's autoescaping; only the SVG drawn by matplotlib from our own figures is inserted as is."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from analytics.report import Report, cell_text
from digest.format import format_datetime

NUMERIC = ("money", "int", "percent", "share")


@cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("analytics", "templates"), autoescape=select_autoescape(["j2"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@cache
def _css() -> str:
    return resources.files("analytics").joinpath("templates/report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    template = environment().get_template("report.html.j2")
    return template.render(report=report, css=_css(), cell=cell_text, numeric=NUMERIC,
                           generated=format_datetime(report.generated_at))


def write_html(report: Report, path: Path) -> Path:
    path.write_text(render_html(report), encoding="utf-8")
    return path
