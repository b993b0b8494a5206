"""Fixed-place numbers (money) are written by Python's grouping with the locale's symbols, not by babel's
formatter: they must read exactly as babel writes them."""

import random
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

from matching import ru_format


def _babel(value: Decimal, places: int) -> str:
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=ru_format._LOCALE)


def test_fixed_places_read_as_babel_writes_them():
    rnd = random.Random(16)
    values = [Decimal(v) for v in ("0", "-0", "-0.004", "0.005", "999.995", "-999.995", "1E+3", "1000000")]
    for _ in range(5000):
        magnitude = rnd.choice([1, 10, 1_000, 10**6, 10**9, 10**13, 10**18])
        values.append(Decimal(str(round(rnd.uniform(-magnitude, magnitude), rnd.randint(0, 6)))))
    for value in values:
        for places in (0, 1, 2, 3):
            rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            expected = _babel(abs(rounded) if rounded == 0 else rounded, places)
            assert ru_format.number(value, places) == expected, (value, places)


def test_money_reads_in_russian():
    assert ru_format.money(Decimal("-1234567.891")) == "-1\u00a0234\u00a0567,89\u00a0₽"
    assert ru_format.money(Decimal("-0.001")) == "0,00\u00a0₽"
