"""Application checklist per procedure type, with the national-regime documents the lines need."""

import pytest

from bids.checklist import build_checklist
from bids.guarantee import build_guarantee_checklist
from bids.ruleset import load_rules
from store.schema import NoticeRecord

from .conftest import PROCEDURES


def _checklist(notice, products):
    rules = load_rules(notice.published_at)
    securities = build_guarantee_checklist(notice, rules).securities
    return build_checklist(notice, products, securities, rules)


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_each_procedure_gets_its_own_list(procedure, notice_of, products) -> None:
    checklist = _checklist(notice_of(procedure), products)
    assert checklist.procedure == procedure
    texts = [x["text"] for x in checklist.items]
    assert texts and all(x["article"] for x in checklist.items)
    expected = {
        "auction_44": "Ценовое предложение в заявку не входит",
        "contest_44": "Предложение по критериям ст. 32",
        "quotation_44": "Ценовое предложение (цена контракта",
        "generic_223": "Состав заявки - по документации заказчика",
        "sme_223": "Требовать иные документы запрещено",
    }[procedure]
    assert any(t.startswith(expected) for t in texts)
    assert checklist.has_parts is (procedure == "contest_44")


def test_unconfirmed_223_items_are_marked(notice_of, products) -> None:
    items = _checklist(notice_of("generic_223"), products).items
    assert any(x["unconfirmed"] for x in items)
    assert not any(x["unconfirmed"] for x in _checklist(notice_of("auction_44"), products).items)


def test_national_regime_per_line(notice_of, products) -> None:
    checklist = _checklist(notice_of("auction_44"), products)
    switch, access_point = checklist.lines
    assert switch.regime == "restriction" and not switch.flag
    assert any("реестре российской промышленной продукции" in d["text"] for d in switch.documents)
    assert "нет номера реестровой записи" in access_point.flag  # foreign AP without a registry entry
    assert any("без них товар считается иностранным" in x["text"] for x in checklist.items)
    assert any(w.startswith("Позиция 2:") for w in checklist.warnings)


def test_software_under_ban_needs_the_software_registry(notice_of, products) -> None:
    data = notice_of("auction_44").model_dump()
    data["items"][1].update(okpd2="58.29.32.000", national_regime="ban", name="Лицензия на ПО")
    checklist = _checklist(NoticeRecord.model_validate(data), products)
    line = checklist.lines[1]
    assert line.software and line.regime_label == "запрет (ПО)"
    assert any("реестре российского ПО" in d["text"] for d in line.documents)
    assert "заявку отклонят" in line.flag


def test_unknown_procedure_is_reported(notice_of, products) -> None:
    data = notice_of("auction_44").model_dump()
    data.update(procedure="Закупка у единственного поставщика", procedure_code="EP44")
    checklist = _checklist(NoticeRecord.model_validate(data), products)
    assert checklist.procedure is None and checklist.items == []  # the lines still list their documents
    assert "не распознана" in checklist.warnings[0]


def test_smp_only_procurement_and_a_non_smp_company(notice_of, products, company) -> None:
    notice = notice_of("sme_223")
    rules = load_rules(notice.published_at)
    securities = build_guarantee_checklist(notice, rules).securities
    big = company.model_copy(update={"smp": False})
    assert any("не отмечена как СМП" in w for w in build_checklist(notice, products, securities, rules, big).warnings)
    assert not any("СМП" in w for w in build_checklist(notice, products, securities, rules, company).warnings)


def test_foreign_product_with_a_registry_number_is_still_flagged(notice_of, products) -> None:
    foreign = products[1].model_copy(update={"country": "Китай"})
    eaeu = products[1].model_copy(update={"country": "Беларусь"})
    notice = notice_of("auction_44")
    assert "страна происхождения «Китай»" in _checklist(notice, {1: foreign}).lines[0].flag
    assert _checklist(notice, {1: eaeu}).lines[0].flag == ""  # EAEU origin counts as domestic here
