"""Things measured in one unit that are never each other: drives and RAM are both counted in bytes, a PoE budget and
a device's consumption in watts. A spec chosen
for a requirement by its unit alone (:data:`matching.specmatch.UNIQUE_DIMENSION_SCORE`: the card's only spec in the
requirement's dimension, no name matched) is not the one when its name or value names another group's thing than
the requirement's name («Общий объем установленных накопителей ≥ 30 000 ГБ» on «Память: 4 ГБ DDR4 (до 8 ГБ)»: dev4
105/1, a false «no»); the card's one spec naming the requirement's thing and stating the dimension in its value
(«Установленные диски: 4 × 8 ТБ SATA») is, and without one nothing is found. A bound on the installed things
(«установленных накопителей») fails on a card whose spec naming them says the product comes without them («Диски: в
комплект поставки не входят»), read before any alignment (:mod:`matching.readings`). Groups and words:
`alignment.json` `unit_things`."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies, spec_card, stated_units
from matching.normalise import clean, phrase_tokens, tokens
from matching.requirements import Requirement
from matching.specmatch import FALLBACK_SCORE, SURE_SPEC_SCORE, UNIQUE_DIMENSION_SCORE
from matching.units import DATA_DIR, parse_quantities
from store.schema import ProductSpec


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["unit_things"]


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    return {group: phrase_tokens(words) for group, words in _data()["groups"].items()}


@lru_cache(maxsize=1)
def _installed() -> tuple[frozenset[str], tuple[str, ...]]:
    words = phrase_tokens(_data()["installed_words"])
    return words, tuple(clean(p) for p in _data()["absent_phrases"])


def _named(words: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    """The groups whose things the words name."""
    return frozenset(g for g, things in _groups().items() if not things.isdisjoint(words))


def _states(spec: SpecCard, dimension: str) -> bool:
    """The spec's value states a quantity in the dimension ("4 × 8 ТБ SATA")."""
    q = spec.quantity
    return (q is not None and q.dimension == dimension) or any(u[0] == dimension for u in stated_units(spec))


def thing_of_unit(
    req: Requirement, card: ProductCard, spec: SpecCard | None, confidence: float
) -> tuple[SpecCard | None, float]:
    """The spec and confidence the requirement rests on once a unit-only pick of another group's thing is set
    aside (unchanged when the pick was by name, or names no rival thing), and the asked kind's own part of a spec
    naming several kinds of drives."""
    if spec is None and req.kind == "range":
        return _group_spec(req, card) or (spec, confidence)
    if spec is not None and req.kind == "range" and req.dimension == "bytes":
        kinds = drive_kinds()
        wanted = kinds & set(req.name_tokens)
        if wanted and kinds & (spec.tokens | spec.value_tokens) > wanted:
            # «Накопители: SSD 1 ТБ NVMe + HDD 2 ТБ» for «Объем накопителя HDD»: the HDD's part, or nothing sure
            part = _kind_part(spec, wanted, kinds, req.dimension)
            return (part[0], confidence) if part else (None, 0.0)
    if spec is None or confidence not in (UNIQUE_DIMENSION_SCORE, FALLBACK_SCORE) or req.kind != "range":
        return spec, confidence
    if not names_rival_thing(req, spec):
        return spec, confidence
    asked = _named(req.name_tokens)
    own = [s for s in card.specs if _named(s.tokens) == asked and req.dimension and _states(s, req.dimension)]
    return (own[0], SURE_SPEC_SCORE) if len(own) == 1 else (None, 0.0)


def names_rival_thing(req: Requirement, spec: SpecCard) -> bool:
    """The spec names, in its name or value, another group's thing than the one the requirement's name names
    («Видеокарта: RTX 3050, 4 ГБ GDDR6» for «Объем оперативной памяти»): its amount is not the requirement's."""
    asked = _named(req.name_tokens)
    picked = _named(spec.tokens | spec.value_tokens)
    return len(asked) == 1 and bool(picked) and not asked <= picked


