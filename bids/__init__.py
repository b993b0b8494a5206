"""Bid packages: from a chosen tender to a draft application and the bank guarantee checklist.

Entry point: :func:`bids.assembler.assemble_bid` (``tenderflow bid NUMBER --out DIR``). Legal thresholds live in
``bids/rules/*.toml`` (:mod:`bids.ruleset`); compliance verdicts come from ``matching`` (:mod:`bids.matching_adapter`).
"""
