"""Render a :class:`~digest.model.Digest` into ONE self-contained HTML file.

Everything the page needs is inline: the stylesheet and the script are read from ``digest/templates`` and
embedded, and a Content-Security-Policy pins them by SHA-256 hash with ``default-src 'none'``. So the page
makes no request to any other host, and even if escaping were ever bypassed, an injected ``<script>`` or
``onerror=`` handler could not run. Notice text is untrusted: Jinja2 autoescaping covers text and quoted
attributes, and links are emitted only for ``http(s)`` URLs.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from digest import format as fmt
from digest.model import LAW_LABELS, REGIME_LABELS, SOURCE_LABELS, Digest, TenderCard


def safe_url(value: str | None) -> str | None:
    """Only absolute http(s) URLs become links; ``javascript:``, ``data:`` and the like are dropped."""
    if not value:
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def epoch_ms(moment: datetime | None) -> str:
    return "" if moment is None else str(int(moment.timestamp() * 1000))


def score_class(score: int) -> str:
    if score >= 80:
        return "hi"
    if score >= 50:
        return "mid"
    return "lo"


def margin_class(value: Decimal | None) -> str:
    if value is None:
        return ""
    return "pos" if value >= 0 else "neg"


@cache
def _asset(name: str) -> str:
    return resources.files("digest").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("digest", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        money=fmt.format_money,
        money_short=fmt.format_money_short,
        pct=fmt.format_percent,
        qty=fmt.format_quantity,
        dt=fmt.format_datetime,
        date=fmt.format_date,
        moment=fmt.format_moment,
        source=lambda value: SOURCE_LABELS.get(value, value),
        safe_url=safe_url,
        epoch_ms=epoch_ms,
        score_class=score_class,
        margin_class=margin_class,
        regime=lambda value: REGIME_LABELS.get(value, value),
        law=lambda value: LAW_LABELS.get(value, value) if value else "—",
    )
    env.globals.update(plural=fmt.plural)
    return env


def _countdown(digest: Digest) -> Callable[[TenderCard], str]:
    return lambda card: fmt.format_countdown(card.deadline_at, digest.generated_at)


def _urgency(digest: Digest) -> Callable[[TenderCard], str]:
    """CSS class of a countdown at generation time (the page's script refreshes it): red only when close."""

    def urgency(card: TenderCard) -> str:
        if card.deadline_at is None:
            return "far"
        left = (card.deadline_at - digest.generated_at).total_seconds()
        if left <= 0:
            return "gone"
        return "" if left <= digest.closing_days * 86400 else "far"

    return urgency


def render_digest(digest: Digest) -> str:
    """The whole page as a string (UTF-8 when written)."""
    env = environment()
    style, script = _asset("digest.css"), _asset("digest.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )

    template = env.get_template("digest.html.j2")
    return template.render(
        d=digest,
        style=style,
        script=script,
        csp=csp,
        countdown=_countdown(digest),
        urgency=_urgency(digest),
        closing=digest.closing_soon(),
        new=digest.new_cards(),
        amended=digest.amended_cards(),
        ranked=digest.ranked(),
        possible=digest.possible_cards(),
        counts=digest.counts(),
    )


def render_mail_body(digest: Digest) -> str:
    """A compact, script-free HTML body for e-mail: deadlines, new, amended and source warnings."""
    env = environment()
    template = env.get_template("mail.html.j2")
    return template.render(
        d=digest,
        style=_asset("mail.css"),
        countdown=_countdown(digest),
        urgency=_urgency(digest),
        closing=digest.closing_soon(),
        new=digest.new_cards(),
        amended=digest.amended_cards(),
        top=digest.ranked()[:20],
        possible=digest.possible_cards(),
    )
