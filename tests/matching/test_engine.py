"""Scoring and notice relevance against the demo catalogue."""

from __future__ import annotations

from matching.engine import Matcher
from store.schema import NoticeRecord
from tests.matching.conftest import product


def notice(number: str, *items: dict, nmck: str | None = None) -> NoticeRecord:
    return NoticeRecord(
        source="test", number=number, nmck=nmck,
        items=[{"index": i, "quantity": "1", **it} for i, it in enumerate(items, start=1)],
    )  # fmt: skip


SWITCH_LINE = {
    "name": "Коммутатор управляемый",
    "okpd2": "26.30.11.110",
    "unit_price": "120000",
    "sum": "120000",
    "characteristics": [
        {"name": "Количество портов 10/100/1000 Base-T", "kind": "range", "min": "24", "min_inclusive": True},
        {"name": "Поддержка PoE+", "kind": "values", "values": ["Да"]},
        {"name": "Бюджет PoE", "kind": "range", "min": "370", "min_inclusive": True, "unit": "Вт"},
    ],
}


def test_compliant_variant_ranks_above_close_variant(demo_matcher):
    result = demo_matcher.match_notice(notice("N1", SWITCH_LINE))
    best, *rest = result.items[0].candidates
    assert best.compliant == "yes" and best.sku in {"ELX-MES2324P", "QT-QSW-3750-28T-POE", "SNR-S2985G-24TC-POE"}
    non_poe = next(c for c in rest if c.sku == "ELX-MES2324")
    assert non_poe.compliant == "no" and "Бюджет PoE" in non_poe.failed and non_poe.score < best.score
    assert result.relevant and result.score > 50
    parts = best.explanation
    assert {"name_similarity", "code_agreement", "compliance_share", "price_fit", "requirements"} <= set(parts)


def test_misleading_words_find_nothing(demo_matcher):
    for name in ("Стол сервировочный", "Услуги по организации маршрута автобуса", "Сумка для ноутбука",
                 "Кабель силовой ВВГнг-LS 3х2,5"):  # fmt: skip
        result = demo_matcher.match_notice(notice("X", {"name": name, "sum": "1000"}))
        assert not result.relevant
        assert not result.items[0].candidates, name


def test_national_regime_ban_excludes_foreign_products():
    matcher = Matcher([
        product("RU-1", "Монитор 27 IPS", [("Диагональ экрана", 27, "дюйм")], price="20000"),
        product("CN-1", "Монитор 27 IPS", [("Диагональ экрана", 27, "дюйм")], price="15000", country="Китай"),
    ])  # fmt: skip
    line = {"name": "Монитор", "sum": "25000", "characteristics": [
        {"name": "Размер диагонали", "kind": "range", "min": "27", "unit": "Дюйм (25,4 мм)"}]}  # fmt: skip
    banned = matcher.match_notice(notice("B", {**line, "national_regime": "ban"})).items[0].candidates
    assert banned[0].sku == "RU-1"
    foreign = next(c for c in banned if c.sku == "CN-1")
    assert foreign.compliant == "no" and any("Национальный режим" in f for f in foreign.failed)
    free = matcher.match_notice(notice("F", line)).items[0].candidates
    assert free[0].sku == "CN-1"  # cheaper, no regime: the foreign one is fine


def test_near_miss_is_not_relevant_and_shows_the_closest(demo_matcher):
    line = {"name": "Ноутбук", "sum": "600000", "characteristics": [
        {"name": "Объем оперативной памяти", "kind": "range", "min": "64", "unit": "Гигабайт"}]}  # fmt: skip
    result = demo_matcher.match_notice(notice("NM", line))
    assert not result.relevant
    assert result.items[0].candidates[0].sku == "GRV-N16I-T"  # 32 GB: the closest


def test_price_over_the_line_budget_is_not_a_fit(demo_matcher):
    cheap = demo_matcher.match_notice(notice("P1", {**SWITCH_LINE, "sum": "120000"}))
    dear = demo_matcher.match_notice(notice("P2", {**SWITCH_LINE, "unit_price": "20000", "sum": "20000"}))
    assert cheap.relevant and not dear.relevant
    assert "price" in dear.explanation["lines"][0]


def test_results_do_not_depend_on_the_batch(demo_matcher):
    one = notice("A", SWITCH_LINE)
    other = notice("B", {"name": "Ноутбук 15,6", "sum": "80000"}, {"name": "МФУ", "sum": "60000"})
    alone = demo_matcher.match_notice(one).rows()
    together = demo_matcher.match_many([other, one])[1].rows()
    assert alone == together


def test_blocking_compares_far_fewer_pairs_than_the_cross_product(demo_products):
    matcher = Matcher(demo_products)
    notices = [notice(f"N{i}", SWITCH_LINE, {"name": "Ноутбук", "sum": "1"}, {"name": "ИБП 3 кВА", "sum": "1"})
               for i in range(5)]  # fmt: skip
    matcher.match_many(notices)
    assert matcher.stats.name_pairs * 4 < matcher.stats.lines * len(demo_products)


def test_sizes_in_the_line_name_count_when_they_can_be_checked(demo_matcher):
    ups = demo_matcher.match_notice(notice("U", {"name": "ИБП онлайн 10 кВА", "sum": "400000"})).items[0]
    assert {c.sku for c in ups.candidates[:2]} == {"IMP-STAYER-10K", "IPN-INNOVA-RT33-10K"}
    small = next(c for c in ups.candidates if c.sku == "IMP-YADRO-6K")
    assert small.compliant == "no" and small.failed == ["10 кВА (в наименовании)"]
    cable = demo_matcher.match_notice(notice("C", {"name": "Кабель витая пара UTP 5e 305 м", "sum": "9000"}))
    assert cable.items[0].candidates[0].compliant == "yes" and cable.relevant


def test_brand_names_a_product_only_when_nothing_else_does(demo_matcher):
    def skus(name: str) -> list[str]:
        return [
            c.sku for c in demo_matcher.match_notice(notice("B", {"name": name, "sum": "50000"})).items[0].candidates
        ]

    assert skus("Лицензия Astra Linux")[0] == "ASTRA-SE-1Y"
    assert skus("Eltex MES2324P")[0] == "ELX-MES2324P"
    assert skus("Аккумуляторная батарея Ippon 12V 9Ah") == []
    assert skus("Картридж HP 85A") == []
