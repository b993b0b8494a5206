"""The speed of an access point's uplink port (issue 15, session 13, dev7 12/1): «Скорость порта uplink ≥ 2,5 Гбит/с»
on «Порты: 1 x 2,5GbE (PoE in), 1 x 1GbE» stayed «характеристика не найдена». The port taking power over Ethernet
(``ports.json`` ``power_input``) is the one cabled to the switch: the uplink. Decided only when the card lists one
such port with one speed and it meets the bound; another port's speed (the 1GbE one) is never the uplink's."""

from __future__ import annotations

import json
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies
from matching.ports import listed_ports
from matching.portspeeds import speeds
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))
    uplink = data["uplink_speed"]
    return frozenset(uplink["name"]), frozenset(uplink["uplink"]), frozenset(data["power_input"])


def asks_uplink_speed(req: Requirement) -> bool:
    """A speed asked of the uplink port by port words alone («Скорость порта uplink»)."""
    name, uplink, _ = _vocabulary()
    words = set(req.name_tokens)
    return req.kind == "range" and req.dimension == "rate" and bool(words & uplink) and words <= name


def uplink_speed(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes", reason, spec) when the card's one powered-input port names one speed meeting the bound."""
    _, _, power_input = _vocabulary()
    found = [(kind, spec) for spec in card.specs if not denies(spec)
             for kind, _ in listed_ports(spec.spec.value) if kind & power_input]  # fmt: skip
    if len(found) != 1 or len(fast := speeds(found[0][0])) != 1:
        return None
    speed, spec = next(iter(fast.values())), found[0][1]
    if not in_range(req, speed):
        return None
    said = f"в карточке ({spec.spec.name}: {spec.spec.value}): порт с питанием PoE, требуется {req.describe()}"
    return "yes", said, spec
