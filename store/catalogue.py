"""The product catalogue in the store (table ``products``): idempotent import and reading back.

Each product is kept whole in ``record`` (contract 4.2 with specs) with a content hash; importing the same
catalogue again changes nothing. An import is the whole catalogue: products missing from it are removed. The
catalogue hash (over all content hashes) is what matching records, so a changed catalogue re-matches notices.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import Product as ProductRow
from store.models import utcnow
from store.schema import Product


def content_hash(product: Product) -> str:
    data = json.dumps(product.to_json_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass
class ImportOutcome:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def affected(self) -> list[str]:
        """SKUs whose matches may change (added, changed or removed)."""
        return sorted({*self.added, *self.changed, *self.removed})


class CatalogueRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def import_products(self, products: list[Product], remove_missing: bool = True) -> ImportOutcome:
        outcome = ImportOutcome()
        existing = {row.sku: row for row in self.session.scalars(select(ProductRow))}
        seen = set()
        for product in products:
            seen.add(product.sku)
            digest = content_hash(product)
            row = existing.get(product.sku)
            if row is not None and row.content_hash == digest:
                outcome.unchanged += 1
                continue
            values = {
                "name": product.name, "vendor": product.vendor, "model": product.model,
                "category": product.category, "okpd2": product.okpd2, "ktru": product.ktru,
                "price": Decimal(product.price), "country": product.country,
                "registry_number": product.registry_number, "record": product.to_json_dict(),
                "content_hash": digest, "updated_at": utcnow(),
            }  # fmt: skip
            if row is None:
                self.session.add(ProductRow(sku=product.sku, **values))
                outcome.added.append(product.sku)
            else:
                for key, value in values.items():
                    setattr(row, key, value)
                outcome.changed.append(product.sku)
        if remove_missing:
            gone = sorted(set(existing) - seen)
            if gone:
                self.session.execute(delete(ProductRow).where(ProductRow.sku.in_(gone)))
                outcome.removed.extend(gone)
        self.session.flush()
        return outcome

    def products(self) -> list[Product]:
        rows = self.session.scalars(select(ProductRow.record).order_by(ProductRow.sku))
        return [Product.model_validate(record) for record in rows]

    def catalogue_hash(self) -> str:
        digest = hashlib.sha256()
        for sku, content in self.session.execute(
            select(ProductRow.sku, ProductRow.content_hash).order_by(ProductRow.sku)
        ):
            digest.update(f"{sku}\x00{content}\n".encode())
        return digest.hexdigest()

    def count(self) -> int:
        return len(self.session.scalars(select(ProductRow.sku)).all())
