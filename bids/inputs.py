"""What a bid is built from, read from the store: the notice (by number, any source), the top match per line,
the matched products. Read-only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from bids.assembler import assemble_bid
from bids.company import Company
from bids.matching_adapter import matching_compliance
from matching.attachments import with_attachment_requirements
from store.bid_reads import BidReads, StoredNotice
from store.corrections import CorrectionRepository
from store.db import Session
from store.notices import NoticeRepository
from store.schema import NoticeRecord, Product


class BidInputError(LookupError):
    """The notice, a line or a product asked for is not in the store (message in Russian)."""


@dataclass
class BidInputs:
    notice: NoticeRecord
    seq: int
    products_by_line: dict[int, Product | None]
    catalogue_info: dict[str, Any]
    catalogue: list[Product] = field(default_factory=list)
    """The whole stored catalogue: the matcher weighs spec names over it."""
    warnings: list[str] = field(default_factory=list)


def _richness(row: StoredNotice) -> tuple[int, int, Any]:
    items = row.record.get("items") or []
    characteristics = sum(len(i.get("characteristics") or []) for i in items)
    return (characteristics, len(items), row.updated_at)


def find_notice(session: Session, number: str) -> StoredNotice:
    """The notice with this number; when several sources have it, the one with the most detail."""
    rows = BidReads(session).notices(number.strip())
    if not rows:
        raise BidInputError(f"закупка № {number} не найдена в базе (сначала tenderflow crawl)")
    return max(rows, key=_richness)


def _top_matches(session: Session, row: StoredNotice, warnings: list[str]) -> dict[int, str]:
    reads = BidReads(session)
    seq = reads.matched_seq(row.id)
    if seq is None:
        return {}
    if seq != row.seq:
        warnings.append(
            f"Подбор товаров выполнен для предыдущей редакции извещения ({seq} из {row.seq}): "
            "выполните tenderflow match"
        )
    found = {}
    for index, sku, compliant in reads.top_matches(row.id, seq):
        found[index] = sku
        if compliant == "no":
            warnings.append(f"Позиция {index}: лучший подобранный товар {sku} не соответствует требованиям")
    return found


def load_bid_inputs(session: Session, number: str, overrides: Mapping[int, str] | None = None) -> BidInputs:
    row = find_notice(session, number)
    notice = NoticeRepository(session).current(row.source, row.number)
    if notice is None:  # pragma: no cover - the row was just found
        raise BidInputError(f"закупка № {number} не найдена в базе")
    # Requirements found in the attached ТЗ files count as much as the notice's own (each names its origin).
    merged = with_attachment_requirements(session, row.id, notice)
    notice = merged.record
    warnings: list[str] = [f"Противоречие в документации: {conflict.message()}" for conflict in merged.conflicts]
    skus = _top_matches(session, row, warnings)
    indexes = {item.index for item in notice.items}
    for index, sku in (overrides or {}).items():
        if index not in indexes:
            raise BidInputError(f"--line {index}={sku}: в закупке № {number} нет позиции {index}")
        skus[index] = sku
    wanted = sorted(set(skus.values()))
    rows = BidReads(session).products()
    for index, sku in sorted((overrides or {}).items()):
        if sku not in rows:
            raise BidInputError(f"--line {index}={sku}: товара с артикулом {sku} нет в каталоге")
    products: dict[int, Product | None] = {}
    for item in notice.items:
        sku = skus.get(item.index)
        if sku is None:
            warnings.append(f"Позиция {item.index}: товар не подобран (укажите --line {item.index}=АРТИКУЛ)")
        elif sku not in rows:
            warnings.append(f"Позиция {item.index}: товара {sku} больше нет в каталоге")
        products[item.index] = Product.model_validate(rows[sku].record) if sku in rows else None
    matched = BidReads(session).notice_match(row.id)
    info = {
        "products_in_store": len(rows),
        "catalogue_hash": matched.catalogue_hash if matched else None,
        "matched_at": matched.matched_at.isoformat() if matched and matched.matched_at else None,
        "overrides": {str(k): v for k, v in sorted((overrides or {}).items())},
        "product_content_hashes": {sku: rows[sku].content_hash for sku in wanted if sku in rows},
    }
    catalogue = [Product.model_validate(r.record) for r in rows.values()]
    return BidInputs(
        notice=notice,
        seq=row.seq,
        products_by_line=products,
        catalogue_info=info,
        catalogue=catalogue,
        warnings=warnings,
    )


def assemble_from_store(
    session: Session,
    number: str,
    out_dir: Path,
    price: Decimal | None = None,
    overrides: Mapping[int, str] | None = None,
    company: Company | Path | None = None,
    rules_dir: Path | None = None,
    treasury: bool = False,
) -> tuple[Path, BidInputs]:
    """The bid package of a stored notice (what ``tenderflow bid`` and the demo run): (folder, inputs used)."""
    inputs = load_bid_inputs(session, number, overrides)
    # The compliance table applies the specialists' corrections, as the match that chose the products did.
    compliance = matching_compliance(inputs.catalogue, CorrectionRepository(session).active())
    folder = assemble_bid(
        inputs.notice, inputs.products_by_line, out_dir, price=price, company=company, rules_dir=rules_dir,
        compliance=compliance, catalogue=inputs.catalogue, catalogue_info=inputs.catalogue_info, notice_seq=inputs.seq,
        extra_warnings=inputs.warnings, treasury=treasury,
    )  # fmt: skip
    return folder, inputs
