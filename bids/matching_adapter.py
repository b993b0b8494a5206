"""The compliance function of the bid package, backed by the matching engine (``matching/``).

Bids never decide compliance themselves: this adapter turns one notice characteristic and one product into the
matcher's verdict ``(yes|no|unknown, reason, the product spec it rests on)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bids.compliance_table import ComplianceFn, UnitInfo
from matching.cards import product_card
from matching.compliance import check, overall
from matching.learning import Learned
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from matching.units import unit_info
from store.corrections import CorrectionData
from store.schema import Characteristic, Product


def matching_compliance(catalogue: Iterable[Product], corrections: Sequence[CorrectionData] = ()) -> ComplianceFn:
    """A compliance function over the catalogue (its vocabulary weights the spec names as the matcher does),
    applying the specialists' active corrections (``tenderflow match correct``) as the matcher does."""
    cards = {p.sku: product_card(p) for p in catalogue}
    vocab = SpecVocabulary(cards.values())
    learned = Learned(corrections)

    def compliance(ch: Characteristic, product: Product):
        card = cards.get(product.sku)
        if card is None:
            card = cards[product.sku] = product_card(product)
        requirements = from_characteristic(ch)
        if not requirements:
            return "unknown", "требование не распознано", None
        verdicts = [check(req, card, vocab) for req in requirements]
        if learned:
            verdicts = [learned.apply(v, card) for v in verdicts]
        reason = "; ".join(v.reason for v in verdicts if v.reason)
        names = [v.spec_name for v in verdicts if v.spec_name]
        spec = next((s for s in product.specs if names and s.name == names[0]), None)
        return overall(verdicts), reason, spec

    return compliance


def matching_unit_info() -> UnitInfo:
    return unit_info
