"""Result types of the matcher: a candidate product, a purchase line's candidates, a notice's verdict.

Kept apart from ``matching.engine`` (which builds them) and ``matching.relevance`` (which scores them), so
neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matching.compliance import Status, Verdict
from store.schema import MatchRow

TOP_REPORTED = 3
REGIME_REASON = "Национальный режим: запрет допуска иностранных товаров"
"""The failure (and its reason) of a product the national regime bars."""


@dataclass(slots=True)
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
        return self._reasons([_reason_line(v.requirement.name, v.reason) for v in self.verdicts if v.status != "yes"])

    def _reasons(self, undecided: list[str]) -> list[str]:
        if not self.eligible:
            return [*undecided, REGIME_REASON]
        return undecided

    @property
    def explanation(self) -> dict:
        """Each part of the score and every requirement's verdict (built on demand: only kept rows need it;
        each reason is formatted once, for its verdict and for the reasons)."""
        return self.described({})

    def described(self, entries: dict[int, tuple[dict, str | None]]) -> dict:
        """:attr:`explanation`, each verdict's entry (and its line of the reasons) taken from ``entries`` (by
        ``id`` of the verdict) or added to it: the matcher shares a verdict between the lines of a batch that
        share the requirement, so a batch's explanations describe each verdict once. ``entries`` must not
        outlive the verdicts (ids are reused)."""
        parts = {k: round(float(v), 3) if isinstance(v, float) else v for k, v in self.parts.items()}
        requirements = []
        undecided = []
        for verdict in self.verdicts:
            found = entries.get(id(verdict))
            if found is None:
                entry = verdict.to_dict()
                line = None if entry["status"] == "yes" else _reason_line(entry["name"], entry["reason"])
                found = entries[id(verdict)] = (entry, line)
            requirements.append(found[0])
            if found[1] is not None:
                undecided.append(found[1])
        return {**parts, "requirements": requirements, "reasons": self._reasons(undecided)}


def _reason_line(name: str, reason: str | None) -> str:
    """«characteristic: reason», without ";" (the CSV export joins the reasons with it)."""
    return f"{name}: {reason}".replace(";", ",")


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
    possible: bool = False
    """Not relevant, but would be were its best "unknown" candidates proven (``matching.relevance``)."""

    def rows(self, top: int = TOP_REPORTED) -> list[MatchRow]:
        """Contract 4.3 rows: per item its best ``top`` candidates, best first."""
        out = []
        for item in self.items:
            for rank, cand in enumerate(item.candidates[:top], start=1):
                out.append(
                    MatchRow(
                        notice_number=self.number, notice_score=self.score, notice_relevant=self.relevant,
                        notice_possible=self.possible,
                        item_index=item.index, item_name=item.name, rank=rank, sku=cand.sku,
                        product_name=cand.product_name, score=cand.score, compliant=cand.compliant,
                        failed=cand.failed, unknown=cand.unknown, reasons=cand.reasons,
                    )
                )  # fmt: skip
        return out
