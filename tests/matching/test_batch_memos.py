"""The matcher shares work between the lines of a batch (each distinct name compared with its block once, the
products a line's checks start from memoised by its name and codes, verdicts by requirement and product): lines
of one name that differ in codes, characteristics, price or national regime must get exactly the results they get
matched alone."""

from __future__ import annotations

from tests.matching.test_engine import SWITCH_LINE, notice

NAME = SWITCH_LINE["name"]
VARIANTS = [
    SWITCH_LINE,
    {**SWITCH_LINE, "okpd2": "26.20.15.000"},  # another class: the code agreement and the type gate differ
    {"name": NAME, "sum": "30000", "characteristics": [
        {"name": "Количество портов 10/100/1000 Base-T", "kind": "range", "min": "8", "min_inclusive": True}]},
    {**SWITCH_LINE, "unit_price": "20000", "sum": "20000", "national_regime": "ban"},
    {"name": NAME, "ktru": "26.30.11.110-00000041", "sum": "50000"},
]  # fmt: skip


def test_lines_of_one_name_get_in_a_batch_what_they_get_alone(demo_matcher):
    notices = [notice(f"V{i}", line) for i, line in enumerate(VARIANTS)]
    alone = [[(c.sku, c.score, c.compliant, c.failed, c.unknown, c.gap, c.reasons) for c in item.candidates]
             for n in notices for item in demo_matcher.match_notice(n).items]  # fmt: skip
    together = [[(c.sku, c.score, c.compliant, c.failed, c.unknown, c.gap, c.reasons) for c in item.candidates]
                for result in demo_matcher.match_many(notices) for item in result.items]  # fmt: skip
    assert together == alone
    assert len({tuple(c[:3] for c in line) for line in alone}) == len(VARIANTS)  # the variants differ alone
