"""Versions of a named product asked as a minimum: «Версия операционной системы: не ниже Android 12», «Версия ОС
Android: не ниже 12» against the card's «Android 13» (yes) or «Android 11» (no).

The version is read where the card states it of the product: its name («Планшет …, Android 13») or a spec sharing
a word of the requirement's name besides «версия» («ОС», «Операционная система»), never a compatibility list of
another spec (that one leaves it unknown). Two different versions on one card, or another product's name («ОС
Аврора 5»), decide nothing.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.requirements import Requirement
from matching.units import DATA_DIR

_AT_LEAST_RE = re.compile(r"не\s+(?:ниже|менее|хуже|старше)|(?:и|или)\s+(?:выше|новее|старше)", re.IGNORECASE)
_NAMED_RE = re.compile(r"(?<![\w-])(?P<name>[a-z][a-z]{2,})\s*(?P<v>\d{1,2}(?:\.\d{1,2})?)(?![\d.,])", re.IGNORECASE)
_LATIN_WORD_RE = re.compile(r"(?<![\w-])[a-z][a-z]{2,}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _version_words() -> frozenset[str]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["version_names"]
    return frozenset(data["words"])


def asks_at_least(text: str) -> bool:
    """The text asks a minimum («не ниже v3», «12 и выше»)."""
    return _AT_LEAST_RE.search(text) is not None


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def _asked(req: Requirement) -> tuple[str, tuple[int, ...]] | None:
    """(product name, version) of a minimum version the requirement asks; None for any other requirement."""
    if _version_words().isdisjoint(req.name_tokens):
        return None
    if req.kind == "text" and req.text and _AT_LEAST_RE.search(req.text):
        m = _NAMED_RE.search(req.text)
        return (m.group("name").lower(), _number(m.group("v"))) if m else None
    if req.kind == "range" and req.min is not None and req.max is None and req.unit is None and req.min_inclusive:
        names = _LATIN_WORD_RE.findall(req.name)
        if len(names) == 1 and float(req.min).is_integer():
            return names[0].lower(), (int(req.min),)
    return None


def _stated(name: str, text: str) -> set[tuple[int, ...]]:
    return {_number(m.group("v")) for m in _NAMED_RE.finditer(text) if m.group("name").lower() == name}


def asks_version(req: Requirement) -> bool:
    """The requirement asks a minimum version of a named product (decided once per requirement)."""
    asked = req.lookup["version"] = _asked(req)
    return asked is not None


def version_at_least(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("yes" | "no", reason, spec) when the card states one version of the product the requirement names;
    "unknown" when only another spec names one (a compatibility list), which its words alone would prove; None
    otherwise. Only for a requirement :func:`asks_version` accepted."""
    name, version = req.lookup["version"]
    words = frozenset(req.name_tokens) - _version_words()
    found = {v: None for v in _stated(name, card.product.name)}
    elsewhere = None
    for spec in card.specs:
        if not words.isdisjoint(spec.tokens):
            found.update((v, spec) for v in _stated(name, spec.spec.value) if found.get(v) is None)
        elif elsewhere is None and _stated(name, spec.spec.value):
            elsewhere = spec
    if not found and elsewhere is not None:  # «Совместимость: Android 12 и выше» of a web camera
        return "unknown", f"«{elsewhere.spec.name}» ({elsewhere.spec.value}) — не версия самого товара", elsewhere
    if len(found) != 1:
        return None
    ((offered, spec),) = found.items()
    where = spec.spec.name if spec is not None else "наименование"
    said = f"в карточке ({where}): {name.capitalize()} {'.'.join(map(str, offered))}, требуется не ниже " \
           f"{'.'.join(map(str, version))}"  # fmt: skip
    return ("yes" if offered >= version else "no"), said, spec
