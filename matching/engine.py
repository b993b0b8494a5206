"""The matcher: every purchase line against its candidate products, requirement by requirement.

Stages (timed separately by ``benchmarks/match.py``): blocking (``matching.index``), name similarity with
``rapidfuzz.process.cdist`` per block (all cores), compliance of the best candidates (``matching.compliance``),
and notice relevance (``matching.relevance``). Results depend only on the notice and the catalogue, never on
which other notices share the batch, so splitting notices across processes gives identical results.
"""

from __future__ import annotations

import time
from bisect import insort
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from matching.cards import ProductCard
from matching.collector import gc_paused
from matching.compliance import Status, Verdict, check
from matching.index import CatalogueIndex, code_agreement, context_tables
from matching.learning import CorrectionData, Learned
from matching.namegrammar import item_requirements
from matching.names import block_scores
from matching.normalise import canonical, implied, tokens
from matching.prescore import LineWords, line_words, word_coverage
from matching.ranking import (
    COMPLETE_TOP,
    candidate_score,
    complete_closest,
    hundredths,
    line_unit_price,
    price_fit,
    rank_key,
)
from matching.regime import RegimeFit, regime_fit
from matching.relevance import notice_result
from matching.requirements import Requirement
from matching.results import REGIME_REASON, TOP_REPORTED, Candidate, ItemResult, NoticeResult
from matching.specmatch import conflicting_named
from matching.typegate import line_types, product_types, type_gate
from store.schema import Item, NoticeRecord, Product

TOP_FOR_COMPLIANCE = 12
"""This many candidates per line (best by name and code) get the full compliance check …"""
MAX_FOR_COMPLIANCE = 24
"""… and up to this many when names tie (a bare "Коммутатор" says nothing about which one)."""
MIN_NAME = 0.35
TYPE_REQUIREMENT = Requirement(name="Тип товара", kind="text", text="тип товара позиции", source="type")
NOTHING_STATED = Requirement(name="Требования позиции", kind="text", text="не указаны", source="name")


@dataclass
class _Line:
    notice: int
    item: Item
    text: str
    tokens: tuple[str, ...]
    codes: tuple[str, ...]
    key: tuple[str, ...]
    types: frozenset[str]
    """Product types the line names (the type gate's side of the line)."""
    unit_price: float | None
    """The line's price per unit (:func:`matching.ranking.line_unit_price`), for every candidate's price fit."""
    words: LineWords
    """What the name pre-score reads of the line, prepared once for all its candidates."""


_Prescore = tuple[float, float, float | None, float]
"""A pair's name pre-score: (pre-score, name part, code agreement, word coverage)."""
NOTHING_STATED_VERDICT = Verdict(
    NOTHING_STATED, "unknown", "в позиции нет требований для проверки: соответствие не доказано"
)


@dataclass(slots=True)
class _Pair:
    """A product kept for a line's checks, with what every check of the pair reads (its quick check, its complete
    check and its best possible rank key): computed once per pair, not per check. Not frozen: a frozen
    dataclass sets each field through ``object.__setattr__`` (5× the cost, ~24 pairs per line)."""

    card: ProductCard
    name: float
    code: float | None
    coverage: float
    other: str | None
    """Why it is of another type than the line (:func:`matching.typegate.type_gate`), or None."""
    unsure: str | None
    """Why its type is not confirmed (:func:`matching.typegate.type_gate`): "unknown" at best."""
    fit: RegimeFit
    price_fit: float


def _best_key(pair: _Pair) -> tuple:
    """The best rank key a product could get for the line (:func:`matching.ranking.rank_key`)."""
    fit, card = pair.fit, pair.card
    best = candidate_score(pair.name, pair.code, 1.0, pair.price_fit, not fit.eligible, fit.factor)
    if not fit.eligible:
        return (2, 0.0, -best, card.price, card.product.sku)
    return (0, -best, 0.0, card.price, card.product.sku)


@dataclass
class Stats:
    """Work counters of one run (for the benchmark and the log)."""

    lines: int = 0
    blocks: int = 0
    name_pairs: int = 0
    compliance_pairs: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


