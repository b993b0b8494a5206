"""UPS topology (`value_classes.json` `ups_topology`, `read_in_names`): «On-Line (или эквивалент)» is the card's
«с двойным преобразованием» and the other way round, and a topology in a UPS line's name («ИБП
линейно-интерактивный 1,5 кВА») is a requirement: a double-conversion UPS was "yes" for it."""

from __future__ import annotations

from matching.compliance import check, overall
from matching.namegrammar import item_requirements, name_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

ONLINE = product(
    "UPS-3K", "ИБП онлайн 3 кВА", [("Топология", "с двойным преобразованием"), ("Полная мощность", 3000, "ВА")]
)
INTERACTIVE = product(
    "UPS-1500", "ИБП 1500 ВА", [("Топология", "линейно-интерактивный"), ("Полная мощность", 1500, "ВА")]
)
PANEL = product("IP-65", "Интерактивная панель 65\"", [("Диагональ экрана", 65, "дюйм")])
SHELF = Shelf(ONLINE, INTERACTIVE, PANEL)


def name_verdict(name: str, sku: str) -> str:
    return overall([check(r, SHELF.cards[sku], SHELF.vocab) for r in name_requirements(name)])


def topology_verdict(value: str, sku: str) -> str:
    # «Топология ИБП» of a UPS line is the card's «Топология» (`alignment.json` paraphrases of «ибп»).
    asked = Characteristic(name="Топология ИБП", kind="values", values=[value])
    line = Item(index=1, name="ИБП", characteristics=[asked])
    (req,) = item_requirements(line)
    return check(req, SHELF.cards[sku], SHELF.vocab).status


def test_a_line_interactive_name_is_not_met_by_double_conversion():
    assert name_verdict("ИБП линейно-интерактивный 1,5 кВА", "UPS-3K") == "no"


def test_a_line_interactive_card_meets_its_name():
    assert name_verdict("ИБП линейно-интерактивный 1,5 кВА", "UPS-1500") == "yes"
    assert name_verdict("Источник бесперебойного питания On-Line 3 кВА", "UPS-3K") == "yes"


def test_an_interactive_panel_asks_no_topology():
    assert not [r for r in name_requirements("Интерактивная панель 65\"") if r.kind == "values"]


def test_on_line_is_double_conversion():
    assert topology_verdict("On-Line (или эквивалент)", "UPS-3K") == "yes"
    assert topology_verdict("On-Line (или эквивалент)", "UPS-1500") == "no"
