"""Jinja2 templates of ``serve``: autoescaped, with the digest's Russian number and date formats."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from digest import format as fmt
from pipeline.settings import STAGE_LABELS, STAGES

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        money=lambda value, currency="RUB": fmt.format_money(fmt.to_decimal(value), currency),
        dt=lambda value: fmt.format_datetime(value.astimezone(fmt.MOSCOW)) if value else "—",
        stage=lambda value: STAGE_LABELS.get(value, value),
    )
    env.globals.update(stages=STAGES, stage_labels=STAGE_LABELS)
    return env


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    user = request.scope.get("user")
    csrftoken = request.scope["csrftoken"]() if "csrftoken" in request.scope else ""
    html = environment().get_template(name).render(**context, user=user, csrftoken=csrftoken,
                                                   path=request.url.path)
    return HTMLResponse(html, status_code=status_code)
