"""National regime fit of a product for a purchase line (ban / restriction / advantage).

Under a ban a foreign product is no fit; under a restriction it is flagged (a bid with it loses against a
domestic one); domestic and EAEU origin are read from the catalogue's ``country``; a domestic product without a
registry entry is flagged, because the registry entry is what the bid must show. Country lists and the legal
basis are in ``matching/data/regime.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from matching.units import DATA_DIR
from store.schema import Product


@lru_cache(maxsize=1)
def _countries() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads((DATA_DIR / "regime.json").read_text(encoding="utf-8"))
    return frozenset(data["domestic"]), frozenset(data["eaeu"])


@dataclass(frozen=True, slots=True)
class RegimeFit:
    eligible: bool
    factor: float
    note: str | None


def origin(product: Product) -> str:
    """``domestic`` | ``eaeu`` | ``foreign`` | ``unknown``."""
    country = (product.country or "").strip().lower().replace("ё", "е")
    if not country:
        return "unknown"
    domestic, eaeu = _countries()
    if country in domestic:
        return "domestic"
    if country in eaeu:
        return "eaeu"
    return "foreign"


def regime_fit(regime: str | None, product: Product) -> RegimeFit:
    if regime not in ("ban", "restriction"):
        return RegimeFit(True, 1.0, None)
    where = origin(product)
    label = "запрет" if regime == "ban" else "ограничение"
    if where == "foreign":
        if regime == "ban":
            return RegimeFit(
                False, 0.4, f"национальный режим ({label}): товар иностранного происхождения ({product.country})"
            )
        return RegimeFit(
            True, 0.85, f"национальный режим ({label}): иностранный товар ({product.country}) проиграет российскому"
        )
    if where == "unknown":
        return RegimeFit(True, 0.9, f"национальный режим ({label}): страна происхождения не указана")
    if not product.registry_number:
        return RegimeFit(True, 0.95, f"национальный режим ({label}): нет номера реестровой записи")
    return RegimeFit(True, 1.0, None)
