"""The digest's view model: what one morning page shows, independent of where it came from.

``digest.query`` builds it from the store; tests and benchmarks build it directly. Money is ``Decimal``,
moments are aware ``datetime``; every unknown value is ``None`` and the template prints a dash for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from digest.outcomes import OutcomeView

REGIME_LABELS = {"ban": "Запрет", "restriction": "Ограничение", "advantage": "Преимущество"}
LAW_LABELS = {"44-FZ": "44-ФЗ", "223-FZ": "223-ФЗ", "615-PP": "615-ПП", "commercial": "Коммерч.", "EU": "EU"}


@dataclass
class SecurityView:
    """An application / contract security: percent of the price and amount (computed when only % is known)."""

    percent: Decimal | None = None
    amount: Decimal | None = None
    computed: bool = False
    """True when the amount was derived from the percent and the NMCK, not read from the notice."""

    @property
    def known(self) -> bool:
        return self.percent is not None or self.amount is not None


@dataclass
class RequirementView:
    """A requirement of a line that the best product fails or cannot be decided on."""

    name: str
    requirement: str
    """The customer's requirement in words (``"≥ 24 шт"``, ``"PoE+"``)."""
    reason: str | None = None
    origin: str | None = None
    """The attached file (table, row) the requirement comes from; None when it is the notice's own."""


@dataclass
class LineView:
    """A purchase line with its best catalogue product."""

    index: int
    name: str
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    line_sum: Decimal | None = None
    national_regime: str | None = None
    okpd2: str | None = None
    ktru: str | None = None
    requirements_total: int = 0
    sku: str | None = None
    product_name: str | None = None
    product_vendor: str | None = None
    product_price: Decimal | None = None
    product_country: str | None = None
    product_registry: str | None = None
    match_score: int | None = None
    compliant: str | None = None
    """``"yes" | "no" | "unknown"`` for the best product, ``None`` when no product fits at all."""
    met: int = 0
    failed: list[RequirementView] = field(default_factory=list)
    unknown: list[RequirementView] = field(default_factory=list)
    regime_warning: str | None = None

    @property
    def line_price(self) -> Decimal | None:
        """The line's price: its sum, or unit price × quantity."""
        if self.line_sum is not None:
            return self.line_sum
        if self.unit_price is not None and self.quantity is not None:
            return self.unit_price * self.quantity
        return None

    @property
    def catalogue_total(self) -> Decimal | None:
        if self.product_price is None or self.quantity is None:
            return None
        return self.product_price * self.quantity

    @property
    def margin(self) -> Decimal | None:
        """Line price minus catalogue total: what is left between our price list and the customer's cap."""
        price, total = self.line_price, self.catalogue_total
        if price is None or total is None:
            return None
        return price - total

    @property
    def margin_percent(self) -> Decimal | None:
        price, margin = self.line_price, self.margin
        if price is None or margin is None or price == 0:
            return None
        return margin * 100 / price


@dataclass
class DocumentView:
    """A document of the notice and, when it was downloaded, what reading it gave."""

    name: str
    url: str | None = None
    status: str | None = None
    """``ok | unreadable | refused | error | failed`` from ``attachments``; ``None`` if never downloaded."""
    reason: str | None = None
    requirements: int = 0

    @property
    def unread(self) -> bool:
        return self.status is not None and self.status != "ok"


@dataclass
class Change:
    """One difference between the version the reader saw and the current one."""

    what: str
    old: str | None
    new: str | None


