"""A quantity a requirement names by a bracketed label («Длина волны передатчика (Tx): 1310 нм») read where the card
writes that label: in a value («WDM Tx 1310 нм / Rx 1550 нм») or a spec's name («Длина волны Tx: 1310 нм»).

Only a short Latin label (Tx, Rx, In, Out) in brackets at the end of the name (or a transceiver's side in Russian,
«Длина волны приемника»: Rx), a quantity of the asked dimension
right after the label in a value (or the only one of a spec named with it), and one such quantity on the whole card;
«10/100BASE-TX» is no label. Exact values («1310 нм») and ranges are compared on base units.

A radio band is a label too: «Максимальная скорость в диапазоне 5 ГГц ≥ 867 Мбит/с» reads the rate a card writes
with that band, in one part of a combined value («574 Мбит/с (2,4 ГГц) + 2402 Мбит/с (5 ГГц)», «до 1201 Мбит/с
(5 ГГц)», «5 ГГц: 2402 Мбит/с») or in a spec named with it («Макс. скорость 5 ГГц: 1201 Мбит/с»). A part must hold
one band and one quantity of the asked dimension: a total over the bands («до 5400 Мбит/с», «300 + 867 Мбит/с»)
says nothing of one band, and a band the card does not label is never failed here. On a card naming several bands
such a rate stays unknown: the sum over the bands is no rate of one of them (alignment would read «до 5400 Мбит/с»
of an AX5400 card as the 5 ГГц band's rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matching.cards import ProductCard, SpecCard
from matching.ranges import EPS, in_range
from matching.requirements import Requirement
from matching.units import Quantity, parse_quantities

_LABEL_RE = re.compile(r"\((?P<label>[A-Za-z]{2,4})\)\s*$")
_ROLE_LABELS = (
    (re.compile(r"передатчик", re.IGNORECASE), r"tx|передатчик\w*"),
    (re.compile(r"при[её]мник", re.IGNORECASE), r"rx|при[её]мник\w*"),
)
"""A transceiver's side named in Russian («Длина волны приемника»): the label the card writes for it (Rx or the
word itself: «Tx 1310 нм / Rx 1550 нм», «передатчик 1310 нм, приемник 1550 нм»)."""
_AFTER = 24
"""How far after a label its quantity is looked for ("Tx 1310 нм", "Tx: 1310 нм")."""


@dataclass(frozen=True, slots=True)
class _Asked:
    label: re.Pattern[str] | None
    dimension: str
    exact: float | None
    band: float | None = None
    """The asked radio band in Hz when the label is a band («в диапазоне 5 ГГц»)."""


_BAND = "frequency"
_BAND_PARTS_RE = re.compile(r"\s*[;+]\s*|\s*,(?!\d)\s*")
"""Parts of a combined value: one band's figure each («574 Мбит/с (2,4 ГГц) + 2402 Мбит/с (5 ГГц)»)."""


def _asked_band(req: Requirement) -> _Asked | None:
    """A range of a measure other than a frequency whose name names one radio band («… в диапазоне 5 ГГц»)."""
    if req.kind != "range" or req.dimension in (None, "count", _BAND):
        return None
    bands = [q for q in parse_quantities(req.name) if q.dimension == _BAND]
    return _Asked(None, req.dimension, None, bands[0].base) if len(bands) == 1 else None


def _banded(asked: _Asked, spec: SpecCard) -> list[Quantity]:
    """The spec's quantities of the asked dimension written with the asked band."""
    named = [q for q in parse_quantities(spec.spec.name) if q.dimension == _BAND]
    if named:
        found = [q for q in parse_quantities(spec.spec.value) if q.dimension == asked.dimension]
        if not found and spec.quantity is not None and spec.quantity.dimension == asked.dimension:
            found = [spec.quantity]  # the unit in the spec's own field («1201», «Мбит/с»)
        return found if len(named) == 1 and len(found) == 1 and _same(named[0].base, asked.band) else []
    found = []
    for part in _BAND_PARTS_RE.split(spec.spec.value):
        quantities = parse_quantities(part)
        bands = [q for q in quantities if q.dimension == _BAND]
        measured = [q for q in quantities if q.dimension == asked.dimension]
        if len(bands) == 1 and len(measured) == 1 and _same(bands[0].base, asked.band):
            found.append(measured[0])
    return found


def _several_bands(card: ProductCard) -> bool:
    """The card names more than one radio band («Диапазоны: 2,4 ГГц + 5 ГГц»)."""
    bands = {round(q.base) for s in card.specs for q in parse_quantities(s.spec.value) if q.dimension == _BAND}
    return len(bands) > 1


def _same(a: float, b: float | None) -> bool:
    return b is not None and abs(a - b) <= EPS * max(1.0, abs(b))


def asks_labelled(req: Requirement) -> bool:
    """A requirement of a quantity named by a bracketed Latin label (kept on the requirement)."""
    m = _LABEL_RE.search(req.name)
    asked = None
    written = re.escape(m.group("label")) if m is not None else _role_label(req.name)
    if written is not None:
        label = re.compile(rf"(?<![\w-])(?:{written})(?![\w-])", re.IGNORECASE)
        if req.kind == "range" and req.dimension not in (None, "count"):
            asked = _Asked(label, req.dimension, None)
        elif req.kind in ("text", "values"):
            found = [q for text in (req.text or "", *req.values) for q in parse_quantities(text) if q.dimension]
            if len(found) == 1 and not re.search(r"не\s|≥|≤|>|<|от\s|до\s", req.text or ""):
                asked = _Asked(label, found[0].dimension, found[0].base)
    req.lookup["labelled"] = asked = asked or _asked_band(req)
    return asked is not None


def _role_label(name: str) -> str | None:
    """The label pattern of the one transceiver side a name names, None for none or both («приемопередатчика»)."""
    found = [label for side, label in _ROLE_LABELS if side.search(name)]
    return found[0] if len(found) == 1 and "приемопередатчик" not in name.lower() else None


def _labelled(asked: _Asked, spec: SpecCard) -> list[Quantity]:
    if asked.label is None:
        return _banded(asked, spec)
    if asked.label.search(spec.spec.name):
        found = [q for q in parse_quantities(spec.spec.value) if q.dimension == asked.dimension]
        return found if len(found) == 1 else []
    found = []
    for m in asked.label.finditer(spec.spec.value):
        after = parse_quantities(spec.spec.value[m.end() : m.end() + _AFTER])
        if after and after[0].dimension == asked.dimension:
            found.append(after[0])
    return found


def labelled_quantity(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) when the card writes one quantity under the label; None otherwise. Only for a
    requirement :func:`asks_labelled` accepted."""
    asked: _Asked = req.lookup["labelled"]
    found = [(q, spec) for spec in card.specs for q in _labelled(asked, spec)]
    if not found and asked.band is not None and _several_bands(card):
        return "unknown", "в карточке не указано значение для требуемого диапазона частот, проверьте вручную", None
    if not found or len({round(q.base, 6) for q, _ in found}) != 1:
        return None
    q, spec = found[0]
    if asked.exact is not None:
        ok = abs(q.base - asked.exact) <= EPS * max(1.0, abs(asked.exact))
    else:
        ok = in_range(req, q.base)
    said = f"в карточке ({spec.spec.name}): {spec.spec.value}, требуется {req.describe()}"
    return ("yes" if ok else "no"), said, spec