def _group_spec(req: Requirement, card: ProductCard) -> tuple[SpecCard, float] | None:
    """The card's one spec whose name or value names the requirement's group of things and no other, and states
    the dimension, when no spec was found by name: «Объем оперативной памяти» on «Память: 16 ГБ DDR4-3200», «Объем
    накопителя SSD» on «Хранение данных: SSD 1 ТБ NVMe». The kinds of a group the requirement names (SSD, HDD)
    must be the very kinds the spec names: «SSD» is never proven by «Накопители: HDD 2 ТБ», nor by «SSD 256 ГБ +
    HDD 1 ТБ» (which drive holds the bound?)."""
    asked = _named(req.name_tokens)
    if len(asked) != 1 or req.dimension in (None, "count") or not asked <= frozenset(_data()["value_groups"]):
        return None  # a count of drives is never the count of bays a spec naming drives states
    kinds = drive_kinds()
    wanted = kinds & set(req.name_tokens)
    own = []
    for s in card.specs:
        words = s.tokens | s.value_tokens
        if _states_room(s, req.dimension):
            continue  # «слот для SSD до 2 ТБ» is room for a drive, not one installed
        named = kinds & words
        same_kinds = named == wanted or (not wanted and len(named) < 2)
        if same_kinds and _named(words) == asked and _states(s, req.dimension):
            own.append(s)
        elif wanted and named > wanted and _named(words) == asked:
            own.extend(_kind_part(s, wanted, kinds, req.dimension))
    return (own[0], SURE_SPEC_SCORE) if len(own) == 1 else None


_PARTS_RE = re.compile(r"\s+\+\s+|[,;]\s*")
_MULTIPLIED_RE = re.compile(r"\d\s*[×xх*]\s*\d", re.IGNORECASE)


def _kind_part(spec: SpecCard, wanted: set[str], kinds: frozenset[str], dimension: str) -> list[SpecCard]:
    """The one part of a value joining drives of several kinds («SSD 1 ТБ NVMe + HDD 2 ТБ») that names exactly the
    asked kinds and states the dimension once, as a spec of its own; none when a part multiplies («2 × 480 ГБ SSD»:
    each or in all?) or several parts name the kind."""
    parts = [p for p in _PARTS_RE.split(spec.spec.value) if kinds & set(tokens(p)) == wanted]
    if len(parts) != 1 or _MULTIPLIED_RE.search(parts[0]):
        return []
    part = spec_card(ProductSpec(name=spec.spec.name, value=parts[0], unit=spec.spec.unit))
    return [part] if _states(part, dimension) else []


@lru_cache(maxsize=1)
def _room_words() -> frozenset[str]:
    """Words of a spec stating the room for things, not the things (`unit_things` `room_words`)."""
    return frozenset(t for w in _data()["room_words"] for t in tokens(w))


def _states_room(spec: SpecCard, dimension: str) -> bool:
    """The spec states room for things: its name says so («Слоты для накопителей»), or the first clause of its value
    stating the dimension does («слот для SSD до 2 ТБ», «DDR4 без ECC, 4 слота, до 128 ГБ»: an upper bound; not
    «32 ГБ DDR5 (2 × 16 ГБ), 4 слота, до 128 ГБ», installed first)."""
    room = _room_words()
    if not room.isdisjoint(spec.tokens):
        return True
    for clause in _CLAUSE_RE.split(_BRACKETS_RE.sub(" ", spec.spec.value)):
        if any(q.dimension == dimension for q in parse_quantities(clause)):
            return not room.isdisjoint(tokens(clause)) or clause.strip().lower().startswith("до ")
    return False


_CLAUSE_RE = re.compile(r"[,;]")
_BRACKETS_RE = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=1)
def drive_kinds() -> frozenset[str]:
    """The words naming a kind of a group's thing (SSD against HDD), which a spec must name as the requirement does."""
    return frozenset(t for w in _data()["kinds"] for t in tokens(w))


def asks_installed(req: Requirement) -> bool:
    """A lower bound on the installed things of one group («Общий объем установленных накопителей ≥ 30 000 ГБ»)."""
    installed = _installed()[0]
    return (
        req.kind == "range"
        and req.dimension is not None
        and req.min is not None
        and req.min > 0
        and len(_named(req.name_tokens)) == 1
        and not installed.isdisjoint(tokens(req.name))
    )


def installed_none(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("no", reason, spec) when the card's spec naming the things says the product comes without them and no other
    spec naming them states the dimension; None otherwise. Only for a requirement :func:`asks_installed` accepted."""
    asked = _named(req.name_tokens)
    own = [s for s in card.specs if _named(s.tokens) == asked]
    absent = _installed()[1]
    none = [s for s in own if denies(s) or any(p in s.value_clean for p in absent)]
    if len(none) != 1 or any(req.dimension and _states(s, req.dimension) for s in own):
        return None
    spec = none[0]
    return "no", f"в карточке: {spec.spec.name} — {spec.spec.value}, требуется {req.describe()}", spec
