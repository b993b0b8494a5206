"""Prepared product cards: a catalogue product with its specs normalised once (tokens, quantities, booleans)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from matching.alignment import implicit_only, own_function, vocabulary
from matching.limits import limit_of
from matching.normalise import canonical, clean, feature_tokens, implied, tokens
from matching.offered import stated_clauses
from matching.requirements import as_bool, name_tokens
from matching.specsplit import split_spec
from matching.units import Quantity, first_quantity, make_quantity, one_measure, parse_quantities, unit_info
from matching.values import class_text, is_unlimited, racked_types, single_mode_words
from store.schema import Product, ProductSpec


class Signature:
    """Interned spec signature of a card (hashed by identity: one object per distinct signature)."""

    __slots__ = ("entries",)

    def __init__(self, entries: tuple) -> None:
        self.entries = entries


_SIGNATURES: dict[tuple, Signature] = {}
_PARTS_RE = re.compile(r"\s*[,;]\s*|\s+и\s+|\s*/\s*(?![^()]*\))")


@dataclass(frozen=True, slots=True)
class SpecCard:
    spec: ProductSpec
    tokens: frozenset[str]
    quantity: Quantity | None
    flag: bool | None
    value_clean: str
    value_tokens: frozenset[str]
    parts: tuple[str, ...]
    class_text: str
    """What the value classes read: the value, or the class its "нет" means ("Экран: нет": an unshielded cable)."""


@dataclass(frozen=True, slots=True, eq=False)
class ProductCard:
    product: Product
    tokens: tuple[str, ...]
    text: str
    specs: tuple[SpecCard, ...]
    bag: frozenset[str]
    """Every token of the card (name, category, vendor, model, spec names and values): evidence of features."""
    price: float
    codes: tuple[str, ...]
    evidence: frozenset[str]
    """The bag without the names of specs the card denies ("PoE: нет"): what the product surely offers."""
    stated: frozenset[str]
    """What the card states of the product: its name and the values of its specs (not what the specs are
    called: a spec named "Графический адаптер" says nothing graphic of another spec)."""
    denied: tuple[tuple[frozenset[str], SpecCard], ...]
    """Features the catalogue says the product lacks (closed world), as the distinctive tokens of the spec name."""
    signature: Signature
    """What spec lookup depends on (spec name tokens, value dimension, numeric value), shared by variants of
    one product family so lookups are memoised across them."""


def _spec_unit(spec: ProductSpec) -> str | None:
    if spec.unit:
        return spec.unit
    if "," in spec.name:
        tail = spec.name.rsplit(",", 1)[1].strip()
        if unit_info(tail):
            return tail
    return None


def list_unit(value: str) -> str | None:
    """The unit a list of numbers writes once, after its last ("2,4 и 5 ГГц"), else None."""
    found = [parse_quantities(part) for part in _PARTS_RE.split(value)]
    if len(found) < 2 or any(len(q) != 1 for q in found):
        return None
    *first, last = (q[0] for q in found)
    return last.unit if last.dimension and all(q.unit is None for q in first) else None


_SLASH_LIST_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)+)\s*(?P<unit>[^\d\s/][^\d]*?)\s*$")


def slash_listed(value: str) -> tuple[float, ...] | None:
    """The values, in base units, of a whole value listing numbers by slashes with one unit after the last
    («10/100/1000 Мбит/с»: a port running at each of them), else None. Not ``list_unit``: a spec's own quantity
    keeps its reading («≥ 1 Гбит/с» is met by the port's top rate)."""
    m = _SLASH_LIST_RE.match(value)
    if m is None:
        return None
    numbers = [float(n.replace(",", ".")) for n in re.split(r"\s*/\s*", m.group(1))]
    quantities = [make_quantity(n, m.group("unit")) for n in numbers]
    return tuple(q.base for q in quantities) if all(q.dimension for q in quantities) else None


def listed_bases(spec: SpecCard) -> list[float]:
    """Every number of a listed value in base units, the list's one unit for each ("2,4 и 5 ГГц", «10/100/1000
    Мбит/с»: its unit's slash is no list's)."""
    slashed = slash_listed(spec.spec.value)
    if slashed:
        return list(slashed)
    unit = spec.spec.unit or list_unit(spec.spec.value)
    return [q.base if q.dimension else make_quantity(q.value, unit).base for q in parse_quantities(spec.spec.value)]


def denied_features(name: str) -> frozenset[str]:
    """The features a spec name names, each part the most specific one: "PoE/PoE+" both, "Wi-Fi 6E" only 6E (the
    normaliser adds the features a token includes, which a denial must not take)."""
    found: set[str] = set()
    for part in re.split(r"[/,;]", name):
        named = feature_tokens(tokens(part))
        found |= named - {t for f in named for t in implied({f}) if t != f}
    return frozenset(found)


def spec_card(spec: ProductSpec) -> SpecCard:
    parts = tuple(p for p in (clean(x) for x in _PARTS_RE.split(spec.value)) if p)
    quantity = first_quantity(spec.value, _spec_unit(spec) or list_unit(spec.value))
    flag = as_bool(spec.value)
    return SpecCard(
        spec=spec,
        tokens=implied(frozenset(name_tokens(spec.name))),
        quantity=quantity,
        flag=flag,
        value_clean=clean(spec.value),
        value_tokens=implied(frozenset(tokens(spec.value))),
        parts=parts,
        class_text=class_text(spec.name, spec.value, flag is False),
    )


def denies(spec: SpecCard) -> bool:
    """The spec says the product lacks what it names ("PoE: нет", "DDM: не поддерживается")."""
    return spec.flag is False or spec.value_clean.startswith(("нет", "без ", "отсутств", "не поддерж"))


def offered_tokens(spec: SpecCard) -> frozenset[str] | None:
    """The value's words of what the product has (:func:`matching.offered.stated_clauses`); None when the spec
    states nothing the product has."""
    kept = stated_clauses(spec.spec.value)
    if kept is None or kept == (spec.spec.value,):
        return None if kept is None else spec.value_tokens
    return implied(frozenset(tokens(", ".join(kept).lower())))


def product_card(product: Product) -> ProductCard:
    head = " ".join(x for x in (product.name, product.category, product.vendor, product.model) if x)
    name_tokens_ = tokens(head)
    own = tuple(part for spec in product.specs for part in split_spec(spec))
    specs = _racked(_own_function_dropped(tuple(spec_card(s) for s in own), product), product)
    bag = set(name_tokens_)
    evidence = set(name_tokens_)
    stated = set(name_tokens_)
    denied = []
    for s in specs:
        bag |= s.tokens
        bag |= s.value_tokens
        if denies(s):
            # What the spec itself names, not what that includes: "Wi-Fi 6E: нет" does not deny Wi-Fi.
            features = denied_features(s.spec.name)
            if features:
                denied.append((features, s))
            continue
        offered = offered_tokens(s)
        if offered is None:  # "SNMP-карта: опционально" states no card
            continue
        evidence |= s.tokens - implicit_only(tokens(s.spec.name), s.tokens)  # "Порты" states no RJ-45 port
        evidence |= offered
        stated |= offered
    codes = tuple(c for c in (product.ktru, product.okpd2) if c)
    signature = tuple(
        (s.tokens, s.quantity.dimension if s.quantity else None, s.quantity is not None or is_unlimited(s.spec.value),
         s.value_clean.replace(".", "").isdigit(), value_shape(s.spec.value), stated_units(s))
        for s in specs
    )  # fmt: skip
    return ProductCard(
        product=product,
        tokens=name_tokens_,
        text=canonical(head),
        specs=specs,
        bag=implied(bag),
        evidence=implied(evidence),
        stated=frozenset(stated),
        denied=tuple(denied),
        price=float(Decimal(product.price)),
        codes=codes,
        signature=_SIGNATURES.setdefault(signature, Signature(signature)),
    )


def _type_words(product: Product) -> set[str]:
    """The words of the product's type: its category's and its name's head."""
    return set(tokens(product.category or "")) | set(tokens(product.name)[:1])


def product_function(product: Product) -> frozenset[str]:
    """The words of the only function of the product's type (its category, or its name's head): a scanner's
    scanning (:func:`matching.alignment.own_function`)."""
    return own_function(_type_words(product))


def _racked(specs: tuple[SpecCard, ...], product: Product) -> tuple[SpecCard, ...]:
    """Of a product whose type stands in a rack by its height in units (a server, a switch, a UPS:
    ``value_classes.json`` ``rack_units_mounting``), specs stating that height ("Форм-фактор: 2U") read as rack
    mounting too; a cabinet's "42U" is its capacity and stays a number."""
    if _type_words(product).isdisjoint(racked_types()):
        return specs
    return tuple(s if s.flag is False else replace(s, class_text=class_text(s.spec.name, s.spec.value, False, True))
                 for s in specs)  # fmt: skip


def _own_function_dropped(specs: tuple[SpecCard, ...], product: Product) -> tuple[SpecCard, ...]:
    """Spec names of a card without the words of its type's only function, as a line of that type aligns them
    ("Разрешение сканирования" of a scanner is its "Разрешение")."""
    function = product_function(product)
    if not function:
        return specs
    return tuple(s if s.tokens.isdisjoint(function) else replace(s, tokens=(s.tokens - function) or s.tokens)
                 for s in specs)  # fmt: skip


_DECIMAL_RE = re.compile(r"\d+[.,]\d+")


def stated_units(spec: SpecCard) -> frozenset[tuple[str, float]]:
    """The units, as (dimension, factor), of the quantities the spec's value states outside brackets ("802.3af/at,
    бюджет 370 Вт": watts; not "24 AWG (0,51 мм)", a remark on the gauge)."""
    found = {unit_info(q.unit) for q in parse_quantities(_BRACKETS_RE.sub(" ", spec.spec.value)) if q.dimension}
    if spec.quantity is not None and spec.quantity.dimension:
        found.add(unit_info(spec.quantity.unit))
    return frozenset(u for u in found if u is not None)


def value_shape(value: str) -> str | None:
    """How a value reads as a measure: "number" (a bare number; a decimal may be a version, "2.0", which
    :func:`matching.ranges.check_range` never counts), "kinds" (things counted by kind: "IEC C13 × 4, Schuko × 2"),
    "counted" (one count of the spec's things leading the value: "2 × Intel Xeon Silver 4310 (12 ядер)", "2 × 1200 Вт,
    горячая замена"), "range" (limits: "52–300 г/м²", "до 300 г/м²"), None (words around a number: "PoE+ (802.3at)",
    "Intel Xeon 4310")."""
    value = value.strip()
    if value.isdigit() or _DECIMAL_RE.fullmatch(value) or one_measure(value):
        return "number"
    if counted_kinds(value):
        return "kinds"
    leading = _LEADING_RE.match(value) and len(_MULTIPLIER_RE.findall(_BRACKETS_RE.sub("", value))) == 1
    if leading:
        return "counted"
    return "range" if limit_of(value, "upper") is not None else None


_LEADING_RE = re.compile(r"\d{1,3}\s*[×xх*]\s*\S", re.IGNORECASE)
_MULTIPLIER_RE = re.compile(r"(?<![\w.,])\d{1,3}\s*[×xх*]\s*(?=\S)", re.IGNORECASE)
_BRACKETS_RE = re.compile(r"\([^()]*\)")


def is_version(value: str, unit: str | None) -> bool:
    """A bare decimal without a unit ("HDMI: 2.0"): a version as likely as a size, never a count."""
    return not unit and _DECIMAL_RE.fullmatch(value.strip()) is not None


_KIND_COUNT_RE = re.compile(
    r"^(?:(?P<kind>[^\d\s][^×]*?)\s*[×xх*]\s*(?P<n>\d{1,3})|(?P<n2>\d{1,3})\s*[×xх*]\s*(?P<kind2>[^\d\s].*?))$",
    re.IGNORECASE,
)


def counted_kinds(value: str) -> tuple[tuple[frozenset[str], int], ...]:
    """A value counting things by kind ("IEC C13 × 4, Schuko × 2") as (kind tokens, count) pairs; empty when
    any part is not of that shape."""
    found, uncounted = kinds_counted_in(value)
    return () if uncounted else found


def kinds_counted_for(value: str, asked: frozenset[str]) -> tuple[tuple[frozenset[str], int], ...]:
    """The kinds a value counts for a count of the asked Latin kinds: every part counted («IEC C13 × 4, Schuko ×
    2»), or, when some kind is asked, the counted parts if no other part names it («6 × IEC 320 C13, клеммная
    колодка»: a terminal block holds no C13 outlet; «4 × C13, Schuko» leaves the Schuko outlets uncounted)."""
    found, uncounted = kinds_counted_in(value)
    if uncounted is None:
        return found
    return found if asked and not asked & uncounted else ()


@lru_cache(maxsize=65_536)
def kinds_counted_in(value: str) -> tuple[tuple[tuple[frozenset[str], int], ...], frozenset[str] | None]:
    """The parts of a value counting things by kind, as (kind tokens, count) pairs, and the words of its other
    parts (None when every part counts): «6 × IEC 320 C13, клеммная колодка» counts six C13 outlets beside a
    terminal block, which counts no C13 but may be anything a count of all outputs asks."""
    found, uncounted = [], set()
    parts = re.split(r"\s*[,;]\s*|\s+и\s+", value.strip())
    for part in parts:
        written = kind_counted(part)
        if written is None:
            rated = _rated_kind(part)
            if rated is None:
                uncounted.update(tokens(part))
                uncounted.add("")  # a part without a word is still a part not counted
            else:
                found.append(rated)
            continue
        found.append((frozenset(tokens(written[0])), written[1]))
    return tuple(found), (frozenset(uncounted) if uncounted else None)


def kind_counted(part: str) -> tuple[str, int] | None:
    """One part of a value counting one kind, either way round ("HDMI 1.4 × 1", "2 × USB-A"), as (the kind as
    written, count); None for any other part."""
    m = _KIND_COUNT_RE.match(part.strip())
    if m is None:
        return None
    kind, n = (m.group("kind"), m.group("n")) if m.group("kind") else (m.group("kind2"), m.group("n2"))
    return kind, int(n)


def _rated_kind(part: str) -> tuple[frozenset[str], int] | None:
    """Ports counted by their speed ("2 × 1 Гбит/с"): the speed is the kind (its token, "gigabit")."""
    m = _EACH_RE.match(part)
    each = first_quantity(m.group("rest"), None) if m else None
    if m is None or each is None or each.dimension != "rate":
        return None
    return frozenset(tokens(m.group("rest"))), int(m.group("n"))


_EACH_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[×xх*]\s*(?P<rest>\d.*)$", re.IGNORECASE)


def counted_each(spec: SpecCard) -> tuple[int, Quantity] | None:
    """A value counting things of one size ("2 × 1200 Вт": two of 1200 Вт each) as (count, each)."""
    m = _EACH_RE.match(spec.spec.value)
    if m is None:
        return None
    each = first_quantity(m.group("rest"), _spec_unit(spec.spec))
    return (int(m.group("n")), each) if each is not None and each.dimension not in (None, "count") else None


def states_unit(spec: SpecCard) -> bool:
    """The card says what the spec's number measures: a unit of the spec, or one in its value ("2,4 и 5 ГГц")."""
    if spec.quantity is not None and spec.quantity.dimension:
        return True
    return any(q.dimension not in (None, "count") for q in parse_quantities(spec.spec.value))


def said_together(words: frozenset[str], card: ProductCard) -> bool:
    """Words with a number are said of one thing: "RAID 5" by one spec or the product's name, not "RAID" here
    and "5 кг" there. Words without one may come from anywhere on the card."""
    if not any(w[:1].isdigit() for w in words):
        return True
    return words <= implied(frozenset(card.tokens)) or any(words <= s.tokens | s.value_tokens for s in card.specs)


def said_of_it(words: frozenset[str], card: ProductCard, name: tuple[str, ...]) -> bool:
    """Values of a characteristic no spec is named like, found as words on the card, count only where they are
    said of the thing the characteristic names: not in a spec of another part ("Корпус: металлический, белый" says
    nothing of «Цвет объектива» or «Материал крепления»), nor where the characteristic names a part the place
    does not («Цветность сканирования» on «Цветность печати: цветная», or on an MFP's name). The product's name
    speaks for its body and its type's only function (a scanner's scanning); a part named only by the
    characteristic's side may be the body. A single mode's words in a spec's name are the mode a value is measured
    in, not the product's class, unless the spec affirms them («Монохромная печать: да»)."""
    v = vocabulary()
    parts = v.components | v.body
    product = card.product
    asked = set(name) & parts - product_function(product)
    places = [implied(frozenset(card.tokens))] if asked <= v.body else []
    modes = single_mode_words()
    for s in card.specs:
        named = s.tokens & parts
        if named <= asked and asked - named <= v.body:
            # «Скорость черно-белой печати: 30» measures a mode, which colour devices have too: not their class.
            places.append((s.tokens if s.flag else s.tokens - modes) | s.value_tokens)
    if any(w[:1].isdigit() for w in words):
        return any(words <= place for place in places)
    return words <= frozenset().union(*places)
