"""An asked value allowing an equivalent («Astra Linux Special Edition 1.7 или эквивалент») is met by a card naming
that very value and adding only its terms («Astra Linux Special Edition 1.7, бессрочная лицензия, предустановлена»;
dev4: «не совпадает дословно»), `value_classes.json` `equivalent_tails`. Another edition or a lower version is no
proof: the equivalence is the specialist's to judge."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

ASTRA = product(
    "PC-A",
    "Системный блок",
    [("Операционная система", "Astra Linux Special Edition 1.7, бессрочная лицензия, предустановлена")],
)
OLD = product("PC-O", "Системный блок", [("Операционная система", "Astra Linux Special Edition 1.6, предустановлена")])
HOME = product("PC-H", "Системный блок", [("Операционная система", "Windows 11 Home, предустановлена")])
SHELF = Shelf(ASTRA, OLD, HOME)


def asked(value: str):
    (req,) = from_characteristic(Characteristic(name="Операционная система", kind="values", values=[value]))
    return req


def test_the_named_value_meets_its_equivalent_clause():
    assert SHELF.decide(asked("Astra Linux Special Edition 1.7 или эквивалент"), ASTRA) == "yes"
    assert SHELF.decide(asked("Windows 11 Home (или аналог)"), HOME) == "yes"


def test_another_edition_or_a_lower_version_is_no_proof():
    # traps: the equivalence is not proven by the words the values share
    assert SHELF.decide(asked("Astra Linux Special Edition 1.7 или эквивалент"), OLD) != "yes"
    assert SHELF.decide(asked("Windows 11 Pro или эквивалент"), HOME) != "yes"
    assert SHELF.decide(asked("Astra Linux Special Edition 1.7 или эквивалент"), HOME) != "yes"


LITE = product("SW-L", "Коммутатор", [("Уровень коммутатора", "L3 Lite")])
FULL = product("SW-F", "Коммутатор", [("Уровень коммутатора", "L3, статическая и динамическая маршрутизация")])
SHELF2 = Shelf(LITE, FULL)


def test_the_first_clause_must_be_the_value_itself():
    (level,) = from_characteristic(
        Characteristic(name="Уровень коммутатора", kind="values", values=["L3 или эквивалент"])
    )
    assert SHELF2.decide(level, FULL) == "yes"
    assert SHELF2.decide(level, LITE) != "yes"  # trap: «L3 Lite» shares the word, not the value
