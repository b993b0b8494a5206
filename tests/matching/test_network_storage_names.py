"""«Сетевой накопитель» is a NAS, not a drive (issue 15, dev8 7/1: «Сетевой накопитель NAS» gated a NAS out as «другой
тип товара: в позиции — накопитель»; `synonyms.json` group «nas»). A drive line stays a drive's."""

from __future__ import annotations

from matching.normalise import tokens
from matching.typegate import line_types


def test_a_network_drive_is_a_nas():
    assert "nas" in tokens("Сетевой накопитель NAS на 4 диска")
    assert "накопитель" not in line_types("Сетевой накопитель NAS")


def test_a_plain_drive_is_no_nas():
    assert "nas" not in tokens("Накопитель SSD 512 ГБ")
    assert "nas" not in tokens("Внешний накопитель HDD 2 ТБ")
