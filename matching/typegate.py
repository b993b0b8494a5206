"""The type gate: a product of another type than the line asks for is "no: другой тип товара".

Types are product-type nouns (``matching/data/alignment.json`` ``product_types``): of a line, the ones its
bracketed refinement names ("Компьютер персональный настольный (моноблок)" → моноблок), else the ones of its
leading phrase (before a preposition: "Сумка для ноутбука" names no type we sell); of a product, its catalogue
``category`` and the head of its name. When either side names no known type, the OKPD2/KTRU class decides
(a different two-digit class is another type).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard
from matching.index import code_agreement, head_of, leading_tokens
from matching.normalise import phrase_tokens, tokens
from matching.units import DATA_DIR

_BRACKET_RE = re.compile(r"\(([^()]+)\)")
SERVICE = frozenset({"услуга"})
"""The type of a line buying a service (`alignment.json` `service_heads`): no product is of it."""


@lru_cache(maxsize=1)
def _service_heads() -> frozenset[str]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["service_heads"]["words"]
    return phrase_tokens(data)


@lru_cache(maxsize=1)
def known_types() -> frozenset[str]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["product_types"]["types"]
    return frozenset(tokens(word)[0] for word in data if len(tokens(word)) == 1)


@lru_cache(maxsize=50_000)
def line_types(name: str) -> frozenset[str]:
    if head_of(name) in _service_heads():
        return SERVICE  # "Техническое обслуживание МФУ": a service, no MFP is one
    types = known_types()
    for inner in _BRACKET_RE.findall(name):
        found = frozenset(tokens(inner)) & types
        # A refinement names the type first ("(моноблок)"); a list of parts ("в сборе (монитор, клавиатура, мышь)")
        # or a mode ("Моноблок 27\" (режим монитора)": the all-in-one also works as a monitor) is not one.
        if len(found) == 1 and tokens(inner)[:1] == tuple(found):
            return found
    return frozenset(leading_tokens(name)) & types


def product_types(card: ProductCard) -> frozenset[str]:
    """The product's own name's head when it names a type ("Моноблок ICL …"), with its category's type when the
    category names exactly one («Шкаф настенный …» of «Шкафы телекоммуникационные» is a telecom cabinet, the
    «стойка» a line names); else its category's types: a category naming several ("Системные блоки и моноблоки")
    is a shelf, not what this product is."""
    product = card.product
    head = frozenset(leading_tokens(product.name)[:1]) & known_types()
    shelf = frozenset(tokens(product.category or "")) & known_types()
    if not head:
        return shelf
    return head | shelf if len(shelf) == 1 else head


CLASS_ONLY = 0.25
"""Code agreement of two codes sharing only their two-digit OKPD2 class (26: computers, monitors, TV sets alike)."""


def type_gate(
    wanted: frozenset[str], codes: tuple[str, ...], card: ProductCard, card_types: frozenset[str]
) -> tuple[str | None, str | None]:
    """(why the product is of another type than the line, why its type is not confirmed), each None when it does not
    hold (``wanted`` = :func:`line_types` of the line's name). Type nouns decide when both sides name one; else the
    OKPD2/KTRU codes: another two-digit class is another type, the same class only (and nothing finer) leaves the
    type unconfirmed, so the pair is "unknown" at best. Without a code on a side nothing is said: catalogues often
    carry none."""
    if not codes and not wanted:
        return None, None
    if wanted and card_types:
        if wanted & card_types:
            return None, None
        kinds = f"в позиции — {', '.join(sorted(wanted))}, товар — {', '.join(sorted(card_types))}"
        return f"другой тип товара: {kinds}", None
    agreement = code_agreement(codes, card.codes)
    if agreement == 0.0:
        return f"другой тип товара: класс ОКПД2/КТРУ позиции {codes[0]} и товара {card.codes[0]} различаются", None
    if agreement is not None and agreement <= CLASS_ONLY:
        return None, (f"тип товара не подтверждён: коды ОКПД2/КТРУ позиции {codes[0]} и товара {card.codes[0]} "
                      "совпадают только в классе")
    return None, None


def other_type(
    wanted: frozenset[str], codes: tuple[str, ...], card: ProductCard, card_types: frozenset[str]
) -> str | None:
    """Why the product is of another type than the line, or None when it is (or may be) the same type."""
    return type_gate(wanted, codes, card, card_types)[0]


def type_unconfirmed(
    wanted: frozenset[str], codes: tuple[str, ...], card: ProductCard, card_types: frozenset[str]
) -> str | None:
    """Why the product's type is not confirmed for the line (:func:`type_gate`), or None."""
    return type_gate(wanted, codes, card, card_types)[1]
