"""A requirement naming an aspect of a thing («Режим сканирования», «Способ подключения», «Стандарты PoE», «Срок
действия лицензии») decided on the card's one spec named by the thing alone («Сканирование: в сетевую папку (SMB),
на e-mail», «PoE: 802.3af/at, бюджет 370 Вт», «Лицензия на ПО: бессрочная»): the value states that aspect, and the
asked values must be found in it (`alignment.json` `aspect_words`). Only for values and text requirements, only
when no spec is named like the requirement, never on a yes/no value («Wi-Fi: да» states no standard)."""

from __future__ import annotations

from matching.alignment import named_thing, vocabulary
from matching.cards import ProductCard, SpecCard, denies
from matching.requirements import Requirement


def aspect_spec(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The card's one spec named by the thing whose aspect the requirement names, or None."""
    thing = req.lookup.get("aspect_thing")
    if thing is None:
        thing = req.lookup["aspect_thing"] = _thing(req)
    if not thing:
        return None
    found = [s for s in card.specs if s.flag is None and not denies(s) and named_thing(s.tokens) == thing]
    return found[0] if len(found) == 1 else None


def _thing(req: Requirement) -> frozenset[str]:
    if req.kind not in ("values", "text"):
        return frozenset()
    aspects = vocabulary().aspects
    words = tuple(t for t in req.name_tokens if t not in aspects)
    return named_thing(words) if len(words) < len(req.name_tokens) else frozenset()
