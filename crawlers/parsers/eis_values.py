"""Value conversions shared by the EIS parsers (44-FZ current and legacy, 223-FZ).

Money and quantities stay decimal strings, timestamps keep their published offset, unknown is None
(contract 4.1). Regions are derived from tax codes: the first two digits of a KPP (where the
organisation is registered) or, failing that, of an INN are the code of the federal subject.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from store.schema import to_decimal_str

MOSCOW = ZoneInfo("Europe/Moscow")
"""EIS 223-FZ timestamps without an offset are Moscow time (the EIS server time)."""

_DATE_WITH_OFFSET = re.compile(r"^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})$")
_SPACES = re.compile(r"\s+")
_PLAIN_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?\Z")

# Codes of the federal subjects as used in INN / KPP (tax authority codes). Codes of merged subjects
# (80-82, 84, 85, 88) map to their successors.
REGIONS: dict[str, str] = {
    "01": "Республика Адыгея", "02": "Республика Башкортостан", "03": "Республика Бурятия",
    "04": "Республика Алтай", "05": "Республика Дагестан", "06": "Республика Ингушетия",
    "07": "Кабардино-Балкарская Республика", "08": "Республика Калмыкия",
    "09": "Карачаево-Черкесская Республика", "10": "Республика Карелия", "11": "Республика Коми",
    "12": "Республика Марий Эл", "13": "Республика Мордовия", "14": "Республика Саха (Якутия)",
    "15": "Республика Северная Осетия — Алания", "16": "Республика Татарстан", "17": "Республика Тыва",
    "18": "Удмуртская Республика", "19": "Республика Хакасия", "20": "Чеченская Республика",
    "21": "Чувашская Республика", "22": "Алтайский край", "23": "Краснодарский край",
    "24": "Красноярский край", "25": "Приморский край", "26": "Ставропольский край",
    "27": "Хабаровский край", "28": "Амурская область", "29": "Архангельская область",
    "30": "Астраханская область", "31": "Белгородская область", "32": "Брянская область",
    "33": "Владимирская область", "34": "Волгоградская область", "35": "Вологодская область",
    "36": "Воронежская область", "37": "Ивановская область", "38": "Иркутская область",
    "39": "Калининградская область", "40": "Калужская область", "41": "Камчатский край",
    "42": "Кемеровская область — Кузбасс", "43": "Кировская область", "44": "Костромская область",
    "45": "Курганская область", "46": "Курская область", "47": "Ленинградская область",
    "48": "Липецкая область", "49": "Магаданская область", "50": "Московская область",
    "51": "Мурманская область", "52": "Нижегородская область", "53": "Новгородская область",
    "54": "Новосибирская область", "55": "Омская область", "56": "Оренбургская область",
    "57": "Орловская область", "58": "Пензенская область", "59": "Пермский край",
    "60": "Псковская область", "61": "Ростовская область", "62": "Рязанская область",
    "63": "Самарская область", "64": "Саратовская область", "65": "Сахалинская область",
    "66": "Свердловская область", "67": "Смоленская область", "68": "Тамбовская область",
    "69": "Тверская область", "70": "Томская область", "71": "Тульская область",
    "72": "Тюменская область", "73": "Ульяновская область", "74": "Челябинская область",
    "75": "Забайкальский край", "76": "Ярославская область", "77": "Москва", "78": "Санкт-Петербург",
    "79": "Еврейская автономная область", "80": "Забайкальский край", "81": "Пермский край",
    "82": "Камчатский край", "83": "Ненецкий автономный округ", "84": "Красноярский край",
    "85": "Иркутская область", "86": "Ханты-Мансийский автономный округ — Югра",
    "87": "Чукотский автономный округ", "88": "Красноярский край",
    "89": "Ямало-Ненецкий автономный округ", "90": "Запорожская область", "91": "Республика Крым",
    "92": "Севастополь", "93": "Донецкая Народная Республика", "94": "Луганская Народная Республика",
    "95": "Херсонская область",
}  # fmt: skip


_CLEAN_CACHE: dict[str, str | None] = {}
_CLEAN_CACHE_SIZE = 20_000


def clean(value: str | None) -> str | None:
    """Collapse runs of whitespace (titles and names are often wrapped over lines); blank -> None.

    Memoised: characteristic names, units and filling instructions repeat across every notice.
    """
    if value is None:
        return None
    cached = _CLEAN_CACHE.get(value, _CLEAN_CACHE)
    if cached is not _CLEAN_CACHE:
        return cached  # type: ignore[return-value]
    result = value
    if "\n" in result or "  " in result or "\t" in result or "\r" in result or "\xa0" in result:
        result = _SPACES.sub(" ", result)
    result = result.strip() or None
    if len(value) < 200:
        if len(_CLEAN_CACHE) >= _CLEAN_CACHE_SIZE:
            _CLEAN_CACHE.clear()
        _CLEAN_CACHE[value] = result
    return result


def decimal(value: str | None) -> str | None:
    """A published number as a decimal string, None when absent or not a number."""
    if value is None:
        return None
    if _PLAIN_DECIMAL.match(value):  # the common case, already canonical
        return value
    try:
        return to_decimal_str(value)
    except ValueError:
        return None


def percent(value: str | None) -> str | None:
    """A percentage without insignificant zeros (``"5.0"`` -> ``"5"``, ``"0.50"`` -> ``"0.5"``)."""
    number = decimal(value)
    if number is None:
        return None
    normalised = Decimal(number).normalize()
    return format(normalised, "f")


def timestamp(value: str | None, default_zone: ZoneInfo = MOSCOW) -> str | None:
    """An ISO 8601 timestamp with offset.

    Published offsets are kept as published; a date with an offset (``2025-10-22+03:00``, EIS style)
    becomes midnight of that day in that offset; a value without offset is read in ``default_zone``.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    match = _DATE_WITH_OFFSET.match(value)
    if match:
        offset = "+00:00" if match.group(2) == "Z" else match.group(2)
        return f"{match.group(1)}T00:00:00{offset}"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=default_zone).isoformat()
    return value


