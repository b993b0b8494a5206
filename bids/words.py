"""Russian words in bid documents: amounts in words (num2words), agreement with numbers and case (pymorphy3),
units after numbers, "г. Владивосток"-style place abbreviations."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import pymorphy3
from num2words import num2words

from matching import ru_format


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


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


def integer_in_words(n: int, feminine: bool = False) -> str:
    """``21`` -> "двадцать один"; ``feminine`` for feminine nouns ("одна", "две")."""
    if abs(n) >= 10**15:
        raise ValueError(f"слишком большое число: {n}")
    return str(num2words(n, lang="ru", gender="f" if feminine else "m"))


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


def unit_short(unit: str | None) -> str:
    """ "Штука" -> "шт."; a unit we do not know is kept as published (lower case, as after a number). No unit
    on a goods line means pieces."""
    return ru_format.unit_for(None, unit) or "шт."


_SIZE = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?=\s*(?:\"|″|”|''|дюйм|см|мм|м\b|кг|г\b|ГГц|ГБ|ТБ|Гбит|Мбит))")


def size_commas(text: str) -> str:
    """Decimal commas in sizes within a product name: 'Монитор 23.8" IPS' -> 'Монитор 23,8" IPS' (model numbers
    and standards such as "802.11ax" are left alone)."""
    return _SIZE.sub(r"\1,\2", text)


def format_decimal(value: Decimal) -> str:
    """``Decimal("23.80")`` -> "23,8"; grouped thousands with a no-break space."""
    return format(value.normalize(), ",f").replace(",", "\u00a0").replace(".", ",")


_PLACE = re.compile(r"(?<![\w.])(г|гор|пос|с|д|ул|пр-кт|пер|обл|р-н|д|корп|стр|пом)(?=\s+\S)", re.IGNORECASE)
_PLACE_FIX = {"гор": "г", "пр-кт": "просп"}


def place_text(text: str | None) -> str:
    """FIAS-style abbreviations: "г Владивосток, ул Светланская" -> "г. Владивосток, ул. Светланская"."""
    if not text:
        return ""

    def fix(match: re.Match[str]) -> str:
        word = match.group(1)
        return _PLACE_FIX.get(word.lower(), word) + "."

    return _PLACE.sub(fix, text)


def _nominative(word: str) -> pymorphy3.analyzer.Parse | None:
    """The word's nominative noun/adjective/participle reading, if it has one."""
    for parse in _morph().parse(word):
        if parse.tag.POS in ("NOUN", "ADJF", "PRTF") and "nomn" in parse.tag:
            return parse
    return None


def genitive_plural(phrase: str) -> str:
    """ "Ноутбук" -> "ноутбуков", "Точка доступа" -> "точек доступа", "Компьютер персональный настольный" ->
    "компьютеров персональных настольных": a noun phrase as the object of "Поставка ...". The head noun, the
    adjectives before it and the nominative adjectives/participles right after it are inflected; the rest is kept."""
    out: list[str] = []
    words = phrase.split()
    head_seen = False
    for position, word in enumerate(words):
        core = word.rstrip(",;:")
        parse = _nominative(core) if core.isalpha() else None
        if parse is None or (head_seen and parse.tag.POS == "NOUN"):
            out.extend(words[position:])
            break
        form = parse.inflect({"gent", "plur"})
        out.append((form.word if form else core.lower()) + word[len(core) :])
        head_seen = head_seen or parse.tag.POS == "NOUN"
    return " ".join(out)


def quantity_text(value: str, unit: str | None) -> str:
    """ "23.8", "дюйм" -> "23,8 дюйма"; "5", "штука" -> "5 шт."; the unit agrees with the number (pymorphy3)."""
    try:
        number = Decimal(value.strip().replace(",", "."))
    except ArithmeticError:  # a text value ("есть", "IPS") is shown as published
        return f"{value} {unit or ''}".strip()
    return ru_format.quantity(number.normalize() if number == number.to_integral() else number, unit)
