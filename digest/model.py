"""The digest's view model: what one morning page shows, independent of where it came from.

``digest.query`` builds it from the store; tests and benchmarks build it directly. Money is ``Decimal``,
moments are aware ``datetime``; every unknown value is ``None`` and the template prints a dash for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from digest.outcomes import OutcomeView

REGIME_LABELS = {"ban": "Запрет", "restriction": "Ограничение", "advantage": "Преимущество"}
LAW_LABELS = {"44-FZ": "44-ФЗ", "223-FZ": "223-ФЗ", "615-PP": "615-ПП", "commercial": "Коммерч.", "EU": "закупки ЕС"}
SOURCE_LABELS = {
    "eis44": "ЕИС, 44-ФЗ", "eis223": "ЕИС, 223-ФЗ", "eis-search": "ЕИС, поиск", "eis-docs": "ЕИС, документы",
    "eis-xml": "ЕИС, выгрузки", "ocds": "OCDS (открытые данные)", "ted": "TED (закупки ЕС)",
    "etp-js": "региональная площадка",
}  # fmt: skip
"""Where a notice came from, in the reader's words (the contract's source codes are not shown)."""


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
class CheckView:
    """A line whose best product fits were its undecided requirements proven: what the specialist must check
    before betting a bid on it (``lines[].unproven`` of the matcher's notice explanation)."""

    index: int
    name: str
    sku: str | None = None
    reasons: list[str] = field(default_factory=list)
    """«characteristic: why it is not proven», in Russian, as the matcher gives them."""


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
    auction_at: date | datetime | None = None
    """The bidding date; a ``date`` when published without a time (shown without one)."""
    review_at: date | datetime | None = None
    summary_at: date | datetime | None = None
    application_security: SecurityView = field(default_factory=SecurityView)
    contract_security: SecurityView = field(default_factory=SecurityView)
    advance_percent: Decimal | None = None
    smp_only: bool | None = None
    delivery_place: str | None = None
    score: int = 0
    relevant: bool = False
    possible: bool = False
    """Not relevant, but would be were its best undecided products proven («возможно подходит»)."""
    to_check: list[CheckView] = field(default_factory=list)
    """The lines whose best product is not proven and what to check on each (filled for every card)."""
    reasons: list[str] = field(default_factory=list)
    """Why the score: short Russian phrases from the matcher's explanation."""
    match_stale: bool = False
    """The match was computed for an older version of the notice."""
    lines: list[LineView] = field(default_factory=list)
    documents: list[DocumentView] = field(default_factory=list)
    is_new: bool = False
    changes: list[Change] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    """Notice sanity checks (non-working deadline, short notice period, ...) from ``settings.notice_checks``."""

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


@dataclass(frozen=True)
class DigestCounts:
    """The counts a reader sees about one digest, computed once (:meth:`Digest.counts`) for the page, the
    e-mail, the command line and the demo, so every place says the same number for the same thing."""

    total: int
    """Tenders in the digest: matched (score ≥ the digest's minimum, at least 1) and still open for applications."""
    relevant: int
    """Of those, the ones the matcher judged relevant (lines covered by compliant products at a sane price)."""
    new: int
    amended: int
    closing: int
    """Of those, the ones whose application deadline falls within the digest's closing horizon."""
    possible: int = 0
    """Of those, the ones that would be relevant were their undecided requirements proven."""

    def sentence(self, closing_days: int) -> str:
        return (
            f"закупок {self.total}, из них подходящих {self.relevant}, возможно подходящих {self.possible}, "
            f"новых {self.new}, изменённых {self.amended}, срок подачи ≤ {closing_days} дн.: {self.closing}"
        )


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
    overdue: dict[str, list[object]] = field(default_factory=dict)
    """The overdue block (``digest.overdue``): assignee -> overdue items."""
    outcomes: list[OutcomeView] = field(default_factory=list)
    """Outcomes of relevant tenders since the cut-off (cancelled / failed first block, then winners)."""
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

    def possible_cards(self) -> list[TenderCard]:
        """Tenders that may fit but whose fit is not proven, best score first; ties by the earlier deadline."""
        return [card for card in self.ranked() if card.possible]

    def regions(self) -> list[str]:
        return sorted({card.region for card in self.cards if card.region})

    def laws(self) -> list[str]:
        return sorted({card.law for card in self.cards if card.law})

    def counts(self) -> DigestCounts:
        return DigestCounts(
            total=len(self.cards),
            relevant=sum(1 for card in self.cards if card.relevant),
            new=len(self.new_cards()),
            amended=len(self.amended_cards()),
            closing=len(self.closing_soon()),
            possible=sum(1 for card in self.cards if card.possible),
        )

    def health_warnings(self) -> list[SourceHealth]:
        return [source for source in self.health if source.warnings]