def procedure_date(value: str | None, default_zone: ZoneInfo = MOSCOW) -> str | None:
    """A procedure date (bidding, review, summing-up) as published: a plain date when published without a
    time (``2025-10-22+03:00`` -> ``2025-10-22``), else a timestamp with offset.

    Decision: an EIS procedure moment at exactly 00:00 (legacy print forms write ``2021-04-20T00:00:00+05:00``
    for a bare date) is a date too: no EIS procedure is scheduled at midnight.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _DATE_WITH_OFFSET.match(value) or len(value) == 10:
        return calendar_date(value)
    moment = timestamp(value, default_zone)
    if moment is None:
        return None
    if datetime.fromisoformat(moment).time() == time(0, 0):
        return moment[:10]
    return moment


def calendar_date(value: str | None) -> str | None:
    """The calendar date of an EIS date or timestamp (``2025-12-22+03:00`` -> ``2025-12-22``)."""
    if value is None:
        return None
    head = value.strip()[:10]
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        return None


_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def valid_inn(inn: str | None) -> bool:
    """INN check digits (10 digits for organisations, 12 for individuals)."""
    if not inn or not inn.isdigit():
        return False
    digits = [int(ch) for ch in inn]
    if len(digits) == 10:
        return sum(w * d for w, d in zip(_INN10_WEIGHTS, digits, strict=False)) % 11 % 10 == digits[9]
    if len(digits) == 12:
        first = sum(w * d for w, d in zip(_INN12_WEIGHTS_1, digits, strict=False)) % 11 % 10
        second = sum(w * d for w, d in zip(_INN12_WEIGHTS_2, digits, strict=False)) % 11 % 10
        return first == digits[10] and second == digits[11]
    return False


@lru_cache(maxsize=4096)
def inn_kpp_from_customer_code(code: str | None) -> tuple[str | None, str | None]:
    """INN and KPP of an organisation from its 20-digit customer code (ИКУ, digits 3-22 of an IKZ).

    The code is a level digit, the 10-digit INN and the 9-digit KPP; anything else gives (None, None).
    """
    if not code or len(code) != 20 or not code.isdigit():
        return None, None
    inn, kpp = code[1:11], code[11:20]
    if not valid_inn(inn):
        return None, None
    return inn, kpp


def customer_code_from_ikz(ikz: str | None) -> str | None:
    """The customer code (ИКУ) inside a 36-digit IKZ: year (2 digits) + ИКУ (20) + ..."""
    if ikz and len(ikz) == 36 and ikz.isdigit():
        return ikz[2:22]
    return None


def region_name(inn: str | None = None, kpp: str | None = None) -> str | None:
    """The federal subject of an organisation from its KPP (preferred) or INN.

    KPP codes 99xx (interregional inspectorates for the largest taxpayers) name no region and are
    skipped in favour of the INN.
    """
    for code in (kpp, inn):
        if code and len(code) >= 2 and code[:2].isdigit():
            region = REGIONS.get(code[:2])
            if region:
                return region
    return None


def customer_party(
    name: str | None,
    customer_code: str | None = None,
    ikz: str | None = None,
    inn: str | None = None,
    kpp: str | None = None,
) -> dict[str, str | None] | None:
    """The contract's customer: INN/KPP from the customer code (or the IKZ holding it) when valid, else
    the ``inn``/``kpp`` given; the region from them. None when neither a name nor an INN is known."""
    code_inn, code_kpp = inn_kpp_from_customer_code(customer_code or customer_code_from_ikz(ikz))
    if code_inn is not None:
        inn, kpp = code_inn, code_kpp
    if not (name or inn):
        return None
    return {"name": name, "inn": inn, "region": region_name(inn, kpp)}
