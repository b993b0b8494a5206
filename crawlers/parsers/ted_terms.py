"""What a Russian reader needs from EU (TED) notices: the text in the best language, places and procedures named.

- Language: eForms repeat a multilingual text once per language (``<cbc:Name languageID="BUL">`` then
  ``languageID="ENG"``); the TED API gives language maps (``{"bul": "...", "eng": "..."}``). The text is chosen
  by preference: Russian, then English, then the notice's own language (BT-702), then any. The preference is
  configurable (Scrapy setting ``TED_LANGUAGES``, e.g. ``rus,eng,deu``).
- Places: NUTS codes (``BG411``) and ISO country codes (``BGR``, ``BG``) become the country's Russian name from
  babel (CLDR); the NUTS region below the country has no Russian name in any maintained library, so the city
  published with the address is shown with the country (``София, Болгария``) and the code itself never is.
- Procedures: the eForms ``procurement-procedure-type`` codes in Russian.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from babel import Locale
from babel.core import get_global

DEFAULT_LANGUAGES: tuple[str, ...] = ("rus", "eng")
"""Preferred text languages (ISO 639-2/B codes as eForms write them, lowercase) before the notice's own."""

PROCEDURES: dict[str, str] = {
    "open": "Открытая процедура",
    "restricted": "Ограниченная процедура",
    "neg-w-call": "Переговорная процедура с предварительной публикацией",
    "neg-wo-call": "Переговорная процедура без предварительной публикации",
    "comp-dial": "Конкурентный диалог",
    "innovation": "Инновационное партнёрство",
    "comp-tend": "Конкурентные торги",
    "oth-single": "Иная одноэтапная процедура",
    "oth-mult": "Иная многоэтапная процедура",
    "exp-int-rail": "Выражение интереса (железнодорожные перевозки)",
}

NOTICE_TYPES: dict[str, str] = {
    "cn-standard": "Извещение о закупке",
    "cn-social": "Извещение о закупке (социальные услуги)",
    "cn-desg": "Извещение о конкурсе проектов",
    "pin-only": "Предварительное информационное извещение",
    "pin-cfc-standard": "Предварительное извещение с приглашением к участию",
    "can-standard": "Извещение о результатах закупки",
    "can-social": "Извещение о результатах закупки (социальные услуги)",
    "can-modif": "Извещение об изменении контракта",
    "veat": "Извещение о добровольной прозрачности",
    "corr": "Исправление",
}

_NUTS_COUNTRY = {"EL": "GR", "UK": "GB"}  # NUTS uses EL and UK where ISO 3166 has GR and GB
_RU = Locale("ru")


def language_order(notice_language: str | None, preferred: Sequence[str] | None = None) -> list[str]:
    """The order in which languages are tried: the preference, then the notice's own language."""
    order = [code.lower() for code in (preferred or DEFAULT_LANGUAGES)]
    if notice_language and notice_language.lower() not in order:
        order.append(notice_language.lower())
    return order


def choose(texts: Iterable[tuple[str | None, str]], order: Sequence[str]) -> str | None:
    """The text in the first language of ``order`` present; else the first text (untagged or any language)."""
    candidates = [(language.lower() if language else None, text) for language, text in texts if text]
    for wanted in order:
        for language, text in candidates:
            if language == wanted:
                return text
    return candidates[0][1] if candidates else None


def choose_from_map(value: Mapping[str, object], order: Sequence[str]) -> object:
    """A TED API language map (``{"bul": ..., "eng": ...}``; ``mul`` = multilingual) by preference."""
    for wanted in [*order, "mul"]:
        for key, text in value.items():
            if key.lower() == wanted:
                return text
    return next(iter(value.values()), None)


def country_name(code: str | None) -> str | None:
    """Russian name of a country from an ISO alpha-2/alpha-3 code or the two letters opening a NUTS code."""
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 3 and code.isalpha():
        aliases = get_global("territory_aliases").get(code)
        code = aliases[0] if aliases else code
    else:
        code = _NUTS_COUNTRY.get(code[:2], code[:2])
    return _RU.territories.get(code)


def place(city: str | None, nuts: str | None, country: str | None) -> str | None:
    """``София, Болгария``: the city as published and the country in Russian (no NUTS or ISO code shown)."""
    name = country_name(nuts) or country_name(country)
    parts = [part for part in (city, name) if part]
    return ", ".join(dict.fromkeys(parts)) or None


def procedure_name(code: str | None) -> str | None:
    """The Russian name of an eForms procedure type; an unknown code is not shown as such."""
    if not code:
        return None
    return PROCEDURES.get(code.strip().lower())


def notice_type_name(code: str | None) -> str | None:
    if not code:
        return None
    return NOTICE_TYPES.get(code.strip().lower())
