"""Learning from specialists' corrections: a corrected verdict decides the same demand on a similarly named
characteristic of any later line, for the same product or any product offering the same spec value.

A correction keeps the evidence it was given on (the requirement as matched, the spec and value it was aligned
to), so what is learned is a name alignment plus a value equivalence (or rejection), not a one-off override:
"Тип матрицы: AH-IPS" corrected to "yes" against "Тип матрицы экрана: IPS" also decides "Матрица: AH-IPS" of
another notice against any product whose spec says "IPS".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from matching.cards import ProductCard, SpecCard
from matching.compliance import Verdict
from matching.normalise import clean
from matching.ranges import offered_text
from matching.requirements import name_tokens
from store.corrections import CorrectionData

SIMILAR_NAME = 0.5
"""Share of common (aligned) name lemmas from which two characteristic names are the same characteristic."""


def similar_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    sa, sb = set(a), set(b)
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) >= SIMILAR_NAME


class Learned:
    """Active corrections, indexed by the demand they decide (its normalised description)."""

    def __init__(self, corrections: Sequence[CorrectionData]) -> None:
        self.rules: dict[str, list[tuple[tuple[str, ...], CorrectionData]]] = defaultdict(list)
        for c in corrections:
            if c.undone_at is None and c.verdict in ("yes", "no"):
                self.rules[clean(c.required or "")].append((name_tokens(c.characteristic), c))

    def __bool__(self) -> bool:
        return bool(self.rules)

    def apply(self, verdict: Verdict, card: ProductCard) -> Verdict:
        """The verdict, or the specialist's one when a correction covers this demand for this product."""
        if not self.rules:
            return verdict
        req = verdict.requirement
        rules = self.rules.get(clean(req.describe()))
        if not rules:
            return verdict
        for tokens_, c in rules:
            if not similar_names(tokens_, req.name_tokens):
                continue
            covered, spec = _covered(c, card)
            if not covered:
                continue
            when = c.created_at.strftime("%d.%m.%Y") if c.created_at else ""
            label = "соответствует" if c.verdict == "yes" else "не соответствует"
            reason = f"по исправлению специалиста {when} (№ {c.id}, извещение {c.notice_number}): {label}".strip()
            return Verdict(req, c.verdict, reason, spec or verdict.spec)  # type: ignore[arg-type]
        return verdict


def _covered(c: CorrectionData, card: ProductCard) -> tuple[bool, SpecCard | None]:
    """Whether the correction speaks of this product: it offers the spec and value the correction was made on,
    or it is the very product (then with no spec when none was aligned)."""
    if c.spec_name and c.offered is not None:
        name, value = clean(c.spec_name), clean(c.offered)
        for spec in card.specs:
            if clean(spec.spec.name) == name and clean(offered_text(spec)) == value:
                return True, spec
    return card.product.sku == c.sku, None