@dataclass
class TenderCard:
    notice_id: int
    source: str
    number: str
    title: str | None
    url: str | None = None
    law: str | None = None
    procedure: str | None = None
    status: str = "active"
    version: int | None = None
    seq: int = 1
    customer_name: str | None = None
    customer_inn: str | None = None
    region: str | None = None
    platform_name: str | None = None
    platform_url: str | None = None
    nmck: Decimal | None = None
    currency: str | None = "RUB"
    published_at: datetime | None = None
    deadline_at: datetime | None = None
    auction_at: datetime | None = None
    application_security: SecurityView = field(default_factory=SecurityView)
    contract_security: SecurityView = field(default_factory=SecurityView)
    advance_percent: Decimal | None = None
    smp_only: bool | None = None
    delivery_place: str | None = None
    score: int = 0
    relevant: bool = False
    reasons: list[str] = field(default_factory=list)
    """Why the score: short Russian phrases from the matcher's explanation."""
    match_stale: bool = False
    """The match was computed for an older version of the notice."""
    lines: list[LineView] = field(default_factory=list)
    documents: list[DocumentView] = field(default_factory=list)
    is_new: bool = False
    changes: list[Change] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.number}"

    @property
    def anchor(self) -> str:
        """A fragment id made of safe characters only."""
        return "t-" + "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in self.key)

    @property
    def unread_documents(self) -> list[DocumentView]:
        """Downloaded documents that could not be read: their requirements were not checked."""
        return [document for document in self.documents if document.unread]

    @property
    def regimes(self) -> list[str]:
        """National-regime measures set on any line, strongest first."""
        present = {line.national_regime for line in self.lines if line.national_regime}
        return [regime for regime in ("ban", "restriction", "advantage") if regime in present]

    @property
    def compliant(self) -> bool:
        """Every line has a product that meets every requirement."""
        return bool(self.lines) and all(line.compliant == "yes" for line in self.lines)

    @property
    def is_amended(self) -> bool:
        return bool(self.changes)

    @property
    def counts(self) -> tuple[int, int, int]:
        """(met, failed, unknown) summed over the lines."""
        return (
            sum(line.met for line in self.lines),
            sum(len(line.failed) for line in self.lines),
            sum(len(line.unknown) for line in self.lines),
        )

    @property
    def catalogue_total(self) -> Decimal | None:
        totals = [line.catalogue_total for line in self.lines]
        if not totals or any(total is None for total in totals):
            return None
        return sum(totals, Decimal(0))

    @property
    def margin(self) -> Decimal | None:
        margins = [line.margin for line in self.lines]
        if not margins or any(margin is None for margin in margins):
            return None
        return sum(margins, Decimal(0))


@dataclass
class SourceHealth:
    source: str
    status: str | None = None
    """``running | complete | partial | failed`` of the last run, ``None`` if never run."""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    pages: int | None = None
    notices: int | None = None
    new: int | None = None
    updated: int | None = None
    errors: int | None = None
    error_rate: float | None = None
    last_success_at: datetime | None = None
    close_reason: str | None = None
    usual_notices: int | None = None
    """Median notices of the previous successful runs, the yardstick for "suspiciously few"."""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.warnings


@dataclass
class Digest:
    generated_at: datetime
    cards: list[TenderCard]
    health: list[SourceHealth] = field(default_factory=list)
    since: datetime | None = None
    """Cut-off for "new": the previous digest's time, or the date given; ``None`` for the first digest."""
    since_label: str = "первый дайджест"
    min_score: int = 0
    closing_days: int = 3
    digest_id: str | None = None
    outcomes: list[OutcomeView] = field(default_factory=list)
    """Outcomes of relevant tenders since the cut-off (cancelled / failed first block, then winners)."""
    overdue: dict[str, list[object]] = field(default_factory=dict)
    """The overdue block (``digest.overdue``): assignee -> overdue items."""
    title: str = "Тендеры: утренний дайджест"
    summary_limit: int = 30
    page_size: int = 100
    """Cards displayed at once in the full list (then "show more"), so filtering stays fast at thousands."""
    """Rows per summary table (closing / new / amended); every tender still has its card in the full list."""

    def closing_soon(self) -> list[TenderCard]:
        """Open tenders whose application deadline falls within ``closing_days``, earliest first."""
        horizon = self.closing_days * 86400
        soon = [
            card
            for card in self.cards
            if card.deadline_at is not None and 0 < (card.deadline_at - self.generated_at).total_seconds() <= horizon
        ]
        return sorted(soon, key=lambda card: card.deadline_at)

    def new_cards(self) -> list[TenderCard]:
        return sorted((card for card in self.cards if card.is_new), key=lambda card: -card.score)

    def amended_cards(self) -> list[TenderCard]:
        return sorted((card for card in self.cards if card.is_amended), key=lambda card: -card.score)

    def ranked(self) -> list[TenderCard]:
        """All matched, best score first; ties by the earlier deadline."""
        far = datetime.max.replace(tzinfo=self.generated_at.tzinfo)
        return sorted(self.cards, key=lambda card: (-card.score, card.deadline_at or far, card.number))

    def regions(self) -> list[str]:
        return sorted({card.region for card in self.cards if card.region})

    def laws(self) -> list[str]:
        return sorted({card.law for card in self.cards if card.law})

    def health_warnings(self) -> list[SourceHealth]:
        return [source for source in self.health if source.warnings]
