"""Issue 18 defects in what the customer and the bank read: the compliance table's offered values, VAT by the
shipment date, the proposal total, Russian forms (agreement, places, units, decimal commas), nothing internal,
DOCX metadata; issue 19 п. 11: a passed deadline or a non-compliant line is said at the top, never a CLI hint."""

import json
import re
import zipfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from bids.assembler import assemble_bid
from bids.compliance_table import build_rows, offered_value
from bids.money import format_money
from bids.proposal import build_proposal, spec_row
from bids.ruleset import load_rules
from bids.securities import anti_dumping, contract_security
from bids.words import genitive_plural, place_text, quantity_text, size_commas, unit_short
from store.schema import Characteristic, NoticeRecord, ProductSpec

FIXED = "Значение характеристики не может изменяться участником закупки"
RULES = load_rules("2026-02-02")
INTERNAL = re.compile(r"RULES\.md|\.toml|\(44-FZ\)|\(223-FZ\)|--price|--line|python-docx")


def test_fixed_characteristic_offers_the_products_own_value_when_it_does_not_comply() -> None:
    ch = Characteristic(name="Поддержка PoE+", kind="values", values=["Да"], fill_instruction=FIXED)
    value, notes = offered_value(ch, "no", ProductSpec(name="PoE+", value="Нет"), None)
    assert value == "Нет" and notes
    assert offered_value(ch, "yes", ProductSpec(name="PoE+", value="Да"), None) == ("Да", [])


def test_non_compliant_row_is_flagged_and_the_package_is_not_ready(notice_of, products, tmp_path, company) -> None:
    notice = notice_of("auction_44")
    verdicts = lambda ch, product: ("no", "не соответствует", None)  # noqa: E731
    rows = build_rows(notice, products, verdicts)
    assert all(r.flagged for r in rows)
    folder = assemble_bid(
        notice, products, tmp_path, company=company, compliance=verdicts, now=datetime(2026, 2, 3, tzinfo=UTC)
    )
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["ready"] is False and any("Позиции 1, 2" in b for b in manifest["blocking"])
    top = (folder / "chek-list-zayavki.html").read_text("utf-8").split("<h1>")[0]
    assert "Пакет не готов к подаче" in top


def test_passed_deadline_is_said_at_the_top(notice_of, products, recorded_compliance, tmp_path, company) -> None:
    notice = notice_of("auction_44")  # deadline 17.02.2026 09:00 MSK
    folder = assemble_bid(notice, products, tmp_path, company=company, compliance=recorded_compliance,
                          now=datetime(2026, 3, 1, tzinfo=UTC))  # fmt: skip
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["ready"] is False
    assert any("Срок подачи заявок истёк 17.02.2026 09:00 МСК" in b for b in manifest["blocking"])
    for name in ("chek-list-zayavki.html", "bankovskaya-garantiya.html", "tablica-sootvetstviya.html"):
        assert "Срок подачи заявок истёк" in (folder / name).read_text("utf-8").split("<h1>")[0]


def test_vat_follows_the_shipment_date_not_the_catalogue(notice_of, products, company) -> None:
    notice = notice_of("auction_44")
    twenty = {i: p.model_copy(update={"vat_rate": "20"}) for i, p in products.items()}
    rules_2025 = load_rules("2025-11-01")
    proposal = build_proposal(notice, twenty, company, rules_2025, vat_rules=load_rules("2026-06-30"))
    assert "НДС 22 %" in proposal.vat_text and "20 %" not in proposal.vat_text
    exempt = {1: products[1].model_copy(update={"vat_rate": "0"}), 2: products[2]}
    mixed = build_proposal(notice, exempt, company, RULES)
    assert "без НДС" in mixed.vat_text and "НДС 22 %" in mixed.vat_text


def test_total_equals_the_offer_after_rounding(notice_of, products, company) -> None:
    notice = notice_of("auction_44")
    for price in ("20999999.99", "21000000.01", "17777777.77"):
        proposal = build_proposal(notice, products, company, RULES, price=Decimal(price))
        assert proposal.total == Decimal(price) == sum(x.total for x in proposal.lines)
        assert not any("округления" in w for w in proposal.warnings)


def test_russian_forms() -> None:
    assert genitive_plural("Ноутбук") == "ноутбуков"
    assert genitive_plural("Точка доступа") == "точек доступа"
    assert genitive_plural("Источник бесперебойного питания") == "источников бесперебойного питания"
    assert place_text("г Владивосток, ул Светланская, д 5") == "г. Владивосток, ул. Светланская, д. 5"
    assert place_text("г. Москва") == "г. Москва"
    assert quantity_text("23.8", "дюйм") == "23,8\xa0дюйма" and quantity_text("5", "дюйм") == "5\xa0дюймов"
    assert quantity_text("1.75", "кг") == "1,75\xa0кг" and unit_short("Штука") == "шт."
    assert size_commas('Монитор 23.8" IPS, 802.11ax 2.4 ГГц') == 'Монитор 23,8" IPS, 802.11ax 2,4 ГГц'
    assert format_money(Decimal("298800")) == "298\u00a0800,00\u00a0₽"


def test_anti_dumping_text_uses_a_decimal_comma(notice_of) -> None:
    notice = notice_of("auction_44")
    contract = contract_security(notice, "auction_44", RULES, Decimal("21000000"))
    reason = anti_dumping(notice, "auction_44", contract, RULES, Decimal("21000000")).reason
    assert "1,5 ×" in reason and "1.5" not in reason


def test_proposal_row_and_place_in_russian_form(notice_of, products, company) -> None:
    data = notice_of("auction_44").model_dump()
    data["delivery_place"] = "г Владивосток, ул Светланская, д 5"
    proposal = build_proposal(NoticeRecord.model_validate(data), products, company, RULES)
    row = spec_row(proposal.lines[0])
    assert row[6] == "шт." and not re.search(r"\d\.\d", " ".join(row[7:]))
    assert dict(proposal.terms)["Место поставки"].startswith("г. Владивосток, ул. Светланская")


def _docx_text(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode(), archive.read("docProps/core.xml").decode()


@pytest.mark.parametrize("procedure", ["auction_44", "generic_223"])
def test_nothing_internal_in_user_documents(procedure, notice_of, products, recorded_compliance, tmp_path, company):
    data = notice_of(procedure).model_dump()
    data["smp_only"] = True
    notice = NoticeRecord.model_validate(data)
    folder = assemble_bid(notice, products, tmp_path, company=company, compliance=recorded_compliance)
    for name in ("kommercheskoe-predlozhenie.html", "chek-list-zayavki.html", "bankovskaya-garantiya.html",
                 "tablica-sootvetstviya.html"):  # fmt: skip
        text = (folder / name).read_text("utf-8")
        assert not INTERNAL.search(text), (name, INTERNAL.search(text))
    proposal_html = (folder / "kommercheskoe-predlozhenie.html").read_text("utf-8")
    assert 'class="warn"' not in proposal_html
    body, core = _docx_text(folder / "kommercheskoe-predlozhenie.docx")
    assert not INTERNAL.search(body) and "python-docx" not in core and "2013" not in core
    assert company.name.replace("«", "&#171;")[:10] in core or "ООО" in core
    assert f"{datetime.now(UTC):%Y-%m-%d}" in core and notice.number in core
