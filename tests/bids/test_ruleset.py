"""Rule sets: edition chosen by publication date, extends/merge, errors, thresholds changed without code."""

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bids.guarantee import build_guarantee_checklist
from bids.ruleset import RULES_DIR, RuleError, load_rules


def test_edition_is_picked_by_publication_date() -> None:
    assert load_rules("2025-10-17T08:22:39.752+03:00").effective_from == date(2022, 1, 1)
    newer = load_rules("2026-01-01T00:00:00+03:00")
    assert newer.effective_from == date(2026, 1, 1)
    assert [f.path.name for f in newer.files] == ["2022-01-01.toml", "2026-01-01.toml"]
    # merged: the 2026 edition overrides one key and keeps the rest of the base section
    assert newer.value("anti_dumping_44", "requires_contract_security") is True
    assert newer.dec("anti_dumping_44", "multiplier") == Decimal("1.5")
    assert load_rules("2025-12-31").value("anti_dumping_44", "requires_contract_security") is False


def test_older_notice_falls_back_with_a_warning() -> None:
    rules = load_rules("2019-05-01")
    assert rules.fallback and rules.effective_from == date(2022, 1, 1)
    assert "раньше самой ранней редакции" in rules.warnings[0]


def test_every_rule_cites_an_article_and_a_confidence() -> None:
    rules = load_rules("2026-06-01")
    entries = []
    for name, section in rules.data.items():
        if name == "procedures":
            continue
        if isinstance(section, list):
            entries += [(name, x) for x in section]
        elif isinstance(section, dict) and all(
            isinstance(v, list) and v and isinstance(v[0], dict) for v in section.values()
        ):
            entries += [(f"{name}.{k}", x) for k, v in section.items() for x in v]
        elif isinstance(section, dict):
            entries.append((name, section))
    assert len(entries) > 60
    for name, rule in entries:
        if name == "bank_documents":
            continue  # one citation for the list: [bank_documents_meta]
        assert any(k.startswith("article") and rule[k] for k in rule), name
        assert rule.get("confidence") in ("A", "B", "C"), name


def test_threshold_change_in_a_rule_file_changes_output(tmp_path: Path, notice_of) -> None:
    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules_dir)
    notice = notice_of("auction_44")  # 1 % application security on NMCK 30 mln: inside 0.5-5 %
    before = build_guarantee_checklist(notice, load_rules(notice.published_at, rules_dir))
    assert before.securities[0].in_range is True
    base = rules_dir / "2022-01-01.toml"
    text = base.read_text("utf-8")
    assert 'percent_min = "0.5"\npercent_max = "5"' in text
    base.write_text(
        text.replace('percent_min = "0.5"\npercent_max = "5"', 'percent_min = "2"\npercent_max = "5"'), "utf-8"
    )
    after = build_guarantee_checklist(notice, load_rules(notice.published_at, rules_dir))
    assert after.securities[0].in_range is False
    assert after.securities[0].range_min == Decimal("600000.00")
    # anti-dumping multiplier from the 2026 edition file
    new = rules_dir / "2026-01-01.toml"
    new.write_text(
        new.read_text("utf-8").replace(
            "requires_contract_security = true", 'requires_contract_security = true\nmultiplier = "2"'
        ),
        "utf-8",
    )
    dumping = build_guarantee_checklist(
        notice, load_rules(notice.published_at, rules_dir), price=Decimal("21000000")
    ).anti_dumping
    assert dumping.enlarged_amount == Decimal("6000000.00")


def test_new_edition_file_takes_over_from_its_date(tmp_path: Path, notice_of) -> None:
    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules_dir)
    (rules_dir / "2026-02-01.toml").write_text(
        'effective_from = 2026-02-01\nextends = "2026-01-01.toml"\n[money]\nrounding = "ROUND_CEILING"\n', "utf-8"
    )
    notice = notice_of("contest_44")  # published 02.02.2026
    rules = load_rules(notice.published_at, rules_dir)
    assert rules.files[-1].path.name == "2026-02-01.toml"
    from bids.money import percent_of

    assert percent_of(Decimal("388050008.20"), Decimal("0.5"), rules) == Decimal("1940250.05")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title = 'no date'\n", "effective_from"),
        ("effective_from = 2026-03-01\nextends = 'missing.toml'\n", "нет файла правил"),
        ("effective_from = 2026-03-01\n[money\n", "файл правил"),
    ],
)
def test_broken_rule_files_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    (tmp_path / "rules" / "2026-03-01.toml").write_text(content, "utf-8")
    with pytest.raises(RuleError, match=message):
        load_rules("2026-04-01", tmp_path / "rules")


def test_missing_rule_is_a_clear_error(tmp_path: Path, notice_of) -> None:
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    (rules_dir / "2022-01-01.toml").write_text("effective_from = 2022-01-01\n", "utf-8")
    with pytest.raises(RuleError, match="procedures"):
        build_guarantee_checklist(notice_of("auction_44"), load_rules("2026-01-01", rules_dir))
