"""A bound written in a text requirement with a unit holding a digit after its slash («не менее 300 кд/м2»): the unit
is read whole (the «2» was left in the name, «Яркость экрана 2», so no spec was found). A brightness in a mode
(«Яркость в режиме HDR», `alignment.json` `mode_qualifiers`) is not the card's plain «Яркость»."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

BRIGHT = product("MN-B", "Монитор 27\" IPS 4K HDR", [("Яркость", 350, "кд/м2"), ("HDR", "HDR10")])
DIM = product("MN-D", "Монитор 34\" VA", [("Яркость", 300, "кд/м2")])
SHELF = Shelf(BRIGHT, DIM)


def text_req(name: str, text: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="text", text=text))
    return req


def test_the_unit_after_the_slash_keeps_its_digit():
    req = text_req("Яркость", "не менее 300 кд/м2")
    assert (req.name, req.dimension) == ("Яркость", "luminance")
    assert SHELF.decide(req, BRIGHT) == "yes"


def test_a_dimmer_card_is_no():
    assert SHELF.decide(text_req("Яркость", "не менее 350 кд/м2"), DIM) == "no"


def test_a_brightness_in_hdr_mode_is_not_the_plain_brightness():
    assert SHELF.decide(text_req("Яркость в режиме HDR", "не менее 300 кд/м2"), BRIGHT) == "unknown"
