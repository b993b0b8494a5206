"""Latin codes typed with Cyrillic look-alike letters in a requirement's values and names (issue 15, dev7): «Н.264»
(Cyrillic Н) against a card's «H.264» (dev7 7/1), «DDR5 ЕСС» (Cyrillic Е, С, С; dev7 105/1), «Тх/Rх» (Cyrillic Т, х;
dev7 6/2). Read as the code: an upper-case dotted code, a listed look-alike code (synonyms.json lookalike_codes), a
word slash-paired with a code typed in look-alikes too. Traps: «Н.265» is another codec than a card's «H.264»; a
card's plain DDR5 proves no ECC; Russian words of look-alike letters only (ТОР, СОМ, ВЕС, НЕТ, ОС, СОВ of «IPS/СОВ»)
stay Russian; «С13» is no C14; «категория 6А» is a category, «16А» a current. Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from matching.normalise import tokens
from matching.requirements import Requirement
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

CAM_264 = product("CAM-1", "Видеокамера IP 4 Мп", [("Кодеки", "H.265/H.264"), ("Разрешение", "2560×1440")])
CAM_265 = product("CAM-2", "Видеокамера IP 4 Мп", [("Кодеки", "H.265, MJPEG"), ("Разрешение", "2560×1440")])
SRV_ECC = product("SRV-1", "Сервер 2U", [("Оперативная память", "256 ГБ DDR5 ECC RDIMM")])
SRV_PLAIN = product("SRV-2", "Сервер 2U", [("Оперативная память", "256 ГБ DDR5")])
SHELF = Shelf(CAM_264, CAM_265, SRV_ECC, SRV_PLAIN)


def _values(name: str, values: list[str]) -> Requirement:
    ch = Characteristic(name=name, kind="values", values=values)
    (req,) = item_requirements(Item(index=1, name="Товар", characteristics=[ch]))
    return req


def test_a_cyrillic_dotted_codec_is_the_card_codec():
    assert tokens("Н.264") == tokens("H.264")  # Cyrillic Н
    req = _values("Поддерживаемые кодеки сжатия", ["Н.264"])
    assert SHELF.decide(req, CAM_264) == "yes"


def test_another_codec_in_look_alikes_is_not_met():
    # Trap: «Н.265» must not be met by a card with H.264 only, nor «Н.264» by one with H.265 only.
    assert tokens("Н.265") != tokens("H.264")
    assert SHELF.decide(_values("Поддерживаемые кодеки сжатия", ["Н.264"]), CAM_265) != "yes"


def test_cyrillic_ecc_is_ecc():
    assert tokens("DDR5 ЕСС") == tokens("DDR5 ECC")  # Cyrillic Е, С, С
    req = _values("Тип оперативной памяти", ["DDR5 ЕСС"])
    assert SHELF.decide(req, SRV_ECC) == "yes"
    assert SHELF.decide(req, SRV_PLAIN) != "yes"  # Trap: DDR5 alone proves no ECC


def test_a_slash_pair_typed_in_look_alikes_is_latin():
    assert tokens("Длина волны Тх/Rх") == tokens("Длина волны Tx/Rx")  # Cyrillic Т, х
    assert tokens("ТСР/IР") == tokens("TCP/IP")


def test_russian_words_of_look_alike_letters_stay_russian():
    for word in ("ТОР", "СОМ", "ВЕС", "НЕТ", "ОС", "ТВ", "ВА"):
        assert tokens(word) == tokens(word.lower()), word
    # A pure Latin partner says nothing: «СОВ» (intrusion prevention) of «IPS/СОВ» and «ТВ/FM» stay Russian.
    assert "сов" in tokens("IPS/СОВ")
    assert "тв" in tokens("ТВ/FM")
    assert tokens("НЕТ") == ("нет",)


def test_codes_with_digits_keep_their_readings():
    assert tokens("С13") == tokens("C13") != tokens("C14")
    assert tokens("категория 6А") == tokens("категория 6A")
    assert tokens("16А") != tokens("16A")
    assert tokens("IР65") == tokens("IP65")
    assert tokens("2560х1440") == tokens("2560x1440")
    assert tokens("А4") == tokens("A4")
