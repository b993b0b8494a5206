"""Amounts in Russian words for commercial proposals ("Сто рублей 51 копейка")."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_UNITS_M = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
_UNITS_F = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
_TEENS = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
_TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"]
_HUNDREDS = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"]
# (forms for 1 / 2-4 / 5+, feminine?) per power of a thousand
_SCALES = [
    (("", "", ""), False),
    (("тысяча", "тысячи", "тысяч"), True),
    (("миллион", "миллиона", "миллионов"), False),
    (("миллиард", "миллиарда", "миллиардов"), False),
    (("триллион", "триллиона", "триллионов"), False),
]


def plural(n: int, forms: tuple[str, str, str]) -> str:
    """Russian plural form for ``n``: (1 рубль, 2 рубля, 5 рублей)."""
    n = abs(n) % 100
    if 11 <= n <= 19:
        return forms[2]
    last = n % 10
    if last == 1:
        return forms[0]
    if 2 <= last <= 4:
        return forms[1]
    return forms[2]


def _triad(n: int, feminine: bool) -> list[str]:
    words = [_HUNDREDS[n // 100]]
    rest = n % 100
    if 10 <= rest <= 19:
        words.append(_TEENS[rest - 10])
    else:
        words.append(_TENS[rest // 10])
        words.append((_UNITS_F if feminine else _UNITS_M)[rest % 10])
    return [w for w in words if w]


def integer_in_words(n: int, feminine: bool = False) -> str:
    """``21`` -> "двадцать один"; ``feminine`` for feminine nouns ("одна", "две")."""
    if n < 0:
        return "минус " + integer_in_words(-n, feminine)
    if n == 0:
        return "ноль"
    if n >= 1000 ** len(_SCALES):
        raise ValueError(f"слишком большое число: {n}")
    parts: list[str] = []
    for power in range(len(_SCALES) - 1, -1, -1):
        triad = (n // 1000**power) % 1000
        if not triad:
            continue
        forms, scale_feminine = _SCALES[power]
        parts.extend(_triad(triad, feminine if power == 0 else scale_feminine))
        if power:
            parts.append(plural(triad, forms))
    return " ".join(parts)


def rubles_in_words(amount: Decimal) -> str:
    """``Decimal("100250.51")`` -> "Сто тысяч двести пятьдесят рублей 51 копейка"."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if amount < 0:
        raise ValueError("сумма прописью не может быть отрицательной")
    rubles = int(amount)
    kopecks = int((amount - rubles) * 100)
    text = (
        f"{integer_in_words(rubles)} {plural(rubles, ('рубль', 'рубля', 'рублей'))} "
        f"{kopecks:02d} {plural(kopecks, ('копейка', 'копейки', 'копеек'))}"
    )
    return text[0].upper() + text[1:]
