"""Processor requirements in text form: "не ниже Intel Core i5 12-го поколения", "Core i5 и выше" against an
offered model ("Intel Core i5-12400", "Intel Core i5-1235U"): the family (i3 < i5 < i7 < i9) at least the asked
one and, when asked, the generation read from the model number at least the asked one.

A processor's frequency range on a card («Intel Core i5-1235U (10 ядер, 1,3–4,4 ГГц)») is its base frequency to
its turbo one: «Частота процессора базовая» is read on the range's low end, «Максимальная частота … Turbo» on its
high end. Only in the processor's spec (:func:`matching.partcounts.owner_specs`), only with one such range and no
label of its own in the value («базовая частота 2,1 ГГц, Turbo до 4,9 ГГц» is read by its labels elsewhere); a
frequency named by neither end («Частота процессора») is not read, nor a range in МГц (a memory's «DDR4
2666–3200 МГц» in the processor's spec).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.normalise import tokens
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR, make_quantity

_AT_LEAST_RE = re.compile(r"не\s+(?:ниже|хуже|менее)|(?:и|или)\s+(?:выше|лучше|новее)", re.IGNORECASE)
_ASKED_RE = re.compile(
    r"core\s*i(?P<family>[3579])(?![\w-])(?:\D{0,12}?(?P<gen>\d{1,2})\s*-?\s*(?:го|ого)?\s+поколени)?", re.IGNORECASE
)
_OFFERED_RE = re.compile(r"core\s*i(?P<family>[3579])\s*-?\s*(?P<model>\d{4,5})[a-z]{0,2}\d?(?![\w])", re.IGNORECASE)


def _generation(model: str) -> int:
    """The generation of an Intel Core model number: 12400 → 12, 1235U → 12, 8250U → 8."""
    if len(model) == 5 or (model[0] == "1" and model[1] in "01234"):
        return int(model[:2])
    return int(model[0])


def processor_meets(required: str, offered: str) -> bool | None:
    """Whether an offered processor meets a minimum one in text form; None when either is not read (no "не ниже"
    / "и выше", no Core family, a model number without a generation)."""
    if not _AT_LEAST_RE.search(required):
        return None
    asked = _ASKED_RE.search(required)
    have = _OFFERED_RE.search(offered)
    if asked is None or have is None:
        return None
    if int(have.group("family")) < int(asked.group("family")):
        return False
    gen = asked.group("gen")
    return gen is None or _generation(have.group("model")) >= int(gen)


_FREQUENCY_RANGE_RE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*[–—-]\s*(\d+(?:[.,]\d+)?)\s*(ГГц)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _ends() -> dict[str, frozenset[str]]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["frequency_range_ends"]
    return {end: frozenset(t for w in data[end] for t in tokens(w)) for end in ("low", "high", "labels")}


def _end(req: Requirement) -> int | None:
    """0 for a base frequency asked, 1 for a turbo one, None for any other requirement."""
    words = set(req.name_tokens)
    if req.kind != "range" or req.dimension != "frequency" or "частота" not in words or "процессор" not in words:
        return None
    low, high = bool(words & _ends()["low"]), bool(words & _ends()["high"])
    return None if low == high else (0 if low else 1)


def asks_frequency_end(req: Requirement) -> bool:
    """A bound on a processor's base or turbo frequency («Частота процессора базовая»)."""
    return _end(req) is not None


def frequency_end(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) on the asked end of the processor spec's one frequency range."""
    from matching.partcounts import owner_specs  # partcounts reads the processor's own counts the same way

    end = _end(req)
    specs = owner_specs(card, "процессор")
    if end is None or len(specs) != 1:
        return None
    spec = specs[0]
    found = _FREQUENCY_RANGE_RE.findall(spec.spec.value)
    if len(found) != 1 or not _ends()["labels"].isdisjoint(spec.value_tokens):
        return None
    value = make_quantity(float(found[0][end].replace(",", ".")), found[0][2]).base
    which = "базовая" if end == 0 else "максимальная"
    said = f"в карточке ({spec.spec.name}): {which} частота {found[0][end]} {found[0][2]}, требуется {req.describe()}"
    return ("yes" if in_range(req, value) else "no"), said, spec