class Matcher:
    """Matches notices against one catalogue."""

    def __init__(
        self, products: Sequence[Product], corrections: Sequence[CorrectionData] = (), name_workers: int = -1
    ) -> None:
        """``corrections``: specialists' corrections to learn from; ``name_workers``: rapidfuzz threads of the name
        stage (-1: every core; 1 in a process pool)."""
        self.name_workers = name_workers
        self.index = CatalogueIndex(products)
        self.negative = context_tables()["negative_terms"]
        self.stats = Stats()
        self.learned = Learned(corrections)
        self._learn = self.learned.apply if self.learned else None
        """Applies the corrections to a verdict (None without corrections: nothing to call per verdict)."""
        self._types = {id(card): product_types(card) for card in self.index.cards}
        self._words = {id(card): frozenset(card.tokens) for card in self.index.cards}
        self._offers = {id(card): implied(set(card.tokens)) for card in self.index.cards}
        self._verdicts: dict[int, dict[int, tuple[Requirement, Verdict]]] = {}
        """The verdicts of the batch being matched by card id, then requirement id (one look-up of the card's
        verdicts per candidate, an integer key per requirement). A verdict depends only on the
        requirement and the product: the complete check of a product reuses those of its quick check, and
        lines that share requirements (the same KTRU characteristics in many notices) share them. Emptied after
        each batch, so it holds at most a batch's distinct pairs."""
        self._preselection: dict[tuple[str, tuple[str, ...]], list[tuple[int, _Prescore]]] = {}
        """The products a line's checks start from, by the line's name and codes (:meth:`_preselected`); emptied
        after each batch."""
        self._regimes: dict[str | None, dict[int, RegimeFit]] = defaultdict(dict)
        """National-regime fit per regime and card: a handful of regimes, so at most a few per product."""

    # -- stage 1: blocking ------------------------------------------------------------------------------
    def _lines(self, notices: Sequence[NoticeRecord]) -> list[_Line]:
        lines = []
        for n, notice in enumerate(notices):
            for item in notice.items:
                codes = tuple(c for c in (item.ktru, item.okpd2) if c)
                key = self.index.block_key(item.name, codes)
                line_tokens = tokens(item.name)
                words = line_words(self.index, self.negative, line_tokens, key[0] if key else None)
                lines.append(
                    _Line(n, item, canonical(item.name), line_tokens, codes, key, line_types(item.name),
                          line_unit_price(item), words)
                )  # fmt: skip
        return lines

    # -- stage 2: names ---------------------------------------------------------------------------------
    def _name_scores(self, lines: list[_Line]) -> dict[int, list[tuple[int, float]]]:
        """Per line: (card id, name similarity 0..1) for every product of its block (:mod:`matching.names`)."""
        blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, line in enumerate(lines):
            if line.key:
                blocks[line.key].append(i)
        result: dict[int, list[tuple[int, float]]] = {}
        for key, members in blocks.items():
            ids = self.index.block(key)
            if not ids:
                continue
            self.stats.blocks += 1
            self.stats.name_pairs += len(ids) * len(members)
            by_name = block_scores(self.index, ids, [lines[i].text for i in members], self.name_workers)
            for i in members:
                result[i] = by_name[lines[i].text]  # shared by the lines of one name: read only
        return result

    # -- stage 3: candidates and compliance ---------------------------------------------------------------
    def _prescore(self, line: _Line, card: ProductCard, name_sim: float) -> _Prescore | None:
        words = line.words
        if words.negative and words.negative - card.bag:
            return None
        coverage = word_coverage(words, card, self._words[id(card)])
        name = 0.5 * name_sim + 0.5 * coverage
        if words.qualifiers and conflicting_named(words.qualifiers, self._offers[id(card)]):
            name *= 0.6
        code = code_agreement(line.codes, card.codes)
        code_part = 0.5 if code is None else code
        if code == 0.0:
            name *= 0.6
        pre = 0.7 * name + 0.3 * code_part
        return pre, name, code, coverage

    def _pair(self, line: _Line, card: ProductCard, prescore: _Prescore) -> _Pair:
        _, name, code, coverage = prescore
        other, unsure = type_gate(line.types, line.codes, card, self._types[id(card)])
        price = price_fit(line.unit_price, card.price)
        return _Pair(card, name, code, coverage, other, unsure, self._regime(line, card), price)

    def _candidate(self, pair: _Pair, requirements: Sequence[Requirement], full: bool = True) -> Candidate:
        """Score one product for one line. ``full=False`` stops at the first failed requirement (the product then
        ranks after every fitting one, so its remaining verdicts matter only if it is shown)."""
        card = pair.card
        verdicts: list[Verdict] = []
        failed: list[str] = []
        unknown: list[str] = []
        gap = 0  # summed in the verdicts' order, as ``sum`` would
        other = pair.other
        if other is not None:
            verdicts.append(Verdict(TYPE_REQUIREMENT, "no", other, gap=2.0))
            failed.append(TYPE_REQUIREMENT.name)
            gap += 2.0
        elif pair.unsure is not None:  # first, as the type's "no" would be (``best_key`` counts it there)
            verdicts.append(Verdict(TYPE_REQUIREMENT, "unknown", pair.unsure))
            unknown.append(TYPE_REQUIREMENT.name)
        learned = self._learn
        known = self._verdicts.get(id(card))
        if known is None:
            known = self._verdicts[id(card)] = {}
        for r in requirements if other is None or full else ():
            found = known.get(id(r))
            if found is None:
                verdict = check(r, card, self.index.spec_vocab)
                if learned is not None:
                    verdict = learned(verdict, card)
                known[id(r)] = (r, verdict)  # ``r`` kept alive: its id is not reused meanwhile
            else:
                verdict = found[1]
            verdicts.append(verdict)
            gap += verdict.gap
            if verdict.status == "no":  # the statuses are "yes", "no" and "unknown"
                failed.append(verdict.requirement.name)
                if not full:
                    break
            elif verdict.status == "unknown":
                unknown.append(verdict.requirement.name)
        if not verdicts:
            verdicts.append(NOTHING_STATED_VERDICT)
            unknown.append(NOTHING_STATED.name)
            gap += NOTHING_STATED_VERDICT.gap
        self.stats.compliance_pairs += 1
        n = len(verdicts)
        # ``compliance.overall`` of the verdicts (there is at least one), from the counts just made
        status: Status = "no" if failed else "unknown" if unknown else "yes"
        yes = n - len(failed) - len(unknown)
        comp = (yes + 0.5 * len(unknown)) / n
        fit = pair.fit
        if not fit.eligible:
            failed.append(REGIME_REASON)
            status = "no"
        code = pair.code
        score = candidate_score(pair.name, code, comp, pair.price_fit, status == "no", fit.factor)
        explanation = {
            "name_similarity": pair.name,
            "word_coverage": pair.coverage,
            "code_agreement": code,
            "compliance_share": comp,
            "price_fit": pair.price_fit,
            "regime": fit.note,
        }
        return Candidate(
            sku=card.product.sku, product_name=card.product.name, score=score, compliant=status, failed=failed,
            unknown=unknown, eligible=fit.eligible, price=card.price, parts=explanation, verdicts=verdicts,
            name_score=pair.name, gap=gap, complete=full or verdicts[-1].status != "no",
        )  # fmt: skip

    def _regime(self, line: _Line, card: ProductCard) -> RegimeFit:
        fits = self._regimes[line.item.national_regime]
        fit = fits.get(id(card))
        if fit is None:
            fit = fits[id(card)] = regime_fit(line.item.national_regime, card.product)
        return fit

    def _quick_candidates(self, pairs: list[_Pair], quick: list[Requirement]) -> list[Candidate]:
        """The quick check of the line's candidates, best pre-score first, leaving out those that cannot take one
        of the kept places: once :data:`COMPLETE_TOP` products fit (a fitting product is checked completely, so
        its rank key is final), a product whose best possible rank key (every requirement met: its gap 0 and
        its compliance share 1) ranks after the last of the best :data:`COMPLETE_TOP` fitting ones is never
        stored nor reported, and is not checked."""
        candidates: list[Candidate] = []
        fitting: list[tuple] = []  # their rank keys, kept sorted
        for pair in pairs:
            if len(fitting) >= COMPLETE_TOP and fitting[COMPLETE_TOP - 1] < _best_key(pair):
                continue
            cand = self._candidate(pair, quick, full=False)
            candidates.append(cand)
            if cand.compliant != "no":
                insort(fitting, rank_key(cand))
        return candidates

    def _preselected(self, line: _Line, scored: list[tuple[int, float]]) -> list[tuple[int, _Prescore]]:
        """The products of the line's block that go on to the checks, best pre-score first, with their pre-scores.
        They depend only on the line's name and codes: memoised for the batch (a batch repeats names)."""
        memo_key = (line.item.name, line.codes)
        found = self._preselection.get(memo_key)
        if found is not None:
            return found
        cards = self.index.cards
        pre: list[tuple[float, float, str, int, _Prescore]] = []
        for card_id, name_sim in scored:
            card = cards[card_id]
            result = self._prescore(line, card, name_sim)
            if result is None or result[1] < MIN_NAME:
                continue
            # Best pre-score first; names that do not tell products apart tie: the cheaper first (the auction is
            # won on price), then by SKU (unique: the card id and the scores after it are never compared).
            pre.append((-hundredths(result[0]), card.price, card.product.sku, card_id, result))
        pre.sort()
        if len(pre) > TOP_FOR_COMPLIANCE:
            cut = pre[TOP_FOR_COMPLIANCE - 1][0]
            tied = sum(1 for p in pre[TOP_FOR_COMPLIANCE:] if p[0] <= cut)
            pre = pre[: min(TOP_FOR_COMPLIANCE + tied, MAX_FOR_COMPLIANCE)]
        found = self._preselection[memo_key] = [(cid, result) for *_, cid, result in pre]
        return found

    def _match_line(self, line: _Line, scored: list[tuple[int, float]]) -> ItemResult:
        cards = self.index.cards
        pairs = [self._pair(line, cards[cid], result) for cid, result in self._preselected(line, scored)]
        requirements = item_requirements(line.item)
        # Numeric ranges decide most failures: checked first, so a failing product is dropped early.
        quick = sorted(requirements, key=lambda r: r.kind != "range")
        candidates = self._quick_candidates(pairs, quick)
        fitting = sum(c.compliant != "no" for c in candidates)
        candidates.sort(key=rank_key)
        by_sku = {pair.card.product.sku: pair for pair in pairs}

        def complete(position: int) -> Candidate:
            candidates[position] = self._candidate(by_sku[candidates[position].sku], requirements)
            return candidates[position]

        def best_key(position: int) -> tuple:
            """The best rank key the complete check of a failing product could give (see ``complete_closest``):
            its quick gap, and the score if every requirement it has not checked were met."""
            cand = candidates[position]
            checked = len(cand.verdicts)
            total = len(requirements) + (cand.verdicts[0].requirement is TYPE_REQUIREMENT)
            yes = sum(v.status == "yes" for v in cand.verdicts)
            unknown = sum(v.status == "unknown" for v in cand.verdicts)
            share = (yes + 0.5 * unknown + (total - checked)) / total
            factor = by_sku[cand.sku].fit.factor
            parts = cand.parts
            best = candidate_score(cand.name_score, parts["code_agreement"], share, parts["price_fit"], True, factor)
            return (2, cand.gap, -best, cand.price, cand.sku)

        if fitting >= TOP_REPORTED:
            # Kept candidates get every verdict (the failing ones among them; fitting ones are complete).
            for position in range(min(COMPLETE_TOP, len(candidates))):
                if not candidates[position].complete:
                    complete(position)
        else:
            complete_closest(candidates, fitting, complete, best_key)
        candidates.sort(key=rank_key)
        return ItemResult(
            index=line.item.index, name=line.item.name, candidates=candidates,
            explanation={"block": list(line.key), "compared": len(scored), "requirements": len(requirements)},
        )  # fmt: skip

    # -- public -----------------------------------------------------------------------------------------
    def match_many(self, notices: Sequence[NoticeRecord]) -> list[NoticeResult]:
        """Match a batch of notices (the cyclic garbage collector paused meanwhile, see :func:`gc_paused`)."""
        with gc_paused():
            try:
                return self._match_many(notices)
            finally:
                self._verdicts.clear()
                self._preselection.clear()

    def _match_many(self, notices: Sequence[NoticeRecord]) -> list[NoticeResult]:
        clock = time.perf_counter()
        lines = self._lines(notices)
        self.stats.lines += len(lines)
        clock = self._tick("blocking", clock)
        names = self._name_scores(lines)
        clock = self._tick("names", clock)
        per_notice: dict[int, list[ItemResult]] = defaultdict(list)
        for i, line in enumerate(lines):
            per_notice[line.notice].append(self._match_line(line, names.get(i, [])))
        clock = self._tick("compliance", clock)
        results = [notice_result(notice, per_notice.get(n, [])) for n, notice in enumerate(notices)]
        self._tick("relevance", clock)
        return results

    def _tick(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.stats.seconds[stage] += now - since
        return now

    def match_notice(self, notice: NoticeRecord) -> NoticeResult:
        return self.match_many([notice])[0]
