"""Result types of the matcher: a candidate product, a purchase line's candidates, a notice's verdict.

Kept apart from ``matching.engine`` (which builds them) and ``matching.relevance`` (which scores them), so
neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matching.compliance import Status, Verdict
from store.schema import MatchRow

TOP_REPORTED = 3


@dataclass
class Candidate:
    sku: str
    product_name: str
    score: int
    compliant: Status
    failed: list[str]
    unknown: list[str]
    eligible: bool
    price: float
    parts: dict = field(default_factory=dict)
    verdicts: list[Verdict] = field(default_factory=list)
    name_score: float = 0.0
    gap: float = 0.0
    """Sum of relative shortfalls of failed numeric requirements: among failing products, the closest first."""
    complete: bool = True
    """False when the check stopped at the first failure (never for a shown candidate)."""

    @property
    def reasons(self) -> list[str]:
        """Why not "yes": «characteristic: reason» for every requirement that fails or is undecided (Russian)."""
        return self._reasons([(v.requirement.name, v.reason) for v in self.verdicts if v.status != "yes"])

    def _reasons(self, undecided: list[tuple[str, str]]) -> list[str]:
        out = [f"{name}: {reason}" for name, reason in undecided]
        if not self.eligible:
            out.append("Национальный режим: запрет допуска иностранных товаров")
        return [r.replace(";", ",") for r in out]

    @property
    def explanation(self) -> dict:
        """Each part of the score and every requirement's verdict (built on demand: only kept rows need it;
        each reason is formatted once, for its verdict and for the reasons)."""
        parts = {k: round(float(v), 3) if isinstance(v, float) else v for k, v in self.parts.items()}
        requirements = [v.to_dict() for v in self.verdicts]
        reasons = self._reasons([(r["name"], r["reason"]) for r in requirements if r["status"] != "yes"])
        return {**parts, "requirements": requirements, "reasons": reasons}


@dataclass
class ItemResult:
    index: int
    name: str
    candidates: list[Candidate]
    explanation: dict = field(default_factory=dict)


@dataclass
class NoticeResult:
    source: str
    number: str
    score: int
    relevant: bool
    items: list[ItemResult]
    explanation: dict = field(default_factory=dict)

    def rows(self, top: int = TOP_REPORTED) -> list[MatchRow]:
        """Contract 4.3 rows: per item its best ``top`` candidates, best first."""
        out = []
        for item in self.items:
            for rank, cand in enumerate(item.candidates[:top], start=1):
                out.append(
                    MatchRow(
                        notice_number=self.number, notice_score=self.score, notice_relevant=self.relevant,
                        item_index=item.index, item_name=item.name, rank=rank, sku=cand.sku,
                        product_name=cand.product_name, score=cand.score, compliant=cand.compliant,
                        failed=cand.failed, unknown=cand.unknown, reasons=cand.reasons,
                    )
                )  # fmt: skip
        return out
