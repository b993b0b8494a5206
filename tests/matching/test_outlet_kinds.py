"""Outlets counted by kind in one value ("IEC C13 × 4, Schuko × 2"): a count naming only the outlets counts them
all, a count of one Latin kind counts that kind, any other word may pick some and is left to the specialist
(issue 15: a false "yes" costs a bid). Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card, spec_card
from matching.compliance import check
from matching.ranges import check_range
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, ProductSpec
from tests.matching.conftest import product

UPS = product("UPS-3", "ИБП 3000 ВА", [("Розетки", "IEC C13 × 8"), ("Полная мощность", 3000, "ВА")])
MIXED = product("UPS-M", "ИБП 1500 ВА", [("Розетки", "IEC C13 × 4, Schuko × 2"), ("Полная мощность", 1500, "ВА")])
PORTS = product("NB-1", "Ноутбук", [("USB", "2 × USB 3.0, 1 × USB-C"), ("Вес", 1.4, "кг")])
CARDS = {p.sku: product_card(p) for p in (UPS, MIXED, PORTS)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card, name: str, **bounds: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="шт", **bounds))
    return check(req, CARDS[card.sku], VOCAB).status


def test_output_outlets_are_the_cards_outlets_counted_whole():
    assert decide(UPS, "Количество выходных розеток", min="6") == "yes"
    assert decide(UPS, "Количество выходных розеток", min="10") == "no"
    # All outlets are six: the value's first count (4) neither meets «не менее 6» nor «не более 4».
    assert decide(MIXED, "Количество выходных розеток", min="6") == "yes"
    assert decide(MIXED, "Количество выходных розеток", max="4") == "no"


def test_a_count_of_one_latin_kind_counts_that_kind():
    assert decide(MIXED, "Количество выходных розеток Schuko", min="2") == "yes"
    assert decide(MIXED, "Количество выходных розеток IEC C13", min="4") == "yes"
    assert decide(MIXED, "Количество выходных розеток Schuko", min="4") == "no"
    # A kind the value does not list: the card's outlets are all of other kinds.
    assert decide(UPS, "Количество выходных розеток Schuko", min="1") == "no"
    # Partly the listed kind, by its codes («IEC C19» against «IEC C13»), but a rival socket class: none of them.
    assert decide(UPS, "Количество выходных розеток IEC C19", min="1") == "no"


def test_a_word_that_may_pick_some_of_them_is_for_the_specialist():
    # Decided on the counting spec itself, whatever the name alignment would have chosen.
    outlets = spec_card(ProductSpec(name="Розетки", value="IEC C13 × 4, Schuko × 2"))
    ports = spec_card(ProductSpec(name="USB", value="2 × USB 3.0, 1 × USB-C"))

    def on(spec, name: str, **bounds: str) -> str:
        (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="шт", **bounds))
        return check_range(req, spec)[0]

    assert on(outlets, "Количество выходных розеток", min="6") == "yes"
    assert on(outlets, "Количество розеток евростандарта", min="6") == "unknown"
    assert on(outlets, "Количество розеток с заземлением", min="6") == "unknown"
    assert on(ports, "Количество портов USB 3.0", min="3") == "unknown"  # two of the three are USB 3.0


def test_the_standards_number_in_a_kind_is_part_of_the_code():
    # «IEC 320 С13» (a Cyrillic С) is the C13 the value counts, not a thing «320».
    assert decide(UPS, "Количество выходных розеток IEC 320 С13", min="6") == "yes"
    assert decide(MIXED, "Количество выходных розеток IEC 320 C13", min="6") == "no"
    assert decide(UPS, "Количество выходных розеток IEC 320 C19", min="1") != "yes"


def test_a_kind_written_otherwise_is_the_same_socket_class():
    # «CEE 7/4 (Schuko)» is the value's «Schuko»: the socket classes say so where the codes differ.
    assert decide(MIXED, "Количество розеток CEE 7/4 (Schuko)", min="2") == "yes"
    assert decide(MIXED, "Количество розеток CEE 7/4 (Schuko)", min="3") == "no"
    assert decide(UPS, "Количество розеток CEE 7/4 (Schuko)", min="1") == "no"
    # A kind no socket class knows («IEC C21») keeps the specialist's check.
    assert decide(UPS, "Количество розеток IEC C21", min="1") == "unknown"
