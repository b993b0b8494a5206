"""Commercial proposal: prices, VAT from the rule set, total in words, DOCX read back."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from bids.company import Company
from bids.proposal import build_proposal
from bids.proposal_docx import write_docx
from bids.ruleset import load_rules

from .conftest import PROJECT


def test_catalogue_prices_vat_and_words(notice_of, products, company) -> None:
    notice = notice_of("auction_44")  # 20 switches × 1 050 000 + 30 APs × 160 000
    p = build_proposal(notice, products, company, load_rules(notice.published_at), today=date(2026, 2, 5))
    assert [(x.index, x.unit_price, x.total) for x in p.lines] == [
        (1, Decimal("1050000.00"), Decimal("21000000.00")),
        (2, Decimal("160000.00"), Decimal("4800000.00")),
    ]
    assert p.total == Decimal("25800000.00")
    assert p.vat == Decimal("4652459.02")  # 22 % included: 25 800 000 × 22 / 122 (2026 edition)
    assert "22 %" in p.vat_text
    assert p.total_words == "Двадцать пять миллионов восемьсот тысяч рублей 00 копеек"
    assert ("Гарантия", "по позициям: поз. 1 - 36 мес.; поз. 2 - 12 мес.") in p.terms
    same = build_proposal(notice, {1: products[1]}, company, load_rules(notice.published_at))
    assert ("Гарантия", "36 мес. (гарантия производителя и поставщика)") in same.terms


def test_vat_rate_follows_the_edition_and_product_rate(notice_of, products, company) -> None:
    notice = notice_of("auction_44")
    p2025 = build_proposal(notice, products, company, load_rules("2025-06-01"))
    assert p2025.vat == Decimal("4300000.00")  # 20 %: 25 800 000 × 20 / 120
    licence = products[2].model_copy(update={"vat_rate": "0"})
    mixed = build_proposal(notice, {1: products[1], 2: licence}, company, load_rules("2026-02-02"))
    assert mixed.vat == Decimal("3786885.25")  # 22 % of the switches only
    assert "без НДС" in mixed.vat_text


def test_price_scales_unit_prices(notice_of, products, company) -> None:
    notice = notice_of("auction_44")
    p = build_proposal(notice, products, company, load_rules("2026-02-02"), price=Decimal("21000000"))
    assert p.lines[0].unit_price == Decimal("854651.16")  # 1 050 000 × 21 / 25.8
    assert p.total == Decimal("21000000.00") and not p.warnings
    odd = build_proposal(notice, products, company, load_rules("2026-02-02"), price=Decimal("20999999.99"))
    assert odd.total == Decimal("20999999.99") == sum(x.total for x in odd.lines)


def test_not_a_vat_payer(notice_of, products, company) -> None:
    terms = company.terms.model_copy(update={"vat": "none", "vat_basis": "УСН, ст. 346.11 НК РФ"})
    simple = Company.model_validate({**company.model_dump(), "terms": terms.model_dump()})
    p = build_proposal(notice_of("auction_44"), products, simple, load_rules("2026-02-02"))
    assert p.vat is None and p.vat_text == "НДС не облагается: УСН, ст. 346.11 НК РФ"


def test_docx_reads_back(tmp_path: Path, notice_of, products, company) -> None:
    data = notice_of("auction_44").model_dump()
    data["customer"]["name"] = "ГБУ <script>alert(1)</script> {{ 7*7 }} {% raw %}\x0b"
    from store.schema import NoticeRecord

    notice = NoticeRecord.model_validate(data)
    p = build_proposal(notice, products, company, load_rules("2026-02-02"), today=date(2026, 2, 5))
    path = write_docx(p, tmp_path / "kp.docx")
    document = docx.Document(str(path))
    text = "\n".join(par.text for par in document.paragraphs)
    assert "ИНН 7719402618, КПП 771901001, ОГРН 1127746123450" in text
    assert "Кому: ГБУ <script>alert(1)</script> {{ 7*7 }} {% raw %}" in text
    assert "Сумма прописью: Двадцать пять миллионов восемьсот тысяч рублей 00 копеек." in text
    assert "ИКЗ 262770000000177000100100010010000244" in text
    table = document.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0][0] == "№" and rows[0][-1] == "Сумма, ₽"
    assert rows[1][:3] == ["1", "Коммутатор управляемый 24x1G PoE+", "СетьПром SP-2400P"]
    assert rows[1][5] == "РЭ-10234/25" and rows[1][7] == "20"
    assert rows[1][8] == "1\u00a0050\u00a0000,00" and rows[1][9] == "21\u00a0000\u00a0000,00"
    assert len(rows) == 3


def test_company_can_bring_its_own_docx_template(tmp_path: Path, notice_of, products, company) -> None:
    from docx import Document

    from bids.company import CompanyError, load_company
    from bids.proposal_docx import TEMPLATE

    custom = Document(str(TEMPLATE))
    custom.paragraphs[0].insert_paragraph_before("БЛАНК ООО «СЕТЬИНТЕГРАТОР» {{ date }}")
    custom.save(str(tmp_path / "blank.docx"))
    profile = (PROJECT / "demo" / "company.toml").read_text("utf-8")
    (tmp_path / "company.toml").write_text('proposal_template = "blank.docx"\n' + profile, "utf-8")
    own = load_company(tmp_path / "company.toml")
    p = build_proposal(notice_of("auction_44"), products, own, load_rules("2026-02-02"), today=date(2026, 2, 5))
    out = write_docx(p, tmp_path / "kp.docx", own.proposal_template)
    paragraphs = [par.text for par in docx.Document(str(out)).paragraphs]
    assert paragraphs[0] == "БЛАНК ООО «СЕТЬИНТЕГРАТОР» 05.02.2026"
    assert not any("{{" in t or "{%" in t for t in paragraphs)
    (tmp_path / "bad.toml").write_text('proposal_template = "missing.docx"\n' + profile, "utf-8")
    with pytest.raises(CompanyError, match="нет шаблона КП"):
        load_company(tmp_path / "bad.toml")
