"""The matcher checks fewer products than it ranks (``ranking.complete_closest``, ``Matcher._quick_candidates``):
the 10 candidates kept per line must be exactly those a complete check of every product gives."""

from benchmarks.match import generate_catalogue, generate_notices
from matching import engine
from matching.engine import COMPLETE_TOP, Matcher


def _kept(matcher: Matcher, notices) -> list:
    return [
        (result.number, item.index, [(c.sku, c.score, c.compliant, c.failed, c.unknown, c.gap, c.reasons)
                                     for c in item.candidates[:COMPLETE_TOP]])
        for result in matcher.match_many(notices)
        for item in result.items
    ]  # fmt: skip


def _complete_every_failing(candidates, fitting, complete, best_key) -> None:
    for position in range(fitting, len(candidates)):
        if not candidates[position].complete:
            complete(position)


def test_pruned_checks_keep_what_checking_every_product_keeps(monkeypatch):
    products = generate_catalogue(400)
    notices = generate_notices(150, products)
    pruned = Matcher(products)
    kept = _kept(pruned, notices)
    monkeypatch.setattr(engine, "complete_closest", _complete_every_failing)
    monkeypatch.setattr(engine, "_best_key", lambda pair: (-1,))  # ranks first: never skipped
    everything = Matcher(products)
    assert _kept(everything, notices) == kept
    assert pruned.stats.compliance_pairs < everything.stats.compliance_pairs  # the pruning was exercised
